"""trkmono interactions and the compare Interactions row, on the shipped and fictional monographs."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES

TOOLS = str(FIXTURES / "tools")


CITED = r" \[[^\]]+\]"
"""A citation marker, whatever its numbering ([lead-label], [1], [2 §4.2, 3])."""
FLAGGED = r"( UNVERIFIED| \((corroborated|unconfirmed)\))"
"""The evidence tag of a statement that is not confirmed."""


def flat(text: str) -> str:
    return " ".join(text.split())


def interactions_json(cli, name: str, *args: str) -> dict:
    result = cli("interactions", name, "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_larotrectinib_every_cyp3a_condition_with_its_action(cli):
    result = cli("interactions", "larotrectinib")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert re.search(r"• strong inhibitor: AVOID; if unavoidable, reduce dose by 50%" + CITED + FLAGGED, out)
    assert "• strong inducer: AVOID; if unavoidable, increase dose by 100%" in out
    assert "• moderate inhibitor: no dose adjustment" in out
    assert "• moderate inducer: no amount stated (read the rule)" in out
    assert "• grapefruit or grapefruit juice: Avoid" in out
    assert "St John's wort" in out
    assert "gives no rule" not in out
    assert "Larotrectinib - interactions (US label text, November 2022)." in out[out.index("References ─"):]
    assert "not medical advice" in out


def test_larotrectinib_other_statements_that_mention_interactions(cli):
    data = interactions_json(cli, "larotrectinib")
    sections = {m["section"] for m in data["mentioned_elsewhere"]}
    assert {"safety › monitoring", "safety › counselling"} <= sections
    assert all(m["cite"] for m in data["mentioned_elsewhere"])


def test_entrectinib_inducers_are_avoid_with_their_citation_not_no_rule(cli):
    result = cli("interactions", "entrectinib")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "gives no rule" not in out
    for kind in ("strong", "moderate"):
        assert re.search(rf"• {kind} inducer: AVOID{CITED}{FLAGGED} Rule: Avoid coadministration; {kind}", out)
    assert "rifampicin" in out  # the EU leaflet's medicines, in the rule's text
    references = out[out.index("References ─"):]
    assert "Rozlytrek: EPAR - product information (Annex IIIB" in references
    assert "ROZLYTREK (entrectinib) capsules and oral pellets - structured product label" in references


def test_entrectinib_transporters_qt_and_food(cli):
    out = flat(cli("interactions", "entrectinib").stdout)
    assert "• strong inhibitor: AVOID; if unavoidable, use 100 mg once daily" in out
    assert "For: adults and pediatric patients 12 years and older" in out
    assert "• grapefruit, grapefruit juice and Seville oranges:" in out
    assert "• medicines known to prolong the QTc interval:" in flat(cli("interactions", "entrectinib", "--region", "EU").stdout)


def test_json_lists_every_condition_with_its_rules(cli):
    data = interactions_json(cli, "entrectinib")
    assert data["kind"] == "interactions" and data["drug"] == "entrectinib"
    conditions = {c["condition"]: c["rules"] for c in data["cyp3a4"]}
    assert list(conditions)[:4] == ["strong-inhibitor", "moderate-inhibitor", "strong-inducer", "moderate-inducer"]
    for inducer in ("strong-inducer", "moderate-inducer"):
        [rule] = conditions[inducer]
        assert rule["avoid"] is True and rule["effect"] == "avoid" and rule["cite"] == ["fda-label-openfda", "ema-pi"]
    strong = conditions["strong-inhibitor"]
    assert strong and all(r["avoid"] for r in strong) and all(r["cite"] for r in strong)
    assert {o["agent"] for o in data["other"]} >= {"grapefruit, grapefruit juice and Seville oranges"}
    cited = {(r["drug"], r["id"]) for r in data["references"]}
    assert ("entrectinib", "pdr") in cited and ("entrectinib", "ema-pi") in cited


def test_json_empty_rules_mean_no_rule(cli):
    data = interactions_json(cli, "solutinib", "--data-dir", TOOLS)
    conditions = {c["condition"]: c["rules"] for c in data["cyp3a4"]}
    assert conditions["moderate-inducer"] == []
    assert [r["effect"] for r in conditions["strong-inducer"]] == ["avoid"]


def test_investigational_drug_has_no_rules_but_mentions_are_shown(cli):
    result = cli("interactions", "utatrectinib")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert out.count("the monograph gives no rule") == 4
    assert "The monograph names no other interactions." in out
    assert "Mentioned elsewhere in the monograph" in out and "grapefruit and Seville oranges" in out


def test_fictional_rules_of_every_kind(cli):
    out = flat(cli("interactions", "solutinib", "--data-dir", TOOLS).stdout)
    assert re.search(r"• strong inhibitor: AVOID; if unavoidable, reduce dose by 50%" + CITED + FLAGGED, out)
    assert re.search(r"• moderate inhibitor: use 50 mg twice daily" + CITED + " For: fictional patients 12 years", out)
    assert re.search(r"• strong inducer: AVOID" + CITED + r" Rule: Avoid; the fictional label gives no dose\.", out)
    assert "• moderate inducer: the monograph gives no rule" in out
    assert re.search(r"• fictional P-gp substrates: Monitor fictionally\." + CITED, out)
    assert "• safety › monitoring: Check fictional QT intervals when coadministered" in out
    assert "A fictional blog post. Nobody. — secondary web page (weakest tier)" in out


def test_unknown_drug_exits_1(cli):
    result = cli("interactions", "nosuchdrug")
    assert result.exit_code == 1 and "no monograph named 'nosuchdrug'" in result.stderr


def test_compare_has_an_interactions_row(cli):
    data = json.loads(cli("compare", "--json").stdout)
    row = next(r for r in data["rows"] if r["aspect"] == "Interactions")
    laro = row["cells"]["larotrectinib"]
    assert laro["lines"][0] == ("CYP3A4 rules: strong-inhibitor (avoid), moderate-inhibitor, strong-inducer (avoid), "
                                "moderate-inducer")
    assert any(line.startswith("grapefruit or grapefruit juice: Avoid") for line in laro["lines"])
    assert "laoslucius-interactions" in laro["cite"]
    assert laro["tier"] == "secondary-web"
    assert row["cells"]["entrectinib"]["lines"][0] == (
        "CYP3A4 rules: strong-inhibitor (avoid), moderate-inhibitor (avoid), strong-inducer (avoid), "
        "moderate-inducer (avoid)")
    assert "no rule" in row["cells"]["utatrectinib"]["lines"][0]
    assert "Interactions" in cli("compare", env={"COLUMNS": "200"}).stdout


@pytest.mark.parametrize("name, first", [
    ("solutinib", "CYP3A4 rules: strong-inhibitor (avoid), moderate-inhibitor, strong-inducer (avoid)"),
    ("bandinib", "CYP3A4 rules: strong-inhibitor"),
])
def test_compare_interactions_row_on_fictional_drugs(cli, name, first):
    data = json.loads(cli("compare", name, "--json", "--data-dir", TOOLS).stdout)
    cell = next(r for r in data["rows"] if r["aspect"] == "Interactions")["cells"][name]
    assert cell["lines"][0] == first


def test_no_adjustment_rule_reads_as_such(cli):
    out = flat(cli("interactions", "leadinib", "--data-dir", TOOLS).stdout)
    assert re.search(r"• moderate inhibitor: no dose adjustment" + CITED + " Rule: No fictional adjustment", out)
    assert "0%" not in out
