"""Versioned JSON envelopes for list, show and compare (stable, documented in the README)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict

from trkmono import __version__
from typing import TYPE_CHECKING

from trkmono import terms
from trkmono.model import phrases as describe
from trkmono.views.citations import cited_ids, cyp3a_groups, dose_sources, resistance_references

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.clinical.compare import Row
    from trkmono.clinical.dose import Amount, LeadInDose, Outcome
    from trkmono.clinical.provenance import Report
    from trkmono.clinical.resistance import Finding, MutationRow, Table as ResistanceTable
    from trkmono.clinical.search import Hit, Record
    from trkmono.compiled.plain import Plain
    from trkmono.watch.labels import Report as LabelReport


FORMAT_VERSION = 1
UNSEEN = re.compile(f"[\x7f-\x9f\u2028\u2029{terms.INVISIBLE_CHARACTERS}]")
"""What a reader of JSON text would not see (C1 controls, line separators, invisible and bidi
characters; json escapes C0 controls itself): written as \\u escapes, so it cannot reorder or
hide what a terminal or editor shows."""


def _envelope(kind: str, **body: object) -> str:
    data = {"format_version": FORMAT_VERSION, "kind": kind, "trkmono_version": __version__,
            "schema_version": terms.SCHEMA_VERSION, **body, "notice": describe.NOTICE}
    return UNSEEN.sub(lambda found: json.dumps(found.group())[1:-1], json.dumps(data, indent=2, ensure_ascii=False,
                                                                                 allow_nan=False))


def error_json(error: Exception) -> str:
    """A failure (not found, ambiguous, no dose) in the same envelope, for scripts that asked for JSON."""
    body: dict[str, object] = {"message": str(error), "exit_code": getattr(error, "exit_code", 1),
                               "type": type(error).__name__}
    if hasattr(error, "suggestions"):
        body["suggestions"] = error.suggestions
    if hasattr(error, "candidates"):
        body["candidates"] = [{"id": mid, "why": why} for mid, why in error.candidates]
    return _envelope("error", error=body)


def library_json(monographs: Iterable[Plain], skipped: list[str]) -> str:
    """The library as a list of summaries, plus the files that could not be read."""
    return _envelope("library", monographs=[
        {
            "id": m.id,
            "generic_name": m.identity.generic_name,
            "brands": describe.brand_names(m.identity),
            "drug_class": m.identity.classification.drug_class,
            "generation": m.identity.classification.generation,
            "stage": m.status.stage,
            "region": getattr(m, "region", None), "status_in_region": describe.region_status(m),
            "last_reviewed": m.review.last_reviewed,
        }
        for m in monographs
    ], skipped=skipped)


def monograph_json(m: Plain, sections: list[str] | None = None) -> str:
    """All of a monograph's data (or the chosen sections plus identity, references and review)."""
    data = dict(m)
    if sections:
        keep = {"schema_version", "id", "identity", "references", "review", *(s.replace("-", "_") for s in sections)}
        data = {k: v for k, v in data.items() if k in keep}
    recorded = {name: data.get(name.replace("-", "_")) is not None for name in terms.RECORDED_SECTIONS}
    return _envelope("monograph", monograph=data, sections_recorded=recorded)


def comparison_json(monographs: list[Plain], rows: list[Row]) -> str:
    """Aspects as rows, each with a cell per drug id."""
    return _envelope("comparison", drugs=[m.id for m in monographs], rows=[
        {"aspect": row.aspect, "cells": {m.id: asdict(c) for m, c in zip(monographs, row.cells, strict=True)}}
        for row in rows
    ])


def _citation(source: Plain | None) -> dict[str, object]:
    """A statement's citations, their locators and its evidence status (null for uncited parts)."""
    if source is None:
        return {"cite": [], "at": {}, "evidence": None}
    return {"cite": list(source.cite), "at": dict(source.get("at") or {}), "evidence": source.evidence}


