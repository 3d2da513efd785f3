"""trkmono dose through the CLI: regimens by age and BSA, lead-ins, one rule at a time, every refusal.

The calculator's logic is pinned on the fictional monographs in tests/fixtures/tools (their values
are made up and cannot drift). A few end-to-end facts come from the shipped monographs as the
curators recorded them (larotrectinib: 100 mg twice daily at BSA >= 1.0 m2, 100 mg/m2 below,
ladders 75/50/100 mg and 75/50/25 mg/m2, hepatic B and C -50%, A no adjustment; entrectinib:
600 mg once daily from 18 years, EU paediatric BSA bands 200/300/400/600 mg, inducers "avoid";
repotrectinib: 160 mg once daily for 14 days (lead-in), then 160 mg twice daily).
"""

from __future__ import annotations

import json
import re
import shlex
import typing

import pytest

from conftest import FIXTURES, REPO

TOOLS = str(FIXTURES / "tools")
CITED = r" \[[^\]]+\]"
"""A citation marker, whatever its numbering ([lead-label], [1], [2 §4.2, 3])."""
FLAGGED = r"( UNVERIFIED| \((corroborated|unconfirmed)\))"
"""The evidence tag of a statement that is not confirmed."""


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


def usage_error(cli, *args: str, fixtures: bool = False) -> str:
    """A request that is impossible: exit 2, nothing on stdout, the message on stderr."""
    result = dose(cli, *args, fixtures=fixtures)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    return " ".join(result.stderr.split())


# --- rules that change the dose are never stacked --------------------------------------------------


@pytest.mark.parametrize("args, kinds", [
    (["--reduction", "1", "--hepatic", "child-pugh-b"], ["reduction", "hepatic"]),
    (["--reduction", "1", "--cyp3a", "strong-inhibitor"], ["reduction", "cyp3a4"]),
    (["--hepatic", "child-pugh-b", "--cyp3a", "strong-inhibitor"], ["hepatic", "cyp3a4"]),
    (["--reduction", "1", "--hepatic", "child-pugh-b", "--cyp3a", "strong-inhibitor"],
     ["reduction", "hepatic", "cyp3a4"]),
])
def test_two_or_three_modifiers_are_refused_and_each_rule_is_listed(cli, args, kinds):
    data = refused(cli, "leadinib", *args, fixtures=True)
    assert data["not_combined"] == kinds
    assert len(data["reasons"]) == 1 and data["reasons"][0].startswith("the monograph does not say how ")
    shown = [s for s in data["steps"] if s["kind"] != "start"]
    assert [s["kind"] for s in shown] == kinds
    for step in shown:
        assert step["applied"] is False and step["dose"] is None
        assert step["cite"] == ["lead-label"]
        assert step["effect"].endswith("(shown on its own, not combined)")
        assert any(n.startswith("Shown on its own: the monograph does not say how it combines with ")
                   for n in step["notes"])


def test_refused_combination_in_text_names_every_rule_with_its_citation(cli):
    result = dose(cli, "leadinib", "--reduction", "1", "--hepatic", "child-pugh-b", "--cyp3a", "strong-inhibitor",
                  fixtures=True)
    out = flat(result.stdout)
    assert result.exit_code == 1
    assert re.search(r"2\. Dose reduction step 1 of 1 \(not applied\)" + CITED, out)
    assert re.search(r"3\. Hepatic impairment: child-pugh-b \(not applied\)" + CITED, out)
    assert re.search(r"4\. CYP3A4: strong-inhibitor \(not applied\)" + CITED, out)
    assert "→ reduce dose by 50% (shown on its own, not combined)" in out
    assert "→ avoid; if unavoidable, reduce dose by 25% (shown on its own, not combined)" in out
    assert ("the monograph does not say how dose-reduction step 1, the hepatic impairment child-pugh-b rule and "
            "the CYP3A4 strong-inhibitor rule combine") in out
    assert " − " not in out and " = " not in out  # no arithmetic was done


