"""The dose calculator: a monograph's own rules applied to one patient, never a guess.

Pure functions over a ``Monograph``; nothing here prints. The calculation is

    starting regimen (by BSA band, or the adult regimen)
    → step N of the adverse-reaction ladder whose population covers the patient
    → the hepatic adjustment for the Child-Pugh class
    → the CYP3A4 adjustment for the interacting drug

and every step records the statement it used, so the views can show its citation. When the
monograph has no rule for what was asked (no labelled dose, no regimen for the patient, no rule
for the condition, a rule with no amount, a fixed dose after other changes, a population
trkmono cannot tell apart without an age), the outcome carries the reason and no dose.

Arithmetic is exact (``Decimal``): a dose in mg/m2 is multiplied by the BSA and capped at the
dose's ``max_mg``; a percentage applies to the mg the previous step gave. Nothing is rounded to
a capsule strength; oral-solution volumes are rounded to 0.01 mL for display only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from trkmono.model import phrases as describe
from trkmono.errors import UsageError
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Adjustment, Cited, Dose, Formulation, Monograph, Population, Regimen, Strength


MAX_BSA_M2 = Decimal(4)
"""Largest body surface area accepted (m2); anything above is a typing error."""

ADULT_MIN_AGE_YEARS = Decimal(17)
"""The youngest age anyone calls an adult (FDA: paediatric is birth to 16 years; EMA: under 18).

Used only to decide that a rule for "12 years and older" covers every adult; an adult is never
assumed to be older than this.
"""

ROUNDING = ("Doses are computed exactly and shown in full (mg/m2 × BSA, capped at the label's maximum "
            "per dose; a percentage applies to the mg of the step before). Nothing is rounded to a "
            "capsule or pellet strength. Oral-solution volumes are rounded half up to 0.01 mL and "
            "marked ≈ when rounded.")

ML = Decimal("0.01")


@dataclass(frozen=True)
class Request:
    """What was asked: the patient's BSA (None: adult regimen) and the conditions to apply."""

    bsa_m2: Decimal | None = None
    hepatic: str | None = None
    cyp3a: str | None = None
    reduction: int | None = None


@dataclass(frozen=True)
class Amount:
    """A dose the patient takes: mg per dose and how often."""

    mg: Decimal
    frequency: str

    def __str__(self) -> str:
        return f"{mg(self.mg)} mg {self.frequency}"


@dataclass
class Step:
    """One rule applied (or shown but not applied) on the way to the dose."""

    kind: str
    """start, reduction, hepatic, cyp3a4 or unlabelled."""
    title: str
    source: Cited | None = None
    """The statement the step rests on (its citations and verification flag); None: no rule."""
    population: str | None = None
    """Who the rule is for, as the monograph words it."""
    rule: str | None = None
    """The rule as stated (dose or rule text)."""
    avoid: bool = False
    applied: bool = True
    effect: str = ""
    """The arithmetic, or why nothing was computed."""
    dose: Amount | None = None
    """The dose after this step (None when the step computed nothing)."""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Volume:
    """The oral-solution volume of one dose."""

    formulation: Formulation
    strength: Strength
    ml: Decimal
    exact: bool

    def __str__(self) -> str:
        return f"{'' if self.exact else '≈ '}{mg(self.ml)} mL"


@dataclass
class Outcome:
    """The whole answer: steps, the resulting dose or the reasons there is none."""

    monograph: Monograph
    request: Request
    steps: list[Step] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    """Why no dose was computed; empty when one was."""
    dose: Amount | None = None
    regimen: Regimen | None = None
    candidates: list[tuple[Regimen, str]] = field(default_factory=list)
    """The regimens when none could be chosen, each with why it may or may not apply."""
    ambiguous: bool = False
    """True when several candidates may apply (trkmono does not choose); False when none does."""
    other_regimens: list[Regimen] = field(default_factory=list)
    volumes: list[Volume] = field(default_factory=list)
    strengths: list[Formulation] = field(default_factory=list)
    """Solid forms with their mg strengths (listed, never used to round)."""
    after_last_step: str | None = None

    @property
    def computed(self) -> bool:
        """True when a resulting dose was computed."""
        return self.dose is not None and not self.reasons

    def refuse(self, reason: str) -> None:
        """Record why no dose can be computed; the dose is dropped."""
        self.reasons.append(reason)
        self.dose = None


