"""The user's private cache folder, used only when nobody else can write to it.

$TRKMONO_CACHE_DIR (``off`` disables it), else $XDG_CACHE_HOME/trkmono when that is an absolute
path (a relative one is ignored, as the XDG specification says), else ~/.cache/trkmono. A relative
$TRKMONO_CACHE_DIR is ignored with one warning; a relative home means no cache. The folder
is created 0700. A folder owned by another user, or writable by group or others (or inside a
parent that others may rename it in), is neither read nor written: trkmono works without it and
says so once on stderr. Standard library only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from trkmono.errors import write_stderr

CACHE_ENV = "TRKMONO_CACHE_DIR"
DISABLED = {"", "0", "off", "none", "no"}


def chosen_folder() -> Path | None:
    """Where the cache would be, before any check (None: disabled)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        if chosen.strip().lower() in DISABLED:
            return None
        if os.path.isabs(chosen):
            return Path(chosen)
        write_stderr(f"trkmono: ignoring {CACHE_ENV}={chosen!r}: it is not an absolute path\n")
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    home = os.path.expanduser("~")
    if os.path.isabs(xdg):
        return Path(xdg) / "trkmono"
    return Path(home) / ".cache" / "trkmono" if os.path.isabs(home) else None


def private_folder() -> Path | None:
    """The cache folder, created if needed, or None when it is disabled or not private."""
    folder = chosen_folder()
    if folder is None:
        return None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        problem = why_not_private(folder)
    except OSError as exc:
        problem = exc.strerror or str(exc)
    if problem:
        write_stderr(f"trkmono: not using the cache folder {folder}: {problem}; working without a cache\n")
        return None
    return folder


def why_not_private(folder: Path) -> str | None:
    """Why a folder is not private to this user, or None when it is."""
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder (or is a link)"
    if info.st_uid != os.geteuid():
        return "another user owns it"
    if info.st_mode & 0o022:
        return "group or others can write to it"
    parent = os.stat(folder.parent)
    shared = parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX
    if parent.st_uid not in (0, os.geteuid()) or shared:
        return "others could replace it (its parent folder is another user's or writable by others)"
    return None


def safe_regular_file(path: Path, max_bytes: int) -> bool:
    """True when path is a regular file of ours (not a link, FIFO or device) within the size cap."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()
            and not info.st_mode & 0o022 and info.st_size <= max_bytes)


def create_private_file(path: Path) -> Path:
    """A new empty private file (0600) next to ``path``, created exclusively; returns its path."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600))
    return temporary
