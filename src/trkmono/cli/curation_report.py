"""provenance: how each monograph's claims are sourced, for curators."""

from __future__ import annotations

from trkmono.cli.common import answer, find, open_library
from trkmono.cli.guard import command
from trkmono.cli.options import Color, ColorOption, DataDir, FormatOption, JsonFlag, Names, NoPager, Quiet, \
    output_format


@command
def provenance(
    names: Names = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
    no_pager: NoPager = False,
    quiet: Quiet = False,
) -> None:
    """For curators: claims by evidence status and strongest cited tier, claims citing only
    secondary web pages, references cited by nothing, curator notes and the review date.

    Example: trkmono provenance larotrectinib --format markdown
    """
    fmt = output_format(output, json)
    library = open_library(data_dir, quiet)
    chosen = [find(library, n, quiet) for n in names] if names else list(library.monographs())
    from trkmono.clinical.provenance import provenance as report
    reports = [report(m) for m in {m.id: m for m in chosen}.values()]
    from trkmono.views import json as as_json, provenance as views
    answer(fmt, color.value,
           text=lambda console: views.render_provenance(console, reports),
           json=lambda: as_json.provenance_json(reports),
           markdown=lambda: views.markdown(reports),
           page=not no_pager)
