"""The monograph (``show``) as a document: the header, the at-a-glance rows, the identity and the caveats,
each section, the references and the notice, every claim cited.

views.glance gives the rows' items and views.sections the sections a monograph may leave out; this
builder decides once what every format says. Curator notes (how a claim was researched) are added
only when asked for, each under the statement it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe
from trkmono.terms import SECTIONS
from trkmono.views import glance
from trkmono.views import sections as optional
from trkmono.views.citations import LEGEND, together
from trkmono.views.document import (Block, Cited, Document, Fact, Grid, Heading, Labelled, Line, List, Note, Notice,
                                    References, Row, Rows, Span, Title, line)

LABEL_WIDTH = 10
"""Width of the at-a-glance labels ('Indication', 'Child dose', ...) in a terminal."""

Blocks = list[Block]


def monograph(m: Plain, sections: Iterable[str] | None = None, brief: bool = False,
              notes: bool = False) -> Document:
    """The header, the at-a-glance rows (unless sections are chosen), the identity and caveats, the chosen
    sections (all by default), the references (every one, or those cited when sections are chosen) and the
    notice. ``brief``: the header and the rows only. ``notes``: the curator notes too."""
    chosen = list(sections or [])
    doc = Document(monograph=m, follow=True).add(_title(m), _doubt(m))
    if not chosen or brief:
        doc.add(Heading("At a glance"), _glance(m, brief))
    if brief:
        return doc.add(Note(LEGEND, "key"), Note(f"References [n]: trkmono show {m.id} --section references", "key"),
                       Notice())
    doc.add(_identity(m, notes), *_caveats(m, notes))
    for name in chosen or SECTIONS:
        if name != "references":
            build = _SECTIONS.get(name)
            doc.add(Heading(optional.title(name)), *(build(m, notes) if build else _optional(m, name, notes)))
    full = not chosen or "references" in chosen
    return doc.add(References(title="References" if full else "References cited above", cited_only=not full,
                              notes=True, curator_notes=notes), Notice())


# ---------------------------------------------------------------------------------------------
# the header and the first screen


def _title(m: Plain) -> Title:
    """The name (its brands beside it), then its stage, the label it is read under and its other names."""
    ident = m.identity
    brands = ", ".join(describe.brand_names(ident))
    names = [n.name + (" (claimed by a source)" if n.claimed_by_source else "") for n in ident.codes + ident.synonyms]
    region = describe.label_in_region(m)
    facts = (Fact("Brands", line(brands), lead=None) if brands else None,
             Fact("Stage", line(m.status.stage)),
             Fact("Label", line(Span(region))) if region else None,
             Fact("Also known as", line(", ".join(names)), lead="also ") if names else None)
    return Title(ident.generic_name, gloss=brands, facts=tuple(fact for fact in facts if fact is not None))


def _doubt(m: Plain) -> Labelled | None:
    doubt = m.identity.identity_doubt
    if doubt is None:
        return None
    return Labelled("Identity in doubt", line(doubt.short or doubt.text), doubt, emphasis="alert")


def _glance(m: Plain, brief: bool) -> Rows:
    """The rows with items (an empty one named under 'Not given'), what other regions' labels say
    differently, the sections not recorded, and how current the monograph is."""
    scope = m.status.get("scope")
    rows = [Row("Approved", (Cited(line(Span(scope.text)), scope, compact=True),))] if scope else []
    missing = []
    for row in glance.rows(m):
        if row.items:
            rows.append(Row(row.label, tuple(_item(item) for item in row.items), "\n" if row.one_per_line else "; ",
                            row.lines, row.every, f"+{{}} more in {row.section.capitalize()}"))
        elif not row.optional:
            missing.append(row.label)
    region = f" for the {m.region}" if getattr(m, "region", None) else ""
    if missing:
        rows.append(Row("Not given", (_faint(f"{', '.join(missing)} (not in this monograph{region})"),)))
    differ = glance.elsewhere(m)
    if differ:
        rows.append(Row("Elsewhere", (Cited(line(differ)),)))
    unrecorded = optional.missing(m, short=True)
    if unrecorded:
        rows.append(Row("Unrecorded", tuple(_faint(name) for name in unrecorded), ", "))
    return Rows((*rows, Row("Current", (_current(m, brief),))), LABEL_WIDTH)


def _item(item: glance.Item) -> Cited:
    """'lead — text [n]' (or 'lead: text'), the lead standing out, the marker without locators."""
    text = " ".join(item.text.split())
    joint = (" " if item.lead.endswith(":") else " — ") if item.lead and text else ""
    return Cited(line(Span(item.lead) if item.lead else "", joint + text), item.claim, compact=True)


def _faint(text: str) -> Cited:
    return Cited(line(Span(text, "faint")))


def _current(m: Plain, brief: bool) -> Cited:
    """The label's revision [n] · the review date (· the caveats a brief view leaves out)."""
    now = glance.currency(m)
    caveats = len(m.review.caveats)
    left_out = f" · {caveats} caveat{'s' if caveats > 1 else ''} not shown" if caveats and brief else ""
    return Cited(line(now.lead), now.claim, compact=True, after=line(f" · {now.text}{left_out}"))


