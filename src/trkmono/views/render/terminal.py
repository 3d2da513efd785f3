"""A document laid out for a terminal with rich, and the pieces of that layout.

Every statement hangs under its first word, a citation marker is never split across lines, and an
address in the reference list stands whole. Data from the YAML reaches rich only as ``Text``, never
as markup, so a monograph can never inject styling or escape sequences. Citation markers come from
the output's numbering (views.citations).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS
from trkmono.views.citations import LEGEND, current, evidence_tag, reference_entry
from trkmono.views.console import UNBROKEN
from trkmono.views.document import (Cited, Document, Grid, Heading, Labelled, Line, List, Note, Notice,
                                    References, Row, Rows, Span, Title)

if TYPE_CHECKING:
    from trkmono.compiled.plain import Plain

STYLES = {"strong": "bold", "alert": "bold red", "flag": "bold red", "badge": "bold black on yellow", "good": "bold green", "caution": "yellow",
          "faint": "dim", "em": "italic", "match": "bold reverse", "code": "cyan"}
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
    said = text(item.text)
    if item.claim is not None:
        said.append_text(mark(item.claim, item.owner or doc.monograph, locators=not item.compact))
    return said.append_text(text(item.after)) if item.after else said


def _item(item: Cited, doc: Document, indent: int, bullets: bool) -> list[RenderableType]:
    """An item and its children: a step's under its text ('1. '), a bullet's four columns in."""
    if item.number is not None:
        prefix, under = f"{item.number}. ", len(f"{item.number}. ")
    else:
        prefix, under = " " * indent + ("• " if bullets else ""), indent + 4
    detail: list[RenderableType] = [Hanging(" " * under, text(item.detail))] if item.detail else []
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
    then each column's cell under its name. A grid with wrapping columns is drawn as a list."""
    if block.wrapping:
        _listing(console, block, doc)
        return
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
    return _said(cell[0], doc) if len(cell) == 1 else Text("\n").join(_said(item, doc) for item in cell)


def _listing(console: Console, block: Grid, doc: Document) -> None:
    """The grid as a list: no cell is cut, nor any word of a wrapping one; the optional columns are
    left out while the list is too wide. The rows are drawn a block at a time, with the same widths
    and the header only above the first, so a long list is one table."""
    whole, words = _extents(block, doc)
    columns = list(range(len(block.header)))

    def least() -> int:  # each column at its least width; between columns, two cells of padding and a rule
        return sum(words[c] if c in block.wrapping else whole[c] for c in columns) + 3 * (len(columns) - 1)
    for optional in block.optional:
        if least() <= console.width:
            break
        columns.remove(optional)
    widths = _widths(block, columns, whole, words, console.width)
    for start in range(0, max(len(block.rows), 1), BLOCK):
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_header=start == 0)
        for c in columns:
            table.add_column(block.header[c], no_wrap=c not in block.wrapping, width=widths[c])
        for row in block.rows[start:start + BLOCK]:
            table.add_row(*(_cell(row[c], doc) for c in columns))
        console.print(table)


def _extents(block: Grid, doc: Document) -> tuple[list[int], list[int]]:
    """Each column's widest cell and widest word, its header's included."""
    whole = [cell_len(title) for title in block.header]
    words = [max((cell_len(word) for word in title.split()), default=0) for title in block.header]
    for row in block.rows:
        for c, cell in enumerate(row):
            for said in _cell(cell, doc).plain.splitlines():
                whole[c] = max(whole[c], cell_len(said))
                words[c] = max([words[c], *(cell_len(word) for word in said.split())])
    return whole, words


def _widths(block: Grid, columns: list[int], whole: list[int], words: list[int], room: int) -> dict[int, int]:
    """The whole cell for the columns that never wrap; what they leave shared by the wrapping ones,
    in their order, each at least its widest word and at most its widest cell."""
    widths = {c: whole[c] for c in columns if c not in block.wrapping}
    left = room - sum(widths.values()) - 3 * (len(columns) - 1)
    wrapping = [c for c in block.wrapping if c in columns]
    for c in wrapping:
        others = sum(words[other] for other in wrapping if other != c and other not in widths)
        widths[c] = max(words[c], min(whole[c], left - others))
        left -= widths[c]
    return widths


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


# ---------------------------------------------------------------------------------------------
# the pieces: a marker, a hanging line, a heading, the reference list, the notice

TAG_STYLES = {"corroborated": "yellow", "unconfirmed": "bold black on yellow"}
MARKER_STYLE = "cyan"
NOTE_STYLE = "italic magenta"


