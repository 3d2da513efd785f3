"""The terminal renderer lays a document out and decides nothing: a marker is never split, a
statement hangs under its first word, a narrow grid stacks, a glance row keeps to its lines."""

from __future__ import annotations

import pytest

from trkmono.views.console import rendered
from trkmono.views.document import (Cited, Document, Grid, Heading, List, Notice, References, Row, Rows, Span, Title,
                                    line)
from trkmono.views.render.terminal import render


@pytest.fixture
def as_text(monkeypatch):
    """The document laid out for a terminal ``width`` columns wide, without colour, as a read command prints it."""
    def lay_out(doc: Document, width: int = 80) -> str:
        monkeypatch.setenv("COLUMNS", str(width))
        return "".join(rendered("never", lambda console: render(console, doc)))
    return lay_out


def test_a_wrapped_statement_hangs_under_its_first_word_and_keeps_its_marker_whole(drug, as_text, claim):
    said = Cited(line("Take it with or without food, at the same time each day, swallowed whole"),
                 claim("label", "trial", label="§2.1"), drug)
    out = as_text(Document(monograph=drug).add(List((said,))), width=32)
    lines = out.splitlines()
    assert lines[0].startswith("• Take it")
    assert all(later.startswith("  ") and not later.startswith("   ") for later in lines[1:])
    assert any(single.endswith("[1 §2.1; 2]") for single in lines), "the marker stands whole on one line"


@pytest.mark.parametrize("evidence, tag", [("confirmed", ""), ("corroborated", " (corroborated)"),
                                           ("unconfirmed", " (unconfirmed)")])
def test_the_evidence_tag_follows_the_marker_unless_confirmed(drug, as_text, evidence, tag, claim):
    out = as_text(Document(monograph=drug).add(Cited(line("Fact."), claim("label", evidence=evidence), drug)))
    assert out.splitlines()[0] == f"Fact. [1]{tag}"


def test_text_from_the_data_is_never_read_as_markup(as_text):
    out = as_text(Document().add(Cited(line("[bold]not bold[/bold] ", Span("[red]x[/red]")))))
    assert "[bold]not bold[/bold] [red]x[/red]" in out


GRID = Grid(("", "first drug", "second drug"),
            (((Cited(line("Adult dose")),), (Cited(line("100 mg twice daily")),), (Cited(line("600 mg daily")),)),),
            min_width=30)


def test_a_grid_is_a_table_where_its_columns_fit(as_text):
    out = as_text(Document().add(GRID), width=120)
    assert "first drug" in out and "second drug" in out.splitlines()[1]
    assert "first drug: " not in out


def test_a_grid_too_narrow_for_its_columns_stacks_row_by_row(as_text):
    out = as_text(Document().add(GRID), width=60)
    assert "Adult dose ─" in out
    assert "first drug: 100 mg twice daily" in out and "second drug: 600 mg daily" in out


def test_a_glance_row_shows_whole_items_and_counts_the_rest(drug, as_text, claim):
    items = tuple(Cited(line(f"item number {n} of the row"), claim("label"), drug) for n in range(1, 7))
    doc = Document(monograph=drug).add(Rows((Row("Warnings", items, more="+{} more in Safety"),)))
    out = " ".join(as_text(doc, width=100).split())
    assert out.startswith("Warnings item number 1 of the row [1]; item number 2 of the row [1]")
    shown = out.count("item number")
    assert f"+{6 - shown} more in Safety" in out and "…" not in out


def test_a_row_of_every_item_shows_them_all(drug, as_text, claim):
    items = tuple(Cited(line(f"item {n}"), claim("label"), drug) for n in range(1, 30))
    out = as_text(Document(monograph=drug).add(Rows((Row("All", items, every=True),))), width=40)
    assert "item 29 [1]" in " ".join(out.split()) and "more" not in out


def test_a_title_is_the_subject_in_capitals_and_headings_are_rules(as_text):
    out = as_text(Document().add(Title("fictinib", " — dose"), Heading("Dosing")), width=40)
    assert out.splitlines()[0] == "FICTINIB — dose"
    assert out.splitlines()[1].startswith("Dosing ─")


def test_a_page_only_title_is_left_out(as_text):
    assert as_text(Document().add(Title("", "A page heading", page_only=True), Notice())).startswith("For information only; not medical advice.")


def test_the_references_listed_are_those_cited_with_whole_addresses(drug, as_text, claim):
    url = "https://example.org/" + "a-long-path/" * 8 + "label.pdf"
    drug.references[0]["url"] = url
    doc = Document(monograph=drug).add(Cited(line("Fact."), claim("label"), drug), References(), Notice())
    out = as_text(doc, width=50)
    assert f"    {url}" in out.splitlines(), "an address stands whole on a line of its own, under its title"
    assert "A fictional trial" not in out
    assert out.endswith("protocols before acting.\n") and "not medical advice" in out
