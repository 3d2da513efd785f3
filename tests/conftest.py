"""Shared helpers: run the real CLI, locate the real files, and a small monograph as plain data."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

from trkmono.cli.app import app

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
VALID = FIXTURES / "valid" / "testinib.yaml"
REPO = TESTS.parent
SHIPPED = REPO / "data" / "monographs"
LENIENT_AGE = ["--max-review-age", "120"]
"""The fictional fixture's review date must not go stale while the suite is in use."""


@pytest.fixture(scope="session")
def built_command():
    """trkmono's click command, built once: typer's test runner builds it again on every call
    (about 10 ms, a tenth of the suite's time), and a built command parses each call afresh."""
    return typer.main.get_command(app)


@pytest.fixture
def cli(built_command, monkeypatch):
    """Invoke trkmono in-process; stdout and stderr are kept apart."""
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: built_command)  # fails loudly if typer renames it
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})

    return invoke


@pytest.fixture
def valid_text() -> str:
    """The fictional valid monograph's text."""
    return VALID.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path):
    """Write a monograph file (text or bytes) into a fresh folder and return its path."""
    def writer(content: str | bytes, name: str = "testinib.yaml") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return writer


@pytest.fixture(scope="session")
def compiled_once(tmp_path_factory) -> Path:
    """A cache folder holding the shipped library and the fixture folders, compiled once per run.

    Compiling them again in every test was a third of the suite's time. Stores are keyed by each
    file's content and the code, so a copy answers exactly what a fresh compile would."""
    from trkmono.library import open_library
    folder = tmp_path_factory.mktemp("compiled-once")
    folders = [SHIPPED, *sorted(p.parent for p in FIXTURES.rglob("*.yaml"))]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRKMONO_CACHE_DIR", str(folder))
        for data in dict.fromkeys(folders):
            list(open_library(data).heads())
    for store in folder.glob("*.sqlite"):  # into the store file itself: each test copies less
        with contextlib.closing(sqlite3.connect(store)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch, compiled_once):
    """Each test gets its own cache folder, a copy of ``compiled_once``, so no test sees what
    another cached (the copy keeps the folder private, as trkmono requires)."""
    cache = tmp_path_factory.mktemp("cache")
    for store in compiled_once.iterdir():
        shutil.copy2(store, cache / store.name)
    monkeypatch.setenv("TRKMONO_CACHE_DIR", str(cache))


@pytest.fixture
def drug():
    """fictinib as the read commands get it (plain data), with two references: 'label' and 'trial'."""
    from trkmono.compiled.plain import Plain

    def reference(ref_id: str, title: str) -> Plain:
        return Plain(id=ref_id, title=title, publisher="Example Agency", date="2025-04-10",
                     url="https://example.org/label", tier="regulatory-label", note=None, curator_note=None,
                     region="US")
    return Plain(id="fictinib", identity=Plain(generic_name="fictinib"),
                 references=[reference("label", "Fictinib label"), reference("trial", "A fictional trial")])


@pytest.fixture
def claim():
    """A statement's citation as plain data: claim('label', evidence=..., label='§2.1')."""
    from trkmono.compiled.plain import Plain

    def cited(*cite: str, evidence: str = "confirmed", **at: str) -> Plain:
        return Plain(cite=list(cite), at=dict(at), evidence=evidence)
    return cited
