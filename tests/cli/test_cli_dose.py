"""trkmono dose through the CLI: the labels' own tables, every band and ladder step, every refusal.

Expected doses are written out from the label tables as the monographs record them (US
larotrectinib: 100 mg twice daily at BSA >= 1.0 m2, 100 mg/m2 twice daily below; ladders
75/50/100 and 75/50/25 mg/m2; entrectinib 600 mg once daily, ladder 400/200 mg, EU paediatric
bands), so a change in the data or in the arithmetic fails here. The fictional monographs in
tests/fixtures/tools cover the rules the shipped data does not have.
"""

from __future__ import annotations

import json
import re
import shlex
import typing

import pytest

from conftest import FIXTURES, REPO

TOOLS = str(FIXTURES / "tools")


def flat(text: str) -> str:
    """Text with the terminal's line wrapping undone."""
    return " ".join(text.split())


def dose(cli, *args: str, fixtures: bool = False):
    return cli("dose", *args, *(["--data-dir", TOOLS] if fixtures else []))


def dose_json(cli, *args: str, fixtures: bool = False) -> tuple[int, dict]:
    result = dose(cli, *args, "--json", fixtures=fixtures)
    return result.exit_code, json.loads(result.stdout)


def computed(cli, *args: str, fixtures: bool = False) -> dict:
    """The resulting dose of a calculation that must succeed."""
    code, data = dose_json(cli, *args, fixtures=fixtures)
    assert code == 0 and data["computed"], data["reasons"]
    return data["dose"]


def refused(cli, *args: str, fixtures: bool = False) -> dict:
    """A calculation that must compute nothing: exit 1, no dose, a reason on stderr."""
    result = dose(cli, *args, fixtures=fixtures)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "Resulting dose" not in result.stdout
    assert "No dose computed" in result.stdout
    assert result.stderr.startswith("trkmono: no dose computed: ")
    code, data = dose_json(cli, *args, fixtures=fixtures)
    assert code == 1 and data["computed"] is False and data["dose"] is None and data["reasons"]
    return data


# --- larotrectinib (shipped): regimens, both ladders, hepatic and CYP3A4 rules -------------------


def test_larotrectinib_adult_regimen_lists_the_paediatric_band(cli):
    result = dose(cli, "larotrectinib")
    assert result.exit_code == 0, result.stderr
    assert "Resulting dose: 100 mg twice daily, with or without food" in result.stdout
    assert "Other regimens in this monograph" in result.stdout
    assert "100 mg/m2 twice daily" in result.stdout
    assert "This regimen is for BSA ≥ 1 m2; for a smaller patient give --bsa." in result.stdout


@pytest.mark.parametrize("bsa, mg", [
    ("1.0", 100), ("1.5", 100), ("2.2", 100), ("4", 100),  # BSA >= 1.0 m2: 100 mg twice daily
    ("0.99", 99), ("0.6", 60), ("0.25", 25), ("0.05", 5),  # BSA < 1.0 m2: 100 mg/m2 twice daily
])
def test_larotrectinib_every_bsa_band(cli, bsa, mg):
    result = computed(cli, "larotrectinib", "--bsa", bsa)
    assert (result["mg_exact"], result["frequency"]) == (str(mg), "twice daily")


@pytest.mark.parametrize("step, mg, frequency", [(1, "75", "twice daily"), (2, "50", "twice daily"),
                                                  (3, "100", "once daily")])
@pytest.mark.parametrize("bsa", [[], ["--bsa", "1.0"], ["--bsa", "1.8"]])
def test_larotrectinib_adult_ladder_every_step(cli, bsa, step, mg, frequency):
    result = computed(cli, "larotrectinib", *bsa, "--reduction", str(step))
    assert (result["mg_exact"], result["frequency"]) == (mg, frequency)


