"""Markdown for tumour-board notes and wikis: headings, lists, tables and a linked reference list.

Text from the data is escaped so it can never turn into Markdown structure or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trkmono.model import phrases as describe
from trkmono.clinical.compare import Row
from trkmono.clinical.dose import ROUNDING, asked, regimen_words
from trkmono.views.citations import cited_ids, dose_sources
from typing import TYPE_CHECKING

from trkmono import terms

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.clinical.dose import Outcome, Step
    from trkmono.model.schema import Cited, Monograph, Regimen


_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape(text: str) -> str:
    """Text with Markdown's special characters escaped and line breaks folded."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


class Markers:
    """[1], [2], ... after each claim, pointing at the numbered reference list."""

    def __init__(self, monograph: Monograph) -> None:
        self.numbers = {r.id: i for i, r in enumerate(monograph.references, start=1)}

    def __call__(self, claim: Cited) -> str:
        numbers = ",".join(str(n) for n in sorted({self.numbers.get(ref, 0) for ref in claim.cite}))
        return f" \\[{numbers}\\]" + (" **UNVERIFIED**" if claim.evidence != "confirmed" else "")


def monograph(m: Monograph, sections: Iterable[str] | None = None, brief: bool = False) -> str:
    """The monograph's header, caveats and chosen sections as Markdown."""
    sections = sections or terms.SECTIONS
    mark = Markers(m)
    ident = m.identity
    cls = ident.classification
    lines = [f"# {escape(ident.generic_name)}", ""]
    if ident.brands:
        lines += [f"Brands: {escape(', '.join(describe.brand_names(ident)))}", ""]
    lines += [
        f"- Class: {escape(cls.drug_class)}, {cls.generation}-generation{mark(cls)}",
        f"- Route: {escape(ident.route.text)}{mark(ident.route)}",
        f"- Stage: {m.status.stage}{mark(m.status)}",
        f"- Last reviewed: {m.review.last_reviewed}",
        "",
    ]
    if m.review.caveats:
        lines += ["## Read first", ""] + [f"- {escape(c.text)}{mark(c)}" for c in m.review.caveats] + [""]
    for name in sections:
        lines += [f"## {name.capitalize()}", ""] + _SECTIONS[name](m, mark) + [""]
    lines.append(f"*{escape(describe.NOTICE)}*")
    return "\n".join(lines) + "\n"


def _bullets(items: Iterable[tuple[str, Cited]], mark: Markers) -> list[str]:
    return [f"- {escape(text)}{mark(claim)}" for text, claim in items]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
        "| " + " | ".join(row) + " |" for row in rows
    ] + [""]


def _status(m: Monograph, mark: Markers) -> list[str]:
    rows = [[escape(h.regulator), e.date, describe.event(e), escape(e.indication) + mark(e)]
            for h in m.status.regulators for e in h.events]
    return _table(["Regulator", "Date", "Event", "Indication"], rows) if rows else ["No regulatory events."]


def _indications(m: Monograph, mark: Markers) -> list[str]:
    lines: list[str] = []
    for ind in m.indications:
        lines.append(f"- **{escape(ind.regulator)}**: {escape(ind.text)}{mark(ind)}")
        lines.append(f"  - Population: {escape('; '.join(describe.population(p) for p in ind.populations))}")
        lines.append(f"  - Biomarker: {escape(ind.biomarker)}")
        lines.append(f"  - Line of therapy: {escape(ind.line_of_therapy)}")
    return lines or ["None stated."]


def _mechanism(m: Monograph, mark: Markers) -> list[str]:
    mech = m.mechanism
    lines = [escape(mech.summary.text) + mark(mech.summary), ""] + _bullets(((p.text, p) for p in mech.points), mark)
    if mech.resistance:
        lines += ["", "### Resistance mutations", ""] + _table(
            ["Mutation", "Region", "Activity", "Evidence", "Finding"],
            [[escape(r.mutation), r.region, r.activity, r.basis, escape(r.text) + mark(r)] for r in mech.resistance])
    return lines


