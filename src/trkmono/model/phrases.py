"""Plain-language phrases for structured monograph values (doses, populations, rules).

Shared by every view so a dose reads the same in the terminal, in JSON summaries and in Markdown.
The read commands pass compiled data (``Plain``); the search records are cut from the models when a
monograph is compiled, so the phrases they use (a dose, a population, a rule's effect) take either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.compiled.plain import Plain

if TYPE_CHECKING:
    from trkmono.model.schema import Adjustment, Age, Dose, Population


NOTICE = ("For information only; not medical advice. Always check the current official label "
          "and local protocols before acting.")

def region_words(m: Plain) -> str:
    """'US label (FDA)': whose label a region view follows; '' for a monograph read without one."""
    from trkmono.terms import REGION_REGULATORS
    region = getattr(m, "region", None)
    return f"{region} label ({REGION_REGULATORS[region]})" if region else ""


def label_in_region(m: Plain) -> str:
    """'US label (FDA)'; 'no US label (labels held: CN)'; 'no regulator's label' for a drug without one."""
    region, held = getattr(m, "region", None), getattr(m, "regions_held", None) or []
    if region is None:
        return ""
    if not held:
        return "no regulator's label"
    if region not in held:
        return f"no {region} label (labels held: {', '.join(held)})"
    return region_words(m)


def brand_names(identity: Plain) -> list[str]:
    """Brand names once each, in the order written (a brand may be listed per market)."""
    return list(dict.fromkeys(b.name for b in identity.brands))


def number(value: float) -> str:
    """12.0 -> '12', 0.5 -> '0.5'."""
    return f"{value:g}"


def dose(d: Dose | Plain) -> str:
    """'100 mg/m2 twice daily (max 100 mg per dose)'."""
    text = f"{number(d.amount)} {d.unit} {d.frequency}"
    return text + (f" (max {number(d.max_mg)} mg per dose)" if d.max_mg else "")


def age(a: Age | Plain) -> str:
    """'1 month', '12 years'."""
    unit = a.unit[:-1] if a.value == 1 else a.unit
    return f"{number(a.value)} {unit}"


def population(p: Population | Plain) -> str:
    """The source's description, else one built from the bounds (alternatives joined by 'or')."""
    if p.description:
        return p.description
    if p.any_of:
        return " or ".join(f"({population(alternative)})" for alternative in p.any_of)
    parts = [{"adult-and-paediatric": "adults and children"}.get(p.group, p.group + "s"), age_bounds(p),
             bsa_bounds(p)]
    return ", ".join(part for part in parts if part)


def age_bounds(p: Population | Plain) -> str:
    """'age ≥ 12 years', 'age > 6 months, age < 18 years', or ''."""
    return ", ".join(text for text in (
        f"age ≥ {age(p.min_age)}" if p.min_age else "",
        f"age > {age(p.age_above)}" if p.age_above else "",
        f"age < {age(p.age_below)}" if p.age_below else "") if text)


def bsa_bounds(p: Population | Plain) -> str:
    """'BSA 0.51–0.80 m2', 'BSA ≥ 1.0 m2', 'BSA < 1.0 m2', or ''."""
    low, high, below = p.min_bsa_m2, p.max_bsa_m2, p.bsa_below_m2
    if p.bsa_above_m2 is not None:
        above = f"BSA > {number(p.bsa_above_m2)} m2"
        return above + (f", ≤ {number(high)} m2" if high else f", < {number(below)} m2" if below else "")
    if low is not None and high:
        return f"BSA {number(low)}–{number(high)} m2"
    if low is not None and below:
        return f"BSA {number(low)} to < {number(below)} m2"
    if low is not None:
        return f"BSA ≥ {number(low)} m2"
    if high is not None:
        return f"BSA ≤ {number(high)} m2"
    if below is not None:
        return f"BSA < {number(below)} m2"
    return ""


def regimen(r: Plain) -> str:
    """'100 mg twice daily, with or without food', after its lead-in when it has one."""
    forms = f" ({', '.join(r.formulations)})" if r.formulations else ""
    return with_lead_in(r, f"{dose(r.dose)}, {r.food}{forms}")


def with_lead_in(r: Plain, main: str) -> str:
    """'160 mg once daily for 14 days (lead-in), then 160 mg twice daily, ...' (main alone without one)."""
    lead = r.get("lead_in")
    return main if not lead else f"{lead_in(dose(lead.dose), lead.days, lead.condition)}, then {main}"


def lead_in(dose_text: str, days: int, condition: str | None = None) -> str:
    """'160 mg once daily for 14 days (lead-in)', with the label's condition when it gives one."""
    return f"{dose_text} for {days} day{'s' if days != 1 else ''} (lead-in)" + (f", {condition}" if condition else "")


def states_amount(a: Adjustment | Plain) -> bool:
    """Whether a dose rule states an amount (a percent change or a dose to use)."""
    return a.percent_change is not None or a.set_dose is not None


def adjustment(a: Adjustment | Plain) -> str:
    """What a dose rule does, the one wording of every answer: 'avoid; if unavoidable, reduce dose by
    50%', 'use 100 mg once daily', 'no dose adjustment'; a rule stating no amount says so."""
    effects = []
    if a.percent_change == 0:
        effects.append("no dose adjustment")
    elif a.percent_change is not None:
        verb = "reduce" if a.percent_change < 0 else "increase"
        effects.append(f"{verb} dose by {number(abs(a.percent_change))}%")
    if a.set_dose is not None:
        effects.append(f"use {dose(a.set_dose)}")
    if a.avoid:
        return "avoid" + (f"; if unavoidable, {effects[0]}" if effects else "")
    return effects[0] if effects else "no amount stated (read the rule)"


def no_boxed_warning(m: Plain) -> str:
    """Why a monograph states no boxed warning: no label exists, or none was available to read."""
    if m.status.stage == "approved":
        return "not known (no label text was available)"
    return "not applicable (no approved label)"


def event(e: Plain) -> str:
    """'accelerated approval', 'priority review (pending, decision due 2026-06-23)'."""
    kind = event_kind(e.kind)
    if not e.get("pending"):
        return kind
    return kind + (f" (pending, decision due {e.decision_due})" if e.get("decision_due") else " (pending)")


def event_kind(kind: str) -> str:
    """'accelerated-approval' -> 'accelerated approval'."""
    return kind.replace("-", " ")


def reference_line(r: Plain) -> str:
    """'Title. Publisher, 2025-04-10. <url>'."""
    parts = [r.title.rstrip(".") + ".", r.publisher + (f", {r.date}" if r.date else "") + "."]
    if r.url:
        parts.append(r.url)
    return " ".join(parts)


def region_status(m: Plain) -> str:
    """The drug's status under the chosen region's regulator (US without one): its latest event,
    or, when the region's indications differ in status, each kind by indication."""
    from trkmono.terms import DEFAULT_REGION
    region = getattr(m, "region", None) or DEFAULT_REGION
    histories = [h for h in m.status.regulators if h.region == region]
    if not histories:
        return m.status.stage if m.status.stage != "approved" else f"not approved in the {region}"
    kinds = list(dict.fromkeys(ind.approval for ind in m.indications
                               if ind.approval and (not ind.regions or region in ind.regions)))
    if len(kinds) > 1:
        return " and ".join(event_kind(k) for k in kinds) + ", by indication"
    latest = [e for h in histories for e in h.events][-1]
    return f"{event(latest)} ({latest.date})"
