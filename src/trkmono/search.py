"""Full-text search over monographs: every statement that contains all the words.

A monograph is cut into records: each cited statement (with the plain values inside it, such as
a regimen's dose and population) is one record, and so is each reference and each uncited part
(names). A record matches when every word occurs in it, case-insensitively, at the start of a
word ("qt" finds "QT" and "QTc"; "paresthesia" finds "paraesthesias": "ae" and "e" match each
other, so British and American spellings meet; "alt" does not find "salt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel

from trkmono import describe
from trkmono.problems import TrkmonoError, UsageError
from trkmono.schema import Adjustment, Cited, Dose, Monograph, Population, Strength

SNIPPET = 160
"""Longest snippet, in characters."""
BEFORE = 50
"""Characters of context kept before the first match."""
MAX_WORDS = 20
SKIPPED = frozenset({"cite", "url", "tier"})
"""Fields never searched: citation ids, addresses and tiers would only add noise."""
JOIN = " · "


@dataclass
class Record:
    """One searchable unit of a monograph."""

    loc: tuple
    texts: list[str] = field(default_factory=list)
    source: Cited | None = None

    @property
    def text(self) -> str:
        """All the record's text in one line."""
        return JOIN.join(" ".join(t.split()) for t in self.texts)

    @property
    def section(self) -> str:
        """'safety › warnings' (field names without list positions)."""
        return " › ".join(str(part) for part in self.loc if isinstance(part, str))


@dataclass(frozen=True)
class Hit:
    """A record that contains every word, with a snippet and where the words are in it."""

    monograph: Monograph
    record: Record
    snippet: str
    spans: list[tuple[int, int]]


def records(m: Monograph) -> list[Record]:
    """The monograph's records in document order."""
    found: list[Record] = []
    _walk(m, (), None, found)
    return [r for r in found if r.texts]


def _walk(model: BaseModel, loc: tuple, record: Record | None, found: list[Record]) -> None:
    if isinstance(model, Cited) or record is None:
        record = Record(loc, source=model if isinstance(model, Cited) else None)
        found.append(record)
    if isinstance(model, Adjustment):
        record.texts.append(describe.adjustment(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in SKIPPED or value is None or (isinstance(model, Monograph) and isinstance(value, str)):
            continue
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = loc + ((name,) if index is None else (name, index))
            if isinstance(item, Dose):
                record.texts.append(describe.dose(item))
            elif isinstance(item, Population):
                record.texts.append(describe.population(item))
            elif isinstance(item, Strength):
                record.texts.append(f"{describe.number(item.amount)} {item.unit}")
            elif isinstance(item, BaseModel):
                _walk(item, here, None if isinstance(item, Cited) or isinstance(model, Monograph) else record,
                      found)
            elif isinstance(item, str):
                record.texts.append(item)


def words_of(query: str) -> list[str]:
    """The words of a query; an empty query or too many words is a usage error."""
    words = list(dict.fromkeys(query.split()))
    if not words:
        raise UsageError("give the text to search for, e.g. trkmono search paresthesia")
    if len(words) > MAX_WORDS:
        raise UsageError(f"at most {MAX_WORDS} words, got {len(words)}")
    return words


def search(monographs: list[Monograph], query: str) -> list[Hit]:
    """Every record containing all the words of ``query``; no hits is an error (exit 1)."""
    words = words_of(query)
    patterns = [pattern(w) for w in words]
    hits = []
    for m in monographs:
        for record in records(m):
            text = record.text
            spans = [[match.span() for match in p.finditer(text)] for p in patterns]
            if all(spans):
                hits.append(_hit(m, record, text, sorted(s for each in spans for s in each)))
    if not hits:
        raise TrkmonoError(f"no monograph contains {' and '.join(repr(w) for w in words)}")
    return hits


def pattern(word: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a word at a word start; 'ae' and 'e' match each other."""
    body, i = "", 0
    while i < len(word):
        if word[i:i + 2].casefold() == "ae":
            body, i = body + "a?e", i + 2
        elif word[i].casefold() == "e":
            body, i = body + "a?e", i + 1
        else:
            body, i = body + re.escape(word[i]), i + 1
    return re.compile((r"(?<!\w)" if re.match(r"\w", word) else "") + body, re.I)


INTERACTION_TERMS = ("CYP", "grapefruit", "Seville", "St. John", "St John", "P-gp", "P-glycoprotein", "BCRP",
                     "OATP", "coadminist", "co-administ", "interact", "QT-prolong", "QTc-prolong",
                     "prolong the QT", "prolong QT")
"""Generic words that mark a statement about interacting drugs or foods."""


def interaction_mentions(m: Monograph) -> list[Record]:
    """Statements outside the interaction rules that mention interacting drugs or foods."""
    patterns = [pattern(t) for t in INTERACTION_TERMS]
    skip = {("dosing", "cyp3a4"), ("dosing", "other_interactions")}
    found = []
    for record in records(m):
        if record.source is None or record.loc[:1] in {("identity",), ("references",)} or record.loc[:2] in skip:
            continue
        if any(p.search(record.text) for p in patterns):
            found.append(record)
    return found


def _hit(m: Monograph, record: Record, text: str, spans: list[tuple[int, int]]) -> Hit:
    """A snippet of at most SNIPPET characters around the first match, cut at spaces."""
    if len(text) <= SNIPPET:
        start, end = 0, len(text)
    else:
        start = max(0, spans[0][0] - BEFORE)
        if start:
            space = text.find(" ", start, spans[0][0])
            start = space + 1 if space != -1 else start
        end = min(len(text), start + SNIPPET)
        if end < len(text):
            space = text.rfind(" ", max(spans[0][1], start), end)
            end = space if space > spans[0][1] else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return Hit(m, record, prefix + text[start:end] + suffix, _merge(inside))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
