"""Markdown for tumour-board notes and wikis: headings, lists, tables and a linked reference list.

Text from the data is escaped so it can never turn into Markdown structure or HTML. Citations
follow the one style of every view (views.citations): ``[n]`` or ``[n §x]`` after each claim, its
evidence tag when not confirmed, the legend once, and the references it points at at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS
from trkmono.views import glance
from trkmono.views import sections as optional
from trkmono.views.citations import LEGEND, Numbering, evidence_tag, together
from typing import TYPE_CHECKING

from trkmono import terms

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph, Reference


_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
"""Characters that make Markdown structure, HTML or an entity (&amp;) anywhere on a line."""
_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)])(?= |$))")
"""What makes a list item, a heading underline or a numbered item at the start of a line."""
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"
"""Characters an address keeps in a link; any other (space, <, >, quotes, \\) is percent-encoded."""
NBSP = "\u00a0"
"""Joins a marker's parts, so a renderer never breaks a marker across lines."""


def escape(text: str) -> str:
    """Text with Markdown's special characters escaped (at a line start too: list and numbered
    items, heading underlines), and line breaks folded."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped)


def link_target(url: str) -> str:
    """An address as a Markdown link target: percent-encoded so it cannot end the link or the line."""
    return quote(url, safe=_URL_SAFE)


class Markers:
    """``[1]``, ``[2 §4.2]`` ... after each claim, and its evidence tag, in one output's numbering.

    Given a monograph, the numbers follow its reference list (as ``show`` does); otherwise they
    follow the order in which claims are first cited, each drug's references apart.
    """

    def __init__(self, monograph: Monograph | None = None) -> None:
        self.monograph = monograph
        self.numbering = Numbering()
        if monograph is not None:
            self.numbering.follow(monograph)

    @property
    def numbers(self) -> dict[str, int]:
        """The monograph's reference ids and their numbers."""
        m = self.monograph
        return {r.id: self.numbering.number(r.id, m) for r in m.references} if m is not None else {}

    def __call__(self, claim: Cited | None, m: Monograph | None = None) -> str:
        brackets = self.numbering.brackets(claim, m or self.monograph, NBSP)
        if not brackets:
            return ""
        tag = evidence_tag(claim.evidence)
        return " " + _SPECIAL.sub(r"\\\1", brackets) + (f"{NBSP}*{tag}*" if tag else "")


def _reference(r: Reference, note: str | None = None) -> str:
    linked = r.url and re.match(r"https?://", r.url, re.IGNORECASE)
    title = f"[{escape(r.title)}](<{link_target(r.url)}>)" if linked else escape(r.title)
    when = f", {r.date}" if r.date else ""
    return f"{title}. {escape(r.publisher)}{when}. *{TIER_LABELS[r.tier]}*" + (
        f" — {escape(note)}" if note else "")


def _notice() -> str:
    return f"*{escape(describe.NOTICE)}*"


# ---------------------------------------------------------------------------------------------
# show


def monograph(m: Monograph, sections: Iterable[str] | None = None, brief: bool = False, notes: bool = False) -> str:
    """The monograph as Markdown: the same content as the terminal's ``show`` (at a glance, caveats,
    sections, references), with curator notes only when asked for."""
    chosen = list(sections or [])
    mark = Markers(m)
    ident = m.identity
    lines = [f"# {escape(ident.generic_name)}", ""]
    if ident.brands:
        lines += [f"Brands: {escape(', '.join(describe.brand_names(ident)))}", ""]
    names = [n.name for n in ident.codes + ident.synonyms]
    if names:
        lines += [f"Also known as: {escape(', '.join(names))}", ""]
    lines += [f"Stage: {m.status.stage} · last reviewed {m.review.last_reviewed}", ""]
    if not chosen or brief:
        lines += ["## At a glance", ""] + _glance(m, mark) + [""]
    if brief:
        return "\n".join(lines + [f"*{escape(LEGEND)}*", "",
                                  f"References: `trkmono show {m.id} --section references`", "", _notice()]) + "\n"
    cls = ident.classification
    lines += [f"- Class: {escape(cls.drug_class)}, {cls.generation}-generation{mark(cls)}",
              f"- Targets: {escape(', '.join(t.name for t in ident.targets))}{mark(together(ident.targets))}",
              f"- Route: {escape(ident.route.text)}{mark(ident.route)}", ""]
    if m.review.caveats:
        lines += ["## Caveats", ""] + _bullets(((c.text, c) for c in m.review.caveats), mark, notes) + [""]
    if notes and m.review.curator_notes:
        lines += ["## Curator notes", ""] + [f"- {escape(n)}" for n in m.review.curator_notes] + [""]
    for name in chosen or terms.SECTIONS:
        if name != "references":
            build = _SECTIONS.get(name)
            body = build(m, mark, notes) if build else _optional(m, name, mark, notes)
            lines += [f"## {optional.title(name)}", ""] + body + [""]
    full = not chosen or "references" in chosen
    lines += ["## References" if full else "## References cited above", ""] + [f"*{escape(LEGEND)}*", ""]
    lines += _references(m, mark, cited_only=not full, notes=notes)
    lines += ["", _notice()]
    return "\n".join(lines) + "\n"


