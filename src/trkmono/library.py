"""Finding monograph folders, loading them, and looking drugs up by any of their names."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trkmono.loader import Loaded, load_file
from trkmono.problems import Problem, TrkmonoError
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


@dataclass(frozen=True)
class Broken:
    """A file that cannot be shown, with the problems that say why."""

    path: str
    problems: list[Problem]


@dataclass
class Library:
    """A folder's valid monographs, indexed by every name, loaded only when asked for."""

    folder: Path
    entries: list[Entry]
    broken: list[Broken]

    @property
    def monographs(self) -> list[Monograph]:
        """Every valid monograph, in file order (loads each file)."""
        return [self.load(entry) for entry in self.entries]

    def find(self, name: str) -> Monograph:
        """The monograph answering to ``name`` (id, generic, brand, code, synonym; any case)."""
        index = self.name_index()
        found = index.get(name.strip().casefold())
        if found is None:
            close = difflib.get_close_matches(name.casefold(), list(index), n=10, cutoff=0.6)
            best: dict[str, str] = {}
            for key in close:
                best.setdefault(index[key][0].id, _display_name(*index[key]))
            raise NotFound(name, list(best.values())[:3])
        return self.load(found[0])

    def name_index(self) -> dict[str, tuple[Entry, str]]:
        """Every name, case-folded, to its entry and its spelling (the first file wins a clash)."""
        index: dict[str, tuple[Entry, str]] = {}
        for entry in self.entries:
            for _, name, _ in entry.names:
                index.setdefault(name.casefold(), (entry, name))
        return index

    def load(self, entry: Entry) -> Monograph:
        """The monograph of an entry, read again from its file."""
        loaded = load_file(Path(entry.path), entry.path)
        if loaded.monograph is None:
            raise TrkmonoError(f"{entry.path} changed while it was being read; run the command again")
        return loaded.monograph


def names_with_locations(m: Monograph) -> Iterator[tuple[tuple, str, bool]]:
    """Every name a monograph answers to, with where it is written and whether only a source claims it."""
    yield ("id",), m.id, False
    yield ("identity", "generic_name"), m.identity.generic_name, False
    for field in ("synonyms", "codes", "brands"):
        for i, entry in enumerate(getattr(m.identity, field)):
            yield ("identity", field, i, "name"), entry.name, getattr(entry, "claimed_by_source", False)


def _display_name(entry: Entry, name: str) -> str:
    return name if name.casefold() == entry.id else f"{name} ({entry.id})"
