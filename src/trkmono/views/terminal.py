"""Rich terminal rendering of monographs and the library list (the other answers: views.render.terminal).

Data from the YAML is always passed to rich as ``Text``, never as markup, so a monograph can
never inject styling or escape sequences. Citation markers come from the output's numbering
(views.citations); the pieces every terminal view shares (a cited line, the legend, the
reference list, the notice) are defined here once and used by views.render.terminal too.
"""

from __future__ import annotations

import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from trkmono.model import phrases as describe
from trkmono.terms import SECTIONS, TIER_LABELS
from trkmono.views import glance
from trkmono.views import sections as optional
from trkmono.views.citations import LEGEND, current, evidence_tag, reference_entry, together
from trkmono.views.console import UNBROKEN

if TYPE_CHECKING:  # the plain data has the shape of these models
    from trkmono.model.schema import Cited, Monograph

TAG_STYLES = {"corroborated": "yellow", "unconfirmed": "bold black on yellow"}
MARKER_STYLE = "cyan"
NOTE_STYLE = "italic magenta"

# ---------------------------------------------------------------------------------------------
# shared pieces


def mark(claim: Cited | None, m: Monograph | None = None, locators: bool = True) -> Text:
    """' [1, 3 §2.3] (unconfirmed)': the claim's marker in this output's numbering, never split."""
    brackets = current().brackets(claim, m, UNBROKEN, locators)
    if not brackets:
        return Text("")
    text = Text(" ") + Text(brackets, style=MARKER_STYLE)
    tag = evidence_tag(claim.evidence)
    if tag:
        text.append(" ")
        text.append(tag, style=TAG_STYLES.get(claim.evidence, "yellow"))
    return text


class Hanging:
    """``prefix`` then ``body``, the body's wrapped lines indented under its first character.
    ``whole_words``: a word wider than the line (a long address) is never broken but stands whole
    on its own line (print it with crop=False)."""

    def __init__(self, prefix: str | Text, body: Text, indent: int | None = None, whole_words: bool = False) -> None:
        self.prefix = Text.assemble(prefix)  # its style on its own characters, not on the whole line
        self.body = body
        self.indent = cell_len(self.prefix.plain) if indent is None else indent
        self.whole_words = whole_words

    def _wrap(self, console: Console, text: Text, width: int) -> list[Text]:
        """``text`` wrapped at ``width``; with whole_words, a word wider than that is not folded."""
        if not self.whole_words:
            return list(text.wrap(console, width))
        lines = []
        for line in text.split(allow_blank=True):
            for part in line.divide(_breaks(line.plain, width)):
                part.rstrip()
                lines.append(part)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 20)
        if cell_len(self.prefix.plain) <= self.indent:
            lines = self._wrap(console, self.body, width)
            lead = self.prefix
        else:  # a prefix wider than the indent is wrapped as the body's first word
            kept = self.prefix.copy()
            kept.plain = kept.plain.rstrip(" ").replace(" ", UNBROKEN) + kept.plain[len(kept.plain.rstrip(" ")):]
            lines = self._wrap(console, kept + self.body, width)
            lead = Text("")
        drawn = Text().append_text(lead)
        for index, line in enumerate(lines):
            if index:
                drawn.append("\n" + " " * self.indent)
            drawn.append_text(line)
        yield from drawn.render(console)  # already wrapped: not wrapped again
        yield Segment.line()


def _breaks(plain: str, width: int) -> list[int]:
    """Where lines start when ``plain`` is wrapped at spaces within ``width`` cells, no word folded."""
    breaks, used = [], 0
    for word in re.finditer(r"\S+\s*", plain):
        size = cell_len(word.group().rstrip())
        if used and used + size > width:
            breaks.append(word.start())
            used = 0
        used += cell_len(word.group())
    return breaks


def cited(body: str | Text, claim: Cited | None, m: Monograph | None = None, bullet: str = "• ",
          notes: bool = False, indent: int = 0) -> RenderableType:
    """A bullet line of text and its marker, wrapped under its text; its curator note below when asked."""
    text = (body.copy() if isinstance(body, Text) else Text(body)) + mark(claim, m)
    line = Hanging(" " * indent + bullet, text)
    note = getattr(claim, "curator_note", None) if notes and claim is not None else None
    if not note:
        return line
    return Group(line, Hanging(" " * (indent + len(bullet)) + "Curator note: ", Text(note, style=NOTE_STYLE)))


def heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left")


def print_references(console: Console, cited_only: bool = False) -> None:
    """The legend, then the references this output cited, numbered as its markers."""
    numbering = current()
    if not numbering.any_listed(cited_only):
        return
    listed = numbering.listed(cited_only)
    console.print(Text(LEGEND, style="dim"))
    console.print(heading("References"))
    several = numbering.drugs() > 1
    print_blocks(console, (reference_line(item.number, reference_entry(item, several), item.reference)
                           for item in listed), crop=False)  # an address is never cut


def print_blocks(console: Console, renderables: Iterable[RenderableType], crop: bool = True) -> None:
    """Each renderable on its own lines, as ``console.print`` would print them one by one, but a
    block at a time: thousands of search hits or references cost one print per block, not each."""
    block: list[RenderableType] = []
    for renderable in renderables:
        block.append(renderable)
        if len(block) == BLOCK:
            console.print(Group(*block), crop=crop)
            block = []
    if block:
        console.print(Group(*block), crop=crop)


BLOCK = 200
"""Search hits or references printed together, or rows of the list drawn as one table (the
list's tables line up: they share their column widths)."""


def reference_line(number: int, entry: str, reference, note: str | None = None,
                   curator_note: str | None = None) -> Hanging:
    """'[n] Title. Publisher, date. URL — tier', wrapped under the title, then its notes."""
    text = Text(entry)
    if reference is not None:
        secondary = reference.tier == "secondary-web"
        text.append(f" — {TIER_LABELS[reference.tier]}", style="yellow" if secondary else "dim")
    if note:
        text.append(f"\nNote: {note}", style="italic")
    if curator_note:
        text.append(f"\nCurator note: {curator_note}", style=NOTE_STYLE)
    return Hanging(Text(f"[{number}] ", style=MARKER_STYLE), text, whole_words=True)


def notice(console: Console) -> None:
    console.print(Text(describe.NOTICE, style="italic"))


# ---------------------------------------------------------------------------------------------
# show


LABEL_WIDTH = 10
"""Width of the at-a-glance labels ('Indication', 'Child dose', ...)."""


def render_monograph(console: Console, m: Monograph, sections: Iterable[str] | None = None,
                     brief: bool = False, notes: bool = False) -> None:
    """The header and the at-a-glance block, the caveats, the chosen sections, the references
    cited and the notice. ``brief``: the header and the block only. ``notes``: curator notes too."""
    chosen = list(sections or [])
    numbering = current()
    numbering.follow(m)
    console.print(_header(m))
    if not chosen or brief:
        _glance(console, m, brief)
    if brief:
        console.print(Text(LEGEND, style="dim"))
        console.print(Text(f"References [n]: trkmono show {m.id} --section references", style="dim"))
        notice(console)
        return
    console.print(_identity(m, notes))
    _caveats(console, m, notes)
    for name in chosen or SECTIONS:
        if name != "references":
            console.print(heading(optional.title(name)))
            renderer = _SECTION_RENDERERS.get(name)
            console.print(renderer(m, notes) if renderer else _optional(m, name, notes))
    _references(console, m, full=not chosen or "references" in chosen, notes=notes)
    notice(console)


def _header(m: Monograph) -> Hanging:
    """The name, brands, stage and other names of the drug."""
    ident = m.identity
    title = Text(ident.generic_name.upper(), style="bold")
    if ident.brands:
        title.append(f"  ({', '.join(describe.brand_names(ident))})")
    title.append(f" · {m.status.stage}")
    if describe.label_in_region(m):
        title.append(f" · {describe.label_in_region(m)}", style="bold")
    names = [n.name + (" (claimed by a source)" if n.claimed_by_source else "") for n in ident.codes + ident.synonyms]
    if names:
        title.append(f" · also {', '.join(names)}")
    doubt = ident.identity_doubt
    if doubt is not None:
        title.append("\nIdentity in doubt: ", style="bold red")
        title.append(_short_or_full(doubt))
        title.append_text(mark(doubt, m, locators=False))
    return Hanging("", title, indent=2)


def _short_or_full(statement) -> str:
    return statement.short or statement.text


