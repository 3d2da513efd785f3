"""trkmono search: all words, any case, highlighted snippets, JSON, and no-hit and empty refusals."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES

TOOLS = str(FIXTURES / "tools")


def hits(cli, *args: str) -> list[dict]:
    result = cli("search", *args, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "search"
    return data["hits"]


def test_paresthesia_finds_the_british_spelling(cli):
    found = hits(cli, "paresthesia")
    words = {h["snippet"][a:b].lower() for h in found for a, b in h["highlights"]}
    assert any(w.startswith("paraesthesia") for w in words)  # British, found by the American spelling
    assert words <= {"paresthesia", "paresthesias", "paraesthesia", "paraesthesias"}


def test_every_word_must_occur(cli):
    both = hits(cli, "grapefruit", "avoid")
    assert both and all("grapefruit" in h["snippet"].lower() for h in both)
    assert len(both) < len(hits(cli, "grapefruit"))
    result = cli("search", "grapefruit", "zzqx")
    assert result.exit_code == 1
    assert result.stderr == "trkmono: no monograph contains 'grapefruit' and 'zzqx'\n"


def test_case_and_quoting_do_not_matter(cli):
    assert hits(cli, "GRAPEFRUIT Avoid") == hits(cli, "grapefruit", "avoid")


def test_hit_is_drug_section_citation_and_highlighted_snippet(cli):
    result = cli("search", "grapefruit", "--data-dir", TOOLS)
    assert result.exit_code == 0
    assert result.stdout.startswith("solutinib · dosing › other_interactions [1]\n"
                                    "    US · fictional grapefruit · Avoid the fictional fruit.\n")
    assert "1 hit(s) in 1 monograph(s) for: grapefruit" in result.stdout
    assert "\n[1] Solutra fictional label" in result.stdout  # the numbered reference list ends the output
    coloured = cli("search", "grapefruit", "--data-dir", TOOLS, "--color", "always").stdout
    assert "\x1b[1;7mgrapefruit\x1b[0m" in coloured


def test_words_match_at_word_starts_only(cli):
    assert hits(cli, "halve", "--data-dir", TOOLS)
    result = cli("search", "alve", "--data-dir", TOOLS)
    assert result.exit_code == 1


def test_snippets_are_short_and_cut_with_ellipses(cli):
    found = hits(cli, "dizziness")
    assert len(found) > 5
    assert all(len(h["snippet"]) <= 162 for h in found)
    assert any(h["snippet"].startswith("…") for h in found)


def test_evidence_status_and_sections(cli):
    found = hits(cli, "consumer-health", "grapefruit")
    assert any(h["drug"] == "utatrectinib" and h["section"] == "dosing › general" and h["evidence"] == "unconfirmed" for h in found)


def test_values_inside_statements_are_searchable(cli):
    found = hits(cli, "25 mg/m2", "--data-dir", TOOLS)
    assert [(h["drug"], h["section"]) for h in found] == [("solutinib", "dosing › reductions")]


def test_references_are_searchable(cli):
    found = hits(cli, "fictional", "paper", "--data-dir", TOOLS)
    assert ("solutinib", "references") in {(h["drug"], h["section"]) for h in found}


def test_no_hits_exits_1_with_nothing_on_stdout(cli):
    result = cli("search", "xylophone")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no monograph contains 'xylophone'" in result.stderr


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_search_is_a_usage_error(cli, text):
    result = cli("search", text)
    assert result.exit_code == 2
    assert "give the text to search for" in result.stderr


def test_too_many_words_is_a_usage_error(cli):
    result = cli("search", *[f"w{i}" for i in range(21)])
    assert result.exit_code == 2 and "at most 20 words" in result.stderr


def test_markup_and_regex_characters_are_literal(cli):
    assert cli("search", "[bold]").exit_code == 1
    assert hits(cli, "(e.g.")
