"""The provenance report for curators as a document (its JSON is in views/json.py).

Counts use the data's own words (evidence statuses and tiers as written in the YAML), so a curator
can go from the report to the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.clinical.provenance import UNCONFIRMED_LIMIT
from trkmono.views.document import Block, Cited, Document, Heading, List, Note, Row, Rows, Span, Title, line

if TYPE_CHECKING:
    from trkmono.clinical.provenance import Claim, Report

SECONDARY_TITLE = "Claims citing only secondary web pages"
UNCITED_TITLE = "References cited by nothing"
LABEL_WIDTH = len("Strongest cited tier")
"""The counts' labels are this wide in a terminal, so the counts line up."""


def provenance(reports: list[Report]) -> Document:
    """Each monograph's counts, then its secondary-only claims and its uncited references."""
    doc = Document().add(Title("", "Provenance of the monographs", page_only=True))
    for r in reports:
        doc.add(*_report(r))
    return doc


def _report(r: Report) -> list[Block]:
    """The monograph's heading, review date and counts, then the claims and references to look at."""
    blocks: list[Block] = [
        Heading(f"{r.generic_name} — provenance"),
        Note(f"Last reviewed: {r.last_reviewed} · {r.claims} claims · curator notes: {_notes(r)}"),
        _counts_block(r),
        Heading(f"{SECONDARY_TITLE} ({len(r.secondary_only)})", level=3)]
    if r.secondary_only:
        blocks.append(List(tuple(_claim(c) for c in r.secondary_only), indent=2, bullets=False))
    blocks.append(Heading(f"{UNCITED_TITLE} ({len(r.uncited_references)})", level=3))
    if r.uncited_references:
        blocks.append(List(tuple(Cited(line(f"{ref.id} — {ref.title} ({ref.tier})")) for ref in r.uncited_references),
                           indent=2, bullets=False))
    return blocks


def _counts_block(r: Report) -> Rows:
    """The claims by evidence status, their shares and their strongest cited tiers, as labelled
    rows (the labels in one column, each row's words wrapping under its own start)."""
    return Rows(tuple(Row(label, (Cited(line(text)),), every=True) for label, text in (
        ("Evidence status", _counts(r.by_evidence)), ("Share of claims", _shares(r)),
        ("Strongest cited tier", _counts(r.by_strongest_tier)))), LABEL_WIDTH)


def _claim(c: Claim) -> Cited:
    """'dosing.renal[0] [medscape] unconfirmed', its text under it."""
    return Cited(line(Span(c.location, "code"), f" [{', '.join(c.cite)}] {c.evidence}"),
                 detail=line(Span(c.snippet, "faint")) if c.snippet else ())


def _counts(counts: dict[str, int]) -> str:
    """'confirmed 57 · corroborated 36 · unconfirmed 23'."""
    return " · ".join(f"{key} {n}" for key, n in counts.items())


def _shares(r: Report) -> str:
    """'confirmed 49% · corroborated 31% · unconfirmed 20%', flagged when an approved drug exceeds the limit."""
    text = " · ".join(f"{status} {share:.0%}" for status, share in r.shares.items())
    return text + (f" (over the {UNCONFIRMED_LIMIT:.0%} limit for an approved drug)" if r.over_unconfirmed_limit
                   else "")


def _notes(r: Report) -> str:
    """'35 (monograph 6 · claims 9 · references 20)'."""
    return f"{r.curator_note_count} ({_counts(r.curator_notes)})"
