"""trkmono resistance: the drug × mutation table, spellings, and unknown or unreadable mutations."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURES

TOOLS = FIXTURES / "tools"


def flat(text: str) -> str:
    return " ".join(text.split())


def table(cli, *args: str) -> dict:
    result = cli("resistance", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def row(data: dict, mutation: str) -> dict:
    return next(r for r in data["rows"] if r["mutation"] == mutation)


def test_table_has_the_reference_mutations_for_every_drug(cli):
    data = table(cli)
    assert data["kind"] == "resistance"
    assert data["drugs"] == ["entrectinib", "larotrectinib", "utatrectinib"]
    regions = {r["mutation"]: r["region"] for r in data["rows"]}
    assert {"TRKA G595R": "solvent-front", "TRKC G623R": "solvent-front", "TRKA F589L": "gatekeeper",
            "TRKA G667C": "xDFG"}.items() <= regions.items()
    for r in data["rows"]:
        assert set(r["cells"]) == set(data["drugs"])


def test_cells_carry_activity_evidence_and_citation(cli):
    g595r = row(table(cli), "TRKA G595R")
    uta = g595r["cells"]["utatrectinib"]
    assert [(f["activity"], f["evidence"], f["unverified"]) for f in uta] == [("active", "preclinical", True)]
    assert uta[0]["cite"]
    ent = g595r["cells"]["entrectinib"]
    assert [(f["activity"], f["evidence"]) for f in ent] == [("resistant", "clinical")]
    assert g595r["cells"]["larotrectinib"] == []  # no residue-level data: no data, never inferred


def test_region_wide_findings_stay_apart_and_are_not_spread_over_residues(cli):
    data = table(cli)
    unnamed = [(f["drug"], f["region"]) for f in data["unnamed"]]
    assert ("larotrectinib", "solvent-front") in unnamed and ("larotrectinib", "gatekeeper") in unnamed
    assert all(r["cells"]["larotrectinib"] == [] for r in data["rows"])


def test_terminal_table(cli):
    result = cli("resistance", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    out = result.stdout
    assert "TRK kinase-domain resistance mutations" in out
    assert "TRKA F589L (NTRK1 p.F589L)" in out and "no data" in out
    assert "resistant · clinical" in out and "active · preclinical" in out
    assert "Findings that name no single residue (kept as written)" in out
    assert "entrectinib: russo-2016 — Acquired resistance to the TRK inhibitor entrectinib" in flat(out)
    assert "not medical advice" in out


@pytest.mark.parametrize("spelling", [
    ["G595R"], ["g595r"], ["TRKA G595R"], ["TRKA", "G595R"], ["NTRK1 G595R"], ["ntrk1", "g595r"],
    ["NTRK1 p.G595R"], ["NTRK1:p.Gly595Arg"], ["trka-g595r"], ["p.G595R"], ["Gly595Arg"],
])
def test_common_spellings_name_the_same_row(cli, spelling):
    data = table(cli, *spelling)
    assert [r["mutation"] for r in data["rows"]] == ["TRKA G595R"]
    assert data["rows"][0]["gene"] == "NTRK1"


def test_one_mutation_in_full_with_its_regions_findings(cli):
    result = cli("resistance", "NTRK1", "G595R")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert out.startswith("TRKA G595R (NTRK1 p.G595R) — region: solvent-front")
    assert "• larotrectinib: no data" in out
    assert "• utatrectinib: active · preclinical" in out
    assert "Findings for solvent-front mutations as a whole (not for this residue)" in out
    assert "TRK kinase-domain solvent-front substitutions" in out
    assert "gatekeeper substitutions" not in out


def test_gene_without_protein_letter_resolves_to_trkc(cli):
    assert [r["mutation"] for r in table(cli, "G623R")["rows"]] == ["TRKC G623R"]


def test_mutation_without_data_exits_1(cli):
    result = cli("resistance", "TRKB G639R")
    assert result.exit_code == 1
    assert "no monograph records data for TRKB G639R" in result.stderr
    assert "TRKA G595R" in result.stderr  # the known rows are listed
    assert result.stdout == ""


@pytest.mark.parametrize("spelling", ["foo", "G595", "595R", "TRKD G595R", "NTRK4 G595R", "X595R", "G0R", ""])
def test_unreadable_spelling_is_a_usage_error(cli, spelling):
    result = cli("resistance", spelling)
    assert result.exit_code == 2
    assert "is not a mutation trkmono can read; write it like G595R, TRKA G595R" in result.stderr


def test_fictional_findings(cli):
    data = table(cli, "--data-dir", str(TOOLS))
    assert row(data, "TRKB G639R")["cells"]["solutinib"][0]["activity"] == "reduced"
    f589l = row(data, "TRKA F589L")["cells"]["solutinib"]  # written NTRK1 p.F589L in the file
    assert [(f["activity"], f["unverified"]) for f in f589l] == [("active", True)]
    assert [f["mutation"] for f in data["unnamed"]] == ["xDFG substitutions (residues not named)"]
    out = flat(cli("resistance", "G667C", "--data-dir", str(TOOLS)).stdout)
    assert "• solutinib: no data" in out
    assert "Findings for xDFG mutations as a whole (not for this residue)" in out
    assert "Fictional class-level statement." in out


def test_recorded_region_that_differs_is_shown(cli, tmp_path):
    text = (TOOLS / "solutinib.yaml").read_text(encoding="utf-8")
    (tmp_path / "solutinib.yaml").write_text(text.replace("region: solvent-front\n      activity: resistant",
                                                          "region: other\n      activity: resistant"),
                                             encoding="utf-8")
    out = cli("resistance", "G595R", "--data-dir", str(tmp_path)).stdout
    assert "resistant · clinical (recorded region: other)" in out


def test_same_change_in_two_proteins_needs_the_protein(cli, tmp_path):
    shutil.copy(TOOLS / "solutinib.yaml", tmp_path)
    text = (TOOLS / "bandinib.yaml").read_text(encoding="utf-8")
    text = text.replace("  summary: {text: Blocks another fictional kinase., cite: [band-label]}\n",
                        "  summary: {text: Blocks another fictional kinase., cite: [band-label]}\n"
                        "  resistance:\n    - {mutation: TRKB G595R, region: other, activity: active, "
                        "evidence: preclinical, text: Fictional., cite: [band-label]}\n")
    (tmp_path / "bandinib.yaml").write_text(text, encoding="utf-8")
    result = cli("resistance", "G595R", "--data-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "'G595R' matches TRKA G595R, TRKB G595R; name the protein" in result.stderr
    assert table(cli, "TRKB G595R", "--data-dir", str(tmp_path))["rows"][0]["cells"]["bandinib"]
