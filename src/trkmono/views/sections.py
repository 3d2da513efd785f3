"""The sections a monograph may leave out, as plain lines for every view (no rich).

Contraindications, pharmacokinetics, effects on other drugs, pregnancy and lactation, use in older
adults, driving, overdose and storage: each becomes a list of groups of cited lines. A section the
monograph leaves out is ``None`` here and reads "not recorded" in every view, never "none"; a
label's statement that there are no contraindications is a cited line like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from trkmono import terms
from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe

NOT_RECORDED = "Not recorded in this monograph (this does not mean there is none); check the current label."


@dataclass(frozen=True)
class Line:
    """One cited line: a bold ``lead`` (may be empty) then ``text``."""

    lead: str
    text: str
    claim: Plain


@dataclass(frozen=True)
class Group:
    """Lines under an optional sub-heading."""

    title: str
    lines: list[Line]


def title(name: str) -> str:
    """A section's heading: 'Effects on other drugs', 'Dosing'."""
    return terms.SECTION_TITLES.get(name, name.capitalize())


def field(name: str) -> str:
    """The monograph field of a section: 'effects-on-other-drugs' -> 'effects_on_other_drugs'."""
    return name.replace("-", "_")


def recorded(m: Plain, name: str) -> bool:
    """Whether the monograph records an optional section."""
    return m.get(field(name)) is not None


SHORT_TITLES = {"reproduction": "pregnancy", "effects-on-other-drugs": "effects on other drugs",
                "older-adults": "older adults"}
"""Names of the optional sections on the first screen, where space is short."""


def missing(m: Plain, short: bool = False) -> list[str]:
    """The optional sections the monograph does not record, as headings (or as short names)."""
    return [(SHORT_TITLES.get(name, name) if short else title(name))
            for name in terms.RECORDED_SECTIONS if not recorded(m, name)]


def groups(m: Plain, name: str) -> list[Group] | None:
    """The groups of an optional section, or None when the monograph does not record it."""
    value = m.get(field(name))
    return None if value is None else _BUILDERS[name](value)


def _plain(items) -> list[Line]:
    return [Line("", s.text, s) for s in items]


def _contraindications(c) -> list[Group]:
    nones = [Line("None", s.text, s) for s in c.none_stated]
    return [Group("", nones + _plain(c.listed))]


def _hours(t) -> str:
    return f"{describe.number(t.hours)} h" if t.get("hours") is not None else ""


def _pharmacokinetics(p) -> list[Group]:
    return [group for group in (
        Group("Half-life", [Line(_hours(t), t.text, t) for t in p.half_life]),
        Group("Time to peak", [Line(_hours(t), t.text, t) for t in p.time_to_peak]),
        Group("Metabolism and transport", _plain(p.metabolism)),
        Group("Food", _plain(p.food_effect)),
        Group("Other", _plain(p.other)),
    ) if group.lines]


def duration(d) -> str:
    """'2 months after the last dose', or '' without one."""
    if d is None:
        return ""
    unit = d.unit[:-1] if d.value == 1 else d.unit
    return f"{describe.number(d.value)} {unit} after the last dose"


def _reproduction(r) -> list[Group]:
    contraception = []
    for c in r.contraception:
        lead = c.who + (f": {duration(c.after_last_dose)}" if c.get("after_last_dose") else ": no duration given")
        method = f" Method: {c.method}." if c.get("method") else ""
        contraception.append(Line(lead, c.text + method, c))
    lactation = [Line(("do not breastfeed" if x.avoid_breastfeeding else "breastfeeding not restricted")
                      + (f", until {duration(x.after_last_dose)}" if x.get("after_last_dose") else ""), x.text, x)
                 for x in r.lactation]
    return [group for group in (Group("Pregnancy", _plain(r.pregnancy)), Group("Contraception", contraception),
                                Group("Lactation", lactation), Group("Fertility", _plain(r.fertility)))
            if group.lines]


def _interactions(items) -> list[Group]:
    return [Group("", [Line(i.agent, i.action, i) for i in items])]


def _storage(s) -> list[Group]:
    return [group for group in (Group("Storage", _plain(s.storage)), Group("Handling", _plain(s.handling)),
                                Group("Hazardous-drug status", _plain(s.hazardous))) if group.lines]


def _statements(items) -> list[Group]:
    return [Group("", _plain(items))]


_BUILDERS = {
    "contraindications": _contraindications,
    "pharmacokinetics": _pharmacokinetics,
    "effects-on-other-drugs": _interactions,
    "reproduction": _reproduction,
    "overdose": _statements,
    "storage": _storage,
    "driving": _statements,
    "older-adults": _statements,
}
