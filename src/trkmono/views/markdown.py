"""Markdown for tumour-board notes and wikis: headings, lists, tables and a linked reference list.

Text from the data is escaped so it can never turn into Markdown structure or HTML. Citations
follow the one style of every view (views.citations): ``[n]`` or ``[n §x]`` after each claim, its
evidence tag when not confirmed, the legend once, and the references it points at at the end.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS
from trkmono.views.citations import Numbering, evidence_tag
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trkmono.compiled.plain import Plain


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

    def __init__(self, monograph: Plain | None = None) -> None:
        self.monograph = monograph
        self.numbering = Numbering()
        if monograph is not None:
            self.numbering.follow(monograph)

    def __call__(self, claim: Plain | None, m: Plain | None = None) -> str:
        brackets = self.numbering.brackets(claim, m or self.monograph, NBSP)
        if claim is None or not brackets:
            return ""
        tag = evidence_tag(claim.evidence)
        return " " + _SPECIAL.sub(r"\\\1", brackets) + (f"{NBSP}*{tag}*" if tag else "")


def _reference(r: Plain, note: str | None = None) -> str:
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


