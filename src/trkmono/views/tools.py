"""Terminal output of the clinical tools: dose, interactions, resistance and search.

As in the other views, text from the monographs reaches rich only as ``Text`` (never markup).
Every statement used is followed by its citation marker in this output's numbering ([1], [2 §4.2])
and its evidence tag when not confirmed; the legend and the numbered references end the output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trkmono.model import phrases as describe
from trkmono.clinical.dose import ROUNDING, Outcome, Step, asked
from trkmono.clinical.resistance import Finding, MutationRow, Table as ResistanceTable
from trkmono.clinical.search import Hit, Record
from trkmono.views.citations import (cited_ids, current, cyp3a_effect, cyp3a_groups, dose_sources,
                                     resistance_references)
from trkmono.views.terminal import Hanging, heading, mark, notice, print_blocks, print_references

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph, Regimen, ResistanceFinding

ALERT_STYLE = "bold black on yellow"


# ---------------------------------------------------------------------------------------------
# shared pieces


def marker(source: Cited | None, m: Monograph | None = None, locators: bool = True) -> Text:
    """The statement's citation marker and evidence tag, numbered for this output (without the
    locators in a narrow table cell)."""
    return mark(source, m, locators)


def _references(console: Console, groups: list[tuple[Monograph, list[str]]]) -> None:
    """The legend and the references this output cited (those of ``groups`` too), numbered."""
    current().resolve(groups)
    print_references(console)


def _notice(console: Console) -> None:
    notice(console)


# ---------------------------------------------------------------------------------------------
# dose


def render_dose(console: Console, outcome: Outcome) -> None:
    """Each step with its rule and citations, then the dose (or why there is none)."""
    m = outcome.monograph
    console.print(Text(f"{m.identity.generic_name.upper()} — dose under the {describe.region_words(m)}", style="bold"))
    console.print(Text(f"Asked: {asked(outcome.request)}"))
    if outcome.bsa_note:
        console.print(Text(f"Note: {outcome.bsa_note}.", style="italic"))
    for number, step in enumerate(outcome.steps, start=1):
        _render_step(console, number, step)
    if outcome.computed:
        _render_result(console, outcome)
    else:
        console.print(Text("No dose computed", style="bold red"))
        if outcome.discontinue:
            console.print(Hanging(Text("  Discontinue: ", style="bold red"), Text(outcome.discontinue)))
        for reason in outcome.reasons:
            console.print(Text("  • ") + Text(reason))
    if outcome.candidates:
        console.print(Text("Regimens that may apply (trkmono does not choose)" if outcome.ambiguous
                           else "Regimens in this monograph (none covers the patient)", style="bold underline"))
        for regimen, why in outcome.candidates:
            console.print(_regimen_line(regimen, why))
    if outcome.other_regimens:
        console.print(Text("Other regimens in this monograph", style="bold underline"))
        for regimen in outcome.other_regimens:
            console.print(_regimen_line(regimen))
    console.print(Text(f"Rounding: {ROUNDING}", style="dim"))
    _references(console, [(m, cited_ids(dose_sources(outcome)))])
    _notice(console)


def _regimen_line(regimen: Regimen, why: str = "") -> Text:
    text = Text(f"  • {describe.population(regimen.population)}: ")
    text.append(describe.regimen(regimen), style="bold")
    if why:
        text.append(f" ({why})")
    return text + marker(regimen)


def _render_step(console: Console, number: int, step: Step) -> None:
    head = Text(f"{number}. {step.title}", style="bold" if step.applied else "bold dim")
    if not step.applied:
        head.append(" (not applied)", style="dim")
    console.print(head + marker(step.source))
    if step.avoid:
        console.print(Text("   AVOID: ", style="bold red") + Text(step.avoid_words))
    if step.population:
        console.print(Hanging("   For: ", Text(step.population)))
    if step.rule:
        label = "Rule" if step.kind not in ("start", "reduction") else "Label dose"
        console.print(Hanging(f"   {label}: ", Text(step.rule)))
    if step.effect:
        console.print(Text("   → ") + Text(step.effect, style="bold" if step.dose is not None else ""))
    for note in step.notes:
        console.print(Text(f"   Note: {note}", style="italic"))


def _render_result(console: Console, outcome: Outcome) -> None:
    regimen = outcome.regimen
    text = Text()
    if outcome.lead_in is not None:
        text.append(f"{outcome.lead_in}", style="bold green")
        text.append(", then ")
    text.append(f"{outcome.dose}", style="bold green")
    text.append(f", {regimen.food}")
    if regimen.duration:
        text.append(f"; {regimen.duration}")
    console.print(Hanging(Text("Resulting dose: ", style="bold"), text))
    if outcome.lead_in_note:
        console.print(Text(f"  Lead-in: {outcome.lead_in_note}.", style="italic"))
    for v in outcome.volumes:
        console.print(Text(f"  {v.formulation.form} {describe.number(v.strength.amount)} {v.strength.unit}: "
                           f"{v} per dose{' during the lead-in' if v.lead_in else ''}") + marker(v.formulation))
    for f in outcome.strengths:
        strengths = ", ".join(f"{describe.number(s.amount)} {s.unit}" for s in f.strengths)
        console.print(Text(f"  {f.form}: strengths {strengths} (trkmono does not round to a strength)")
                      + marker(f))
    if outcome.after_last_step:
        console.print(Text(f"  This is the last step of the ladder. After it: {outcome.after_last_step}"))


# ---------------------------------------------------------------------------------------------
# interactions


def render_interactions(console: Console, m: Monograph, mentions: list[Record]) -> None:
    """CYP3A4 rules by condition, other interactions, then other statements that mention them."""
    console.print(Text(f"{m.identity.generic_name.upper()} — interactions", style="bold"))
    console.print(Rule(Text("CYP3A4 inhibitors and inducers", style="bold"), align="left"))
    for condition, rules in cyp3a_groups(m):
        label = condition.replace("-", " ")
        if not rules:
            console.print(Text(f"• {label}: ", style="bold") + Text("the monograph gives no rule", style="yellow"))
        for a in rules:
            line = Text(f"{label}: ", style="bold")
            effect = cyp3a_effect(a)
            if a.avoid:
                line.append("AVOID", style="bold red")
                effect = effect.removeprefix("avoid").lstrip("; ")
                line.append(f"; {effect}" if effect else "")
            else:
                line.append(effect)
            console.print(Hanging("• ", line + marker(a, m)))
            if a.population:
                console.print(Hanging("    For: ", Text(describe.population(a.population))))
            console.print(Hanging("    Rule: ", Text(a.rule)))
    console.print(Rule(Text("Other interactions (transporters, QT-prolonging drugs, food)", style="bold"),
                       align="left"))
    if not m.dosing.other_interactions:
        console.print(Text("The monograph names no other interactions.", style="yellow"))
    for i in m.dosing.other_interactions:
        console.print(Hanging("• ", Text(f"{i.agent}: ", style="bold") + Text(i.action) + marker(i, m)))
    if mentions:
        console.print(Rule(Text("Mentioned elsewhere in the monograph", style="bold"), align="left"))
        for record in mentions:
            console.print(Hanging("• ", Text(f"{record.section}: ", style="bold") + Text(record.text)
                                  + marker(record.source, m)))
    sources = [a for _, rules in cyp3a_groups(m) for a in rules] + list(m.dosing.other_interactions)
    _references(console, [(m, cited_ids(sources + [r.source for r in mentions]))])
    _notice(console)


# ---------------------------------------------------------------------------------------------
# resistance


ACTIVITY_STYLES = {"active": "green", "resistant": "red"}
BASIS_WORDS = {"clinical": "clinical", "preclinical": "PRECLINICAL"}
"""How the basis of a finding reads: laboratory-only data stand out, without colour too."""


def _verdict(f: ResistanceFinding) -> Text:
    """'resistant · clinical' or 'active · PRECLINICAL', coloured by activity."""
    text = Text(f.activity, style=ACTIVITY_STYLES.get(f.activity, "yellow"))
    text.append(" · ")
    text.append(BASIS_WORDS.get(f.basis, f.basis), style="bold" if f.basis == "clinical" else ALERT_STYLE)
    return text


def _finding_cell(finding: Finding, row_region: str) -> Text:
    f = finding.finding
    text = _verdict(f)
    if f.region != row_region:
        text.append(f" (recorded region: {f.region})", style="dim")
    return text + marker(f, finding.monograph, locators=False)


def _regional_cell(finding: Finding) -> Text:
    return (Text("region-wide: ", style="bold magenta") + _verdict(finding.finding)
            + marker(finding.finding, finding.monograph, locators=False))


def _cell(row: MutationRow, m: Monograph, regional: list[Finding]) -> Text:
    lines = ([_finding_cell(f, row.region) for f in row.cells.get(m.id, [])]
             + [_regional_cell(f) for f in regional if f.monograph.id == m.id])
    return Text("\n").join(lines) if lines else Text("no data", style="dim")


def _mutation_title(row: MutationRow) -> str:
    gene = f" ({row.mutation.gene} p.{row.mutation.change})" if row.mutation.gene else ""
    return f"{row.mutation}{gene}"


MIN_CELL_WIDTH = 18
"""Narrower than this per drug, the resistance table goes mutation by mutation instead of folding words."""


def render_resistance(console: Console, table: ResistanceTable) -> None:
    """Mutations as rows, drugs as columns (mutation by mutation on a narrow terminal); then
    findings that name no single residue."""
    if console.width // (len(table.monographs) + 2) >= MIN_CELL_WIDTH:
        grid = Table(show_lines=True, title=Text("TRK kinase-domain resistance mutations", style="bold"),
                     title_justify="left")
        for title in ("Mutation", "Region", *(m.identity.generic_name for m in table.monographs)):
            grid.add_column(title, overflow="fold")
        for row in table.rows:
            regional = table.regional(row)
            grid.add_row(Text(_mutation_title(row)), Text(row.region),
                         *(_cell(row, m, regional) for m in table.monographs))
        console.print(grid)
    else:
        console.print(Text("TRK kinase-domain resistance mutations", style="bold"))
        for row in table.rows:
            console.print(heading(f"{_mutation_title(row)} · {row.region}"))
            regional = table.regional(row)
            for m in table.monographs:
                console.print(Hanging(Text(f"{m.identity.generic_name}: ", style="bold"), _cell(row, m, regional),
                                      indent=2))
    _render_unnamed(console, table.unnamed, "Findings that name no single TRK residue (kept as written)")
    console.print(Text("Cells: activity · basis: clinical (seen in patients) or PRECLINICAL (laboratory data "
                       "only). 'region-wide': a finding for the region's mutations as a group (listed above), "
                       "not for that residue. 'no data': no monograph statement about that residue or its "
                       "region.", style="dim"))
    found = [f for row in table.rows for cell in row.cells.values() for f in cell] + table.unnamed
    _references(console, resistance_references(found))
    _notice(console)


def _render_unnamed(console: Console, findings: list[Finding], title: str) -> None:
    if not findings:
        return
    console.print(Rule(Text(title, style="bold"), align="left"))
    for f in findings:
        line = Text(f"• {f.monograph.identity.generic_name}: ", style="bold")
        line.append(f"{f.finding.mutation} ({f.finding.region}) — ")
        console.print(line + _verdict(f.finding) + marker(f.finding, f.monograph))


def render_mutation(console: Console, table: ResistanceTable, row: MutationRow, regional: list[Finding]) -> None:
    """One mutation: every drug's findings in full, its own and those for its region as a whole."""
    console.print(Text(f"{_mutation_title(row)} — region: {row.region}", style="bold"))
    for m in table.monographs:
        name = Text(f"• {m.identity.generic_name}: ", style="bold")
        own = row.cells.get(m.id, [])
        wide = [f for f in regional if f.monograph.id == m.id]
        if not own and not wide:
            console.print(name + Text("no data", style="dim"))
        for f in own:
            console.print(name + _finding_cell(f, row.region))
            console.print(Hanging("    ", Text(f.finding.text)))
        for f in wide:
            console.print(name + _regional_cell(f))
            console.print(Hanging("    ", Text(f"For {f.finding.mutation}, not for this residue: ", style="magenta")
                                  + Text(f.finding.text)))
    found = [f for cell in row.cells.values() for f in cell] + regional
    _references(console, resistance_references(found))
    _notice(console)


# ---------------------------------------------------------------------------------------------
# search


def _hit_lines(hit: Hit) -> tuple[Text, Hanging]:
    """Drug · section and its marker, then the snippet with the words highlighted, indented."""
    head = Text(f"{hit.monograph.identity.generic_name}", style="bold")
    head.append(f" · {hit.record.section}")
    snippet = Text(hit.snippet)
    for start, end in hit.spans:
        snippet.stylize("bold reverse", start, end)
    return head + marker(hit.record.source, hit.monograph), Hanging("    ", snippet)


def render_search(console: Console, query: str, hits: list[Hit]) -> None:
    """Each hit as drug, section and snippet with the words highlighted."""
    print_blocks(console, (part for hit in hits for part in _hit_lines(hit)))
    drugs = len({h.monograph.id for h in hits})
    console.print(Text(f"{len(hits)} hit(s) in {drugs} monograph(s) for: {query}", style="dim"))
    _references(console, [])
    _notice(console)


