"""Hostile and malformed files: each refused with a clear, located message and exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, LENIENT_AGE
from trkmono.reading.yamlsafe import MAX_BYTES, MAX_DEPTH

HOSTILE = FIXTURES / "hostile"

# (fixture, rule, line, column, part of the message)
CASES = [
    ("empty.yaml", "empty-file", 1, 1, "file is empty"),
    ("whitespace.yaml", "empty-file", 1, 1, "file is empty"),
    ("latin1.yaml", "encoding", 2, 8, "not UTF-8 (byte 0xe9 cannot be decoded); save it as UTF-8"),
    ("syntax.yaml", "yaml-syntax", 3, 1, "expected ',' or ']'"),
    ("tab-indent.yaml", "yaml-syntax", 3, 1, "tab character where YAML needs spaces"),
    ("root-list.yaml", "root-type", 1, 1, "must hold a mapping of monograph fields, not a list"),
    ("root-scalar.yaml", "root-type", 1, 1, "not a str"),
    ("duplicate-top.yaml", "duplicate-key", 3, 1, "duplicate key 'id' (first defined at line 2)"),
    ("duplicate-deep.yaml", "duplicate-key", 5, 5, "duplicate key 'text' (first defined at line 4)"),
    ("alias-bomb.yaml", "anchor-alias", 1, 4, "anchor '&a': anchors are not allowed; delete it"),
    ("alias-bomb.yaml", "anchor-alias", 2, 8, "alias '*a': aliases are not allowed; write the value out"),
    ("python-tag.yaml", "explicit-tag", 2, 5, "explicit tag 'tag:yaml.org,2002:python"),
    ("custom-tag.yaml", "explicit-tag", 2, 5, "explicit tag '!custom' is not allowed; delete it"),
    ("raw-escape.yaml", "control-character", 3, 36, "control character U+001B in the text; delete it"),
    ("quoted-escape.yaml", "control-character", 3, 7, "control character U+001B (from an escape)"),
    ("bidi.yaml", "control-character", 3, 13, "control character U+202E in the text; delete it"),
    ("two-documents.yaml", "multiple-documents", 2, 1, "a second YAML document starts here"),
]


@pytest.mark.parametrize("name,rule,line,col,message", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_hostile_fixture_is_refused_at_its_place(cli, name, rule, line, col, message):
    path = HOSTILE / name
    result = cli("validate", str(path))
    assert result.exit_code == 1
    expected = f"{path}:{line}:{col}: error: "
    matching = [x for x in result.stdout.splitlines() if x.startswith(expected) and x.endswith(f"({rule})")]
    assert matching and message in matching[0], result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_python_tag_runs_nothing(cli, tmp_path):
    marker = Path("/tmp/trkmono-pwned")
    marker.unlink(missing_ok=True)
    cli("validate", str(HOSTILE / "python-tag.yaml"))
    assert not marker.exists()


def test_escape_sequences_never_reach_the_output(cli):
    result = cli("validate", str(HOSTILE / "quoted-escape.yaml"), str(HOSTILE / "raw-escape.yaml"))
    assert "\x1b" not in result.stdout + result.stderr


def test_deep_flow_nesting_is_refused(cli, write):
    path = write("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert f"nesting deeper than {MAX_DEPTH} levels; a monograph needs far fewer" in result.stdout


def test_deep_block_nesting_is_refused(cli, write):
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "v\n"
    result = cli("validate", str(write(text)))
    assert result.exit_code == 1
    assert "(nesting-depth)" in result.stdout


def test_oversized_file_is_refused_without_parsing(cli, write):
    path = write("# " + "x" * MAX_BYTES + "\n")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:1:1: error: the file is larger than the {MAX_BYTES:,}-byte limit;" in result.stdout


def test_non_text_key_is_refused(cli, write):
    result = cli("validate", str(write("schema_version: 1\n? [a, b]\n: x\n")))
    assert "a key must be plain text, not a sequence; write it as a word (key-type)" in result.stdout


def test_bom_and_crlf_are_fine(cli, write, valid_text):
    path = write(b"\xef\xbb\xbf" + valid_text.replace("\n", "\r\n").encode("utf-8"))
    result = cli("validate", str(path), "--strict", *LENIENT_AGE)
    assert (result.exit_code, result.stdout) == (0, "")


def test_yaml_11_booleans_stay_text_and_fail_loudly(cli, write, valid_text):
    path = write(valid_text.replace("{text: oral, cite", "{text: no, cite"))
    result = cli("validate", str(path), *LENIENT_AGE)
    assert result.exit_code == 0  # 'no' is the text "no" (YAML 1.2), not False
    path = write(valid_text.replace("{text: oral, cite", "{text: true, cite"))
    result = cli("validate", str(path), *LENIENT_AGE)
    assert "identity.route.text: Input should be a valid string (schema)" in result.stdout


def test_an_empty_value_is_null_not_empty_text(cli, write, valid_text):
    path = write(valid_text.replace("  route: {text: oral, cite: [test-label]}",
                                    "  route:\n    text:\n    cite: [test-label]"))
    result = cli("validate", str(path), *LENIENT_AGE)
    assert result.stdout.endswith(":14:10: error: identity.route.text: Input should be a valid string (schema)\n")


def test_directory_named_like_a_monograph_is_reported(cli, tmp_path):
    (tmp_path / "odd.yaml").mkdir()
    result = cli("validate", str(tmp_path / "odd.yaml"))
    assert result.exit_code == 2  # a folder is expanded: it holds no monographs


def test_broken_file_does_not_hide_the_others(cli, write, valid_text):
    write(valid_text)
    write("id: [broken\n", "zzz.yaml")
    listed = cli("list", "--data-dir", str(Path(write(valid_text)).parent))
    assert listed.exit_code == 0
    assert "testinib" in listed.stdout
    assert "skipped" in listed.stderr and "zzz.yaml" in listed.stderr
