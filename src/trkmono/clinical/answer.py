"""Answers in sections of cited lines: what ``interactions --with`` and ``patient`` say, before any view.

A line carries its text, the statement it rests on (its citations and evidence status) and the
file whose references that statement cites: a monograph, or the interaction table. The views turn
the same sections into text, Markdown or JSON, so every answer is cited the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trkmono.clinical.comedications import UNKNOWN, Answer, Check, key
from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe


@dataclass(frozen=True)
class Line:
    """One statement of an answer."""

    label: str
    text: str
    source: Plain | None = None
    owner: Plain | None = None
    """The monograph (or interaction table) whose references ``source`` cites."""
    alert: bool = False
    """True for what a prescriber must act on: avoid, unknown, sources that differ."""


@dataclass
class Section:
    """A titled group of lines."""

    title: str
    lines: list[Line] = field(default_factory=list)


def interaction_sections(found: Check) -> list[Section]:
    """A section per co-medication (its classes, then the monograph's rule for each), then the unknown."""
    m, table = found.monograph, found.table.owner
    drug = m.identity.generic_name
    sections = []
    for answer in found.answers:
        entry = answer.entry
        title = entry.name if key(answer.asked) == key(entry.name) else f"{entry.name} (asked as '{answer.asked}')"
        section = Section(title, [Line("Class", c.label, c.claim, table) for c in answer.classes])
        if answer.rivals:
            section.lines.append(Line("Sources differ", f"listed as {' and as '.join(answer.rivals)}; the rules "
                                      "for each are shown", alert=True))
        section.lines += [Line("Note", n.text, n, table) for n in entry.notes]
        section.lines += _rules(answer, m)
        if not answer.ruled:
            section.lines.append(Line("No rule", f"{drug}'s monograph names none of its classes: check the label",
                                      alert=True))
        sections.append(section)
    if found.unknown:
        sections.append(Section("Not in the interaction table", [Line(name, UNKNOWN, alert=True)
                                                                 for name in found.unknown]))
    return sections


def _rules(answer: Answer, m: Plain) -> list[Line]:
    """Each rule the co-medication's classes meet, once, labelled with the classes that meet it
    and which way the interaction runs; a class without a rule says so."""
    drug = m.identity.generic_name
    met: dict[int, tuple[str, Plain, list[str]]] = {}
    lines = []
    for c in answer.classes:
        who = f"{drug} changes it" if c.changed_by_trk else f"it changes {drug}"
        if not c.rules:
            lines.append(Line(f"{c.label} ({who})", f"{drug}'s monograph gives no rule for a {c.label}"))
        for kind, rule in c.rules:
            met.setdefault(id(rule), (kind, rule, []))[2].append(f"{c.label} ({who})")
    return [rule_line(" · ".join(labels), kind, rule, m) for kind, rule, labels in met.values()] + lines


def rule_line(label: str, kind: str, rule: Plain, m: Plain) -> Line:
    """A CYP3A4 dose rule or another interaction, as one line."""
    if kind == "cyp3a4":
        who = f" (for {describe.population(rule.population)})" if rule.population else ""
        return Line(label, f"CYP3A4 {rule.condition} rule{who}: {describe.adjustment(rule)}. {rule.rule}",
                    rule, m, alert=rule.avoid)
    return Line(label, f"{rule.agent}: {rule.action}", rule, m, alert=rule.action.casefold().startswith("avoid"))
