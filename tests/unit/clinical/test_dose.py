"""The dose calculator as tables: a request on a fictional monograph -> the dose, or why there is none.

The monographs come from tests/fixtures/tools through the real loader and compile path (the library
a command opens), read under the US label as ``dose`` reads them by default.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from trkmono.clinical.dose import Request, age_from_option, bsa_from_option, calculate, check_request
from trkmono.errors import UsageError
from trkmono.library import open_library
from trkmono.regions import view


@pytest.fixture
def monograph():
    library = open_library(FIXTURES / "tools")
    return lambda drug: view(library.find(drug), "US")


def request(bsa: float | None = None, age: str | None = None, hepatic: str | None = None,
            cyp3a: str | None = None, reduction: int | None = None) -> Request:
    """A request as the command line builds it from its options."""
    return Request(bsa_from_option(bsa), hepatic, cyp3a, reduction, age_from_option(age))


# (drug, options, the dose)
DOSES = [
    ("solutinib", {"bsa": 1.0}, "100 mg twice daily"),
    ("solutinib", {"bsa": 0.9}, "80 mg twice daily"),                 # 90 mg/m2 capped at 80 mg
    ("solutinib", {"bsa": 0.79}, "79 mg twice daily"),                # just under the cap
    ("solutinib", {"cyp3a": "moderate-inhibitor"}, "50 mg twice daily"),  # a fixed dose
    ("bandinib", {"bsa": 0.5}, "100 mg once daily"),
    ("bandinib", {"bsa": 0.81}, "200 mg once daily"),                 # band edges are inclusive
    ("bandinib", {"bsa": 0.805}, "200 mg once daily"),                # read at the table's precision
    ("bandinib", {"bsa": 1.51}, "300 mg once daily"),
    ("bandinib", {"bsa": 1.6, "hepatic": "child-pugh-c"}, "150 mg once daily"),
    ("bandinib", {"bsa": 1.6, "cyp3a": "strong-inhibitor"}, "225 mg once daily"),  # 300 mg less 25%
    ("bandinib", {"bsa": 1.6, "reduction": 2}, "100 mg once daily"),
    ("agedinib", {"bsa": 0.5, "age": "23m"}, "25 mg twice daily"),    # below 2 years: 50 mg/m2
    ("agedinib", {"bsa": 0.5, "age": "2"}, "40 mg twice daily"),      # from 2 years: 80 mg/m2
    ("leadinib", {"bsa": 1.1, "age": "12"}, "66 mg twice daily"),
    ("leadinib", {"bsa": 1.1, "age": "18"}, "80 mg twice daily"),
]


@pytest.mark.parametrize("drug, options, expected", DOSES, ids=[f"{d}-{o}" for d, o, _ in DOSES])
def test_dose(monograph, drug, options, expected):
    outcome = calculate(monograph(drug), request(**options))
    assert outcome.computed, outcome.reasons
    assert str(outcome.dose) == expected


# (drug, options, how the reason starts)
REFUSALS = [
    ("trialinib", {}, "the monograph gives no labelled dose"),
    ("solutinib", {"hepatic": "child-pugh-c"}, "the monograph gives no rule for hepatic impairment child-pugh-c"),
    ("solutinib", {"cyp3a": "strong-inducer"}, "the label says to avoid CYP3A4 strong-inducer and gives no dose"),
    ("bandinib", {"bsa": 0.4}, "no regimen in the monograph covers a patient with BSA 0.4 m2"),
    ("bandinib", {"bsa": 1.6, "hepatic": "child-pugh-c", "reduction": 1},
     "the monograph does not say how dose-reduction step 1 and the hepatic impairment child-pugh-c rule combine"),
    ("bandinib", {"bsa": 0.7, "reduction": 2}, "step 2 is past the label's last reduction step (1)"),
    ("agedinib", {"bsa": 0.5}, "trkmono cannot tell which regimen applies"),
    ("leadinib", {"bsa": 1.1, "age": "11"}, "no regimen in the monograph covers a patient aged 11 years"),
    ("leadinib", {"bsa": 1.1, "age": "17"}, "trkmono cannot tell which regimen applies to a patient aged 17 years"),
    ("squarinib", {}, "the starting dose is 60 mg/m2 once daily, per m2 of body surface area"),
]


@pytest.mark.parametrize("drug, options, reason", REFUSALS, ids=[f"{d}-{o}" for d, o, _ in REFUSALS])
def test_refusal(monograph, drug, options, reason):
    outcome = calculate(monograph(drug), request(**options))
    assert not outcome.computed and outcome.dose is None
    assert outcome.reasons[0].startswith(reason), outcome.reasons


# (options, part of the usage error)
IMPOSSIBLE = [
    ({"bsa": 4.01}, "body surface area must be a number from 0.1 to 4 (m2)"),
    ({"bsa": float("nan")}, "body surface area must be a number from 0.1 to 4 (m2)"),
    ({"age": "ten"}, "--age ten"),
    ({"reduction": 0}, "a dose-reduction step is 1 (the first reduction)"),
]


@pytest.mark.parametrize("options, message", IMPOSSIBLE, ids=[str(o) for o, _ in IMPOSSIBLE])
def test_impossible_request_is_a_usage_error(options, message):
    with pytest.raises(UsageError) as raised:
        check_request(request(**options))
    assert message in str(raised.value)
