"""Open a library, find a drug by any of its names, and stream its monographs.

A library is the packaged one (compiled when the wheel was built) or a folder of YAML files
compiled per file into a store keyed by each file's content. Either way the read commands get
plain data that passed every error-level rule; a file that fails one is kept aside as broken
with its problems, never shown. Names shared across files follow the data: a name that one file
holds and another only "claims by a source" opens the holder; any other sharing is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from trkmono.compiled import cache_folder
from trkmono.compiled.plain import Plain
from trkmono.compiled.store import Key, Store, StoreUnusable, Summary
from trkmono.errors import Ambiguous, NotFound, TrkmonoError
from trkmono.problems import Problem
from trkmono.terms import IDENTIFIER_SYSTEMS
from trkmono.reading.folders import UNREADABLE, Unreadable, display_path, monograph_names, packaged_data_dir, \
    packaged_store, read_source

COMPILE_BATCH = 256
"""Files compiled and stored together; the batch is all that is held in memory at once."""
MAX_TYPO_EDITS = 2
"""A name is suggested only when it is at most this many letters away from what was typed: a typo,
not another drug with the same stem (taletrectinib is not a misspelt utatrectinib)."""


def _without_system(name: str) -> str:
    """'NDA 218213' -> '218213': an identifier typed with its code system's name before it."""
    typed = name.strip().casefold()
    for system in IDENTIFIER_SYSTEMS:
        if typed.startswith(system.casefold() + " "):
            return typed[len(system) + 1:].strip()
    return typed


@dataclass(frozen=True)
class Member:
    """One valid monograph file of the library."""

    key: Key
    path: str
    id: str
    names: list[tuple[tuple, str, bool]]
    store: Store = field(compare=False, repr=False)


@dataclass(frozen=True)
class Broken:
    """A file that cannot be shown, with the problems that say why."""

    path: str
    problems: list[Problem]


