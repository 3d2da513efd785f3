"""The shipped monographs: all present, clean under --strict, every citation resolvable, clinical
text free of how the research was done, and the facts other features rely on in place."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

SHIPPED_DRUGS = ["entrectinib", "larotrectinib", "repotrectinib", "selitrectinib", "taletrectinib", "utatrectinib",
                 "zurletrectinib"]
RESEARCH_WORDING = ("could not be read", "not retrieved", "corpus", "searchable", "stored cop", "passage read",
                    "was not read")
"""How a curator researched a claim; such notes belong in curator_note(s), never in shown text."""
CURATOR_FIELDS = frozenset({"curator_note", "curator_notes"})
"""The only fields not shown by default."""


def monograph(cli, name: str) -> dict:
    result = cli("show", name, "--json", "--quiet")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["monograph"]


def cited(node: object, where: str = "") -> Iterator[tuple[str, list[str]]]:
    """(location, cite list) of every statement."""
    if isinstance(node, dict):
        if isinstance(node.get("cite"), list):
            yield where, node["cite"]
        for key, value in node.items():
            yield from cited(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from cited(value, f"{where}[{i}]")


def shown_text(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    """(location, text) of every string a reader can be shown (curator notes excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in CURATOR_FIELDS:
                yield from shown_text(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from shown_text(value, f"{where}[{i}]")
    elif isinstance(node, str):
        yield where, node


def test_all_seven_monographs_are_shipped(cli):
    listed = json.loads(cli("list", "--json").stdout)
    assert [m["id"] for m in listed["monographs"]] == SHIPPED_DRUGS
    assert listed["skipped"] == []


def test_strict_validate_is_clean(cli):
    result = cli("validate", "--strict")
    assert result.exit_code == 0, result.stdout
    assert "8 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr + result.stdout  # and the table


@pytest.mark.parametrize("drug", SHIPPED_DRUGS)
def test_every_statement_cites_references_that_exist(cli, drug):
    data = monograph(cli, drug)
    known = {r["id"] for r in data["references"]}
    statements = list(cited(data))
    assert len(statements) > 10
    for where, refs in statements:
        assert refs and set(refs) <= known, (where, sorted(set(refs) - known))


@pytest.mark.parametrize("drug", SHIPPED_DRUGS)
def test_shown_text_has_no_research_process_wording(cli, drug):
    texts = list(shown_text(monograph(cli, drug)))
    assert any(where.endswith(".text") for where, _ in texts)  # the walk reaches the statements
    found = [(where, phrase) for where, text in texts for phrase in RESEARCH_WORDING if phrase in text.casefold()]
    assert found == []


def test_loxo_195_opens_selitrectinib(cli):
    assert monograph(cli, "LOXO-195")["id"] == "selitrectinib"


def test_repotrectinib_has_a_lead_in_regimen(cli):
    regimens = monograph(cli, "repotrectinib")["dosing"]["regimens"]
    lead_ins = [r["lead_in"] for r in regimens if r["lead_in"]]
    assert lead_ins
    for lead_in in lead_ins:
        assert lead_in["days"] >= 1 and lead_in["dose"]["amount"] > 0
