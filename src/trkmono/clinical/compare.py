"""Side-by-side comparison of monographs: rows of cells, each cell with its citations and tier.

A cell's tier is the weakest tier among the references behind it, so a cell never looks better
supported than its weakest statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from trkmono import terms
from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe


@dataclass(frozen=True)
class Cell:
    """What one drug's monograph says about one aspect."""

    lines: list[str]
    cite: list[str] = field(default_factory=list)
    tier: terms.Tier | None = None
    evidence: str = "confirmed"


@dataclass(frozen=True)
class Row:
    """One aspect across the compared drugs."""

    aspect: str
    cells: list[Cell]


Claim = tuple[str, Plain]


def cell(monograph: Plain, claims: list[Claim], empty: str = "not stated") -> Cell:
    """A cell from (text, statement) pairs, with the union of citations and the weakest tier."""
    if not claims:
        return Cell([empty])
    cite = list(dict.fromkeys(ref for _, c in claims for ref in c.cite))
    tiers = {r.id: r.tier for r in monograph.references}
    ranks = [terms.TIERS.index(tiers[ref]) for ref in cite if ref in tiers]
    tier = terms.TIERS[max(ranks)] if ranks else None
    return Cell([text for text, _ in claims if text], cite, tier, weakest_evidence(c.evidence for _, c in claims))


def weakest_evidence(statuses) -> str:
    """The weakest of some evidence statuses ('confirmed' when there are none)."""
    return max(statuses, key=terms.EVIDENCE_STATUSES.index, default="confirmed")


def _status(m: Plain) -> list[Claim]:
    """The stage, then each regulator's latest event the region's reading keeps (its own first)."""
    claims: list[Claim] = [(m.status.stage, m.status)]
    if m.status.get("scope"):
        claims.append((m.status.scope.text, m.status.scope))
    region = getattr(m, "region", None)
    histories = sorted(m.status.regulators, key=lambda h: h.region != region)
    for history in histories:
        if history.events:
            latest = history.events[-1]
            claims.append((f"{history.regulator}: {describe.event(latest)} ({latest.date})", latest))
    return claims


def _targets(m: Plain) -> list[Claim]:
    """One line naming every target, backed by every target's citations."""
    first, *rest = m.identity.targets
    return [(", ".join(t.name for t in m.identity.targets), first)] + [("", t) for t in rest]


def _regimens(groups: set[str]) -> Callable[[Plain], list[Claim]]:
    def claims(m: Plain) -> list[Claim]:
        found = [
            (f"{describe.population(r.population)}: {describe.regimen(r)}", r)
            for r in m.dosing.regimens
            if r.population.group in groups
        ]
        if not found and m.dosing.unlabelled:
            return [(m.dosing.unlabelled.text, m.dosing.unlabelled)]
        return found
    return claims


def _ladders(m: Plain) -> list[Claim]:
    return [
        (f"{describe.population(ladder.population)}: "
         + " → ".join(describe.dose(s.dose) for s in ladder.steps), ladder)
        for ladder in m.dosing.reductions
    ]


def _adjustments(field_name: str) -> Callable[[Plain], list[Claim]]:
    def claims(m: Plain) -> list[Claim]:
        return [
            (f"{a.condition}: {describe.adjustment(a)}", a)
            for a in getattr(m.dosing, field_name)
        ]
    return claims


def _warnings(m: Plain) -> list[Claim]:
    boxed = m.safety.boxed_warning
    unread = "boxed warning: not known (no label text was available)"
    claims: list[Claim] = ([(unread if m.status.stage == "approved" else f"no approved label ({m.status.stage})",
                             m.status)] if boxed is None else
                           [("boxed warning: " + ("yes" if boxed.present else "none"), boxed)])
    return claims + [(w.title, w) for w in m.safety.warnings]


def _responses(m: Plain) -> list[Claim]:
    return [
        (f"{t.name}: ORR {describe.number(t.orr_percent)}%" + (f" (n={t.n})" if t.n else ""), t)
        for t in m.efficacy.trials
        if t.orr_percent is not None
    ]


_ABOUT_THE_MONOGRAPH = Plain(cite=[], evidence="confirmed")
"""A line about what the monograph holds, not a clinical statement: it cites nothing."""


def _interactions(m: Plain) -> list[Claim]:
    """The CYP3A4 conditions with a rule (avoid marked), those without one, then other interactions.

    A condition without a rule is named, so an empty line never reads as "no interaction".
    """
    rules = m.dosing.cyp3a4
    claims: list[Claim] = []
    if rules:
        conditions = dict.fromkeys(f"{a.condition}{' (avoid)' if a.avoid else ''}" for a in rules)
        summary = Plain(cite=list(dict.fromkeys(ref for a in rules for ref in a.cite)),
                        evidence=weakest_evidence(a.evidence for a in rules))
        claims.append((f"CYP3A4 rules: {', '.join(conditions)}", summary))
    unruled = [c for c in terms.CYP3A_CONDITIONS if c not in {a.condition for a in rules}]
    if unruled:
        claims.append((f"CYP3A4, the monograph gives no rule for: {', '.join(unruled)}", _ABOUT_THE_MONOGRAPH))
    return claims + [(f"{i.agent}: {i.action}", i) for i in m.dosing.other_interactions]


def _patient_selection(m: Plain) -> list[Claim]:
    return [(s.text, s) for s in m.patient_selection]


ASPECTS: dict[str, tuple[str, Callable[[Plain], list[Claim]]]] = {
    "adult-dose": ("Adult dose", _regimens({"adult", "adult-and-paediatric"})),
    "paediatric-dose": ("Paediatric dose", _regimens({"paediatric", "adult-and-paediatric"})),
    "dose-reductions": ("Dose reductions", _ladders),
    "hepatic": ("Hepatic impairment", _adjustments("hepatic")),
    "cyp3a4": ("CYP3A4", _adjustments("cyp3a4")),
    "interactions": ("Interactions", _interactions),
    "warnings": ("Key warnings", _warnings),
    "status": ("Status", _status),
    "patient-selection": ("Patient selection", _patient_selection),
    "targets": ("Targets", _targets),
    "response": ("Response rates", _responses),
}
"""Each aspect (terms.COMPARE_ASPECTS, in that order): its title and the claims of one drug."""


def compare(monographs: list[Plain], aspects: list[str] | None = None) -> list[Row]:
    """One row per aspect (all, dose first, unless some are chosen), one cell per monograph."""
    chosen = [a for a in terms.COMPARE_ASPECTS if not aspects or a in aspects]
    return [Row(ASPECTS[a][0], [cell(m, ASPECTS[a][1](m)) for m in monographs]) for a in chosen]
