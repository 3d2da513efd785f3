"""The dose calculator: a monograph's own rules applied to one patient, never a guess.

Pure functions over plain monograph data; nothing here prints. The calculation is

    starting regimen (by age and BSA, or the adult regimen), with its lead-in when it has one
    → at most ONE rule that changes the dose: step N of the adverse-reaction ladder, the hepatic
      rule for the Child-Pugh class, or the CYP3A4 rule for the interacting drug
    → rules that say "no adjustment" (``percent_change: 0``), cited, the dose unchanged

The labels' hepatic and CYP3A4 rules change the *starting* dose; they do not say how they apply
on top of a reduction step or of each other. So when two or more rules that change the dose would
apply, nothing is computed: each is shown on its own with its citation and the clinician decides.

Every step records the statement it used, so the views can show its citation. When the monograph
has no rule for what was asked (no labelled dose, no regimen for the patient, no rule for the
condition, a rule with no amount, a population trkmono cannot tell apart without an age or a
BSA), the outcome carries the reason and no dose.

Arithmetic is exact (``Decimal``): a dose in mg/m2 is multiplied by the BSA and capped at the
dose's ``max_mg``; a percentage applies to the starting dose. Nothing is rounded to a capsule
strength; oral-solution volumes are rounded to 0.01 mL for display only. A lead-in phase is shown
as the label gives it; a rule changes the main phase only, and the outcome says so.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from trkmono.compiled.plain import Plain
from trkmono.errors import UsageError
from trkmono.model import phrases as describe
from trkmono.terms import HepaticClass


MIN_BSA_M2 = Decimal("0.1")
MAX_BSA_M2 = Decimal(4)
"""Body surface areas accepted (m2, inclusive); anything outside is a typing error."""

MAX_AGE_YEARS = Decimal(120)
"""Oldest age accepted; anything above is a typing error."""

ADULT_MIN_AGE_YEARS = Decimal(17)
"""The youngest age anyone calls an adult (FDA: paediatric is birth to 16 years)."""
ADULT_AGE_YEARS = Decimal(18)
"""The age from which every label calls a patient an adult (EMA: paediatric is under 18)."""

ROUNDING = ("Doses are computed exactly and shown in full (mg/m2 × BSA, capped at the label's maximum "
            "per dose; a percentage applies to the starting dose). Nothing is rounded to a "
            "capsule or pellet strength. Oral-solution volumes are rounded half up to 0.01 mL and "
            "marked ≈ when rounded.")

AGE_SYNTAX = ("an age is a number of years (8, 8y, 1.5) or of months with m (10m), "
              f"from 0 to {MAX_AGE_YEARS:f} years")

ML = Decimal("0.01")
_AGE = re.compile(r"(\d+(?:\.\d+)?)\s*([ym]?)", re.IGNORECASE)


@dataclass(frozen=True)
class Age:
    """The patient's age as given: a number of years or months."""

    value: Decimal
    unit: str
    """years or months."""

    @property
    def months(self) -> Decimal:
        return self.value * 12 if self.unit == "years" else self.value

    def __str__(self) -> str:
        return f"{mg(self.value)} {self.unit[:-1] if self.value == 1 else self.unit}"


@dataclass(frozen=True)
class Request:
    """What was asked: the patient's BSA and age (None: not given) and the conditions to apply."""

    bsa_m2: Decimal | None = None
    hepatic: HepaticClass | None = None
    cyp3a: str | None = None
    """A CYP3A4 condition (terms.Cyp3aCondition); on a --with answer, the conditions joined by ' + '."""
    reduction: int | None = None
    age: Age | None = None
    ladder_bsa: Decimal | None = None
    """The BSA at which a child's reduction ladder was chosen (for a ladder whose step binds)."""


@dataclass(frozen=True)
class Amount:
    """A dose the patient takes: mg per dose and how often."""

    mg: Decimal
    frequency: str

    def __str__(self) -> str:
        return f"{mg(self.mg)} mg {self.frequency}"


@dataclass(frozen=True)
class LeadInDose:
    """The lead-in phase of a regimen for this patient: a dose for the first days."""

    dose: Amount
    days: int
    condition: str | None = None

    def __str__(self) -> str:
        return describe.lead_in(str(self.dose), self.days, self.condition)


