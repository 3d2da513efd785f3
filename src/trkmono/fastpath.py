"""Replays what list, show and compare printed before, when nothing it depends on has changed.

An answer is keyed by trkmono's code stamp, the request (command and options), the data
folder's listing (name, size, inode and modification and change times of every monograph file),
today's date (checks depend on it) and everything rich reads to lay out and colour its output
(terminal size, colour variables, whether stdout is a terminal). Only the standard library is
imported here, so a replayed answer never loads YAML, pydantic or rich.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from trkmono import cache
from trkmono.locations import MONOGRAPH_SUFFIXES

RICH_ENVIRONMENT = (
    "COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES", "NO_COLOR", "FORCE_COLOR", "TERM",
    "COLORTERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "DATABRICKS_RUNTIME_VERSION",
)
"""Environment variables rich consults when it sets up a console."""


def request_key(request: dict, folder: Path) -> list:
    """The cache key of a request against a data folder in this terminal, today."""
    return [cache.code_stamp(), _rich_stamp(), request, os.path.realpath(folder), folder_listing(folder),
            dt.date.today().isoformat(), terminal()]


def folder_listing(folder: Path) -> list[tuple]:
    """Name, size, inode, modification and change time of each monograph file in the folder."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(
        (e.name, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        for e in entries
        if e.name.endswith(MONOGRAPH_SUFFIXES) and not e.name.startswith(".")
        for st in [e.stat()]
    )


def terminal() -> dict:
    """What decides how rich lays out and colours output here and now."""
    out = sys.stdout
    is_tty = out.isatty()
    return {
        "env": {name: os.environ.get(name) for name in RICH_ENVIRONMENT},
        "tty": is_tty,
        "size": tuple(os.get_terminal_size(out.fileno())) if is_tty else None,
        "encoding": getattr(out, "encoding", None),
    }


def _rich_stamp() -> str | None:
    """Where rich is installed and when, so an upgrade of rich is a new key (found without importing it)."""
    for folder in sys.path:
        candidate = os.path.join(folder or ".", "rich", "__init__.py")
        try:
            return f"{candidate}:{os.stat(candidate).st_mtime_ns}"
        except OSError:
            continue
    return None


def replay(key: list) -> tuple[str, str] | None:
    """The stdout and stderr recorded under key, or None."""
    answer = cache.read("answers", key)
    if isinstance(answer, dict) and isinstance(answer.get("stdout"), str) and isinstance(answer.get("stderr"), str):
        return answer["stdout"], answer["stderr"]
    return None


def record(key: list, stdout: str, stderr: str) -> None:
    """Remember a successful answer."""
    cache.write("answers", key, {"stdout": stdout, "stderr": stderr})


def names(folder: Path, compute) -> list[str]:
    """Every name the folder's monographs answer to (for completion), cached like answers."""
    key = [cache.code_stamp(), os.path.realpath(folder), folder_listing(folder), dt.date.today().isoformat()]
    found = cache.read("names", key)
    if not isinstance(found, list):
        found = compute(folder)
        cache.write("names", key, found)
    return found
