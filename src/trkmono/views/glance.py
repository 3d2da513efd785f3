"""What ``show`` puts first: a monograph at a glance, as rows of cited items (no rich).

Each row is one thing a prescriber looks for (indication, adult and paediatric dose, forms, the
reduction ladder, hepatic, renal and CYP3A4 handling, key warnings, monitoring, how current it
is). Every item is a monograph statement, or a phrase built from one, with the statement itself
for its citation marker. views.builders.monograph makes them the rows of the document; a terminal
shows as many items of a row as fit its lines, Markdown all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe
from trkmono.views.citations import label_revision


@dataclass(frozen=True)
class Item:
    """One cited thing: ``lead`` (the value: a dose, a title) then ``text`` (its context). A view
    shows an item whole or not at all (then '+N more'); it never cuts one. ``text`` is the
    curator's short form where the statement has one."""

    lead: str
    text: str = ""
    claim: Plain | None = None


@dataclass(frozen=True)
class Row:
    """A labelled row; ``one_per_line`` rows show each item on its own line, the others join
    their items with '; '. ``section`` is where the rest of the row is found."""

    label: str
    items: list[Item]
    section: str
    one_per_line: bool = False
    lines: int = 1
    """How many lines the row may take in a view that fits one screen (its first item is shown
    whole even when it needs more)."""
    every: bool = False
    """Every item is shown, whatever the lines (the region's 'avoid' interactions)."""
    optional: bool = False
    """An empty row is left out silently (not named as 'not given')."""


def rows(m: Plain) -> list[Row]:
    """The at-a-glance rows of a monograph, in reading order."""
    return [
        Row("Indication", _indications(m), "indications", one_per_line=True, lines=3),
        *_dose_rows(m),
        Row("Forms", [Item(f"{f.form} {strengths(f.strengths)}", "", f) for f in m.identity.formulations]
            or [Item("", m.identity.route.text, m.identity.route)], "dosing"),
        Row("Reductions", [Item(ladder_steps(ladder), _short(ladder, _ladder_population(ladder)), ladder)
                           for ladder in m.dosing.reductions], "dosing", one_per_line=True, lines=2),
        Row("Hepatic", [_rule(a, hepatic_class(a.condition)) for a in m.dosing.hepatic], "dosing", lines=2),
        Row("Renal", [_rule(a, a.condition) for a in m.dosing.renal], "dosing", lines=2),
        Row("CYP3A4", [_rule(a, a.condition.replace("-", " "), scoped=True) for a in m.dosing.cyp3a4],
            "dosing", lines=3),
        Row("Avoid", [Item(f"{i.agent}:", _short(i, i.action), i) for i in _ranked(m.dosing.other_interactions)
                      if i.avoid], "dosing", one_per_line=True, every=True, optional=True),
        Row("Interacts", [Item(f"{i.agent}:", _short(i, i.action), i) for i in _ranked(m.dosing.other_interactions)
                          if not i.avoid and i.glance is not None], "dosing", one_per_line=True, lines=2,
            optional=True),
        Row("Warnings", _warnings(m), "safety", lines=2),
        Row("Monitoring", [Item("", _short(s, s.text), s) for s in m.safety.monitoring], "safety", one_per_line=True,
            lines=2),
    ]


def elsewhere(m: Plain) -> str:
    """One line on what other regions' labels say differently: 'EU, UK labels differ in indications,
    dosing (--region EU)'; '' when nothing was left out for the chosen region."""
    differ = getattr(m, "elsewhere", None) or {}
    if not differ:
        return ""
    regions = list(dict.fromkeys(r for found in differ.values() for r in found))
    sections = ", ".join(section.replace("_", " ") for section in differ)
    return (f"{', '.join(regions)} label{'s differ' if len(regions) > 1 else ' differs'} in {sections} "
            f"(--region {regions[0]})")


def currency(m: Plain) -> Item:
    """How current the monograph is: the newest regulatory label's revision, and the review date."""
    label = label_revision(m)
    reviewed = f"reviewed {m.review.last_reviewed}"
    if label is None:
        return Item("no regulatory label cited", reviewed)
    claim = Plain(cite=[label.id], at={}, evidence="confirmed")
    return Item(f"label revised {label.revision_date or label.date}", reviewed, claim)


UNRESTRICTED_FOOD = "with or without food"


def regimen(r: Plain, food: bool = True) -> str:
    """'160 mg once daily for 14 days, then 160 mg twice daily, with or without food'; without
    ``food``, the relation to meals only when it restricts them ('with food')."""
    if food or r.food != UNRESTRICTED_FOOD:
        return describe.regimen(r)
    return describe.with_lead_in(r, describe.dose(r.dose) + (f" ({', '.join(r.formulations)})" if r.formulations
                                                             else ""))