@dataclass
class Step:
    """One rule applied (or shown but not applied) on the way to the dose."""

    kind: str
    """start, reduction, hepatic, cyp3a4 or unlabelled."""
    title: str
    source: Plain | None = None
    """The statement the step rests on (its citations and evidence status); None: no rule."""
    population: str | None = None
    """Who the rule is for, as the monograph words it."""
    rule: str | None = None
    """The rule as stated (dose or rule text)."""
    avoid: bool = False
    amount_stated: bool = True
    """False for a rule that gives no dose change (an avoid-only rule, 'reduce as tolerated')."""
    applied: bool = True
    effect: str = ""
    """The arithmetic, or why nothing was computed."""
    dose: Amount | None = None
    """The dose after this step (None when the step computed nothing)."""
    lead_in: LeadInDose | None = None
    """The starting regimen's lead-in phase, on the start step."""
    notes: list[str] = field(default_factory=list)

    @property
    def avoid_words(self) -> str:
        """What an avoid rule means for the dose shown (after 'AVOID: ')."""
        return "the label says to avoid this. " + (
            "Its dose change below is only for when it cannot be avoided." if self.amount_stated
            else "It gives no dose change for when it cannot be avoided.")


@dataclass(frozen=True)
class Volume:
    """The oral-solution volume of one dose."""

    formulation: Plain
    strength: Plain
    ml: Decimal
    exact: bool
    lead_in: bool = False
    """True for the volume of the lead-in dose."""

    def __str__(self) -> str:
        return f"{'' if self.exact else '≈ '}{mg(self.ml)} mL"


@dataclass
class Outcome:
    """The whole answer: steps, the resulting dose or the reasons there is none."""

    monograph: Plain
    request: Request
    steps: list[Step] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    """Why no dose was computed; empty when one was."""
    dose: Amount | None = None
    lead_in: LeadInDose | None = None
    """The lead-in phase before ``dose``, when the regimen has one."""
    lead_in_note: str | None = None
    """Why the lead-in is shown unchanged when a rule changed the main phase."""
    not_combined: list[str] = field(default_factory=list)
    """Kinds of the rules shown on their own because the monograph does not say how they combine."""
    regimen: Plain | None = None
    candidates: list[tuple[Plain, str]] = field(default_factory=list)
    """The regimens when none could be chosen, each with why it may or may not apply."""
    ambiguous: bool = False
    """True when several candidates may apply (trkmono does not choose); False when none does."""
    other_regimens: list[Plain] = field(default_factory=list)
    volumes: list[Volume] = field(default_factory=list)
    strengths: list[Plain] = field(default_factory=list)
    """Solid forms with their mg strengths (listed, never used to round)."""
    after_last_step: str | None = None
    discontinue: str | None = None
    """The label's discontinue rule, when the step asked for is past the ladder's last step."""
    bsa_note: str | None = None
    """How the BSA was read against the label's table (rounded to its precision), when it was."""

    @property
    def computed(self) -> bool:
        """True when a resulting dose was computed."""
        return self.dose is not None and not self.reasons

    def refuse(self, reason: str) -> None:
        """Record why no dose can be computed; the dose is dropped."""
        self.reasons.append(reason)
        self.dose = None


@dataclass(frozen=True)
class Patient:
    """What is known about the patient: age, adult or not (None: unknown) and a BSA interval."""

    adult: bool | None
    age: Age | None
    bsa_low: Decimal | None
    """Known lower bound of the BSA (inclusive), None if unknown."""
    bsa_high: Decimal | None
    """Known upper bound of the BSA (inclusive), None if unbounded."""


@dataclass
class _Rule:
    """A rule found for one asked condition, with what it does to the dose."""

    step: Step
    label: str
    """How the reasons name it, e.g. 'the hepatic impairment child-pugh-b rule'."""
    replace: Plain | None = None
    """A dose to use instead (a reduction step or a rule's fixed dose)."""
    percent: Decimal | None = None
    lead_in_dose: Plain | None = None
    """The reduced dose for the lead-in phase (the lead-in ladder's step), when the label gives one."""
    cap: Decimal | None = None
    """The label's maximum per dose for the patient's regimen, which the rule must not pass silently."""

    @property
    def no_change(self) -> bool:
        """True for the label's 'no adjustment' (percent_change 0): not a modifier."""
        return self.percent == 0


# ---------------------------------------------------------------------------------------------
# numbers and options


def mg(value: Decimal) -> str:
    """A Decimal in plain notation without trailing zeros: 60.000 -> '60', 22.9875 -> '22.9875'."""
    return format(value.normalize(), "f")


def decimal(value: float) -> Decimal:
    """A YAML or command-line number as the decimal a person wrote (0.6, not 0.59999...)."""
    return Decimal(repr(value))


def bsa_from_option(value: float | None) -> Decimal | None:
    """The --bsa value as a Decimal; NaN and infinity are usage errors."""
    if value is None:
        return None
    if not math.isfinite(value):
        raise UsageError(f"--bsa {value}: {_bsa_range()}")
    return decimal(value)


