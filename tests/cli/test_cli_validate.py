"""trkmono validate: rules, locations, formats and exit codes, through the CLI on real files."""

from __future__ import annotations

import json

import pytest

from conftest import LENIENT_AGE, SHIPPED, VALID


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of needle."""
    return text[: text.index(needle)].count("\n") + 1


def test_shipped_library_is_clean_under_strict(cli):
    result = cli("validate", str(SHIPPED), "--strict")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "7 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr


def test_default_is_the_packaged_library_with_its_interaction_table(cli):
    result = cli("validate", "--strict")
    assert result.exit_code == 0, result.stdout
    assert "8 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr


def test_valid_fixture_is_clean(cli):
    result = cli("validate", str(VALID), "--strict", *LENIENT_AGE)
    assert (result.exit_code, result.stdout) == (0, "")


# (rule, text to replace, replacement, text on the line the finding must point at)
RULE_CASES = [
    ("schema", "  generic_name: testinib", "  generic_nme: testinib", "generic_nme"),
    ("schema", "amount: 5, unit: mg", "amount: -5, unit: mg", "amount: -5"),
    ("schema", "frequency: once daily}\n      food", "frequency: thrice daily}\n      food", "thrice daily"),
    ("schema", "  stage: approved", "  stage: maybe", "stage: maybe"),
    ("schema", 'date: "2020-01-15"\n          kind', 'date: "2020-02-30"\n          kind', "2020-02-30"),
    ("schema", "  route: {text: oral, cite: [test-label]}", "  route: {text: oral}", "route:"),
    ("schema", "condition: child-pugh-b,", "condition: Child-Pugh B,", "Child-Pugh B"),
    ("citation-unresolved", "title: Dizziness, text: May cause dizziness., cite: [test-label]}",
     "title: Dizziness, text: May cause dizziness., cite: [no-such-ref]}", "Dizziness"),
    ("region-missing", "{regions: [US], title: Dizziness,", "{title: Dizziness,", "Dizziness"),
    ("region-citation", "{regions: [US], title: Dizziness,", "{regions: [EU], title: Dizziness,", "Dizziness"),
    ("reference-region", "  - region: US\n    id: test-label", "  - id: test-label", "id: test-label"),
    ("short-form", "title: Dizziness, text:", "title: Dizziness, short: Dizziness in 40%, text:", "Dizziness"),
    ("short-form", "title: Dizziness, text:", "title: Dizziness, short: " + "x" * 73 + ", text:", "Dizziness"),
    ("reference-duplicate", "  - id: test-blog", "  - id: test-label", "id: test-label\n    title: A fictional"),
    ("id-filename", "id: testinib", "id: othername", "id: othername"),
    ("date-future", 'date: "2020-01-15"\n          kind', 'date: "2999-01-01"\n          kind', "2999-01-01"),
    ("stage-events", "  stage: approved", "  stage: investigational", "kind: accelerated-approval"),
    ("stage-events", "kind: accelerated-approval", "kind: investigational", "stage: approved"),
    ("event-order", "          cite: [test-label]\nindications:",
     '          cite: [test-label]\n        - {date: "2019-01-01", kind: label-update, indication: x, '
     'cite: [test-label]}\nindications:', "2019-01-01"),
    ("stale-review", 'last_reviewed: "2026-11-01"', 'last_reviewed: "2001-01-01"', "last_reviewed"),
    ("evidence-status", "{text: Some say it is blue., evidence: unconfirmed, cite: [test-blog]}",
     "{text: Some say it is blue., cite: [test-blog]}", "Some say it is blue"),
    ("evidence-status", "{text: Some say it is blue., evidence: unconfirmed, cite: [test-blog]}",
     "{text: Some say it is blue., evidence: corroborated, cite: [test-blog]}", "Some say it is blue"),
    ("locator-uncited", "{text: Some say it is blue., evidence: unconfirmed, cite: [test-blog]}",
     "{text: Some say it is blue., evidence: unconfirmed, cite: [test-blog], at: {test-label: §2}}",
     "Some say it is blue"),
    ("label-version", '    revision_date: "2020-01"\n', "", "id: test-label"),
    ("boxed-warning", "  boxed_warning: {regions: [US], present: false, cite: [test-label]}\n", "", "  warnings:"),
    ("reference-uncited", "evidence: unconfirmed, cite: [test-blog]}", "evidence: unconfirmed, cite: [test-label]}",
     "id: test-blog"),
]


@pytest.mark.parametrize("rule,old,new,at", RULE_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(RULE_CASES)])
def test_each_rule_points_at_the_node(cli, write, valid_text, rule, old, new, at):
    assert old in valid_text
    text = valid_text.replace(old, new, 1)
    path = write(text)
    result = cli("validate", str(path), "--strict", *(LENIENT_AGE if rule != "stale-review" else []))
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.endswith(f"({rule})")]
    assert lines, result.stdout
    expected_line = line_of(text, at)
    assert any(line.startswith(f"{path}:{expected_line}:") for line in lines), (expected_line, result.stdout)


def test_unknown_field_suggests_the_closest_name(cli, write, valid_text):
    path = write(valid_text.replace("  generic_name: testinib", "  generic_nme: testinib"))
    result = cli("validate", str(path), *LENIENT_AGE)
    assert "unknown field 'generic_nme'; did you mean 'generic_name'?" in result.stdout


def test_warnings_pass_unless_strict(cli, write, valid_text):
    path = write(valid_text.replace('last_reviewed: "2026-11-01"', 'last_reviewed: "2001-01-01"'))
    lenient = cli("validate", str(path))
    assert lenient.exit_code == 0
    assert ": warning: last reviewed 2001-01-01" in lenient.stdout
    assert cli("validate", str(path), "--strict").exit_code == 1


def test_review_age_is_configurable(cli, write, valid_text):
    path = write(valid_text.replace('last_reviewed: "2026-11-01"', 'last_reviewed: "2020-01-01"'))
    assert "stale-review" in cli("validate", str(path)).stdout
    assert "stale-review" not in cli("validate", str(path), "--max-review-age", "120").stdout


def test_all_problems_of_all_files_are_reported_sorted(cli, write, valid_text):
    first = write(valid_text.replace("amount: 5, unit: mg", "amount: -5, unit: mg")
                  .replace("  stage: approved", "  stage: maybe"), "a.yaml")
    second = write(valid_text, "b.yaml")
    result = cli("validate", str(first.parent), *LENIENT_AGE)
    found = [(line.split(":")[0], int(line.split(":")[1])) for line in result.stdout.splitlines()]
    assert found == sorted(found)
    assert sum(line.endswith("(schema)") for line in result.stdout.splitlines()) == 2
    assert {str(first), str(second)} <= {path for path, _ in found}
    assert result.exit_code == 1


def test_duplicate_ids_and_names_across_files(cli, write, valid_text):
    write(valid_text, "testinib.yaml")
    other = write(valid_text.replace("id: testinib", "id: other").replace("generic_name: testinib",
                                                                         "generic_name: other"), "other.yaml")
    result = cli("validate", str(other.parent), *LENIENT_AGE)
    assert result.exit_code == 1
    assert "name 'TST-001' also belongs to 'other'" in result.stdout
    assert "(name-duplicate)" in result.stdout


def test_json_format(cli, write, valid_text):
    path = write(valid_text.replace("id: testinib", "id: othername"))
    result = cli("validate", str(path), "--format", "json", *LENIENT_AGE)
    findings = json.loads(result.stdout)["findings"]
    assert findings == [{"file": str(path), "line": 3, "column": 5, "level": "error",
                         "rule": "id-filename", "message": "id 'othername' does not match the file name 'testinib'; "
                                    "rename the file or correct the id"}]
    assert result.exit_code == 1


def test_github_format(cli, write, valid_text):
    path = write(valid_text.replace("id: testinib", "id: othername"))
    result = cli("validate", str(path), "--format", "github", *LENIENT_AGE)
    assert result.stdout.startswith(f"::error file={path},line=3,col=5,title=id-filename::id 'othername'")


def test_missing_path_is_a_usage_error(cli, tmp_path):
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    assert result.stdout == ""


def test_bad_option_value_is_a_usage_error(cli):
    assert cli("validate", "--format", "xml").exit_code == 2
    assert cli("validate", "--max-review-age", "0").exit_code == 2
    assert cli("validate", "--jobs", "0").exit_code == 2


def test_validate_never_writes(cli, write, valid_text):
    path = write(valid_text.replace("amount: 5, unit: mg", "amount: -5, unit: mg"))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    cli("validate", str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