def _reference_json(groups: list[tuple[Plain, list[str]]]) -> list[dict[str, object]]:
    out = []
    for m, ids in groups:
        by_id = {r.id: r for r in m.references}
        out += [{"drug": m.id, **by_id[i]} for i in ids if i in by_id]
    return out


def _amount_json(amount: Amount) -> dict[str, object]:
    from trkmono.clinical.dose import mg  # only the dose answers load the dose engine
    return {"mg": float(amount.mg), "mg_exact": mg(amount.mg),
                                         "frequency": amount.frequency}


def _dose_lead_in_json(lead_in: LeadInDose | None) -> dict[str, object] | None:
    return None if lead_in is None else {**_amount_json(lead_in.dose), "days": lead_in.days,
                                         "condition": lead_in.condition}


def _computed_dose(outcome: Outcome) -> dict[str, object] | None:
    """The resulting dose with its regimen's food and duration and the volumes (None unless computed)."""
    dose, regimen = outcome.dose, outcome.regimen
    if not outcome.computed or dose is None or regimen is None:
        return None
    return {
        **_amount_json(dose), "lead_in": _dose_lead_in_json(outcome.lead_in),
        "lead_in_note": outcome.lead_in_note, "food": regimen.food, "duration": regimen.duration,
        "volumes": [{"form": v.formulation.form, "concentration": f"{describe.number(v.strength.amount)} "
                     f"{v.strength.unit}", "phase": "lead-in" if v.lead_in else "main", "ml": float(v.ml),
                     "rounded": not v.exact, **_citation(v.formulation)} for v in outcome.volumes],
        "after_last_step": outcome.after_last_step,
    }


def dose_json(outcome: Outcome) -> str:
    """The calculation as data; ``dose`` is null unless ``computed``."""
    from trkmono.clinical.dose import ROUNDING
    m, r = outcome.monograph, outcome.request
    return _envelope(
        "dose",
        drug=m.id,
        region=m.get("region"),
        request={"bsa_m2": float(r.bsa_m2) if r.bsa_m2 is not None else None,
                 "ladder_bsa_m2": float(r.ladder_bsa) if r.ladder_bsa is not None else None,
                 "age": None if r.age is None else {"value": float(r.age.value), "unit": r.age.unit},
                 "hepatic": r.hepatic, "cyp3a": r.cyp3a, "reduction": r.reduction},
        computed=outcome.computed,
        reasons=outcome.reasons,
        discontinue=outcome.discontinue,
        bsa_note=outcome.bsa_note,
        not_combined=outcome.not_combined,
        steps=[{"kind": s.kind, "title": s.title, "applied": s.applied, "avoid": s.avoid,
                "amount_stated": s.amount_stated, "population": s.population, "rule": s.rule, "effect": s.effect,
                "dose": None if s.dose is None else _amount_json(s.dose), "lead_in": _dose_lead_in_json(s.lead_in), "notes": s.notes,
                **_citation(s.source)} for s in outcome.steps],
        dose=_computed_dose(outcome),
        ambiguous=outcome.ambiguous,
        candidates=[{"population": describe.population(c.population), "regimen": describe.regimen(c),
                     "why": why, **_citation(c)} for c, why in outcome.candidates],
        other_regimens=[{"population": describe.population(c.population), "regimen": describe.regimen(c),
                         **_citation(c)} for c in outcome.other_regimens],
        rounding=ROUNDING,
        references=_reference_json([(m, cited_ids(dose_sources(outcome)))]),
    )


def interactions_json(m: Plain, mentions: list[Record]) -> str:
    """CYP3A4 conditions (an empty ``rules`` list: no rule), other interactions and mentions."""
    return _envelope(
        "interactions",
        drug=m.id,
        cyp3a4=[{"condition": condition, "rules": [
            {"population": describe.population(a.population) if a.population else None, "avoid": a.avoid,
             "percent_change": a.percent_change, "set_dose": a.set_dose,
             "effect": describe.adjustment(a), "rule": a.rule, **_citation(a)} for a in rules]}
            for condition, rules in cyp3a_groups(m)],
        other=[{"agent": i.agent, "action": i.action, **_citation(i)} for i in m.dosing.other_interactions],
        mentioned_elsewhere=[{"section": r.section, "text": r.text, **_citation(r.source)} for r in mentions],
        references=_reference_json([(m, cited_ids([a for _, rules in cyp3a_groups(m) for a in rules]
                                               + list(m.dosing.other_interactions)
                                               + [r.source for r in mentions]))]),
    )


