"""Where monographs live: the packaged library, the user's folder, the files in a folder.

Standard library only, so the command line can find files without loading the heavy layers.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "TRKMONO_DATA_DIR"
MONOGRAPH_SUFFIXES = (".yaml", ".yml")


def packaged_data_dir() -> Path:
    """The monographs shipped with trkmono (inside the wheel, or the source checkout's data/)."""
    bundled = Path(__file__).parent / "data" / "monographs"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "data" / "monographs"


def choose_data_dir(option: Path | None) -> Path:
    """--data-dir, else $TRKMONO_DATA_DIR, else the packaged library."""
    if option is not None:
        return option
    from_env = os.environ.get(DATA_DIR_ENV)
    return Path(from_env) if from_env else packaged_data_dir()


def monograph_files(folder: Path) -> list[Path]:
    """The monograph files directly inside a folder, sorted by name."""
    if not folder.is_dir():
        from trkmono.problems import UsageError
        raise UsageError(f"{display_path(folder)}: not a folder of monographs")
    return sorted(p for p in folder.iterdir() if p.suffix in MONOGRAPH_SUFFIXES and not p.name.startswith("."))


def display_path(path: Path) -> Path:
    """A path as the user would write it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
