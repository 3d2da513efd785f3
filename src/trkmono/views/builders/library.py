"""The library list as a document: one row per monograph, its status under the chosen region's label."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from trkmono.model import phrases as describe
from trkmono.views.document import Cited, Document, Grid, Notice, Title, line

if TYPE_CHECKING:
    from trkmono.compiled.plain import Plain

COLUMNS = ("Name", "Brands", "Class", "Gen.", "Status", "Reviewed")
WRAPPING = (4, 2)
"""Status, then Class, may wrap (between words only) in a terminal; no other column wraps."""
OPTIONAL = (2, 3)
"""Class, then the generation, are left out of a terminal too narrow for the rest."""


def library(heads: Iterable[Plain]) -> Document:
    """The monographs' heads as one table (read one at a time: only the rows' text is kept), then the notice."""
    rows = tuple(_row(head) for head in heads)
    return Document().add(Title("", "TRK inhibitor monographs", page_only=True),
                          Grid(COLUMNS, rows, wrapping=WRAPPING, optional=OPTIONAL), Notice())


def _brief_class(drug_class: str) -> str:
    """A class as the list shows it: its words before any parenthesis ('kinase inhibitor')."""
    return drug_class.split(" (")[0]


def _row(m: Plain) -> tuple[tuple[Cited, ...], ...]:
    """Name, brands, class, generation, status (and a doubt about the drug's identity), review date."""
    ident = m.identity
    doubt = "; identity in doubt" if ident.identity_doubt else ""
    cells = (ident.generic_name, ", ".join(describe.brand_names(ident)) or "—",
             _brief_class(ident.classification.drug_class), ident.classification.generation,
             describe.region_status(m) + doubt, m.review.last_reviewed)
    return tuple((Cited(line(cell)),) for cell in cells)