def _finding_json(f: Finding, scope: str) -> dict[str, object]:
    x = f.finding
    return {"drug": f.monograph.id, "scope": scope, "mutation": x.mutation, "region": x.region,
            "activity": x.activity, "basis": x.basis, "text": x.text, **_citation(x)}


def _row_json(table: ResistanceTable, row: MutationRow) -> dict[str, object]:
    regional = table.regional(row)
    return {"mutation": str(row.mutation), "gene": row.mutation.gene, "region": row.region, "cells": {
        m.id: [_finding_json(f, "residue") for f in row.cells.get(m.id, [])]
        + [_finding_json(f, "region") for f in regional if f.monograph.id == m.id]
        for m in table.monographs}}


def resistance_json(table: ResistanceTable, row: MutationRow | None = None,
                    regional: list[Finding] | None = None) -> str:
    """The table (or one row). A cell lists the residue's findings (scope 'residue'), then the
    region-wide findings that hold for it (scope 'region'); an empty cell means no data."""
    rows = [row] if row is not None else table.rows
    unnamed = regional if row is not None else table.unnamed
    found = [f for r in rows for cell in r.cells.values() for f in cell] + list(unnamed or [])
    return _envelope("resistance", drugs=[m.id for m in table.monographs],
                     rows=[_row_json(table, r) for r in rows],
                     unnamed=[_finding_json(f, "region" if f.region_wide else "as-written") for f in unnamed or []],
                     references=_reference_json(resistance_references(found)))


def provenance_json(reports: list[Report]) -> str:
    """Each monograph's provenance for curators: counts, secondary-only claims, uncited references."""
    return _envelope("provenance", monographs=[
        {"id": r.id, "generic_name": r.generic_name, "last_reviewed": r.last_reviewed, "claims": r.claims,
         "stage": r.stage, "by_evidence": r.by_evidence, "shares": r.shares,
         "over_unconfirmed_limit": r.over_unconfirmed_limit, "by_strongest_tier": r.by_strongest_tier,
         "secondary_only": [{"location": c.location, "snippet": c.snippet, "cite": c.cite, "evidence": c.evidence}
                            for c in r.secondary_only],
         "uncited_references": [{"id": ref.id, "title": ref.title, "tier": ref.tier} for ref in r.uncited_references],
         "curator_notes": {**r.curator_notes, "total": r.curator_note_count}}
        for r in reports])


def search_json(query: str, words: list[str], hits: list[Hit], spellings: Iterable[list[str]] = ()) -> str:
    """Hits with their snippet and the [start, end) spans of the words in it; ``spellings``: each
    word searched for with its other names too (the word first)."""
    return _envelope("search", query=query, words=words, spellings=list(spellings), hits=[
        {"drug": h.monograph.id, "section": h.record.section, "snippet": h.snippet,
         "highlights": [list(s) for s in h.spans], **_citation(h.record.source)} for h in hits])


def labels_json(report: LabelReport) -> str:
    """Each recorded US label with its status, the service's newest version and what rests on it."""
    from trkmono.watch.labels import STATUSES
    return _envelope("labels", service=report.service, labels=[
        {"set_id": label.set_id, "drugs": label.drugs, "title": label.history.title, "status": label.status,
         "recorded_versions": label.recorded_versions, "baseline_version": label.baseline,
         "current_version": label.history.newest.number,
         "published": label.history.newest.published, "address": label.history.address,
         "cited_by": [{"drug": use.drug, "reference": use.reference, "recorded_version": use.recorded_version,
                       "claims": use.claims} for use in label.uses]}
        for label in report.labels
    ], summary={status: report.count(status) for status in STATUSES})
