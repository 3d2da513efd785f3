"""Co-medications by name: what the interaction table says each one is, and a monograph's rules for it.

A co-medication is looked up by any of its names (INN, US or British spelling, brand; any case,
dots, apostrophes and hyphens ignored). Each class its sources give it is answered with the
monograph's rules for that class: the CYP3A4 dose rule for its condition, and every other
interaction that names the class (``classes`` in the monograph). A drug that sources put in rival
classes is answered with the rules of both. A name the table does not hold is reported, never
passed over.

The rules are passed in (``Rules``), so a caller can hand over a monograph's rules already
filtered (for one region, say); by default they are all of the monograph's.

For the dose calculator, co-medications become its ``cyp3a`` condition: one condition is applied
as ``--cyp3a`` would be; two or more different conditions (an inhibitor with an inducer, or one
drug graded strong by one source and moderate by another) are each shown on their own and no dose
is computed, as when any two dose-changing rules meet.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from trkmono.compiled.plain import Plain
from trkmono.errors import TrkmonoError
from trkmono.terms import CHANGED_BY_TRK, CLASS_LABELS, CYP3A_BY_CLASS, RIVAL_CLASSES, ComedicationClass

if TYPE_CHECKING:
    from trkmono.clinical.dose import Outcome, Request

UNKNOWN = "not in trkmono's interaction table: check the label"
"""What is said of a co-medication the table does not hold."""

_IGNORED = re.compile(r"[.'’`\-_/]+")


def key(name: str) -> str:
    """A name as looked up: case, dots, apostrophes, hyphens and extra spaces ignored."""
    return " ".join(_IGNORED.sub(" ", name.casefold()).split())


@dataclass(frozen=True)
class Table:
    """The interaction table, indexed by every name of every entry."""

    model: Plain
    """The table as plain data (read like the model)."""
    path: str

    @functools.cached_property
    def index(self) -> dict[str, Plain]:
        return {key(name): entry for entry in self.model.comedications
                for name in (entry.id, entry.name, *entry.spellings, *entry.brands)}

    @functools.cached_property
    def owner(self) -> Plain:
        """The table as the views number references: an 'owner' with an id and references."""
        return Plain(id="interaction-table", identity=Plain(generic_name="interaction table"),
                     references=list(self.model.references))

    def find(self, name: str) -> Plain | None:
        return self.index.get(key(name))


@functools.lru_cache(maxsize=1)
def load_table(path: Path | None = None) -> Table:
    """The interaction table (the packaged one by default), read and checked like a monograph file."""
    from trkmono.model.comedications import ComedicationTable
    from trkmono.reading.folders import display_path, packaged_table
    from trkmono.reading.loader import load_file
    path = path or packaged_table()
    shown = str(display_path(path))
    loaded = load_file(path, shown, ComedicationTable)
    if loaded.monograph is None:
        first = loaded.problems[0] if loaded.problems else None
        where = f": {first.message} (line {first.line})" if first else ""
        raise TrkmonoError(f"the interaction table {shown} cannot be used{where}; run 'trkmono validate {shown}'")
    from trkmono.compiled.plain import dumps, loads
    return Table(loads(dumps(loaded.monograph.model_dump(mode="json"))), shown)


@functools.lru_cache(maxsize=1)
def spellings() -> dict[str, list[str]]:
    """Every name of the packaged table's entries -> all the names of its entry, read without the
    data model (search needs only the names, and fast); an unreadable table gives none, and
    validate says why."""
    from trkmono.reading.folders import TABLE_NAME, Unreadable, packaged_table, read_source
    from trkmono.reading.yamlsafe import YamlReadError, decode, read_document
    try:
        document, problems = read_document(decode(read_source(packaged_table(), TABLE_NAME), TABLE_NAME), TABLE_NAME)
    except (Unreadable, YamlReadError):
        return {}
    entries = document.data.get("comedications") if isinstance(document.data, dict) and not problems else None
    found: dict[str, list[str]] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            listed = [entry.get("name"), *(entry.get("spellings") or []), *(entry.get("brands") or [])]
            every = [n for n in listed if isinstance(n, str)]
            found.update({key(n): every for n in every})
    return found


def names(given: list[str] | None) -> list[str]:
    """--with values, each possibly a comma-separated list, as single names in order, each once."""
    found = [part.strip() for value in given or [] for part in value.split(",")]
    return list(dict.fromkeys(name for name in found if name))


@dataclass(frozen=True)
class Rules:
    """The monograph rules a co-medication is answered with (all of the monograph's by default)."""

    cyp3a4: list[Plain]
    other: list[Plain]

    @classmethod
    def of(cls, m: Plain) -> Rules:
        return cls(list(m.dosing.cyp3a4), list(m.dosing.other_interactions))

    def for_class(self, acts_as: ComedicationClass) -> list[tuple[str, Plain]]:
        """('cyp3a4' or 'other', rule) for every rule about the class."""
        condition = CYP3A_BY_CLASS.get(acts_as)
        return ([("cyp3a4", a) for a in self.cyp3a4 if a.condition == condition]
                + [("other", i) for i in self.other if acts_as in (i.get("classes") or [])])


@dataclass
class ClassAnswer:
    """One class a source gives the co-medication, and the monograph's rules for it."""

    claim: Plain
    rules: list[tuple[str, Plain]]

    @property
    def label(self) -> str:
        return CLASS_LABELS[self.claim.acts_as]

    @property
    def changed_by_trk(self) -> bool:
        """True when the interaction runs the other way: the TRK inhibitor changes the co-medication."""
        return self.claim.acts_as in CHANGED_BY_TRK


@dataclass
class Answer:
    """One co-medication: its entry, each class with its rules, and whether sources differ."""

    asked: str
    entry: Plain
    classes: list[ClassAnswer]
    rivals: list[str] = field(default_factory=list)
    """Labels of rival classes the sources give (empty when they agree)."""

    @property
    def ruled(self) -> bool:
        return any(c.rules for c in self.classes)


@dataclass
class Check:
    """Every co-medication asked about for one monograph, and the names the table does not hold."""

    monograph: Plain
    answers: list[Answer]
    unknown: list[str]
    table: Table


def check(m: Plain, asked: list[str], table: Table, rules: Rules | None = None) -> Check:
    """Each asked co-medication's classes and the monograph's rules for them; unknown names apart."""
    rules = rules or Rules.of(m)
    answers, unknown = [], []
    for name in asked:
        entry = table.find(name)
        if entry is None:
            unknown.append(name)
            continue
        given = {claim.acts_as for claim in entry.classes}
        rivals = [CLASS_LABELS[c] for pair in RIVAL_CLASSES if pair <= given for c in sorted(pair, reverse=True)]
        answers.append(Answer(name, entry, [ClassAnswer(claim, rules.for_class(claim.acts_as))
                                            for claim in entry.classes], rivals))
    return Check(m, answers, unknown, table)


def cyp3a_conditions(answers: list[Answer], asked: str | None = None) -> dict[str, list[str]]:
    """CYP3A4 dose-rule condition -> the co-medications (or --cyp3a) that bring it, in order."""
    found: dict[str, list[str]] = {asked: ["--cyp3a"]} if asked else {}
    for answer in answers:
        for c in answer.classes:
            condition = CYP3A_BY_CLASS.get(c.claim.acts_as)
            if condition and answer.entry.name not in found.get(condition, []):
                found.setdefault(condition, []).append(answer.entry.name)
    return found


def calculate_with(m: Plain, request: Request, answers: list[Answer]) -> Outcome:
    """The dose with the co-medications' CYP3A4 conditions applied (see the module's docstring)."""
    from trkmono.clinical.dose import calculate
    conditions = cyp3a_conditions(answers, request.cyp3a)
    if len(conditions) <= 1:
        out = calculate(m, replace(request, cyp3a=next(iter(conditions), None)))
    else:
        outcomes = [calculate(m, replace(request, cyp3a=condition)) for condition in conditions]
        out = outcomes[0]
        out.steps += [step for other in outcomes[1:] for step in other.steps if step.kind == "cyp3a4"]
        _not_combined(out, conditions)
    out.request = replace(request, cyp3a=" + ".join(conditions) or None)
    for step in out.steps:
        condition = step.title.rsplit(": ", 1)[-1]
        if step.kind == "cyp3a4" and condition in conditions:
            step.notes.append(f"Brought by {_listed(conditions[condition])}"
                              + (" (the rule is applied once, however many bring it)."
                                 if len(conditions[condition]) > 1 else "."))
    return out


def _not_combined(out: Outcome, conditions: dict[str, list[str]]) -> None:
    """Several CYP3A4 conditions at once: each rule on its own, no dose."""
    from trkmono.model import phrases as describe
    out.not_combined = ["cyp3a4"] * len(conditions)
    for step in out.steps:
        if step.kind == "cyp3a4" and step.source is not None:
            step.applied, step.dose = False, None
            step.effect = describe.adjustment(step.source) + " (shown on its own, not combined)"
    named = "; ".join(f"{condition} ({_listed(who)})" for condition, who in conditions.items())
    counted = [name for who in conditions.values() for name in who]
    graded = sorted({name for name in counted if counted.count(name) > 1})
    differ = f" (sources grade {_listed(graded)} differently)" if graded else ""
    out.refuse(f"the co-medications bring {len(conditions)} different CYP3A4 rules: {named}{differ}; the "
               "monograph does not say how they combine, so each is shown on its own and no dose is computed")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