def age_from_option(text: str | None) -> Age | None:
    """The --age value: '8' or '8y' (years), '10m' (months); anything else is a usage error."""
    if text is None:
        return None
    match = _AGE.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"--age {text}: {AGE_SYNTAX}")
    return Age(Decimal(match[1]), "months" if match[2].casefold() == "m" else "years")


def check_request(request: Request) -> None:
    """Refuse impossible input with a message that says what is allowed (exit 2)."""
    for option, bsa in (("--bsa", request.bsa_m2), ("--ladder-bsa", request.ladder_bsa)):
        if bsa is not None and not (bsa.is_finite() and MIN_BSA_M2 <= bsa <= MAX_BSA_M2):
            raise UsageError(f"{option} {mg(bsa) if bsa.is_finite() else bsa}: {_bsa_range()}")
    if request.ladder_bsa is not None and request.reduction is None:
        raise UsageError("--ladder-bsa tells which reduction ladder a child is on; give it with --reduction")
    age = request.age
    if age is not None and not 0 <= age.months <= MAX_AGE_YEARS * 12:
        raise UsageError(f"--age {age}: {AGE_SYNTAX}")
    if request.reduction is not None and request.reduction < 1:
        raise UsageError(f"--reduction {request.reduction}: a dose-reduction step is 1 (the first "
                         "reduction), 2, ... up to the last step of the label's ladder")


def _bsa_range() -> str:
    return f"body surface area must be a number from {mg(MIN_BSA_M2)} to {mg(MAX_BSA_M2)} (m2)"


def asked(request: Request) -> str:
    """What was asked, in words: 'age 8 years · BSA 0.6 m2 · hepatic child-pugh-b'."""
    r = request
    parts = [f"age {r.age}"] if r.age is not None else []
    parts.append(f"BSA {mg(r.bsa_m2)} m2" if r.bsa_m2 is not None
                 else "no --bsa" if r.age is not None else "adult (no --bsa, no --age)")
    if r.reduction is not None:
        parts.append(f"dose-reduction step {r.reduction}")
    if r.ladder_bsa is not None:
        parts.append(f"ladder chosen at BSA {mg(r.ladder_bsa)} m2")
    if r.hepatic:
        parts.append(f"hepatic {r.hepatic}")
    if r.cyp3a:
        parts.append(f"CYP3A4 {r.cyp3a}")
    return " · ".join(parts)


# ---------------------------------------------------------------------------------------------
# the calculation


def calculate(m: Plain, request: Request) -> Outcome:
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

    request = _read_bsa(dosing.regimens, request, out)
    out.request = request
    regimen, patient = _choose_regimen(m, _patient(request), out)
    start = None
    if regimen is not None:
        out.regimen = regimen
        out.other_regimens = [r for r in dosing.regimens if r is not regimen]
        start = _start(regimen, request, out)
    rules = _rules(m, request, patient, out)  # shown even when no regimen could be chosen
    modifiers = [rule for rule in rules if not rule.no_change]
    if len(modifiers) > 1:
        _not_combined(modifiers, out)
    current = start.dose if start is not None and not out.reasons else None
    for rule in rules:
        current = _apply(rule, current, request, out)
    if current is not None and start is not None and regimen is not None and not out.reasons:
        out.dose = current
        out.lead_in = _lead_in_after(start.lead_in, modifiers, request, out)
        out.volumes, out.strengths = _forms(m, regimen, current, out.lead_in)
    return out


def _lead_in_after(lead_in: LeadInDose | None, modifiers: list[_Rule], request: Request,
                   out: Outcome) -> LeadInDose | None:
    """The lead-in phase after the one rule that changed the dose: the lead-in ladder's step for a
    reduction; for another rule, unchanged with a note (the labels' rules name the starting dose)."""
    if lead_in is None or not modifiers:
        return lead_in
    rule = modifiers[0]
    if rule.lead_in_dose is not None:
        amount, _ = _amount(rule.lead_in_dose, request.bsa_m2, "the reduced lead-in dose")
        return None if amount is None else replace(lead_in, dose=amount)
    if rule.step.kind == "reduction":
        out.lead_in_note = ("the monograph records no reduced dose for the lead-in phase; the lead-in dose "
                            "that was not tolerated is not shown (read the label's reduction table)")
        return None
    out.lead_in_note = (f"the monograph does not say whether {rule.label} applies to the "
                        "lead-in; the lead-in is shown unchanged, as the label gives it")
    return lead_in


