"""Values no clinical text needs are refused by validate, one rule each, and never shown: numbers
that are not finite, dates in other scripts' digits, invisible and bidi characters, line
separators, text ending in a line break, addresses that are not http(s)."""

from __future__ import annotations

import pytest

from conftest import LENIENT_AGE

CASES = {
    "number-finite": ("dose: {amount: 10, unit: mg", "dose: {amount: 1e999, unit: mg"),
    "number-finite-negative": ("percent_change: -50", "percent_change: -1e999"),
    "date-digits": ('last_reviewed: "2026-11-01"', 'last_reviewed: "\u0662\u0660\u0662\u0666-11-01"'),
    "text-invisible": ("text: May cause dizziness.", "text: May cause diz\u00adziness."),
    "text-invisible-zero-width": ("term: fatigue", "term: fat\u200bigue"),
    "text-invisible-bidi-mark": ("title: Dizziness", "title: Dizzi\u200fness"),
    "text-line-separator": ("text: Blocks a fictional kinase.", "text: Blocks a\u2028fictional kinase."),
    "text-trailing-newline": ("after_last_step: Stop.", 'after_last_step: "Stop.\\n"'),
    "url-scheme": ("    publisher: Nobody\n    date:", "    publisher: Nobody\n    url: javascript:alert(1)\n    date:"),
    "url-scheme-credentials": ("    publisher: Nobody\n    date:",
                               "    publisher: Nobody\n    url: https://user:secret@example.org/x\n    date:"),
    "url-scheme-angle": ("    publisher: Nobody\n    date:", "    publisher: Nobody\n    url: https://example.org/a>b\n    date:"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_refuses_the_value_with_its_own_rule(cli, write, valid_text, case):
    old, new = CASES[case]
    assert old in valid_text
    path = write(valid_text.replace(old, new, 1))
    result = cli("validate", str(path), *LENIENT_AGE)
    rule = next(name for name in ("number-finite", "date-digits", "text-invisible", "text-line-separator",
                                  "text-trailing-newline", "url-scheme") if case.startswith(name))
    assert result.exit_code == 1 and f"({rule})" in result.stdout, result.stdout
    shown = cli("show", "testinib", "--data-dir", str(path.parent))
    assert shown.exit_code == 1 and "testinib.yaml" in shown.stderr
    assert "Traceback" not in shown.stderr and "internal error" not in shown.stderr


def test_an_overflowing_dose_is_never_computed(cli, write, valid_text):
    path = write(valid_text.replace("dose: {amount: 10, unit: mg", "dose: {amount: 1e999, unit: mg", 1))
    for args in (["dose", "testinib"], ["dose", "testinib", "--json"], ["show", "testinib", "--json"]):
        result = cli(*args, "--data-dir", str(path.parent))
        assert result.exit_code == 1 and "inf mg" not in result.stdout and "Infinity" not in result.stdout
        assert "internal error" not in result.stderr


def test_the_shipped_library_passes_the_value_rules(cli):
    assert cli("validate", "--strict").exit_code == 0


@pytest.mark.parametrize("typed", ["newdrug\n", "newdrug\r\n", "new\u0661drug", "\u0131d"])
def test_new_refuses_an_id_with_a_line_break_or_non_ascii(cli, tmp_path, typed):
    result = cli("new", typed, "--folder", str(tmp_path))
    assert result.exit_code == 2 and list(tmp_path.iterdir()) == []
