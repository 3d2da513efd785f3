"""The one registry of rules: every refusal of the reader and the loader, and every check of the
checker, each with its name, level, scope and one line of documentation.

It sits below reading/ and checking/ so both register here. A rule's documentation says what a
good monograph does; its messages say what is wrong and what to do. ``validate`` prints each
finding as ``path:line:col: level: message (rule)``; the README's rule table is this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trkmono.problems import Level, Problem

SCOPES = ("read", "load", "data", "model", "table", "library")
"""Where a rule looks, in the order a file meets them: its bytes and YAML (read), its shape
against the schema (load), its parsed YAML even when the schema rejects it (data), a valid
monograph (model), a valid interaction table (table), every valid monograph together (library)."""


@dataclass(frozen=True)
class Rule:
    """A named rule with its level and scope; ``doc`` is its one-line documentation.

    A check rule (data, model, table, library) carries its ``check`` function, whose docstring is
    the documentation; a read or load rule is applied where the file is read, and is declared with
    its documentation."""

    name: str
    level: Level
    scope: str
    doc: str
    check: Callable | None = None

    def at(self, path: str, mark: tuple[int, int], message: str) -> Problem:
        """This rule's finding at line and column ``mark`` of ``path``."""
        return Problem(path, mark[0], mark[1], self.level, self.name, message)


RULES: list[Rule] = []
"""Every rule, in the order a file meets them (by scope, then as registered)."""


def declare(name: str, level: Level, scope: str, doc: str, check: Callable | None = None) -> Rule:
    """Register a rule under a name no other rule has, and return it."""
    if scope not in SCOPES:
        raise ValueError(f"rule {name!r}: scope must be one of {', '.join(SCOPES)}")
    if any(r.name == name for r in RULES):
        raise ValueError(f"rule {name!r} is registered twice")
    found = Rule(name, level, scope, doc, check)
    RULES.append(found)
    RULES.sort(key=lambda r: SCOPES.index(r.scope))
    return found


def rule(name: str, level: Level, scope: str) -> Callable:
    """Register the decorated function as a check rule; its docstring's first line is its doc."""
    def register(check: Callable) -> Callable:
        declare(name, level, scope, (check.__doc__ or "").strip().splitlines()[0], check)
        return check
    return register
