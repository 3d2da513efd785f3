"""The Markdown renderer lays a document out and decides nothing: data is escaped in every block,
spans keep their emphasis, a grid is a pipe table, a glance row lists every item."""

from __future__ import annotations

import pytest

from trkmono.views.document import (Cited, Document, Grid, Heading, Labelled, List, Note, Notice, References, Row,
                                    Rows, Span, Title, line)
from trkmono.views.render.markdown import render as as_markdown

HOSTILE = "# not a heading | <b>x</b> *y* [z](http://a) `c` &amp;"
ESCAPED = r"\# not a heading \| \<b\>x\</b\> \*y\* \[z\](http://a) \`c\` \&amp;"


@pytest.mark.parametrize("block", [
    Heading(HOSTILE), Cited(line(HOSTILE)), List((Cited(line(HOSTILE)),)), Labelled("Rule", line(HOSTILE)),
    Note(HOSTILE), Rows((Row("Row", (Cited(line(HOSTILE)),)),)),
    Grid(("", "drug"), (((Cited(line("aspect")),), (Cited(line(HOSTILE)),)),)),
], ids=lambda block: type(block).__name__)
def test_text_from_the_data_is_escaped_in_every_block(block):
    out = as_markdown(Document().add(block))
    assert ESCAPED in out
    assert "<b>" not in out and "](http" not in out.replace(r"\](http", "")


@pytest.mark.parametrize("span, written", [
    (Span("avoid", "alert"), "**avoid**"), (Span("avoid", "flag"), "**avoid** ⚠"), (Span("a", "em"), "*a*"),
    (Span("review.caveats[0]", "code"), "`review.caveats[0]`"), (Span("not `code`", "code"), r"not \`code\`"),
    (Span("missing", "caution"), "missing"), (Span(" padded ", "strong"), " **padded** "),
])
def test_a_span_keeps_its_emphasis(span, written):
    assert as_markdown(Document().add(Cited(line("x", span, "y")))) == f"x{written}y\n"


def test_a_grid_is_a_pipe_table_with_its_stub():
    grid = Grid(("", "first", "second"), (((Cited(line("Dose")),), (Cited(line("100 mg")),), (Cited(line("600 mg")),)),),
                stub="Aspect")
    assert "| Aspect | first | second |\n|---|---|---|\n| Dose | 100 mg | 600 mg |" in as_markdown(Document().add(grid))


def test_a_glance_row_lists_every_item_on_a_page(drug, claim):
    items = tuple(Cited(line(f"item {n}"), claim("label"), drug) for n in range(1, 30))
    out = as_markdown(Document(monograph=drug).add(Rows((Row("Warnings", items, more="+{} more"),))))
    assert "item 29" in out and "more" not in out


def test_markers_cite_the_reference_list_with_linked_titles(drug, claim):
    drug.references[0]["url"] = "https://example.org/a label (v2).pdf"
    doc = Document(monograph=drug).add(Title("fictinib", " — dose"), Cited(line("Fact."), claim("label", evidence="unconfirmed"), drug),
                                       References(), Notice())
    out = as_markdown(doc)
    assert out.startswith("# fictinib — dose\n")
    assert "Fact. \\[1\\]\u00a0*(unconfirmed)*" in out
    assert "- \\[1\\] [Fictinib label](<https://example.org/a%20label%20(v2).pdf>). Example Agency, 2025-04-10." in out
    assert "A fictional trial" not in out
    assert "not medical advice" in out.splitlines()[-1]