@dataclass
class Library:
    """The valid monographs of one library, indexed by every name, loaded when asked for."""

    origin: str
    """'the packaged library' or 'the folder PATH'."""
    members: list[Member]
    broken: list[Broken] = field(default_factory=list)

    def find(self, name: str) -> Plain:
        """The monograph answering to ``name`` (id, generic, brand, code, synonym; any case)."""
        return self.monograph(self.member(name))

    def member(self, name: str) -> Member:
        """The member answering to ``name``; NotFound or Ambiguous (both exit 1) otherwise."""
        holders = self._index().get(name.strip().casefold()) or self._index().get(_without_system(name), [])
        primary = list({m.id: m for m, claimed in holders if not claimed}.values())
        claimed = list({m.id: m for m, c in holders if c and m.id not in {p.id for p in primary}}.values())
        if len(primary) == 1 or (not primary and len(claimed) == 1):
            return (primary or claimed)[0]
        if primary or claimed:
            raise Ambiguous(name, [(m.id, "its own name") for m in primary]
                            + [(m.id, "claimed by a source it cites") for m in claimed])
        suggestions = self.suggestions(name)
        raise NotFound(self._not_found(name, suggestions), suggestions)

    def names_of(self, name: str) -> list[str]:
        """Every name (generic, brand, code, synonym) of the one monograph that holds ``name`` as its
        own; empty when none or several do."""
        holders = {m.id: m for m, claimed in self._index().get(name.strip().casefold(), []) if not claimed}
        if len(holders) != 1:
            return []
        member = next(iter(holders.values()))
        return list(dict.fromkeys(n for _, n, claimed in member.names if not claimed))

    def also_claimed(self, name: str, shown: Member) -> list[str]:
        """Other monographs that claim ``name`` through a cited source, besides the one shown."""
        return sorted({m.id for m, claimed in self._index().get(name.strip().casefold(), [])
                       if claimed and m.id != shown.id})

    def suggestions(self, name: str) -> list[str]:
        """Names that look like a typo of ``name`` (up to three drugs)."""
        index = self._index()
        best: dict[str, str] = {}
        typed = name.strip().casefold()
        close = difflib.get_close_matches(typed, list(index), n=10, cutoff=0.6)
        for key in [key for key in close if _edits(typed, key) <= MAX_TYPO_EDITS]:
            member = index[key][0][0]
            spelled = next(n for _, n, _ in member.names if n.casefold() == key)
            best.setdefault(member.id, spelled if key == member.id else f"{spelled} ({member.id})")
        return list(best.values())[:3]

    def monograph(self, member: Member) -> Plain:
        """The compiled monograph of a member; compiled again from its file if the store fails it."""
        found = _safely(lambda: member.store.monograph(member.key))
        return found if found is not None else _recompiled(member)

    def monographs(self) -> Iterator[Plain]:
        """Every valid monograph in file order, one at a time (memory stays flat)."""
        for member in self.members:
            yield self.monograph(member)

    def heads(self) -> Iterator[Plain]:
        """The head of every valid monograph (names, class, status, review) in file order, one at a
        time: what a listing needs, without loading whole monographs."""
        for member in self.members:
            head = _safely(lambda: member.store.head(member.key))
            yield head if head is not None else self.monograph(member)

    def matching_records(self, words: list[str | tuple[str, ...]]) -> Iterator[tuple[Plain, list[dict]]]:
        """(head, records that may contain every word) per monograph, in file order; a head carries
        only the drug's id, name and the references its records cite (read when they are listed),
        so a hit is shown without loading its monograph and thousands of hits take little memory.
        A store that fails its checks is left for the YAML: every record of every file, compiled
        again (the search checks each record itself)."""
        try:
            found = self._stored_matches(words)
        except StoreUnusable:
            found = [(i, self._candidate(member, None, records), records)
                     for i, member in enumerate(self.members) for records in [self.records(member)]]
        for _, head, records in sorted(found, key=lambda item: item[0]):
            yield head, records

    def _stored_matches(self, words: list[str | tuple[str, ...]]) -> list[tuple[int, Plain, list[dict]]]:
        """The stores' candidates, each file version taken only from the store its member reads (a
        file compiled into memory may also stand half-written in the cache)."""
        order = {m.key: i for i, m in enumerate(self.members)}
        found: list[tuple[int, Plain, list[dict]]] = []
        for store in dict.fromkeys(m.store for m in self.members):
            for key, records in store.matching_records(words):
                member = self.members[order[key]] if key in order else None
                if member is not None and member.store is store:
                    found.append((order[key], self._candidate(member, _safely(lambda: store.head(key)), records),
                                  records))
        return found

    def _candidate(self, member: Member, head: Plain | None, records: list[dict]) -> Plain:
        """What a search hit shows of its member: its stored head when that is sound, else its monograph's,
        with the references its records cite."""
        cited = {ref for record in records if record["source"] for ref in record["source"]["cite"]}
        references = StoredReferences(member, cited)
        return _hit_head(head, references) or _head_of(self.monograph(member), references)

    def records(self, member: Member) -> list[dict]:
        """The search records of one member (for the interaction mentions), compiled again from its
        file when the store fails them."""
        found = _safely(lambda: member.store.records(member.key))
        return found if found is not None else _from_file(member)["records"]

    def _index(self) -> dict[str, list[tuple[Member, bool]]]:
        if not hasattr(self, "_names"):
            self._names: dict[str, list[tuple[Member, bool]]] = {}
            for member in self.members:
                for _, name, claimed in member.names:
                    self._names.setdefault(name.casefold(), []).append((member, claimed))
        return self._names

    def _not_found(self, name: str, suggestions: list[str]) -> str:
        hint = f"did you mean {', '.join(suggestions)}? " if suggestions else ""
        return (f"no monograph named '{name}' in {self.origin} ({len(self.members)} monographs); "
                f"{hint}run 'trkmono list' to see them")


def open_library(folder: Path | None, today: dt.date | None = None) -> Library:
    """The packaged library (folder None) or a folder's, with broken files kept aside.

    The packaged store is used only while it was built from exactly the YAML installed beside it
    (same names, same bytes); an installed file edited, added or removed makes the installed folder
    be read like any other, so what is shown is what validate checks."""
    today = today or dt.date.today()
    folder = folder or packaged_data_dir()
    files = _read_folder(folder)
    built = packaged_store() if folder == packaged_data_dir() else None
    if built is not None:
        store = _safely(lambda: Store.packaged(built))
        if store is not None and _safely(store.list_files) == [key for key, _, _ in files]:
            return _assemble("the packaged library", store, files, today)
    origin = "the packaged library" if folder == packaged_data_dir() else f"the folder {display_path(folder)}"
    return _assemble(origin, _folder_store(), files, today)


