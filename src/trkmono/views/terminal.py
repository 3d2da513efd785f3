"""Rich terminal rendering of monographs, the library list and comparisons.

Data from the YAML is always passed to rich as ``Text``, never as markup, so a monograph can
never inject styling or escape sequences.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trkmono.model import phrases as describe
from trkmono.clinical.compare import Row
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph


from trkmono.terms import SECTIONS


class Citations:
    """Numbers a monograph's references [1], [2], ... in list order and marks claims."""

    def __init__(self, monograph: Monograph) -> None:
        self.numbers = {r.id: i for i, r in enumerate(monograph.references, start=1)}

    def marker(self, claim: Cited) -> Text:
        """' [1,3]' and, for an unverified claim, a visible UNVERIFIED tag."""
        numbers = ",".join(str(n) for n in sorted({self.numbers.get(ref, 0) for ref in claim.cite}))
        text = Text(f" [{numbers}]", style="cyan")
        if claim.evidence != "confirmed":
            text.append(" ")
            text.append("UNVERIFIED", style="bold black on yellow")
        return text

    def line(self, body: str | Text, claim: Cited, bullet: str = "• ") -> Text:
        """A bullet line of text followed by its marker."""
        text = Text(bullet)
        text.append(body if isinstance(body, Text) else Text(body))
        return text + self.marker(claim)


def render_monograph(console: Console, m: Monograph, sections: Iterable[str] | None = None,
                     brief: bool = False) -> None:
    """The header, caveats and the chosen sections of one monograph, then the notice."""
    sections = sections or SECTIONS
    cites = Citations(m)
    console.print(_header(m, cites))
    if m.review.caveats:
        body = Group(*(cites.line(c.text, c) for c in m.review.caveats))
        console.print(Panel(body, title=Text("Read first", style="bold"), border_style="yellow"))
    for name in sections:
        console.print(Rule(Text(name.capitalize(), style="bold"), align="left"))
        console.print(_SECTION_RENDERERS[name](m, cites))
    console.print(Text(describe.NOTICE, style="italic"))


def _header(m: Monograph, cites: Citations) -> Text:
    ident = m.identity
    text = Text(ident.generic_name.upper(), style="bold")
    if ident.brands:
        text.append(f"  ({', '.join(describe.brand_names(ident))})")
    cls = ident.classification
    text.append(f"\nClass: {cls.drug_class}, {cls.generation}-generation")
    text.append_text(cites.marker(cls))
    text.append(f"\nRoute: {ident.route.text}")
    text.append_text(cites.marker(ident.route))
    names = [n.name for n in ident.codes + ident.synonyms]
    if names:
        text.append(f"\nAlso known as: {', '.join(names)}")
    text.append(f"\nStage: {m.status.stage} · last reviewed {m.review.last_reviewed}")
    return text


def _status(m: Monograph, cites: Citations) -> RenderableType:
    lines = [cites.line(f"Overall stage: {m.status.stage}", m.status)]
    for history in m.status.regulators:
        lines.append(Text(history.regulator, style="bold"))
        for e in history.events:
            body = Text(f"{e.date}  ")
            body.append(describe.event(e), style="bold")
            body.append(f" — {e.indication}")
            lines.append(cites.line(body, e, bullet="  "))
    return Group(*lines)


def _indications(m: Monograph, cites: Citations) -> RenderableType:
    if not m.indications:
        return Text("None stated.")
    parts: list[RenderableType] = []
    for ind in m.indications:
        parts.append(cites.line(Text(f"{ind.regulator}: {ind.text}", style="bold"), ind))
        for label, value in (
            ("Population", "; ".join(describe.population(p) for p in ind.populations)),
            ("Biomarker", ind.biomarker),
            ("Line of therapy", ind.line_of_therapy),
            ("Basis", ind.approval_basis),
        ):
            if value:
                parts.append(Text(f"    {label}: {value}"))
    return Group(*parts)