def _identity(m: Monograph, notes: bool) -> Group:
    """Class, generation, targets and route, each cited."""
    ident = m.identity
    cls = ident.classification
    return Group(cited(f"Class: {cls.drug_class}, {cls.generation}-generation", cls, m, bullet="", notes=notes),
                 cited(f"Targets: {', '.join(t.name for t in ident.targets)}", together(ident.targets), m,
                       bullet=""),
                 cited(f"Route: {ident.route.text}", ident.route, m, bullet="", notes=notes))


def _glance(console: Console, m: Monograph, brief: bool) -> None:
    """The at-a-glance rows, each within its line budget; what the monograph lacks in one line."""
    console.print(heading("At a glance"))
    width = max(console.width - LABEL_WIDTH - 1, 30)
    scope = m.status.get("scope")
    if scope:
        console.print(_labelled("Approved", Text(scope.text, style="bold") + mark(scope, m, locators=False)))
    missing = []
    for row in glance.rows(m):
        if row.items:
            console.print(_labelled(row.label, _row_body(console, m, row, width)))
        elif not row.optional:
            missing.append(row.label)
    now = glance.currency(m)
    body = Text(now.lead) + mark(now.claim, m) + Text(f" · {now.text}")
    caveats = len(m.review.caveats)
    if caveats and brief:
        body.append(f" · {caveats} caveat{'s' if caveats > 1 else ''} not shown")
    if missing:
        console.print(_labelled("Not given", Text(f"{', '.join(missing)} (not in this monograph"
                                                  + (f" for the {m.region}" if getattr(m, "region", None) else "")
                                                  + ")", style="dim")))
    differ = glance.elsewhere(m)
    if differ:
        console.print(_labelled("Elsewhere", Text(differ)))
    unrecorded = optional.missing(m, short=True)
    if unrecorded:
        console.print(_labelled("Unrecorded", _one_line(console, unrecorded, width)))
    console.print(_labelled("Current", body))


def _one_line(console: Console, names: list[str], width: int) -> Text:
    """The sections not recorded, in one line: as many as fit, then '+N more'."""
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        text = Text(", ".join(names[:shown]) + (f" +{rest} more" if rest else ""), style="dim")
        if _fits(console, text, width, 1):
            return text
    return Text(f"{len(names)} sections", style="dim")


def _labelled(label: str, body: Text) -> Hanging:
    return Hanging(Text(label.ljust(LABEL_WIDTH + 1), style="bold"), body)


def _row_body(console: Console, m: Monograph, row: glance.Row, width: int) -> Text:
    """A row's items, each whole (wrapped, never cut), within about ``row.lines`` lines of
    ``width`` cells; the items that do not fit are counted as '+N more in Section'. The first item
    is always shown, and a row of ``every`` item shows them all."""
    def more(hidden: int) -> Text:
        return Text(f" +{hidden} more in {row.section.capitalize()}", style="dim") if hidden else Text()

    joint = Text("\n") if row.one_per_line else Text("; ")
    body = Text()
    for index, item in enumerate(row.items):
        whole = (body + joint if index else Text()) + _item(m, item, " ".join(item.text.split()))
        rest = len(row.items) - index - 1
        if index and not row.every and not _fits(console, whole + more(rest), width, row.lines):
            return body + more(rest + 1)
        body = whole
    return body


def _item(m: Monograph, item: glance.Item, text: str) -> Text:
    """``lead — text [n]``: the lead in bold, then the (possibly shortened) text and the marker."""
    lead = Text(item.lead, style="bold")
    if text:
        joint = " " if item.lead.endswith(":") else " — " if item.lead else ""
        lead.append(joint + text)
    return lead + mark(item.claim, m, locators=False)


def _fits(console: Console, text: Text, width: int, lines: int) -> bool:
    return len(text.wrap(console, width)) <= lines


def _caveats(console: Console, m: Monograph, notes: bool) -> None:
    if m.review.caveats:
        console.print(heading("Caveats"))
        console.print(Group(*(cited(c.text, c, m, notes=notes) for c in m.review.caveats)))
    if notes and m.review.curator_notes:
        console.print(heading("Curator notes"))
        console.print(Group(*(Hanging("• ", Text(n, style=NOTE_STYLE)) for n in m.review.curator_notes)))