@pytest.mark.parametrize("step, per_m2", [(1, 75), (2, 50), (3, 25)])
@pytest.mark.parametrize("bsa", ["0.6", "0.9", "0.4"])
def test_larotrectinib_paediatric_ladder_every_step(cli, bsa, step, per_m2):
    result = computed(cli, "larotrectinib", "--bsa", bsa, "--reduction", str(step))
    expected = format(round(per_m2 * float(bsa), 6), "g")
    assert (result["mg_exact"], result["frequency"]) == (expected, "twice daily")


def test_larotrectinib_last_paediatric_step_shows_the_label_note_and_what_follows(cli):
    out = dose(cli, "larotrectinib", "--bsa", "0.6", "--reduction", "3").stdout
    assert "25 mg/m2 × 0.6 m2 = 15 mg twice daily" in out
    assert "should remain on this dosage even if body surface area" in " ".join(out.split())
    assert "This is the last step of the ladder. After it: Permanently discontinue" in out


def test_the_issue_example_child_with_moderate_hepatic_impairment(cli):
    result = dose(cli, "larotrectinib", "--bsa", "0.6", "--hepatic", "child-pugh-b", "--reduction", "2")
    assert result.exit_code == 0
    out = result.stdout
    for line in ["100 mg/m2 × 0.6 m2 = 60 mg twice daily", "50 mg/m2 × 0.6 m2 = 30 mg twice daily",
                 "30 mg − 50% = 15 mg", "Resulting dose: 15 mg twice daily",
                 "oral solution 20 mg/mL: 0.75 mL per dose"]:
        assert line in out
    assert out.index("60 mg") < out.index("30 mg twice daily") < out.index("15 mg")


@pytest.mark.parametrize("hepatic", ["child-pugh-b", "child-pugh-c"])
def test_larotrectinib_hepatic_b_and_c_halve_the_dose(cli, hepatic):
    assert computed(cli, "larotrectinib", "--hepatic", hepatic)["mg_exact"] == "50"
    assert computed(cli, "larotrectinib", "--bsa", "0.5", "--hepatic", hepatic)["mg_exact"] == "25"


def test_larotrectinib_hepatic_a_rule_has_no_amount_so_nothing_is_computed(cli):
    data = refused(cli, "larotrectinib", "--hepatic", "child-pugh-a")
    step = data["steps"][-1]
    assert step["rule"] == "Mild hepatic impairment (Child-Pugh A) needs no dosage adjustment."
    assert step["applied"] is False and step["dose"] is None
    assert "Dose before this rule: 100 mg twice daily." in step["notes"]
    assert "states no amount" in data["reasons"][0]


def test_larotrectinib_strong_inhibitor_is_avoid_then_half(cli):
    result = dose(cli, "larotrectinib", "--cyp3a", "strong-inhibitor")
    assert result.exit_code == 0
    assert "AVOID: the label says to avoid this." in result.stdout
    assert "100 mg − 50% = 50 mg" in result.stdout
    assert "Resulting dose: 50 mg twice daily" in result.stdout


def test_larotrectinib_strong_inducer_doubles_even_a_reduced_dose(cli):
    assert computed(cli, "larotrectinib", "--cyp3a", "strong-inducer")["mg_exact"] == "200"
    result = computed(cli, "larotrectinib", "--cyp3a", "strong-inducer", "--reduction", "3")
    assert (result["mg_exact"], result["frequency"]) == ("200", "once daily")


@pytest.mark.parametrize("condition", ["moderate-inhibitor", "moderate-inducer"])
def test_larotrectinib_moderate_cyp3a_rules_have_no_amount(cli, condition):
    data = refused(cli, "larotrectinib", "--cyp3a", condition)
    assert data["reasons"] == [f"the CYP3A4 {condition} rule states no amount, so trkmono computes no dose "
                               "for it; read the rule"]


