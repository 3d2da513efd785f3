"""Markdown for tumour-board notes and wikis: headings, lists, tables and a linked reference list.

Text from the data is escaped so it can never turn into Markdown structure or HTML. Citations
follow the one style of every view (views.citations): ``[n]`` or ``[n §x]`` after each claim, its
evidence tag when not confirmed, the legend once, and the references it points at at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS
from trkmono.views.citations import LEGEND, Numbering, evidence_tag
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph, Reference


_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
"""Characters that make Markdown structure, HTML or an entity (&amp;) anywhere on a line."""
_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)])(?= |$))")
"""What makes a list item, a heading underline or a numbered item at the start of a line."""
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"
"""Characters an address keeps in a link; any other (space, <, >, quotes, \\) is percent-encoded."""
NBSP = "\u00a0"
"""Joins a marker's parts, so a renderer never breaks a marker across lines."""


def escape(text: str) -> str:
    """Text with Markdown's special characters escaped (at a line start too: list and numbered
    items, heading underlines), and line breaks folded."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped)


def link_target(url: str) -> str:
    """An address as a Markdown link target: percent-encoded so it cannot end the link or the line."""
    return quote(url, safe=_URL_SAFE)


class Markers:
    """``[1]``, ``[2 §4.2]`` ... after each claim, and its evidence tag, in one output's numbering.

    Given a monograph, the numbers follow its reference list (as ``show`` does); otherwise they
    follow the order in which claims are first cited, each drug's references apart.
    """

    def __init__(self, monograph: Monograph | None = None) -> None:
        self.monograph = monograph
        self.numbering = Numbering()
        if monograph is not None:
            self.numbering.follow(monograph)

    def __call__(self, claim: Cited | None, m: Monograph | None = None) -> str:
        brackets = self.numbering.brackets(claim, m or self.monograph, NBSP)
        if not brackets:
            return ""
        tag = evidence_tag(claim.evidence)
        return " " + _SPECIAL.sub(r"\\\1", brackets) + (f"{NBSP}*{tag}*" if tag else "")


def _reference(r: Reference, note: str | None = None) -> str:
    linked = r.url and re.match(r"https?://", r.url, re.IGNORECASE)
    title = f"[{escape(r.title)}](<{link_target(r.url)}>)" if linked else escape(r.title)
    when = f", {r.date}" if r.date else ""
    return f"{title}. {escape(r.publisher)}{when}. *{TIER_LABELS[r.tier]}*" + (
        f" — {escape(note)}" if note else "")


def _notice() -> str:
    return f"*{escape(describe.NOTICE)}*"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
        "| " + " | ".join(row) + " |" for row in rows
    ] + [""]



# ---------------------------------------------------------------------------------------------
# list


def library(monographs: Iterable[Monograph]) -> str:
    """The library as one table."""
    rows = [[escape(m.identity.generic_name),
             escape(", ".join(describe.brand_names(m.identity)) or "—"),
             escape(m.identity.classification.drug_class), m.identity.classification.generation,
             escape(describe.region_status(m) + ("; identity in doubt" if m.identity.identity_doubt else "")),
             m.review.last_reviewed] for m in monographs]
    return "\n".join(["# TRK inhibitor monographs", ""]
                     + _table(["Name", "Brands", "Class", "Generation", "Status", "Reviewed"], rows)
                     + [_notice()]) + "\n"


def _linked(mark: Markers, cited_only: bool = False, notes: bool = False, curator_notes: bool = False) -> list[str]:
    """The legend and the numbered references (or only those cited), each linked, named by drug when
    the output covers several, with its note and curator note when asked for."""
    listed = mark.numbering.listed(cited_only)
    several = mark.numbering.drugs() > 1
    lines = [f"*{escape(LEGEND)}*", ""]
    for item in listed:
        drug = f"{escape(item.monograph.identity.generic_name)}: " if several and item.monograph else ""
        r = item.reference
        body = _reference(r, _notes(r, notes, curator_notes)) if r is not None else escape(item.ref_id)
        lines.append(f"- \\[{item.number}\\] {drug}{body}")
    return lines


def _notes(r: Reference, notes: bool, curator_notes: bool) -> str | None:
    """A reference's note and curator note as one remark, each when asked for."""
    said = [r.note if notes else None, f"Curator note: {r.curator_note}" if curator_notes and r.curator_note else None]
    return " ".join(note for note in said if note) or None


def labels(report) -> str:
    """The US labels checked against DailyMed, one row each, then the counts and the notice."""
    rows = [[escape(", ".join(label.drugs)), f"`{label.set_id}`", escape(label.status),
             escape(", ".join("none" if v is None else str(v) for v in label.recorded_versions)),
             str(label.history.newest.number), escape(label.history.newest.published)] for label in report.labels]
    table = _table(["Drugs", "SPL set id", "Status", "Recorded", "DailyMed's newest", "Published"], rows) if rows \
        else ["No regulatory-label reference records an SPL set id; nothing to check.", ""]
    return "\n".join([f"# US labels compared with DailyMed ({escape(report.service)})", ""] + table
                     + ["", f"{escape(report.summary())}.", "", _notice()]) + "\n"
