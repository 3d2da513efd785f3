"""show's first screen, curator notes out of default output, evidence tags and the one citation style,
through the CLI on the shipped monographs and on a fictional one that carries every feature."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, SHIPPED

GLANCE = str(FIXTURES / "glance")
DRUGS = sorted(path.stem for path in SHIPPED.glob("*.yaml"))
ROWS = ["Indication", "Adult dose", "Child dose", "Forms", "Reductions", "Hepatic", "Renal", "CYP3A4", "Warnings",
        "Monitoring", "Unrecorded", "Current"]


def glance(cli, *args: str, columns: int = 80) -> str:
    result = cli("show", "glancinib", "--data-dir", GLANCE, *args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def block(out: str) -> list[str]:
    """The header and the at-a-glance rows, up to and including 'Current'."""
    lines = out.splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("Current"))
    while end + 1 < len(lines) and lines[end + 1].startswith(" "):
        end += 1
    return lines[:end + 1]


@pytest.mark.parametrize("drug", DRUGS)
def test_the_block_fits_one_screen_of_80_columns(cli, drug):
    result = cli("show", drug, "--brief", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    rows = block(result.stdout)
    assert len(rows) <= 40, "\n".join(rows)  # every item whole: a few lines more rather than a cut qualifier
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert any(row.startswith("At a glance ─") for row in rows)  # after the header, which may wrap


def test_the_block_has_every_row_and_every_row_is_cited(cli):
    rows = block(glance(cli, "--brief"))
    labels = [line.split()[0] + (" " + line.split()[1] if line.split()[1] == "dose" else "")
              for line in rows[2:] if not line.startswith(" ")]
    assert labels == ROWS
    for line in rows[2:]:
        if not line.startswith(" ") and not line.startswith("Current"):
            assert re.search(r"\[\d", " ".join([line, *rows[rows.index(line) + 1:rows.index(line) + 2]])), line


def test_the_block_gives_dose_lead_in_ladder_and_handling(cli):
    out = " ".join(" ".join(block(glance(cli, "--brief", columns=200))).split())
    assert "Adult dose 160 mg once daily for 14 days (lead-in), then 160 mg twice daily — fictional adults [1]" in out
    assert "Child dose 100 mg/m2 twice daily (max 160 mg per dose), with food" in out
    assert "Forms capsule 40, 160 mg [1]" in out
    assert "Reductions 120 → 80 mg twice daily — adults [1]" in out  # numbers only in the block
    assert "Hepatic Child-Pugh A: no dose adjustment [1]; Child-Pugh B: reduce dose by 50% [1]" in out
    assert "Renal severe renal impairment: Not studied in the fictional trial. [1]" in out
    assert "CYP3A4 strong inhibitor: avoid [3] (unconfirmed)" in out
    assert "Warnings Fictional dizziness [1]; Fictional liver effects [1]" in out
    assert "Current label revised 2025-06 [1] · reviewed 2026-11-01 · 1 caveat not shown" in out


def test_brief_prints_only_the_block_the_legend_and_the_notice(cli):
    out = glance(cli, "--brief")
    assert "Caveats ─" not in out and "Dosing ─" not in out and "References ─" not in out
    assert "no tag: confirmed" in out and "not medical advice" in out
    assert "trkmono show glancinib --section references" in out


def test_brief_markdown_is_the_block_too(cli):
    out = cli("show", "glancinib", "--data-dir", GLANCE, "--brief", "-f", "markdown").stdout
    assert "## At a glance" in out and "## Dosing" not in out
    assert "- **Adult dose:** **160 mg once daily for 14 days (lead-in), then 160 mg twice daily** — fictional adults \\[1" in out


def test_a_narrow_block_wraps_items_whole_never_cuts_them(cli):
    out = "\n".join(block(cli("show", "larotrectinib", "--brief", env={"COLUMNS": "60"}).stdout))
    assert all(len(line) <= 60 for line in out.splitlines())
    assert "…" not in out  # an item fits whole, wraps, or is counted as '+N more'
    assert "label revised 2025-04 [1]" in out


def test_the_full_view_follows_the_block(cli):
    out = glance(cli)
    order = [out.index(mark) for mark in ("At a glance ─", "Caveats ─", "Status ─", "Dosing ─", "References ─",
                                           "not medical advice")]
    assert order == sorted(order)
    assert "Also known as" not in out and "· also GLN 1001" in out.splitlines()[0]
    for field in ("Basis: Fictional response rate", "until fictional progression", "Route: oral"):
        assert field in out


def test_caveats_stay_curator_notes_only_on_request(cli):
    default = glance(cli)
    assert "Fictional drug used only by the test-suite." in default
    for note in ("Approval date read from the fictional record only.", "Only a fictional blog says so",
                 "Read in full from a fictional archive.", "the fictional EU text was not found"):
        assert note not in default
        assert note in " ".join(glance(cli, "--notes", columns=200).split())
    markdown = cli("show", "glancinib", "--data-dir", GLANCE, "-f", "markdown").stdout
    assert "Curator note" not in markdown and "fictional archive" not in markdown
    noted = cli("show", "glancinib", "--data-dir", GLANCE, "-f", "markdown", "--notes").stdout
    assert "*Curator note:* Only a fictional blog says so" in noted and "## Curator notes" in noted


def test_json_carries_curator_notes_always(cli):
    data = json.loads(cli("show", "glancinib", "--data-dir", GLANCE, "--json").stdout)["monograph"]
    assert data["review"]["curator_notes"] and data["references"][0]["curator_note"]


def test_shipped_monographs_show_no_research_notes_by_default(cli):
    for drug in DRUGS:
        out = cli("show", drug).stdout
        assert "Curator note" not in out and "Curator notes ─" not in out


def test_evidence_tags_beside_claims_and_one_legend(cli):
    out = glance(cli, columns=200)
    assert "[3, 4] (corroborated)" in out and "[3] (unconfirmed)" in out
    assert "[1 §5.1]\n" in out  # a confirmed claim carries no tag
    assert out.count("no tag: confirmed") == 1
    assert "UNVERIFIED" not in out


def test_locators_print_inside_the_marker(cli):
    out = glance(cli, columns=200)
    assert "Fictional tumours with a fictional GLN fusion. [1 §1.1]" in out
    assert "Blocks a fictional kinase. [2 Abstract]" in out
    assert "[1 §2.3, Table 1]" in out  # a locator holding a comma


def test_markers_never_split_across_lines(cli):
    for columns in ("80", "100"):  # at 60 columns a marker with five locators is wider than the line
        for drug in ("larotrectinib", "entrectinib"):
            out = cli("show", drug, env={"COLUMNS": columns}).stdout
            body = out.split("References ─")[0]
            assert not re.search(r"\[\d+(?:[ ,;][^\]\n]*)?$", body, re.M), (drug, columns)  # a marker never ends a line open


def test_markers_match_the_numbered_reference_list(cli):
    out = glance(cli, "--section", "safety")
    listed = dict(re.findall(r"^\[(\d+)\] (.*?)\.", out.split("References cited above ─")[1], re.M))
    assert listed == {"1": "Glancia fictional label", "2": "A fictional paper"}  # only those cited, numbered as in
    assert "[2]" not in out.split("References cited above ─")[0].replace("[1, 2]", "")  # the monograph (2: targets)


@pytest.mark.parametrize("command", [["interactions", "solutinib"], ["search", "fictional"], ["resistance"],
                                     ["dose", "solutinib"]])
def test_clinical_tools_number_their_citations_too(cli, command):
    out = cli(*command, "--data-dir", str(FIXTURES / "tools"), env={"COLUMNS": "200"}).stdout
    numbers = {int(n) for n in re.findall(r"\[(\d+)[\],; ]", out.split("References ─")[0])}
    listed = [int(n) for n in re.findall(r"^\[(\d+)\] ", out.split("References ─")[1], re.M)]
    assert numbers and listed == sorted(listed) and numbers <= set(listed)
    assert not re.search(r"\[[a-z][a-z0-9-]+(, [a-z0-9-]+)*\]", out.split("References ─")[0])  # no ids as markers


def test_several_drugs_in_one_output_name_the_drug_in_the_list(cli):
    out = cli("search", "fictional", "--data-dir", str(FIXTURES / "tools"), env={"COLUMNS": "200"}).stdout
    assert re.search(r"^\[1\] \w+inib: ", out.split("References ─")[1], re.M)


def test_runs_of_three_or_more_numbers_print_as_a_range(cli):
    out = cli("compare", env={"COLUMNS": "80"}).stdout.split("References ─")[0]
    ranges = [(int(a), int(b)) for a, b in re.findall(r"[\[ ](\d+)–(\d+)[,\]]", out)]
    assert ranges and all(b - a >= 2 for a, b in ranges)
    assert not re.search(r"\b(\d+), (\d+), (\d+)\b", out) or all(
        int(b) != int(a) + 1 or int(c) != int(b) + 1 for a, b, c in re.findall(r"\b(\d+), (\d+), (\d+)\b", out))


def test_compare_side_by_side_only_when_every_marker_fits_its_column(cli):
    two = cli("compare", "larotrectinib", "entrectinib", env={"COLUMNS": "200"}).stdout
    assert "┃" in two and "…" not in two
    narrow = cli("compare", env={"COLUMNS": "120"}).stdout
    assert "┃" not in narrow and "…" not in narrow