def _status(m: Monograph, notes: bool) -> RenderableType:
    lines = [cited(f"Overall stage: {m.status.stage}", m.status, m, notes=notes)]
    for history in m.status.regulators:
        lines.append(Text(history.regulator, style="bold"))
        for e in history.events:
            body = Text(f"{e.date}  ")
            body.append(describe.event(e), style="bold")
            body.append(f" — {e.indication}")
            lines.append(cited(body, e, m, bullet="  ", notes=notes))
    return Group(*lines)


def _indications(m: Monograph, notes: bool) -> RenderableType:
    parts: list[RenderableType] = []
    for ind in m.indications:
        parts.append(cited(Text(f"{ind.regulator}: {ind.text}", style="bold"), ind, m, notes=notes))
        for label, value in (
            ("Population", "; ".join(describe.population(p) for p in ind.populations)),
            ("Biomarker", ind.biomarker),
            ("Line of therapy", ind.line_of_therapy),
            ("Basis", ind.approval_basis),
        ):
            if value:
                parts.append(Hanging(f"    {label}: ", Text(value)))
    if m.patient_selection:
        parts.append(Text("Patient selection", style="bold underline"))
        parts += [cited(s.text, s, m, notes=notes) for s in m.patient_selection]
    return Group(*parts) if parts else Text("None stated.")


def _mechanism(m: Monograph, notes: bool) -> RenderableType:
    mech = m.mechanism
    parts: list[RenderableType] = [cited(mech.summary.text, mech.summary, m, bullet="", notes=notes)]
    parts += [cited(p.text, p, m, notes=notes) for p in mech.points]
    if mech.resistance:
        parts.append(Text("Resistance mutations", style="bold underline"))
        parts += [cited(Text(f"{r.mutation} ({r.region}): ", style="bold") + Text(f"{r.activity} · {r.basis} — ")
                        + Text(r.text), r, m, notes=notes) for r in mech.resistance]
    return Group(*parts)


def _dosing(m: Monograph, notes: bool) -> RenderableType:
    d = m.dosing
    parts: list[RenderableType] = []
    if d.unlabelled:
        parts.append(cited(Text(d.unlabelled.text, style="bold"), d.unlabelled, m, notes=notes))
    if d.regimens:
        parts.append(Text("Starting dose", style="bold underline"))
        for r in d.regimens:
            body = Text(f"{describe.population(r.population)}: ")
            body.append(glance.regimen(r), style="bold")
            if r.duration:
                body.append(f"; {r.duration}")
            parts.append(cited(body, r, m, notes=notes))
    if m.identity.formulations:
        parts.append(Text("Forms and strengths", style="bold underline"))
        parts += [cited(f"{f.form}: {glance.strengths(f.strengths)}", f, m, notes=notes)
                  for f in m.identity.formulations]
    for ladder in d.reductions:
        parts.append(cited(Text(f"Dose reductions — {describe.population(ladder.population)}", style="bold underline"),
                           ladder, m, bullet="", notes=notes))
        table = Table("Step", "Dose", "Note", expand=False)
        for step in ladder.steps:
            table.add_row(str(step.step), Text(describe.dose(step.dose)), Text(step.note or ""))
        parts += [table, Hanging("After the last step: ", Text(ladder.after_last_step))]
    for title, items in (("General rules", d.general), ("Administration", d.administration)):
        if items:
            parts.append(Text(title, style="bold underline"))
            parts += [cited(s.text, s, m, notes=notes) for s in items]
    for title, rules in (("Hepatic impairment", d.hepatic), ("Renal impairment", d.renal),
                         ("CYP3A4 inhibitors and inducers", d.cyp3a4)):
        if rules:
            parts.append(Text(title, style="bold underline"))
            for a in rules:
                body = Text(f"{a.condition}: ", style="bold")
                body.append(describe.adjustment(a))
                scope = f" [{describe.population(a.population)}]" if a.population else ""
                body.append(f"{scope} — {a.rule}")
                parts.append(cited(body, a, m, notes=notes))
    if d.other_interactions:
        parts.append(Text("Other interactions", style="bold underline"))
        parts += [cited(f"{i.agent}: {i.action}", i, m, notes=notes) for i in d.other_interactions]
    return Group(*parts) if parts else Text("No dosing information.")


