"""list, show and compare: the library as a table, one monograph, drugs side by side."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from trkmono.cli.common import Reading, read_command
from trkmono.cli.options import ASPECT, SECTIONS, Name, Names, choice


@read_command
def list_command(*, read: Reading) -> None:
    """List the monographs in the library.

    Example: trkmono list --json
    """
    library = read.library()
    from trkmono.regions import view
    from trkmono.views import json as as_json
    from trkmono.views.builders.library import library as table

    def heads():  # read one at a time, as the chosen region reads them
        return (view(head, read.region) for head in library.heads())
    read.document(lambda: table(heads()), json=lambda: as_json.library_json(heads(), [b.path for b in library.broken]))


@read_command
def show(
    name: Name,
    section: Annotated[Optional[list[str]], choice(
        SECTIONS, "--section", "-s", help="Show only this section (repeatable).")] = None,
    brief: Annotated[bool, typer.Option("--brief", help="Only the at-a-glance block.")] = False,
    notes: Annotated[bool, typer.Option("--notes", help="Add the curator notes (how claims were researched).")] = False,
    *,
    read: Reading,
) -> None:
    """Show one drug's monograph: at a glance first, then every section, each claim cited.

    The at-a-glance block (indication, doses, forms, reductions, hepatic, renal and CYP3A4
    handling, warnings, monitoring, how current it is) fits one screen; --brief prints only it.
    Curator notes are left out unless --notes is given (--json always carries them).

    Example: trkmono show vitrakvi --section dosing
    """
    chosen = section or None
    monograph = read.find(read.library(), name)
    from trkmono.views import json as as_json
    from trkmono.views.builders.monograph import monograph as build
    read.document(lambda: build(monograph, chosen, brief=brief, notes=notes),
                  json=lambda: as_json.monograph_json(monograph, chosen))


@read_command
def compare(
    names: Names = None,
    aspect: Annotated[Optional[list[str]], choice(  # typer takes no list of a Literal
        ASPECT, "--aspect", "-a", help="Show only this aspect (repeatable); all by default, the dose first.")] = None,
    *,
    read: Reading,
) -> None:
    """Compare drugs side by side, each cell with its evidence tier and citations.

    Example: trkmono compare larotrectinib entrectinib --aspect adult-dose
    """
    library = read.library()
    chosen = [read.find(library, n) for n in names] if names else list(read.monographs(library))
    monographs = list({m.id: m for m in chosen}.values())
    from trkmono.clinical.compare import compare as build
    from trkmono.views import json as as_json
    from trkmono.views.builders.compare import comparison
    rows = build(monographs, aspect)
    read.document(lambda: comparison(monographs, rows), json=lambda: as_json.comparison_json(monographs, rows))
