"""Every read command for every shipped drug, text and Markdown at 80 columns, against its golden file.

When an answer is meant to change, regenerate the files with ``python scripts/golden.py`` and read the diff.
"""

from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO

_SPEC = importlib.util.spec_from_file_location("golden", REPO / "scripts" / "golden.py")
golden = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(golden)

CASES = [(name, ext, args + options) for name, args in golden.cases().items()
         for ext, options in golden.FORMATS.items()]


@pytest.mark.parametrize(("name", "ext", "args"), CASES, ids=[f"{name}.{ext}" for name, ext, _ in CASES])
def test_output_matches_golden_file(name, ext, args):
    path = golden.OUTPUT / f"{name}.{ext}"
    assert path.exists(), f"{path} is missing: run python scripts/golden.py"
    assert golden.run(args) == path.read_text(encoding="utf-8"), (
        f"{name}.{ext} differs from its golden file; if the change is meant, run python scripts/golden.py")


def test_no_stale_golden_files():
    expected = {golden.OUTPUT / f"{name}.{ext}" for name, ext, _ in CASES}
    stale = [p for p in golden.OUTPUT.rglob("*") if p.is_file() and p not in expected]
    assert not stale, f"golden files no case writes: {stale}"
