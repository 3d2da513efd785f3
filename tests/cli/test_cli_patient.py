"""trkmono patient: one cited answer for one patient, in text, Markdown and JSON, on the shipped files."""

from __future__ import annotations

import json


def flat(text: str) -> str:
    return " ".join(text.split())


def answer(cli, *args: str, code: int = 0) -> dict:
    result = cli("patient", *args, "--json")
    assert result.exit_code == code, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "patient"
    return data


def section(data: dict, title: str) -> list[dict]:
    return next(s["lines"] for s in data["sections"] if s["title"] == title)


def test_a_child_on_itraconazole_gets_the_dose_with_the_cyp3a_rule_and_its_sources(cli):
    data = answer(cli, "larotrectinib", "--age", "8", "--bsa", "0.6", "--with", "itraconazole")
    assert data["complete"] is True and data["dose"]["mg_exact"] == "30"
    dose = section(data, "Dose")
    assert dose[0]["text"] == "30 mg twice daily, with or without food" and dose[0]["cite"]
    assert any(line["label"] == "CYP3A4: strong-inhibitor" and "60 mg − 50% = 30 mg" in line["text"] for line in dose)
    itraconazole = section(data, "itraconazole")
    assert itraconazole[0] == {**itraconazole[0], "label": "Class", "text": "strong CYP3A inhibitor",
                               "cited_from": "interaction-table"}
    assert {r["from"] for r in data["references"]} == {"larotrectinib", "interaction-table"}


def test_every_line_that_states_something_is_cited(cli):
    data = answer(cli, "entrectinib", "--age", "30", "--with", "digoxin", "--pregnant", "--region", "CH", code=1)
    for s in data["sections"]:
        for line in s["lines"]:
            if line["label"] not in ("Note", "Not covered", "Hepatic") and "gives no rule" not in line["text"] \
                    and "names none of its classes" not in line["text"] and s["title"] != "Dose":
                assert line["cite"], (s["title"], line)
    assert any("digoxin" in line["text"] for line in section(data, "digoxin"))


def test_what_the_files_do_not_cover_is_named_and_exits_1(cli):
    result = cli("patient", "repotrectinib", "--with", "the pill", "--breastfeeding", "--tube", "--with", "unobtainium")
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert "Not covered by trkmono's files" in out
    assert "unobtainium: not in trkmono's interaction table: check the label" in out
    assert "feeding tube: the monograph says nothing about giving it by tube" in out
    assert "incomplete answer:" in result.stderr
    assert "hormonal contraceptive (repotrectinib changes it)" in out


def test_a_feeding_tube_brings_the_labels_tube_statements_forward(cli):
    data = answer(cli, "entrectinib", "--age", "30", "--tube")
    tube = [line for line in section(data, "Administration") if line["label"] == "By tube"]
    assert tube and all(line["alert"] for line in tube) and any("tube" in line["text"] for line in tube)


def test_stacking_co_medications_give_no_dose_and_say_why(cli):
    data = answer(cli, "larotrectinib", "--with", "clarithromycin", "--with", "St John's wort", code=1)
    assert data["dose"] is None and data["complete"] is False
    assert any("different CYP3A4 rules" in r for r in data["reasons"])
    assert any("sources grade St John's wort differently" in r for r in data["reasons"])


def test_breastfeeding_statements_stand_out(cli):
    data = answer(cli, "larotrectinib", "--breastfeeding")
    asked = [line for line in section(data, "Pregnancy, contraception and lactation") if line["alert"]]
    assert asked and all("breastfeed" in line["text"] for line in asked)


def test_markdown_and_text_give_the_same_answer(cli):
    args = ("patient", "larotrectinib", "--age", "8", "--bsa", "0.6", "--crcl", "50")
    text = flat(cli(*args).stdout)
    markdown = cli(*args, "--format", "markdown").stdout
    assert "Renal: mild to severe renal impairment: No dose adjustment is necessary." in text
    assert markdown.startswith("# LAROTRECTINIB — one patient\n\nAsked: age 8 years · BSA 0.6 m2 · CrCl 50 mL/min")
    assert "## Kidneys and liver" in markdown and "## References" in markdown


def test_impossible_input_is_a_usage_error(cli):
    result = cli("patient", "larotrectinib", "--bsa", "9")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_the_same_patient_in_two_regions_follows_each_label(cli):
    us = answer(cli, "larotrectinib", "--age", "30", "--breastfeeding", "--region", "US")
    eu = answer(cli, "larotrectinib", "--age", "30", "--breastfeeding", "--region", "EU")
    assert (us["region"], eu["region"]) == ("US", "EU")
    us_lactation = " ".join(line["text"] for line in section(us, "Pregnancy, contraception and lactation"))
    eu_lactation = " ".join(line["text"] for line in section(eu, "Pregnancy, contraception and lactation"))
    assert "1 week after the last dose" in us_lactation and "EU:" not in us_lactation
    assert "3 days after the last dose" in eu_lactation and "US:" not in eu_lactation
    assert us["dose"]["mg_exact"] == eu["dose"]["mg_exact"] == "100"
