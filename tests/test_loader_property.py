"""Property-based: whatever text or bytes arrive, the loader ends in its own error type only."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trkmono.loader import Loaded, load_bytes
from trkmono.yamlsafe import YamlReadError, read_document

YAMLISH = st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"# \n\t?,%@`\\x01\x1b\u202e")), max_size=200)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500))
def test_any_bytes_give_problems_not_exceptions(raw):
    loaded = load_bytes(raw, "fuzz.yaml")
    assert isinstance(loaded, Loaded)
    assert loaded.monograph is None
    assert loaded.problems and all(p.path == "fuzz.yaml" for p in loaded.problems)


@settings(max_examples=500)
@given(st.one_of(st.text(max_size=300), YAMLISH))
def test_any_text_reads_or_raises_the_project_error(text):
    try:
        document, problems = read_document(text, "fuzz.yaml")
    except YamlReadError as exc:
        assert exc.problem.level == "error" and exc.problem.line >= 1 and exc.problem.column >= 1
    else:
        assert all(p.line >= 1 and p.column >= 1 for p in problems)


@settings(max_examples=300)
@given(YAMLISH)
def test_any_text_through_the_whole_loader(text):
    loaded = load_bytes(text.encode("utf-8"), "fuzz.yaml")
    assert loaded.monograph is None and loaded.problems
