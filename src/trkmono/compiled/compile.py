"""Compile one monograph file: read and check it (YAML → model → rules), keep plain data.

What a read command needs of a file, and nothing that would need PyYAML or pydantic again: its
id and names, its own errors, the monograph as JSON-ready data, a head for listings and search
hits, and its search records. Cross-file rules are not here: they need the whole library.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from trkmono.checking.rules import Entry, Settings, check_file
from trkmono.compiled.records import records
from trkmono.compiled.store import build
from trkmono.model.schema import Monograph
from trkmono.reading.folders import monograph_files, read_source
from trkmono.reading.loader import load_bytes


def compile_file(raw: bytes, shown: str, today: dt.date) -> dict:
    """The compiled form of a file's bytes (``shown`` names it in problems and decides the id rule)."""
    loaded = load_bytes(raw, shown)
    problems = loaded.problems + check_file(loaded, Settings(today=today))
    errors = sorted({p for p in problems if p.level == "error"})
    entry = Entry.of(loaded)
    model = loaded.monograph if isinstance(loaded.monograph, Monograph) and not errors else None
    monograph = model.model_dump(mode="json") if model is not None else None
    return {
        "id": entry.id if entry else None,
        "names": [[list(loc), name, claimed] for loc, name, claimed in entry.names] if entry else [],
        "errors": [[p.line, p.column, p.rule, p.message] for p in errors],
        "compiled_on": today.isoformat(),
        "monograph": monograph,
        "head": head(monograph) if monograph else None,
        "references": monograph["references"] if monograph else [],
        "records": records(model) if model is not None else [],
    }


HEAD_FIELDS = ("schema_version", "id", "identity", "status", "indications", "review")
"""What a listing shows of a monograph, kept apart so that a listing never loads whole monographs."""


def head(monograph: dict) -> dict:
    """The part of a monograph that listings show, in the monograph's own shape."""
    return {name: monograph[name] for name in HEAD_FIELDS}


def compile_files(items: list[tuple[bytes, str]], today: dt.date) -> list[dict]:
    """compile_file over (bytes, shown name) pairs, in order (a unit of work for worker processes)."""
    return [compile_file(raw, shown, today) for raw, shown in items]


def build_packaged_store(folder: Path, path: Path, today: dt.date) -> int:
    """Compile every monograph of the packaged folder into a new store at path; returns how many."""
    store = build(path)
    compiled = {}
    for file in monograph_files(folder):
        raw = read_source(file, f"data/monographs/{file.name}")
        compiled[(hashlib.sha256(raw).hexdigest(), file.name)] = compile_file(raw, f"data/monographs/{file.name}",
                                                                               today)
    store.put(compiled)
    store.set_listing(compiled)
    store.connection.execute("VACUUM")
    store.connection.close()
    return len(compiled)
