"""The store proves what it serves: whatever is changed, lost or emptied in it, show, search,
interactions and list answer as they do with no cache at all, and the store is built again; the
packaged library follows the YAML installed beside it; commands side by side agree."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED
from trkmono.compiled.compile import build_packaged_store

pytestmark = pytest.mark.slow  # damage to the store, run side by side: slow fault tests (CI runs them; pytest -m slow)

COMMANDS = {
    "show": ["show", "larotrectinib"],
    "search": ["search", "fatigue"],
    "interactions": ["interactions", "entrectinib"],
    "list": ["list"],
    "show by brand": ["show", "vitrakvi", "--section", "references"],
    "dose": ["dose", "larotrectinib", "--bsa", "0.6"],
}


def _recompress(blob: bytes, old: bytes, new: bytes) -> bytes:
    return zlib.compress(zlib.decompress(blob).replace(old, new))


DAMAGE = {
    "record-altered": ["UPDATE record SET detail = replace(detail, 'atigue', 'atigues') "
                       "WHERE rowid IN (SELECT rowid FROM record WHERE record MATCH 'fatigue')"],
    "dose-in-record-altered": ["UPDATE record SET detail = replace(detail, '100 mg', '900 mg')"],
    "records-lost": ["DELETE FROM record WHERE rowid % 3 = 0"],
    "index-emptied": ["DELETE FROM record_idx"],
    "index-data-zeroed": ["UPDATE record_data SET block = zeroblob(length(block)) WHERE id > 10"],
    "record-content-lost": ["DELETE FROM record_content WHERE rowid % 2 = 0"],
    "references-altered": ["UPDATE reference SET detail = replace(detail, 'US FDA', 'US FDB')"],
    "references-lost": ["DELETE FROM reference WHERE position % 2 = 1"],
    "names-altered": ["UPDATE compiled SET names = replace(names, 'Vitrakvi', 'Rozlytrek')",
                      "DELETE FROM folder_index"],
    "errors-planted": ["UPDATE compiled SET errors = '[[1, 1, \"schema\", \"planted\"]]' "
                       "WHERE filename = 'larotrectinib.yaml'", "DELETE FROM folder_index"],
    "head-altered": "head",
    "monograph-and-checksum-swapped": ["UPDATE compiled SET monograph = (SELECT monograph FROM compiled "
                                       "WHERE filename = 'entrectinib.yaml'), checksum = (SELECT checksum FROM "
                                       "compiled WHERE filename = 'entrectinib.yaml') "
                                       "WHERE filename = 'larotrectinib.yaml'"],
}


def _damage(store: Path, how: str) -> None:
    db = sqlite3.connect(store)
    with db:
        if DAMAGE[how] == "head":
            for key, head in db.execute("SELECT rowid, head FROM compiled").fetchall():
                db.execute("UPDATE compiled SET head = ? WHERE rowid = ?",
                           (_recompress(head, b"Vitrakvi", b"Vitrakvo"), key))
        else:
            for statement in DAMAGE[how]:
                db.execute(statement)
    db.close()  # written through to the file itself (a read-only reader ignores a write-ahead log)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("library")
    for path in SHIPPED.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def expected(library) -> dict[str, tuple[int, str]]:
    """Each command's exit code and output with no cache at all."""
    return {name: _run(args, library, "off") for name, args in COMMANDS.items()}


def _run(args: list[str], folder: Path, cache: str) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-m", "trkmono", *args, "--data-dir", str(folder), "--no-pager"],
                          capture_output=True, timeout=120, text=True,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TRKMONO_CACHE_DIR": cache})
    return done.returncode, done.stdout


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_a_damaged_store_answers_as_no_store_does(library, expected, tmp_path, how):
    cache = tmp_path / "cache"
    for args in COMMANDS.values():
        _run(args, library, str(cache))  # the cache holds everything a command may read
    store = next(cache.glob("compiled-*.sqlite"))
    _damage(store, how)
    for name, args in COMMANDS.items():
        assert _run(args, library, str(cache)) == expected[name], (how, name)
    for name, args in COMMANDS.items():  # built again: the next runs agree too
        assert _run(args, library, str(cache)) == expected[name], (how, name)