def test_fixed_dose_rule_is_not_combined_with_a_reduction(cli):
    data = refused(cli, "bandinib", "--bsa", "1.6", "--reduction", "1", "--hepatic", "child-pugh-c", fixtures=True)
    assert data["not_combined"] == ["reduction", "hepatic"]
    assert data["steps"][2]["effect"] == "use 150 mg once daily (shown on its own, not combined)"


@pytest.mark.parametrize("args, mg", [
    (["--hepatic", "child-pugh-c"], "150"),         # a fixed dose alone
    (["--cyp3a", "strong-inhibitor"], "225"),       # a percentage alone: 300 mg - 25%
    (["--reduction", "2"], "100"),                  # a ladder step alone
])
def test_each_rule_alone_is_computed(cli, args, mg):
    assert computed(cli, "bandinib", "--bsa", "1.6", *args, fixtures=True)["mg_exact"] == mg


def test_rule_without_an_amount_beside_another_rule_gives_both_reasons(cli):
    data = refused(cli, "solutinib", "--hepatic", "child-pugh-a", "--cyp3a", "strong-inhibitor", fixtures=True)
    assert [s["applied"] for s in data["steps"]] == [True, False, False]
    assert data["reasons"][0].startswith("the hepatic impairment child-pugh-a rule states no amount")
    assert data["reasons"][1].startswith("the monograph does not say how the hepatic impairment child-pugh-a rule "
                                         "and the CYP3A4 strong-inhibitor rule combine")


# --- "no adjustment" (percent_change 0) ------------------------------------------------------------


def test_no_adjustment_rule_returns_the_unchanged_dose_with_the_rule_cited(cli):
    result = dose(cli, "leadinib", "--hepatic", "child-pugh-a", fixtures=True)
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert re.search(r"2\. Hepatic impairment: child-pugh-a" + CITED, out)
    assert "Rule: No fictional adjustment in mild impairment." in out
    assert "→ no dose adjustment (0%): 80 mg twice daily unchanged" in out
    assert "then 80 mg twice daily, with food" in out


def test_no_adjustment_rules_are_not_modifiers(cli):
    both = computed(cli, "leadinib", "--hepatic", "child-pugh-a", "--cyp3a", "moderate-inhibitor", fixtures=True)
    assert both["mg_exact"] == "80" and both["lead_in_note"] is None
    three = computed(cli, "leadinib", "--reduction", "1", "--hepatic", "child-pugh-a", "--cyp3a",
                     "moderate-inhibitor", fixtures=True)
    assert three["mg_exact"] == "40"
    code, data = dose_json(cli, "leadinib", "--hepatic", "child-pugh-a", "--cyp3a", "strong-inhibitor",
                           fixtures=True)
    assert code == 0 and data["dose"]["mg_exact"] == "60" and data["not_combined"] == []
    assert [s["effect"] for s in data["steps"][1:]] == ["no dose adjustment (0%): 80 mg twice daily unchanged",
                                                       "80 mg − 25% = 60 mg"]


def test_larotrectinib_child_pugh_a_is_no_adjustment(cli):
    code, data = dose_json(cli, "larotrectinib", "--hepatic", "child-pugh-a")
    assert code == 0 and data["dose"]["mg_exact"] == "100"
    step = data["steps"][-1]
    assert step["kind"] == "hepatic" and step["applied"] is True and step["cite"]
    assert step["effect"] == "no dose adjustment (0%): 100 mg twice daily unchanged"
    assert computed(cli, "larotrectinib", "--hepatic", "child-pugh-a", "--reduction", "1")["mg_exact"] == "75"


# --- body surface area ------------------------------------------------------------------------------


@pytest.mark.parametrize("bsa, mg", [("0.1", "10"), ("4", "100"), ("3.99", "100"), ("0.11", "11")])
def test_bsa_bounds_are_accepted(cli, bsa, mg):
    assert computed(cli, "larotrectinib", "--bsa", bsa)["mg_exact"] == mg


