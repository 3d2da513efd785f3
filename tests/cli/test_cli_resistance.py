"""trkmono resistance: the drug × mutation table, region-wide findings, spellings, unknown or unreadable mutations."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import FIXTURES

TOOLS = FIXTURES / "tools"
SHIPPED_DRUGS = ["entrectinib", "larotrectinib", "repotrectinib", "selitrectinib", "taletrectinib", "utatrectinib",
                 "zurletrectinib"]


def flat(text: str) -> str:
    return " ".join(text.split())


def table(cli, *args: str) -> dict:
    result = cli("resistance", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def row(data: dict, mutation: str) -> dict:
    return next(r for r in data["rows"] if r["mutation"] == mutation)


def scoped(cell: list[dict], scope: str) -> list[tuple[str, str]]:
    return [(f["activity"], f["basis"]) for f in cell if f["scope"] == scope]


def solutinib_with(tmp_path, *findings: str):
    """A copy of the fictional solutinib with more resistance findings (YAML flow mappings)."""
    text = (TOOLS / "solutinib.yaml").read_text(encoding="utf-8")
    extra = "".join(f"    - {{{f}, text: Fictional., cite: [sol-paper]}}\n" for f in findings)
    (tmp_path / "solutinib.yaml").write_text(text.replace("  resistance:\n", "  resistance:\n" + extra),
                                             encoding="utf-8")
    return str(tmp_path)


# --- the shipped library --------------------------------------------------------------------


def test_table_covers_every_monograph_and_the_reference_mutations(cli):
    data = table(cli)
    assert data["kind"] == "resistance"
    assert data["drugs"] == SHIPPED_DRUGS
    regions = {r["mutation"]: r["region"] for r in data["rows"]}
    assert {"TRKA G595R": "solvent-front", "TRKC G623R": "solvent-front", "TRKA F589L": "gatekeeper",
            "TRKA G667C": "xDFG", "TRKC G696A": "xDFG"}.items() <= regions.items()
    for r in data["rows"]:
        assert set(r["cells"]) == set(data["drugs"])


def test_cells_carry_activity_basis_evidence_status_and_citation(cli):
    g595r = row(table(cli), "TRKA G595R")
    seli = [f for f in g595r["cells"]["selitrectinib"] if f["scope"] == "residue"]
    assert [(f["activity"], f["basis"]) for f in seli] == [("active", "preclinical")]
    assert seli[0]["cite"] and seli[0]["evidence"] == "unconfirmed"
    assert scoped(g595r["cells"]["entrectinib"], "residue") == [("resistant", "clinical")]
    assert scoped(g595r["cells"]["larotrectinib"], "residue") == [("resistant", "clinical")]


def test_no_data_never_stands_where_a_region_wide_finding_exists(cli):
    data = table(cli)
    region_wide = [f for f in data["unnamed"] if f["scope"] == "region"]
    assert {(f["drug"], f["region"]) for f in region_wide} >= {
        ("larotrectinib", "solvent-front"), ("larotrectinib", "gatekeeper"), ("repotrectinib", "solvent-front"),
        ("repotrectinib", "gatekeeper"), ("selitrectinib", "xDFG")}
    for r in data["rows"]:
        for f in region_wide:
            if f["region"] == r["region"]:
                cell = r["cells"][f["drug"]]
                assert [g for g in cell if g["scope"] == "region" and g["mutation"] == f["mutation"]], (r, f)
    # the canonical gatekeeper row: larotrectinib's class-level finding, not "no data"
    f589l = row(data, "TRKA F589L")["cells"]
    assert scoped(f589l["larotrectinib"], "region") == [("resistant", "clinical")]
    assert scoped(f589l["larotrectinib"], "residue") == []


def test_region_wide_findings_keep_their_own_words_and_are_never_made_residue_level(cli):
    data = table(cli)
    region_wide = {(f["drug"], f["mutation"], f["region"]) for f in data["unnamed"] if f["scope"] == "region"}
    for r in data["rows"]:
        residue = r["mutation"].split()[1][:-1]  # e.g. G595
        for cell in r["cells"].values():
            for f in cell:
                if f["scope"] == "residue":
                    assert residue in f["mutation"], (r["mutation"], f["mutation"])
                else:
                    assert (f["drug"], f["mutation"], r["region"]) in region_wide


def test_finding_in_another_kinase_is_kept_as_written_and_not_spread(cli):
    data = table(cli)
    ros1 = [f for f in data["unnamed"] if f["mutation"] == "ROS1 G2032R"]
    assert [(f["drug"], f["scope"]) for f in ros1] == [("repotrectinib", "as-written"), ("taletrectinib", "as-written")]
    assert not any(f["mutation"] == "ROS1 G2032R" for r in data["rows"] for c in r["cells"].values() for f in c)


def test_terminal_table(cli):
    result = cli("resistance", env={"COLUMNS": "240"})  # a column per drug, seven drugs (drawn at 200)
    assert result.exit_code == 0
    out = " ".join(result.stdout.replace("│", " ").replace("┃", " ").split())
    assert "TRK kinase-domain resistance mutations" in out
    assert "TRKC G696A (NTRK3" in out and "TRKA F589L (NTRK1" in out
    assert "resistant · clinical" in out and "active · PRECLINICAL" in out
    assert "region-wide: active ·" in out
    assert "Findings that name no single TRK residue (kept as written)" in out
    assert "PRECLINICAL (laboratory data only)" in flat(out)
    assert "Acquired resistance to the TRK inhibitor entrectinib in colorectal cancer" in flat(out)  # a reference
    assert "not medical advice" in out


@pytest.mark.parametrize("spelling", [
    ["G595R"], ["g595r"], ["TRKA G595R"], ["TRKA", "G595R"], ["NTRK1 G595R"], ["ntrk1", "g595r"],
    ["NTRK1 p.G595R"], ["NTRK1:p.Gly595Arg"], ["trka-g595r"], ["p.G595R"], ["Gly595Arg"], ["TRK A G595R"],
])
def test_common_spellings_name_the_same_row(cli, spelling):
    data = table(cli, *spelling)
    assert [r["mutation"] for r in data["rows"]] == ["TRKA G595R"]
    assert data["rows"][0]["gene"] == "NTRK1"


def test_one_mutation_in_full_with_the_findings_for_its_region(cli):
    result = cli("resistance", "NTRK1", "G595R")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert out.startswith("TRKA G595R (NTRK1 p.G595R) — region: solvent-front")
    assert "• larotrectinib: resistant · clinical" in out
    assert "• selitrectinib: active · PRECLINICAL" in out
    assert "• repotrectinib: region-wide: active · clinical" in out
    assert ("For TRK kinase-domain solvent-front substitutions (individual residues not named in the cited "
            "texts), not for this residue:") in out
    assert "gatekeeper substitutions" not in out
    assert "• utatrectinib: no data" in out


def test_one_mutation_json_has_the_row_and_the_region_wide_findings(cli):
    data = table(cli, "TRKA F589L")
    assert [r["mutation"] for r in data["rows"]] == ["TRKA F589L"]
    assert {f["region"] for f in data["unnamed"]} == {"gatekeeper"}
    assert {f["scope"] for f in data["unnamed"]} == {"region"}
    assert {ref["drug"] for ref in data["references"]} == {f["drug"] for f in data["unnamed"]}


def test_gene_without_protein_letter_resolves_to_trkc(cli):
    assert [r["mutation"] for r in table(cli, "G623R")["rows"]] == ["TRKC G623R"]


def test_mutation_without_data_exits_1(cli):
    result = cli("resistance", "TRKB G639R")
    assert result.exit_code == 1
    assert "no monograph records data for TRKB G639R" in result.stderr
    assert "TRKA G595R" in result.stderr  # the known rows are listed
    assert result.stdout == ""


@pytest.mark.parametrize("spelling", ["foo", "G595", "595R", "TRKD G595R", "NTRK4 G595R", "X595R", "G0R", "",
                                      "ROS1 G2032R", "TRKA G667C/A"])
def test_unreadable_spelling_is_a_usage_error(cli, spelling):
    result = cli("resistance", spelling)
    assert result.exit_code == 2
    assert "is not a mutation trkmono can read; write it like G595R, TRKA G595R" in result.stderr


# --- fictional monographs -------------------------------------------------------------------


def test_fictional_findings(cli):
    data = table(cli, "--data-dir", str(TOOLS))
    assert row(data, "TRKB G639R")["cells"]["solutinib"][0]["activity"] == "reduced"
    f589l = row(data, "TRKA F589L")["cells"]["solutinib"]  # written NTRK1 p.F589L in the file
    assert [(f["activity"], f["evidence"] != "confirmed", f["scope"]) for f in f589l] == [("active", True, "residue")]
    assert [(f["mutation"], f["scope"]) for f in data["unnamed"]] == [("xDFG substitutions (residues not named)",
                                                                        "region")]
    for xdfg in ("TRKA G667C", "TRKC G696A"):
        assert scoped(row(data, xdfg)["cells"]["solutinib"], "region") == [("resistant", "preclinical")]
    assert row(data, "TRKA G595R")["cells"]["squarinib"] == []  # no finding at all: no data
    out = flat(cli("resistance", "G667C", "--data-dir", str(TOOLS)).stdout)
    assert "• solutinib: region-wide: resistant · PRECLINICAL" in out
    assert "For xDFG substitutions (residues not named), not for this residue: Fictional class-level statement." in out
    assert "• squarinib: no data" in out


def test_residue_with_alternatives_fills_each_residue(cli, tmp_path):
    folder = solutinib_with(tmp_path, "mutation: TRKC G696C/A/S, region: xDFG, activity: resistant, basis: clinical")
    data = table(cli, "--data-dir", folder)
    for mutation in ("TRKC G696C", "TRKC G696A", "TRKC G696S"):
        assert scoped(row(data, mutation)["cells"]["solutinib"], "residue") == [("resistant", "clinical")]
    assert "TRKC G696C/A/S" not in [f["mutation"] for f in data["unnamed"]]


def test_finding_for_another_kinase_or_without_protein_is_not_region_wide(cli, tmp_path):
    folder = solutinib_with(tmp_path, "mutation: ROS1 G2032R, region: solvent-front, activity: active, basis: clinical",
                            "mutation: G600R, region: solvent-front, activity: active, basis: clinical")
    data = table(cli, "--data-dir", folder)
    kept = {f["mutation"]: f["scope"] for f in data["unnamed"]}
    assert kept["ROS1 G2032R"] == "as-written" and kept["G600R"] == "as-written"
    assert scoped(row(data, "TRKC G623R")["cells"]["solutinib"], "region") == []
    assert "ROS1 G2032R (solvent-front) — active · clinical" in flat(cli("resistance", "--data-dir", folder,
                                                                           env={"COLUMNS": "200"}).stdout)


def test_other_is_not_a_region(cli, tmp_path):
    folder = solutinib_with(tmp_path, "mutation: some compound mutations, region: other, activity: resistant, "
                                      "basis: preclinical")
    data = table(cli, "--data-dir", folder)
    assert [f["scope"] for f in data["unnamed"] if f["mutation"] == "some compound mutations"] == ["as-written"]
    assert all(f["scope"] == "residue" or f["region"] != "other"
               for r in data["rows"] for c in r["cells"].values() for f in c)


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
    summary = "  summary: {text: Blocks another fictional kinase., cite: [band-label]}\n"
    assert summary in text
    text = text.replace(summary, summary + "  resistance:\n    - {mutation: TRKB G595R, region: other, activity: active, "
                                           "basis: preclinical, text: Fictional., cite: [band-label]}\n")
    (tmp_path / "bandinib.yaml").write_text(text, encoding="utf-8")
    result = cli("resistance", "G595R", "--data-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "'G595R' matches TRKA G595R, TRKB G595R; name the protein" in result.stderr
    assert table(cli, "TRKB G595R", "--data-dir", str(tmp_path))["rows"][0]["cells"]["bandinib"]


def test_clinical_and_preclinical_differ_without_colour(cli):
    out = cli("resistance", "--data-dir", str(TOOLS), env={"COLUMNS": "200"}).stdout
    assert re.search(r"resistant · clinical\b", out) and "reduced · PRECLINICAL" in out
    assert "\x1b[" not in out
