"""The interactions answers as documents: a drug's CYP3A4 rules and other interactions, and the
sectioned answers (``interactions --with``, ``patient``) of clinical.answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.model import phrases as describe
from trkmono.views.answers import groups
from trkmono.views.citations import cited_ids, cyp3a_groups
from trkmono.views.document import Cited, Document, Heading, List, Note, Notice, References, Span, Title, line

if TYPE_CHECKING:
    from trkmono.clinical.answer import Section
    from trkmono.clinical.search import Record
    from trkmono.compiled.plain import Plain


def interactions(m: Plain, mentions: list[Record]) -> Document:
    """CYP3A4 rules by condition (a condition without one says so), other interactions, then the
    monograph's other statements that mention them."""
    doc = Document(monograph=m)
    doc.add(Title(m.identity.generic_name, " — interactions"), Heading("CYP3A4 inhibitors and inducers"))
    items = []
    for condition, rules in cyp3a_groups(m):
        label = condition.replace("-", " ")
        if not rules:
            items.append(Cited(line(Span(label), ": ", Span("the monograph gives no rule", "caution"))))
        items += [_cyp3a(label, a, m) for a in rules]
    doc.add(List(tuple(items)), Heading("Other interactions (transporters, QT-prolonging drugs, food)"))
    others = m.dosing.other_interactions
    doc.add(List(tuple(Cited(line(Span(i.agent), ": ", i.action), i, m) for i in others)) if others else
            Cited(line(Span("The monograph names no other interactions.", "caution"))))
    if mentions:
        doc.add(Heading("Mentioned elsewhere in the monograph"),
                List(tuple(Cited(line(Span(r.section), ": ", r.text), r.source, m) for r in mentions)))
    sources = [a for _, rules in cyp3a_groups(m) for a in rules] + list(others) + [r.source for r in mentions]
    return doc.add(References(((m, tuple(cited_ids(sources))),)), Notice())


def _cyp3a(label: str, a: Plain, m: Plain) -> Cited:
    """'strong inhibitor: AVOID; if unavoidable, ...' with who it is for and the rule as written."""
    effect = describe.adjustment(a)
    if a.avoid:
        rest = effect.removeprefix("avoid").lstrip("; ")
        said = line(Span("AVOID", "alert"), f"; {rest}" if rest else "")
    else:
        said = line(effect)
    children = (Cited(line(describe.population(a.population)), label="For"),) if a.population else ()
    return Cited(line(Span(label), ": ", *said), a, m, children=children + (Cited(line(a.rule), label="Rule"),))


def sections(title: str, asked: str, found: list[Section]) -> Document:
    """The title, what was asked, each section's lines with their markers (a line to act on
    flagged), then the references of every file the lines cite."""
    doc = Document().add(Title("", title), Note(f"Asked: {asked}"))
    for section in found:
        doc.add(Heading(section.title),
                List(tuple(Cited(line(Span(x.label, "flag" if x.alert else "strong"), ": ", x.text), x.source, x.owner)
                           for x in section.lines)))
    return doc.add(References(tuple((owner, tuple(ids)) for owner, ids in groups(found))), Notice())
