"""TRK kinase-domain resistance mutations: spellings, and the drug × mutation table from the data.

Only generic biology lives here: which gene encodes which TRK protein, the amino-acid codes, and
a few well-known reference mutations with their kinase-domain region (so that a row exists for
them even when no monograph has data). Whether a drug is active against a mutation comes only
from the monographs' ``mechanism.resistance`` findings. A finding that names no single residue
(e.g. "solvent-front substitutions") is kept as written and never spread over residues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trkmono.errors import TrkmonoError, UsageError
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Monograph, ResistanceFinding


PROTEIN_OF_GENE = {"NTRK1": "TRKA", "NTRK2": "TRKB", "NTRK3": "TRKC"}
"""TRKA, TRKB and TRKC are encoded by NTRK1, NTRK2 and NTRK3."""
GENE_OF_PROTEIN = {protein: gene for gene, protein in PROTEIN_OF_GENE.items()}

AMINO_ACIDS = {
    "ALA": "A", "ARG": "R", "ASN": "N", "ASP": "D", "CYS": "C", "GLN": "Q", "GLU": "E", "GLY": "G",
    "HIS": "H", "ILE": "I", "LEU": "L", "LYS": "K", "MET": "M", "PHE": "F", "PRO": "P", "SER": "S",
    "THR": "T", "TRP": "W", "TYR": "Y", "VAL": "V",
}
"""Three-letter to one-letter amino-acid codes."""
ONE_LETTER = frozenset(AMINO_ACIDS.values())

REGIONS = ("solvent-front", "gatekeeper", "xDFG", "other")

REFERENCE_MUTATIONS = {
    "TRKA G595R": "solvent-front",
    "TRKC G623R": "solvent-front",
    "TRKA F589L": "gatekeeper",
    "TRKA G667C": "xDFG",
}
"""Well-known kinase-domain resistance mutations and their region (generic biology, no drug data)."""

_RESIDUE = r"([A-Za-z]{3}|[A-Za-z])(\d{1,4})([A-Za-z]{3}|[A-Za-z])"
_SPELLING = re.compile(
    r"^\s*(?:(TRK\s*[ABC]|NTRK\s*[123])(?:\s*[-_:/]\s*|\s+))?(?:p\.\s*)?" + _RESIDUE + r"\s*$", re.I)

SPELLING_HELP = "write it like G595R, TRKA G595R, NTRK1 G595R or NTRK1 p.Gly595Arg"


@dataclass(frozen=True, order=True)
class Mutation:
    """A single amino-acid substitution in one TRK protein."""

    protein: str | None
    """TRKA, TRKB or TRKC; None when the spelling named no protein."""
    position: int
    ref: str
    alt: str

    @property
    def change(self) -> str:
        """'G595R'."""
        return f"{self.ref}{self.position}{self.alt}"

    def __str__(self) -> str:
        return f"{self.protein} {self.change}" if self.protein else self.change

    @property
    def gene(self) -> str | None:
        """'NTRK1' for TRKA."""
        return GENE_OF_PROTEIN.get(self.protein or "")


def parse(text: str) -> Mutation | None:
    """A mutation from a common spelling, or None when the text is not one substitution."""
    match = _SPELLING.match(text)
    if not match:
        return None
    name, position, ref, alt = match.group(1), int(match.group(3)), _aa(match.group(2)), _aa(match.group(4))
    if ref is None or alt is None or position == 0:
        return None
    protein = None
    if name:
        name = re.sub(r"\s+", "", name).upper()
        protein = PROTEIN_OF_GENE.get(name, name)
    return Mutation(protein, position, ref, alt)


def _aa(code: str) -> str | None:
    code = code.upper()
    if len(code) == 3:
        return AMINO_ACIDS.get(code)
    return code if code in ONE_LETTER else None


@dataclass(frozen=True)
class Finding:
    """One monograph's finding, with the drug it belongs to."""

    monograph: Monograph
    finding: ResistanceFinding


@dataclass
class MutationRow:
    """One mutation across the drugs."""

    mutation: Mutation
    region: str
    """From the reference list when known, else from the findings ('mixed' when they disagree)."""
    cells: dict[str, list[Finding]] = field(default_factory=dict)
    """Drug id to its findings; a drug missing here has no data."""


@dataclass
class Table:
    """Rows of named mutations, plus findings that name no single residue."""

    monographs: list[Monograph]
    rows: list[MutationRow]
    unnamed: list[Finding]
    """Findings for a region or class of mutations as a whole, kept as written."""


def table(monographs: list[Monograph]) -> Table:
    """The drug × mutation table: reference mutations and every mutation a monograph names."""
    rows: dict[Mutation, MutationRow] = {}
    for name, region in REFERENCE_MUTATIONS.items():
        mutation = parse(name)
        rows[mutation] = MutationRow(mutation, region)
    unnamed: list[Finding] = []
    for m in monographs:
        for f in m.mechanism.resistance:
            mutation = parse(f.mutation)
            if mutation is None or mutation.protein is None:
                unnamed.append(Finding(m, f))
                continue
            row = rows.setdefault(mutation, MutationRow(mutation, ""))
            row.cells.setdefault(m.id, []).append(Finding(m, f))
    for row in rows.values():
        if not row.region:
            regions = {f.finding.region for found in row.cells.values() for f in found}
            row.region = regions.pop() if len(regions) == 1 else "mixed"
    order = {region: i for i, region in enumerate(REGIONS)}
    ordered = sorted(rows.values(), key=lambda r: (order.get(r.region, len(order)), r.mutation))
    return Table(monographs, ordered, unnamed)


def read(text: str) -> Mutation:
    """The mutation a user typed; an unreadable spelling is a usage error (exit 2)."""
    wanted = parse(text)
    if wanted is None:
        raise UsageError(f"'{text}' is not a mutation trkmono can read; {SPELLING_HELP}")
    return wanted


def lookup(full: Table, text: str) -> tuple[MutationRow, list[Finding]]:
    """The row a spelling names, with the region-wide findings of its region.

    An unreadable spelling is a usage error (exit 2); a mutation no monograph records and that
    is not a reference mutation is not found (exit 1).
    """
    wanted = read(text)
    same = [r for r in full.rows if r.mutation.change == wanted.change
            and (wanted.protein is None or r.mutation.protein == wanted.protein)]
    if len(same) > 1:
        raise UsageError(f"'{text}' matches {', '.join(str(r.mutation) for r in same)}; name the protein "
                         "(e.g. TRKA or NTRK1)")
    if not same:
        known = ", ".join(str(r.mutation) for r in full.rows)
        raise TrkmonoError(f"no monograph records data for {wanted}, and it is not one of the reference "
                           f"mutations; mutations with a row: {known}")
    row = same[0]
    regional = [f for f in full.unnamed if f.finding.region == row.region]
    return row, regional
