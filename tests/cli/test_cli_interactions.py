"""trkmono interactions and the compare Interactions row, on the shipped and fictional monographs."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES

TOOLS = str(FIXTURES / "tools")


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
    assert "• strong inhibitor: AVOID; if unavoidable, reduce dose by 50% [hcp-vitrakvi-us-dosing," in out
    assert "• strong inducer: AVOID; if unavoidable, increase dose by 100%" in out
    assert "• moderate inhibitor: no amount stated (read the rule)" in out
    assert "• moderate inducer: no amount stated (read the rule)" in out
    assert "The specific modification could not be retrieved" in out
    assert "• grapefruit or grapefruit juice: Avoid. It is a CYP3A4 inhibitor" in out
    assert "• St. John's wort: Avoid." in out
    assert "UNVERIFIED" in out
    assert "laoslucius-interactions — Larotrectinib – interactions (US label text, November 2022)." in out
    assert "not medical advice" in out


def test_larotrectinib_other_statements_that_mention_interactions(cli):
    data = interactions_json(cli, "larotrectinib")
    sections = {m["section"] for m in data["mentioned_elsewhere"]}
    assert {"safety › monitoring", "safety › counselling"} <= sections
    assert all(m["cite"] for m in data["mentioned_elsewhere"])


def test_entrectinib_transporters_qt_and_food_and_missing_inducer_rules(cli):
    out = flat(cli("interactions", "entrectinib").stdout)
    assert "• strong inducer: the monograph gives no rule" in out
    assert "• moderate inducer: the monograph gives no rule" in out
    assert "• strong inhibitor: AVOID; if unavoidable, use 100 mg once daily" in out
    assert "For: adults and pediatric patients 12 years and older" in out
    assert "• grapefruit and grapefruit products:" in out
    assert "• medicines known to prolong the QTc interval:" in out
    assert "• P-gp substrates (e.g. digoxin):" in out


def test_json_lists_every_condition_and_empty_rules_mean_no_rule(cli):
    data = interactions_json(cli, "entrectinib")
    assert data["kind"] == "interactions" and data["drug"] == "entrectinib"
    conditions = {c["condition"]: c["rules"] for c in data["cyp3a4"]}
    assert list(conditions)[:4] == ["strong-inhibitor", "moderate-inhibitor", "strong-inducer", "moderate-inducer"]
    assert conditions["strong-inducer"] == []
    strong = conditions["strong-inhibitor"]
    assert strong and all(r["avoid"] for r in strong) and all(r["cite"] for r in strong)
    assert {o["agent"] for o in data["other"]} >= {"grapefruit and grapefruit products"}
    cited = {(r["drug"], r["id"]) for r in data["references"]}
    assert ("entrectinib", "pdr") in cited


def test_investigational_drug_has_no_rules_but_mentions_are_shown(cli):
    result = cli("interactions", "utatrectinib")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert out.count("the monograph gives no rule") == 4
    assert "The monograph names no other interactions." in out
    assert "Mentioned elsewhere in the monograph" in out and "grapefruit and Seville oranges" in out


def test_fictional_rules_of_every_kind(cli):
    out = flat(cli("interactions", "solutinib", "--data-dir", TOOLS).stdout)
    assert "• strong inhibitor: AVOID; if unavoidable, reduce dose by 50% [sol-blog] UNVERIFIED" in out
    assert "• moderate inhibitor: use 50 mg twice daily [sol-label] For: fictional patients 12 years and older" in out
    assert "• strong inducer: AVOID [sol-label] Rule: Avoid; the fictional label gives no dose." in out
    assert "• moderate inducer: the monograph gives no rule" in out
    assert "• fictional P-gp substrates: Monitor fictionally. [sol-paper]" in out
    assert "• safety › monitoring: Check fictional QT intervals when coadministered" in out
    assert "sol-blog — A fictional blog post. Nobody. — secondary web page (weakest tier)" in out


def test_unknown_drug_exits_1(cli):
    result = cli("interactions", "nosuchdrug")
    assert result.exit_code == 1 and "no monograph named 'nosuchdrug'" in result.stderr


def test_compare_has_an_interactions_row(cli):
    data = json.loads(cli("compare", "--json").stdout)
    row = next(r for r in data["rows"] if r["aspect"] == "Interactions")
    laro = row["cells"]["larotrectinib"]
    assert laro["lines"][0] == ("CYP3A4 rules: strong-inhibitor (avoid), moderate-inhibitor, strong-inducer (avoid), "
                                "moderate-inducer")
    assert any(line.startswith("grapefruit or grapefruit juice: Avoid.") for line in laro["lines"])
    assert "laoslucius-interactions" in laro["cite"] and laro["unverified"] is True
    assert laro["tier"] == "secondary-web"
    assert row["cells"]["utatrectinib"]["lines"] == ["not stated"]
    assert "Interactions" in cli("compare", env={"COLUMNS": "200"}).stdout


@pytest.mark.parametrize("name, first", [
    ("solutinib", "CYP3A4 rules: strong-inhibitor (avoid), moderate-inhibitor, strong-inducer (avoid)"),
    ("bandinib", "CYP3A4 rules: strong-inhibitor"),
])
def test_compare_interactions_row_on_fictional_drugs(cli, name, first):
    data = json.loads(cli("compare", name, "--json", "--data-dir", TOOLS).stdout)
    cell = next(r for r in data["rows"] if r["aspect"] == "Interactions")["cells"][name]
    assert cell["lines"][0] == first
