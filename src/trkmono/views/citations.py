"""What every view of the clinical tools shares without rich: which statements an answer used,
and the CYP3A4 rules grouped by condition."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from trkmono.model import phrases as describe
from trkmono.terms import CYP3A_CONDITIONS

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.clinical.dose import Outcome
    from trkmono.clinical.resistance import Finding
    from trkmono.model.schema import Adjustment, Cited, Monograph


def cited_ids(sources: Iterable[Cited | None]) -> list[str]:
    return list(dict.fromkeys(ref for s in sources if s is not None for ref in s.cite))


def dose_sources(outcome: Outcome) -> list[Cited | None]:
    return ([s.source for s in outcome.steps] + [v.formulation for v in outcome.volumes]
            + list(outcome.strengths) + [r for r, _ in outcome.candidates] + list(outcome.other_regimens))


def cyp3a_groups(m: Monograph) -> list[tuple[str, list[Adjustment]]]:
    """The four CYP3A4 conditions (each with its rules, possibly none), then any other condition."""
    groups = {c: [] for c in CYP3A_CONDITIONS}
    for a in m.dosing.cyp3a4:
        groups.setdefault(a.condition.strip().casefold(), []).append(a)
    return list(groups.items())


def cyp3a_effect(a: Adjustment) -> str:
    """describe.adjustment, but a rule without an amount says so instead of 'no dose change'."""
    if a.percent_change is None and a.set_dose is None:
        return "avoid" if a.avoid else "no amount stated (read the rule)"
    return describe.adjustment(a)


def resistance_references(findings: Iterable[Finding]) -> list[tuple[Monograph, list[str]]]:
    groups: dict[str, tuple[Monograph, list[str]]] = {}
    for f in findings:
        m, ids = groups.setdefault(f.monograph.id, (f.monograph, []))
        ids += [c for c in f.finding.cite if c not in ids]
    return list(groups.values())