def test_every_step_shows_citations_unverified_and_references(cli):
    out = flat(dose(cli, "larotrectinib", "--bsa", "0.6", "--hepatic", "child-pugh-b").stdout)
    assert re.search(r"1\. Starting dose \[drugscom-dosage-2023, [^\]]*\] UNVERIFIED", out)
    assert re.search(r"2\. Hepatic impairment: child-pugh-b \[hcp-vitrakvi-us-dosing, [^\]]*\] UNVERIFIED", out)
    refs = out[out.index("References ─"):]
    assert "hcp-vitrakvi-us-dosing — VITRAKVI HCP site (earlier) – Dosing. Bayer." in refs
    assert "fda-ndc-solution — " in refs  # the concentration's source
    assert "not medical advice" in out


def test_rounding_is_stated_and_exact_mg_kept(cli):
    out = flat(dose(cli, "larotrectinib", "--bsa", "0.613", "--reduction", "1").stdout)
    assert "75 mg/m2 × 0.613 m2 = 45.975 mg twice daily" in out
    assert "oral solution 20 mg/mL: ≈ 2.3 mL per dose" in out  # 2.29875 mL, half up
    assert "Nothing is rounded to a capsule or pellet strength" in out
    assert computed(cli, "larotrectinib", "--bsa", "0.7")["mg_exact"] == "70"  # no 70.00000000001


# --- entrectinib (shipped) -------------------------------------------------------------------------


def test_entrectinib_adult_regimen_and_ladder(cli):
    result = computed(cli, "entrectinib")
    assert (result["mg_exact"], result["frequency"], result["food"]) == ("600", "once daily", "with or without food")
    assert computed(cli, "entrectinib", "--reduction", "1")["mg_exact"] == "400"
    assert computed(cli, "entrectinib", "--reduction", "2")["mg_exact"] == "200"


def test_entrectinib_reduction_beyond_the_ladder_is_a_usage_error(cli):
    result = dose(cli, "entrectinib", "--reduction", "3")
    assert result.exit_code == 2
    assert "the dose-reduction ladder for adults has steps 1 to 2" in result.stderr


@pytest.mark.parametrize("condition, mg", [("strong-inhibitor", "100"), ("moderate-inhibitor", "200")])
def test_entrectinib_cyp3a_inhibitors_avoid_or_fixed_dose(cli, condition, mg):
    result = dose(cli, "entrectinib", "--cyp3a", condition)
    assert result.exit_code == 0
    assert "AVOID" in result.stdout and f"use instead: {mg} mg once daily" in result.stdout
    assert "12 years and older" in result.stdout  # the rule's population is shown
    assert computed(cli, "entrectinib", "--cyp3a", condition)["mg_exact"] == mg


def test_entrectinib_fixed_cyp3a_dose_is_not_combined_with_a_reduction(cli):
    data = refused(cli, "entrectinib", "--reduction", "1", "--cyp3a", "strong-inhibitor")
    assert "does not say how it combines with dose-reduction step 1" in data["reasons"][0]


@pytest.mark.parametrize("args, reason", [
    (["--cyp3a", "strong-inducer"], "the monograph gives no rule for CYP3A4 strong-inducer"),
    (["--hepatic", "child-pugh-b"], "the monograph gives no rule for hepatic impairment child-pugh-b"),
])
def test_entrectinib_conditions_without_a_rule(cli, args, reason):
    assert refused(cli, "entrectinib", *args)["reasons"] == [reason]


@pytest.mark.parametrize("bsa, band", [
    ("0.3", "250 mg/m2 once daily"), ("0.42", "250 mg/m2 once daily"), ("0.45", "100 mg once daily"),
    ("0.6", "200 mg once daily"), ("1.0", "300 mg once daily"), ("1.3", "400 mg once daily"),
    ("1.51", "600 mg once daily"), ("2.0", "600 mg once daily"),
])
def test_entrectinib_paediatric_bands_are_found_but_adult_or_child_is_not_guessed(cli, bsa, band):
    data = refused(cli, "entrectinib", "--bsa", bsa)
    assert data["ambiguous"] is True
    inside = [c for c in data["candidates"] if c["why"].endswith(" m2 is within its bounds")]
    assert [c["regimen"].split(",")[0] for c in inside] == [band]
    assert any(c["population"].startswith("adults") for c in data["candidates"])
    assert "a BSA does not tell an adult from a child" in data["reasons"][0]