@pytest.mark.parametrize("bsa", ["0.099", "4.01", "1e-9", "0", "-1", "100", "nan", "inf", "-0.0"])
def test_bsa_outside_0_1_to_4_is_a_usage_error(cli, bsa):
    message = usage_error(cli, "larotrectinib", "--bsa", bsa)
    assert "body surface area must be a number from 0.1 to 4 (m2)" in message


# --- age ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("age, mg", [
    ("1", "25"), ("23m", "25"), ("1.9", "25"), ("1.99y", "25"),   # below 2 years: 50 mg/m2
    ("2", "40"), ("24m", "40"), ("2y", "40"), ("11", "40"),         # from 2 years: 80 mg/m2
])
def test_age_bands_at_their_edges(cli, age, mg):
    assert computed(cli, "agedinib", "--age", age, "--bsa", "0.5", fixtures=True)["mg_exact"] == mg


def test_age_given_as_months_or_years_is_echoed(cli):
    code, data = dose_json(cli, "agedinib", "--age", "10m", "--bsa", "0.5", fixtures=True)
    assert data["request"]["age"] == {"value": 10.0, "unit": "months"}
    assert "Asked: age 10 months · BSA 0.5 m2" in dose(cli, "agedinib", "--age", "10m", "--bsa", "0.5",
                                                       fixtures=True).stdout
    assert "Asked: age 1 year · BSA 0.5 m2" in dose(cli, "agedinib", "--age", "1", "--bsa", "0.5",
                                                    fixtures=True).stdout


def test_regimens_by_age_are_listed_not_chosen_without_an_age(cli):
    data = refused(cli, "agedinib", "--bsa", "0.5", fixtures=True)
    assert data["ambiguous"] and len(data["candidates"]) == 4
    assert data["steps"] == []
    assert "the patient's age decides (give --age)" in data["reasons"][0]
    data = refused(cli, "agedinib", fixtures=True)
    assert [c["population"] for c in data["candidates"]] == ["fictional adults",
                                                             "fictional patients 12 years and older"]


def test_two_regimens_that_both_cover_the_age_are_listed(cli):
    data = refused(cli, "agedinib", "--age", "40", fixtures=True)
    assert data["reasons"][0].startswith("more than one regimen covers a patient aged 40 years")
    assert [c["why"] for c in data["candidates"]] == ["covers this patient", "covers this patient"]


@pytest.mark.parametrize("age, regimen", [("12", "paediatric"), ("16.9", "paediatric"), ("18", "adult"),
                                          ("120", "adult")])
def test_adult_or_child_by_age(cli, age, regimen):
    code, data = dose_json(cli, "leadinib", "--age", age, "--bsa", "1.1", fixtures=True)
    assert code == 0, data["reasons"]
    expected = "66" if regimen == "paediatric" else "80"
    assert data["dose"]["mg_exact"] == expected


def test_at_17_an_adult_regimen_without_age_bounds_is_not_guessed(cli):
    data = refused(cli, "leadinib", "--age", "17", "--bsa", "1.1", fixtures=True)
    why = {c["population"]: c["why"] for c in data["candidates"]}
    assert "differs between labels (from 17 or 18 years)" in why["fictional adults"]
    assert why["fictional patients 12 years and older"] == "covers this patient"


def test_age_below_every_band(cli):
    data = refused(cli, "leadinib", "--age", "11", "--bsa", "1.1", fixtures=True)
    assert data["reasons"] == ["no regimen in the monograph covers a patient aged 11 years with BSA 1.1 m2"]
    assert data["ambiguous"] is False


def test_child_without_a_bsa_is_asked_for_one(cli):
    data = refused(cli, "larotrectinib", "--age", "8")
    assert data["reasons"][0].endswith("the BSA decides (give --bsa); read the candidates")


