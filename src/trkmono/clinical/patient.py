"""One cited answer for one patient: what the files say for this drug, age, BSA, liver, kidneys,
co-medications, pregnancy or breastfeeding and feeding tube, and what they do not cover.

Built only from the monograph's statements and the interaction table, through the dose calculator
and the co-medication check: nothing here is worded anew except the labels and the reasons
something is not covered. The monograph's statements arrive already chosen (``Rules`` for the
interactions; the whole monograph otherwise), so a caller may hand over those of one region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from trkmono.clinical.answer import Line, Section, interaction_sections
from trkmono.clinical.comedications import Check, calculate_with
from trkmono.clinical.dose import asked as dose_asked, mg
from trkmono.compiled.plain import Plain

if TYPE_CHECKING:
    from trkmono.clinical.dose import Outcome, Request

TUBE_WORDS = re.compile(r"\b(tube|enteral|nasogastric|gastrostomy)", re.I)
"""Words that mark a statement about giving the drug by feeding tube."""
LACTATION_WORDS = re.compile(r"\b(breast-?fe|milk)", re.I)
PREGNANCY_WORDS = re.compile(r"\b(pregnan|contracept|fetal|foetal|embryo)", re.I)


@dataclass(frozen=True)
class Patient:
    """What the prescriber knows besides the dose request and the co-medications."""

    crcl: Decimal | None = None
    """Creatinine clearance in mL/min, when given."""
    pregnant: bool = False
    breastfeeding: bool = False
    tube: bool = False
    """Fed (and to be given the drug) by feeding tube."""


@dataclass
class Answer:
    """The whole answer: the dose outcome, the sections in order, and what the files do not cover."""

    monograph: Plain
    outcome: Outcome
    sections: list[Section] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """A dose was computed and everything asked is covered."""
        return self.outcome.computed and not self.uncovered


def answer(m: Plain, request: Request, found: Check, patient: Patient) -> Answer:
    """Caveats, dose, interactions, organ function, warnings and monitoring, pregnancy and lactation,
    administration, then what the files do not cover."""
    out = Answer(m, calculate_with(m, request, found.answers))
    out.uncovered += [f"{name}: not in trkmono's interaction table: check the label" for name in found.unknown]
    out.sections = [_caveats(m), _dose(out.outcome), *interaction_sections(_known(found)),
                    _organs(m, request, patient, out), _safety(m), _pregnancy(m, patient, out),
                    _administration(m, patient, out)]
    out.sections = [s for s in out.sections if s.lines]
    if out.uncovered:
        out.sections.append(Section("Not covered by trkmono's files", [Line("Not covered", text, alert=True)
                                                                      for text in out.uncovered]))
    return out


def asked(request: Request, names: list[str], patient: Patient) -> str:
    """What was asked, in words."""
    parts = [dose_asked(request)]
    if patient.crcl is not None:
        parts.append(f"CrCl {mg(patient.crcl)} mL/min")
    parts += [word for flag, word in ((patient.pregnant, "pregnant"), (patient.breastfeeding, "breastfeeding"),
                                      (patient.tube, "feeding tube")) if flag]
    if names:
        parts.append("with " + ", ".join(names))
    return " · ".join(parts)


def _known(found: Check) -> Check:
    """The check without its unknown names (they are said once, under what is not covered)."""
    return Check(found.monograph, found.answers, [], found.table)


def _caveats(m: Plain) -> Section:
    return Section("Know first", [Line("Caveat", c.text, c, m) for c in m.review.caveats])


def _dose(outcome: Outcome) -> Section:
    """The resulting dose (or why none), then each rule it rests on."""
    m = outcome.monograph
    section = Section("Dose")
    regimen = outcome.regimen
    if outcome.computed and regimen is not None:  # a computed dose is always a regimen's
        lead = f"{outcome.lead_in}, then " if outcome.lead_in else ""
        section.lines.append(Line("Dose", f"{lead}{outcome.dose}, {regimen.food}", regimen, m))
    else:
        section.lines += [Line("No dose computed", reason, alert=True) for reason in outcome.reasons]
    for step in outcome.steps:
        text = " → ".join(part for part in (step.rule, step.effect) if part)
        label = step.title + ("" if step.applied else " (not applied)")
        section.lines.append(Line(label, text or "no rule", step.source, m, alert=step.avoid))
    return section


def _organs(m: Plain, request: Request, patient: Patient, out: Answer) -> Section:
    """The hepatic rule is in the dose; the renal rules are listed when a CrCl is given (trkmono
    does not match a number to the rules' words)."""
    section = Section("Kidneys and liver")
    if patient.crcl is not None:
        if not m.dosing.renal:
            out.uncovered.append("renal function: the monograph gives no renal rule")
        section.lines += [Line(f"Renal: {a.condition}", a.rule, a, m) for a in m.dosing.renal]
        if m.dosing.renal:
            section.lines.append(Line("Note", f"CrCl {mg(patient.crcl)} mL/min: read which of these rules applies; "
                                      "trkmono does not match a number to their words"))
    if request.hepatic is not None:
        section.lines.append(Line("Hepatic", f"{request.hepatic}: see the dose above"))
    return section


def _safety(m: Plain) -> Section:
    """The boxed warning (or its absence), the warnings, and what to monitor."""
    s = m.safety
    section = Section("Warnings and monitoring")
    box = s.boxed_warning
    if box is not None:
        section.lines.append(Line("Boxed warning", box.text if box.present and box.text else
                                  "present" if box.present else "none", box, m, alert=box.present))
    section.lines += [Line(w.title, w.text, w, m) for w in s.warnings]
    section.lines += [Line("Monitor", st.text, st, m) for st in s.monitoring]
    return section


def _pregnancy(m: Plain, patient: Patient, out: Answer) -> Section:
    """Pregnancy, contraception and lactation statements; those about what was asked stand out."""
    section = Section("Pregnancy, contraception and lactation")
    for st in m.safety.pregnancy:
        about = bool((patient.pregnant and PREGNANCY_WORDS.search(st.text))
                     or (patient.breastfeeding and LACTATION_WORDS.search(st.text)))
        section.lines.append(Line("Asked" if about else "Advice", st.text, st, m, alert=about))
    for flag, words, topic in ((patient.pregnant, PREGNANCY_WORDS, "pregnancy"),
                               (patient.breastfeeding, LACTATION_WORDS, "breastfeeding")):
        if flag and not any(words.search(st.text) for st in m.safety.pregnancy):
            out.uncovered.append(f"{topic}: the monograph has no statement about it")
    return section


def _administration(m: Plain, patient: Patient, out: Answer) -> Section:
    """How to give it; with a feeding tube, the statements about tubes stand out (or are missing)."""
    statements = m.dosing.administration
    tube = [st for st in statements if TUBE_WORDS.search(st.text)]
    if patient.tube and not tube:
        out.uncovered.append("feeding tube: the monograph says nothing about giving it by tube")
    return Section("Administration", [Line("By tube" if st in tube and patient.tube else "Give", st.text, st, m,
                                           alert=patient.tube and st in tube) for st in statements])