def _read_folder(folder: Path) -> list[tuple]:
    """(key, shown path, path) per file, or (None, shown path, problem) for one that cannot be read.
    Only digests are kept, so memory stays flat however large the folder. One thread: measured on
    1,000 files, threads handing files to each other took three times as long, and two threads
    each taking half the files saved only 12 ms of about 65 (docs/speed.md)."""
    where, shown_where = os.fspath(folder), os.fspath(display_path(folder))
    return [_digest(os.path.join(where, name), os.path.join(shown_where, name) if shown_where != "." else name,
                    name) for name in monograph_names(folder)]


def _digest(path: str, shown: str, name: str) -> tuple:
    if not _decodable(name):  # skipped by name, as any unreadable file
        shown = shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return None, shown, UNREADABLE.at(shown, (1, 1), "the file name is not UTF-8; rename it")
    try:
        return (hashlib.sha256(read_source(path, shown)).hexdigest(), name), shown, path
    except Unreadable as exc:
        return None, shown, exc.problem


def _decodable(name: str) -> bool:
    """Whether a file name read from the system is proper text (undecodable bytes come as surrogates)."""
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _folder_store() -> Store:
    """The cache's store for this code, or one in memory when the cache cannot be used."""
    folder = cache_folder.private_folder()
    if folder is not None:
        try:
            return Store.in_cache(folder, code_stamp())
        except (StoreUnusable, OSError):
            pass
    return Store.in_memory()


def _assemble(origin: str, store: Store, files: list, today: dt.date) -> Library:
    """Summaries for every file (compiling, in one go, what the store lacks), then the library rules.
    A folder read again unchanged gets its summaries from one stored row (``Store.folder_index``).

    ``files`` holds (key, shown path, path), or (None, shown path, problem) for an unreadable file."""
    readable = [key for key, _, _ in files if key is not None]
    known = _safely(lambda: store.folder_index(readable))
    holder, recompiled = store, set()
    if known is None or not all(_current(summary, today) for summary in known.values()):
        known = _safely(lambda: store.summaries(readable)) or {}
        stale = [(key, shown, path) for key, shown, path in files
                 if key is not None and not (key in known and _current(known[key], today))]
        recompiled = {key for key, _, _ in stale}
        if stale:
            holder, fresh = _compile_into(store, stale, today)
            known.update(fresh)
        if holder is store:
            _safely(lambda: store.put_folder_index({key: known[key] for key in readable}))
    members, broken = [], []
    for key, shown, path in files:
        if key is None:
            broken.append(Broken(shown, [path]))
            continue
        summary = known[key]
        if summary.errors:
            broken.append(Broken(shown, [Problem(shown, line, col, "error", rule, message)
                                         for line, col, rule, message in summary.errors]))
        else:
            members.append(Member(key, shown, summary.id, summary.names,
                                  holder if key in recompiled else store))
    return _apply_library_rules(Library(origin, members, broken))


def _compile_into(store: Store, stale: list, today: dt.date) -> tuple[Store, dict[Key, Summary]]:
    """Compile files into the store, a batch at a time (in worker processes when there are many),
    so memory stays flat; into a store in memory when the store cannot take them. Returns where
    they went and their summaries."""
    for target in ([store] if store.writable else []) + [None]:
        target = target or Store.in_memory()
        try:
            for start in range(0, len(stale), COMPILE_BATCH):
                target.put(_compiled(stale[start:start + COMPILE_BATCH], today))
            summaries = target.summaries([key for key, _, _ in stale])
        except StoreUnusable:
            continue
        if len(summaries) == len(stale):
            return target, summaries
    raise TrkmonoError("the compiled library could not be kept even in memory")


def _compiled(batch: list, today: dt.date) -> dict[Key, dict]:
    from trkmono.checking.workers import map_split
    from trkmono.compiled.compile import compile_files  # PyYAML and pydantic: only when compiling
    items = [(_same_bytes(path, shown, key), shown) for key, shown, path in batch]
    return dict(zip((key for key, _, _ in batch), map_split(functools.partial(compile_files, today=today), items)))


def _same_bytes(path: Path | str, shown: str, key: Key) -> bytes:
    """The file's bytes, which must still be those its key was made from."""
    raw = read_source(path, shown)
    if hashlib.sha256(raw).hexdigest() != key[0]:
        raise TrkmonoError(f"{shown} changed while it was being read; run the command again")
    return raw


