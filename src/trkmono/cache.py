"""A small JSON cache in the user's cache folder, keyed by what the cached value depends on.

Keys always include the content or modification data of the files a value was made from and a
stamp of trkmono's own code, so an edit is seen on the very next run. A missing, read-only or
corrupt cache costs speed, never a failure. Standard library only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
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
def code_stamp() -> str:
    """Changes whenever any of trkmono's own modules changes (name, size or modification time)."""
    package = Path(__file__).parent
    parts = [
        (str(p.relative_to(package)), st.st_size, st.st_mtime_ns)
        for p in sorted(package.rglob("*.py"))
        for st in [p.stat()]
    ]
    return digest(parts)


def digest(value: object) -> str:
    """A stable hash of any JSON-able value."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def read(kind: str, key: str) -> object | None:
    """The value stored under key, or None when absent or unreadable."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / kind / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(kind: str, key: str, value: object) -> None:
    """Store value under key atomically; any failure is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        target = folder / kind
        target.mkdir(parents=True, exist_ok=True)
        _prune(target)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target, delete=False, suffix=".tmp") as tmp:
            json.dump(value, tmp)
        os.replace(tmp.name, target / f"{key}.json")
    except (OSError, TypeError, ValueError):
        return


def _prune(folder: Path) -> None:
    """Keep each kind of cache bounded: drop the older half when it grows too large."""
    entries = list(os.scandir(folder))
    if len(entries) < MAX_ENTRIES_PER_KIND:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for entry in entries[: len(entries) // 2]:
        try:
            os.unlink(entry.path)
        except OSError:
            continue
