"""Property-based: whatever text or bytes arrive, the loader ends in its own error type only."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trkmono.reading.loader import Loaded, load_bytes
from trkmono.reading.yamlsafe import YamlReadError, read_document

YAMLISH = st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"# \n\t?,%@`\\x01\x1b\u202e")), max_size=200)


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500))
def test_any_bytes_give_problems_not_exceptions(raw):
    loaded = load_bytes(raw, "fuzz.yaml")
    assert isinstance(loaded, Loaded)
    assert loaded.monograph is None
    assert loaded.problems and all(p.path == "fuzz.yaml" for p in loaded.problems)


@pytest.mark.slow
@settings(max_examples=500)
@given(st.one_of(st.text(max_size=300), YAMLISH))
def test_any_text_reads_or_raises_the_project_error(text):
    try:
        document, problems = read_document(text, "fuzz.yaml")
    except YamlReadError as exc:
        assert exc.problem.level == "error" and exc.problem.line >= 1 and exc.problem.column >= 1
    else:
        assert all(p.line >= 1 and p.column >= 1 for p in problems)


@pytest.mark.slow
@settings(max_examples=300)
@given(YAMLISH)
def test_any_text_through_the_whole_loader(text):
    loaded = load_bytes(text.encode("utf-8"), "fuzz.yaml")
    assert loaded.monograph is None and loaded.problems


CLEAN = st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Nd"))
"""Text without controls, surrogates, format characters (bidi overrides) or digits (YAML 1.1 writers
leave some number-like text such as 0E0 unquoted, which YAML 1.2 reads as a number)."""
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    st.text(CLEAN, max_size=20), st.sampled_from(["no", "~", "010", "+1", ".5", "null", "True"]))
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(CLEAN, max_size=8), inner, max_size=4), max_leaves=25)


@pytest.mark.slow
@settings(max_examples=300)
@given(DATA, st.sampled_from([None, True, False]))
def test_written_yaml_reads_back_as_the_same_data(data, flow):
    document, problems = read_document(yaml.safe_dump(data, default_flow_style=flow, sort_keys=False), "fuzz.yaml")
    assert problems == []
    assert repr(document.data) == repr(data)  # repr: True and 1 are equal, but not the same data


FRAGMENTS = ["a:", "a: 1", "b: x", "no: ~", "- 1", "- a: 2", "c: &k v", "d: *k", "e: !!str 3", 'f: "\\x07"',
             "g: [1, 2]", "h: {a: 1, a: 2}", "---", "1: x", "? [a]", ": b", "i: |", "  text", "j: 'q'"]
LINES = st.lists(st.tuples(st.integers(0, 3), st.sampled_from(FRAGMENTS)), max_size=8).map(
    lambda lines: "\n".join("  " * indent + fragment for indent, fragment in lines))
"""Documents made of lines that often repeat keys, use anchors and tags, or break the syntax."""


@pytest.mark.slow
@settings(max_examples=500)
@given(st.one_of(LINES, YAMLISH, st.text(max_size=200)))
def test_every_position_points_into_the_text(text):
    try:
        document, problems = read_document(text, "fuzz.yaml")
    except YamlReadError:
        return
    lines = text.split("\n")
    for line, column in [*_marks(document.root), *((p.line, p.column) for p in problems)]:
        assert 1 <= line <= len(lines) + 1 and column >= 1


def _marks(entry):
    """Every value and key position recorded in a document, depth first."""
    value_mark, key_mark, inside = entry
    yield value_mark
    if key_mark is not None:
        yield key_mark
    for child in (inside.values() if isinstance(inside, dict) else inside or []):
        yield from _marks(child)


@pytest.mark.slow
@settings(max_examples=300)
@given(DATA)
def test_every_value_of_written_yaml_is_located_on_its_line(data):
    text = yaml.safe_dump(data, default_flow_style=False, sort_keys=False, allow_unicode=True)
    document, _ = read_document(text, "fuzz.yaml")
    for path, value in _leaves(document.data):
        line, column = document.value_mark(path)
        if isinstance(value, str) and value and "\n" not in value and "'" not in value and '"' not in value:
            assert value.split()[0] in text.split("\n")[line - 1] if value.split() else True


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    else:
        yield path, data


@pytest.mark.parametrize("text,rule", [
    ("a: 1\n---\nb: 2\n", "multiple-documents"),
    ("a: 1\nb:\n  c: 2\n  c: 3\n", "duplicate-key"),
    ("a: &x 1\nb: *x\n", "anchor-alias"),
    ("a: !!str 1\n", "explicit-tag"),
    ("a: &x\n  b: 1\n", "anchor-alias"),
    ("a: !!seq [1]\n", "explicit-tag"),
    ('a: "\\x07"\n', "control-character"),
    ("1: x\n", "key-type"),
])
def test_each_refusal_is_reported_by_the_one_loop(text, rule):
    try:
        _, problems = read_document(text, "fuzz.yaml")
    except YamlReadError as exc:
        problems = [exc.problem]
    assert rule in {p.rule for p in problems}