def _dosing(m: Monograph, mark: Markers) -> list[str]:
    d = m.dosing
    lines: list[str] = []
    if d.unlabelled:
        lines += [f"**{escape(d.unlabelled.text)}**{mark(d.unlabelled)}", ""]
    if d.regimens:
        lines += ["### Starting dose", ""] + _table(
            ["Population", "Dose", "Food"],
            [[escape(describe.population(r.population)), escape(describe.dose(r.dose)), r.food + mark(r)]
             for r in d.regimens])
    for ladder in d.reductions:
        lines += [f"### Dose reductions: {escape(describe.population(ladder.population))}{mark(ladder)}", ""]
        lines += _table(["Step", "Dose"], [[str(s.step), escape(describe.dose(s.dose))] for s in ladder.steps])
        lines += [f"After the last step: {escape(ladder.after_last_step)}", ""]
    for title, rules in (("Hepatic impairment", d.hepatic), ("Renal impairment", d.renal),
                         ("CYP3A4 inhibitors and inducers", d.cyp3a4)):
        if rules:
            lines += [f"### {title}", ""] + _bullets(
                ((f"{a.condition}: {describe.adjustment(a)} — {a.rule}", a) for a in rules), mark) + [""]
    for title, items in (("General rules", d.general), ("Administration", d.administration)):
        if items:
            lines += [f"### {title}", ""] + _bullets(((s.text, s) for s in items), mark) + [""]
    if d.other_interactions:
        lines += ["### Other interactions", ""] + _bullets(
            ((f"{i.agent}: {i.action}", i) for i in d.other_interactions), mark)
    return lines or ["No dosing information."]


def _safety(m: Monograph, mark: Markers) -> list[str]:
    s = m.safety
    boxed = s.boxed_warning
    lines = (["Boxed warning: not applicable (no approved label)", ""] if boxed is None else
             [f"Boxed warning: {escape(boxed.text or 'yes') if boxed.present else 'none'}{mark(boxed)}", ""])
    if s.warnings:
        lines += ["### Warnings and precautions", ""] + _bullets(((f"{w.title}: {w.text}", w) for w in s.warnings), mark)
        lines.append("")
    if s.common_adverse_reactions:
        lines += ["### Common adverse reactions", ""] + _table(
            ["Reaction", "All grades %", "Grade 3–4 %"],
            [[escape(r.term) + mark(r), _pct(r.frequency_percent), _pct(r.grade3_4_percent)]
             for r in s.common_adverse_reactions])
    for title, items in (("Serious adverse events", s.serious_adverse_events), ("Monitoring", s.monitoring),
                         ("Pregnancy and contraception", s.pregnancy), ("Patient counselling", s.counselling)):
        if items:
            lines += [f"### {title}", ""] + _bullets(((i.text, i) for i in items), mark) + [""]
    return lines


def _pct(value: float | None) -> str:
    return "—" if value is None else describe.number(value)


def _efficacy(m: Monograph, mark: Markers) -> list[str]:
    rows = [[escape(t.name + (f" ({', '.join(t.ids)})" if t.ids else "")) + mark(t), escape(t.phase),
             str(t.n or "—"), _pct(t.orr_percent) + (f" ({escape(t.orr_ci)})" if t.orr_ci else ""),
             escape(t.duration_of_response or "—")] for t in m.efficacy.trials]
    return _table(["Trial", "Phase", "n", "ORR %", "Duration of response"], rows) if rows else [
        "No trial results recorded."]


def _references(m: Monograph, mark: Markers) -> list[str]:
    lines = []
    for i, r in enumerate(m.references, start=1):
        title = f"[{escape(r.title)}](<{r.url}>)" if r.url and r.url.startswith("http") else escape(r.title)
        when = f", {r.date}" if r.date else ""
        lines.append(f"{i}. {title}. {escape(r.publisher)}{when}. *{describe.TIER_LABELS[r.tier]}*")
    return lines


_SECTIONS = {
    "status": _status,
    "indications": _indications,
    "mechanism": _mechanism,
    "dosing": _dosing,
    "safety": _safety,
    "efficacy": _efficacy,
    "references": _references,
}


