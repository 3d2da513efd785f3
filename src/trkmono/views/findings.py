"""Formatters for validate findings: text (one per line), json, and GitHub annotations."""

from __future__ import annotations

from trkmono.problems import Problem
from trkmono.errors import printable

FORMATS = ("text", "json", "github")


def text(problems: list[Problem]) -> str:
    """``path:line:col: level: message (rule)`` per line."""
    return "".join(
        printable(f"{p.path}:{p.line}:{p.column}: {p.level}: {p.message} ({p.rule})") + "\n" for p in problems
    )


def as_json(problems: list[Problem]) -> str:
    """The versioned envelope of every other command's JSON (``kind`` ``findings``): ``findings``,
    each with file, line, column, level, rule and message, and the ``errors`` and ``warnings`` counts."""
    from trkmono.views.json import _envelope
    rows = [{"file": p.path, "line": p.line, "column": p.column, "level": p.level, "rule": p.rule,
             "message": p.message} for p in problems]
    errors = sum(p.level == "error" for p in problems)
    return _envelope("findings", findings=rows, errors=errors, warnings=len(problems) - errors) + "\n"


def github(problems: list[Problem]) -> str:
    """GitHub workflow annotation lines."""
    return "".join(
        f"::{p.level} file={_prop(p.path)},line={p.line},col={p.column},title={p.rule}::{_data(p.message)}\n"
        for p in problems
    )


def _data(value: str) -> str:
    return printable(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(problems: list[Problem], fmt: str) -> str:
    """The findings in the chosen format."""
    return {"text": text, "json": as_json, "github": github}[fmt](problems)