def mg(value: Decimal) -> str:
    """A Decimal in plain notation without trailing zeros: 60.000 -> '60', 22.9875 -> '22.9875'."""
    text = format(value.normalize(), "f")
    return text


def decimal(value: float) -> Decimal:
    """A YAML or command-line number as the decimal a person wrote (0.6, not 0.59999...)."""
    return Decimal(repr(value))


@dataclass(frozen=True)
class Patient:
    """What is known about the patient: adult or not (None: unknown) and a BSA interval."""

    adult: bool | None
    bsa_low: Decimal | None
    """Known lower bound of the BSA (inclusive), None if unknown."""
    bsa_high: Decimal | None
    """Known upper bound of the BSA (inclusive), None if unbounded."""


def check_request(request: Request) -> None:
    """Refuse impossible input with a message that says what is allowed (exit 2)."""
    bsa = request.bsa_m2
    if bsa is not None and (not bsa.is_finite() or bsa <= 0 or bsa > MAX_BSA_M2):
        raise UsageError(f"--bsa {bsa}: body surface area must be a number above 0 and at most "
                         f"{mg(MAX_BSA_M2)} (m2)")
    if request.reduction is not None and request.reduction < 1:
        raise UsageError(f"--reduction {request.reduction}: a dose-reduction step is 1 (the first "
                         "reduction), 2, ... up to the last step of the label's ladder")


def bsa_from_option(value: float | None) -> Decimal | None:
    """The --bsa value as a Decimal; NaN and infinity are usage errors."""
    if value is None:
        return None
    if not math.isfinite(value):
        raise UsageError(f"--bsa {value}: body surface area must be a number above 0 and at most "
                         f"{mg(MAX_BSA_M2)} (m2)")
    return decimal(value)


def calculate(m: Monograph, request: Request) -> Outcome:
    """The dose for ``request`` by the monograph's rules, or the reasons there is none."""
    check_request(request)
    out = Outcome(m, request)
    dosing = m.dosing
    if dosing.unlabelled is not None or not dosing.regimens:
        out.steps.append(Step("unlabelled", "No labelled dose", dosing.unlabelled, applied=False,
                              rule=dosing.unlabelled.text if dosing.unlabelled else None))
        out.refuse("the monograph gives no labelled dose" + ("" if dosing.unlabelled else " (no regimens)")
                   + "; trkmono computes nothing for a drug without one")
        return out

    regimen, patient = _choose_regimen(m, request, out)
    if regimen is None:
        return out
    out.regimen = regimen
    out.other_regimens = [r for r in dosing.regimens if r is not regimen]
    current, effect = _amount(regimen.dose, request.bsa_m2, "the starting dose")
    start = Step("start", "Starting dose", regimen, describe.population(regimen.population),
                 describe.regimen(regimen), applied=current is not None, effect=effect, dose=current)
    if current is None:
        out.refuse(effect)
    if request.bsa_m2 is None and regimen.population.min_bsa_m2 is not None:
        start.notes.append(f"This regimen is for {describe.bsa_bounds(regimen.population)}; "
                           "for a smaller patient give --bsa.")
    out.steps.append(start)
    changed: list[str] = []

    if request.reduction is not None:
        current = _reduce(m, request, patient, current, out, changed)
    for kind, rules, condition, label in (
        ("hepatic", dosing.hepatic, request.hepatic, "hepatic impairment"),
        ("cyp3a4", dosing.cyp3a4, request.cyp3a, "CYP3A4"),
    ):
        if condition is not None:
            current = _adjust(kind, label, rules, condition, patient, request, current, out, changed)

    if current is not None and not out.reasons:
        out.dose = current
        out.volumes, out.strengths = _forms(m, regimen, current)
    return out