def _read_bsa(regimens: list[Plain], request: Request, out: Outcome) -> Request:
    """The BSA as the label's table reads it: one that falls between two of its bands (0.805 between
    0.80 and 0.81) is rounded half up to the table's precision, and the outcome says so."""
    bsa = request.bsa_m2
    bands = [p for r in regimens for p in _alternatives(r.population) if _has_bsa_bounds(p)]
    if bsa is None or not bands or any(_bsa_inside(p, bsa) for p in bands):
        return request
    places = max(_places(value) for p in bands for value in _bsa_values(p))
    rounded = bsa.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == bsa or not any(_bsa_inside(p, rounded) for p in bands):
        return request
    out.bsa_note = (f"BSA {mg(bsa)} m2 falls between two bands of the label's table, which gives BSA to "
                    f"{places} decimal place{'s' if places != 1 else ''}: read as {mg(rounded)} m2")
    return replace(request, bsa_m2=rounded)


def _alternatives(p: Plain) -> list[Plain]:
    """The population's OR-joined alternatives, or the population itself."""
    return list(p.any_of or ()) or [p]


def _bsa_values(p: Plain) -> list[float]:
    return [v for v in (p.min_bsa_m2, p.max_bsa_m2, p.bsa_below_m2, p.bsa_above_m2) if v is not None]


def _has_bsa_bounds(p: Plain) -> bool:
    return bool(_bsa_values(p))


def _places(value: float) -> int:
    exponent = decimal(value).as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number's (the schema's numbers are)
    return max(0, -exponent)


def _bsa_inside(p: Plain, bsa: Decimal) -> bool:
    """True when the population's BSA bounds alone hold ``bsa``."""
    verdict, _ = _bsa(p, Patient(None, None, bsa, bsa))
    return verdict is True


def _patient(request: Request) -> Patient:
    """The patient as far as the request tells: without --bsa and --age, an adult is assumed."""
    bsa, age = request.bsa_m2, request.age
    if age is None:
        adult = True if bsa is None else None
    elif age.months >= ADULT_AGE_YEARS * 12:
        adult = True
    else:
        adult = None if age.months >= ADULT_MIN_AGE_YEARS * 12 else False
    return Patient(adult, age, bsa, bsa)


def _who(patient: Patient, adult_path: bool) -> str:
    """'a patient aged 8 years with BSA 0.6 m2', 'an adult (no --bsa, no --age)'."""
    if adult_path and patient.age is None:
        return "an adult (no --bsa, no --age)"
    parts = ([f"aged {patient.age}"] if patient.age else []) + (
        [f"with BSA {mg(patient.bsa_low)} m2"] if patient.bsa_low is not None else [])
    return "a patient " + " ".join(parts)


def _choose_regimen(m: Plain, patient: Patient, out: Outcome) -> tuple[Plain | None, Patient]:
    """The one regimen that covers the patient, or None with the reason in ``out``.

    Without --bsa, for an adult (assumed, or by --age), the adult regimen is one with no upper
    BSA bound, and its lower BSA bound is assumed met (the view says so).
    """
    adult_path = patient.bsa_low is None and patient.adult is True
    sure: list[tuple[Plain, str]] = []
    unsure: list[tuple[Plain, str]] = []
    excluded: list[tuple[Plain, str]] = []
    verdict: bool | None
    for r in m.dosing.regimens:
        p = r.population
        if adult_path and (p.max_bsa_m2 is not None or p.bsa_below_m2 is not None):
            verdict, why = False, f"for {describe.bsa_bounds(p)} (give --bsa)"
        else:
            verdict, why = covers(p, patient, bsa=not adult_path)
        (sure if verdict is True else unsure if verdict is None else excluded).append((r, why))
    who = _who(patient, adult_path)
    if len(sure) == 1 and not unsure:
        chosen = sure[0][0]
        low = chosen.population.min_bsa_m2
        if adult_path and low is not None:
            patient = replace(patient, bsa_low=decimal(low))
        return chosen, patient
    if not sure and not unsure:
        out.candidates = excluded
        youngest = _youngest(m.dosing.regimens)
        if patient.age is not None and youngest is not None and patient.age.months <= youngest[0]:
            out.refuse(f"no regimen in the monograph covers {who}: the youngest patients its regimens cover "
                       f"are {youngest[1]} (for younger children it records no dose; check the label)")
        else:
            out.refuse("the monograph gives no adult regimen (one for adults without an upper BSA bound); "
                       "give --bsa to choose a BSA band" if adult_path and patient.age is None
                       else f"no regimen in the monograph covers {who}")
        return None, patient
    out.candidates = [(r, "covers this patient") for r, _ in sure] + unsure
    out.ambiguous = True
    if not unsure:
        out.refuse(f"more than one regimen covers {who} and the monograph does not say which applies; "
                   "read the candidates")
        return None, patient
    hints = []
    if patient.age is None and any("give --age" in why for _, why in unsure):
        hints.append("the patient's age decides (give --age)")
    if patient.bsa_low is None and any("give --bsa" in why for _, why in unsure):
        hints.append("the BSA decides (give --bsa)")
    out.refuse(f"trkmono cannot tell which regimen applies to {who} without guessing"
               + "".join(f"; {hint}" for hint in hints) + "; read the candidates")
    return None, patient


