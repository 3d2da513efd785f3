"""The checker behind ``trkmono validate``: files in, sorted problems and an exit code out.

It always reads and checks every file itself: no cache can make it pass a file. Files are split
among worker processes when there are enough of them; a worker never outlives the run.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

from trkmono.checking.rules import Entry, Settings, check_file, check_library
from trkmono.errors import EXIT_FAILED, EXIT_OK, UsageError
from trkmono.problems import Problem
from trkmono.reading.folders import Unreadable, monograph_files, read_source
from trkmono.reading.loader import load_bytes, load_file

Checked = tuple[list[Problem], Entry | None]
"""One file's own problems, and its entry when it holds a valid monograph."""

MIN_FILES_PER_WORKER = 32
"""Below this many files per process, starting processes costs more than it saves."""


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their monograph files, each file once (by what it really is);
    a missing path is a usage error."""
    files: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            found = monograph_files(path)
            if not found:
                raise UsageError(f"{path}: no monograph files (*.yaml, *.yml) in this folder")
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            raise UsageError(f"{path}: no such file or folder")
        for file in found:
            real = os.path.realpath(file)
            if real not in seen:
                seen.add(real)
                files.append(file)
    return files


def validate(files: list[Path], settings: Settings, jobs: int | None = None) -> list[Problem]:
    """Every problem in the files, alone and together, sorted by file and line.

    Only a small entry of each file is kept for the library rules, so memory stays flat however
    many files there are.
    """
    problems: list[Problem] = []
    entries: list[Entry] = []
    for file_problems, entry in _check_all([str(f) for f in files], settings, jobs):
        problems += file_problems
        if entry is not None:
            entries.append(entry)
    problems += check_library(entries, lambda entry, loc: load_file(Path(entry.path)).mark(loc))
    return sorted(set(problems))


def exit_code(problems: list[Problem], strict: bool) -> int:
    """0 clean (warnings allowed unless strict), 1 when anything fails the run."""
    failing = {"error", "warning"} if strict else {"error"}
    return EXIT_FAILED if any(p.level in failing for p in problems) else EXIT_OK


def _check_all(shown: list[str], settings: Settings, jobs: int | None) -> list[Checked]:
    """_check_files over all the files, split among worker processes when there are enough.

    Where processes cannot start (some sandboxes lack them) or one dies, the files are checked in
    this process instead: parallelism can cost speed, never the answer.
    """
    workers = min(jobs or _cpu_count(), len(shown) // MIN_FILES_PER_WORKER)
    if workers < 2:
        return _check_files(shown, settings)
    from concurrent.futures import BrokenExecutor
    try:
        return _check_in_processes(shown, settings, workers)
    except (OSError, ImportError, BrokenExecutor):
        return _check_files(shown, settings)


def _check_in_processes(shown: list[str], settings: Settings, workers: int) -> list[Checked]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    parts = workers * 4  # small parts even out files of different sizes
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with_parent,
                             initargs=(os.getpid(),)) as pool:
        checked = list(pool.map(_check_files, [shown[i::parts] for i in range(parts)], [settings] * parts))
    ordered: list = [None] * len(shown)
    for part, results in enumerate(checked):
        ordered[part::parts] = results
    return ordered


def _end_with_parent(parent: int) -> None:
    """In a worker: be killed when the run that started it dies, however it dies (Linux)."""
    if sys.platform == "linux":
        import ctypes
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _check_files(shown: list[str], settings: Settings) -> list[Checked]:
    """Read and check each file."""
    out: list[Checked] = []
    for path in shown:
        try:
            raw = read_source(Path(path), path)
        except Unreadable as exc:
            out.append(([exc.problem], None))
            continue
        loaded = load_bytes(raw, path)
        out.append((loaded.problems + check_file(loaded, settings), Entry.of(loaded)))
    return out


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
