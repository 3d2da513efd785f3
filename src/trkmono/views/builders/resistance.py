"""The resistance answers as documents: the drug × mutation table, or one mutation in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.views.citations import resistance_references
from trkmono.views.document import Cited, Document, Grid, Heading, List, Note, Notice, References, Span, Title, line

if TYPE_CHECKING:
    from trkmono.clinical.resistance import Finding, MutationRow, Table
    from trkmono.compiled.plain import Plain
    from trkmono.views.document import Emphasis

TITLE = "TRK kinase-domain resistance mutations"
UNNAMED = "Findings that name no single TRK residue (kept as written)"
KEY = ("Cells: activity · basis: clinical (seen in patients) or PRECLINICAL (laboratory data only). 'region-wide': "
       "a finding for the region's mutations as a group (listed above), not for that residue. 'no data': no "
       "monograph statement about that residue or its region.")
ACTIVITY: dict[str, Emphasis] = {"active": "good", "resistant": "alert"}
BASIS_WORDS = {"clinical": "clinical", "preclinical": "PRECLINICAL"}
"""How the basis of a finding reads: laboratory-only data stand out, without colour too."""
NO_DATA = Cited(line(Span("no data", "faint")))


def table(found: Table) -> Document:
    """Mutations as rows, drugs as columns (row by row when narrow), the findings that name no single
    residue, the key to the cells, then the references."""
    grid = Grid(("Mutation", "Region", *(m.identity.generic_name for m in found.monographs)),
                tuple(_row(found, row) for row in found.rows), labels=2, min_width=MIN_CELL_WIDTH)
    doc = Document().add(Title("", TITLE), grid)
    if found.unnamed:
        doc.add(Heading(UNNAMED), List(tuple(
            Cited(line(Span(f.monograph.identity.generic_name), ": ", f"{f.finding.mutation} ({f.finding.region}) — ",
                       *verdict(f.finding)), f.finding, f.monograph) for f in found.unnamed)))
    cited = [f for row in found.rows for cell in row.cells.values() for f in cell] + found.unnamed
    return doc.add(Note(KEY, "key"), References(_groups(cited)), Notice())


MIN_CELL_WIDTH = 18
"""Narrower than this per drug, the table goes mutation by mutation instead of folding words."""


def mutation(found: Table, row: MutationRow, regional: list[Finding]) -> Document:
    """One mutation: every drug's findings in full, its own and those for its region as a whole."""
    items = []
    for m in found.monographs:
        name = Span(m.identity.generic_name)
        own = row.cells.get(m.id, [])
        wide = [f for f in regional if f.monograph.id == m.id]
        if not own and not wide:
            items.append(Cited(line(name, ": ", Span("no data", "faint"))))
        items += [Cited(line(name, ": ", *_finding(f, row.region)), f.finding, m, compact=True,
                        children=(Cited(line(f.finding.text)),)) for f in own]
        items += [Cited(line(name, ": ", Span("region-wide", "strong"), ": ", *verdict(f.finding)), f.finding, m,
                        compact=True, children=(Cited(line(f"For {f.finding.mutation}, not for this residue: ",
                                                           f.finding.text)),)) for f in wide]
    cited = [f for cell in row.cells.values() for f in cell] + regional
    gene = f"{row.mutation.gene} p.{row.mutation.change}" if row.mutation.gene else ""
    return Document().add(Title(str(row.mutation), f" — region: {row.region}", gloss=gene), List(tuple(items)),
                          References(_groups(cited)), Notice())


def title(row: MutationRow) -> str:
    """'TRKA G595R (NTRK1 p.G595R)'."""
    gene = f" ({row.mutation.gene} p.{row.mutation.change})" if row.mutation.gene else ""
    return f"{row.mutation}{gene}"


def verdict(f: Plain) -> tuple:
    """'resistant · clinical' or 'active · PRECLINICAL', the activity and a laboratory basis standing out."""
    return line(Span(f.activity, ACTIVITY.get(f.activity, "caution")), " · ",
                Span(BASIS_WORDS.get(f.basis, f.basis), "strong" if f.basis == "clinical" else "badge"))


def _finding(f: Finding, region: str) -> tuple:
    x = f.finding
    return line(*verdict(x), Span(f" (recorded region: {x.region})", "faint") if x.region != region else "")


def _row(found: Table, row: MutationRow) -> tuple:
    regional = found.regional(row)
    cells = []
    for m in found.monographs:
        cell = ([Cited(_finding(f, row.region), f.finding, m, compact=True) for f in row.cells.get(m.id, [])]
                + [Cited(line(Span("region-wide: ", "strong"), *verdict(f.finding)), f.finding, m, compact=True)
                   for f in regional if f.monograph.id == m.id])
        cells.append(tuple(cell) or (NO_DATA,))
    return ((Cited(line(title(row))),), (Cited(line(row.region)),), *cells)


def _groups(findings: list[Finding]) -> tuple:
    return tuple((m, tuple(ids)) for m, ids in resistance_references(findings))
