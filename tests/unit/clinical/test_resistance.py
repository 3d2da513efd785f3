"""Resistance as tables: spellings -> mutations, and a mutation -> the fictional monographs' findings.

The monographs come from tests/fixtures/tools through the real loader and compile path.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from trkmono.clinical.resistance import lookup, parse, table
from trkmono.errors import TrkmonoError, UsageError
from trkmono.library import open_library
from trkmono.regions import view


@pytest.fixture
def full():
    library = open_library(FIXTURES / "tools")
    return table([view(m, "US") for m in library.monographs()])


# (spelling, the mutation it names, or None when it is not one TRK substitution)
SPELLINGS = [
    ("G595R", "G595R"),
    ("TRKA G595R", "TRKA G595R"),
    ("NTRK1 G595R", "TRKA G595R"),
    ("NTRK1 p.Gly595Arg", "TRKA G595R"),
    ("ntrk3 g623r", "TRKC G623R"),
    ("G667C/A", None),                 # two substitutions
    ("ALK G1202R", None),              # not a TRK protein
    ("solvent front", None),
]


@pytest.mark.parametrize("text, expected", SPELLINGS, ids=[s for s, _ in SPELLINGS])
def test_spelling(text, expected):
    found = parse(text)
    assert (None if found is None else str(found)) == expected


# (spelling, drug -> activities at that residue)
LOOKUPS = [
    ("G595R", {"solutinib": ["resistant"]}),
    ("NTRK1 p.F589L", {"solutinib": ["active"]}),
    ("TRKB G639R", {"solutinib": ["reduced"]}),
    ("TRKC G623R", {}),                # a reference mutation no fictional monograph names
]


@pytest.mark.parametrize("text, activities", LOOKUPS, ids=[s for s, _ in LOOKUPS])
def test_lookup(full, text, activities):
    row, _ = lookup(full, text)
    assert {drug: [f.finding.activity for f in found] for drug, found in row.cells.items()} == activities


def test_a_finding_for_a_region_stays_unnamed_and_holds_for_its_residues(full):
    assert [(f.monograph.id, f.region_wide) for f in full.unnamed] == [("solutinib", True)]
    row, regional = lookup(full, "TRKA G667C")
    assert row.region == "xDFG" and [f.monograph.id for f in regional] == ["solutinib"]


@pytest.mark.parametrize("text, error", [("Q1X", UsageError), ("TRKA A100V", TrkmonoError)])
def test_unreadable_or_unrecorded_mutation(full, text, error):
    """An unreadable spelling is a usage error (exit 2); a mutation with no row is not found (exit 1)."""
    with pytest.raises(TrkmonoError) as raised:
        lookup(full, text)
    assert type(raised.value) is error