def _mechanism(m: Monograph, cites: Citations) -> RenderableType:
    mech = m.mechanism
    parts: list[RenderableType] = [cites.line(mech.summary.text, mech.summary, bullet="")]
    parts += [cites.line(p.text, p) for p in mech.points]
    if mech.resistance:
        table = Table("Mutation", "Region", "Activity", "Evidence", "Finding", title="Resistance mutations",
                      title_justify="left", expand=True)
        for r in mech.resistance:
            table.add_row(Text(r.mutation), Text(r.region), Text(r.activity), Text(r.basis),
                          Text(r.text) + cites.marker(r))
        parts.append(table)
    return Group(*parts)


def _dosing(m: Monograph, cites: Citations) -> RenderableType:
    d = m.dosing
    parts: list[RenderableType] = []
    if d.unlabelled:
        parts.append(cites.line(Text(d.unlabelled.text, style="bold"), d.unlabelled))
    if d.regimens:
        parts.append(Text("Starting dose", style="bold underline"))
        for r in d.regimens:
            body = Text(f"{describe.population(r.population)}: ")
            body.append(describe.regimen(r), style="bold")
            if r.duration:
                body.append(f"; {r.duration}")
            parts.append(cites.line(body, r))
    for ladder in d.reductions:
        table = Table("Step", "Dose", "Note", expand=False,
                      title=Text(f"Dose reductions — {describe.population(ladder.population)}")
                      + cites.marker(ladder), title_justify="left")
        for step in ladder.steps:
            table.add_row(str(step.step), Text(describe.dose(step.dose)), Text(step.note or ""))
        parts += [table, Text(f"After the last step: {ladder.after_last_step}")]
    for title, items in (("General rules", d.general), ("Administration", d.administration)):
        if items:
            parts.append(Text(title, style="bold underline"))
            parts += [cites.line(s.text, s) for s in items]
    for title, rules in (("Hepatic impairment", d.hepatic), ("Renal impairment", d.renal),
                         ("CYP3A4 inhibitors and inducers", d.cyp3a4)):
        if rules:
            parts.append(Text(title, style="bold underline"))
            for a in rules:
                body = Text(f"{a.condition}: ", style="bold")
                body.append(describe.adjustment(a))
                scope = f" [{describe.population(a.population)}]" if a.population else ""
                body.append(f"{scope} — {a.rule}")
                parts.append(cites.line(body, a))
    if d.other_interactions:
        parts.append(Text("Other interactions", style="bold underline"))
        parts += [cites.line(f"{i.agent}: {i.action}", i) for i in d.other_interactions]
    return Group(*parts) if parts else Text("No dosing information.")


def _safety(m: Monograph, cites: Citations) -> RenderableType:
    s = m.safety
    boxed = s.boxed_warning
    parts: list[RenderableType] = []
    if boxed is None:
        parts.append(Text("Boxed warning: not applicable (no approved label)", style="bold"))
    else:
        heading = Text("Boxed warning: ", style="bold") + Text(boxed.text or "yes" if boxed.present else "none")
        parts.append(cites.line(heading, boxed, bullet=""))
    if s.warnings:
        parts.append(Text("Warnings and precautions", style="bold underline"))
        parts += [cites.line(Text(f"{w.title}: ", style="bold") + Text(w.text), w) for w in s.warnings]
    if s.common_adverse_reactions:
        table = Table("Adverse reaction", "All grades %", "Grade 3–4 %", "", title="Common adverse reactions",
                      title_justify="left")
        for r in s.common_adverse_reactions:
            table.add_row(Text(r.term), _pct(r.frequency_percent), _pct(r.grade3_4_percent), cites.marker(r))
        parts.append(table)
    for title, items in (("Serious adverse events", s.serious_adverse_events), ("Monitoring", s.monitoring),
                         ("Pregnancy and contraception", s.pregnancy), ("Patient counselling", s.counselling)):
        if items:
            parts.append(Text(title, style="bold underline"))
            parts += [cites.line(i.text, i) for i in items]
    return Group(*parts)


