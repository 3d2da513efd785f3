"""trkmono compare: every monograph side by side; labels, patient selection and interactions told honestly."""

from __future__ import annotations

import json

from conftest import FIXTURES

TOOLS = str(FIXTURES / "tools")
CONDITIONS = ["strong-inhibitor", "moderate-inhibitor", "strong-inducer", "moderate-inducer"]


def comparison(cli, *args: str) -> dict:
    result = cli("compare", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def aspect(data: dict, name: str) -> dict[str, dict]:
    return next(r for r in data["rows"] if r["aspect"] == name)["cells"]


def monograph(cli, name: str, *args: str) -> dict:
    return json.loads(cli("show", name, "--json", *args).stdout)["monograph"]


def test_all_monographs_by_default(cli):
    listed = json.loads(cli("list", "--json").stdout)["monographs"]
    data = comparison(cli)
    assert data["drugs"] == [m["id"] for m in listed]
    assert len(data["drugs"]) == 7
    for row in data["rows"]:
        assert list(row["cells"]) == data["drugs"]


def test_a_drug_without_a_label_has_no_boxed_warning_line(cli):
    listed = {m["id"]: m["stage"] for m in json.loads(cli("list", "--json").stdout)["monographs"]}
    warnings = aspect(comparison(cli), "Key warnings")
    unlabelled = [drug for drug, stage in listed.items() if stage != "approved"]
    assert {"selitrectinib", "utatrectinib"} <= set(unlabelled)
    for drug, cell in warnings.items():
        if drug in unlabelled:
            assert cell["lines"][0] == f"no approved label ({listed[drug]})"
            assert not any("boxed warning" in line for line in cell["lines"])
        else:
            assert cell["lines"][0] in ("boxed warning: yes", "boxed warning: none",
                                        "boxed warning: not known (no label text was available)")


def test_patient_selection_row_comes_from_the_data(cli):
    data = comparison(cli)
    cells = aspect(data, "Patient selection")
    for drug in data["drugs"]:
        statements = monograph(cli, drug)["patient_selection"]
        if statements:
            assert cells[drug]["lines"] == [s["text"] for s in statements]
            assert set(cells[drug]["cite"]) == {ref for s in statements for ref in s["cite"]}
        else:
            assert cells[drug]["lines"] == ["not stated"] and cells[drug]["cite"] == []
    assert any("FoundationOne CDx" in line for line in cells["entrectinib"]["lines"])


def test_patient_selection_row_in_the_terminal_and_in_markdown(cli):
    assert "Patient selection" in cli("compare", "repotrectinib", "larotrectinib", env={"COLUMNS": "200"}).stdout
    markdown = cli("compare", "repotrectinib", "--format", "markdown").stdout
    row = next(line for line in markdown.splitlines() if line.startswith("| **Patient selection** |"))
    assert "no FDA-approved test for selecting patients for repotrectinib" in row


def test_interactions_row_names_the_cyp3a4_conditions_without_a_rule(cli):
    cells = aspect(comparison(cli, "bandinib", "squarinib", "--data-dir", TOOLS), "Interactions")
    band = monograph(cli, "bandinib", "--data-dir", TOOLS)["dosing"]["cyp3a4"]
    ruled = [c for c in CONDITIONS if c in {a["condition"] for a in band}]
    assert ruled and len(ruled) < 4
    assert cells["bandinib"]["lines"][1] == ("CYP3A4, the monograph gives no rule for: "
                                              + ", ".join(c for c in CONDITIONS if c not in ruled))
    assert cells["squarinib"]["lines"] == ["CYP3A4, the monograph gives no rule for: " + ", ".join(CONDITIONS)]
    assert cells["squarinib"]["cite"] == [] and cells["squarinib"]["tier"] is None


def test_interactions_row_of_an_investigational_drug(cli):
    cell = aspect(comparison(cli, "selitrectinib"), "Interactions")["selitrectinib"]
    assert cell["lines"][0] == "CYP3A4, the monograph gives no rule for: " + ", ".join(CONDITIONS)
    others = monograph(cli, "selitrectinib")["dosing"]["other_interactions"]
    assert cell["lines"][1:] == [f"{i['agent']}: {i['action']}" for i in others]


def test_compare_puts_the_dose_first_and_shows_one_aspect_when_asked(cli):
    full = cli("compare", "larotrectinib", "entrectinib", "--no-pager", env={"COLUMNS": "200"}).stdout
    assert full.index("Adult dose") < full.index("Status")
    one = cli("compare", "larotrectinib", "entrectinib", "--aspect", "dose", "--no-pager", env={"COLUMNS": "200"})
    assert one.exit_code == 0 and "Adult dose" in one.stdout and "Status" not in one.stdout
    bad = cli("compare", "--aspect", "doze")
    assert bad.exit_code == 2 and "did you mean" in bad.stderr
