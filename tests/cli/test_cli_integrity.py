"""What the screen shows comes from the files as they are now, whatever the cache or the
environment does: private caches, content-true answers, broken cache entries, faulty output."""

from __future__ import annotations

import hashlib
import mmap
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import LENIENT_AGE, VALID
from trkmono.compiled.store import MAX_STORE_BYTES

NOBODY = 65534


def trkmono(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """trkmono as a user runs it: a separate process, output as bytes."""
    merged = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})}
    full_env = {name: value for name, value in merged.items() if value is not None}  # None: unset
    return subprocess.run([sys.executable, "-m", "trkmono", *args], env=full_env, capture_output=True,
                          timeout=60, **kwargs)


@pytest.fixture
def folder(tmp_path, valid_text) -> Path:
    """A data folder holding the fictional valid monograph."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "testinib.yaml").write_text(valid_text, encoding="utf-8")
    return data


def stores(cache: Path) -> list[Path]:
    return sorted(cache.glob("compiled-*.sqlite"))


# --- private ---------------------------------------------------------------------------------

def test_cache_folder_and_files_are_private(cli, folder, tmp_path):
    cache = tmp_path / "new" / "cache"
    assert cli("show", "testinib", "--data-dir", str(folder), env={"TRKMONO_CACHE_DIR": str(cache)}).exit_code == 0
    assert cache.stat().st_mode & 0o777 == 0o700
    assert stores(cache) and all(p.stat().st_mode & 0o077 == 0 for p in cache.iterdir())


@pytest.mark.parametrize("make_unsafe", [
    lambda cache: os.chmod(cache, 0o777),
    lambda cache: os.chmod(cache, 0o770),
    lambda cache: os.chown(cache, NOBODY, NOBODY),
], ids=["others-can-write", "group-can-write", "another-owner"])
def test_a_cache_folder_others_control_is_neither_read_nor_written(folder, tmp_path, make_unsafe):
    cache = tmp_path / "shared-cache"
    cache.mkdir(mode=0o700)
    make_unsafe(cache)
    result = trkmono("show", "testinib", "--data-dir", str(folder), env={"TRKMONO_CACHE_DIR": str(cache)})
    assert result.returncode == 0 and b"TESTINIB" in result.stdout
    assert result.stderr.decode().count("not using the cache folder") == 1
    assert list(cache.iterdir()) == []


def test_a_cache_inside_a_folder_another_user_controls_is_refused(folder, tmp_path):
    base = tmp_path / "tmp-like"
    base.mkdir()
    os.chown(base, NOBODY, NOBODY)  # e.g. XDG_CACHE_HOME under /tmp, made by someone else
    result = trkmono("list", "--data-dir", str(folder), env={"XDG_CACHE_HOME": str(base), "TRKMONO_CACHE_DIR": None})
    assert result.returncode == 0 and b"testinib" in result.stdout
    assert b"not using the cache folder" in result.stderr
    assert not stores(base / "trkmono")


def test_a_relative_xdg_cache_home_is_ignored(folder, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    result = trkmono("list", "--data-dir", str(folder), cwd=work,
                     env={"HOME": str(home), "XDG_CACHE_HOME": "relative-cache", "TRKMONO_CACHE_DIR": None})
    assert result.returncode == 0
    assert not (work / "relative-cache").exists()
    assert stores(home / ".cache" / "trkmono")


# --- content-true ----------------------------------------------------------------------------

def test_a_same_size_edit_within_the_same_second_is_seen_at_once(cli, folder):
    path = folder / "testinib.yaml"
    assert "Blocks a fictional kinase." in cli("show", "testinib", "--data-dir", str(folder)).stdout
    before = path.stat()
    path.write_text(path.read_text().replace("Blocks a fictional kinase.", "Blocks a fictional enzyme."))
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a 1-second file system would show it
    assert "Blocks a fictional enzyme." in cli("show", "testinib", "--data-dir", str(folder)).stdout


def test_a_write_through_a_memory_map_is_seen(cli, folder):
    path = folder / "testinib.yaml"
    cli("show", "testinib", "--data-dir", str(folder))
    with open(path, "r+b") as handle, mmap.mmap(handle.fileno(), 0) as mapped:
        at = mapped.find(b"Blocks a fictional kinase.")
        mapped[at:at + 6] = b"Stalls"
    assert "Stalls a fictional kinase." in cli("show", "testinib", "--data-dir", str(folder)).stdout


def test_an_edit_an_added_and_a_removed_file_are_seen_on_the_next_run(cli, folder, valid_text):
    other = folder / "other.yaml"
    other.write_text(valid_text.replace("id: testinib", "id: other").replace("generic_name: testinib",
                     "generic_name: other").replace("TST-001", "OTH-001").replace("Testra", "Othra"))
    assert "OTHER" in cli("show", "other", "--data-dir", str(folder)).stdout
    other.unlink()
    assert cli("show", "other", "--data-dir", str(folder)).exit_code == 1
    assert "other" not in cli("list", "--data-dir", str(folder)).stdout


def test_validate_never_passes_a_file_because_of_the_cache(cli, folder, tmp_path):
    """A store planted with a clean answer for a broken file's exact bytes does not fool validate."""
    cache = tmp_path / "cache"
    env = {"TRKMONO_CACHE_DIR": str(cache)}
    path = folder / "testinib.yaml"
    cli("show", "testinib", "--data-dir", str(folder), env=env)
    broken = path.read_text().replace("amount: 5, unit: mg", "amount: -5, unit: mg")
    path.write_text(broken)
    with sqlite3.connect(stores(cache)[0]) as db:
        db.execute("UPDATE compiled SET digest = ?", (hashlib.sha256(broken.encode()).hexdigest(),))
    result = cli("validate", str(path), *LENIENT_AGE, env=env)
    assert result.exit_code == 1 and "greater than 0" in result.stdout