def _youngest(regimens: list[Plain]) -> tuple[Decimal, str] | None:
    """(months, words) of the youngest age any regimen covers, when every regimen has a lower age
    bound; None when one has none (a regimen for any age)."""
    lows = []
    for r in regimens:
        for p in _alternatives(r.population):
            bound = p.min_age or p.age_above
            if bound is None:
                return None
            lows.append((_months(bound.value, bound.unit), describe.age_bounds(p).split(",")[0]))
    return min(lows, key=lambda low: low[0]) if lows else None


def _start(regimen: Plain, request: Request, out: Outcome) -> Step:
    """The starting dose (and lead-in) of the chosen regimen for this patient."""
    current, effect = _amount(regimen.dose, request.bsa_m2, "the starting dose")
    start = Step("start", "Starting dose", regimen, describe.population(regimen.population),
                 describe.regimen(regimen), applied=current is not None, effect=effect, dose=current)
    if current is None:
        out.refuse(effect)
    lead_in = regimen.lead_in
    if lead_in is not None and current is not None:
        amount, lead_effect = _amount(lead_in.dose, request.bsa_m2, "the lead-in dose")
        if amount is None:
            start.applied, start.dose, start.effect = False, None, lead_effect
            out.refuse(lead_effect)
        else:
            start.lead_in = LeadInDose(amount, lead_in.days, lead_in.condition)
            start.effect = f"{describe.lead_in(lead_effect, lead_in.days, lead_in.condition)}, then {effect}"
    if request.bsa_m2 is None and regimen.population.min_bsa_m2 is not None:
        start.notes.append(f"This regimen is for {describe.bsa_bounds(regimen.population)}; "
                           "for a smaller patient give --bsa.")
    out.steps.append(start)
    return start


def _rules(m: Plain, request: Request, patient: Patient, out: Outcome) -> list[_Rule]:
    """The rule for each condition asked, in order; a missing or unusable rule is a reason in ``out``."""
    found = []
    if request.reduction is not None:
        found.append(_reduction(m, request.reduction, request, patient, out))
    for kind, rules, condition, label in (
        ("hepatic", m.dosing.hepatic, request.hepatic, "hepatic impairment"),
        ("cyp3a4", m.dosing.cyp3a4, request.cyp3a, "CYP3A4"),
    ):
        if condition is not None:
            found.append(_adjustment(kind, label, rules, condition, patient, out))
    return [rule for rule in found if rule is not None]


def _reduction(m: Plain, n: int, request: Request, patient: Patient, out: Outcome) -> _Rule | None:
    """Step N of the ladder that covers the patient, with the lead-in ladder's step N when the
    regimen's phases have ladders of their own."""
    ladders = m.dosing.reductions
    if not ladders:
        out.steps.append(Step("reduction", f"Dose reduction step {n}", applied=False,
                              effect="no rule in the monograph"))
        out.refuse("the monograph gives no dose-reduction ladder")
        return None
    main = [lad for lad in ladders if lad.phase != "lead-in"]
    ladder = _ladder(main, n, request, patient, out)
    if ladder is None:
        return None
    if n > len(ladder.steps):
        _past_last_step(ladder, n, out)
        return None
    rung = ladder.steps[n - 1]
    step = Step("reduction", f"Dose reduction step {n} of {len(ladder.steps)}", ladder,
                describe.population(ladder.population), describe.dose(rung.dose))
    if rung.note:
        step.notes.append(rung.note)
    if n == len(ladder.steps):
        out.after_last_step = ladder.after_last_step
    out.steps.append(step)
    lead_in = [lad for lad in ladders if lad.phase == "lead-in"]
    lead_ladder, _ = _pick([(lad, lad.population) for lad in lead_in], patient) if lead_in else (None, "")
    lead_dose = lead_ladder.steps[n - 1].dose if lead_ladder is not None and n <= len(lead_ladder.steps) else None
    if lead_dose is not None:
        step.notes.append(f"During the lead-in phase: {describe.dose(lead_dose)} (the label's lead-in ladder).")
    return _Rule(step, f"dose-reduction step {n}", replace=rung.dose, lead_in_dose=lead_dose)