def test_age_and_bsa_compute_an_adult_dose_per_m2(cli):
    assert computed(cli, "squarinib", "--age", "40", "--bsa", "1.8", fixtures=True)["mg_exact"] == "108"


def test_rule_restricted_by_age(cli):
    data = refused(cli, "solutinib", "--bsa", "0.6", "--cyp3a", "moderate-inhibitor", fixtures=True)
    assert "it depends on age (age ≥ 12 years); give --age" in data["reasons"][0]
    assert computed(cli, "solutinib", "--age", "12", "--bsa", "1.2", "--cyp3a", "moderate-inhibitor",
                    fixtures=True)["mg_exact"] == "50"
    data = refused(cli, "solutinib", "--age", "143m", "--bsa", "1.2", "--cyp3a", "moderate-inhibitor", fixtures=True)
    assert "which does not cover this patient" in data["reasons"][0]


@pytest.mark.parametrize("age", ["0", "0m", "120", "1440m"])
def test_age_bounds_are_accepted(cli, age):
    assert dose(cli, "leadinib", "--age", age, "--bsa", "0.5", fixtures=True).exit_code in (0, 1)


@pytest.mark.parametrize("age", ["-1", "121", "1441m", "ten", "10 months", "8w", "", "nan", "1e3"])
def test_impossible_age_is_a_usage_error(cli, age):
    message = usage_error(cli, "larotrectinib", "--age", age)
    assert "an age is a number of years (8, 8y, 1.5) or of months with m (10m), from 0 to 120 years" in message


# --- lead-in regimens --------------------------------------------------------------------------------


def test_lead_in_is_shown_before_the_main_phase(cli):
    result = dose(cli, "leadinib", fixtures=True)
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert ("Resulting dose: 80 mg once daily for 7 days (lead-in), if the fictional lead-in is tolerated, "
            "then 80 mg twice daily, with food; until fictional progression") in out
    assert re.search(r"oral solution 40 mg/mL: 2 mL per dose during the lead-in" + CITED, out)
    data = computed(cli, "leadinib", fixtures=True)
    assert data["lead_in"] == {"mg": 80.0, "mg_exact": "80", "frequency": "once daily", "days": 7,
                               "condition": "if the fictional lead-in is tolerated"}
    assert (data["mg_exact"], data["frequency"]) == ("80", "twice daily")
    assert [v["phase"] for v in data["volumes"]] == ["lead-in", "main"]


def test_lead_in_per_m2_is_computed_for_the_bsa(cli):
    out = flat(dose(cli, "leadinib", "--age", "14", "--bsa", "1.1", fixtures=True).stdout)
    assert ("→ 30 mg/m2 × 1.1 m2 = 33 mg once daily for 7 days (lead-in), then 60 mg/m2 × 1.1 m2 = 66 mg "
            "twice daily") in out
    assert "oral solution 40 mg/mL: ≈ 0.83 mL per dose during the lead-in" in out


def test_a_reduction_without_a_lead_in_ladder_drops_the_lead_in_it_cannot_reduce(cli):
    data = computed(cli, "leadinib", "--reduction", "1", fixtures=True)
    assert data["lead_in"] is None and data["mg_exact"] == "40"
    assert data["lead_in_note"].startswith("the monograph records no reduced dose for the lead-in phase")
    out = flat(dose(cli, "leadinib", "--hepatic", "child-pugh-b", fixtures=True).stdout)
    assert "then 40 mg twice daily" in out
    assert "Lead-in: the monograph does not say whether the hepatic impairment child-pugh-b rule applies" in out


def test_lead_in_in_markdown(cli):
    result = dose(cli, "leadinib", "--hepatic", "child-pugh-b", "--format", "markdown", fixtures=True)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# leadinib — dose under the US label (FDA)\n\nAsked: adult (no --bsa, no --age) · "
                          "hepatic child-pugh-b\n")
    assert ("**Resulting dose: 80 mg once daily for 7 days (lead-in), if the fictional lead-in is tolerated, "
            "then 40 mg twice daily**, with food; until fictional progression") in out