# --- utatrectinib (shipped): investigational ---------------------------------------------------


def test_investigational_drug_has_no_dose(cli):
    result = dose(cli, "utatrectinib", "--bsa", "1.2")
    assert result.exit_code == 1
    assert "No labelled dose" in result.stdout and "There is no approved or labelled dose." in result.stdout
    assert "mg twice daily" not in result.stdout.split("No dose computed")[1]
    assert "no labelled dose" in result.stderr


# --- fictional fixtures ----------------------------------------------------------------------------


@pytest.mark.parametrize("bsa, mg", [("0.9", "80"), ("0.85", "80"), ("0.8", "80"), ("0.79", "79"),
                                     ("0.6", "60"), ("1.0", "100"), ("3", "100")])
def test_bsa_dose_is_capped_at_the_label_maximum(cli, bsa, mg):
    assert computed(cli, "solutinib", "--bsa", bsa, fixtures=True)["mg_exact"] == mg


def test_cap_is_shown_in_words(cli):
    out = dose(cli, "solutinib", "--bsa", "0.9", fixtures=True).stdout
    assert "100 mg/m2 × 0.9 m2 = 90 mg, above the maximum of 80 mg per dose, so 80 mg twice daily" in out


@pytest.mark.parametrize("bsa, mg", [("0.5", "100"), ("0.8", "100"), ("0.81", "200"), ("1.1", "200"),
                                     ("1.11", "250"), ("1.5", "250"), ("1.51", "300"), ("3.9", "300")])
def test_flat_bands_bounds_are_inclusive(cli, bsa, mg):
    result = computed(cli, "bandinib", "--bsa", bsa, fixtures=True)
    assert (result["mg_exact"], result["frequency"]) == (mg, "once daily")


@pytest.mark.parametrize("bsa", ["0.805", "0.4", "1.505"])
def test_bsa_in_no_band_is_not_covered(cli, bsa):
    data = refused(cli, "bandinib", "--bsa", bsa, fixtures=True)
    assert data["reasons"] == [f"no regimen in the monograph covers a patient of BSA {bsa} m2"]
    assert data["ambiguous"] is False and len(data["candidates"]) == 4


@pytest.mark.parametrize("args, mg", [(["--bsa", "1.6", "--reduction", "1"], "200"),
                                      (["--bsa", "1.6", "--reduction", "2"], "100"),
                                      (["--reduction", "2"], "100"),
                                      (["--bsa", "0.7", "--reduction", "1"], "50")])
def test_band_ladders_every_step(cli, args, mg):
    assert computed(cli, "bandinib", *args, fixtures=True)["mg_exact"] == mg


def test_band_without_a_ladder_refuses_a_reduction(cli):
    data = refused(cli, "bandinib", "--bsa", "1.2", "--reduction", "1", fixtures=True)
    assert data["reasons"][0].startswith("dose reduction: the monograph's rules are for fictional band D")
    assert "which does not cover this patient" in data["reasons"][0]


def test_reduction_step_beyond_a_bands_ladder(cli):
    result = dose(cli, "bandinib", "--bsa", "0.7", "--reduction", "2", fixtures=True)
    assert result.exit_code == 2
    assert result.stderr == "trkmono: --reduction 2: the dose-reduction ladder for fictional band A has steps 1 to 1\n"


