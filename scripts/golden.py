"""Write the golden outputs: every read command for every shipped drug, as text and Markdown, at 80 columns.

Run from the repository root after a change that is meant to change what an answer says or how it looks:
    python scripts/golden.py
tests/golden/test_output.py fails while any file here differs from the real output. ``labels`` is
left out: it asks a label service over the network (tests/cli/test_cli_labels.py runs it against a
local one).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "monographs"
OUTPUT = REPO / "tests" / "golden" / "output"
FORMATS = {"txt": [], "md": ["--format", "markdown"]}
ENV = {"NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb"}

PER_DRUG = {
    "show": [],
    "show-brief": ["--brief"],
    "show-notes": ["--notes"],
    "dose": [],
    "dose-child-rules": ["--age", "6", "--bsa", "0.6", "--hepatic", "child-pugh-b", "--cyp3a", "strong-inhibitor"],
    "dose-reduction": ["--reduction", "2"],
    "interactions": [],
    "interactions-with": ["--with", "itraconazole", "--with", "digoxin"],
    "patient": ["--age", "15", "--bsa", "1.6", "--with", "itraconazole", "--pregnant", "--crcl", "25"],
    "provenance": [],
}
"""Per drug: the file name and the command's options (the command is the name's first word)."""

LIBRARY = {
    "list": ["list"],
    "compare": ["compare"],
    "compare-two": ["compare", "larotrectinib", "entrectinib"],
    "resistance": ["resistance"],
    "resistance-g595r": ["resistance", "G595R"],
    "search": ["search", "fatigue"],
    "show-eu": ["show", "entrectinib", "--region", "EU"],
}
"""Answers about the library (or one case in another region): the file name and the whole command."""


def drugs() -> list[str]:
    return sorted(path.stem for path in SHIPPED.glob("*.yaml"))


def cases() -> dict[str, list[str]]:
    """Relative file name (without its format) -> the command's arguments."""
    found = {f"{drug}/{name}": [name.split("-")[0], drug, *options]
             for drug in drugs() for name, options in PER_DRUG.items()}
    found.update({f"library/{name}": args for name, args in LIBRARY.items()})
    return found


def run(args: list[str]) -> str:
    """The command's stdout (and exit code when not 0), run in-process as a reader's 80-column terminal shows it."""
    from typer.testing import CliRunner

    from trkmono.cli.app import app
    result = CliRunner().invoke(app, [*args, "--data-dir", str(SHIPPED)], env=ENV)
    exit_line = f"\n[exit {result.exit_code}]\n" if result.exit_code else ""
    return result.stdout + exit_line


def outputs() -> dict[Path, str]:
    """Every golden file's path and the text it must hold."""
    return {OUTPUT / f"{name}.{ext}": run(args + options)
            for name, args in cases().items() for ext, options in FORMATS.items()}


def main() -> int:
    os.environ.setdefault("TRKMONO_CACHE_DIR", tempfile.mkdtemp(prefix="trkmono-golden-"))
    written = outputs()
    for path in OUTPUT.rglob("*"):
        if path.is_file() and path not in written:
            path.unlink()
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{len(written)} golden files in {OUTPUT.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
