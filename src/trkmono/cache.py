"""A small JSON cache in the user's cache folder, keyed by what the cached value depends on.

A key is a list of everything the value depends on, always including the content or modification
data of the files it was made from and a stamp of trkmono's own code, so an edit is seen on the
very next run. The whole key is stored with the value and compared on reading, so a clash of the
short file names can never serve another key's value. A missing, read-only or corrupt cache costs
speed, never a failure. Standard library only, and cheap to import.
"""

from __future__ import annotations

import functools
import json
import os
import zlib
from pathlib import Path

CACHE_ENV = "TRKMONO_CACHE_DIR"
DISABLED = {"", "0", "off", "none"}
MAX_ENTRIES_PER_KIND = 2000


def cache_dir() -> Path | None:
    """$TRKMONO_CACHE_DIR (``off`` disables), else $XDG_CACHE_HOME/trkmono, else ~/.cache/trkmono."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in DISABLED else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trkmono"


@functools.cache
def code_stamp() -> list[tuple]:
    """Changes whenever any of trkmono's own modules changes (path, size or modification time)."""
    package = os.path.dirname(__file__)
    parts = []
    for folder in (package, os.path.join(package, "views")):
        with os.scandir(folder) as entries:
            parts += [(e.path, e.stat().st_size, e.stat().st_mtime_ns) for e in entries if e.name.endswith(".py")]
    return sorted(parts)


def _file(kind: str, key: list) -> tuple[Path, str] | None:
    folder = cache_dir()
    if folder is None:
        return None
    text = json.dumps(key, sort_keys=True, default=str)
    return folder / kind / f"{zlib.crc32(text.encode()):08x}-{len(text):x}.json", text


def read(kind: str, key: list) -> object | None:
    """The value stored under exactly this key, or None when absent, different or unreadable."""
    place = _file(kind, key)
    if place is None:
        return None
    path, text = place
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored.get("value") if isinstance(stored, dict) and stored.get("key") == text else None


def write(kind: str, key: list, value: object, keep: int = MAX_ENTRIES_PER_KIND) -> None:
    """Store value under key atomically (write a private file, then rename); failures are ignored.

    A kind that holds ``keep`` entries or more first loses its older half."""
    place = _file(kind, key)
    if place is None:
        return
    path, text = place
    try:
        content = json.dumps({"key": text, "value": value})
        _prepare(path.parent, keep)
        private = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            private.write_text(content, encoding="utf-8")
            os.replace(private, path)
        except OSError:
            private.unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError):
        return


def _prepare(folder: Path, keep: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    entries = list(os.scandir(folder))
    if len(entries) < keep:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for entry in entries[: len(entries) // 2]:
        try:
            os.unlink(entry.path)
        except OSError:
            continue