def test_fixed_hepatic_dose_then_cyp3a_percentage_and_rounded_volume(cli):
    result = dose(cli, "bandinib", "--bsa", "1.6", "--hepatic", "child-pugh-c", "--cyp3a", "strong-inhibitor",
                  fixtures=True)
    assert result.exit_code == 0
    assert "use instead: 150 mg once daily" in result.stdout
    assert "150 mg − 25% = 112.5 mg" in result.stdout
    assert "oral solution 30 mg/mL: 3.75 mL per dose" in result.stdout
    assert "oral solution 30 mg/mL: ≈ 3.33 mL per dose" in dose(cli, "bandinib", "--bsa", "0.6", fixtures=True).stdout


def test_no_change_written_as_zero_percent_is_computed(cli):
    result = dose(cli, "bandinib", "--bsa", "1.6", "--reduction", "1", "--hepatic", "child-pugh-a", fixtures=True)
    assert result.exit_code == 0
    assert "no change (0%): 200 mg" in result.stdout
    assert "Resulting dose: 200 mg once daily" in result.stdout


def test_fixed_dose_after_a_reduction_is_refused(cli):
    data = refused(cli, "bandinib", "--bsa", "1.6", "--reduction", "1", "--hepatic", "child-pugh-c", fixtures=True)
    assert data["reasons"] == ["the hepatic impairment child-pugh-c rule gives a fixed dose (150 mg once daily) and "
                               "the monograph does not say how it combines with dose-reduction step 1"]


def test_fixed_dose_rule_covering_adults_by_age(cli):
    assert computed(cli, "solutinib", "--cyp3a", "moderate-inhibitor", fixtures=True)["mg_exact"] == "50"


def test_rule_restricted_by_age_is_not_applied_when_age_is_unknown(cli):
    data = refused(cli, "solutinib", "--bsa", "0.6", "--cyp3a", "moderate-inhibitor", fixtures=True)
    assert "it depends on age (age ≥ 12 years), and trkmono has no age option" in data["reasons"][0]


def test_avoid_without_an_amount(cli):
    result = dose(cli, "solutinib", "--cyp3a", "strong-inducer", fixtures=True)
    assert result.exit_code == 1
    assert ("AVOID: the label says to avoid this. It gives no dose change for when it cannot be avoided."
            in result.stdout)


def test_unverified_rule_is_marked_on_its_step(cli):
    out = dose(cli, "solutinib", "--cyp3a", "strong-inhibitor", fixtures=True).stdout
    assert "2. CYP3A4: strong-inhibitor [sol-blog] UNVERIFIED" in out
    assert "1. Starting dose [sol-label]\n" in out


@pytest.mark.parametrize("args, reason", [
    (["--hepatic", "child-pugh-c"], "the monograph gives no rule for hepatic impairment child-pugh-c"),
    (["--cyp3a", "moderate-inducer"], "the monograph gives no rule for CYP3A4 moderate-inducer"),
])
def test_condition_without_a_rule_computes_nothing(cli, args, reason):
    data = refused(cli, "solutinib", *args, fixtures=True)
    assert data["reasons"] == [reason]


def test_later_rules_are_shown_but_not_applied_after_a_refusal(cli):
    data = refused(cli, "solutinib", "--hepatic", "child-pugh-a", "--cyp3a", "strong-inhibitor", fixtures=True)
    assert [s["applied"] for s in data["steps"]] == [True, False, False]
    assert data["steps"][2]["effect"].endswith("(not applied: no dose was computed before this rule)")


def test_regimens_by_age_are_listed_not_chosen(cli):
    data = refused(cli, "agedinib", "--bsa", "0.5", fixtures=True)
    assert data["ambiguous"] and len(data["candidates"]) == 4
    assert data["steps"] == []
    data = refused(cli, "agedinib", fixtures=True)
    assert [c["population"] for c in data["candidates"]] == ["fictional adults",
                                                             "fictional patients 12 years and older"]


def test_adult_dose_per_m2_is_not_computed_without_a_bsa(cli):
    data = refused(cli, "squarinib", fixtures=True)
    assert "no BSA to multiply by" in data["reasons"][0]
    data = refused(cli, "squarinib", "--reduction", "1", fixtures=True)
    assert data["reasons"][1] == "the monograph gives no dose-reduction ladder"
    data = refused(cli, "squarinib", "--bsa", "1.8", fixtures=True)
    assert "no regimen for children covers this BSA (for an adult, run without --bsa)" in data["reasons"][0]