def test_a_skipped_file_is_reported_on_every_run(cli, folder):
    (folder / "broken.yaml").write_text("id: [oops\n")
    for _ in range(2):
        result = cli("list", "--data-dir", str(folder))
        assert "skipped" in result.stderr and "broken.yaml" in result.stderr and "testinib" in result.stdout


# --- harmless when broken --------------------------------------------------------------------

def _break_store(cache: Path, how: str) -> None:
    store = stores(cache)[0]
    if how == "fifo":
        store.unlink()
        os.mkfifo(store)
    elif how == "link-to-dev-zero":
        store.unlink()
        store.symlink_to("/dev/zero")
    elif how == "huge":
        with open(store, "ab") as handle:
            handle.truncate(MAX_STORE_BYTES + 1)
    elif how == "truncated":
        store.write_bytes(store.read_bytes()[:1000])
    elif how == "garbage":
        store.write_bytes(b"not a database at all" * 100)
    else:
        with sqlite3.connect(store) as db:
            value = {"deep-json": "[" * 100_000 + "]" * 100_000, "wrong-shape": '{"id": "testinib"}'}.get(how)
            if value is not None:
                db.execute("UPDATE compiled SET monograph = ?", (value,))
            else:
                db.execute("UPDATE compiled SET names = '[1, 2]', errors = 'null'")


@pytest.mark.parametrize("how", ["fifo", "link-to-dev-zero", "huge", "truncated", "garbage", "deep-json",
                                 "wrong-shape", "bad-summary"])
def test_a_broken_cache_costs_speed_only(folder, tmp_path, how):
    cache = tmp_path / "cache"
    env = {"TRKMONO_CACHE_DIR": str(cache)}
    expected = trkmono("show", "testinib", "--data-dir", str(folder), env=env)
    _break_store(cache, how)
    result = trkmono("show", "testinib", "--data-dir", str(folder), env=env)
    assert (result.returncode, result.stdout) == (0, expected.stdout)
    assert b"internal error" not in result.stderr
    assert trkmono("list", "--data-dir", str(folder), env=env).returncode == 0


# --- faults and odd environments -------------------------------------------------------------

def test_a_full_disk_is_an_error_not_a_truncated_success():
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "trkmono", "show", "larotrectinib", "--no-pager"],
                                stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "could not write the output" in lines[0] and "internal error" not in lines[0]