def _identity(m: Plain, notes: bool) -> List:
    """Class, targets and route, each cited."""
    ident = m.identity
    cls = ident.classification
    return List((_noted(line(f"{cls.drug_class}, {cls.generation}-generation"), cls, notes, label="Class"),
                 Cited(line(", ".join(t.name for t in ident.targets)), together(ident.targets), label="Targets"),
                 _noted(line(ident.route.text), ident.route, notes, label="Route")), bullets=False)


def _caveats(m: Plain, notes: bool) -> Blocks:
    blocks: Blocks = []
    if m.review.caveats:
        blocks += [Heading("Caveats"), _list(((line(c.text), c) for c in m.review.caveats), notes)]
    if notes and m.review.curator_notes:
        blocks += [Heading("Curator notes"), List(tuple(Cited(line(n)) for n in m.review.curator_notes))]
    return blocks


# ---------------------------------------------------------------------------------------------
# cited statements


def _noted(text: Line, claim: Any, notes: bool, label: str = "", children: tuple[Cited, ...] = ()) -> Cited:
    """A statement and its claim, its curator note first under it when asked for, then ``children``."""
    note = getattr(claim, "curator_note", None) if notes else None
    said = (Cited(line(Span("Curator note:", "em"), f" {note}")),) if note else ()
    return Cited(text, claim, label=label, children=said + children)


def _list(items: Iterable[tuple[Line, Any]], notes: bool, indent: int = 0, bullets: bool = True) -> List:
    return List(tuple(_noted(text, claim, notes) for text, claim in items), indent=indent, bullets=bullets)


def _part(title: str, items: Iterable[tuple[Line, Any]], notes: bool) -> Blocks:
    """A titled part of a section (level 3) and its cited statements; nothing without statements."""
    found = list(items)
    return [Heading(title, level=3), _list(found, notes)] if found else []


def _plain(items: Iterable[Any]) -> list[tuple[Line, Any]]:
    return [(line(item.text), item) for item in items]


def _led(lead: str, text: str) -> Line:
    """'lead: text', the lead standing out."""
    return line(Span(f"{lead}: "), text)


# ---------------------------------------------------------------------------------------------
# sections


def _status(m: Plain, notes: bool) -> Blocks:
    """The overall stage, then each regulator's events in order."""
    blocks: Blocks = [_list([(line(f"Overall stage: {m.status.stage}"), m.status)], notes)]
    for history in m.status.regulators:
        blocks += [Heading(history.regulator, level=3),
                   _list(((line(f"{e.date}  ", Span(describe.event(e)), f" — {e.indication}"), e)
                          for e in history.events), notes, indent=2, bullets=False)]
    return blocks


def _indications(m: Plain, notes: bool) -> Blocks:
    """Each indication with its population, biomarker, line of therapy and basis; patient selection."""
    items = []
    for ind in m.indications:
        fields = (("Population", "; ".join(describe.population(p) for p in ind.populations)),
                  ("Biomarker", ind.biomarker), ("Line of therapy", ind.line_of_therapy),
                  ("Basis", ind.approval_basis))
        items.append(_noted(_led(ind.regulator, ind.text), ind, notes,
                            children=tuple(Cited(line(value), label=label) for label, value in fields if value)))
    blocks: Blocks = [List(tuple(items))] if items else []
    blocks += _part("Patient selection", _plain(m.patient_selection), notes)
    return blocks or [Note("None stated.")]


def _mechanism(m: Plain, notes: bool) -> Blocks:
    """The summary, its points, then the resistance mutations the monograph records."""
    mech = m.mechanism
    blocks: Blocks = [_noted(line(mech.summary.text), mech.summary, notes)]
    if mech.points:
        blocks.append(_list(_plain(mech.points), notes))
    return blocks + _part("Resistance mutations", (
        (_led(f"{r.mutation} ({r.region})", f"{r.activity} · {r.basis} — {r.text}"), r) for r in mech.resistance),
        notes)


