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

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.text import Text

from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS
from trkmono.views.citations import LEGEND, current, evidence_tag, reference_entry
from trkmono.views.console import UNBROKEN

if TYPE_CHECKING:
    from trkmono.compiled.plain import Plain

TAG_STYLES = {"corroborated": "yellow", "unconfirmed": "bold black on yellow"}
MARKER_STYLE = "cyan"
NOTE_STYLE = "italic magenta"

# ---------------------------------------------------------------------------------------------
# shared pieces


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


# ---------------------------------------------------------------------------------------------