def _current(summary: Summary, today: dt.date) -> bool:
    """A stored check still holds today: compiled no later than today, and, when a date was then in
    the future, compiled today (that date may have arrived since)."""
    compiled_on = summary.compiled_on
    if compiled_on > today.isoformat():
        return False
    return compiled_on == today.isoformat() or all(rule != "date-future" for _, _, rule, _ in summary.errors)


class StoredReferences:
    """References of one member's file version, read from its store each time they are iterated
    (from its file when the store fails them)."""

    def __init__(self, member: Member, ids: set[str]) -> None:
        self.member, self.ids = member, ids

    def __iter__(self) -> Iterator[dict]:
        found = _safely(lambda: self.member.store.references(self.member.key, self.ids))
        if found is None:
            found = [ref for ref in _from_file(self.member)["references"] if ref["id"] in self.ids]
        return iter(found)


def _hit_head(head: Plain | None, references: StoredReferences) -> Plain | None:
    """What a search hit shows of its monograph: id, generic name and the references it cites
    (None when the stored head is missing or not of that shape)."""
    try:
        return None if head is None else _head_of(head, references)
    except (AttributeError, TypeError):
        return None


def _head_of(m: Plain, references: StoredReferences) -> Plain:
    return Plain(id=m.id, identity=Plain(generic_name=m.identity.generic_name), references=references)


def _apply_library_rules(library: Library) -> Library:
    """Move members that share an id with another to broken.

    A name two members hold hides neither: looking that name up is ambiguous (``member``) and
    validate reports it (name-duplicate). The rules (and the YAML reader that locates their
    findings) are loaded only when two members share an id, which a clean library never does.
    """
    if len({m.id for m in library.members}) == len(library.members):
        return library
    from trkmono.checking.rules import Entry, check_library
    from trkmono.reading.loader import load_file
    entries = [Entry(m.path, m.id, tuple(m.names)) for m in library.members]
    problems = [p for p in check_library(entries, lambda entry, loc: load_file(Path(entry.path)).mark(loc))
                if p.rule == "id-duplicate"]
    failing = {p.path for p in problems}
    library.members = [m for m in library.members if m.path not in failing]
    library.broken += [Broken(path, [p for p in problems if p.path == path]) for path in sorted(failing)]
    return library


def _recompiled(member: Member) -> Plain:
    """A member's monograph compiled again from its file, which must still hold the same bytes."""
    return _from_file(member)["monograph"]


def _from_file(member: Member) -> dict:
    """A member's file compiled again (as plain data), once per run: what a store that fails its
    checks would have served. The file must still hold the bytes its key was made from."""
    if member.key not in _FROM_FILES:
        from trkmono.compiled.compile import compile_file
        from trkmono.compiled.plain import dumps, loads
        try:
            raw = read_source(Path(member.path), member.path)
        except Unreadable as exc:
            raise TrkmonoError(f"{member.path}: {exc}") from None
        if hashlib.sha256(raw).hexdigest() != member.key[0]:
            raise TrkmonoError(f"{member.path} changed while it was being read; run the command again")
        compiled = compile_file(raw, member.path, dt.date.today())
        if compiled["monograph"] is None:
            raise TrkmonoError(f"{member.path} no longer passes its checks; run 'trkmono validate {member.path}'")
        _FROM_FILES[member.key] = loads(dumps(compiled))
    return _FROM_FILES[member.key]


_FROM_FILES: dict[Key, Plain] = {}
"""Files compiled again in this run, by key (a damaged store is read again for every hit)."""


def _edits(a: str, b: str) -> int:
    """Levenshtein distance: letters inserted, deleted or replaced to turn a into b."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _safely(read):
    try:
        return read()
    except StoreUnusable:
        return None


def code_stamp() -> str:
    """Changes with trkmono's code and the releases of the libraries that shape compiled data."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for name in ("PyYAML", "pydantic", "pydantic-core"):
        digest.update(f"{name}={_release(name)}".encode())
    return digest.hexdigest()[:16]


def _release(name: str) -> str:
    """An installed distribution's version, read from the Version line of its metadata alone
    (parsing all of pydantic's long metadata would cost every command several milliseconds)."""
    from importlib.metadata import PackageNotFoundError, distribution
    try:
        text = distribution(name).read_text("METADATA") or ""
    except PackageNotFoundError:
        return "absent"
    found = re.search(r"^Version:[ \t]*(\S+)", text, re.MULTILINE)
    return found.group(1) if found else "unknown"