def _choose_regimen(m: Monograph, request: Request, out: Outcome) -> tuple[Regimen | None, Patient]:
    """The one regimen that covers the patient, or None with the reason in ``out``."""
    regimens = m.dosing.regimens
    if request.bsa_m2 is None:
        patient = Patient(adult=True, bsa_low=None, bsa_high=None)
        sure, unsure = [], []
        for r in regimens:
            p = r.population
            if p.group == "paediatric" or p.max_bsa_m2 is not None or p.bsa_below_m2 is not None:
                continue
            verdict, why = _age(p, patient)
            if verdict is True:
                sure.append(r)
            elif verdict is None:
                unsure.append((r, why))
        if len(sure) == 1 and not unsure:
            chosen = sure[0]
            low = chosen.population.min_bsa_m2
            return chosen, Patient(True, decimal(low) if low is not None else None, None)
        if not sure and not unsure:
            out.candidates = [(r, "a BSA band or paediatric regimen") for r in regimens]
            out.refuse("the monograph gives no adult regimen (one for adults without an upper BSA bound); "
                       "give --bsa to choose a BSA band")
            return None, patient
        out.candidates = [(r, "may apply to an adult") for r in sure] + unsure
        out.ambiguous = True
        out.refuse("more than one regimen may apply to an adult and trkmono cannot tell which "
                   "(there is no age option); read the candidates")
        return None, patient

    bsa = request.bsa_m2
    patient = Patient(adult=None, bsa_low=bsa, bsa_high=bsa)
    sure, unsure = [], []
    for r in regimens:
        verdict, why = covers(r.population, patient)
        if verdict is True:
            sure.append(r)
        elif verdict is None:
            unsure.append((r, why))
    if len(sure) == 1 and not unsure:
        return sure[0], patient
    if not sure and not unsure:
        out.candidates = [(r, covers(r.population, patient)[1]) for r in regimens]
        out.refuse(f"no regimen in the monograph covers a patient of BSA {mg(bsa)} m2")
        return None, patient
    out.candidates = [(r, f"BSA {mg(bsa)} m2 is within its bounds") for r in sure] + unsure
    out.ambiguous = True
    reason = (f"trkmono cannot tell which regimen applies to a patient of BSA {mg(bsa)} m2 "
              "without guessing; read the candidates")
    if any(r.population.group == "adult" for r, _ in unsure):
        child = any(r.population.group != "adult" for r in sure + [r for r, _ in unsure])
        reason += ("; a BSA does not tell an adult from a child (for the adult regimen, run without --bsa)" if child
                   else "; no regimen for children covers this BSA (for an adult, run without --bsa)")
    out.refuse(reason)
    return None, patient


def _reduce(m: Monograph, request: Request, patient: Patient, current: Amount | None, out: Outcome,
            changed: list[str]) -> Amount | None:
    """Step N of the ladder that covers the patient, replacing the starting dose."""
    n = request.reduction
    title = f"Dose reduction step {n}"
    ladders = m.dosing.reductions
    if not ladders:
        out.steps.append(Step("reduction", title, applied=False, effect="no rule in the monograph"))
        out.refuse("the monograph gives no dose-reduction ladder")
        return None
    ladder, why = _pick([(lad, lad.population) for lad in ladders], patient)
    if ladder is None:
        for lad in ladders:
            out.steps.append(Step("reduction", "Dose-reduction ladder", lad,
                                  describe.population(lad.population),
                                  " → ".join(describe.dose(s.dose) for s in lad.steps), applied=False))
        out.refuse(f"dose reduction: {why}")
        return None
    if n > len(ladder.steps):
        raise UsageError(f"--reduction {n}: the dose-reduction ladder for "
                         f"{describe.population(ladder.population)} has steps 1 to {len(ladder.steps)}")
    rung = ladder.steps[n - 1]
    amount, effect = _amount(rung.dose, request.bsa_m2, f"reduction step {n}")
    step = Step("reduction", f"{title} of {len(ladder.steps)}", ladder, describe.population(ladder.population),
                describe.dose(rung.dose), applied=amount is not None, effect=effect, dose=amount)
    if amount is None:
        out.refuse(effect)
    if rung.note:
        step.notes.append(rung.note)
    if current is None and amount is not None:
        step.applied, step.dose = False, None
        step.effect += " (not applied: no dose was computed before this step)"
        amount = None
    if n == len(ladder.steps):
        out.after_last_step = ladder.after_last_step
    out.steps.append(step)
    changed.append(f"dose-reduction step {n}")
    return amount


