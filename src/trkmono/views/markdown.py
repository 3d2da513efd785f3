"""Markdown for tumour-board notes and wikis: headings, lists, tables and a linked reference list.

Text from the data is escaped so it can never turn into Markdown structure or HTML. Citations
follow the one style of every view (views.citations): ``[n]`` or ``[n §x]`` after each claim, its
evidence tag when not confirmed, the legend once, and the references it points at at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from trkmono.clinical.compare import Row
from trkmono.clinical.dose import ROUNDING, asked
from trkmono.model import phrases as describe
from trkmono.terms import TIER_LABELS, TIER_SHORT
from trkmono.views import glance
from trkmono.views import sections as optional
from trkmono.views.citations import (LEGEND, Numbering, cited_ids, cyp3a_effect, cyp3a_groups, dose_sources,
                                     evidence_tag, together)
from typing import TYPE_CHECKING

from trkmono import terms

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.clinical.dose import Outcome, Step
    from trkmono.clinical.resistance import Finding, MutationRow, Table as ResistanceTable
    from trkmono.clinical.search import Hit, Record
    from trkmono.model.schema import Cited, Monograph, Reference, Regimen


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


# ---------------------------------------------------------------------------------------------
# list and compare


def library(monographs: Iterable[Monograph]) -> str:
    """The library as one table."""
    rows = [[escape(m.identity.generic_name),
             escape(", ".join(describe.brand_names(m.identity)) or "—"),
             escape(m.identity.classification.drug_class), m.identity.classification.generation,
             escape(describe.region_status(m) + ("; identity in doubt" if m.identity.identity_doubt else "")),
             m.review.last_reviewed] for m in monographs]
    return "\n".join(["# TRK inhibitor monographs", ""]
                     + _table(["Name", "Brands", "Class", "Generation", "Status", "Reviewed"], rows)
                     + [_notice()]) + "\n"


def comparison(monographs: list[Monograph], rows: list[Row]) -> str:
    """The comparison as one Markdown table, each cell with its markers and tier, then the linked
    references of every drug."""
    mark = Markers()
    header = ["Aspect", *(escape(m.identity.generic_name) for m in monographs)]
    body = []
    for row in rows:
        cells = []
        for m, cell in zip(monographs, row.cells, strict=True):
            text = "<br>".join(escape(line) for line in cell.lines) + mark(cell, m)
            if cell.cite:
                text += f" *tier: {TIER_SHORT.get(cell.tier or '', '?')}*"
            cells.append(text)
        body.append([f"**{escape(row.aspect)}**", *cells])
    note = "*Tier: the weakest source behind the cell (label > decision > peer-rev > abstract > mfr > web!).*"
    return "\n".join(["# TRK inhibitors compared", ""] + _table(header, body) + [note, "", "## References", ""]
                     + _linked(mark) + ["", _notice()]) + "\n"


def _linked(mark: Markers) -> list[str]:
    """The legend and the numbered references of a several-drug output, each linked and named by drug."""
    listed = mark.numbering.listed()
    several = mark.numbering.drugs() > 1
    lines = [f"*{escape(LEGEND)}*", ""]
    for item in listed:
        drug = f"{escape(item.monograph.identity.generic_name)}: " if several and item.monograph else ""
        body = _reference(item.reference) if item.reference is not None else escape(item.ref_id)
        lines.append(f"- \\[{item.number}\\] {drug}{body}")
    return lines


# ---------------------------------------------------------------------------------------------
# interactions, resistance and search


def interactions(m: Monograph, mentions: list[Record]) -> str:
    """CYP3A4 rules by condition, other interactions and other statements that mention them."""
    mark = Markers()
    lines = [f"# {escape(m.identity.generic_name)} — interactions", "", "## CYP3A4 inhibitors and inducers", ""]
    for condition, rules in cyp3a_groups(m):
        label = condition.replace("-", " ")
        if not rules:
            lines.append(f"- **{escape(label)}**: the monograph gives no rule")
        for a in rules:
            lines.append(f"- **{escape(label)}**: {escape(cyp3a_effect(a))}{mark(a, m)}")
            if a.population:
                lines.append(f"  - For: {escape(describe.population(a.population))}")
            lines.append(f"  - Rule: {escape(a.rule)}")
    lines += ["", "## Other interactions (transporters, QT-prolonging drugs, food)", ""]
    lines += [f"- **{escape(i.agent)}**: {escape(i.action)}{mark(i, m)}" for i in m.dosing.other_interactions] or [
        "The monograph names no other interactions."]
    if mentions:
        lines += ["", "## Mentioned elsewhere in the monograph", ""]
        lines += [f"- **{escape(r.section)}**: {escape(r.text)}{mark(r.source, m)}" for r in mentions]
    return "\n".join(lines + ["", "## References", ""] + _linked(mark) + ["", _notice()]) + "\n"


def _finding(f: Finding, mark: Markers, region: str | None = None) -> str:
    x = f.finding
    where = f" (recorded region: {x.region})" if region is not None and x.region != region else ""
    return f"{x.activity} · {x.basis}{where}{mark(x, f.monograph)}"


def resistance(table: ResistanceTable, row: MutationRow | None = None, regional: list[Finding] | None = None) -> str:
    """The drug × mutation table (or one mutation with every finding in full), then the references."""
    mark = Markers()
    if row is not None:
        lines = [f"# {escape(str(row.mutation))} — region: {row.region}", ""]
        for m in table.monographs:
            own = row.cells.get(m.id, [])
            wide = [f for f in regional or [] if f.monograph.id == m.id]
            if not own and not wide:
                lines.append(f"- **{escape(m.identity.generic_name)}**: no data")
            for f in own:
                lines += [f"- **{escape(m.identity.generic_name)}**: {_finding(f, mark, row.region)}",
                          f"  - {escape(f.finding.text)}"]
            for f in wide:
                lines += [f"- **{escape(m.identity.generic_name)}**: region-wide: {_finding(f, mark)}",
                          f"  - For {escape(f.finding.mutation)}, not for this residue: {escape(f.finding.text)}"]
    else:
        header = ["Mutation", "Region", *(escape(m.identity.generic_name) for m in table.monographs)]
        body = []
        for r in table.rows:
            wide = table.regional(r)
            cells = []
            for m in table.monographs:
                found = ([_finding(f, mark, r.region) for f in r.cells.get(m.id, [])]
                         + [f"region-wide: {_finding(f, mark)}" for f in wide if f.monograph.id == m.id])
                cells.append("<br>".join(found) or "no data")
            body.append([escape(str(r.mutation)), r.region, *cells])
        lines = ["# TRK kinase-domain resistance mutations", ""] + _table(header, body)
        if table.unnamed:
            lines += ["## Findings that name no single TRK residue (kept as written)", ""] + [
                f"- **{escape(f.monograph.identity.generic_name)}**: {escape(f.finding.mutation)} "
                f"({f.finding.region}) — {_finding(f, mark)}" for f in table.unnamed]
    return "\n".join(lines + ["", "## References", ""] + _linked(mark) + ["", _notice()]) + "\n"


def search(query: str, hits: list[Hit]) -> str:
    """Each hit as drug, section and snippet (the words in bold), then the references."""
    mark = Markers()
    lines = [f"# Search: {escape(query)}", ""]
    for hit in hits:
        snippet, last = "", 0
        for start, end in hit.spans:
            snippet += escape(hit.snippet[last:start]) + f"**{escape(hit.snippet[start:end])}**"
            last = end
        snippet += escape(hit.snippet[last:])
        lines.append(f"- **{escape(hit.monograph.identity.generic_name)}** · {escape(hit.record.section)}"
                     f"{mark(hit.record.source, hit.monograph)}: {snippet}")
    drugs = len({h.monograph.id for h in hits})
    lines += ["", f"{len(hits)} hit(s) in {drugs} monograph(s)."]
    return "\n".join(lines + ["", "## References", ""] + _linked(mark) + ["", _notice()]) + "\n"


# ---------------------------------------------------------------------------------------------
# dose


def dose(outcome: Outcome) -> str:
    """A dose answer: what was asked, each step with its citation, the dose (or why there is none)."""
    m = outcome.monograph
    mark = Markers(m)
    lines = [f"# {escape(m.identity.generic_name)} — dose under the {escape(describe.region_words(m))}", "",
             f"Asked: {escape(asked(outcome.request))}", ""]
    if outcome.bsa_note:
        lines += [f"Note: {escape(outcome.bsa_note)}.", ""]
    for number, step in enumerate(outcome.steps, start=1):
        lines += _dose_step(number, step, mark)
    lines.append("")
    if outcome.computed:
        lines += _dose_result(outcome, mark)
    else:
        lines += ["**No dose computed**", ""] + (
            [f"**Discontinue:** {escape(outcome.discontinue)}", ""] if outcome.discontinue else []) + [f"- {escape(reason)}" for reason in outcome.reasons] + [""]
    if outcome.candidates:
        title = ("Regimens that may apply (trkmono does not choose)" if outcome.ambiguous
                 else "Regimens in this monograph (none covers the patient)")
        lines += [f"### {title}", ""]
        lines += [_dose_regimen(r, mark, why) for r, why in outcome.candidates] + [""]
    if outcome.other_regimens:
        lines += ["### Other regimens in this monograph", ""]
        lines += [_dose_regimen(r, mark) for r in outcome.other_regimens] + [""]
    lines += [f"*Rounding: {escape(ROUNDING)}*", "", "### References", ""]
    wanted = {mark.numbers.get(ref) for ref in cited_ids(dose_sources(outcome))}
    lines += [line for number, line in enumerate(_references(m, mark), start=1) if number in wanted]
    lines += ["", f"*{escape(describe.NOTICE)}*"]
    return "\n".join(lines) + "\n"


def _dose_step(number: int, step: Step, mark: Markers) -> list[str]:
    head = f"{number}. **{escape(step.title)}**" + ("" if step.applied else " (not applied)")
    lines = [head + (mark(step.source) if step.source is not None else "")]
    if step.avoid:
        lines.append(f"   - **AVOID**: {escape(step.avoid_words)}")
    if step.population:
        lines.append(f"   - For: {escape(step.population)}")
    if step.rule:
        lines.append(f"   - {'Rule' if step.kind not in ('start', 'reduction') else 'Label dose'}: {escape(step.rule)}")
    if step.effect:
        lines.append(f"   - → {escape(step.effect)}")
    lines += [f"   - Note: {escape(note)}" for note in step.notes]
    return lines


def _dose_result(outcome: Outcome, mark: Markers) -> list[str]:
    regimen = outcome.regimen
    then = f"{outcome.lead_in}, then " if outcome.lead_in is not None else ""
    lines = [f"**Resulting dose: {escape(then + str(outcome.dose))}**, {escape(regimen.food)}"
             + (f"; {escape(regimen.duration)}" if regimen.duration else ""), ""]
    if outcome.lead_in_note:
        lines.append(f"- Lead-in: {escape(outcome.lead_in_note)}.")
    for v in outcome.volumes:
        phase = " during the lead-in" if v.lead_in else ""
        lines.append(f"- {escape(v.formulation.form)} {describe.number(v.strength.amount)} {escape(v.strength.unit)}: "
                     f"{escape(str(v))} per dose{phase}{mark(v.formulation)}")
    for f in outcome.strengths:
        strengths = ", ".join(f"{describe.number(s.amount)} {s.unit}" for s in f.strengths)
        lines.append(f"- {escape(f.form)}: strengths {escape(strengths)} (trkmono does not round to a strength)"
                     f"{mark(f)}")
    if outcome.after_last_step:
        lines.append(f"- This is the last step of the ladder. After it: {escape(outcome.after_last_step)}")
    return lines + [""]


def _dose_regimen(regimen: Regimen, mark: Markers, why: str = "") -> str:
    return (f"- {escape(describe.population(regimen.population))}: **{escape(describe.regimen(regimen))}**"
            + (f" ({escape(why)})" if why else "") + mark(regimen))


def labels(report) -> str:
    """The US labels checked against DailyMed, one row each, then the counts and the notice."""
    rows = [[escape(", ".join(label.drugs)), f"`{label.set_id}`", escape(label.status),
             escape(", ".join("none" if v is None else str(v) for v in label.recorded_versions)),
             str(label.history.newest.number), escape(label.history.newest.published)] for label in report.labels]
    table = _table(["Drugs", "SPL set id", "Status", "Recorded", "DailyMed's newest", "Published"], rows) if rows \
        else ["No regulatory-label reference records an SPL set id; nothing to check.", ""]
    return "\n".join([f"# US labels compared with DailyMed ({escape(report.service)})", ""] + table
                     + ["", f"{escape(report.summary())}.", "", _notice()]) + "\n"