def _ladder(ladders: list[Plain], n: int, request: Request, patient: Patient, out: Outcome) -> Plain | None:
    """The ladder the patient is on: by the BSA now, unless a ladder's step binds a child who has
    grown out of its band (then --ladder-bsa, the BSA at which the ladder was chosen, decides)."""
    chosen_at = patient if request.ladder_bsa is None else replace(
        patient, bsa_low=request.ladder_bsa, bsa_high=request.ladder_bsa)
    ladder, why = _pick([(lad, lad.population) for lad in ladders], chosen_at)
    binding = [lad for lad in ladders if lad is not ladder and _binds(lad, n)
               and _bsa(lad.population, patient)[0] is False and patient.adult is not True]
    if request.ladder_bsa is not None:
        if ladder is not None and not _binds(ladder, n) and _bsa(ladder.population, patient)[0] is False:
            ladder, why = _pick([(lad, lad.population) for lad in ladders], patient)
    elif ladder is not None and binding:
        for lad in [ladder] + binding:
            out.steps.append(Step("reduction", f"Dose reduction step {n}: candidate ladder", lad,
                                  describe.population(lad.population), describe.dose(lad.steps[n - 1].dose)
                                  if n <= len(lad.steps) else lad.after_last_step, applied=False,
                                  notes=[s.note for s in lad.steps[n - 1:n] if s.note]))
        out.refuse(f"dose reduction: the label keeps a child on step {n} of the ladder for "
                   f"{describe.population(binding[0].population)} even when the BSA grows out of that band; "
                   "which ladder this child is on decides (give --ladder-bsa, the BSA when the ladder was chosen, "
                   "or --age 18 or more for an adult)")
        return None
    if ladder is None:
        for lad in ladders:
            out.steps.append(Step("reduction", "Dose-reduction ladder", lad, describe.population(lad.population),
                                  " → ".join(describe.dose(s.dose) for s in lad.steps), applied=False))
        out.refuse(f"dose reduction: {why}")
    return ladder


def _binds(ladder: Plain, n: int) -> bool:
    """True when step ``n`` (or an earlier one) of the ladder keeps a child on it as the BSA grows."""
    return any(s.stays_when_bsa_rises for s in ladder.steps[:n])


def _past_last_step(ladder: Plain, n: int, out: Outcome) -> None:
    """A step past the ladder's last: the label's discontinue rule, no dose."""
    out.steps.append(Step("reduction", f"Dose reduction step {n}: past the last step ({len(ladder.steps)})",
                          ladder, describe.population(ladder.population), ladder.after_last_step, applied=False,
                          effect="no further reduction in the label"))
    out.discontinue = ladder.after_last_step
    out.refuse(f"step {n} is past the label's last reduction step ({len(ladder.steps)}); the label says: "
               f"{ladder.after_last_step}")


def _adjustment(kind: str, label: str, rules: list[Plain], condition: str, patient: Patient,
                out: Outcome) -> _Rule | None:
    """The one hepatic or CYP3A4 rule for ``condition`` that covers the patient."""
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
                                  a.rule, avoid=a.avoid, amount_stated=describe.states_amount(a), applied=False,
                                  effect=describe.adjustment(a) + " (not applied)"))
        out.refuse(f"{label} {condition}: {why}")
        return None
    step = Step(kind, title, rule, describe.population(rule.population) if rule.population else None,
                rule.rule, avoid=rule.avoid, amount_stated=describe.states_amount(rule))
    out.steps.append(step)
    found = _Rule(step, f"the {label} {condition} rule", replace=rule.set_dose,
                  percent=None if rule.percent_change is None else decimal(rule.percent_change))
    if not step.amount_stated:
        step.applied = False
        step.effect = ("the label says to avoid this and gives no dose for when it cannot be avoided"
                       if rule.avoid else "the rule states no amount: no dose change is computed")
        out.refuse(f"the label says to avoid {label} {condition} and gives no dose for when it cannot be "
                   "avoided; nothing is computed" if rule.avoid else
                   f"the {label} {condition} rule states no amount, so trkmono computes no dose for it; "
                   "read the rule")
    return found