def _adjust(kind: str, label: str, rules: list[Adjustment], condition: str, patient: Patient,
            request: Request, current: Amount | None, out: Outcome, changed: list[str]) -> Amount | None:
    """Apply the one adjustment for ``condition`` that covers the patient (see module doc)."""
    title = f"{label[0].upper() + label[1:]}: {condition}"
    matching = [a for a in rules if a.condition.strip().casefold() == condition]
    if not matching:
        out.steps.append(Step(kind, title, applied=False, effect="the monograph gives no rule for this"))
        out.refuse(f"the monograph gives no rule for {label} {condition}")
        return None
    rule, why = _pick([(a, a.population) for a in matching], patient)
    if rule is None:
        for a in matching:
            out.steps.append(Step(kind, title, a, describe.population(a.population) if a.population else None,
                                  a.rule, avoid=a.avoid, applied=False,
                                  effect=describe.adjustment(a) + " (not applied)"))
        out.refuse(f"{label} {condition}: {why}")
        return None
    step = Step(kind, title, rule, describe.population(rule.population) if rule.population else None,
                rule.rule, avoid=rule.avoid)
    out.steps.append(step)
    if current is None:
        step.applied = False
        step.effect = describe.adjustment(rule) + " (not applied: no dose was computed before this rule)"
        return None
    if rule.percent_change is not None:
        change = decimal(rule.percent_change)
        new = current.mg * (1 + change / 100)
        sign = "+" if change > 0 else "−"
        step.effect = (f"{mg(current.mg)} mg {sign} {mg(abs(change))}% = {mg(new)} mg" if change
                       else f"no change (0%): {mg(new)} mg")
        step.dose = Amount(new, current.frequency)
        changed.append(f"the {label} {condition} rule")
        return step.dose
    if rule.set_dose is not None:
        if changed:
            step.applied = False
            step.effect = f"the rule sets {describe.dose(rule.set_dose)} (not applied)"
            out.refuse(f"the {label} {condition} rule gives a fixed dose ({describe.dose(rule.set_dose)}) "
                       f"and the monograph does not say how it combines with {' and '.join(changed)}")
            return None
        amount, effect = _amount(rule.set_dose, request.bsa_m2, f"the {label} {condition} dose")
        if amount is None:
            step.applied = False
            step.effect = effect
            out.refuse(effect)
            return None
        step.effect = "use instead: " + effect
        step.dose = amount
        changed.append(f"the {label} {condition} rule")
        return amount
    step.applied = False
    step.effect = "the rule states no amount: no dose change is computed"
    step.notes.append(f"Dose before this rule: {current}.")
    out.refuse(f"the {label} {condition} rule states no amount, so trkmono computes no dose for it; "
               "read the rule")
    return None


def _pick(items: list[tuple[Cited, Population | None]], patient: Patient) -> tuple[Cited | None, str]:
    """The single item whose population surely covers the patient, else None and why."""
    sure, unsure, excluded = [], [], []
    for item, population in items:
        verdict, why = (True, "") if population is None else covers(population, patient)
        if verdict is True:
            sure.append(item)
        elif verdict is None:
            unsure.append(f"{describe.population(population)} — {why}")
        else:
            excluded.append(f"{describe.population(population)} — {why}")
    if len(sure) == 1 and not unsure:
        return sure[0], ""
    if not sure and not unsure:
        return None, "the monograph's rules are for " + "; ".join(excluded) + ", which does not cover this patient"
    if len(sure) > 1:
        return None, "more than one rule covers this patient and the monograph does not say which wins"
    return None, "trkmono cannot tell whether the rule applies: " + "; ".join(unsure)


def covers(p: Population, patient: Patient) -> tuple[bool | None, str]:
    """Whether a population covers the patient: True, False, or None (cannot tell), and why."""
    verdicts = [_group(p, patient), _age(p, patient), _bsa(p, patient)]
    for verdict, why in verdicts:
        if verdict is False:
            return False, why
    unknown = [why for verdict, why in verdicts if verdict is None]
    return (None, "; ".join(unknown)) if unknown else (True, "")


