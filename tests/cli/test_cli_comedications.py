"""Co-medications by name: interactions --with and dose --with, on the shipped monographs and table."""

from __future__ import annotations

import json



def flat(text: str) -> str:
    return " ".join(text.split())


def as_json(cli, *args: str, code: int = 0) -> dict:
    result = cli(*args, "--json")
    assert result.exit_code == code, result.stderr
    return json.loads(result.stdout)


def test_itraconazole_is_a_strong_inhibitor_answered_with_the_labels_rule(cli):
    result = cli("interactions", "larotrectinib", "--with", "itraconazole")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "• Class: strong CYP3A inhibitor [1] (unconfirmed)" in out
    assert ("strong CYP3A inhibitor (it changes larotrectinib): CYP3A4 strong-inhibitor rule: avoid; if "
            "unavoidable, reduce dose by 50%.") in out
    assert "P-gp inhibitor (it changes larotrectinib): larotrectinib's monograph gives no rule for a P-gp inhibitor" in out
    assert "interaction table: Cytochrome P450 3A (including 3A4) inhibitors and inducers" in out


def test_us_british_and_brand_spellings_find_the_same_entry(cli):
    for asked in ("rifampin", "Rifampicin", "RIFADIN"):
        data = as_json(cli, "interactions", "larotrectinib", "--with", asked)
        assert [(c["id"], c["asked"]) for c in data["comedications"]] == [("rifampicin", asked)]
    data = as_json(cli, "interactions", "larotrectinib", "--with", "cyclosporine,Neoral,St. John's Wort")
    assert [c["id"] for c in data["comedications"]] == ["ciclosporin", "ciclosporin", "st-johns-wort"]


def test_an_unknown_co_medication_is_named_and_exits_1_in_every_format(cli):
    result = cli("interactions", "larotrectinib", "--with", "itraconazole", "--with", "unobtainium")
    assert result.exit_code == 1
    assert "• unobtainium: not in trkmono's interaction table: check the label" in flat(result.stdout)
    assert "unobtainium: not in trkmono's interaction table: check the label" in result.stderr
    data = as_json(cli, "interactions", "larotrectinib", "--with", "unobtainium", code=1)
    assert data["unknown"] == ["unobtainium"] and data["comedications"] == []
    markdown = cli("interactions", "larotrectinib", "--with", "unobtainium", "--format", "markdown")
    assert markdown.exit_code == 1 and "**unobtainium** ⚠: not in trkmono" in markdown.stdout


def test_a_drug_graded_differently_by_its_sources_shows_both_classes_and_both_rules(cli):
    data = as_json(cli, "interactions", "larotrectinib", "--with", "grapefruit")
    grapefruit = data["comedications"][0]
    assert grapefruit["sources_differ"] == ["strong CYP3A inhibitor", "moderate CYP3A inhibitor"]
    by_class = {c["class"]: c for c in grapefruit["classes"]}
    assert by_class["strong-cyp3a-inhibitor"]["cite"] != by_class["moderate-cyp3a-inhibitor"]["cite"]
    assert [r["condition"] for r in by_class["strong-cyp3a-inhibitor"]["rules"]] == ["strong-inhibitor"]
    assert [r["condition"] for r in by_class["moderate-cyp3a-inhibitor"]["rules"]] == ["moderate-inhibitor"]
    assert [r["agent"] for r in by_class["grapefruit"]["rules"]] == ["grapefruit or grapefruit juice"]
    text = flat(cli("interactions", "larotrectinib", "--with", "grapefruit").stdout)
    assert "Sources differ: listed as strong CYP3A inhibitor and as moderate CYP3A inhibitor" in text


def test_interactions_the_other_way_are_answered(cli):
    data = as_json(cli, "interactions", "entrectinib", "--with", "digoxin", "--region", "CH")  # the Swiss label's
    digoxin = data["comedications"][0]["classes"][0]
    assert digoxin["class"] == "p-gp-substrate" and digoxin["changed_by_trk"] is True
    assert digoxin["rules"][0]["agent"] == "P-gp substrates (e.g. digoxin)"
    text = flat(cli("interactions", "repotrectinib", "--with", "the pill").stdout)
    assert "hormonal contraceptive (repotrectinib changes it): hormonal contraceptives" in text
    text = flat(cli("interactions", "repotrectinib", "--with", "verapamil").stdout)
    assert "P-gp inhibitor (it changes repotrectinib): P-gp inhibitors: Avoid concomitant use" in text


def test_without_with_the_command_is_unchanged(cli):
    assert "interactions with" not in cli("interactions", "larotrectinib").stdout


def test_dose_with_a_strong_inhibitor_applies_the_cyp3a_rule(cli):
    result = cli("dose", "larotrectinib", "--with", "Sporanox")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Asked: adult (no --bsa, no --age) · CYP3A4 strong-inhibitor" in out
    assert "Note: Brought by itraconazole." in out and "Resulting dose: 50 mg twice daily" in out
    assert "itraconazole is also listed as P-gp inhibitor: not a dose rule" in result.stderr
    same = as_json(cli, "dose", "larotrectinib", "--cyp3a", "strong-inhibitor")
    assert as_json(cli, "dose", "larotrectinib", "--with", "itraconazole")["dose"] == same["dose"]


def test_two_inhibitors_of_one_class_apply_the_rule_once(cli):
    data = as_json(cli, "dose", "larotrectinib", "--with", "itraconazole", "--with", "clarithromycin")
    assert data["dose"]["mg"] == 50
    step = [s for s in data["steps"] if s["kind"] == "cyp3a4"]
    assert len(step) == 1 and "itraconazole and clarithromycin (the rule is applied once" in step[0]["notes"][0]


def test_co_medications_whose_rules_would_stack_are_each_shown_and_nothing_is_computed(cli):
    data = as_json(cli, "dose", "larotrectinib", "--with", "itraconazole,rifampin", code=1)
    assert data["computed"] is False and data["dose"] is None
    assert [s["title"] for s in data["steps"] if s["kind"] == "cyp3a4"] == [
        "CYP3A4: strong-inhibitor", "CYP3A4: strong-inducer"]
    assert all(not s["applied"] for s in data["steps"] if s["kind"] == "cyp3a4")
    assert any("2 different CYP3A4 rules: strong-inhibitor (itraconazole); strong-inducer (rifampicin)" in r
               for r in data["reasons"])


def test_a_drug_graded_two_ways_refuses_the_dose(cli):
    data = as_json(cli, "dose", "larotrectinib", "--with", "grapefruit", code=1)
    assert any("sources grade grapefruit differently" in r for r in data["reasons"])


def test_dose_with_an_unknown_co_medication_exits_1(cli):
    result = cli("dose", "larotrectinib", "--with", "unobtainium")
    assert result.exit_code == 1
    assert "unobtainium: not in trkmono's interaction table: check the label" in result.stderr