def _safety(m: Monograph, notes: bool) -> RenderableType:
    s = m.safety
    boxed = s.boxed_warning
    parts: list[RenderableType] = []
    if boxed is None:
        parts.append(Text(f"Boxed warning: {describe.no_boxed_warning(m)}", style="bold"))
    else:
        heading_text = Text("Boxed warning: ", style="bold") + Text(boxed.text or "yes" if boxed.present else "none")
        parts.append(cited(heading_text, boxed, m, bullet="", notes=notes))
    if s.warnings:
        parts.append(Text("Warnings and precautions", style="bold underline"))
        parts += [cited(Text(f"{w.title}: ", style="bold") + Text(w.text), w, m, notes=notes) for w in s.warnings]
    if s.common_adverse_reactions:
        parts.append(Text("Common adverse reactions (all grades; grade 3–4)", style="bold underline"))
        parts += [cited(Text(r.term, style="bold") + Text(_frequencies(r)), r, m, notes=notes)
                  for r in s.common_adverse_reactions]
    for title, items in (("Serious adverse events", s.serious_adverse_events), ("Monitoring", s.monitoring),
                         ("Pregnancy and contraception", s.pregnancy), ("Patient counselling", s.counselling)):
        if items:
            parts.append(Text(title, style="bold underline"))
            parts += [cited(i.text, i, m, notes=notes) for i in items]
    return Group(*parts)


def _optional(m: Monograph, name: str, notes: bool) -> RenderableType:
    """A section the monograph may leave out: its groups of cited lines, or 'not recorded'."""
    found = optional.groups(m, name)
    if found is None:
        return Text(optional.NOT_RECORDED, style="dim")
    parts: list[RenderableType] = []
    for group in found:
        if group.title:
            parts.append(Text(group.title, style="bold underline"))
        for line in group.lines:
            body = (Text(f"{line.lead}: ", style="bold") if line.lead else Text()) + Text(line.text)
            parts.append(cited(body, line.claim, m, notes=notes))
    return Group(*parts)


def _frequencies(r) -> str:
    """': 10% (grade 3–4: 2%)', or '' when the monograph gives no frequency."""
    if r.frequency_percent is None and r.grade3_4_percent is None:
        return ""
    every = f"{describe.number(r.frequency_percent)}%" if r.frequency_percent is not None else "—"
    severe = f" (grade 3–4: {describe.number(r.grade3_4_percent)}%)" if r.grade3_4_percent is not None else ""
    return f": {every}{severe}"


def _efficacy(m: Monograph, notes: bool) -> RenderableType:
    if not m.efficacy.trials:
        return Text("No trial results recorded.")
    parts: list[RenderableType] = []
    for t in m.efficacy.trials:
        ids = f" ({', '.join(t.ids)})" if t.ids else ""
        parts.append(cited(Text(f"{t.name}{ids}", style="bold"), t, m, notes=notes))
        facts = [f"phase {t.phase}", t.population]
        if t.n:
            facts.append(f"n={t.n}")
        if t.orr_percent is not None:
            facts.append(f"ORR {describe.number(t.orr_percent)}%" + (f" ({t.orr_ci})" if t.orr_ci else ""))
        if t.duration_of_response:
            facts.append(f"duration of response: {t.duration_of_response}")
        parts.append(Hanging("    ", Text("; ".join(facts))))
        if t.notes:
            parts.append(Hanging("    ", Text(t.notes, style="italic")))
    return Group(*parts)


def _references(console: Console, m: Monograph, full: bool, notes: bool) -> None:
    """Every reference of the monograph (or those cited above), with notes about the sources."""
    numbering = current()
    console.print(Text(LEGEND, style="dim"))
    console.print(heading("References" if full else "References cited above"))
    by_id = {r.id: r for r in m.references}
    for item in numbering.listed(cited_only=not full):
        r = by_id[item.ref_id]
        console.print(reference_line(item.number, describe.reference_line(r), r, r.note,
                                     r.curator_note if notes else None), crop=False)  # an address is never cut


_SECTION_RENDERERS = {
    "status": _status,
    "indications": _indications,
    "mechanism": _mechanism,
    "dosing": _dosing,
    "safety": _safety,
    "efficacy": _efficacy,
}

