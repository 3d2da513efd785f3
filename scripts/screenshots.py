"""Regenerate the README's terminal images (SVG) from the real commands.

Run from the repository root after changing monographs or views:
    python scripts/screenshots.py
Each image is the real command's coloured output at 100 columns, recorded by rich into an SVG. An
image shows at most MAX_LINES lines (about 1,000 pixels); a longer output is cut there, and the
image says how many lines follow.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
WIDTH = 100
MAX_LINES = 40
SHOTS = {
    "show": (["show", "larotrectinib", "--brief", "--color", "always"], 0),
    "compare": (["compare", "larotrectinib", "entrectinib", "--color", "always"], 0),
    "validate": (["validate", "tests/fixtures/readme/testinib.yaml"], 1),
    "dose": (["dose", "larotrectinib", "--bsa", "0.6", "--hepatic", "child-pugh-b", "--color", "always"], 0),
}
"""Image name: (arguments, expected exit code)."""


def run(args: list[str]) -> tuple[str, int]:
    """The command's output (stdout then stderr, colours kept) and its exit code."""
    env = {**os.environ, "COLUMNS": str(WIDTH), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    done = subprocess.run([sys.executable, "-m", "trkmono", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT)
    return done.stdout + done.stderr, done.returncode


def shown(output: str) -> str:
    """The output's first MAX_LINES lines, and how many more there are."""
    lines = output.rstrip("\n").split("\n")
    if len(lines) <= MAX_LINES:
        return "\n".join(lines)
    return "\n".join(lines[:MAX_LINES - 1] + [f"\x1b[2m[… {len(lines) - MAX_LINES + 1} more lines]\x1b[0m"])


def svg(args: list[str], output: str) -> str:
    """The output drawn as a terminal window titled with the command."""
    console = Console(record=True, width=WIDTH, file=open(os.devnull, "w"), force_terminal=True)
    console.print(Text.from_ansi(shown(output)))
    return console.export_svg(title="$ trkmono " + " ".join(a for a in args if a not in ("--color", "always")))


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, (args, expected) in SHOTS.items():
        output, code = run(args)
        if code != expected:
            raise SystemExit(f"trkmono {' '.join(args)} exited {code}, expected {expected}:\n{output}")
        (IMAGES / f"{name}.svg").write_text(svg(args, output), encoding="utf-8")


if __name__ == "__main__":
    main()
