"""provenance: how each monograph's claims are sourced, for curators."""

from __future__ import annotations

from trkmono.cli.common import Reading, read_command
from trkmono.cli.options import Names


@read_command
def provenance(names: Names = None, *, read: Reading) -> None:
    """For curators: claims by evidence status and strongest cited tier, claims citing only
    secondary web pages, references cited by nothing, curator notes and the review date.

    Example: trkmono provenance larotrectinib --format markdown
    """
    library = read.library()
    chosen = [read.find(library, n) for n in names] if names else list(read.monographs(library))
    from trkmono.clinical.provenance import provenance as report
    reports = [report(m) for m in {m.id: m for m in chosen}.values()]
    from trkmono.views import json as as_json
    from trkmono.views.builders.provenance import provenance as document
    read.document(lambda: document(reports), json=lambda: as_json.provenance_json(reports))
