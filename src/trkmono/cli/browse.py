"""list, show and compare: the library as a table, one monograph, drugs side by side."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from trkmono.cli.common import answer, find, open_library, terminal
from trkmono.cli.guard import command
from trkmono.cli.options import (Color, ColorOption, DataDir, FormatOption, JsonFlag, Name, Names, NoPager,
                                 Quiet, Section, output_format)


@command
def list_command(data_dir: DataDir = None, output: FormatOption = None, json: JsonFlag = False,
                 color: ColorOption = Color.auto, no_pager: NoPager = False, quiet: Quiet = False) -> None:
    """List the monographs in the library.

    Example: trkmono list --json
    """
    fmt = output_format(output, json)
    library = open_library(data_dir, quiet)
    from trkmono.views import json as as_json, markdown
    answer(fmt, color.value,  # each view reads the heads once, one at a time
           text=lambda console: terminal().render_list(console, library.heads()),
           json=lambda: as_json.library_json(library.heads(), [b.path for b in library.broken]),
           markdown=lambda: markdown.library(library.heads()),
           page=not no_pager)


@command
def show(
    name: Name,
    section: Annotated[Optional[list[Section]], typer.Option(
        "--section", "-s", help="Show only this section (repeatable).")] = None,
    brief: Annotated[bool, typer.Option("--brief", help="Only the at-a-glance block.")] = False,
    notes: Annotated[bool, typer.Option("--notes", help="Add the curator notes (how claims were researched).")] = False,
    data_dir: DataDir = None,
    output: FormatOption = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
    no_pager: NoPager = False,
    quiet: Quiet = False,
) -> None:
    """Show one drug's monograph: at a glance first, then every section, each claim cited.

    The at-a-glance block (indication, doses, forms, reductions, hepatic, renal and CYP3A4
    handling, warnings, monitoring, how current it is) fits one screen; --brief prints only it.
    Curator notes are left out unless --notes is given (--json always carries them).

    Example: trkmono show vitrakvi --section dosing
    """
    fmt = output_format(output, json)
    chosen = [s.value for s in section] if section else None
    monograph = find(open_library(data_dir, quiet), name, quiet)
    from trkmono.views import json as as_json, markdown
    answer(fmt, color.value,
           text=lambda console: terminal().render_monograph(console, monograph, chosen, brief=brief, notes=notes),
           json=lambda: as_json.monograph_json(monograph, chosen),
           markdown=lambda: markdown.monograph(monograph, chosen, brief=brief, notes=notes),
           page=not no_pager)


@command
def compare(
    names: Names = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
    no_pager: NoPager = False,
    quiet: Quiet = False,
) -> None:
    """Compare drugs side by side, each cell with its evidence tier and citations.

    Example: trkmono compare larotrectinib entrectinib
    """
    fmt = output_format(output, json)
    library = open_library(data_dir, quiet)
    chosen = [find(library, n, quiet) for n in names] if names else list(library.monographs())
    monographs = list({m.id: m for m in chosen}.values())
    from trkmono.clinical.compare import compare as build
    from trkmono.views import json as as_json, markdown
    rows = build(monographs)
    answer(fmt, color.value,
           text=lambda console: terminal().render_comparison(console, monographs, rows),
           json=lambda: as_json.comparison_json(monographs, rows),
           markdown=lambda: markdown.comparison(monographs, rows),
           page=not no_pager)
