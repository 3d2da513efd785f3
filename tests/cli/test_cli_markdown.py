"""Markdown export of every read command: well formed, the same facts as the text view, the one
citation style ([n] markers, evidence tags, a linked numbered reference list), data escaped."""

from __future__ import annotations

import os
import re

import pytest
from markdown_it import MarkdownIt

from conftest import FIXTURES

GLANCE = str(FIXTURES / "glance")
TOOLS = str(FIXTURES / "tools")


def parse(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def headings(text: str) -> list[str]:
    tokens = parse(text)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def links(text: str) -> list[str]:
    return [c.attrs["href"] for t in parse(text) if t.type == "inline" for c in t.children or []
            if c.type == "link_open"]


def markdown(cli, *args: str) -> str:
    result = cli(*args, "--format", "markdown")
    assert result.exit_code in (0, 1), result.stderr
    assert "\x1b[" not in result.stdout and "not medical advice" in result.stdout
    return result.stdout


@pytest.mark.parametrize("command, heading", [
    (["interactions", "larotrectinib"], "larotrectinib — interactions"),
    (["resistance"], "TRK kinase-domain resistance mutations"),
    (["resistance", "TRKA G595R"], "TRKA G595R — region: solvent-front"),
    (["search", "grapefruit"], "Search: grapefruit"),
    (["list"], "TRK inhibitor monographs"),
])
def test_every_read_command_has_markdown(cli, command, heading):
    out = markdown(cli, *command)
    assert headings(out)[0] == heading
    if command[0] != "list":
        assert "References" in headings(out)
        assert re.search(r"\\\[\d", out.split("## References")[0])  # markers in the body...
        assert re.search(r"^- \\\[1\\\] ", out.split("## References")[1], re.M)  # ...and the list they point at
        assert links(out), "references carry links"


def test_tool_markdown_tags_evidence_like_the_terminal(cli):
    out = markdown(cli, "interactions", "solutinib", "--data-dir", TOOLS)
    assert "*(unconfirmed)*" in out and "UNVERIFIED" not in out
    assert "no tag: confirmed" in out


def test_resistance_markdown_is_one_table_with_every_drug(cli):
    out = markdown(cli, "resistance")
    tokens = parse(out)
    assert [t.type for t in tokens].count("table_open") == 1
    header = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert header[:2] == ["Mutation", "Region"] and "larotrectinib" in header


def test_search_markdown_keeps_the_words_in_bold(cli):
    out = markdown(cli, "search", "grapefruit")
    assert "**grapefruit**" in out.lower()


def test_show_markdown_keeps_every_field_the_text_view_shows(cli):
    out = markdown(cli, "show", "glancinib", "--data-dir", GLANCE)
    for field in ("Also known as: GLN 1001", "Basis: Fictional response rate", "until fictional progression",
                  "160 mg once daily for 14 days (lead-in), then 160 mg twice daily", "Route: oral (fictional capsules)",
                  "Targets: TRKA, TRKC", "capsule: 40, 160 mg", "Stop the fictional drug."):
        assert field in out, field
    text = cli("show", "glancinib", "--data-dir", GLANCE, env={"COLUMNS": "300"}).stdout
    assert "\\[1\u00a0§1.1\\]" in out and "[1 §1.1]" in text  # the same locator in both views (unbreakable)
    assert "\\[3,\u00a04\\]\u00a0*(corroborated)*" in out and "[3, 4] (corroborated)" in text


def test_show_markdown_of_the_shipped_drugs_keeps_codes_basis_and_patient_selection(cli):
    out = markdown(cli, "show", "repotrectinib")
    assert "Also known as: TPX-0005" in out and "Basis: Accelerated approval" in out
    assert "### Patient selection" in out
    assert "160 mg once daily for 14 days" in out


def test_dose_markdown_uses_the_same_markers(cli):
    out = markdown(cli, "dose", "solutinib", "--data-dir", TOOLS)
    assert re.search(r"\\\[\d", out)


@pytest.mark.parametrize("args", [["show", "larotrectinib", "--format", "markdown"],
                                  ["dose", "larotrectinib", "--format", "markdown"],
                                  ["search", "fatigue", "--format", "markdown"],
                                  ["interactions", "entrectinib", "--format", "markdown"],
                                  ["patient", "larotrectinib", "--age", "8", "--bsa", "0.6", "--json"]])
def test_markdown_and_json_answers_do_not_import_rich(args):
    """The document renderers keep docs/speed.md's rule: rich is loaded only for text."""
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "trkmono", *args], capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"})
    assert done.stdout and done.returncode in (0, 1), done.stderr[-500:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
    assert not [name for name in imported if name == "rich" or name.startswith("rich.")]