def comparison(monographs: list[Monograph], rows: list[Row]) -> str:
    """The comparison as one Markdown table, each cell with its tier and reference ids."""
    header = ["Aspect", *(escape(m.identity.generic_name) for m in monographs)]
    body = []
    for row in rows:
        cells = []
        for cell in row.cells:
            text = "<br>".join(escape(line) for line in cell.lines)
            if cell.cite:
                text += f"<br>*{describe.TIER_SHORT.get(cell.tier or '', '?')}: {escape(', '.join(cell.cite))}*"
            if cell.evidence != "confirmed":
                text += "<br>**UNVERIFIED**"
            cells.append(text)
        body.append([f"**{escape(row.aspect)}**", *cells])
    note = ("*Tier shown is the weakest source behind the cell. " + escape(describe.NOTICE) + "*")
    return "\n".join(["# TRK inhibitors compared", ""] + _table(header, body) + [note]) + "\n"


def dose(outcome: Outcome) -> str:
    """A dose answer: what was asked, each step with its citation, the dose (or why there is none)."""
    m = outcome.monograph
    mark = Markers(m)
    lines = [f"# {escape(m.identity.generic_name)} — dose", "", f"Asked: {escape(asked(outcome.request))}", ""]
    for number, step in enumerate(outcome.steps, start=1):
        lines += _dose_step(number, step, mark)
    lines.append("")
    if outcome.computed:
        lines += _dose_result(outcome, mark)
    else:
        lines += ["**No dose computed**", ""] + [f"- {escape(reason)}" for reason in outcome.reasons] + [""]
    if outcome.candidates:
        title = ("Regimens that may apply (trkmono does not choose)" if outcome.ambiguous
                 else "Regimens in this monograph (none covers the patient)")
        lines += [f"### {title}", ""]
        lines += [_dose_regimen(r, mark, why) for r, why in outcome.candidates] + [""]
    if outcome.other_regimens:
        lines += ["### Other regimens in this monograph", ""]
        lines += [_dose_regimen(r, mark) for r in outcome.other_regimens] + [""]
    lines += [f"*Rounding: {escape(ROUNDING)}*", "", "### References", ""]
    wanted = {mark.numbers.get(ref) for ref in cited_ids(dose_sources(outcome))}
    lines += [line for number, line in enumerate(_references(m, mark), start=1) if number in wanted]
    lines += ["", f"*{escape(describe.NOTICE)}*"]
    return "\n".join(lines) + "\n"


def _dose_step(number: int, step: Step, mark: Markers) -> list[str]:
    head = f"{number}. **{escape(step.title)}**" + ("" if step.applied else " (not applied)")
    lines = [head + (mark(step.source) if step.source is not None else "")]
    if step.avoid:
        lines.append(f"   - **AVOID**: {escape(step.avoid_words)}")
    if step.population:
        lines.append(f"   - For: {escape(step.population)}")
    if step.rule:
        lines.append(f"   - {'Rule' if step.kind not in ('start', 'reduction') else 'Label dose'}: {escape(step.rule)}")
    if step.effect:
        lines.append(f"   - → {escape(step.effect)}")
    lines += [f"   - Note: {escape(note)}" for note in step.notes]
    return lines


def _dose_result(outcome: Outcome, mark: Markers) -> list[str]:
    regimen = outcome.regimen
    then = f"{outcome.lead_in}, then " if outcome.lead_in is not None else ""
    lines = [f"**Resulting dose: {escape(then + str(outcome.dose))}**, {escape(regimen.food)}"
             + (f"; {escape(regimen.duration)}" if regimen.duration else ""), ""]
    if outcome.lead_in_note:
        lines.append(f"- Lead-in: {escape(outcome.lead_in_note)}.")
    for v in outcome.volumes:
        phase = " during the lead-in" if v.lead_in else ""
        lines.append(f"- {escape(v.formulation.form)} {describe.number(v.strength.amount)} {escape(v.strength.unit)}: "
                     f"{escape(str(v))} per dose{phase}{mark(v.formulation)}")
    for f in outcome.strengths:
        strengths = ", ".join(f"{describe.number(s.amount)} {s.unit}" for s in f.strengths)
        lines.append(f"- {escape(f.form)}: strengths {escape(strengths)} (trkmono does not round to a strength)"
                     f"{mark(f)}")
    if outcome.after_last_step:
        lines.append(f"- This is the last step of the ladder. After it: {escape(outcome.after_last_step)}")
    return lines + [""]


def _dose_regimen(regimen: Regimen, mark: Markers, why: str = "") -> str:
    return (f"- {escape(describe.population(regimen.population))}: **{escape(regimen_words(regimen))}**"
            + (f" ({escape(why)})" if why else "") + mark(regimen))