def test_a_cache_deleted_while_commands_run_side_by_side_changes_no_answer(library, expected, tmp_path):
    cache = tmp_path / "cache"
    stop = threading.Event()

    def delete_again_and_again() -> None:
        while not stop.is_set():
            for path in cache.glob("compiled-*"):
                path.unlink(missing_ok=True)
            stop.wait(0.01)

    deleter = threading.Thread(target=delete_again_and_again)
    deleter.start()
    try:
        for _ in range(3):
            for name in ("search", "interactions", "show"):
                assert _run(COMMANDS[name], library, str(cache)) == expected[name], name
    finally:
        stop.set()
        deleter.join()


def test_a_file_compiled_into_memory_beside_a_stale_cache_is_listed_once(library, expected, tmp_path):
    """The cache holds a file version it may not serve (compiled on a later day) and is locked by
    another writer, so the file is compiled into memory: each search hit is still listed once."""
    cache = tmp_path / "cache"
    _run(COMMANDS["search"], library, str(cache))
    store = next(cache.glob("compiled-*.sqlite"))
    db = sqlite3.connect(store)
    with db:
        db.execute("UPDATE compiled SET compiled_on = '2999-01-01' WHERE filename = 'larotrectinib.yaml'")
        db.execute("DELETE FROM folder_index")
    db.close()
    locker = sqlite3.connect(store, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        assert _run(COMMANDS["search"], library, str(cache)) == expected["search"]
    finally:
        locker.execute("ROLLBACK")
        locker.close()


# --- the packaged library ----------------------------------------------------------------------

@pytest.fixture
def installed(tmp_path) -> Path:
    """trkmono laid out as a wheel installs it: the package, its compiled store and the YAML beside it."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "src" / "trkmono", site / "trkmono", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SHIPPED, site / "trkmono" / "data" / "monographs")
    build_packaged_store(SHIPPED, site / "trkmono" / "data" / "library.sqlite", __import__("datetime").date.today())
    return site


def _packaged(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trkmono", *args, "--no-pager"], capture_output=True, text=True,
                          timeout=120, cwd=site.parent, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100",
                                                             "PYTHONPATH": str(site), "TRKMONO_DATA_DIR": ""})


def test_the_packaged_store_is_used_when_it_matches_the_installed_yaml(installed):
    result = _packaged(installed, "show", "larotrectinib")
    assert result.returncode == 0 and "LAROTRECTINIB" in result.stdout
    assert not list((installed.parent).glob("**/compiled-*.sqlite"))  # no cache needed


def test_an_edited_installed_file_is_shown_as_edited(installed):
    path = installed / "trkmono" / "data" / "monographs" / "larotrectinib.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Vitrakvi", "Vitrakvo"), encoding="utf-8")
    shown = _packaged(installed, "show", "larotrectinib")
    assert shown.returncode == 0 and "Vitrakvo" in shown.stdout and "Vitrakvi" not in shown.stdout


def test_a_deleted_installed_file_is_not_shown(installed):
    (installed / "trkmono" / "data" / "monographs" / "repotrectinib.yaml").unlink()
    assert _packaged(installed, "show", "repotrectinib").returncode == 1
    assert "repotrectinib" not in _packaged(installed, "list").stdout


@pytest.mark.parametrize("how", ["record-altered", "index-emptied", "references-lost", "head-altered"])
def test_a_damaged_packaged_store_answers_as_the_yaml_does(installed, how):
    expected = {name: _packaged(installed, *args) for name, args in COMMANDS.items()}
    store = installed / "trkmono" / "data" / "library.sqlite"
    _damage(store, how)
    for name, args in COMMANDS.items():
        result = _packaged(installed, *args)
        assert (result.returncode, result.stdout) == (expected[name].returncode, expected[name].stdout), name
