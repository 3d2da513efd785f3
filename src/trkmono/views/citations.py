"""The one citation style of every view, and what the views of the clinical tools share (no rich).

Every output numbers the references it cites [1], [2], ... and lists them at its end. A claim is
followed by its marker (``[3]``, or ``[3 §2.3]`` when the monograph says where in reference 3 it
stands) and, unless it is confirmed, by a short evidence tag: ``(corroborated)`` or ``(unconfirmed)``.
The legend says so once per output. ``show`` numbers a monograph's references in their own order,
so ``[3]`` means the same reference in every ``show`` of that drug; the other outputs number them
in the order they are first cited.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trkmono.clinical.compare import weakest_evidence
from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe
from trkmono.terms import CYP3A_CONDITIONS

if TYPE_CHECKING:
    from trkmono.clinical.dose import Outcome
    from trkmono.clinical.resistance import Finding


EVIDENCE_MEANINGS = {
    "confirmed": "a regulatory or peer-reviewed text that was read states it",
    "corroborated": "only reproductions of the label or other secondary sources agree, at least two "
                    "independent ones",
    "unconfirmed": "one secondary source alone, or sources that disagree",
}
"""What each evidence status means; a confirmed claim carries no tag."""

LEGEND = ("[n §x]: reference n (at §x in it) · no tag: confirmed · (corroborated): only secondary sources "
          "agree · (unconfirmed): a single secondary source, or disputed")
"""Said once per output, wherever markers and tags appear."""


def together(claims: list[Plain]) -> Plain:
    """One citation for several claims (a list of targets): all their references, the weakest status."""
    return Plain(cite=list(dict.fromkeys(ref for c in claims for ref in c.cite)), at={},
                 evidence=weakest_evidence(c.evidence for c in claims))


def evidence_tag(status: str) -> str:
    """'' for a confirmed claim, else the status in parentheses: '(corroborated)', '(unconfirmed)'."""
    return "" if status == "confirmed" else f"({status})"


@dataclass(frozen=True)
class Listed:
    """One numbered reference of an output: its number, its drug and the reference itself."""

    number: int
    monograph: Plain | None
    ref_id: str
    reference: Plain | None


class Numbering:
    """The references one output cites, numbered [1], [2], ... in the order they are first cited.

    A reference is known by its drug and its id, so outputs about several drugs number each
    drug's references apart. A marker given without its drug (a single-drug output) takes its
    drug from ``resolve`` before the list is printed.
    """

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._monographs: dict[tuple[str, str], Plain] = {}
        self._cited: set[int] = set()

    def follow(self, m: Plain) -> None:
        """Number the monograph's references in its own order (as ``show`` does)."""
        for r in m.references:
            self.number(r.id, m)

    def number(self, ref_id: str, m: Plain | None = None) -> int:
        """The number of a reference, given the next one when first cited."""
        key = (m.id if m is not None else "", ref_id)
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
        if m is not None:
            self._monographs[key] = m
        return self._numbers[key]

    def brackets(self, claim: Plain | None, m: Plain | None = None, space: str = " ",
                 locators: bool = True) -> str:
        """'[1, 3 §2.3]': a claim's references with their locators ('' without citations).

        ``space`` joins the marker's parts: the terminal gives a space it never breaks at, so a
        marker never splits across lines. A summary may leave the locators out.
        """
        if claim is None or not claim.cite:
            return ""
        at = (getattr(claim, "at", None) or {}) if locators else {}
        parts = sorted((self.number(ref, m), at.get(ref)) for ref in dict.fromkeys(claim.cite))
        for number, _ in parts:
            self._cited.add(number)
        separator = ";" if any(where for _, where in parts) else ","  # a locator may hold a comma
        return "[" + f"{separator}{space}".join(f"{first}{space}{space.join(where.split())}" if where else
                                                f"{first}–{last}" if last != first else str(first)
                                                for first, last, where in _runs(parts)) + "]"

    def resolve(self, groups: Iterable[tuple[Plain, Iterable[str]]]) -> None:
        """Number the references of ``groups`` (drug, ids) not cited yet, and give markers made
        without a drug the drug whose references hold their id."""
        for m, ids in groups:
            for ref_id in ids:
                if ("", ref_id) in self._numbers:
                    self._monographs.setdefault(("", ref_id), m)
                else:
                    self.number(ref_id, m)

    def listed(self, cited_only: bool = False) -> Iterator[Listed]:
        """Every numbered reference (or only those a marker cited) in number order, one at a time:
        a drug's references are read once for its run of numbers, and none is held after it is listed."""
        last, references = None, []
        for key, number in sorted(self._numbers.items(), key=lambda item: item[1]):
            if cited_only and number not in self._cited:
                continue
            m = self._monographs.get(key)
            if m is not last:
                last, references = m, (list(m.references) if m is not None else [])
            yield Listed(number, m, key[1], next((r for r in references if r.id == key[1]), None))

    def any_listed(self, cited_only: bool = False) -> bool:
        """Whether ``listed`` has anything to list."""
        return bool(self._cited) if cited_only else bool(self._numbers)

    def drugs(self) -> int:
        """How many drugs the numbered references belong to."""
        return len({m.id for m in self._monographs.values()})



