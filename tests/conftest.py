"""Shared helpers: run the real CLI, and locate the real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from trkmono.cli.app import app

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
VALID = FIXTURES / "valid" / "testinib.yaml"
REPO = TESTS.parent
SHIPPED = REPO / "data" / "monographs"
LENIENT_AGE = ["--max-review-age", "120"]
"""The fictional fixture's review date must not go stale while the suite is in use."""


@pytest.fixture
def cli():
    """Invoke trkmono in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})

    return invoke


@pytest.fixture
def valid_text() -> str:
    """The fictional valid monograph's text."""
    return VALID.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path):
    """Write a monograph file (text or bytes) into a fresh folder and return its path."""
    def writer(content: str | bytes, name: str = "testinib.yaml") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return writer


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own empty cache folder, so no test sees another's cached results."""
    monkeypatch.setenv("TRKMONO_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