def test_repotrectinib_shows_both_phases_in_every_format(cli):
    result = dose(cli, "repotrectinib")
    assert result.exit_code == 0
    assert "Resulting dose: 160 mg once daily for 14 days (lead-in), then 160 mg twice daily" in flat(result.stdout)
    data = computed(cli, "repotrectinib")
    assert (data["lead_in"]["mg_exact"], data["lead_in"]["frequency"], data["lead_in"]["days"]) == (
        "160", "once daily", 14)
    assert (data["mg_exact"], data["frequency"]) == ("160", "twice daily")
    markdown = dose(cli, "repotrectinib", "-f", "markdown").stdout
    assert "**Resulting dose: 160 mg once daily for 14 days (lead-in), then 160 mg twice daily**" in markdown


# --- larotrectinib (shipped) ----------------------------------------------------------------------------


def test_larotrectinib_strong_inhibitor_is_avoid_then_half(cli):
    result = dose(cli, "larotrectinib", "--cyp3a", "strong-inhibitor")
    assert result.exit_code == 0
    assert "AVOID: the label says to avoid this. Its dose change below is only for when it cannot be avoided." \
        in flat(result.stdout)
    assert "100 mg − 50% = 50 mg" in result.stdout
    assert "Resulting dose: 50 mg twice daily" in result.stdout


def test_larotrectinib_strong_inducer_doubles_but_not_on_top_of_a_reduction(cli):
    assert computed(cli, "larotrectinib", "--cyp3a", "strong-inducer")["mg_exact"] == "200"
    data = refused(cli, "larotrectinib", "--cyp3a", "strong-inducer", "--reduction", "3")
    assert data["not_combined"] == ["reduction", "cyp3a4"]


def test_every_step_shows_citations_and_references(cli):
    out = flat(dose(cli, "larotrectinib", "--bsa", "0.6", "--hepatic", "child-pugh-b").stdout)
    assert re.search(r"1\. Starting dose" + CITED, out)
    assert re.search(r"2\. Hepatic impairment: child-pugh-b" + CITED, out)
    assert "References ─" in out and "not medical advice" in out
    hepatic = dose_json(cli, "larotrectinib", "--bsa", "0.6", "--hepatic", "child-pugh-b")[1]["steps"][1]
    assert hepatic["cite"] and hepatic["applied"]


def test_rounding_is_stated_and_exact_mg_kept(cli):
    out = flat(dose(cli, "larotrectinib", "--bsa", "0.613", "--reduction", "1").stdout)
    assert "75 mg/m2 × 0.613 m2 = 45.975 mg twice daily" in out
    assert "oral solution 20 mg/mL: ≈ 2.3 mL per dose" in out  # 2.29875 mL, half up
    assert "Nothing is rounded to a capsule or pellet strength" in out
    assert computed(cli, "larotrectinib", "--bsa", "0.7")["mg_exact"] == "70"  # no 70.00000000001


# --- entrectinib (shipped) ------------------------------------------------------------------------------


def test_entrectinib_adult_regimen_and_ladder(cli):
    result = computed(cli, "entrectinib", "--age", "40")
    assert (result["mg_exact"], result["frequency"], result["food"]) == ("600", "once daily", "with or without food")
    assert computed(cli, "entrectinib", "--age", "40", "--reduction", "1")["mg_exact"] == "400"
    assert computed(cli, "entrectinib", "--age", "40", "--reduction", "2")["mg_exact"] == "200"


@pytest.mark.parametrize("condition, mg", [("strong-inhibitor", "100"), ("moderate-inhibitor", "200")])
def test_entrectinib_cyp3a_inhibitors_avoid_or_fixed_dose(cli, condition, mg):
    args = ["entrectinib", "--age", "40", "--bsa", "1.8", "--cyp3a", condition]
    result = dose(cli, *args)
    assert result.exit_code == 0
    assert "AVOID" in result.stdout and f"use instead: {mg} mg once daily" in result.stdout
    assert "12 years and older" in result.stdout  # the rule's population is shown
    assert computed(cli, *args)["mg_exact"] == mg