def mark(claim: Plain | None, m: Plain | None = None, locators: bool = True) -> Text:
    """' [1, 3 §2.3] (unconfirmed)': the claim's marker in this output's numbering, never split."""
    brackets = current().brackets(claim, m, UNBROKEN, locators)
    if claim is None or not brackets:
        return Text("")
    text = Text(" ") + Text(brackets, style=MARKER_STYLE)
    tag = evidence_tag(claim.evidence)
    if tag:
        text.append(" ")
        text.append(tag, style=TAG_STYLES.get(claim.evidence, "yellow"))
    return text


class Hanging:
    """``prefix`` then ``body``, the body's wrapped lines indented under its first character.
    ``whole_words``: a word wider than the line (a long address) is never broken but stands whole
    on its own line (print it with crop=False)."""

    def __init__(self, prefix: str | Text, body: Text, indent: int | None = None, whole_words: bool = False) -> None:
        self.prefix = Text.assemble(prefix)  # its style on its own characters, not on the whole line
        self.body = body
        self.indent = cell_len(self.prefix.plain) if indent is None else indent
        self.whole_words = whole_words

    def _wrap(self, console: Console, text: Text, width: int) -> list[Text]:
        """``text`` wrapped at ``width``; with whole_words, a word wider than that is not folded."""
        if not self.whole_words:
            return list(text.wrap(console, width))
        lines = []
        for line in text.split(allow_blank=True):
            for part in line.divide(_breaks(line.plain, width)):
                part.rstrip()
                lines.append(part)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 20)
        if cell_len(self.prefix.plain) <= self.indent:
            lines = self._wrap(console, self.body, width)
            lead = self.prefix
        else:  # a prefix wider than the indent is wrapped as the body's first word
            kept = self.prefix.copy()
            kept.plain = kept.plain.rstrip(" ").replace(" ", UNBROKEN) + kept.plain[len(kept.plain.rstrip(" ")):]
            lines = self._wrap(console, kept + self.body, width)
            lead = Text("")
        drawn = Text().append_text(lead)
        for index, line in enumerate(lines):
            if index:
                drawn.append("\n" + " " * self.indent)
            drawn.append_text(line)
        yield from drawn.render(console)  # already wrapped: not wrapped again
        yield Segment.line()


def _breaks(plain: str, width: int) -> list[int]:
    """Where lines start when ``plain`` is wrapped at spaces within ``width`` cells, no word folded."""
    breaks, used = [], 0
    for word in re.finditer(r"\S+\s*", plain):
        size = cell_len(word.group().rstrip())
        if used and used + size > width:
            breaks.append(word.start())
            used = 0
        used += cell_len(word.group())
    return breaks


def heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left")


def print_references(console: Console, cited_only: bool = False, title: str = "References", notes: bool = False,
                     curator_notes: bool = False) -> None:
    """The legend, then the references this output numbered (or only those it cited), numbered as its
    markers, each with its note and curator note when asked for."""
    numbering = current()
    if not numbering.any_listed(cited_only):
        return
    listed = numbering.listed(cited_only)
    console.print(Text(LEGEND, style="dim"))
    console.print(heading(title))
    several = numbering.drugs() > 1
    print_blocks(console, (reference_line(item.number, reference_entry(item, several), item.reference,
                                          *_notes(item.reference, notes, curator_notes))
                           for item in listed), crop=False)  # an address is never cut


def _notes(reference, notes: bool, curator_notes: bool) -> tuple[str | None, str | None]:
    """A reference's note and curator note, each when asked for."""
    if reference is None:
        return None, None
    return reference.note if notes else None, reference.curator_note if curator_notes else None


def print_blocks(console: Console, renderables: Iterable[RenderableType], crop: bool = True) -> None:
    """Each renderable on its own lines, as ``console.print`` would print them one by one, but a
    block at a time: thousands of search hits or references cost one print per block, not each."""
    block: list[RenderableType] = []
    for renderable in renderables:
        block.append(renderable)
        if len(block) == BLOCK:
            console.print(Group(*block), crop=crop)
            block = []
    if block:
        console.print(Group(*block), crop=crop)


BLOCK = 200
"""Search hits or references printed together, or rows of the list drawn as one table (the
list's tables line up: they share their column widths)."""


def reference_line(number: int, entry: str, reference, note: str | None = None,
                   curator_note: str | None = None) -> Hanging:
    """'[n] Title. Publisher, date. URL — tier', wrapped under the title, then its notes."""
    text = Text(entry)
    if reference is not None:
        secondary = reference.tier == "secondary-web"
        text.append(f" — {TIER_LABELS[reference.tier]}", style="yellow" if secondary else "dim")
    if note:
        text.append(f"\nNote: {note}", style="italic")
    if curator_note:
        text.append(f"\nCurator note: {curator_note}", style=NOTE_STYLE)
    return Hanging(Text(f"[{number}] ", style=MARKER_STYLE), text, whole_words=True)


def notice(console: Console) -> None:
    console.print(Text(describe.NOTICE, style="italic"))