def _dosing(m: Plain, notes: bool) -> Blocks:
    """Why no dose is labelled, the starting doses, forms, reduction ladders, general rules, hepatic,
    renal and CYP3A4 rules, and other interactions."""
    d = m.dosing
    blocks: Blocks = [_noted(line(Span(d.unlabelled.text)), d.unlabelled, notes)] if d.unlabelled else []
    blocks += _part("Starting dose", ((line(f"{describe.population(r.population)}: ", Span(glance.regimen(r)),
                                            f"; {r.duration}" if r.duration else ""), r) for r in d.regimens), notes)
    blocks += _part("Forms and strengths", ((line(f"{f.form}: {glance.strengths(f.strengths)}"), f)
                                            for f in m.identity.formulations), notes)
    for ladder in d.reductions:
        blocks += _ladder(ladder, notes)
    blocks += _part("General rules", _plain(d.general), notes) + _part("Administration", _plain(d.administration),
                                                                        notes)
    for title, rules in (("Hepatic impairment", d.hepatic), ("Renal impairment", d.renal),
                         ("CYP3A4 inhibitors and inducers", d.cyp3a4)):
        blocks += _part(title, ((line(Span(f"{a.condition}: "), describe.adjustment(a),
                                      f" [{describe.population(a.population)}]" if a.population else "",
                                      f" — {a.rule}"), a) for a in rules), notes)
    blocks += _part("Other interactions", ((_led(i.agent, i.action), i) for i in d.other_interactions), notes)
    return blocks or [Note("No dosing information.")]


def _ladder(ladder: Plain, notes: bool) -> Blocks:
    """Who the ladder is for (cited), its steps as a table, what follows the last step."""
    steps = tuple(((Cited(line(str(s.step))),), (Cited(line(describe.dose(s.dose))),), (Cited(line(s.note or "")),))
                  for s in ladder.steps)
    return [_noted(line(Span(f"Dose reductions — {describe.population(ladder.population)}")), ladder, notes),
            Grid(("Step", "Dose", "Note"), steps), Labelled("After the last step", line(ladder.after_last_step))]


def _safety(m: Plain, notes: bool) -> Blocks:
    """The boxed warning (or why none is stated), warnings, common adverse reactions and the rest."""
    s = m.safety
    boxed = s.boxed_warning
    if boxed is None:
        blocks: Blocks = [Cited(line(Span("Boxed warning:"), f" {describe.no_boxed_warning(m)}"))]
    else:
        blocks = [_noted(line(Span("Boxed warning:"), f" {boxed.text or 'yes' if boxed.present else 'none'}"), boxed,
                         notes)]
    blocks += _part("Warnings and precautions", ((_led(w.title, w.text), w) for w in s.warnings), notes)
    blocks += _part("Common adverse reactions (all grades; grade 3–4)",
                    ((line(Span(r.term), _frequencies(r)), r) for r in s.common_adverse_reactions), notes)
    for title, items in (("Serious adverse events", s.serious_adverse_events), ("Monitoring", s.monitoring),
                         ("Pregnancy and contraception", s.pregnancy), ("Patient counselling", s.counselling)):
        blocks += _part(title, _plain(items), notes)
    return blocks


def _frequencies(r: Plain) -> str:
    """': 10% (grade 3–4: 2%)', or '' when the monograph gives no frequency."""
    if r.frequency_percent is None and r.grade3_4_percent is None:
        return ""
    every = f"{describe.number(r.frequency_percent)}%" if r.frequency_percent is not None else "—"
    severe = f" (grade 3–4: {describe.number(r.grade3_4_percent)}%)" if r.grade3_4_percent is not None else ""
    return f": {every}{severe}"


def _efficacy(m: Plain, notes: bool) -> Blocks:
    """Each trial (cited), then its design and results, and its notes."""
    if not m.efficacy.trials:
        return [Note("No trial results recorded.")]
    return [List(tuple(_noted(line(Span(t.name + (f" ({', '.join(t.ids)})" if t.ids else ""))), t, notes,
                              children=_results(t)) for t in m.efficacy.trials))]


def _results(t: Plain) -> tuple[Cited, ...]:
    """'phase 2; population; n=55; ORR 75% (95% CI ...); duration of response: ...', then the trial's notes."""
    facts = [f"phase {t.phase}", t.population]
    if t.n:
        facts.append(f"n={t.n}")
    if t.orr_percent is not None:
        facts.append(f"ORR {describe.number(t.orr_percent)}%" + (f" ({t.orr_ci})" if t.orr_ci else ""))
    if t.duration_of_response:
        facts.append(f"duration of response: {t.duration_of_response}")
    return (Cited(line("; ".join(facts))),) + ((Cited(line(Span(t.notes, "em"))),) if t.notes else ())


def _optional(m: Plain, name: str, notes: bool) -> Blocks:
    """A section the monograph may leave out: its groups of cited lines, or 'not recorded'."""
    found = optional.groups(m, name)
    if found is None:
        return [Note(optional.NOT_RECORDED, "key")]
    blocks: Blocks = []
    for group in found:
        items = _list(((_led(s.lead, s.text) if s.lead else line(s.text), s.claim) for s in group.lines), notes)
        blocks += [Heading(group.title, level=3), items] if group.title else [items]
    return blocks


_SECTIONS: dict[str, Callable[[Plain, bool], Blocks]] = {
    "status": _status,
    "indications": _indications,
    "mechanism": _mechanism,
    "dosing": _dosing,
    "safety": _safety,
    "efficacy": _efficacy,
}
"""The sections every monograph has; the others are views.sections' optional ones."""
