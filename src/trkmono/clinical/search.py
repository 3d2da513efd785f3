"""Full-text search over the compiled library: every record that contains all the words.

Records are cut when a monograph is compiled (``compiled.records``). A record matches when every
word occurs in it, case-insensitively, at the start of a word ("qt" finds "QT" and "QTc";
"paresthesia" finds "paraesthesias": "ae" and "e" match each other, so British and American
spellings meet; "alt" does not find "salt"). A word that names a drug, food or herbal product
of the interaction table, or a monograph, also matches its other names: INN and US spellings and
brands ("rifampin" finds "rifampicin", "Vitrakvi" finds "larotrectinib"). The library narrows the
candidates with its index; the patterns here decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from trkmono.compiled.plain import Plain
from trkmono.errors import TrkmonoError, UsageError


SNIPPET = 160
"""Longest snippet, in characters."""
BEFORE = 50
"""Characters of context kept before the first match."""
MAX_WORDS = 20


@dataclass(frozen=True)
class Record:
    """One searchable unit of a monograph, as compiled."""

    loc: tuple
    text: str
    source: Plain | None

    @classmethod
    def of(cls, plain: dict) -> Record:
        """A record from its stored form."""
        return cls(tuple(plain["loc"]), plain["text"], plain["source"])

    @property
    def section(self) -> str:
        """'safety › warnings' (field names without list positions)."""
        return " › ".join(str(part) for part in self.loc if isinstance(part, str))


@dataclass(frozen=True)
class Hit:
    """A record that contains every word, with a snippet and where the words are in it."""

    monograph: Plain
    record: Record
    snippet: str
    spans: list[tuple[int, int]]


def words_of(query: str) -> list[str]:
    """The words of a query; an empty query or too many words is a usage error."""
    words = list(dict.fromkeys(query.split()))
    if not words:
        raise UsageError("give the text to search for, e.g. trkmono search paresthesia")
    if len(words) > MAX_WORDS:
        raise UsageError(f"at most {MAX_WORDS} words, got {len(words)}")
    return words


Term = str | tuple[str, ...]
"""A word of the query, or the word with its other spellings (any of them matches)."""


def spelled(words: list[str], names_of: Callable[[str], list[str]]) -> list[Term]:
    """Each word alone, or with the other names ``names_of`` gives for it, the word first (a name
    that begins with the word adds nothing: the word finds it already)."""
    terms: list[Term] = []
    for word in words:
        others = [n for n in names_of(word) if not n.casefold().startswith(word.casefold())]
        terms.append(tuple(dict.fromkeys([word, *others])) if others else word)
    return terms


def search(candidates: Iterable[tuple[Plain, list[dict]]], words: list[Term]) -> list[Hit]:
    """Every record containing all the words (a word with alternatives: any of them); no hits is
    an error (exit 1).

    ``candidates`` are (monograph, stored records) pairs that may match, as the library's index
    narrowed them; each record is checked here.
    """
    patterns = [any_of(w) for w in words]
    hits = []
    for m, stored in candidates:
        for record in map(Record.of, stored):
            spans = [[match.span() for match in p.finditer(record.text)] for p in patterns]
            if all(spans):
                hits.append(_hit(m, record, record.text, sorted(s for each in spans for s in each)))
    if not hits:
        raise TrkmonoError(f"no monograph contains {' and '.join(_shown(w) for w in words)}")
    return hits


def _shown(term: Term) -> str:
    return repr(term) if isinstance(term, str) else " or ".join(repr(w) for w in term)


def any_of(term: Term) -> re.Pattern[str]:
    """The pattern of a word, or of any of its alternatives."""
    if isinstance(term, str):
        return pattern(term)
    return re.compile("|".join(f"(?:{pattern(w).pattern})" for w in term), re.I)


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


def interaction_mentions(stored: list[dict]) -> list[Record]:
    """Statements outside the interaction rules that mention interacting drugs or foods."""
    patterns = [pattern(t) for t in INTERACTION_TERMS]
    skip = {("dosing", "cyp3a4"), ("dosing", "other_interactions")}
    found = []
    for record in map(Record.of, stored):
        if record.source is None or record.loc[:1] in {("identity",), ("references",)} or record.loc[:2] in skip:
            continue
        if any(p.search(record.text) for p in patterns):
            found.append(record)
    return found


def _hit(m: Plain, record: Record, text: str, spans: list[tuple[int, int]]) -> Hit:
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