def _group(p: Population, patient: Patient) -> tuple[bool | None, str]:
    if p.group == "adult-and-paediatric":
        return True, ""
    if patient.adult is True:
        return (False, "for children only") if p.group == "paediatric" else (True, "")
    if p.group == "adult":
        return None, "for adults only, and a BSA does not tell whether the patient is an adult"
    return True, ""


def _years(value: float, unit: str) -> Decimal:
    return decimal(value) / (12 if unit == "months" else 1)


def _age(p: Population, patient: Patient) -> tuple[bool | None, str]:
    if p.min_age is None and p.age_below is None:
        return True, ""
    bounds = ", ".join(
        text for text in (f"age ≥ {describe.age(p.min_age)}" if p.min_age else "",
                          f"age < {describe.age(p.age_below)}" if p.age_below else "") if text)
    if patient.adult is True:
        if p.age_below is not None and _years(p.age_below.value, p.age_below.unit) <= ADULT_MIN_AGE_YEARS:
            return False, f"for {bounds} only"
        if p.age_below is None and _years(p.min_age.value, p.min_age.unit) <= ADULT_MIN_AGE_YEARS:
            return True, ""
    return None, f"it depends on age ({bounds}), and trkmono has no age option"


def _bsa(p: Population, patient: Patient) -> tuple[bool | None, str]:
    low, high, below = p.min_bsa_m2, p.max_bsa_m2, p.bsa_below_m2
    if low is None and high is None and below is None:
        return True, ""
    bounds = describe.bsa_bounds(p)
    lo, hi = patient.bsa_low, patient.bsa_high
    if ((hi is not None and low is not None and hi < decimal(low))
            or (lo is not None and high is not None and lo > decimal(high))
            or (lo is not None and below is not None and lo >= decimal(below))):
        return False, f"for {bounds}"
    inside_low = low is None or (lo is not None and lo >= decimal(low))
    inside_high = ((high is None and below is None)
                   or (hi is not None and (hi <= decimal(high) if high is not None else hi < decimal(below))))
    if inside_low and inside_high:
        return True, ""
    return None, f"for {bounds}, and the patient's BSA is not given (use --bsa)"


def _amount(dose: Dose, bsa: Decimal | None, what: str) -> tuple[Amount | None, str]:
    """The mg of a dose for this patient with the arithmetic in words, or None and why not.

    Without --bsa (the adult regimen) a dose per m2 cannot be computed: --bsa chooses BSA bands
    and cannot tell an adult from a child, so trkmono has no adult BSA to multiply by.
    """
    amount = decimal(dose.amount)
    if dose.unit == "mg":
        return Amount(amount, dose.frequency), f"{mg(amount)} mg {dose.frequency}"
    if bsa is None:
        return None, (f"{what} is {describe.dose(dose)}, per m2 of body surface area, and without --bsa "
                      "(the adult regimen) trkmono has no BSA to multiply by (--bsa chooses BSA bands and "
                      "cannot tell an adult from a child); nothing is computed")
    exact = amount * bsa
    effect = f"{mg(amount)} mg/m2 × {mg(bsa)} m2 = {mg(exact)} mg"
    if dose.max_mg is not None and exact > decimal(dose.max_mg):
        exact = decimal(dose.max_mg)
        effect += f", above the maximum of {mg(exact)} mg per dose, so {mg(exact)} mg"
    return Amount(exact, dose.frequency), effect + f" {dose.frequency}"


def _forms(m: Monograph, regimen: Regimen, dose: Amount) -> tuple[list[Volume], list[Formulation]]:
    """Oral-solution volumes of the dose, and the solid forms' strengths (never used to round)."""
    allowed = {f.casefold() for f in regimen.formulations}
    volumes, solids = [], []
    for formulation in m.identity.formulations:
        if allowed and formulation.form.casefold() not in allowed:
            continue
        per_ml = [s for s in formulation.strengths if s.unit.replace(" ", "").casefold() == "mg/ml"]
        for strength in per_ml:
            exact = dose.mg / decimal(strength.amount)
            shown = exact.quantize(ML, rounding=ROUND_HALF_UP)
            volumes.append(Volume(formulation, strength, shown, shown == exact))
        if not per_ml:
            solids.append(formulation)
    return volumes, solids
