"""Terminal output of resistance (dose, interactions and search: views.builders).

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

from trkmono.clinical.resistance import Finding, MutationRow, Table as ResistanceTable
from trkmono.views.citations import current, resistance_references
from trkmono.views.terminal import Hanging, heading, mark, notice, print_references

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph, ResistanceFinding

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
