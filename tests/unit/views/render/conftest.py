"""A small monograph as plain data and a way to lay a document out as the read commands do."""

from __future__ import annotations

import pytest

from trkmono.compiled.plain import Plain
from trkmono.views.console import rendered
from trkmono.views.document import Document
from trkmono.views.render import markdown, terminal


def reference(ref_id: str, title: str, url: str = "https://example.org/label") -> Plain:
    return Plain(id=ref_id, title=title, publisher="Example Agency", date="2025-04-10", url=url,
                 tier="regulatory-label", note=None, curator_note=None, region="US")


@pytest.fixture
def drug() -> Plain:
    """fictinib, with two references."""
    return Plain(id="fictinib", identity=Plain(generic_name="fictinib"),
                 references=[reference("label", "Fictinib label"), reference("trial", "A fictional trial")])


@pytest.fixture
def claim():
    """A statement's citation: the reference ids, their locators and its evidence status."""
    def cited(*cite: str, evidence: str = "confirmed", **at: str) -> Plain:
        return Plain(cite=list(cite), at=dict(at), evidence=evidence)
    return cited


@pytest.fixture
def as_text(monkeypatch):
    """The document laid out for a terminal ``width`` columns wide, without colour."""
    def lay_out(doc: Document, width: int = 80) -> str:
        monkeypatch.setenv("COLUMNS", str(width))
        return "".join(rendered("never", lambda console: terminal.render(console, doc)))
    return lay_out


@pytest.fixture
def as_markdown():
    return markdown.render
