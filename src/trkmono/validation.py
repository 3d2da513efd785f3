"""The checker behind ``trkmono validate``: files in, sorted problems and an exit code out."""

from __future__ import annotations

import hashlib
import os
import sys
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

Checked = tuple[list[Problem], Entry | None]
"""One file's own problems, and its entry when it holds a valid monograph."""

MIN_FILES_PER_WORKER = 32
"""Below this many unchecked files per process, starting processes costs more than it saves."""
MAX_REMEMBERED_FILES = 5_000
MAX_REMEMBERED_RUNS = 8
"""Findings are kept per date, settings and code version; only the latest few are worth keeping."""


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


def validate(files: list[Path], settings: Settings, jobs: int | None = None) -> list[Problem]:
    """Every problem in the files, alone and together, sorted by file and line.

    Only a small entry of each file is kept for the cross-file rules, so memory stays flat
    however many files there are.
    """
    problems: list[Problem] = []
    entries: list[Entry] = []
    for file_problems, entry in check_paths(files, settings, jobs):
        problems += file_problems
        if entry is not None:
            entries.append(entry)
    problems += check_library(entries, _locate)
    return sorted(set(problems))


def check_paths(paths: list[Path], settings: Settings, jobs: int | None = None) -> list[Checked]:
    """Each file's problems and entry, in order.

    A file whose exact bytes were checked before (same code, date and settings) is answered from
    the cache; the others are checked, in up to ``jobs`` processes (default: one per CPU) when
    there are enough of them to be worth it.
    """
    key = [cache.code_stamp(), settings.today.isoformat(), settings.review_age_months]
    remembered = cache.read("checked", key) or {}
    results: list[Checked | None] = [None] * len(paths)
    reused: dict[str, list] = {}
    for index, path in enumerate(paths):
        name = _name_of(path) if remembered else None
        if name in remembered:
            reused[name] = remembered[name]
            results[index] = _from_stored(remembered[name])
    unchecked = [index for index, found in enumerate(results) if found is None]
    fresh = _check_all([str(paths[index]) for index in unchecked], settings, jobs)
    for index, (_, checked) in zip(unchecked, fresh):
        results[index] = checked
    _remember(key, remembered, reused, {name: _stored(checked) for name, checked in fresh if name})
    return results


def _name_of(path: Path) -> str | None:
    """What a file's findings are remembered under (None when it cannot be read)."""
    try:
        return _name(str(path), read_source(path, str(path)))
    except Unreadable:
        return None


def _name(shown: str, raw: bytes) -> str:
    return f"{hashlib.sha256(raw).hexdigest()} {shown}"


def _remember(key: list, remembered: dict, reused: dict, fresh: dict) -> None:
    """Add the fresh findings to the cache; when it grows too large, keep only this run's files."""
    if not fresh:
        return
    merged = {**remembered, **fresh}
    cache.write("checked", key, merged if len(merged) <= MAX_REMEMBERED_FILES else {**reused, **fresh},
                keep=MAX_REMEMBERED_RUNS)


def _check_all(shown: list[str], settings: Settings, jobs: int | None) -> list[tuple[str, Checked]]:
    """_check_files over all the files, split among worker processes when there are enough.

    Where processes cannot start (some sandboxes lack them) or one dies, the files are checked in
    this process instead: like the cache, parallelism can cost speed, never the answer.
    """
    workers = min(jobs or _cpu_count(), len(shown) // MIN_FILES_PER_WORKER)
    if workers < 2:
        return _check_files(shown, settings)
    from concurrent.futures import BrokenExecutor
    try:
        return _check_in_processes(shown, settings, workers)
    except (OSError, ImportError, BrokenExecutor):
        return _check_files(shown, settings)


def _check_in_processes(shown: list[str], settings: Settings, workers: int) -> list[tuple[str, Checked]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    parts = workers * 4  # small parts even out files of different sizes
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        checked = list(pool.map(_check_files, [shown[i::parts] for i in range(parts)], [settings] * parts))
    ordered: list = [None] * len(shown)
    for part, results in enumerate(checked):
        ordered[part::parts] = results
    return ordered


def _check_files(shown: list[str], settings: Settings) -> list[tuple[str, Checked]]:
    """Read and check each file; with each result, the name it is remembered under ('' if unread)."""
    out = []
    for path in shown:
        try:
            raw = read_source(Path(path), path)
        except Unreadable as exc:
            out.append(("", ([exc.problem], None)))
            continue
        loaded = load_bytes(raw, path)
        out.append((_name(path, raw), (loaded.problems + check_file(loaded, settings), Entry.of(loaded))))
    return out


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _stored(checked: Checked) -> list:
    problems, entry = checked
    return [[astuple(p) for p in problems], None if entry is None else astuple(entry)]


def _from_stored(stored: list) -> Checked:
    problems, raw_entry = stored
    if raw_entry is None:
        return [Problem(*p) for p in problems], None
    path, mid, names = raw_entry
    return [Problem(*p) for p in problems], Entry(path, mid, tuple((tuple(loc), name) for loc, name in names))


def _locate(entry: Entry, loc: tuple) -> tuple[int, int]:
    return load_file(Path(entry.path)).mark(loc)


def open_library(folder: Path, settings: Settings) -> Library:
    """The library of ``folder``: a file with any error is kept aside as broken, never shown.

    Each file is checked as validate checks it (and from the same cache), so a large folder
    costs one small entry per file; monographs are loaded when a command asks for them.
    """
    shown = [display_path(path) for path in monograph_files(folder)]
    checked = dict(zip(map(str, shown), check_paths(shown, settings)))
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
