"""The interaction table (data/comedications.yaml): checked by validate like the monographs."""

from __future__ import annotations

from conftest import REPO

TABLE = REPO / "data" / "comedications.yaml"


def test_the_shipped_table_is_clean_under_strict(cli):
    result = cli("validate", str(TABLE), "--strict")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "1 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr


def broken(write, old: str, new: str) -> str:
    text = TABLE.read_text(encoding="utf-8")
    assert old in text
    return str(write(text.replace(old, new, 1), name="comedications.yaml"))


def test_an_unknown_class_is_a_schema_error_at_its_line(cli, write):
    result = cli("validate", broken(write, "acts_as: strong-cyp3a-inhibitor", "acts_as: very-strong-inhibitor"))
    assert result.exit_code == 1
    assert "comedications.yaml:9:14:" in result.stdout and "(schema)" in result.stdout


def test_a_citation_must_name_a_table_reference(cli, write):
    result = cli("validate", broken(write, "cite: [lexicomp-cyp3a, ", "cite: [no-such-source, "))
    assert result.exit_code == 1
    assert "cites 'no-such-source', which is not in references; add it there or correct the id (citation-unresolved)" in result.stdout


def test_a_name_may_belong_to_one_entry_only(cli, write):
    result = cli("validate", broken(write, "spellings: [rifampin]", "spellings: [rifampin, itraconazole]"))
    assert result.exit_code == 1
    assert "'itraconazole' also names 'itraconazole'; keep each name in one entry (table-name-duplicate)" in result.stdout


def test_rival_classes_must_say_why_sources_differ(cli, write):
    text = TABLE.read_text(encoding="utf-8")
    start = text.index("- id: rifabutin")
    notes = text.index("  notes:", start)
    end = text.index("- id: ", notes)
    path = write(text[:notes] + text[end:], name="comedications.yaml")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "'rifabutin' is listed as strong CYP3A inducer and moderate CYP3A inducer" in result.stdout
    assert "(class-conflict-unexplained)" in result.stdout
