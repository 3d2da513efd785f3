"""The compiled library in SQLite: one row per file version (its monograph and head compressed,
its references as rows), a full-text index of its records, and per folder state the summaries of
all its file versions in one row.

Everything read back is verified before it is served: each part of a file version (its summary, head,
monograph, references and records) carries a SHA-256 of its stored text bound to the file version's
key, a file version's references and records are checked as a whole (so a lost or added row is seen),
each search record carries its own checksum, and the full-text index must hold exactly as many rows as
the file versions stored. What fails a check raises StoreDamaged: the caller answers from the YAML,
and a damaged cache is removed so that the next run builds it again.

A row is keyed by the SHA-256 of the file's bytes and its file name, so an edit is seen whatever
the file system's timestamps say. The packaged library is a store built with the wheel and opened
read-only; a user's folder uses a store in the private cache folder, one per code stamp (trkmono's
code and the PyYAML and pydantic releases that shaped the data), or one in memory when there is no
private cache. A store that cannot be read costs speed only: the caller compiles again.
SQLite ships with Python; its FTS5 index of word prefixes turns search into a query.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from trkmono.compiled import cache_folder
from trkmono.compiled.plain import Plain, dumps, loads

TABLES = """
CREATE TABLE IF NOT EXISTS compiled (
    digest TEXT NOT NULL, filename TEXT NOT NULL, id TEXT, names TEXT NOT NULL, errors TEXT NOT NULL,
    compiled_on TEXT NOT NULL, head BLOB, monograph BLOB, checksum TEXT, summary_checksum TEXT NOT NULL,
    head_checksum TEXT, references_checksum TEXT NOT NULL, records_checksum TEXT NOT NULL,
    record_count INTEGER NOT NULL, PRIMARY KEY (digest, filename));
CREATE TABLE IF NOT EXISTS reference (
    digest TEXT NOT NULL, filename TEXT NOT NULL, position INTEGER NOT NULL, id TEXT, detail TEXT NOT NULL,
    PRIMARY KEY (digest, filename, position));