def strengths(values: list) -> str:
    """'25, 100 mg' when the unit is shared, else '20 mg/mL, 50 mg'."""
    units = {s.unit for s in values}
    if len(units) == 1:
        return ", ".join(describe.number(s.amount) for s in values) + f" {values[0].unit}"
    return ", ".join(f"{describe.number(s.amount)} {s.unit}" for s in values)


def ladder_steps(ladder: Plain) -> str:
    """'75 → 50 mg twice daily → 100 mg once daily': the unit and frequency once per run."""
    doses = [s.dose for s in ladder.steps]
    parts = []
    for index, dose in enumerate(doses):
        last_of_run = index + 1 == len(doses) or _unit(doses[index + 1]) != _unit(dose)
        parts.append(describe.dose(dose) if last_of_run else describe.number(dose.amount))
    return " → ".join(parts)


def _ladder_population(ladder: Plain) -> str:
    """Who a ladder is for, with its phase when it reduces one phase of a regimen."""
    phase = f"{ladder.phase} phase; " if ladder.phase else ""
    return phase + describe.population(ladder.population)


def _unit(dose: Plain) -> tuple:
    return dose.unit, dose.frequency, dose.max_mg


def hepatic_class(condition: str) -> str:
    """'child-pugh-b' -> 'Child-Pugh B'."""
    words = condition.split("-")
    return "-".join(w.capitalize() for w in words[:-1]) + " " + words[-1].upper() if len(words) > 1 else condition


def scope(p: Plain | None) -> str:
    """A population's bounds in a few words ('age ≥ 12 years, BSA ≥ 1.51 m2'), '' without any."""
    return ", ".join(part for part in (describe.age_bounds(p), describe.bsa_bounds(p)) if part) if p else ""


def _rule(a: Plain, condition: str, scoped: bool = False) -> Item:
    """'condition: what the rule does'; a rule stating no amount (and not to avoid) in its own words."""
    where = (a.population.description or scope(a.population)) if scoped and a.population else ""
    does = describe.adjustment(a) if describe.states_amount(a) or a.avoid else a.rule
    return Item(condition + (f" ({where})" if where and not a.short else "") + ":", _short(a, does), a)


def _short(claim: Plain, full: str) -> str:
    """The curator's short form of a statement, else its full text."""
    return claim.short or full


def _ranked(items: list) -> list:
    """Items by the curator's first-screen rank (1 first), unranked last in file order."""
    return sorted(items, key=lambda item: (item.glance is None, item.glance or 0))


def _indications(m: Plain) -> list[Item]:
    return [Item(f"{ind.regulator}" + (f", {describe.event_kind(ind.approval)}" if ind.approval else "") + ":",
                 _short(ind, ind.text), ind) for ind in m.indications]


def _dose_rows(m: Plain) -> list[Row]:
    """Adult and child doses; one 'Dose' row saying why there is none when no dose is labelled."""
    if not m.dosing.regimens:
        unlabelled = m.dosing.unlabelled
        return [Row("Dose", [Item("no labelled dose", "", unlabelled)] if unlabelled else [], "dosing")]
    return [Row("Adult dose", _doses(m, {"adult", "adult-and-paediatric"}), "dosing", one_per_line=True, lines=2),
            Row("Child dose", _doses(m, {"paediatric", "adult-and-paediatric"}), "dosing", one_per_line=True,
                lines=4)]


def _doses(m: Plain, groups: set[str]) -> list[Item]:
    """Each regimen's dose (led by its bounds when the row has several) and its population in words."""
    regimens = [r for r in m.dosing.regimens if r.population.group in groups]
    items = []
    for r in regimens:
        bounds = (describe.bsa_bounds(r.population) or scope(r.population)) if len(regimens) > 1 else ""
        shared = len(groups) == 2 and "paediatric" in groups and r.population.group == "adult-and-paediatric"
        context = "" if shared else _short(r, describe.population(r.population))  # said in the adult row
        items.append(Item((f"{bounds}: " if bounds else "") + regimen(r, food=False), context, r))
    return items


def _warnings(m: Plain) -> list[Item]:
    """The boxed warning, then the warnings the curator ranked for the first screen, in rank order
    (the rest are counted as '+N more in Safety')."""
    boxed = m.safety.boxed_warning
    items = [Item("BOXED WARNING:", _short(boxed, boxed.text or ""), boxed)] if boxed is not None and boxed.present else []
    return items + [Item(w.title, w.short or "", w) for w in _ranked(m.safety.warnings)]