def test_fictional_investigational_drug(cli):
    data = refused(cli, "trialinib", fixtures=True)
    assert data["steps"][0]["rule"] == "No fictional label exists; trialinib is investigational."
    assert data["steps"][0]["cite"] == ["trial-registry"]


# --- usage errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bsa", ["0", "-1", "4.01", "100", "nan", "inf", "-0.0"])
def test_impossible_bsa_is_a_usage_error(cli, bsa):
    result = dose(cli, "larotrectinib", "--bsa", bsa)
    assert result.exit_code == 2
    assert "body surface area must be a number above 0 and at most 4 (m2)" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args, allowed", [
    (["--bsa", "big"], "Invalid value for '--bsa'"),
    (["--hepatic", "child-pugh-d"], "'child-pugh-a', 'child-pugh-b', 'child-pugh-c'"),
    (["--cyp3a", "weak-inhibitor"], "'strong-inhibitor', 'moderate-inhibitor', 'strong-inducer', 'moderate-inducer'"),
    (["--reduction", "two"], "Invalid value for '--reduction'"),
])
def test_unknown_option_values_say_what_is_allowed(cli, args, allowed):
    result = dose(cli, "larotrectinib", *args)
    assert result.exit_code == 2
    assert allowed in " ".join(result.stderr.split())


@pytest.mark.parametrize("step", ["0", "-1"])
def test_reduction_below_one_is_a_usage_error(cli, step):
    result = dose(cli, "larotrectinib", "--reduction", step)
    assert result.exit_code == 2
    assert "a dose-reduction step is 1 (the first reduction), 2, ..." in result.stderr


def test_reduction_beyond_the_larotrectinib_ladder(cli):
    result = dose(cli, "larotrectinib", "--bsa", "0.6", "--reduction", "4")
    assert result.exit_code == 2
    assert ("the dose-reduction ladder for pediatric patients with body surface area less than 1.0 m2 has steps "
            "1 to 3") in result.stderr


def test_unknown_drug(cli):
    result = dose(cli, "larotrectnib")
    assert result.exit_code == 1
    assert "no monograph named 'larotrectnib'; did you mean larotrectinib" in result.stderr


def test_option_choices_are_the_schemas():
    from trkmono.cli_tools import Cyp3a, Hepatic
    from trkmono.schema import Cyp3aCondition, HepaticClass
    assert [h.value for h in Hepatic] == list(typing.get_args(HepaticClass))
    assert [c.value for c in Cyp3a] == list(typing.get_args(Cyp3aCondition))


def test_tool_commands_have_help_with_an_example(cli):
    for command in ["dose", "interactions", "resistance", "search"]:
        result = cli(command, "--help")
        assert result.exit_code == 0
        assert "Example: trkmono" in result.stdout, command


def test_readme_tools_examples_are_real_output(cli):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- tools -->")[1].split("<!-- /tools -->")[0]
    examples = re.findall(r"```text\n\$ (trkmono [^\n]*)\n(.*?)```", section, re.S)
    assert examples
    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.rstrip("\n").split("\n")]

    for command, shown in examples:
        output = lines(cli(*shlex.split(command)[1:]).stdout)
        expected = lines(shown.split("[… trimmed …]")[0])
        assert output[:len(expected)] == expected, command


def test_option_values_match_the_schema():
    """The CLI's choices are written out (importing the schema at start-up would be slow): keep them equal."""
    from trkmono.cli_tools import Cyp3a, Hepatic
    from trkmono.schema import Cyp3aCondition, HepaticClass
    assert [h.value for h in Hepatic] == list(HepaticClass.__args__)
    assert [c.value for c in Cyp3a] == list(Cyp3aCondition.__args__)