CREATE TABLE IF NOT EXISTS listing (filename TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS folder_index (state TEXT PRIMARY KEY, body BLOB NOT NULL, checksum TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS record USING fts5(
    digest UNINDEXED, filename UNINDEXED, detail UNINDEXED, checksum UNINDEXED, text, prefix = '2 3');
"""
MAX_STORE_BYTES = 8 << 30
"""A store grown beyond this (old file versions pile up) is started again: it must hold a large
library several times over (10,000 monographs of 56 KB take about 2 GiB, most of it the index)."""
MAX_UNPACKED = 64 << 20
"""Largest stored JSON text unpacked; a bigger one is treated as broken."""
QUERY_BATCH = 500
"""Digests asked for in one query (SQLite allows some hundreds of parameters everywhere)."""
KEEP_STORES = 3
"""Stores of other code stamps kept in the cache folder (older ones are removed)."""

Key = tuple[str, str]
"""(SHA-256 of the bytes, file name)."""


class StoreUnusable(Exception):
    """The store cannot be read or written; the caller carries on without it."""


class StoreDamaged(StoreUnusable):
    """What the store holds fails its checksums or counts; the caller answers from the YAML."""


@dataclass(frozen=True)
class Summary:
    """What a store remembers of one file version, short of the monograph itself."""

    id: str | None
    names: list[tuple[tuple, str, bool]]
    errors: list[tuple[int, int, str, str]]
    compiled_on: str


class Store:
    """An open store; every method raises StoreUnusable instead of a database error."""

    def __init__(self, connection: sqlite3.Connection, writable: bool, path: Path | None = None) -> None:
        self.connection = connection
        self.writable = writable
        self.path = path
        """The cache file, removed when found damaged (None: packaged or in memory)."""

    @classmethod
    def packaged(cls, path: Path) -> Store:
        """The store built with the wheel, read-only and immutable."""
        return cls(_connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1"), writable=False)

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives as long as this process."""
        store = cls(_connect(":memory:"), writable=True)
        store.connection.executescript(TABLES)
        return store

    @classmethod
    def in_cache(cls, folder: Path, stamp: str) -> Store:
        """The store for this code stamp in a private cache folder, created (privately) if needed."""
        path = folder / f"compiled-{stamp}.sqlite"
        if not cache_folder.safe_regular_file(path, MAX_STORE_BYTES):
            _replace_with_new_store(path)
            _prune(folder, keep=path)
        try:
            store = cls(_connect(f"{path.as_uri()}?mode=rw"), writable=True, path=path)
            store.connection.execute("SELECT count(*) FROM compiled LIMIT 1").fetchone()
            return store
        except (sqlite3.DatabaseError, StoreUnusable):
            _replace_with_new_store(path)  # corrupt or foreign: start again, once
            return cls(_connect(f"{path.as_uri()}?mode=rw"), writable=True, path=path)

    def damaged(self, why: str) -> StoreDamaged:
        """The error for a failed check; a cache file is removed first, so the next run builds it
        again (commands that still have it open keep reading what they opened, and check it too)."""
        if self.path is not None:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass
            self.path = None
        return StoreDamaged(why)

    def summaries(self, keys: Iterable[Key]) -> dict[Key, Summary]:
        """The stored summaries of these file versions; an entry that cannot be decoded is left out."""
        wanted = set(keys)
        digests = sorted({digest for digest, _ in wanted})
        found: dict[Key, Summary] = {}
        for start in range(0, len(digests), QUERY_BATCH):
            batch = digests[start:start + QUERY_BATCH]
            rows = self._all("SELECT digest, filename, id, names, errors, compiled_on, summary_checksum FROM compiled "
                             f"WHERE digest IN ({', '.join('?' * len(batch))})", tuple(batch))
            for row in rows:
                key = (row[0], row[1])
                verified = key in wanted and row[6] == _checksum(key, _summary_text(*row[2:6]))
                summary = _summary(row[2:6]) if verified else None
                if summary is not None:
                    found[key] = summary
        return found

    def folder_index(self, keys: list[Key]) -> dict[Key, Summary] | None:
        """The summaries of exactly these file versions, kept together the last time a folder held
        them (one row to read instead of one per file); None when absent or altered."""
        state = _state(keys)
        row = self._one("SELECT body, checksum FROM folder_index WHERE state = ?", (state,))
        body = _unpacked(row[0]) if row else None
        if row is None or body is None or row[1] != _checksum((state, ""), body):
            return None
        try:
            found = {(digest, filename): Summary(mid, [(tuple(loc), name, claimed) for loc, name, claimed in names],
                                                 [tuple(error) for error in errors], compiled_on)
                     for digest, filename, mid, names, errors, compiled_on in json.loads(body)}
        except (ValueError, TypeError, RecursionError):
            return None
        return found if set(found) == set(keys) else None

    def put_folder_index(self, summaries: dict[Key, Summary]) -> None:
        """Keep the summaries of one folder's file versions together, under the versions they are of."""
        if not self.writable:
            return
        body = dumps([[*key, s.id, [[list(loc), name, claimed] for loc, name, claimed in s.names],
                       [list(error) for error in s.errors], s.compiled_on] for key, s in summaries.items()])
        state = _state(list(summaries))
        try:
            with self.connection:
                self.connection.execute("INSERT OR REPLACE INTO folder_index VALUES (?, ?, ?)",
                                        (state, _pack(body), _checksum((state, ""), body)))
        except sqlite3.DatabaseError as exc:
            raise StoreUnusable(str(exc)) from None

    def put(self, compiled: dict[Key, dict]) -> None:
        """Store compiled files (replacing what was stored under their keys), in one transaction."""
        if not self.writable or not compiled:
            return
        try:
            with self.connection:
                for key, one in compiled.items():
                    self._put(key, one)
        except sqlite3.DatabaseError as exc:
            raise StoreUnusable(str(exc)) from None

    def _put(self, key: Key, compiled: dict) -> None:
        monograph = compiled["monograph"]
        head = None if compiled["head"] is None else dumps(compiled["head"])
        body = None if monograph is None else dumps(monograph)
        summary = (compiled["id"], dumps(compiled["names"]), dumps(compiled["errors"]), compiled["compiled_on"])
        references = [dumps(ref) for ref in compiled["references"]]
        records = [(dumps(r), _index_form(r["text"])) for r in compiled["records"]]
        record_sums = [_checksum(key, detail) for detail, _ in records]
        if self.connection.execute("SELECT 1 FROM compiled WHERE digest = ? AND filename = ?", key).fetchone():
            self.connection.execute("DELETE FROM record WHERE digest = ? AND filename = ?", key)  # rare: a scan
            self.connection.execute("DELETE FROM reference WHERE digest = ? AND filename = ?", key)
        self.connection.execute(
            "INSERT OR REPLACE INTO compiled VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*key, *summary, None if head is None else _pack(head), None if body is None else _pack(body),
             None if body is None else _checksum(key, body), _checksum(key, _summary_text(*summary)),
             None if head is None else _checksum(key, head), _checksum(key, "\n".join(references)),
             _checksum(key, "".join(record_sums)), len(records)))
        self.connection.executemany("INSERT INTO reference VALUES (?, ?, ?, ?, ?)",
                                    [(*key, position, ref.get("id"), detail) for position, (ref, detail)
                                     in enumerate(zip(compiled["references"], references))])
        self.connection.executemany("INSERT INTO record VALUES (?, ?, ?, ?, ?)",
                                    [(*key, detail, checksum, text)
                                     for (detail, text), checksum in zip(records, record_sums)])

    def list_files(self) -> list[Key]:
        """The files of a packaged library, by name."""
        rows = self._all("SELECT digest, filename FROM listing ORDER BY filename", ())
        return [(digest, filename) for digest, filename in rows]

    def set_listing(self, keys: Iterable[Key]) -> None:
        """Record which files make up a packaged library."""
        with self.connection:
            self.connection.executemany("INSERT OR REPLACE INTO listing (digest, filename) VALUES (?, ?)", list(keys))

    def monograph(self, key: Key) -> Plain | None:
        """The compiled monograph of a file version, or None when absent, altered or undecodable."""
        row = self._one("SELECT monograph, checksum FROM compiled WHERE digest = ? AND filename = ?", key)
        body = _unpacked(row[0]) if row else None
        if row is None or body is None or row[1] != _checksum(key, body):
            return None
        return _decoded(body)

    def head(self, key: Key) -> Plain | None:
        """The head (id, generic name, status, review) of a file version, or None when absent or altered."""
        row = self._one("SELECT head, head_checksum FROM compiled WHERE digest = ? AND filename = ?", key)
        head = _unpacked(row[0]) if row else None
        return _decoded(head) if row and head and row[1] == _checksum(key, head) else None

    def references(self, key: Key, ids: set[str]) -> list[dict]:
        """The references of a file version whose ids are given, in the monograph's order; all its
        references are read and checked together (StoreDamaged when one is lost, added or altered)."""
        rows = self._all("SELECT detail FROM reference WHERE digest = ? AND filename = ? ORDER BY position", key)
        expected = self._one("SELECT references_checksum FROM compiled WHERE digest = ? AND filename = ?", key)
        details = [detail for (detail,) in rows]
        if expected is None or not all(type(d) is str for d in details) \
                or expected[0] != _checksum(key, "\n".join(details)):
            raise self.damaged("the references of a stored file fail their checksum")
        return [ref for detail in details if isinstance(ref := _decoded(detail), dict) and ref.get("id") in ids]

    def records(self, key: Key) -> list[dict]:
        """Every search record of a file version, in document order, checked together (StoreDamaged
        when one is lost, added or altered)."""
        rows = self._all("SELECT detail, checksum FROM record WHERE digest = ? AND filename = ? ORDER BY rowid", key)
        expected = self._one("SELECT records_checksum FROM compiled WHERE digest = ? AND filename = ?", key)
        if expected is None or expected[0] != _checksum(key, "".join(str(checksum) for _, checksum in rows)):
            raise self.damaged("the search records of a stored file fail their checksum")
        return [self._record(key, detail, checksum) for detail, checksum in rows]

    def matching_records(self, words: list[str | tuple[str, ...]]) -> Iterator[tuple[Key, list[dict]]]:
        """Records whose text has a word starting with each word, or with one of each word's
        alternatives (a superset of search's hits), grouped by file version, streamed (a file's
        records are stored together). The index must hold as many rows as the file versions
        stored, and every record its checksum; otherwise StoreDamaged."""
        self._check_index()
        phrases = [_phrase(word) for word in words]
        phrases = [p for p in phrases if p]
        if phrases:
            rows = self._cursor("SELECT digest, filename, detail, checksum FROM record WHERE record MATCH ? "
                                "ORDER BY rowid", (" AND ".join(phrases),))
        else:  # no word has a letter or digit: every record is a candidate
            rows = self._cursor("SELECT digest, filename, detail, checksum FROM record ORDER BY rowid", ())
        key: Key | None = None
        group: list[dict] = []
        for digest, filename, detail, checksum in rows:
            if (digest, filename) != key:
                if key is not None and group:
                    yield key, group
                key, group = (digest, filename), []
            group.append(self._record((digest, filename), detail, checksum))
        if key is not None and group:
            yield key, group

    def _check_index(self) -> None:
        """StoreDamaged unless the full-text index holds exactly the records of the stored file
        versions (a row lost from the index, or the index emptied, would hide search hits)."""
        expected = self._one("SELECT coalesce(sum(record_count), 0) FROM compiled", ())
        indexed = self._one("SELECT count(*) FROM record_docsize", ())
        segments = self._one("SELECT count(*) FROM record_idx", ())
        if expected is None or indexed is None or segments is None or expected[0] != indexed[0] \
                or (expected[0] > 0 and not segments[0]):
            raise self.damaged("the search index does not hold the stored records")

    def _record(self, key: Key, detail: object, checksum: object) -> dict:
        """One stored search record, decoded, or StoreDamaged when it fails its checksum."""
        record = _decoded(detail) if type(detail) is str and checksum == _checksum(key, detail) else None
        if not isinstance(record, dict):
            raise self.damaged("a stored search record fails its checksum")
        return record

    def _one(self, query: str, params: tuple) -> tuple | None:
        try:
            return self.connection.execute(query, params).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreUnusable(str(exc)) from None

    def _cursor(self, query: str, params: tuple) -> Iterator[tuple]:
        try:
            yield from self.connection.execute(query, params)
        except sqlite3.DatabaseError as exc:
            raise StoreUnusable(str(exc)) from None

    def _all(self, query: str, params: tuple) -> list[tuple]:
        try:
            return self.connection.execute(query, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreUnusable(str(exc)) from None


def build(path: Path) -> Store:
    """A new, empty store at path (for the packaged library, built with the wheel)."""
    path.unlink(missing_ok=True)
    store = Store(_connect(str(path)), writable=True)
    store.connection.executescript(TABLES)
    return store


def _connect(target: str) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(target, uri=target.startswith("file:"), timeout=2)
        connection.execute("PRAGMA trusted_schema = OFF")
        if "mode=ro" not in target:  # a cache: speed over durability (a damaged store is rebuilt)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = OFF")
        return connection
    except sqlite3.DatabaseError as exc:
        raise StoreUnusable(str(exc)) from None


def _replace_with_new_store(path: Path) -> None:
    """Create a store privately under a temporary name, then rename it into place."""
    temporary = cache_folder.create_private_file(path)
    try:
        connection = sqlite3.connect(str(temporary))
        connection.executescript(TABLES)
        connection.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.DatabaseError) as exc:
        temporary.unlink(missing_ok=True)
        raise StoreUnusable(str(exc)) from None


def _prune(folder: Path, keep: Path) -> None:
    """Remove the stores of older code stamps beyond the newest few."""
    try:
        others = sorted((p for p in folder.glob("compiled-*.sqlite") if p != keep),
                        key=lambda p: p.lstat().st_mtime, reverse=True)
        for old in others[KEEP_STORES - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _index_form(text: str) -> str:
    """Text as indexed: case-folded, 'ae' read as 'e' (search's patterns let them meet)."""
    return text.casefold().replace("ae", "e")


def _phrase(word: str | tuple[str, ...]) -> str:
    """An FTS5 query for a word at a word start: its tokens as a phrase, the last one a prefix;
    for alternatives (spellings of one name), any of them ('' when one has no letter or digit)."""
    if isinstance(word, tuple):
        phrases = [_phrase(alternative) for alternative in word]
        return "(" + " OR ".join(phrases) + ")" if all(phrases) else ""
    tokens = re.findall(r"\w+", _index_form(word))
    return f'"{" ".join(tokens)}" *' if tokens else ""


def _state(keys: list[Key]) -> str:
    """One digest for a folder's file versions, in order."""
    return hashlib.sha256("\n".join(f"{digest} {filename}" for digest, filename in keys).encode(
        "utf-8", "surrogatepass")).hexdigest()


def _pack(text: str) -> bytes:
    """JSON text as stored: compressed (a library's JSON shrinks to about a fifth)."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpacked(blob: object) -> str | None:
    """Stored bytes back to JSON text, or None when they are not what _pack wrote or unpack too big."""
    if not isinstance(blob, bytes):
        return None
    unpacker = zlib.decompressobj()
    try:
        raw = unpacker.decompress(blob, MAX_UNPACKED)
        return raw.decode("utf-8", "surrogatepass") if unpacker.eof and not unpacker.unconsumed_tail else None
    except (zlib.error, UnicodeDecodeError):
        return None


def _checksum(key: tuple[str, str], text: str) -> str:
    """SHA-256 of stored text bound to the file version (or folder state) it belongs to, so a part
    moved to another key fails too."""
    return hashlib.sha256("\0".join((*key, text)).encode("utf-8", "surrogatepass")).hexdigest()


def _summary_text(mid: object, names: object, errors: object, compiled_on: object) -> str:
    """A summary's stored columns as one text, for its checksum."""
    return "\0".join(str(part) for part in (mid, names, errors, compiled_on))


def _decoded(text: str) -> Plain | None:
    """JSON text as Plain data, or None when it cannot be decoded (too deep, truncated)."""
    try:
        return loads(text)
    except (ValueError, RecursionError, TypeError):
        return None


def _summary(row: tuple) -> Summary | None:
    """A summary from its stored columns, or None when any of them has the wrong shape."""
    mid, names, errors, compiled_on = row
    if not (isinstance(mid, (str, type(None))) and isinstance(compiled_on, str)):
        return None
    try:
        return Summary(mid, _names(names), [] if errors == "[]" else
                       [_typed(*error, kinds=(int, int, str, str)) for error in _list(errors)], compiled_on)
    except (ValueError, TypeError, RecursionError):
        return None


def _names(text: str) -> list[tuple[tuple, str, bool]]:
    """(location, name, claimed) triples, or TypeError when any has another shape (read for every
    file of a library on every run, so checked in one comprehension)."""
    decoded = _list(text)
    names = [(tuple(loc), name, claimed) for loc, name, claimed in decoded
             if type(loc) is list and type(name) is str and type(claimed) is bool]
    if len(names) != len(decoded):
        raise TypeError("wrong shape")
    return names


def _list(text: str) -> list:
    decoded = json.loads(text)
    if not isinstance(decoded, list):
        raise TypeError("not a list")
    return decoded


def _typed(*items, kinds: tuple[type, ...]) -> tuple:
    """The items as a tuple when each has its kind, else TypeError."""
    if len(items) != len(kinds) or any(type(item) is not kind for item, kind in zip(items, kinds)):
        raise TypeError("wrong shape")
    return items
