"""Finding monograph folders, loading them, and looking drugs up by any of their names."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trkmono.loader import Loaded, load_file
from trkmono.problems import TrkmonoError, UsageError
from trkmono.schema import Monograph

DATA_DIR_ENV = "TRKMONO_DATA_DIR"
MONOGRAPH_SUFFIXES = (".yaml", ".yml")


class NotFound(TrkmonoError):
    """No monograph answers to a name."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no monograph named '{name}'{hint}")
        self.suggestions = suggestions


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
        raise UsageError(f"{display_path(folder)}: not a folder of monographs")
    return sorted(p for p in folder.iterdir() if p.suffix in MONOGRAPH_SUFFIXES and not p.name.startswith("."))


def display_path(path: Path) -> Path:
    """A path as the user would write it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


@dataclass
class Library:
    """Every monograph file of a folder, loaded, with a name index over the valid ones."""

    folder: Path
    files: list[Loaded]

    @classmethod
    def open(cls, folder: Path) -> Library:
        """Load every monograph file of ``folder``."""
        return cls(folder, [load_file(p, str(display_path(p))) for p in monograph_files(folder)])

    @property
    def monographs(self) -> list[Monograph]:
        """The valid monographs, in file order."""
        return [f.monograph for f in self.files if f.monograph is not None]

    @property
    def broken(self) -> list[Loaded]:
        """Files that could not be read as valid monographs."""
        return [f for f in self.files if f.monograph is None]

    def find(self, name: str) -> Monograph:
        """The monograph answering to ``name`` (id, generic, brand, code, synonym; any case)."""
        index = self.name_index()
        found = index.get(name.strip().casefold())
        if found is None:
            close = difflib.get_close_matches(name.casefold(), list(index), n=10, cutoff=0.6)
            best: dict[str, str] = {}
            for key in close:
                best.setdefault(index[key].id, _display_name(index[key], key))
            raise NotFound(name, list(best.values())[:3])
        return found

    def name_index(self) -> dict[str, Monograph]:
        """Every name, case-folded, to its monograph (the first file wins a clash)."""
        index: dict[str, Monograph] = {}
        for monograph in self.monographs:
            for _, name in names_with_locations(monograph):
                index.setdefault(name.casefold(), monograph)
        return index


def names_with_locations(m: Monograph) -> Iterator[tuple[tuple, str]]:
    """Every name a monograph answers to, with where it is written."""
    yield ("id",), m.id
    yield ("identity", "generic_name"), m.identity.generic_name
    for field in ("synonyms", "codes", "brands"):
        for i, entry in enumerate(getattr(m.identity, field)):
            yield ("identity", field, i, "name"), entry.name


def _display_name(monograph: Monograph, key: str) -> str:
    for _, name in names_with_locations(monograph):
        if name.casefold() == key:
            return name if name.casefold() == monograph.id else f"{name} ({monograph.id})"
    return key
