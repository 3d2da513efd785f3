"""Regenerate the README's example outputs and rule table from the real commands and rules.

Run from the repository root after changing monographs, rules or views:
    python scripts/readme.py
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import trkmono.checking.rules  # noqa: F401  (registers the checks; the reader's rules come with it)
from trkmono.rulebook import RULES

README = Path(__file__).resolve().parents[1] / "README.md"
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb"}
EXAMPLES = {
    "list": "trkmono list",
    "show": "trkmono show larotrectinib --brief",
    "validate": "trkmono validate tests/fixtures/readme/testinib.yaml",
    "patient": "trkmono patient repotrectinib --age 15 --with 'the pill' --breastfeeding",
}
"""The README's examples, run at 80 columns as a reader's terminal would show them."""
TRIMMED = {"patient": (38, "Not covered by trkmono's files", "[n §x]")}
"""Examples cut after this many lines, keeping the part from one line to another (the rest follows
in the real output)."""


def trimmed(lines: list[str], keep: int, start: str, end: str) -> list[str]:
    """The first ``keep`` lines, then those from the one starting with ``start`` up to ``end``."""
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if line.startswith(end))
    return lines[:keep] + ["[… trimmed …]"] + lines[first:last] + ["[… trimmed …]"]


WIDE = {"patient": "100"}
"""Examples of the clinical tools' section, run at its width (100 columns)."""


def run(command: str, columns: str = "80") -> str:
    """The command's stdout and stderr as a reader would see them in a terminal."""
    args = [sys.executable, "-m", "trkmono", *shlex.split(command)[1:]]
    done = subprocess.run(args, capture_output=True, text=True, env={**ENV, "COLUMNS": columns}, cwd=README.parent)
    return done.stdout + done.stderr


def rules_table() -> str:
    """Every rule of the registry with its level, scope and documentation."""
    rows = ["| rule | level | scope | what it requires |", "| --- | --- | --- | --- |"]
    rows += [f"| `{r.name}` | {r.level} | {r.scope} | {r.doc} |" for r in RULES]
    return "\n".join(rows)


def replace(text: str, marker: str, body: str) -> str:
    """Put body between <!-- marker --> and <!-- /marker -->."""
    pattern = re.compile(rf"(<!-- {marker} -->\n).*?(<!-- /{marker} -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def render(text: str) -> str:
    """The README with fresh examples and rule table."""
    for name, command in EXAMPLES.items():
        lines = run(command, WIDE.get(name, "80")).rstrip().split("\n")
        if name in TRIMMED:
            lines = trimmed(lines, *TRIMMED[name])
        text = replace(text, f"example:{name}", f"```text\n$ {command}\n" + "\n".join(lines) + "\n```")
    return replace(text, "rules", rules_table())


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
