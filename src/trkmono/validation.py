"""The checker behind ``trkmono validate``: files in, sorted problems and an exit code out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from trkmono.checks import Settings, check_file, check_library
from trkmono.library import Library, monograph_files
from trkmono.loader import load_file
from trkmono.problems import Problem, UsageError

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


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
    """Every problem in the files, alone and together, sorted by file and line."""
    loaded = [load_file(f) for f in files]
    problems = [p for f in loaded for p in f.problems]
    problems += [p for f in loaded for p in check_file(f, settings)]
    problems += check_library(loaded)
    return sorted(set(problems))


def open_library(folder: Path, settings: Settings) -> Library:
    """The library of ``folder``, where a file with any error counts as broken, never as shown."""
    library = Library.open(folder)
    problems = [p for f in library.files for p in check_file(f, settings)] + check_library(library.files)
    for loaded in library.files:
        errors = [p for p in problems if p.path == loaded.path and p.level == "error"]
        if errors:
            loaded.problems.extend(errors)
            loaded.monograph = None
    return library


def exit_code(problems: list[Problem], strict: bool) -> int:
    """0 clean (warnings allowed unless strict), 1 when anything fails the run."""
    failing = {"error", "warning"} if strict else {"error"}
    return EXIT_PROBLEMS if any(p.level in failing for p in problems) else EXIT_CLEAN