MIN_RUN = 3
"""Consecutive numbers from this many on are written as a range: [4–7]."""


def _runs(parts: list[tuple[int, str | None]]) -> list[tuple[int, int, str | None]]:
    """(first, last, locator): runs of MIN_RUN or more consecutive numbers without a locator
    become one range; every other number stands alone."""
    runs: list[list] = []
    for number, where in parts:
        if runs and not where and not runs[-1][2] and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number, where])
    out = []
    for first, last, where in runs:
        if last - first + 1 >= MIN_RUN or first == last:
            out.append((first, last, where))
        else:
            out += [(n, n, None) for n in range(first, last + 1)]
    return out


_OUTPUT: ContextVar[Numbering | None] = ContextVar("trkmono_output", default=None)


@contextmanager
def output() -> Iterator[Numbering]:
    """One output: the numbering its markers and its reference list share."""
    numbering = Numbering()
    token = _OUTPUT.set(numbering)
    try:
        yield numbering
    finally:
        _OUTPUT.reset(token)


def current() -> Numbering:
    """The numbering of the output being drawn."""
    numbering = _OUTPUT.get()
    if numbering is None:
        raise RuntimeError("citation markers are drawn only inside an output (views.citations.output)")
    return numbering


def reference_entry(item: Listed, with_drug: bool) -> str:
    """'Title. Publisher, date. URL' (after 'drug: ' when the output covers several drugs), or
    the id alone when the reference is not known."""
    drug = f"{item.monograph.identity.generic_name}: " if with_drug and item.monograph is not None else ""
    return drug + (describe.reference_line(item.reference) if item.reference is not None else item.ref_id)


def label_revision(m: Plain) -> Plain | None:
    """The regulatory label with the newest revision (or publication) date, if the monograph cites one:
    the chosen region's own label where the monograph is read under a region."""
    region = getattr(m, "region", None)
    labels = [r for r in m.references if r.tier == "regulatory-label" and (r.revision_date or r.date)
              and (region is None or r.region == region)]
    return max(labels, key=lambda r: str(r.revision_date or r.date), default=None)


def cited_ids(sources: Iterable[Plain | None]) -> list[str]:
    return list(dict.fromkeys(ref for s in sources if s is not None for ref in s.cite))


def dose_sources(outcome: Outcome) -> list[Plain | None]:
    return ([s.source for s in outcome.steps] + [v.formulation for v in outcome.volumes]
            + list(outcome.strengths) + [r for r, _ in outcome.candidates] + list(outcome.other_regimens))


def cyp3a_groups(m: Plain) -> list[tuple[str, list[Plain]]]:
    """The four CYP3A4 conditions (each with its rules, possibly none), then any other condition."""
    groups: dict[str, list[Plain]] = {c: [] for c in CYP3A_CONDITIONS}
    for a in m.dosing.cyp3a4:
        groups.setdefault(a.condition.strip().casefold(), []).append(a)
    return list(groups.items())


def resistance_references(findings: Iterable[Finding]) -> list[tuple[Plain, list[str]]]:
    groups: dict[str, tuple[Plain, list[str]]] = {}
    for f in findings:
        m, ids = groups.setdefault(f.monograph.id, (f.monograph, []))
        ids += [c for c in f.finding.cite if c not in ids]
    return list(groups.values())
