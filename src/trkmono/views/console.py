"""The one place rich is set up: a console for the chosen colour mode, and text captured from it."""

from __future__ import annotations

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
    """What ``draw(console)`` prints, as text for this terminal (colour codes only where it has them);
    trailing spaces are removed from every line."""
    console = make_console(color)
    with console.capture() as captured:
        draw(console)
    return "\n".join(line.rstrip() for line in captured.get().split("\n"))
