"""Where monographs live: the packaged library, the user's folder, the files in a folder.

Standard library only, so the command line can find files without loading the heavy layers.
A file is always named as the user reaches it: a symlinked monograph by its link, not its target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from trkmono.errors import UsageError
from trkmono.problems import Problem
from trkmono.rulebook import declare

DATA_DIR_ENV = "TRKMONO_DATA_DIR"
MONOGRAPH_SUFFIXES = (".yaml", ".yml")
PACKAGE = Path(__file__).resolve().parents[1]
TABLE_NAME = "comedications.yaml"
"""The interaction table's file name, beside the monograph folder."""
MAX_BYTES = 1024 * 1024
"""Largest monograph file read."""

UNREADABLE = declare("unreadable", "error", "read", "The path is a regular file that can be read.")
FILE_SIZE = declare("file-size", "error", "read", "A file is at most 1 MiB.")


def packaged_data_dir() -> Path:
    """The monographs shipped with trkmono (inside the wheel, or the source checkout's data/)."""
    bundled = PACKAGE / "data" / "monographs"
    return bundled if bundled.is_dir() else PACKAGE.parents[1] / "data" / "monographs"


def packaged_table() -> Path:
    """The interaction table shipped with trkmono (inside the wheel, or the source checkout's data/)."""
    bundled = PACKAGE / "data" / TABLE_NAME
    return bundled if bundled.is_file() else PACKAGE.parents[1] / "data" / TABLE_NAME


def packaged_store() -> Path | None:
    """The compiled packaged library built with the wheel (None in a source checkout)."""
    built = PACKAGE / "data" / "library.sqlite"
    return built if built.is_file() else None


def chosen_data_dir(option: Path | None) -> Path | None:
    """--data-dir, else $TRKMONO_DATA_DIR, else None for the packaged library."""
    if option is not None:
        return option
    return Path(os.environ[DATA_DIR_ENV]) if os.environ.get(DATA_DIR_ENV) else None


def monograph_files(folder: Path) -> list[Path]:
    """The monograph files directly inside a folder, sorted by name; a folder that cannot be
    listed is a usage error (exit 2). Links are listed as links, even dangling ones."""
    return [folder / name for name in monograph_names(folder)]


def monograph_names(folder: Path) -> list[str]:
    """The names of ``monograph_files(folder)``, without building a path for each (a folder of
    thousands is read on every command)."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        raise UsageError(f"{display_path(folder)}: no such folder") from None
    except NotADirectoryError:
        raise UsageError(f"{display_path(folder)}: not a folder of monographs") from None
    except OSError as exc:
        raise UsageError(f"{display_path(folder)}: cannot list the folder ({exc.strerror or exc})") from None
    names = sorted(name for name in names if name.endswith(MONOGRAPH_SUFFIXES) and not name.startswith("."))
    if names:
        try:
            os.lstat(os.path.join(folder, names[0]))
        except PermissionError:
            raise UsageError(f"{display_path(folder)}: the folder can be listed but its files cannot be "
                             "opened (no search permission)") from None
    return names


def display_path(path: Path) -> Path:
    """A path as the user would write it: relative to the working folder when inside it (links kept)."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute == here or absolute.startswith(here.rstrip(os.sep) + os.sep):
        return Path(os.path.relpath(absolute, here))
    return path


class Unreadable(Exception):
    """A path that cannot be read as a monograph file."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_source(path: Path | str, shown: str) -> bytes:
    """The bytes of a regular file within the size limit, or Unreadable.

    Opened without blocking (a FIFO named *.yaml cannot hang the run) and checked on the open
    file, so what is read is what was checked; a link is followed to a regular file only.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(_unreadable(shown, _reason(path, exc))) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(_unreadable(shown, "not a regular file; give a monograph file or a folder of them"))
        raw = _read_at_most(fd, min(info.st_size, MAX_BYTES) + 1)
    except OSError as exc:
        raise Unreadable(_unreadable(shown, _cannot_read(exc))) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise Unreadable(too_large(shown))
    return raw


def too_large(shown: str) -> Problem:
    """The finding for a file over the size limit."""
    return FILE_SIZE.at(shown, (1, 1), f"the file is larger than the {MAX_BYTES:,}-byte limit; a monograph is far "
                                       "smaller: check that this is the right file")


def _read_at_most(fd: int, first: int) -> bytes:
    """Everything up to end of file, or MAX_BYTES + 1 bytes when there is more (a file may grow
    after its size was seen, and a read may return less than it asked for); the first read asks
    for the size seen, and one more confirms the end."""
    raw = os.read(fd, first)
    while len(raw) <= MAX_BYTES:
        more = os.read(fd, MAX_BYTES + 1 - len(raw))
        if not more:
            break
        raw += more
    return raw


def _reason(path: Path | str, exc: OSError) -> str:
    if os.path.islink(path) and not os.path.exists(path):
        return "a link whose target does not exist (or a loop of links); correct the link or delete it"
    return _cannot_read(exc)


def _cannot_read(exc: OSError) -> str:
    return f"cannot read the file ({exc.strerror or exc}); check that it exists and that you may read it"


def _unreadable(shown: str, message: str) -> Problem:
    return UNREADABLE.at(shown, (1, 1), message)
