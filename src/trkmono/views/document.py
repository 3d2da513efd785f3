"""A small format-neutral document: what an answer says, in which order, cited how (no rich, no Markdown).

A builder (views.builders) turns an answer into a ``Document`` once; a renderer lays it out: the terminal
one (views.render.terminal) with rich, the Markdown one (views.render.markdown) as text. Text is
plain strings; a ``Span`` marks the few words a renderer emphasises. A claim (anything with ``cite``)
becomes its citation marker in the output's one numbering, after the text it backs.

The blocks are dataclasses without generated ``__repr__`` and ``__eq__``: every read command that
builds a document imports this module, and each generated method costs start-up time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Union

Emphasis = Literal["strong", "alert", "flag", "badge", "good", "caution", "faint", "em", "match", "code"]
"""How a span stands out: strong (bold), alert (a warning: bold red in a terminal), flag (what a
prescriber must act on: as alert, and marked ⚠ in Markdown, which has no colour), badge (a word that
must not be missed, black on yellow in a terminal), good (a result),
caution (something missing: yellow in a terminal, plain in Markdown), faint (secondary words), em (italic),
match (the words a search found), code (an identifier: a field's path, a set id)."""


@dataclass(repr=False, eq=False)
class Span:
    """Words that stand out."""

    text: str
    emphasis: Emphasis = "strong"


Inline = Union[str, Span]
Line = tuple[Inline, ...]


def line(*parts: Inline) -> Line:
    """A line from its parts, empty strings dropped."""
    return tuple(part for part in parts if part)


@dataclass(repr=False, eq=False)
class Fact:
    """A fact about a title's subject. On a page it stands on a line of its own after its ``label``
    ('Also known as: LOXO-101'); a terminal runs the facts on after the title, each after ``lead``
    ('· also LOXO-101'), leaving out a fact whose lead is None (the title's gloss says it there)."""

    label: str
    text: Line
    lead: str | None = ""


@dataclass(repr=False, eq=False)
class Title:
    """What the answer is about: ``subject`` (a drug's name: capitals in a terminal) then ``rest``."""

    subject: str
    rest: str = ""
    gloss: str = ""
    """Another name for the subject, in parentheses after it in a terminal; a Markdown heading keeps
    the short name, which is also its anchor for links."""
    page_only: bool = False
    """Only where the answer stands as a page (Markdown); a terminal answer starts with its content."""
    facts: tuple[Fact, ...] = ()


@dataclass(repr=False, eq=False)
class Heading:
    """A section (level 2) or a part of one (level 3)."""

    text: str
    level: int = 2


@dataclass(repr=False, eq=False)
class Cited:
    """A statement and the claim that backs it. ``label`` leads it ('Rule', 'For'); ``children``
    stand under it; ``number`` makes it a numbered step. In a ``List`` it is an item, alone a paragraph."""

    text: Line
    claim: Any = None
    owner: Any = None
    """The monograph whose references the claim cites (None: the document's one monograph)."""
    label: str = ""
    children: tuple[Cited, ...] = ()
    number: int | None = None
    detail: Line = ()
    """What the statement leads to (a search hit's snippet): on its own line under it in a
    terminal, after a colon in Markdown."""
    compact: bool = False
    """In a narrow place (a table cell): a terminal leaves the locators out of its marker."""
    after: Line = ()
    """What follows the marker (a comparison cell's tier)."""


@dataclass(repr=False, eq=False)
class List:
    """Items one after another: bulleted, or numbered when they carry numbers. ``indent`` sets
    them in from the margin in a terminal."""

    items: tuple[Cited, ...]
    indent: int = 0
    bullets: bool = True
    """False: the items stand without a bullet in a terminal (Markdown lists them all the same)."""


@dataclass(repr=False, eq=False)
class Labelled:
    """A label and what follows it, the text hanging under its first word ('Resulting dose: ...')."""

    label: str
    text: Line
    claim: Any = None
    emphasis: Emphasis = "strong"


@dataclass(repr=False, eq=False)
class Row:
    """A labelled row of ``Rows``: its items one after another, ``joint`` between them ('\\n': one a
    line), each whole or not at all."""

    label: str
    items: tuple[Cited, ...]
    joint: str = "; "
    lines: int = 1
    """The lines the row may take where the block must fit a screen: the items that do not fit are
    counted in ``more`` ('+{} more in Dosing'); the first item is shown whole even when it needs more."""
    every: bool = False
    """Every item is shown, whatever the lines."""
    more: str = "+{} more"


@dataclass(repr=False, eq=False)
class Rows:
    """Labelled rows meant to be taken in at a glance: in a terminal the labels stand in a column
    ``width`` wide and each row keeps to its lines; a page (Markdown) has room for every item."""

    rows: tuple[Row, ...]
    width: int = 10


@dataclass(repr=False, eq=False)
class Grid:
    """A table: ``header``, then rows whose first ``labels`` cells name the row and whose other
    cells (each a few statements, one a line) belong to the header's columns. Narrower than
    ``min_width`` per column, a terminal stacks it: a heading per row, then 'column: cell'."""

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Cited, ...], ...], ...]
    labels: int = 1
    min_width: int = 0
    whole_markers: bool = False
    """A column must also hold each cell's widest marker whole, or the grid is stacked."""
    expand: bool = False
    """As a table, the grid takes the terminal's whole width."""
    stub: str = ""
    """What the row labels are, heading their column in Markdown; a terminal leaves that corner
    empty (its labels stand in bold, and a stacked grid has no header to repeat it)."""
    wrapping: tuple[int, ...] = ()
    """The columns (by index) that wrap, between words only, sharing the width the others leave,
    the first served first. Given, a terminal draws the grid as a list: never stacked, no rules
    between rows, every other column whole on one line, a long list a block of rows at a time with
    the same widths."""
    optional: tuple[int, ...] = ()
    """Columns a terminal too narrow for the whole list leaves out, in this order."""


@dataclass(repr=False, eq=False)
class Note:
    """Words about the answer rather than from the monograph: ``aside`` (a remark), ``key`` (how to
    read it: faint in a terminal, italic in Markdown)."""

    text: str
    kind: Literal["plain", "aside", "key"] = "plain"


@dataclass(repr=False, eq=False)
class References:
    """The legend and the references the markers above cite, numbered as they are. ``groups``
    (monograph, reference ids): references to number even if no marker cites them, and the drug of a
    marker made without one. ``level``: the heading's level in Markdown."""

    groups: tuple[tuple[Any, tuple[str, ...]], ...] = ()
    level: int = 2
    title: str = "References"
    cited_only: bool = False
    """Only the references a marker cited (else every numbered one)."""
    notes: bool = False
    """Each reference with its note about the source."""
    curator_notes: bool = False
    """And with its curator note (how it was researched)."""


@dataclass(repr=False, eq=False)
class Notice:
    """The closing notice: informational, not medical advice."""


Block = Union[Title, Heading, Cited, List, Labelled, Rows, Grid, Note, References, Notice]


@dataclass(repr=False, eq=False)
class Document:
    """An answer's blocks in reading order. ``monograph``: the one drug it is about (its markers
    are numbered in the order they are first cited, that drug's references)."""

    blocks: list[Block] = field(default_factory=list)
    monograph: Any = None
    follow: bool = False
    """The markers number the monograph's references in its own order instead (show: [3] is the same
    reference in every show of the drug)."""

    def add(self, *blocks: Block | None) -> Document:
        self.blocks += [block for block in blocks if block is not None]
        return self
