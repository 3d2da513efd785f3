"""The environment never crashes a read: a full, closed or abandoned stdout ends `--help` and
`--version` as it ends every answer, a full stderr loses diagnostics but never the run, and a very
wide terminal is drawn at a readable width, quickly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import VALID

FAULTS = ("full", "closed", "pipe")
"""A full disk (/dev/full), a closed stdout, and a reader that went away before the first byte."""


def run_with_stdout(fault: str, *args: str) -> subprocess.CompletedProcess:
    """trkmono with its stdout broken in one way, stderr captured."""
    command = [sys.executable, "-m", "trkmono", *args]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    if fault == "full":
        with open("/dev/full", "wb") as full:
            return subprocess.run(command, stdout=full, stderr=subprocess.PIPE, env=env, timeout=60)
    if fault == "closed":
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, timeout=60,
                              preexec_fn=lambda: os.close(1))
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(command, stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=60)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["show", "--help"], ["list"]],
                         ids=["version", "help", "command-help", "list"])
def test_help_and_version_keep_the_output_fault_promise_of_every_answer(fault, args):
    result = run_with_stdout(fault, *args)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and "internal error" not in stderr
    if fault == "pipe":
        assert (result.returncode, stderr) == (141, ""), "a reader that went away ends the run quietly"
        return
    reason = "No space left on device" if fault == "full" else "standard output is closed"
    assert result.returncode == 1
    assert stderr == f"trkmono: could not write the output: {reason}\n"


@pytest.mark.parametrize(("text", "code"), [(VALID.read_text(encoding="utf-8"), 0), ("id: [\n", 1)])
def test_a_full_stderr_loses_the_summary_never_the_run(tmp_path: Path, text, code):
    (tmp_path / "testinib.yaml").write_text(text, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "trkmono", "validate", str(tmp_path), "--max-review-age", "120"],
                                stdout=subprocess.PIPE, stderr=full, timeout=60)
    assert result.returncode == code
    assert (b"error:" in result.stdout) == bool(code)


@pytest.mark.parametrize(("args", "code"), [(["show", "--bogus"], 2), (["show", "nosuchdrug"], 1), ([], 2)])
def test_a_message_that_a_full_stderr_cannot_take_keeps_its_exit_code(args, code):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "trkmono", *args], stdout=subprocess.PIPE, stderr=full,
                                timeout=60)
    assert result.returncode == code


def test_a_full_stderr_does_not_stop_a_read_that_warns(tmp_path: Path):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "trkmono", "list"], stdout=subprocess.PIPE, stderr=full,
                                env={**os.environ, "TRKMONO_CACHE_DIR": "relative-cache"}, cwd=tmp_path,
                                timeout=60)
    assert result.returncode == 0 and b"larotrectinib" in result.stdout


@pytest.mark.parametrize("args", [["compare"], ["show", "larotrectinib"], ["list"]])
def test_a_very_wide_terminal_is_drawn_at_200_columns_quickly(args):
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "trkmono", *args, "--no-pager"], capture_output=True,
                            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100000"}, timeout=30)
    assert time.monotonic() - started < 15
    assert result.returncode == 0
    assert max(len(line) for line in result.stdout.decode().splitlines() if "://" not in line) <= 200
