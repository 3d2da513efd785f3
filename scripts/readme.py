"""Regenerate the example outputs and the rule table of the README and docs/ from the real commands.

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

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = (README, ROOT / "docs" / "validate.md", ROOT / "docs" / "commands.md")
"""The pages with generated parts (every example below lives on one of them)."""
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb"}
EXAMPLES = {
    "show": "trkmono show repotrectinib --brief",
    "dose": "trkmono dose larotrectinib --age 6 --bsa 0.6",
    "interactions": "trkmono interactions larotrectinib --with itraconazole",
    "patient": "trkmono patient repotrectinib --age 15 --with 'the pill' --breastfeeding",
    "resistance": "trkmono resistance G595R",
    "list": "trkmono list",
    "validate": "trkmono validate tests/fixtures/readme/testinib.yaml",
}
"""The examples, run at 80 columns as a reader's terminal would show them."""
TRIMMED = {"show": (12, "Current", "[n §x]"), "dose": (11, "References", "References"),
           "interactions": (9, "References", "References"), "patient": (8, "Not covered by trkmono's files", "[n §x]"),
           "resistance": (8, "References", "References"), "list": (16, "For information", "For information")}
"""Examples cut after this many lines, keeping the part from one line to another (the rest follows
in the real output)."""


def trimmed(lines: list[str], keep: int, start: str, end: str) -> list[str]:
    """The first ``keep`` lines, then those from the one starting with ``start`` up to ``end``."""
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if line.startswith(end))
    middle = lines[first:last] + ["[… trimmed …]"] if first < last else []
    return lines[:keep] + ["[… trimmed …]"] + middle


WIDE: dict[str, str] = {}
"""Examples run at another width than 80 columns."""


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


TOOL_EXAMPLE = re.compile(r"```text\n\$ (trkmono [^\n]*)\n(.*?)```", re.S)
"""An example of the clinical tools' section: the command, then the first lines of its output."""


def tools(text: str) -> str:
    """The clinical tools' section with each example's first lines (as many as shown) run again at
    100 columns; '[… trimmed …]' marks where the shown part ends."""
    if "<!-- tools -->" not in text:
        return text

    def again(match: re.Match) -> str:
        command, shown = match.group(1), match.group(2)
        kept = shown.split("[… trimmed …]")[0].rstrip("\n").split("\n")
        lines = [line.rstrip() for line in run(command + " --no-pager", "100").rstrip("\n").split("\n")]
        tail = "[… trimmed …]\n" if "[… trimmed …]" in shown else ""
        return f"```text\n$ {command}\n" + "\n".join(lines[:len(kept)]) + "\n" + tail + "```"

    head, rest = text.split("<!-- tools -->", 1)
    section, tail = rest.split("<!-- /tools -->", 1)
    return head + "<!-- tools -->" + TOOL_EXAMPLE.sub(again, section) + "<!-- /tools -->" + tail


def render(text: str) -> str:
    """A page with fresh examples (those it has markers for) and rule table."""
    for name, command in EXAMPLES.items():
        if f"<!-- example:{name} -->" not in text:
            continue
        lines = run(command, WIDE.get(name, "80")).rstrip().split("\n")
        if name in TRIMMED:
            lines = trimmed(lines, *TRIMMED[name])
        text = replace(text, f"example:{name}", f"```text\n$ {command}\n" + "\n".join(lines) + "\n```")
    return tools(replace(text, "rules", rules_table()))


if __name__ == "__main__":
    for page in PAGES:
        page.write_text(render(page.read_text(encoding="utf-8")), encoding="utf-8")
