"""The dose answer as a document: what was asked, each step and its rule, the dose or why there is none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.clinical.dose import ROUNDING, asked
from trkmono.model import phrases as describe
from trkmono.views.citations import cited_ids, dose_sources
from trkmono.views.document import Cited, Document, Heading, Labelled, List, Note, Notice, References, Span, Title, line

if TYPE_CHECKING:
    from trkmono.clinical.dose import Outcome, Step
    from trkmono.compiled.plain import Plain


def dose(outcome: Outcome) -> Document:
    """Each step with its citations, the resulting dose (or why none), the regimens not chosen."""
    m = outcome.monograph
    doc = Document(monograph=m)
    doc.add(Title(m.identity.generic_name, f" — dose under the {describe.region_words(m)}"),
            Note(f"Asked: {asked(outcome.request)}"),
            Note(f"Note: {outcome.bsa_note}.", "aside") if outcome.bsa_note else None,
            List(tuple(_step(number, step) for number, step in enumerate(outcome.steps, start=1))))
    if outcome.computed and outcome.regimen is not None:
        doc.add(*_result(outcome, outcome.regimen))
    else:
        doc.add(Cited(line(Span("No dose computed", "alert"))),
                Labelled("Discontinue", line(outcome.discontinue), emphasis="alert") if outcome.discontinue else None,
                List(tuple(Cited(line(reason)) for reason in outcome.reasons), indent=2) if outcome.reasons else None)
    if outcome.candidates:
        doc.add(Heading("Regimens that may apply (trkmono does not choose)" if outcome.ambiguous
                        else "Regimens in this monograph (none covers the patient)", level=3),
                List(tuple(_regimen(r, why) for r, why in outcome.candidates), indent=2))
    if outcome.other_regimens:
        doc.add(Heading("Other regimens in this monograph", level=3),
                List(tuple(_regimen(r) for r in outcome.other_regimens), indent=2))
    return doc.add(Note(f"Rounding: {ROUNDING}", "key"),
                   References(((m, tuple(cited_ids(dose_sources(outcome)))),), level=3), Notice())


def _step(number: int, step: Step) -> Cited:
    """'1. Starting dose [1]', then who it is for, the rule, its effect and notes."""
    children = [Cited(line(Span("AVOID", "alert"), ": ", step.avoid_words))] if step.avoid else []
    if step.population:
        children.append(Cited(line(step.population), label="For"))
    if step.rule:
        children.append(Cited(line(step.rule), label="Rule" if step.kind not in ("start", "reduction") else "Label dose"))
    if step.effect:
        children.append(Cited(line("→ ", step.effect)))
    children += [Cited(line(note), label="Note") for note in step.notes]
    return Cited(line(Span(step.title), "" if step.applied else " (not applied)"), step.source,
                 children=tuple(children), number=number)


def _result(outcome: Outcome, regimen: Plain) -> list:
    """'Resulting dose: ...' with food and duration, then the lead-in, volumes and strengths."""
    then = f"{outcome.lead_in}, then " if outcome.lead_in is not None else ""
    result = Labelled("Resulting dose", line(Span(then + str(outcome.dose), "good"), f", {regimen.food}",
                                               f"; {regimen.duration}" if regimen.duration else ""))
    details = [Cited(line(f"Lead-in: {outcome.lead_in_note}."))] if outcome.lead_in_note else []
    for v in outcome.volumes:
        details.append(Cited(line(f"{v.formulation.form} {describe.number(v.strength.amount)} {v.strength.unit}: "
                                  f"{v} per dose{' during the lead-in' if v.lead_in else ''}"), v.formulation))
    for f in outcome.strengths:
        strengths = ", ".join(f"{describe.number(s.amount)} {s.unit}" for s in f.strengths)
        details.append(Cited(line(f"{f.form}: strengths {strengths} (trkmono does not round to a strength)"), f))
    if outcome.after_last_step:
        details.append(Cited(line(f"This is the last step of the ladder. After it: {outcome.after_last_step}")))
    return [result, List(tuple(details), indent=2, bullets=False) if details else None]


def _regimen(regimen: Plain, why: str = "") -> Cited:
    """'population: regimen (why) [n]'."""
    return Cited(line(f"{describe.population(regimen.population)}: ", Span(describe.regimen(regimen)),
                      f" ({why})" if why else ""), regimen)
