"""The one place rich is set up: a console for the chosen colour mode, and text rendered by it."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console


def make_console(color: str, stderr: bool = False) -> Console:
    """A console for 'auto' (colour on a terminal only; NO_COLOR respected), 'always' or 'never'."""
    if color == "always":
        return Console(force_terminal=True, stderr=stderr, highlight=False)
    if color == "never":
        return Console(color_system=None, no_color=True, stderr=stderr, highlight=False)
    return Console(stderr=stderr, highlight=False)


def rendered(color: str, draw: Callable[[Console], None]) -> str:
    """What ``draw(console)`` prints, as text for this terminal (colour codes only where it has them),
    without trailing spaces. The console writes into memory, never to stdout itself, so only the
    caller writes the answer and can tell whether it arrived."""
    probe = make_console(color)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=probe.is_terminal, color_system=probe.color_system,
                      no_color=probe.no_color, width=probe.width, height=probe.height, highlight=False,
                      legacy_windows=False, emoji=False)
    draw(console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
