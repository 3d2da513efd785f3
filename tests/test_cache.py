"""The cache never serves stale results and never causes a failure."""

from __future__ import annotations

from conftest import LENIENT_AGE


def test_validate_sees_an_edit_on_the_very_next_run(cli, write, valid_text):
    path = write(valid_text)
    assert cli("validate", str(path), *LENIENT_AGE).exit_code == 0
    assert cli("validate", str(path), *LENIENT_AGE).exit_code == 0  # now answered from the cache
    path.write_text(valid_text.replace("amount: 5, unit: mg", "amount: -5, unit: mg"), encoding="utf-8")
    result = cli("validate", str(path), *LENIENT_AGE)
    assert result.exit_code == 1
    assert "Input should be greater than 0" in result.stdout


def test_same_edit_with_same_size_and_time_is_still_seen(cli, write, valid_text):
    import os
    path = write(valid_text)
    cli("validate", str(path), *LENIENT_AGE)
    stat = path.stat()
    edited = valid_text.replace("amount: 5, unit: mg", "amount: 0, unit: mg")
    assert len(edited) == len(valid_text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cli("validate", str(path), *LENIENT_AGE).exit_code == 1


def test_unusable_cache_location_costs_nothing_but_speed(cli, write, valid_text, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    env = {"TRKMONO_CACHE_DIR": str(blocker / "cache")}
    path = write(valid_text)
    result = cli("validate", str(path), *LENIENT_AGE, env=env)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "TESTINIB" in cli("show", "testinib", "--data-dir", str(path.parent), env=env).stdout


def test_cache_can_be_turned_off(cli, write, valid_text):
    path = write(valid_text)
    assert cli("validate", str(path), *LENIENT_AGE, env={"TRKMONO_CACHE_DIR": "off"}).exit_code == 0


def test_show_sees_an_edit_added_and_removed_file_on_the_next_run(cli, tmp_path, valid_text):
    path = tmp_path / "testinib.yaml"
    path.write_text(valid_text, encoding="utf-8")
    first = cli("show", "testinib", "--data-dir", str(tmp_path))
    assert first.stdout == cli("show", "testinib", "--data-dir", str(tmp_path)).stdout  # replayed
    path.write_text(valid_text.replace("Blocks a fictional kinase.", "Blocks an edited kinase."), encoding="utf-8")
    assert "Blocks an edited kinase." in cli("show", "testinib", "--data-dir", str(tmp_path)).stdout
    other = tmp_path / "other.yaml"
    other.write_text(valid_text.replace("id: testinib", "id: other").replace("generic_name: testinib",
                     "generic_name: other").replace("TST-001", "OTH-001").replace("Testra", "Othra"),
                     encoding="utf-8")
    assert "other" in cli("list", "--data-dir", str(tmp_path)).stdout
    assert "OTHER" in cli("show", "other", "--data-dir", str(tmp_path)).stdout
    other.unlink()
    assert cli("show", "other", "--data-dir", str(tmp_path)).exit_code == 1
    assert "other" not in cli("list", "--data-dir", str(tmp_path)).stdout


def test_replayed_answer_keeps_the_skipped_file_warning(cli, tmp_path, valid_text):
    (tmp_path / "testinib.yaml").write_text(valid_text, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: [oops\n", encoding="utf-8")
    for _ in range(2):
        result = cli("list", "--data-dir", str(tmp_path))
        assert "skipped" in result.stderr and "broken.yaml" in result.stderr


def test_remembered_findings_stay_bounded(cli, write, valid_text, tmp_path):
    from trkmono.validation import MAX_REMEMBERED_RUNS
    cache = tmp_path / "cache"
    path = write(valid_text)
    for months in range(60, 60 + 3 * MAX_REMEMBERED_RUNS):  # each setting is remembered apart
        cli("validate", str(path), "--max-review-age", str(months), env={"TRKMONO_CACHE_DIR": str(cache)})
    assert 0 < len(list((cache / "checked").iterdir())) <= MAX_REMEMBERED_RUNS
