"""list, show and compare through the CLI on the shipped monographs and on a curator's folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import SHIPPED, VALID

DRUGS = sorted(path.stem for path in SHIPPED.glob("*.yaml"))


def test_list_shows_every_drug_and_the_notice(cli):
    result = cli("list")
    assert result.exit_code == 0
    for drug in DRUGS:
        assert drug in result.stdout
    assert "not medical advice" in result.stdout
    assert result.stderr == ""


def test_list_json_is_a_versioned_envelope(cli):
    data = json.loads(cli("list", "--json").stdout)
    assert data["format_version"] == 1 and data["kind"] == "library"
    assert sorted(m["id"] for m in data["monographs"]) == sorted(DRUGS)
    assert data["skipped"] == []


@pytest.mark.parametrize("name", ["larotrectinib", "LAROTRECTINIB", "Vitrakvi", "loxo-101"])
def test_show_finds_by_any_name_in_any_case(cli, name):
    result = cli("show", name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("LAROTRECTINIB")


def test_show_has_all_sections_citations_and_notice(cli):
    out = cli("show", "larotrectinib").stdout
    for heading in ["At a glance", "Caveats", "Status", "Indications", "Mechanism", "Dosing", "Safety", "Efficacy",
                    "References"]:
        assert f"\n{heading} ─" in out
    assert "[1]" in out
    assert "not medical advice" in out


def test_show_tags_claims_by_evidence_and_keeps_the_identity_caveat(cli):
    out = cli("show", "utatrectinib").stdout
    assert "\nCaveats ─" in out
    assert "selitrectinib" in out.lower()
    assert "(unconfirmed)" in out and "UNVERIFIED" not in out
    assert "secondary web page (weakest tier)" in out


def test_show_section_limits_the_output(cli):
    out = cli("show", "entrectinib", "--section", "dosing").stdout
    assert "Dosing ─" in out and "Safety ─" not in out and "Efficacy ─" not in out
    assert "not medical advice" in out


def test_unknown_section_is_a_usage_error(cli):
    result = cli("show", "entrectinib", "--section", "price")
    assert result.exit_code == 2


def test_unknown_name_fails_on_stderr_only(cli):
    result = cli("show", "larotrectnib")
    assert result.exit_code == 1
    assert "no monograph named 'larotrectnib'" in result.stderr
    assert result.stdout == ""


def test_show_json_carries_the_whole_monograph(cli):
    data = json.loads(cli("show", "entrectinib", "--json").stdout)
    assert data["kind"] == "monograph"
    monograph = data["monograph"]
    assert monograph["id"] == "entrectinib"
    assert {"identity", "status", "indications", "mechanism", "dosing", "safety", "efficacy", "references",
            "review"} <= set(monograph)


def test_show_json_with_sections_keeps_identity_and_references(cli):
    monograph = json.loads(cli("show", "entrectinib", "--json", "-s", "dosing").stdout)["monograph"]
    assert "dosing" in monograph and "references" in monograph and "safety" not in monograph


def test_compare_all_drugs_has_every_aspect(cli):
    result = cli("compare", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for aspect in ["Status", "Targets", "Adult dose", "Paediatric dose", "Dose reductions",
                   "Hepatic impairment", "CYP3A4", "Key warnings", "Response rates"]:
        assert aspect in result.stdout
    for drug in DRUGS:
        assert drug in result.stdout


def test_compare_json_cells_carry_citations_and_tiers(cli):
    data = json.loads(cli("compare", "larotrectinib", "Rozlytrek", "--json").stdout)
    assert data["drugs"] == ["larotrectinib", "entrectinib"]
    status = next(r for r in data["rows"] if r["aspect"] == "Status")
    for cell in status["cells"].values():
        assert cell["cite"] and cell["tier"]


def test_compare_unknown_drug_fails(cli):
    result = cli("compare", "larotrectinib", "nosuchdrug")
    assert result.exit_code == 1
    assert "no monograph named 'nosuchdrug'" in result.stderr


def test_data_dir_and_environment_variable(cli, tmp_path):
    shutil.copy(VALID, tmp_path / "testinib.yaml")
    assert "TESTINIB" in cli("show", "Testra", "--data-dir", str(tmp_path)).stdout
    assert "TESTINIB" in cli("show", "tst-001", env={"TRKMONO_DATA_DIR": str(tmp_path)}).stdout
    assert cli("show", "larotrectinib", "--data-dir", str(tmp_path)).exit_code == 1


def test_missing_data_dir_is_a_usage_error(cli, tmp_path):
    result = cli("list", "--data-dir", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_broken_file_is_reported_and_the_rest_still_shown(cli, tmp_path):
    shutil.copy(VALID, tmp_path / "testinib.yaml")
    (tmp_path / "broken.yaml").write_text("id: [oops\n", encoding="utf-8")
    result = cli("show", "testinib", "--data-dir", str(tmp_path))
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "broken.yaml" in result.stderr


def test_markup_in_data_is_printed_literally(cli, tmp_path):
    text = VALID.read_text(encoding="utf-8").replace("Blocks a fictional kinase.", "'[bold red]not markup[/]'")
    (tmp_path / "testinib.yaml").write_text(text, encoding="utf-8")
    out = cli("show", "testinib", "--data-dir", str(tmp_path)).stdout
    assert "[bold red]not markup[/]" in out


def test_plain_when_piped_or_no_color_and_colour_on_request(cli):
    assert "\x1b[" not in cli("show", "larotrectinib").stdout
    assert "\x1b[" in cli("show", "larotrectinib", "--color", "always").stdout
    assert "\x1b[" not in cli("show", "larotrectinib", "--color", "never", env={"NO_COLOR": ""}).stdout


def test_version_names_tool_schema_and_data(cli):
    result = cli("--version")
    newest = max(json.loads(cli("list", "--json").stdout)["monographs"], key=lambda m: m["last_reviewed"])
    assert result.exit_code == 0 and "trkmono" in result.stdout and "schema 1" in result.stdout
    assert f"data reviewed up to {newest['last_reviewed']}, {len(DRUGS)} monographs" in result.stdout


def test_main_help_documents_streams_and_exit_codes(cli):
    out = " ".join(cli("--help").stdout.split())
    assert "diagnostics to stderr" in out and "2 usage error" in out and "130 interrupted" in out


def test_every_command_has_help_with_an_example(cli):
    for command in ["list", "show", "compare", "validate", "schema", "dose", "interactions", "resistance", "search",
                    "new", "help"]:
        result = cli(command, "--help")
        assert result.exit_code == 0
        assert "Example: trkmono" in result.stdout, command


def test_monograph_failing_a_check_is_not_shown(cli, tmp_path):
    text = VALID.read_text(encoding="utf-8").replace("cite: [test-label]}\n    - {text: Some",
                                                     "cite: [gone]}\n    - {text: Some")
    (tmp_path / "testinib.yaml").write_text(text, encoding="utf-8")
    result = cli("show", "testinib", "--data-dir", str(tmp_path))
    assert result.exit_code == 1
    assert "cites 'gone', which is not in references" in result.stderr


def test_works_from_any_folder_as_installed(tmp_path):
    done = subprocess.run([sys.executable, "-m", "trkmono", "show", "larotrectinib", "--section", "status"],
                          cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("LAROTRECTINIB")


def test_a_long_list_is_one_table_with_one_header_and_aligned_columns(cli, tmp_path, valid_text):
    from trkmono.views.render.terminal import BLOCK
    count = BLOCK + 50  # more rows than one block of the drawn table
    for i in range(count):
        clone = (valid_text.replace("testinib", f"testinib{i:04d}").replace("TST-001", f"TST-{i:04d}")
                 .replace("Testra", f"Testra{i:04d}"))
        (tmp_path / f"testinib{i:04d}.yaml").write_text(clone, encoding="utf-8")
    result = cli("list", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("Name ") for line in lines) == 1
    rows = [line for line in lines if line.startswith("testinib")]
    assert [row.split()[0] for row in rows] == [f"testinib{i:04d}" for i in range(count)]
    assert len({row.index("Testra") for row in rows}) == 1  # blocks share the column widths
