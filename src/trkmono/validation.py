"""The checker behind ``trkmono validate``: files in, sorted problems and an exit code out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path

from trkmono import cache
from trkmono.checks import Settings, check_file, check_library
from trkmono.library import Broken, Entry, Library
from trkmono.loader import Unreadable, load_bytes, load_file, read_source
from trkmono.locations import display_path, monograph_files
from trkmono.problems import Problem, UsageError

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their monograph files; a missing path is a usage error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = monograph_files(path)
            if not found:
                raise UsageError(f"{path}: no monograph files (*.yaml, *.yml) in this folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files


def validate(files: list[Path], settings: Settings) -> list[Problem]:
    """Every problem in the files, alone and together, sorted by file and line.

    Files are checked one at a time and only a small entry of each is kept for the cross-file
    rules, so memory stays flat however many files there are.
    """
    problems: list[Problem] = []
    entries: list[Entry] = []
    for path in files:
        file_problems, entry = check_path(path, settings)
        problems += file_problems
        if entry is not None:
            entries.append(entry)
    problems += check_library(entries, _locate)
    return sorted(set(problems))


def check_path(path: Path, settings: Settings) -> tuple[list[Problem], Entry | None]:
    """One file's problems and entry, from the cache when the same bytes were checked before."""
    shown = str(path)
    try:
        raw = read_source(path, shown)
    except Unreadable as exc:
        return [exc.problem], None
    key = [cache.code_stamp(), shown, hashlib.sha256(raw).hexdigest(), settings.today.isoformat(),
           settings.review_age_months]
    cached = cache.read("checked", key)
    if cached is not None:
        return _from_cache(cached)
    loaded = load_bytes(raw, shown)
    problems = loaded.problems + check_file(loaded, settings)
    entry = Entry.of(loaded)
    cache.write("checked", key, {"problems": [astuple(p) for p in problems],
                                 "entry": None if entry is None else astuple(entry)})
    return problems, entry


def _from_cache(cached: dict) -> tuple[list[Problem], Entry | None]:
    problems = [Problem(*p) for p in cached["problems"]]
    raw_entry = cached["entry"]
    if raw_entry is None:
        return problems, None
    path, mid, names = raw_entry
    return problems, Entry(path, mid, tuple((tuple(loc), name) for loc, name in names))


def _locate(entry: Entry, loc: tuple) -> tuple[int, int]:
    return load_file(Path(entry.path)).mark(loc)


def open_library(folder: Path, settings: Settings) -> Library:
    """The library of ``folder``: a file with any error is kept aside as broken, never shown.

    Each file is checked as validate checks it (and from the same cache), so a large folder
    costs one small entry per file; monographs are loaded when a command asks for them.
    """
    checked = {}
    for path in monograph_files(folder):
        shown = str(display_path(path))
        checked[shown] = check_path(Path(shown), settings)
    entries = [entry for _, entry in checked.values() if entry is not None]
    cross = check_library(entries, _locate)
    errors = {shown: [p for p in problems + cross if p.path == shown and p.level == "error"]
              for shown, (problems, _) in checked.items()}
    return Library(
        folder,
        [entry for _, entry in checked.values() if entry is not None and not errors[entry.path]],
        [Broken(shown, problems) for shown, problems in errors.items() if problems],
    )


def exit_code(problems: list[Problem], strict: bool) -> int:
    """0 clean (warnings allowed unless strict), 1 when anything fails the run."""
    failing = {"error", "warning"} if strict else {"error"}
    return EXIT_PROBLEMS if any(p.level in failing for p in problems) else EXIT_CLEAN