def _optional(m: Monograph, name: str, mark: Markers, notes: bool) -> list[str]:
    """A section the monograph may leave out: its groups of cited lines, or 'not recorded'."""
    found = optional.groups(m, name)
    if found is None:
        return [f"*{escape(optional.NOT_RECORDED)}*"]
    lines: list[str] = []
    for group in found:
        if group.title:
            lines += [f"### {escape(group.title)}", ""]
        for line in group.lines:
            lead = f"**{escape(line.lead)}:** " if line.lead else ""
            lines.append(f"- {lead}{escape(line.text)}{mark(line.claim)}")
            lines += _note(line.claim, notes)
        lines.append("")
    return lines[:-1]


def _glance(m: Monograph, mark: Markers) -> list[str]:
    lines = []
    scope = m.status.get("scope")
    if scope:
        lines.append(f"- **Approved:** **{escape(scope.text)}**{mark(scope)}")
    for row in glance.rows(m):
        items = "; ".join(_glance_item(item, mark) for item in row.items) or "not in this monograph"
        lines.append(f"- **{row.label}:** {items}")
    unrecorded = optional.missing(m)
    if unrecorded:
        lines.append(f"- **Not recorded:** {escape(', '.join(unrecorded))} (not recorded here, which does not mean none)")
    now = glance.currency(m)
    return lines + [f"- **Current:** {escape(now.lead)}{mark(now.claim)} · {escape(now.text)}"]


def _glance_item(item: glance.Item, mark: Markers) -> str:
    lead = f"**{escape(item.lead)}**" if item.lead else ""
    joint = (" " if item.lead.endswith(":") else " — ") if item.lead else ""
    return lead + (joint + escape(item.text) if item.text else "") + mark(item.claim)


def _bullets(items: Iterable[tuple[str, Cited]], mark: Markers, notes: bool = False) -> list[str]:
    lines = []
    for text, claim in items:
        lines.append(f"- {escape(text)}{mark(claim)}")
        lines += _note(claim, notes)
    return lines


def _note(claim: Cited, notes: bool, indent: str = "  ") -> list[str]:
    """The claim's curator note as a nested item, when asked for."""
    note = getattr(claim, "curator_note", None) if notes else None
    return [f"{indent}- *Curator note:* {escape(note)}"] if note else []


def _cell_note(claim: Cited, notes: bool) -> str:
    note = getattr(claim, "curator_note", None) if notes else None
    return f"<br>*Curator note:* {escape(note)}" if note else ""


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
        "| " + " | ".join(row) + " |" for row in rows
    ] + [""]


def _status(m: Monograph, mark: Markers, notes: bool) -> list[str]:
    lines = [f"Overall stage: {m.status.stage}{mark(m.status)}", ""]
    rows = [[escape(h.regulator), e.date, describe.event(e), escape(e.indication) + mark(e) + _cell_note(e, notes)]
            for h in m.status.regulators for e in h.events]
    return lines + (_table(["Regulator", "Date", "Event", "Indication"], rows) if rows else ["No regulatory events."])


def _indications(m: Monograph, mark: Markers, notes: bool) -> list[str]:
    lines: list[str] = []
    for ind in m.indications:
        lines.append(f"- **{escape(ind.regulator)}**: {escape(ind.text)}{mark(ind)}")
        lines += _note(ind, notes)
        lines.append(f"  - Population: {escape('; '.join(describe.population(p) for p in ind.populations))}")
        lines.append(f"  - Biomarker: {escape(ind.biomarker)}")
        lines.append(f"  - Line of therapy: {escape(ind.line_of_therapy)}")
        if ind.approval_basis:
            lines.append(f"  - Basis: {escape(ind.approval_basis)}")
    if m.patient_selection:
        lines += ["", "### Patient selection", ""] + _bullets(((s.text, s) for s in m.patient_selection), mark, notes)
    return lines or ["None stated."]


def _mechanism(m: Monograph, mark: Markers, notes: bool) -> list[str]:
    mech = m.mechanism
    lines = [escape(mech.summary.text) + mark(mech.summary), ""] + _note(mech.summary, notes, indent="")
    lines += _bullets(((p.text, p) for p in mech.points), mark, notes)
    if mech.resistance:
        lines += ["", "### Resistance mutations", ""] + _table(
            ["Mutation", "Region", "Activity", "Evidence", "Finding"],
            [[escape(r.mutation), r.region, r.activity, r.basis, escape(r.text) + mark(r) + _cell_note(r, notes)]
             for r in mech.resistance])
    return lines