def test_a_closed_stdout_is_an_error():
    result = subprocess.run([sys.executable, "-m", "trkmono", "list"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, timeout=60, preexec_fn=lambda: os.close(1))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr.decode()


def test_an_encoding_that_cannot_show_the_text_gets_replacements():
    result = trkmono("show", "larotrectinib", "--no-pager", env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0
    assert b"LAROTRECTINIB" in result.stdout and b"internal error" not in result.stderr


def test_a_reader_that_goes_away_ends_the_run_quietly():
    shown = subprocess.Popen([sys.executable, "-m", "trkmono", "compare", "--no-pager"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    shown.stdout.read(10)
    shown.stdout.close()
    shown.wait(timeout=60)
    assert b"Traceback" not in shown.stderr.read()


@pytest.mark.parametrize("kind", ["dangling", "loop", "fifo", "folder"])
def test_an_unreadable_entry_is_skipped_and_the_rest_shown(cli, folder, kind):
    bad = folder / "bad.yaml"
    if kind == "dangling":
        bad.symlink_to(folder / "missing.yaml")
    elif kind == "loop":
        bad.symlink_to(bad)
    elif kind == "fifo":
        os.mkfifo(bad)
    else:
        bad.mkdir()
    for command in (["list"], ["show", "testinib"], ["compare"]):
        result = cli(*command, "--data-dir", str(folder))
        assert result.exit_code == 0, (command, result.stderr)
        assert "skipped" in result.stderr and "bad.yaml" in result.stderr
    assert cli("validate", str(folder), *LENIENT_AGE).exit_code == 1


def test_a_symlinked_monograph_is_named_by_its_link(cli, tmp_path, valid_text):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "real-name.yaml").write_text(valid_text.replace("amount: 5, unit: mg", "amount: -5, unit: mg"))
    data = tmp_path / "data"
    data.mkdir()
    (data / "testinib.yaml").symlink_to(elsewhere / "real-name.yaml")
    result = cli("validate", str(data), *LENIENT_AGE)
    assert f"{data / 'testinib.yaml'}:" in result.stdout and "real-name" not in result.stdout
    listed = cli("list", "--data-dir", str(data))
    assert "testinib.yaml" in listed.stderr and "real-name" not in listed.stderr


def test_a_missing_data_folder_from_the_environment_is_a_usage_error(cli, tmp_path):
    result = cli("list", env={"TRKMONO_DATA_DIR": str(tmp_path / "nowhere")})
    assert result.exit_code == 2 and "nowhere" in result.stderr and "no such folder" in result.stderr


def test_the_same_file_or_folder_given_twice_is_checked_once(cli, folder):
    path = str(folder / "testinib.yaml")
    result = cli("validate", path, path, str(folder), *LENIENT_AGE)
    assert result.exit_code == 0 and "1 file(s) checked" in result.stderr


WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
"""Run a command as root but subject to file permissions, as any other user is."""


def _permissions_apply() -> bool:
    import shutil
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


needs_permissions = pytest.mark.skipif(not _permissions_apply(), reason="needs setpriv to test permissions as root")


def _run_without_override(*args: str) -> subprocess.CompletedProcess:
    prefix = WITHOUT_OVERRIDE if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "trkmono", *args], capture_output=True, timeout=60,
                          env={**os.environ, "TRKMONO_CACHE_DIR": "off", "NO_COLOR": "1"})


@needs_permissions
def test_an_unreadable_file_is_skipped_by_name(folder):
    secret = folder / "secret.yaml"
    secret.write_text("id: secret\n")
    secret.chmod(0)
    result = _run_without_override("list", "--data-dir", str(folder))
    assert result.returncode == 0 and b"testinib" in result.stdout
    assert b"secret.yaml" in result.stderr and b"Permission denied" in result.stderr


@needs_permissions
def test_a_data_folder_without_search_permission_is_a_usage_error(folder):
    folder.chmod(0o600)  # listable, but its files cannot be reached
    try:
        result = _run_without_override("list", "--data-dir", str(folder))
    finally:
        folder.chmod(0o700)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert str(folder).encode() in result.stderr and b"search permission" in result.stderr


# --- workers ---------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_a_killed_validate(tmp_path, valid_text, how):
    for i in range(400):
        (tmp_path / f"drug{i:03d}.yaml").write_text(valid_text.replace("id: testinib", f"id: drug{i:03d}"))
    run = subprocess.Popen([sys.executable, "-m", "trkmono", "validate", str(tmp_path), "--jobs", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and run.poll() is None:
        workers = _children(run.pid)
        time.sleep(0.01)
    if run.poll() is not None:
        pytest.fail("validate ended before its workers were seen; give it more files")
    run.send_signal(how)
    run.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert workers and not any(_alive(w) for w in workers)


def test_the_valid_fixture_exists():
    assert VALID.is_file()


# --- settings that would make every read fail ----------------------------------------------------

@pytest.mark.parametrize("env", [{"TRKMONO_CACHE_DIR": "relative-cache"},
                                 {"TRKMONO_CACHE_DIR": None, "XDG_CACHE_HOME": None, "HOME": "relative-home"}],
                         ids=["relative-cache-dir", "relative-home"])
def test_a_relative_cache_setting_is_ignored(folder, tmp_path, env):
    work = tmp_path / "work"
    work.mkdir()
    for command in (["list"], ["show", "testinib"], ["search", "fictional"]):
        result = trkmono(*command, "--data-dir", str(folder), env=env, cwd=work)
        assert result.returncode == 0 and b"internal error" not in result.stderr, result.stderr
        assert result.stderr.count(b"not an absolute path") == (1 if "TRKMONO_CACHE_DIR" in env and
                                                                 env["TRKMONO_CACHE_DIR"] else 0)
    assert list(work.iterdir()) == []


def test_a_file_name_that_is_not_utf8_is_skipped_by_name(folder):
    with open(os.path.join(os.fsencode(folder), b"\xff\xfe.yaml"), "w") as handle:
        handle.write("id: x\n")
    for command in (["list"], ["show", "testinib"], ["search", "fictional"], ["compare"]):
        result = trkmono(*command, "--data-dir", str(folder))
        assert result.returncode == 0 and b"internal error" not in result.stderr, (command, result.stderr)
        assert b"not UTF-8" in result.stderr
