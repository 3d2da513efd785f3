"""TRK kinase-domain resistance mutations: spellings, and the drug × mutation table from the data.

Only generic biology lives here: which gene encodes which TRK protein, the amino-acid codes, and
a few well-known reference mutations with their kinase-domain region (so that a row exists for
them even when no monograph has data). Whether a drug is active against a mutation comes only
from the monographs' ``mechanism.resistance`` findings.

A finding is placed by how its ``mutation`` is written:
- one TRK residue, or one residue with alternatives ("TRKA G667C/A/S"): on that residue's row(s);
- a group of mutations, not a residue ("solvent-front substitutions (class)"): region-wide. It is
  kept as written and also shown, marked as region-wide, in the cells of every residue of its
  region (solvent front, gatekeeper, xDFG), so a residue is never "no data" where a finding for
  its region exists; it is never turned into a residue-level finding;
- a residue of another kinase ("ROS1 G2032R") or a residue without a protein: kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trkmono.compiled.plain import Plain
from trkmono.errors import TrkmonoError, UsageError
from trkmono.terms import RESISTANCE_REGIONS


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

REGION_WIDE = ("solvent-front", "gatekeeper", "xDFG")
"""Regions whose region-wide findings are shown at each of their residues ('other' is not a region)."""

REFERENCE_MUTATIONS = {
    "TRKA G595R": "solvent-front",
    "TRKC G623R": "solvent-front",
    "TRKA F589L": "gatekeeper",
    "TRKA G667C": "xDFG",
    "TRKC G696A": "xDFG",
}
"""Well-known kinase-domain resistance mutations and their region (generic biology, no drug data)."""

_AA = r"(?:[A-Za-z]{3}|[A-Za-z])"
_RESIDUE = rf"({_AA})(\d{{1,4}})({_AA})((?:\s*/\s*{_AA})*)"
_SPELLING = re.compile(
    r"^\s*(?:(TRK\s*[ABC]|NTRK\s*[123]|[A-Za-z][A-Za-z0-9]*)(?:\s*[-_:/]\s*|\s+))?(?:p\.\s*)?"
    + _RESIDUE + r"\s*$", re.I)

SPELLING_HELP = "write it like G595R, TRKA G595R, NTRK1 G595R or NTRK1 p.Gly595Arg"


@dataclass(frozen=True, order=True)
class Mutation:
    """A single amino-acid substitution in one protein (a TRK protein, unless kept as written)."""

    protein: str | None
    """TRKA, TRKB or TRKC (or another protein as written); None when the spelling named none."""
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
    """A TRK mutation from a common spelling, or None when the text is not one TRK substitution."""
    spelled = _spelled(text)
    if not spelled or len(spelled) != 1 or not _trk_or_unnamed(spelled[0]):
        return None
    return spelled[0]


def _spelled(text: str) -> list[Mutation] | None:
    """The substitutions a residue spelling names (several for 'G667C/A/S'); None for other text."""
    match = _SPELLING.match(text)
    if not match:
        return None
    name, ref, position = match.group(1), _aa(match.group(2)), int(match.group(3))
    spelled = [_aa(match.group(4)), *(_aa(a.strip()) for a in match.group(5).split("/")[1:])]
    alts = [alt for alt in spelled if alt is not None]
    if ref is None or len(alts) < len(spelled) or position == 0:
        return None
    protein = None
    if name:
        name = re.sub(r"\s+", "", name).upper()
        protein = PROTEIN_OF_GENE.get(name, name)
    return [Mutation(protein, position, ref, alt) for alt in dict.fromkeys(alts)]


def _trk_or_unnamed(mutation: Mutation) -> bool:
    return mutation.protein is None or mutation.protein in GENE_OF_PROTEIN


def _aa(code: str) -> str | None:
    code = code.upper()
    if len(code) == 3:
        return AMINO_ACIDS.get(code)
    return code if code in ONE_LETTER else None


@dataclass(frozen=True)
class Finding:
    """One monograph's finding, with the drug it belongs to."""

    monograph: Plain
    finding: Plain
    region_wide: bool = False
    """True for a finding about a group of mutations in a region, shown at each of its residues."""


@dataclass
class MutationRow:
    """One mutation across the drugs."""

    mutation: Mutation
    region: str
    """From the reference list when known, else from the findings ('mixed' when they disagree)."""
    cells: dict[str, list[Finding]] = field(default_factory=dict)
    """Drug id to its findings for this residue; a drug missing here has no residue-level data."""


@dataclass
class Table:
    """Rows of named mutations, plus findings that name no single TRK residue."""

    monographs: list[Plain]
    rows: list[MutationRow]
    unnamed: list[Finding]
    """Findings for a region or class of mutations as a whole, or for another kinase, kept as written."""

    def regional(self, row: MutationRow) -> list[Finding]:
        """The region-wide findings that hold for the row's residue (none for 'other' or 'mixed')."""
        return [f for f in self.unnamed if f.region_wide and f.finding.region == row.region]


def table(monographs: list[Plain]) -> Table:
    """The drug × mutation table: reference mutations and every TRK mutation a monograph names."""
    rows: dict[Mutation, MutationRow] = {}
    for name, region in REFERENCE_MUTATIONS.items():
        mutation = read(name)
        rows[mutation] = MutationRow(mutation, region)
    unnamed: list[Finding] = []
    for m in monographs:
        for f in m.mechanism.resistance:
            spelled = _spelled(f.mutation)
            if spelled and all(x.protein in GENE_OF_PROTEIN for x in spelled):
                for mutation in spelled:
                    row = rows.setdefault(mutation, MutationRow(mutation, ""))
                    row.cells.setdefault(m.id, []).append(Finding(m, f))
            else:
                unnamed.append(Finding(m, f, region_wide=spelled is None and f.region in REGION_WIDE))
    for row in rows.values():
        if not row.region:
            regions = {f.finding.region for found in row.cells.values() for f in found}
            row.region = regions.pop() if len(regions) == 1 else "mixed"
    order: dict[str, int] = {region: i for i, region in enumerate(RESISTANCE_REGIONS)}
    ordered = sorted(rows.values(), key=lambda r: (order.get(r.region, len(order)), r.mutation))
    return Table(monographs, ordered, unnamed)


def read(text: str) -> Mutation:
    """The mutation a user typed; an unreadable spelling is a usage error (exit 2)."""
    wanted = parse(text)
    if wanted is None:
        raise UsageError(f"'{text}' is not a mutation trkmono can read; {SPELLING_HELP}")
    return wanted


def lookup(full: Table, text: str) -> tuple[MutationRow, list[Finding]]:
    """The row a spelling names, with the region-wide findings that hold for it.

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
    return row, full.regional(row)
