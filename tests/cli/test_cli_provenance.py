"""trkmono provenance: the curators' report of how each monograph's claims are sourced."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES

PROVENANCE = str(FIXTURES / "provenance")
TOOLS = FIXTURES / "tools"
SHIPPED_DRUGS = ["entrectinib", "larotrectinib", "repotrectinib", "selitrectinib", "taletrectinib", "utatrectinib",
                 "zurletrectinib"]


def report(cli, *args: str) -> dict:
    result = cli("provenance", *args, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "provenance" and data["format_version"] == 1
    return data


def test_counts_of_the_fictional_monograph(cli):
    [r] = report(cli, "--data-dir", PROVENANCE)["monographs"]
    assert (r["id"], r["generic_name"], r["last_reviewed"], r["claims"]) == ("provinib", "provinib", "2026-11-01", 9)
    assert r["by_evidence"] == {"confirmed": 6, "corroborated": 1, "unconfirmed": 2}
    assert r["by_strongest_tier"] == {"regulatory-label": 5, "regulatory-decision": 0, "peer-reviewed": 1,
                                      "conference-abstract": 0, "manufacturer": 0, "secondary-web": 3}
    assert r["curator_notes"] == {"monograph": 2, "claims": 1, "references": 1, "total": 4}


def test_secondary_only_claims_with_location_and_text(cli):
    [r] = report(cli, "--data-dir", PROVENANCE)["monographs"]
    assert r["secondary_only"] == [
        {"location": "identity.route", "snippet": "oral", "cite": ["prov-blog", "prov-forum"],
         "evidence": "corroborated"},
        {"location": "dosing.other_interactions[0]", "snippet": "fictional grapefruit — Avoid it, says a blog.",
         "cite": ["prov-blog"], "evidence": "unconfirmed"},
        {"location": "review.caveats[0]", "snippet": "A fictional caveat from a blog.", "cite": ["prov-blog"],
         "evidence": "unconfirmed"},
    ]  # identity.targets[0] cites a blog too, but also the label: not secondary only


def test_references_cited_by_nothing(cli):
    [r] = report(cli, "--data-dir", PROVENANCE)["monographs"]
    assert r["uncited_references"] == [{"id": "prov-brochure", "title": "A fictional brochure nobody cites",
                                        "tier": "manufacturer"}]


def test_text_report(cli):
    result = cli("provenance", "provinib", "--data-dir", PROVENANCE, env={"COLUMNS": "200"})
    assert result.exit_code == 0 and result.stderr == ""
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0].startswith("provinib — provenance ─")
    assert lines[1:6] == [
        "Last reviewed: 2026-11-01 · 9 claims · curator notes: 4 (monograph 2 · claims 1 · references 1)",
        "Evidence status      confirmed 6 · corroborated 1 · unconfirmed 2",
        "Share of claims      confirmed 67% · corroborated 11% · unconfirmed 22% (over the 20% limit for an approved drug)",
        "Strongest cited tier regulatory-label 5 · regulatory-decision 0 · peer-reviewed 1 · conference-abstract 0 · "
        "manufacturer 0 · secondary-web 3",
        "Claims citing only secondary web pages (3)",
    ]
    assert "  dosing.other_interactions[0] [prov-blog] unconfirmed" in lines
    assert "      fictional grapefruit — Avoid it, says a blog." in lines
    assert lines[-2:] == ["References cited by nothing (1)",
                          "  prov-brochure — A fictional brochure nobody cites (manufacturer)"]


def test_markdown_report(cli):
    result = cli("provenance", "--format", "markdown", "--data-dir", PROVENANCE)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# Provenance of the monographs\n\n## provinib — provenance\n")
    assert "\n- **Evidence status:** confirmed 6 · corroborated 1 · unconfirmed 2\n" in out
    assert "\n- **Share of claims:** confirmed 67% · corroborated 11% · unconfirmed 22% (over the 20% limit" in out
    assert "secondary-web 3\n" in out
    assert "- `review.caveats[0]` \\[prov-blog\\] unconfirmed: A fictional caveat from a blog.\n" in out
    assert "### References cited by nothing (1)\n\n- prov-brochure — A fictional brochure nobody cites (manufacturer)" in out


def test_every_monograph_by_default_in_file_order(cli, tmp_path):
    for path in (TOOLS / "solutinib.yaml", TOOLS / "bandinib.yaml", FIXTURES / "provenance" / "provinib.yaml"):
        shutil.copy(path, tmp_path)
    assert [r["id"] for r in report(cli, "--data-dir", str(tmp_path))["monographs"]] == [
        "bandinib", "provinib", "solutinib"]


def test_names_choose_monographs_once_each(cli):
    data = report(cli, "Solutra", "solutinib", "bandinib", "--data-dir", str(TOOLS))
    assert [r["id"] for r in data["monographs"]] == ["solutinib", "bandinib"]


def test_shipped_library_has_a_report_per_monograph(cli):
    data = report(cli)
    assert [r["id"] for r in data["monographs"]] == SHIPPED_DRUGS
    for r in data["monographs"]:
        assert sum(r["by_evidence"].values()) == r["claims"] == sum(r["by_strongest_tier"].values())
        assert len(r["secondary_only"]) == r["by_strongest_tier"]["secondary-web"]
        assert r["last_reviewed"]


def test_unknown_name_exits_1(cli):
    result = cli("provenance", "nosuchdrug")
    assert result.exit_code == 1 and "no monograph named 'nosuchdrug'" in result.stderr


def test_skipped_files_are_reported_unless_quiet(cli, tmp_path):
    shutil.copy(FIXTURES / "provenance" / "provinib.yaml", tmp_path)
    (tmp_path / "broken.yaml").write_text("schema_version: 1\nid: broken\n", encoding="utf-8")
    loud = cli("provenance", "--data-dir", str(tmp_path), "--json")
    assert loud.exit_code == 0 and "skipped" in loud.stderr and "broken.yaml" in loud.stderr
    assert [r["id"] for r in json.loads(loud.stdout)["monographs"]] == ["provinib"]
    quiet = cli("provenance", "--data-dir", str(tmp_path), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_help_has_an_example(cli):
    result = cli("provenance", "--help")
    assert result.exit_code == 0
    assert "Example: trkmono provenance" in result.stdout
