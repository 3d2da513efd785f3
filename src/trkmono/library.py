"""Finding monograph folders, loading them, and looking drugs up by any of their names."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trkmono.loader import Loaded, load_file
from trkmono.locations import display_path, monograph_files
from trkmono.problems import TrkmonoError
from trkmono.schema import Monograph



class NotFound(TrkmonoError):
    """No monograph answers to a name."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no monograph named '{name}'{hint}")
        self.suggestions = suggestions


@dataclass(frozen=True)
class Entry:
    """What the cross-file rules need of one valid monograph: its id and names with locations."""

    path: str
    id: str
    names: tuple[tuple[tuple, str], ...]

    @classmethod
    def of(cls, loaded: Loaded) -> Entry | None:
        """The entry of a loaded file, or None when it holds no valid monograph."""
        if loaded.monograph is None:
            return None
        return cls(loaded.path, loaded.monograph.id, tuple(names_with_locations(loaded.monograph)))


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