def test_investigational_drug_has_no_dose(cli):
    result = dose(cli, "utatrectinib", "--bsa", "1.2")
    assert result.exit_code == 1
    assert "No labelled dose" in result.stdout and "There is no approved or labelled dose" in flat(result.stdout)
    assert "mg twice daily" not in result.stdout.split("No dose computed")[1]
    assert "no labelled dose" in result.stderr


# --- fictional fixtures: bands, caps, ladders, rule kinds --------------------------------------------


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


def test_bsa_below_every_band_is_not_covered(cli):
    data = refused(cli, "bandinib", "--bsa", "0.4", fixtures=True)
    assert data["reasons"] == ["no regimen in the monograph covers a patient with BSA 0.4 m2"]
    assert data["ambiguous"] is False and len(data["candidates"]) == 4


@pytest.mark.parametrize("bsa, read_as, mg", [("0.805", "0.81", "200"), ("0.8049", "0.80", "100"),
                                              ("1.505", "1.51", "300")])
def test_bsa_between_two_bands_is_read_at_the_tables_precision(cli, bsa, read_as, mg):
    code, data = dose_json(cli, "bandinib", "--bsa", bsa, fixtures=True)
    assert code == 0 and data["dose"]["mg_exact"] == mg
    assert data["bsa_note"] == (f"BSA {bsa} m2 falls between two bands of the label's table, which gives BSA to "
                                f"2 decimal places: read as {read_as.rstrip('0')} m2")
    assert f"read as {read_as.rstrip('0')} m2" in dose(cli, "bandinib", "--bsa", bsa, fixtures=True).stdout


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


def test_reduction_step_beyond_a_bands_ladder_is_the_labels_discontinue_rule(cli):
    data = refused(cli, "bandinib", "--bsa", "0.7", "--reduction", "2", fixtures=True)
    assert data["discontinue"]
    assert data["reasons"][0].startswith("step 2 is past the label's last reduction step (1); the label says: ")


def test_rounded_volume(cli):
    assert "oral solution 30 mg/mL: 7.5 mL per dose" in dose(cli, "bandinib", "--bsa", "1.6", "--cyp3a",
                                                             "strong-inhibitor", fixtures=True).stdout
    assert "oral solution 30 mg/mL: ≈ 3.33 mL per dose" in dose(cli, "bandinib", "--bsa", "0.6", fixtures=True).stdout


def test_fixed_dose_rule_covering_adults_by_age(cli):
    assert computed(cli, "solutinib", "--cyp3a", "moderate-inhibitor", fixtures=True)["mg_exact"] == "50"


def test_avoid_without_an_amount(cli):
    result = dose(cli, "solutinib", "--cyp3a", "strong-inducer", fixtures=True)
    assert result.exit_code == 1
    assert ("AVOID: the label says to avoid this. It gives no dose change for when it cannot be avoided."
            in result.stdout)


def test_an_unconfirmed_rule_is_marked_on_its_step(cli):
    out = dose(cli, "solutinib", "--cyp3a", "strong-inhibitor", fixtures=True).stdout
    assert re.search(r"2\. CYP3A4: strong-inhibitor" + CITED + FLAGGED, out)
    assert re.search(r"1\. Starting dose" + CITED + "\n", out)


@pytest.mark.parametrize("args, reason", [
    (["--hepatic", "child-pugh-c"], "the monograph gives no rule for hepatic impairment child-pugh-c"),
    (["--cyp3a", "moderate-inducer"], "the monograph gives no rule for CYP3A4 moderate-inducer"),
])
def test_condition_without_a_rule_computes_nothing(cli, args, reason):
    data = refused(cli, "solutinib", *args, fixtures=True)
    assert data["reasons"] == [reason]


