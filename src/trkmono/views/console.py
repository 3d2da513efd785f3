"""The one place rich is set up: a console for the chosen colour mode, and text captured from it.

The width is the terminal's (or ``COLUMNS``), at most MAX_WIDTH: lines longer than that are hard to
read, and laying out a table for 100,000 columns takes minutes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any, cast

from rich.console import Console

from trkmono.views.citations import output

UNBROKEN = "\u2800"
"""Drawn where a space must never become a line break (inside a citation marker); rich sees a
character of one cell that is not a space, and the captured text gets a plain space back."""
MAX_WIDTH = 200
"""The widest layout drawn, whatever the terminal's width."""


def make_console(color: str, stderr: bool = False) -> Console:
    """A console for 'auto' (colour on a terminal only; NO_COLOR respected), 'always' or 'never'."""
    if color == "always":
        return Console(force_terminal=True, stderr=stderr, highlight=False)
    if color == "never":
        return Console(color_system=None, no_color=True, stderr=stderr, highlight=False)
    return Console(stderr=stderr, highlight=False)


def rendered(color: str, draw: Callable[[Console], None]) -> list[str]:
    """What ``draw(console)`` prints, as text for this terminal (colour codes only where it has
    them), in the parts it was printed in (a long output is never copied whole to join them).

    The drawing is one output: its citation markers share one numbering. Trailing spaces are
    removed from every line, and unbroken spaces become plain ones. The console writes into
    memory, so only the caller writes the answer and can tell whether it arrived (a full disk).
    """
    probe = make_console(color)
    buffer = _TidyText()
    console = Console(file=buffer, force_terminal=probe.is_terminal,
                      color_system=cast(Any, probe.color_system),  # one of the names rich takes, typed str
                      no_color=probe.no_color, width=min(probe.width, MAX_WIDTH), height=probe.height, highlight=False,
                      legacy_windows=False, emoji=False)
    with output():
        draw(console)
    return buffer.parts


class _TidyText(io.StringIO):
    """A file for the console that tidies each print as it is written (rich writes whole lines),
    so a long output is held once, not copied whole for each clean-up."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(_TRAILING_SPACE.sub("", text).replace(UNBROKEN, " "))
        return len(text)


_TRAILING_SPACE = re.compile(r"[ \t\u2800]+$", re.M)
"""Spaces at the end of a line, an unbroken one included (it would become a plain space)."""
