"""Rich terminal rendering of the library list (the other answers: views.render.terminal).

Data from the YAML is always passed to rich as ``Text``, never as markup, so a monograph can
never inject styling or escape sequences. Citation markers come from the output's numbering
(views.citations); the pieces every terminal view shares (a marker, a hanging line, the legend,
the reference list, the notice) are defined here once and used by views.render.terminal too.
"""

from __future__ import annotations

import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph

TAG_STYLES = {"corroborated": "yellow", "unconfirmed": "bold black on yellow"}
MARKER_STYLE = "cyan"
NOTE_STYLE = "italic magenta"

# ---------------------------------------------------------------------------------------------
# shared pieces


def mark(claim: Cited | None, m: Monograph | None = None, locators: bool = True) -> Text:
    """' [1, 3 §2.3] (unconfirmed)': the claim's marker in this output's numbering, never split."""
    brackets = current().brackets(claim, m, UNBROKEN, locators)
    if not brackets:
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


# ---------------------------------------------------------------------------------------------
# list


def brief_class(drug_class: str) -> str:
    """A class as a list shows it: its words before any parenthesis ('kinase inhibitor')."""
    return drug_class.split(" (")[0]


def render_list(console: Console, monographs: Iterable[Monograph]) -> None:
    """A table of the library. Names, brands and dates are never cut, nor any word of a status:
    the class is shown briefly and folds between words, and is left out (then the generation too)
    when the terminal is too narrow for the rest. Only the rows' text is kept, and the table is
    drawn a block of rows at a time with the same widths, so a large library takes little memory."""
    rows = [{"Name": m.identity.generic_name,
             "Brands": ", ".join(describe.brand_names(m.identity)) or "—",
             "Class": brief_class(m.identity.classification.drug_class), "Gen.": m.identity.classification.generation,
             "Status": describe.region_status(m) + ("; identity in doubt" if m.identity.identity_doubt else ""),
             "Reviewed": m.review.last_reviewed} for m in monographs]
    columns = ["Name", "Brands", "Class", "Gen.", "Status", "Reviewed"]
    for optional in ("Class", "Gen.", None):
        if _least_width(rows, columns) <= console.width or optional is None:
            break
        columns.remove(optional)
    widths = _widths(rows, columns, console.width)
    for start in range(0, max(len(rows), 1), BLOCK):
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_header=start == 0)
        for name, width in widths.items():
            table.add_column(name, no_wrap=name not in WRAPPING, width=width)
        for row in rows[start:start + BLOCK]:
            table.add_row(*(Text(row[name]) for name in columns))
        console.print(table)
    notice(console)


WRAPPING = ("Class", "Status")
"""The list's columns that may wrap (between words only); the others are never wrapped."""


def _widest(rows: list[dict[str, str]], name: str, words: bool) -> int:
    """The widest cell of a column (or its widest word, for a column that wraps), header included."""
    cells = [row[name] for row in rows] + [name]
    return max(cell_len(part) for cell in cells for part in (cell.split() if words else [cell]))


def _widths(rows: list[dict[str, str]], columns: list[str], room: int) -> dict[str, int]:
    """Each column's width: the whole cell for the columns that never wrap, and what is left shared
    by the wrapping ones (the status first), each at least its widest word and at most its widest cell."""
    widths = {name: _widest(rows, name, words=False) for name in columns if name not in WRAPPING}
    left = room - sum(widths.values()) - 3 * (len(columns) - 1)
    wrapping = [name for name in WRAPPING if name in columns]
    for index, name in enumerate(reversed(wrapping)):  # Status, then Class
        others = sum(_widest(rows, other, words=True) for other in wrapping if other != name and other not in widths)
        widths[name] = max(_widest(rows, name, words=True), min(_widest(rows, name, words=False), left - others))
        left -= widths[name]
    return {name: widths[name] for name in columns}


def _least_width(rows: list[dict[str, str]], columns: list[str]) -> int:
    """The narrowest the list can be drawn without cutting a word: the columns' least widths and,
    between columns, two cells of padding and one of rule."""
    return sum(_widest(rows, name, words=name in WRAPPING) for name in columns) + 3 * (len(columns) - 1)
