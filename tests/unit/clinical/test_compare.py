"""compare as a table: an aspect of a fictional monograph -> the lines of its cell and their support.

The monographs come from tests/fixtures/tools through the real loader and compile path, read under
the US label.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from trkmono.clinical.compare import compare
from trkmono.library import open_library
from trkmono.regions import view
from trkmono.terms import COMPARE_ASPECTS


@pytest.fixture
def cells():
    library = open_library(FIXTURES / "tools")
    drugs = [view(library.find(drug), "US") for drug in ("solutinib", "trialinib")]
    return {row.aspect: row.cells for row in compare(drugs)}


# (aspect, drug's column, the cell's lines, its weakest tier, its weakest evidence)
CELLS = [
    ("Adult dose", 0, ["fictional adults and children with BSA of at least 1.0 m2: 100 mg twice daily, with or "
                       "without food"], "regulatory-label", "confirmed"),
    ("Hepatic impairment", 0, ["child-pugh-a: no amount stated (read the rule)", "child-pugh-b: reduce dose by 50%"],
     "regulatory-label", "confirmed"),
    ("CYP3A4", 0, ["strong-inhibitor: avoid; if unavoidable, reduce dose by 50%",
                   "moderate-inhibitor: use 50 mg twice daily", "strong-inducer: avoid"],
     "secondary-web", "unconfirmed"),                       # the weakest source behind the cell
    ("Status", 1, ["investigational"], "peer-reviewed", "confirmed"),
    ("Hepatic impairment", 1, ["not stated"], None, "confirmed"),
]


@pytest.mark.parametrize("aspect, column, lines, tier, evidence", CELLS, ids=[f"{c[0]}-{c[1]}" for c in CELLS])
def test_cell(cells, aspect, column, lines, tier, evidence):
    cell = cells[aspect][column]
    assert (cell.lines, cell.tier, cell.evidence) == (lines, tier, evidence)


def test_every_aspect_is_a_row_with_the_dose_first(cells):
    assert len(cells) == len(COMPARE_ASPECTS)
    assert list(cells)[:2] == ["Adult dose", "Paediatric dose"]
    assert all(len(row) == 2 for row in cells.values())
