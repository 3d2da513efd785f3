"""The search answer as a document: each hit's drug, section and snippet with the words found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.views.document import Cited, Document, Inline, Line, List, Note, Notice, References, Span, Title, line

if TYPE_CHECKING:
    from trkmono.clinical.search import Hit


def search(query: str, hits: list[Hit]) -> Document:
    """Every hit with its marker, how many were found, then the references the hits cite."""
    drugs = len({h.monograph.id for h in hits})
    return Document().add(
        Title("", f"Search: {query}", page_only=True),
        List(tuple(Cited(line(Span(h.monograph.identity.generic_name), f" · {h.record.section}"), h.record.source,
                         h.monograph, detail=snippet(h)) for h in hits), bullets=False) if hits else None,
        Note(f"{len(hits)} hit(s) in {drugs} monograph(s) for: {query}", "key"), References(), Notice())


def snippet(hit: Hit) -> Line:
    """The snippet, the words found standing out."""
    parts: list[Inline] = []
    last = 0
    for start, end in hit.spans:
        parts += [hit.snippet[last:start], Span(hit.snippet[start:end], "match")]
        last = end
    return line(*parts, hit.snippet[last:])