def _pct(value: float | None) -> Text:
    return Text("—" if value is None else describe.number(value))


def _efficacy(m: Monograph, cites: Citations) -> RenderableType:
    if not m.efficacy.trials:
        return Text("No trial results recorded.")
    parts: list[RenderableType] = []
    for t in m.efficacy.trials:
        ids = f" ({', '.join(t.ids)})" if t.ids else ""
        parts.append(cites.line(Text(f"{t.name}{ids}", style="bold"), t))
        facts = [f"phase {t.phase}", t.population]
        if t.n:
            facts.append(f"n={t.n}")
        if t.orr_percent is not None:
            facts.append(f"ORR {describe.number(t.orr_percent)}%" + (f" ({t.orr_ci})" if t.orr_ci else ""))
        if t.duration_of_response:
            facts.append(f"duration of response: {t.duration_of_response}")
        parts.append(Text("    " + "; ".join(facts)))
        if t.notes:
            parts.append(Text(f"    {t.notes}", style="italic"))
    return Group(*parts)


def _references(m: Monograph, cites: Citations) -> RenderableType:
    lines = []
    for r in m.references:
        style = "yellow" if r.tier == "secondary-web" else ""
        text = Text(f"[{cites.numbers[r.id]}] ", style="cyan")
        text.append(describe.reference_line(r))
        text.append(f" — {describe.TIER_LABELS[r.tier]}", style=style or "dim")
        if r.note:
            text.append(f"\n    Note: {r.note}", style="italic")
        lines.append(text)
    return Group(*lines)


_SECTION_RENDERERS = {
    "status": _status,
    "indications": _indications,
    "mechanism": _mechanism,
    "dosing": _dosing,
    "safety": _safety,
    "efficacy": _efficacy,
    "references": _references,
}


def render_list(console: Console, monographs: list[Monograph]) -> None:
    """A table of the library."""
    table = Table("Name", "Brands", "Class", "Generation", "FDA status", "Reviewed")
    for m in monographs:
        table.add_row(Text(m.identity.generic_name), Text(", ".join(describe.brand_names(m.identity)) or "—"),
                      Text(m.identity.classification.drug_class), Text(m.identity.classification.generation),
                      Text(describe.fda_status(m)), Text(m.review.last_reviewed))
    console.print(table)
    console.print(Text(describe.NOTICE, style="italic"))


MIN_COLUMN_WIDTH = 28
"""Narrower than this per drug, compare prints one drug per block instead of truncating text."""


def render_comparison(console: Console, monographs: list[Monograph], rows: list[Row]) -> None:
    """Drugs as columns, aspects as rows (one block per drug on a narrow terminal)."""
    if console.width // (len(monographs) + 1) >= MIN_COLUMN_WIDTH:
        table = Table("", *(m.identity.generic_name for m in monographs), show_lines=True, expand=True)
        for row in rows:
            table.add_row(Text(row.aspect, style="bold"), *(_cell_text(cell) for cell in row.cells))
        console.print(table)
    else:
        for index, m in enumerate(monographs):
            table = Table(show_header=False, show_lines=True, expand=True,
                          title=Text(m.identity.generic_name.upper(), style="bold"), title_justify="left")
            table.add_column(ratio=1)
            table.add_column(ratio=3)
            for row in rows:
                table.add_row(Text(row.aspect, style="bold"), _cell_text(row.cells[index]))
            console.print(table)
    console.print(Text("Tier shown is the weakest source behind the cell (label > decision > peer-rev > "
                       "abstract > mfr > web!). " + describe.NOTICE, style="italic"))


def _cell_text(cell) -> Text:
    text = Text("\n".join(cell.lines))
    if cell.cite:
        text.append(f"\n[{describe.TIER_SHORT.get(cell.tier or '', '?')}: {', '.join(cell.cite)}]",
                    style="dim cyan")
    if cell.evidence != "confirmed":
        text.append("\nUNVERIFIED", style="bold black on yellow")
    return text
