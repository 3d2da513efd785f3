"""A document as Markdown for tumour-board notes and wikis: headings, lists, pipe tables and a
linked reference list (rich is not imported).

Every string from the data is escaped (``escape``), so it can never become Markdown structure or
HTML; a span's words are escaped inside their emphasis (a code span holds only an identifier's
characters, which need no escape). Citations follow the one style of every view (views.citations).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS
from trkmono.views.citations import LEGEND, Numbering, evidence_tag
from trkmono.views.document import (Cited, Document, Grid, Heading, Labelled, Line, List, Note, Notice, References,
                                    Rows, Span, Title)

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


MARKS = {"strong": "**", "alert": "**", "flag": "**", "badge": "**", "good": "**", "caution": "", "faint": "", "em": "*",
         "match": "**", "code": "`"}
IDENTIFIER = re.compile(r"[\w.\[\]-]+")
"""What a code span may hold as it is (a field's path, a set id): nothing Markdown or a table reads."""


def render(doc: Document) -> str:
    """The document's blocks, a blank line between them, ending with a line break."""
    mark = Markers(doc.monograph) if doc.follow else Markers()
    parts = [_BLOCKS[type(block)](block, mark) for block in doc.blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


def words(text: str) -> str:
    """Text escaped as ``escape`` does, keeping one space where it began or ended with one (it joins other parts)."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + escape(text) + (" " if text[-1].isspace() else "")


def inline(parts: Line) -> str:
    """A line with its spans in their emphasis."""
    out = ""
    for part in parts:
        if isinstance(part, Span):
            out += _emphasis(part)
        else:
            out += words(part)
    return out


def _emphasis(span: Span) -> str:
    """'**words**' (flagged: '**words** ⚠'; an identifier: '`words`'); spaces at its edges stay outside the marks."""
    core = escape(span.text)
    if not core:
        return words(span.text)
    marks = MARKS[span.emphasis]
    if marks == "`":  # an identifier stands as it is in a code span; anything else reads as escaped words
        core, marks = (span.text.strip(), marks) if IDENTIFIER.fullmatch(span.text.strip()) else (core, "")
    lead = " " if span.text[0].isspace() else ""
    trail = " " if span.text[-1].isspace() else ""
    return f"{lead}{marks}{core}{marks}{' ⚠' if span.emphasis == 'flag' else ''}{trail}"


def _title(block: Title, mark: Markers) -> str:
    """'# name', then each fact on a line of its own ('Also known as: LOXO-101')."""
    facts = [f"{escape(fact.label)}: {inline(fact.text)}" for fact in block.facts]
    return "\n\n".join([f"# {escape(block.subject + block.rest)}", *facts])


def _heading(block: Heading, mark: Markers) -> str:
    return f"{'#' * block.level} {escape(block.text)}"


def _statement(item: Cited, mark: Markers) -> str:
    label = f"{escape(item.label)}: " if item.label else ""
    detail = f": {inline(item.detail)}" if item.detail else ""
    return label + inline(item.text) + mark(item.claim, item.owner) + inline(item.after) + detail


def _item(item: Cited, mark: Markers) -> list[str]:
    """'- text [n]' or '1. text [n]', its children as a nested list under it."""
    prefix = f"{item.number}. " if item.number is not None else "- "
    return [prefix + _statement(item, mark)] + [" " * len(prefix) + "- " + _statement(child, mark)
                                                for child in item.children]


def _cited(block: Cited, mark: Markers) -> str:
    return "\n".join([_statement(block, mark)] + ["- " + _statement(child, mark) for child in block.children])


def _list(block: List, mark: Markers) -> str:
    return "\n".join(part for item in block.items for part in _item(item, mark))


def _labelled(block: Labelled, mark: Markers) -> str:
    """'**Label: first span**rest' when the text leads with a span, else '**Label:** text'."""
    first = block.text[0] if block.text else ""
    if isinstance(first, Span):
        return f"**{escape(block.label)}: {escape(first.text)}**" + inline(block.text[1:]) + mark(block.claim)
    return f"**{escape(block.label)}:** " + inline(block.text) + mark(block.claim)


def _rows(block: Rows, mark: Markers) -> str:
    """'- **Label:** item; item', every item (one-a-line items joined by '; ' too)."""
    return "\n".join(f"- **{escape(row.label)}:** " + ("; " if row.joint == "\n" else row.joint).join(
        _statement(item, mark) for item in row.items) for row in block.rows)


def _grid(block: Grid, mark: Markers) -> str:
    """A pipe table; a cell's statements are joined by line breaks (<br>)."""
    rows = [["<br>".join(inline(item.text) + mark(item.claim, item.owner) + inline(item.after) for item in cell)
             for cell in row]
            for row in block.rows]
    header = [escape(block.stub)] + [escape(title) for title in block.header[1:]] if block.stub else [
        escape(title) for title in block.header]
    return "\n".join(_table(header, rows)).rstrip("\n")


def _note(block: Note, mark: Markers) -> str:
    return f"*{escape(block.text)}*" if block.kind == "key" else escape(block.text)


def _references(block: References, mark: Markers) -> str:
    mark.numbering.resolve(block.groups)
    return "\n".join([f"{'#' * block.level} {escape(block.title)}", ""]
                     + _linked(mark, block.cited_only, block.notes, block.curator_notes))


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


def _notes(r: Plain, notes: bool, curator_notes: bool) -> str | None:
    """A reference's note and curator note as one remark, each when asked for."""
    said = [r.note if notes else None, f"Curator note: {r.curator_note}" if curator_notes and r.curator_note else None]
    return " ".join(note for note in said if note) or None


def _closing(block: Notice, mark: Markers) -> str:
    return _notice()


_BLOCKS: dict[type, Callable[[Any, Markers], str]] = {
    Title: _title, Heading: _heading, Cited: _cited, List: _list, Labelled: _labelled, Rows: _rows, Grid: _grid,
    Note: _note, References: _references, Notice: _closing}
