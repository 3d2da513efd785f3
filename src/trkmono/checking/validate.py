"""The checker behind ``trkmono validate``: files in, sorted problems and an exit code out.

It always reads and checks every file itself: no cache can make it pass a file. Files are split
among worker processes when there are enough of them (``checking.workers``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

from trkmono.checking.rules import Entry, Settings, check_file, check_library
from trkmono.checking.workers import map_split
from trkmono.errors import EXIT_FAILED, EXIT_OK, UsageError
from trkmono.problems import Problem
from trkmono.reading.folders import Unreadable, monograph_files, read_source
from trkmono.reading.loader import load_bytes, load_file, model_for

Checked = tuple[list[Problem], Entry | None]
"""One file's own problems, and its entry when it holds a valid monograph."""

def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their monograph files, each file once (by what it really is);
    a missing path is a usage error. A file named comedications.yaml is checked as the
    interaction table."""
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
    """Each file's problems and entry, in order, in worker processes when there are many files."""
    return map_split(functools.partial(_check_files, settings=settings), shown, jobs)


def _check_files(shown: list[str], settings: Settings) -> list[Checked]:
    """Read and check each file."""
    out: list[Checked] = []
    for path in shown:
        try:
            raw = read_source(Path(path), path)
        except Unreadable as exc:
            out.append(([exc.problem], None))
            continue
        loaded = load_bytes(raw, path, model_for(path))
        out.append((loaded.problems + check_file(loaded, settings), Entry.of(loaded)))
    return out