def test_adult_dose_per_m2_is_not_computed_without_a_bsa(cli):
    data = refused(cli, "squarinib", fixtures=True)
    assert "no BSA to multiply by" in data["reasons"][0]
    data = refused(cli, "squarinib", "--reduction", "1", fixtures=True)
    assert data["reasons"][1] == "the monograph gives no dose-reduction ladder"
    data = refused(cli, "squarinib", "--bsa", "1.8", fixtures=True)
    assert "a BSA does not tell whether the patient is an adult (give --age)" in data["candidates"][0]["why"]


def test_fictional_investigational_drug(cli):
    data = refused(cli, "trialinib", fixtures=True)
    assert data["steps"][0]["rule"] == "No fictional label exists; trialinib is investigational."
    assert data["steps"][0]["cite"] == ["trial-registry"]


def test_markdown_escapes_and_numbers_the_references(cli):
    result = dose(cli, "solutinib", "--bsa", "0.9", "-f", "markdown", fixtures=True)
    assert result.exit_code == 0
    out = result.stdout
    assert "**Resulting dose: 80 mg twice daily**, with or without food" in out
    assert "1. **Starting dose** \\[" in out
    assert "Solutra fictional label" in out.split("### References")[1]
    assert "A fictional blog post" not in out  # only the references the answer uses
    refused_md = dose(cli, "solutinib", "--cyp3a", "strong-inhibitor", "--hepatic", "child-pugh-b", "-f",
                      "markdown", fixtures=True)
    assert refused_md.exit_code == 1 and "**No dose computed**" in refused_md.stdout
    assert "- **AVOID**: the label says to avoid this." in refused_md.stdout


# --- usage errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("args, allowed", [
    (["--bsa", "big"], "Invalid value for '--bsa'"),
    (["--hepatic", "child-pugh-d"], "child-pugh-a (mild, A), child-pugh-b (moderate, B), child-pugh-c (severe, C)"),
    (["--cyp3a", "weak-inhibitor"], "strong-inhibitor, moderate-inhibitor, strong-inducer, moderate-inducer"),
    (["--reduction", "two"], "Invalid value for '--reduction'"),
])
def test_unknown_option_values_say_what_is_allowed(cli, args, allowed):
    result = dose(cli, "larotrectinib", *args)
    assert result.exit_code == 2
    assert allowed in " ".join(result.stderr.split())


@pytest.mark.parametrize("step", ["0", "-1"])
def test_reduction_below_one_is_a_usage_error(cli, step):
    assert "a dose-reduction step is 1 (the first reduction), 2, ..." in usage_error(
        cli, "larotrectinib", "--reduction", step)


def test_unknown_drug(cli):
    result = dose(cli, "larotrectnib")
    assert result.exit_code == 1
    assert "no monograph named 'larotrectnib'" in result.stderr


def test_option_choices_are_the_schemas():
    from trkmono.cli.options import CYP3A, HEPATIC
    from trkmono.model.schema import Cyp3aCondition, HepaticClass
    assert list(HEPATIC.words) == list(typing.get_args(HepaticClass))
    assert list(CYP3A.words) == list(typing.get_args(Cyp3aCondition))


def test_tool_commands_have_help_with_an_example(cli):
    for command in ["dose", "interactions", "resistance", "search"]:
        result = cli(command, "--help")
        assert result.exit_code == 0
        assert "Example: trkmono" in result.stdout, command
    assert "--age" in cli("dose", "--help").stdout


def test_readme_tools_examples_are_real_output(cli):
    readme = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    section = readme.split("<!-- tools -->")[1].split("<!-- /tools -->")[0]
    examples = re.findall(r"```text\n\$ (trkmono [^\n]*)\n(.*?)```", section, re.S)
    assert examples

    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.rstrip("\n").split("\n")]

    for command, shown in examples:
        output = lines(cli(*shlex.split(command)[1:]).stdout)
        expected = lines(shown.split("[… trimmed …]")[0])
        assert output[:len(expected)] == expected, command
