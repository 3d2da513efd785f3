"""The one finding type shared by the reader, the rules and the reporters."""

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
