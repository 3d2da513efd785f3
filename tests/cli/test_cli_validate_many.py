"""Large folders: files checked in worker processes give exactly what one process gives,
and the findings remembered per file never hide an edit."""

from __future__ import annotations

import resource

import pytest

from conftest import LENIENT_AGE

COUNT = 70
"""Enough files for two worker processes."""


@pytest.fixture
def large_folder(tmp_path, valid_text):
    """COUNT distinct valid monographs, then three kinds of trouble among them."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(COUNT):
        name = f"drug{i:03d}"
        text = (valid_text.replace("id: testinib", f"id: {name}")
                .replace("generic_name: testinib", f"generic_name: {name}")
                .replace("TST-001", f"TST-{i:03d}").replace("Testra", f"Testra{i:03d}"))
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    _edit(folder / "drug010.yaml", "amount: 5, unit: mg", "amount: -5, unit: mg")  # schema
    _edit(folder / "drug020.yaml", "TST-020", "TST-030")  # a name two files claim
    (folder / "drug040.yaml").write_text("id: [oops\n", encoding="utf-8")  # not YAML
    return folder


def _edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_worker_processes_report_exactly_what_one_process_reports(cli, large_folder):
    off = {"TRKMONO_CACHE_DIR": "off"}
    before = _child_cpu_seconds()
    alone = cli("validate", str(large_folder), "--jobs", "1", *LENIENT_AGE, env=off)
    assert _child_cpu_seconds() == before  # no worker process
    shared = cli("validate", str(large_folder), "--jobs", "2", *LENIENT_AGE, env=off)
    assert _child_cpu_seconds() > before  # the files were checked by worker processes
    assert (shared.exit_code, shared.stdout, shared.stderr) == (alone.exit_code, alone.stdout, alone.stderr)
    rules = [line.rsplit("(", 1)[-1] for line in alone.stdout.splitlines()]
    assert sorted(rules) == ["name-duplicate)", "schema)", "yaml-syntax)"]
    assert f"{COUNT} file(s) checked: 3 error(s)" in alone.stderr


@pytest.mark.slow
def test_a_large_folder_sees_an_edit_on_the_very_next_run(cli, large_folder):
    first = cli("validate", str(large_folder), *LENIENT_AGE)
    assert cli("validate", str(large_folder), *LENIENT_AGE).stdout == first.stdout  # from the cache
    _edit(large_folder / "drug050.yaml", "amount: 5, unit: mg", "amount: 0, unit: mg")
    edited = cli("validate", str(large_folder), *LENIENT_AGE)
    added = set(edited.stdout.splitlines()) - set(first.stdout.splitlines())
    assert len(added) == 1 and "drug050.yaml" in added.pop()
    _edit(large_folder / "drug050.yaml", "amount: 0, unit: mg", "amount: 5, unit: mg")
    assert cli("validate", str(large_folder), *LENIENT_AGE).stdout == first.stdout