def _dosing(m: Monograph, mark: Markers, notes: bool) -> list[str]:
    d = m.dosing
    lines: list[str] = []
    if d.unlabelled:
        lines += [f"**{escape(d.unlabelled.text)}**{mark(d.unlabelled)}"] + _note(d.unlabelled, notes, "") + [""]
    if d.regimens:
        lines += ["### Starting dose", ""] + _table(
            ["Population", "Dose", "Duration"],
            [[escape(describe.population(r.population)), escape(glance.regimen(r)) + mark(r) + _cell_note(r, notes),
              escape(r.duration or "—")] for r in d.regimens])
    if m.identity.formulations:
        lines += ["### Forms and strengths", ""] + _bullets(
            ((f"{f.form}: {glance.strengths(f.strengths)}", f) for f in m.identity.formulations), mark, notes) + [""]
    for ladder in d.reductions:
        lines += [f"### Dose reductions: {escape(describe.population(ladder.population))}{mark(ladder)}", ""]
        lines += _note(ladder, notes, "") + _table(
            ["Step", "Dose", "Note"],
            [[str(s.step), escape(describe.dose(s.dose)), escape(s.note or "")] for s in ladder.steps])
        lines += [f"After the last step: {escape(ladder.after_last_step)}", ""]
    for title, items in (("General rules", d.general), ("Administration", d.administration)):
        if items:
            lines += [f"### {title}", ""] + _bullets(((s.text, s) for s in items), mark, notes) + [""]
    for title, rules in (("Hepatic impairment", d.hepatic), ("Renal impairment", d.renal),
                         ("CYP3A4 inhibitors and inducers", d.cyp3a4)):
        if rules:
            lines += [f"### {title}", ""] + _bullets(((_rule_text(a), a) for a in rules), mark, notes) + [""]
    if d.other_interactions:
        lines += ["### Other interactions", ""] + _bullets(
            ((f"{i.agent}: {i.action}", i) for i in d.other_interactions), mark, notes)
    return lines or ["No dosing information."]


def _rule_text(a) -> str:
    scope = f" [{describe.population(a.population)}]" if a.population else ""
    return f"{a.condition}: {describe.adjustment(a)}{scope} — {a.rule}"


def _safety(m: Monograph, mark: Markers, notes: bool) -> list[str]:
    s = m.safety
    boxed = s.boxed_warning
    lines = ([f"Boxed warning: {describe.no_boxed_warning(m)}", ""] if boxed is None else
             [f"Boxed warning: {escape(boxed.text or 'yes') if boxed.present else 'none'}{mark(boxed)}"]
             + _note(boxed, notes, "") + [""])
    if s.warnings:
        lines += ["### Warnings and precautions", ""] + _bullets(
            ((f"{w.title}: {w.text}", w) for w in s.warnings), mark, notes)
        lines.append("")
    if s.common_adverse_reactions:
        lines += ["### Common adverse reactions", ""] + _table(
            ["Reaction", "All grades %", "Grade 3–4 %"],
            [[escape(r.term) + mark(r) + _cell_note(r, notes), _pct(r.frequency_percent), _pct(r.grade3_4_percent)]
             for r in s.common_adverse_reactions])
    for title, items in (("Serious adverse events", s.serious_adverse_events), ("Monitoring", s.monitoring),
                         ("Pregnancy and contraception", s.pregnancy), ("Patient counselling", s.counselling)):
        if items:
            lines += [f"### {title}", ""] + _bullets(((i.text, i) for i in items), mark, notes) + [""]
    return lines


def _pct(value: float | None) -> str:
    return "—" if value is None else describe.number(value)


def _efficacy(m: Monograph, mark: Markers, notes: bool) -> list[str]:
    rows = [[escape(t.name + (f" ({', '.join(t.ids)})" if t.ids else "")) + mark(t) + _cell_note(t, notes),
             escape(t.phase), escape(t.population), str(t.n or "—"),
             _pct(t.orr_percent) + (f" ({escape(t.orr_ci)})" if t.orr_ci else ""),
             escape(t.duration_of_response or "—"), escape(t.notes or "")] for t in m.efficacy.trials]
    return _table(["Trial", "Phase", "Population", "n", "ORR %", "Duration of response", "Notes"], rows) if rows else [
        "No trial results recorded."]


def _references(m: Monograph, mark: Markers, cited_only: bool = False, notes: bool = False) -> list[str]:
    """'- [n] Title (linked). Publisher, date. *tier*' for each reference (or those cited), with
    its note (and its curator note when asked for)."""
    wanted = {item.number for item in mark.numbering.listed(cited_only)}
    lines = []
    for r in m.references:
        number = mark.numbering.number(r.id, m)
        if number in wanted:
            note = " ".join(filter(None, [r.note, f"Curator note: {r.curator_note}" if notes and r.curator_note
                                          else None])) or None
            lines.append(f"- \\[{number}\\] {_reference(r, note)}")
    return lines


_SECTIONS = {
    "status": _status,
    "indications": _indications,
    "mechanism": _mechanism,
    "dosing": _dosing,
    "safety": _safety,
    "efficacy": _efficacy,
}

