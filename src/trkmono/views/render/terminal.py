"""A document laid out for a terminal with rich.

Every statement hangs under its first word, a citation marker is never split across lines, and an
address in the reference list stands whole. Text reaches rich only as ``Text``, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from trkmono.views.citations import current
from trkmono.views.document import (Cited, Document, Grid, Heading, Labelled, Line, List, Note, Notice,
                                    References, Row, Rows, Span, Title)
from trkmono.views.terminal import Hanging, heading, mark, notice, print_blocks, print_references

STYLES = {"strong": "bold", "alert": "bold red", "flag": "bold red", "badge": "bold black on yellow", "good": "bold green", "caution": "yellow",
          "faint": "dim", "em": "italic", "match": "bold reverse"}
NOTE_STYLES = {"plain": "", "aside": "italic", "key": "dim"}


def render(console: Console, doc: Document) -> None:
    """Print the document's blocks one after another."""
    if doc.follow:
        current().follow(doc.monograph)
    for block in doc.blocks:
        _BLOCKS[type(block)](console, block, doc)


def text(parts: Line) -> Text:
    """A line as rich Text, each span in its style."""
    out = Text()
    for part in parts:
        if isinstance(part, Span):
            out.append(part.text, style=STYLES[part.emphasis])
        else:
            out.append(part)
    return out


def _title(console: Console, block: Title, doc: Document) -> None:
    """The title, then its facts run on ('· approved · also LOXO-101'), wrapped two columns in."""
    if block.page_only:
        return
    gloss = f" ({block.gloss})" if block.gloss else ""
    head = Text(block.subject.upper() + gloss + block.rest, style="bold")
    for fact in block.facts:
        if fact.lead is not None:
            head.append_text(Text(f" · {fact.lead}") + text(fact.text))
    console.print(Hanging("", head, indent=2 if block.facts else 0))


def _heading(console: Console, block: Heading, doc: Document) -> None:
    console.print(heading(block.text) if block.level <= 2 else Text(block.text, style="bold underline"))


def _statement(item: Cited, doc: Document, prefix: str) -> Hanging:
    """``prefix`` (and the label), then the text and its marker, wrapped under the text."""
    lead = Text(prefix + (f"{item.label}: " if item.label else ""))
    return Hanging(lead, _said(item, doc))


def _said(item: Cited, doc: Document) -> Text:
    """The item's text, its marker, and what follows the marker."""
    return text(item.text) + mark(item.claim, item.owner or doc.monograph, locators=not item.compact) + text(item.after)


def _item(item: Cited, doc: Document, indent: int, bullets: bool) -> list[Hanging]:
    """An item and its children: a step's under its text ('1. '), a bullet's four columns in."""
    if item.number is not None:
        prefix, under = f"{item.number}. ", len(f"{item.number}. ")
    else:
        prefix, under = " " * indent + ("• " if bullets else ""), indent + 4
    detail = [Hanging(" " * under, text(item.detail))] if item.detail else []
    return [_statement(item, doc, prefix)] + detail + [_statement(child, doc, " " * under) for child in item.children]


def _cited(console: Console, block: Cited, doc: Document) -> None:
    console.print(Group(*_item(block, doc, 0, bullets=False)))


def _list(console: Console, block: List, doc: Document) -> None:
    """The items a block at a time (thousands of search hits cost one print per block)."""
    print_blocks(console, (part for item in block.items for part in _item(item, doc, block.indent, block.bullets)))


def _labelled(console: Console, block: Labelled, doc: Document) -> None:
    label = Text(f"{block.label}: ", style=STYLES[block.emphasis])
    console.print(Hanging(label, text(block.text) + mark(block.claim, doc.monograph)))


def _rows(console: Console, block: Rows, doc: Document) -> None:
    """Each row after its label, the labels in a column ``width`` wide."""
    width = max(console.width - block.width - 1, 30)
    for row in block.rows:
        label = Text(row.label.ljust(block.width + 1), style="bold")
        console.print(Hanging(label, _row(console, row, doc, width)))


def _row(console: Console, row: Row, doc: Document, width: int) -> Text:
    """The row's items, each whole (wrapped, never cut), within ``row.lines`` lines of ``width``
    cells; the items that do not fit are counted in ``row.more``."""
    def more(hidden: int) -> Text:
        return Text(" " + row.more.format(hidden), style="dim") if hidden else Text()

    body = Text()
    for index, item in enumerate(row.items):
        whole = (body + Text(row.joint) if index else Text()) + _said(item, doc)
        rest = len(row.items) - index - 1
        if index and not row.every and len(list((whole + more(rest)).wrap(console, width))) > row.lines:
            return body + more(rest + 1)
        body = whole
    return body


def _grid(console: Console, block: Grid, doc: Document) -> None:
    """A table when every column has ``min_width`` cells, else row by row: a heading naming the row,
    then each column's cell under its name."""
    least = block.min_width
    if block.whole_markers:
        least = max(least, max((mark(item.claim, item.owner).cell_len + 4 for row in block.rows
                                for cell in row[block.labels:] for item in cell), default=0))
    if console.width // len(block.header) >= least:
        table = Table(show_lines=True, expand=block.expand)
        for title in block.header:
            table.add_column(title, overflow="fold")
        for row in block.rows:
            table.add_row(*(_cell(cell, doc) for cell in row))
        console.print(table)
        return
    for row in block.rows:
        console.print(heading(" · ".join(_cell(cell, doc).plain for cell in row[:block.labels])))
        for title, cell in zip(block.header[block.labels:], row[block.labels:], strict=True):
            console.print(Hanging(Text(f"{title}: ", style="bold"), _cell(cell, doc), indent=2))


def _cell(cell: tuple[Cited, ...], doc: Document) -> Text:
    """A cell's statements, one a line, each with its marker."""
    return Text("\n").join(_said(item, doc) for item in cell)


def _note(console: Console, block: Note, doc: Document) -> None:
    console.print(Hanging("", Text(block.text, style=NOTE_STYLES[block.kind])))


def _references(console: Console, block: References, doc: Document) -> None:
    current().resolve(block.groups)
    print_references(console, block.cited_only, block.title, block.notes, block.curator_notes)


def _notice(console: Console, block: Notice, doc: Document) -> None:
    notice(console)


_BLOCKS: dict[type, Callable[[Console, Any, Document], None]] = {
    Title: _title, Heading: _heading, Cited: _cited, List: _list, Labelled: _labelled, Rows: _rows, Grid: _grid,
    Note: _note, References: _references, Notice: _notice}
