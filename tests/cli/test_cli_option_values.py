"""Option values through the real command line: the spellings people type are understood, and a
value that is not understood is refused in the option's own words, with the likely word when it
looks like a typo, never with the framework's wording."""

from __future__ import annotations

import json

import pytest

from trkmono import terms


def asked(cli, *args: str) -> dict:
    """The request ``dose`` understood, from its JSON answer."""
    result = cli("dose", "larotrectinib", *args, "--json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def refusal(cli, *args: str) -> str:
    """The usage error for ``args`` as one line (exit 2, no traceback)."""
    result = cli(*args)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    return " ".join(result.stderr.split())


@pytest.mark.parametrize("typed", ["child-pugh-b", "B", "b", "moderate", "Moderate", "Child-Pugh B", "child_pugh_b",
                                   "CHILD PUGH B"])
def test_hepatic_class_spellings_mean_child_pugh_b(cli, typed):
    assert asked(cli, "--hepatic", typed) == asked(cli, "--hepatic", "child-pugh-b")


@pytest.mark.parametrize("typed, meant", [("A", "child-pugh-a"), ("mild", "child-pugh-a"),
                                          ("C", "child-pugh-c"), ("severe", "child-pugh-c")])
def test_every_hepatic_class_has_its_letter_and_degree(cli, typed, meant):
    assert asked(cli, "--hepatic", typed) == asked(cli, "--hepatic", meant)


@pytest.mark.parametrize("typed", ["strong inhibitor", "strong-inhibitor", "Strong_Inhibitor",
                                   "strong CYP3A4 inhibitor", "strong CYP3A inhibitor"])
def test_cyp3a_spellings_mean_a_strong_inhibitor(cli, typed):
    assert asked(cli, "--cyp3a", typed) == asked(cli, "--cyp3a", "strong-inhibitor")


def test_a_unit_after_the_body_surface_area_is_understood(cli):
    assert asked(cli, "--bsa", "0.6 m2") == asked(cli, "--bsa", "0.6")


@pytest.mark.parametrize("args, words", [
    (["dose", "larotrectinib", "--hepatic", "moderat"],
     "'moderat' is not a Child-Pugh class of hepatic impairment; did you mean child-pugh-b?"),
    (["dose", "larotrectinib", "--cyp3a", "strong-inhibtor"], "did you mean strong-inhibitor?"),
    (["dose", "larotrectinib", "--bsa", "1,5"], "'1,5' is not a body surface area; did you mean 1.5?"),
    (["dose", "larotrectinib", "--reduction", "2.0"], "'2.0' is not a dose-reduction step; did you mean 2?"),
    (["show", "larotrectinib", "--section", "dosng"], "'dosng' is not a section of a monograph; did you mean dosing?"),
    (["show", "larotrectinib", "--format", "jsn"], "'jsn' is not an output format; did you mean json?"),
    (["show", "larotrectinib", "--color", "alwys"], "did you mean always?"),
    (["validate", "--format", "gihub"], "'gihub' is not a findings format; did you mean github?"),
])
def test_a_typo_is_refused_with_the_word_meant(cli, args, words):
    assert words in refusal(cli, *args)


@pytest.mark.parametrize("typed", ["D", "child-pugh-d", "weak"])
def test_a_value_that_is_no_class_gets_no_guess_only_the_classes(cli, typed):
    message = refusal(cli, "dose", "larotrectinib", "--hepatic", typed)
    assert "did you mean" not in message
    listed = ", ".join(f"{word} ({degree}, {word[-1].upper()})" for word, degree in terms.HEPATIC_SEVERITY.items())
    assert f"give one of: {listed}" in message


def test_another_strength_is_never_offered_for_a_cyp3a_condition(cli):
    message = refusal(cli, "dose", "larotrectinib", "--cyp3a", "weak-inhibitor")
    assert "did you mean" not in message and "is not a CYP3A4 condition" in message
    assert "give one of: " + ", ".join(terms.CYP3A_CONDITIONS) in message


@pytest.mark.parametrize("args", [["dose", "larotrectinib", "--bsa", "big"], ["dose", "larotrectinib", "--reduction", "x"],
                                  ["show", "larotrectinib", "-s", "x"], ["list", "--format", "x"]])
def test_no_framework_wording(cli, args):
    message = refusal(cli, *args)
    assert "Input should be" not in message and "Value error" not in message and "not one of" not in message
