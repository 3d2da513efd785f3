"""The one finding type shared by the loader, the checks and the reporters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """A finding at a place in a file, produced by a named rule."""

    path: str
    line: int
    column: int
    level: Level
    rule: str
    message: str


class TrkmonoError(Exception):
    """An expected failure the CLI turns into a message and an exit code, never a traceback."""

    exit_code = 1


class UsageError(TrkmonoError):
    """The user asked for something impossible (bad option value, unknown section)."""

    exit_code = 2


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes, safe to write to a terminal."""
    return "".join(c if c.isprintable() or c in "\t" else repr(c)[1:-1] for c in text)
