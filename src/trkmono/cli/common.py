"""What every read command does the same way: open the library, report what was skipped, answer."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from trkmono.cli.guard import emit, say


def open_library(data_dir: Optional[Path], quiet: bool):
    """The library in use (packaged, --data-dir or $TRKMONO_DATA_DIR), skipped files said on stderr."""
    from trkmono.library import open_library as open_
    from trkmono.reading.folders import chosen_data_dir
    library = open_(chosen_data_dir(data_dir))
    if not quiet:
        for broken in library.broken:
            first = broken.problems[0]
            say(f"skipped {broken.path}: {len(broken.problems)} problem(s), first at line {first.line}: "
                f"{first.message} (run 'trkmono validate {broken.path}')")
    return library


def find(library, name: str, quiet: bool):
    """The monograph for a name; a note on stderr when other monographs' sources claim the name too."""
    member = library.member(name)
    others = library.also_claimed(name, member)
    if others and not quiet:
        say(f"note: '{name}' is {member.id}'s name; a source cited by {', '.join(others)} also claims it")
    return library.monograph(member)


def answer(fmt: str, color: str, text=None, json=None, markdown=None, page: bool = False) -> None:
    """Print the answer in the chosen format; each view is a function called only when chosen.

    ``text`` draws on a rich console; ``json`` and ``markdown`` return strings (rich is not loaded).
    """
    if fmt == "json":
        emit(json() + "\n")
    elif fmt == "markdown":
        emit(markdown())
    else:
        from trkmono.views.console import rendered
        emit(rendered(color, text), page=page)


def terminal():
    """The terminal views, imported only when text is asked for (rich is not loaded otherwise)."""
    from trkmono.views import terminal as module
    return module


def tool_views():
    """The clinical tools' terminal views, imported only when text is asked for."""
    from trkmono.views import tools as module
    return module
