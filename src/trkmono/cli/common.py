"""What every read command does the same way: its seven shared options, opening the library,
reporting what was skipped, and answering in the chosen format.

A read command is written as ``@read_command def show(name: Name, ..., read: Reading)``: the
decorator adds ``--data-dir``, ``--format``/``--json``, ``--color``, ``--no-pager`` and ``--quiet``
to the command's own options (declared once, in ``cli.options``) and hands them over as one
``Reading``; ``guard.command`` turns its errors into messages and exit codes.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from trkmono.cli.guard import command, emit, say
from trkmono.errors import EXIT_FAILED
from trkmono.cli.options import ColorOption, DataDir, FormatOption, JsonFlag, NoPager, Quiet, RegionOption, output_format
from trkmono.terms import Color, OutputFormat

if TYPE_CHECKING:
    from trkmono.views.document import Document

SHARED_OPTIONS = (("data_dir", DataDir, None), ("region", RegionOption, None), ("output", FormatOption, None),
                  ("json", JsonFlag, False), ("color", ColorOption, "auto"), ("no_pager", NoPager, False),
                  ("quiet", Quiet, False))
"""(parameter, typer annotation, default) of the options every read command takes, in help order."""


@dataclass(frozen=True)
class Reading:
    """The shared options of one read command's run, and what they decide."""

    data_dir: Optional[Path]
    region_option: Optional[str]
    output: Optional[OutputFormat]
    json: bool
    color: Color
    no_pager: bool
    quiet: bool

    @property
    def region(self) -> str:
        """The region whose label the answer follows (--region, $TRKMONO_REGION or US)."""
        from trkmono.regions import chosen
        return chosen(self.region_option)

    @property
    def format(self) -> OutputFormat:
        """text, json or markdown (--json and a different --format together are a usage error)."""
        return output_format(self.output, self.json)

    def library(self):
        """The library in use (packaged, --data-dir or $TRKMONO_DATA_DIR), skipped files said on stderr."""
        return open_library(self.data_dir, self.quiet)

    def find(self, library, name: str):
        """The monograph for a name (see ``find``), as read under the chosen region."""
        from trkmono.regions import view
        return view(find(library, name, self.quiet), self.region)

    def monographs(self, library):
        """Every monograph of the library, one at a time, as read under the chosen region."""
        from trkmono.regions import view
        return (view(m, self.region) for m in library.monographs())

    def document(self, build: Callable[[], Document], json: Callable[[], str],
                 failed: str | None = None) -> None:
        """Print the answer in the chosen format, paged unless --no-pager: the document ``build()``
        makes, laid out by the terminal's renderer (rich) or Markdown's (rich not loaded), or the
        data ``json()`` writes. When the answer says what was asked cannot be given (``failed``),
        say why and exit 1."""
        if self.format == "json":
            emit(json() + "\n")
        elif self.format == "markdown":
            from trkmono.views.render.markdown import render as markdown
            emit(markdown(build()))
        else:
            from trkmono.views.console import rendered
            from trkmono.views.render.terminal import render as terminal
            emit(rendered(self.color, lambda console: terminal(console, build())), page=not self.no_pager)
        if failed:
            if not self.quiet:
                say(failed)
            raise typer.Exit(EXIT_FAILED)


def read_command(function):
    """``function`` as a command with the shared options added after its own, passed as ``read``."""
    signature = inspect.signature(function, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "read"]
    shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
              for name, annotation, default in SHARED_OPTIONS]

    @functools.wraps(function)
    def with_shared_options(*args, **kwargs):
        read = Reading(*(kwargs.pop(name) for name, _, _ in SHARED_OPTIONS))
        read.region  # an unknown region is a usage error before anything is read
        return function(*args, read=read, **kwargs)

    with_shared_options.__signature__ = signature.replace(parameters=own + shared)  # type: ignore[attr-defined]
    with_shared_options.__annotations__ = {p.name: p.annotation for p in own + shared}
    return command(with_shared_options)


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