def _not_combined(modifiers: list[_Rule], out: Outcome) -> None:
    """Two or more rules change the dose: each is shown on its own, nothing is computed."""
    names = [rule.label for rule in modifiers]
    out.not_combined = [rule.step.kind for rule in modifiers]
    for rule in modifiers:
        if rule.step.applied:
            rule.step.applied = False
            rule.step.effect = _label_terms(rule) + " (shown on its own, not combined)"
        rule.step.notes.append("Shown on its own: the monograph does not say how it combines with "
                               + " or ".join(n for n in names if n != rule.label) + ".")
    out.refuse(f"the monograph does not say how {', '.join(names[:-1])} and {names[-1]} combine "
               "(the label's hepatic and CYP3A4 rules change the starting dose); each rule is shown on its "
               "own and no dose is computed")


def _apply(rule: _Rule, current: Amount | None, request: Request, out: Outcome) -> Amount | None:
    """The dose after ``rule`` (the only modifier, or a 'no adjustment' rule); None: not applied."""
    step = rule.step
    if current is None:
        if step.applied:
            step.applied = False
            step.effect = _label_terms(rule) + " (not applied: no dose is computed)"
        return None
    if rule.no_change:
        step.effect = f"no dose adjustment (0%): {current} unchanged"
        step.dose = current
        return current
    if rule.percent is not None:
        new = current.mg * (1 + rule.percent / 100)
        sign = "+" if rule.percent > 0 else "−"
        step.effect = f"{mg(current.mg)} mg {sign} {mg(abs(rule.percent))}% = {mg(new)} mg"
        step.dose = Amount(new, current.frequency)
        cap = out.regimen.dose.max_mg if out.regimen is not None else None
        if cap is not None and new > decimal(cap):
            step.applied = False
            step.effect += (f", above the label's maximum of {describe.number(cap)} mg per dose for this "
                            f"population ({mg(decimal(cap))} mg {current.frequency})")
            out.refuse(f"{rule.label} gives {mg(new)} mg, above the label's maximum of {describe.number(cap)} mg "
                       "per dose for this population; the label does not say which applies, so no dose is computed")
            return None
        return step.dose
    assert rule.replace is not None  # a rule stating neither a percent nor a dose was refused
    amount, effect = _amount(rule.replace, request.bsa_m2, rule.label)
    step.effect = effect if step.kind == "reduction" or amount is None else "use instead: " + effect
    if amount is None:
        step.applied = False
        out.refuse(effect)
    step.dose = amount
    return amount


def _label_terms(rule: _Rule) -> str:
    """What a rule does, in the label's terms (no arithmetic)."""
    if rule.step.kind == "reduction" and rule.replace is not None:  # a reduction replaces, always
        return describe.dose(rule.replace)
    assert rule.step.source is not None  # an adjustment's step rests on its rule
    return describe.adjustment(rule.step.source)


# ---------------------------------------------------------------------------------------------
# who a population covers


def _pick(items: list[tuple[Plain, Plain | None]], patient: Patient) -> tuple[Plain | None, str]:
    """The single item whose population surely covers the patient, else None and why."""
    sure, unsure, excluded = [], [], []
    for item, population in items:
        verdict, why = (True, "") if population is None else covers(population, patient)
        if verdict is True or population is None:
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


def covers(p: Plain, patient: Patient, bsa: bool = True) -> tuple[bool | None, str]:
    """Whether a population covers the patient: True, False, or None (cannot tell), and why.

    ``bsa=False`` leaves the BSA bounds out (the adult regimen without --bsa).
    """
    verdicts = [_group(p, patient), _age(p, patient)] + ([_bsa(p, patient)] if bsa else [])
    if p.any_of:
        verdicts.append(_any_of(p.any_of, patient, bsa))
    for verdict, why in verdicts:
        if verdict is False:
            return False, why
    unknown = [why for verdict, why in verdicts if verdict is None]
    return (None, "; ".join(unknown)) if unknown else (True, "")


def _any_of(alternatives: list[Plain], patient: Patient, bsa: bool) -> tuple[bool | None, str]:
    """True when one alternative covers the patient, False when none can, else None."""
    verdicts = [covers(p, patient, bsa) for p in alternatives]
    if any(verdict is True for verdict, _ in verdicts):
        return True, ""
    unknown = [why for verdict, why in verdicts if verdict is None]
    if unknown:
        return None, " or ".join(unknown)
    return False, " and ".join(why for _, why in verdicts)


def _group(p: Plain, patient: Patient) -> tuple[bool | None, str]:
    """Adult or paediatric; explicit age bounds, where the population has them, decide instead."""
    if p.group == "adult-and-paediatric":
        return True, ""
    if p.group == "adult":
        if p.min_age is not None or p.age_above is not None or patient.adult is True:
            return True, ""
        if patient.adult is False:
            return False, "for adults only"
        if patient.age is None:
            return None, "for adults only, and a BSA does not tell whether the patient is an adult (give --age)"
        return None, (f"for adults only, and at {patient.age} whether a patient counts as an adult differs "
                      f"between labels (from {mg(ADULT_MIN_AGE_YEARS)} or {mg(ADULT_AGE_YEARS)} years)")
    if p.age_below is None and patient.adult is True:
        return False, "for children only"
    return True, ""


