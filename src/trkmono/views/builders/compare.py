"""The comparison as a document: aspects as rows, drugs as columns, each cell cited with its weakest tier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.terms import TIER_SHORT
from trkmono.views.document import Cited, Document, Grid, Note, Notice, References, Span, Title, line

if TYPE_CHECKING:
    from trkmono.clinical.compare import Cell, Row
    from trkmono.compiled.plain import Plain

TIERS = "Tier: the weakest source behind the cell (label > decision > peer-rev > abstract > mfr > web!)."
MIN_COLUMN_WIDTH = 28
"""Narrower than this per drug, compare goes aspect by aspect instead of one column per drug."""


def comparison(monographs: list[Plain], rows: list[Row]) -> Document:
    """The table (aspect by aspect on a narrow terminal), the key to the tiers, the references of every drug."""
    grid = Grid(("", *(m.identity.generic_name for m in monographs)),
                tuple(((Cited(line(Span(row.aspect))),), *(_cell(cell, m) for m, cell in
                                                           zip(monographs, row.cells, strict=True)))
                      for row in rows), min_width=MIN_COLUMN_WIDTH, whole_markers=True, expand=True,
                stub="Aspect")
    return Document().add(Title("", "TRK inhibitors compared", page_only=True), grid, Note(TIERS, "key"),
                          References(), Notice())


def _cell(cell: Cell, m: Plain) -> tuple[Cited, ...]:
    """The cell's lines, the last with the cell's marker and its tier."""
    *first, last = cell.lines or [""]
    tier = Span(f" · tier: {TIER_SHORT.get(cell.tier, '?') if cell.tier else '?'}", "faint") if cell.cite else ""
    return (*(Cited(line(text)) for text in first), Cited(line(last), cell, m, after=line(tier)))
