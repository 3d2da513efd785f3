"""Sections of cited lines (``clinical.answer``) as data (JSON), and the files their lines cite.

Text and Markdown are laid out from the document views.builders.interactions.sections builds: they
number the references in the order they are first cited, each file's apart (a monograph's, the
interaction table's), and list them at the end; JSON gives each line's citations with the file
they belong to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.views.citations import cited_ids

if TYPE_CHECKING:
    from trkmono.clinical.answer import Section
    from trkmono.compiled.plain import Plain


def groups(sections: list[Section]) -> list[tuple[Plain, list[str]]]:
    """(owner, reference ids) of every cited line, owners in order of first use."""
    owners: dict[str, tuple[Plain, list[Plain]]] = {}
    for section in sections:
        for line in section.lines:
            if line.owner is not None and line.source is not None:
                owners.setdefault(line.owner.id, (line.owner, []))[1].append(line.source)
    return [(owner, cited_ids(sources)) for owner, sources in owners.values()]


def sections_json(sections: list[Section]) -> list[dict[str, object]]:
    """Sections as data: each line with its label, text, alert, citations and the file they belong to."""
    from trkmono.views.json import _citation
    return [{"title": s.title, "lines": [
        {"label": line.label, "text": line.text, "alert": line.alert,
         "cited_from": None if line.owner is None or line.source is None else line.owner.id,
         **_citation(line.source)} for line in s.lines]} for s in sections]


def references_json(sections: list[Section]) -> list[dict[str, object]]:
    """The references the lines cite, each with the file it belongs to."""
    out = []
    for owner, ids in groups(sections):
        by_id = {r.id: r for r in owner.references}
        out += [{"from": owner.id, **by_id[i]} for i in ids if i in by_id]
    return out


def check_json(found, sections: list[Section]) -> str:
    """``interactions --with`` as data: per co-medication its classes and rules, then the unknown."""
    from trkmono.views.json import _citation, _envelope
    return _envelope(
        "interactions-with", drug=found.monograph.id,
        comedications=[{"asked": a.asked, "id": a.entry.id, "name": a.entry.name, "sources_differ": a.rivals,
                        "classes": [{"class": c.claim.acts_as, "label": c.label, "changed_by_trk": c.changed_by_trk,
                                     **_citation(c.claim),
                                     "rules": [{"kind": kind, **({"condition": r.condition, "rule": r.rule,
                                                                  "avoid": r.avoid} if kind == "cyp3a4" else
                                                                 {"agent": r.agent, "action": r.action}),
                                                **_citation(r)} for kind, r in c.rules]}
                                    for c in a.classes]} for a in found.answers],
        unknown=found.unknown, sections=sections_json(sections), references=references_json(sections))


def patient_json(result, asked: str) -> str:
    """``patient`` as data: the dose (null unless computed), what is not covered, the sections."""
    from trkmono.views.json import _amount_json, _envelope
    outcome = result.outcome
    return _envelope("patient", drug=result.monograph.id, region=getattr(result.monograph, "region", None), asked=asked, complete=result.complete,
                     dose=_amount_json(outcome.dose) if outcome.computed else None, reasons=outcome.reasons,
                     not_covered=result.uncovered, sections=sections_json(result.sections),
                     references=references_json(result.sections))
