"""The whole class and the whole monograph (issue 23), through the CLI on the shipped files: the two
new monographs (zurletrectinib, taletrectinib), the sections a monograph may leave out ("not
recorded", never "none"), identifiers, the regulator vocabulary and overdue decisions, source names,
the evidence shares of provenance, and repotrectinib's new sections."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SHIPPED

NEW = ["taletrectinib", "zurletrectinib"]


def text(result) -> str:
    return " ".join(result.stdout.split())


def shown(cli, *args: str) -> str:
    result = cli("show", *args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    return text(result)


def test_the_new_monographs_pass_strict_validation(cli):
    result = cli("validate", "--strict", *(str(SHIPPED / f"{drug}.yaml") for drug in NEW))
    assert result.exit_code == 0, result.stdout
    assert "2 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr + result.stdout


def test_zurletrectinib_first_screen_says_where_it_is_not_approved(cli):
    out = shown(cli, "zurletrectinib", "--brief")
    assert "Approved only in China (NMPA, December 2025), patients 12 years and older; not approved in the US, " \
           "EU or Japan." in out
    assert "no labelled dose" in out
    assert "ICP-723" in out
    listed = text(cli("list"))
    listed = " ".join(listed.split())
    assert "zurletrectinib" in listed and "not approved in the US" in listed


def test_zurletrectinib_states_no_dose_in_mg_and_tiers_company_and_news_sources(cli):
    data = json.loads(cli("show", "zurletrectinib", "--json", "--region", "CN").stdout)["monograph"]
    assert data["dosing"]["regimens"] == [] and "no dose in mg" in data["dosing"]["unlabelled"]["text"]
    tiers = {r["id"]: r["tier"] for r in data["references"]}
    assert tiers["innocare-pr-2026-03"] == "manufacturer"
    assert tiers["flcube-zurletrectinib-2025"] == tiers["itiger-hkex-2025"] == "secondary-web"
    events = data["status"]["regulators"][0]["events"]
    assert [e["date"] for e in events] == ["2025-04", "2025-12-11", "2026-03-02"]
    assert events[-1]["pending"] is True
    boxed = shown(cli, "zurletrectinib", "--section", "safety")
    assert "Boxed warning: not known (no label text was available)" in boxed


def test_taletrectinib_first_screen_says_it_has_no_ntrk_indication(cli):
    out = shown(cli, "taletrectinib", "--brief")
    assert "no NTRK indication anywhere" in out
    assert "600 mg once daily, without food" in out
    assert "400 → 200 mg once daily" in out
    data = json.loads(cli("show", "ibtrozi", "--json").stdout)["monograph"]
    assert data["id"] == "taletrectinib"
    assert {m["mutation"] for m in data["mechanism"]["resistance"]} == {"ROS1 G2032R", "ROS1 L2086F"}


def test_both_new_drugs_are_in_compare_resistance_and_list(cli):
    compared = cli("compare", "taletrectinib", "zurletrectinib", "--json")
    assert compared.exit_code == 0, compared.stderr
    assert json.loads(compared.stdout)["drugs"] == NEW
    resistance = json.loads(cli("resistance", "--json").stdout)
    assert set(NEW) <= set(resistance["drugs"])
    listed = [m["id"] for m in json.loads(cli("list", "--json").stdout)["monographs"]]
    assert set(NEW) <= set(listed)


def test_a_section_left_out_reads_not_recorded_and_a_stated_none_reads_none(cli):
    none = shown(cli, "taletrectinib", "--section", "contraindications")
    assert "Contraindications" in none and "None: The US label lists no contraindications." in none
    missing = shown(cli, "zurletrectinib", "--section", "contraindications")
    assert "Not recorded in this monograph (this does not mean there is none)" in missing
    assert "None:" not in missing
    markdown = shown(cli, "zurletrectinib", "--section", "overdose", "--format", "markdown")
    assert "## Overdose" in markdown and "Not recorded in this monograph" in markdown
    data = json.loads(cli("show", "taletrectinib", "--json").stdout)
    assert data["sections_recorded"]["contraindications"] is True
    assert data["sections_recorded"]["overdose"] is False
    assert data["monograph"]["contraindications"]["none_stated"][0]["regions"] == ["US"]


def test_the_first_screen_lists_the_sections_not_recorded(cli):
    out = shown(cli, "taletrectinib", "--brief")
    assert "Unrecorded effects on other drugs, driving, overdose, storage" in out
    markdown = shown(cli, "taletrectinib", "--brief", "--format", "markdown")
    assert "**Unrecorded:** effects on other drugs, driving, overdose, storage" in markdown  # the same row


def test_lactation_and_pharmacokinetics_are_structured_and_shown(cli):
    out = shown(cli, "taletrectinib", "--section", "reproduction", "--section", "pharmacokinetics")
    assert "Pregnancy, contraception and lactation" in out
    assert "do not breastfeed, until 3 weeks after the last dose:" in out
    assert "123% of the fasted value" in out
    data = json.loads(cli("show", "taletrectinib", "--json", "--section", "reproduction").stdout)["monograph"]
    assert data["reproduction"]["lactation"][0]["after_last_dose"] == {"value": 3.0, "unit": "weeks"}


def test_the_starter_holds_every_new_section_and_validate_refuses_its_placeholders(cli, tmp_path):
    assert cli("new", "startinib", "--folder", str(tmp_path)).exit_code == 0
    starter = (tmp_path / "startinib.yaml").read_text(encoding="utf-8")
    for section in ("contraindications:", "pharmacokinetics:", "effects_on_other_drugs:", "reproduction:",
                    "older_adults:", "driving:", "overdose:", "storage:"):
        assert f"\n{section}" in starter
    result = cli("validate", str(tmp_path / "startinib.yaml"))
    assert result.exit_code == 1
    assert "reproduction.contraception[0].after_last_dose.value" in result.stdout + result.stderr


@pytest.fixture
def folder(tmp_path: Path):
    """A folder holding a copy of a shipped monograph, edited by the test."""
    def make(drug: str, old: str, new: str) -> Path:
        content = (SHIPPED / f"{drug}.yaml").read_text(encoding="utf-8")
        assert old in content
        (tmp_path / f"{drug}.yaml").write_text(content.replace(old, new, 1), encoding="utf-8")
        return str(tmp_path)
    return make


IDENTIFIERS = """  identifiers:
    - system: ATC
      value: L01EX99
      cite: [roa-2024-bjc]
    - system: NDA
      value: "999001"
      cite: [roa-2024-bjc]
  classification:"""


def test_show_finds_a_drug_by_any_identifier_and_json_carries_them(cli, folder):
    data_dir = str(folder("zurletrectinib", "  classification:", IDENTIFIERS))
    for name in ("L01EX99", "l01ex99", "999001", "NDA 999001"):
        result = cli("show", name, "--data-dir", data_dir, "--json")
        assert result.exit_code == 0, (name, result.stderr)
        monograph = json.loads(result.stdout)["monograph"]
        assert monograph["id"] == "zurletrectinib"
    assert {i["system"]: i["value"] for i in monograph["identity"]["identifiers"]} == {"ATC": "L01EX99",
                                                                                      "NDA": "999001"}


def test_a_pending_decision_past_its_date_makes_validate_warn(cli, folder):
    data_dir = folder("zurletrectinib", "          pending: true\n",
                      "          pending: true\n          decision_due: \"2026-06-30\"\n")
    result = cli("validate", data_dir, "--strict")
    assert result.exit_code == 1
    assert "decision was due 2026-06-30 and is still recorded as pending" in result.stdout + result.stderr
    assert "(decision-overdue)" in result.stdout + result.stderr


def test_a_regulator_outside_the_vocabulary_or_region_makes_validate_warn(cli, folder):
    data_dir = folder("zurletrectinib", "    - regulator: NMPA\n      region: CN\n",
                      "    - regulator: Chinese health office\n      region: CN\n")
    result = cli("validate", data_dir)
    out = result.stdout + result.stderr
    assert "'Chinese health office' is not a regulator of the vocabulary" in out and "(regulator-vocabulary)" in out
    mismatched = folder("zurletrectinib", "    - regulator: NMPA\n", "    - regulator: FDA\n")
    assert "FDA decides for US, not CN" in " ".join((cli("validate", mismatched).stdout).split())


def test_no_output_names_a_source_by_how_it_reached_the_project(cli):
    for drug in ["utatrectinib", *NEW]:
        for args in ((), ("--format", "markdown"), ("--json",)):
            result = cli("show", drug, *args)
            assert result.exit_code == 0
            assert "seed page" not in result.stdout.lower() and "seed-" not in result.stdout
    assert "int.livhospital.com" in shown(cli, "utatrectinib", "--section", "references")
    assert "seed page" not in cli("help", "evidence").stdout.lower()


def test_provenance_shows_the_shares_and_approved_new_drugs_stay_within_20_percent(cli):
    data = json.loads(cli("provenance", "--json").stdout)
    reports = {r["id"]: r for r in data["monographs"]}
    for drug in NEW:
        shares = reports[drug]["shares"]
        assert abs(sum(shares.values()) - 1) < 0.01
        assert shares["unconfirmed"] <= 0.20 and reports[drug]["over_unconfirmed_limit"] is False
    out = text(cli("provenance"))
    taletrectinib = out.split("taletrectinib — provenance")[1].split(" — provenance")[0]
    assert "Share of claims confirmed" in taletrectinib
    assert "(over the 20% limit for an approved drug)" not in taletrectinib


REPOTRECTINIB_SECTIONS = ("contraindications", "driving", "effects_on_other_drugs", "reproduction")


def test_repotrectinib_new_sections_raise_no_problem(cli):
    result = cli("validate", str(SHIPPED / "repotrectinib.yaml"), "--format", "json")
    lines = (SHIPPED / "repotrectinib.yaml").read_text(encoding="utf-8").splitlines()
    starts = {name: next(i for i, line in enumerate(lines, 1) if line.startswith(f"{name}:"))
              for name in REPOTRECTINIB_SECTIONS}
    end = next(i for i, line in enumerate(lines, 1) if line.startswith("efficacy:"))
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if min(starts.values()) <= f["line"] < end], findings
    assert not [f for f in findings if f["rule"] in ("region-missing", "region-citation")
                and f["line"] > next(i for i, line in enumerate(lines, 1) if line.startswith("safety:"))
                and f["line"] < end]
    text_of = "\n".join(lines)
    assert "Hypersensitivity to repotrectinib" in text_of and "effective non-hormonal contraception" in text_of