def _months(value: float, unit: str) -> Decimal:
    return decimal(value) * (12 if unit == "years" else 1)


def _age(p: Plain, patient: Patient) -> tuple[bool | None, str]:
    bounds = describe.age_bounds(p)
    if not bounds:
        return True, ""
    lowest = p.min_age or p.age_above
    low = _months(lowest.value, lowest.unit) if lowest else None
    below = _months(p.age_below.value, p.age_below.unit) if p.age_below else None
    if patient.age is not None:
        months = patient.age.months
        above_low = low is None or months > low or (months == low and p.min_age is not None)
        inside = above_low and (below is None or months < below)
        return (True, "") if inside else (False, f"for {bounds}")
    if patient.adult is True:
        adult_months = ADULT_AGE_YEARS * 12  # no --age: an adult, as every label counts one
        if below is not None and below <= adult_months:
            return False, f"for {bounds} only"
        if below is None and low is not None and low <= adult_months:
            return True, ""
    return None, f"it depends on age ({bounds}); give --age"


def _bsa(p: Plain, patient: Patient) -> tuple[bool | None, str]:
    low, high, below, above = p.min_bsa_m2, p.max_bsa_m2, p.bsa_below_m2, p.bsa_above_m2
    if low is None and high is None and below is None and above is None:
        return True, ""
    bounds = describe.bsa_bounds(p)
    lo, hi = patient.bsa_low, patient.bsa_high
    if ((hi is not None and low is not None and hi < decimal(low))
            or (hi is not None and above is not None and hi <= decimal(above))
            or (lo is not None and high is not None and lo > decimal(high))
            or (lo is not None and below is not None and lo >= decimal(below))):
        return False, f"for {bounds}"
    inside_low = ((low is None or (lo is not None and lo >= decimal(low)))
                  and (above is None or (lo is not None and lo > decimal(above))))
    inside_high = ((high is None and below is None)
                   or (hi is not None and (hi <= decimal(high) if high is not None else hi < decimal(below))))
    if inside_low and inside_high:
        return True, ""
    return None, f"for {bounds}, and the patient's BSA is not given (give --bsa)"


# ---------------------------------------------------------------------------------------------
# amounts and forms


def _amount(dose: Plain, bsa: Decimal | None, what: str) -> tuple[Amount | None, str]:
    """The mg of a dose for this patient with the arithmetic in words, or None and why not.

    Without --bsa (the adult regimen) a dose per m2 cannot be computed: trkmono has no adult BSA
    to multiply by.
    """
    amount = decimal(dose.amount)
    if dose.unit == "mg":
        return Amount(amount, dose.frequency), f"{mg(amount)} mg {dose.frequency}"
    if bsa is None:
        return None, (f"{what} is {describe.dose(dose)}, per m2 of body surface area, and without --bsa "
                      "trkmono has no BSA to multiply by; nothing is computed")
    exact = amount * bsa
    effect = f"{mg(amount)} mg/m2 × {mg(bsa)} m2 = {mg(exact)} mg"
    if dose.max_mg is not None and exact > decimal(dose.max_mg):
        exact = decimal(dose.max_mg)
        effect += f", above the maximum of {mg(exact)} mg per dose, so {mg(exact)} mg"
    return Amount(exact, dose.frequency), effect + f" {dose.frequency}"


def _forms(m: Plain, regimen: Plain, dose: Amount,
           lead_in: LeadInDose | None) -> tuple[list[Volume], list[Plain]]:
    """Oral-solution volumes of the doses, and the solid forms' strengths (never used to round)."""
    allowed = {f.casefold() for f in regimen.formulations}
    doses = ([(lead_in.dose, True)] if lead_in else []) + [(dose, False)]
    volumes, solids = [], []
    for formulation in m.identity.formulations:
        if allowed and formulation.form.casefold() not in allowed:
            continue
        per_ml = [s for s in formulation.strengths if s.unit.replace(" ", "").casefold() == "mg/ml"]
        for strength in per_ml:
            for amount, is_lead_in in doses:
                exact = amount.mg / decimal(strength.amount)
                shown = exact.quantize(ML, rounding=ROUND_HALF_UP)
                volumes.append(Volume(formulation, strength, shown, shown == exact, is_lead_in))
        if not per_ml:
            solids.append(formulation)
    return volumes, solids
