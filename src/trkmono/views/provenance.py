"""The provenance report for curators, in the terminal and as Markdown (its JSON is in views/json.py).

Counts use the data's own words (evidence statuses and tiers as written in the YAML), so a
curator can go from the report to the file. rich is imported only when text is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.clinical.provenance import UNCONFIRMED_LIMIT
from trkmono.views.markdown import escape

if TYPE_CHECKING:
    from rich.console import Console

    from trkmono.clinical.provenance import Report

SECONDARY_TITLE = "Claims citing only secondary web pages"
UNCITED_TITLE = "References cited by nothing"


def _counts(counts: dict[str, int]) -> str:
    """'confirmed 57 · corroborated 36 · unconfirmed 23'."""
    return " · ".join(f"{key} {n}" for key, n in counts.items())


def _shares(r: Report) -> str:
    """'confirmed 49% · corroborated 31% · unconfirmed 20%', flagged when an approved drug exceeds the limit."""
    text = " · ".join(f"{status} {share:.0%}" for status, share in r.shares.items())
    return text + (f" (over the {UNCONFIRMED_LIMIT:.0%} limit for an approved drug)" if r.over_unconfirmed_limit
                   else "")


def _notes(r: Report) -> str:
    """'35 (monograph 6 · claims 9 · references 20)'."""
    return f"{r.curator_note_count} ({_counts(r.curator_notes)})"


def render_provenance(console: Console, reports: list[Report]) -> None:
    """Each monograph's counts, then its secondary-only claims and uncited references."""
    from rich.rule import Rule
    from rich.text import Text
    for r in reports:
        console.print(Rule(Text(f"{r.generic_name.upper()} — provenance", style="bold"), align="left"))
        console.print(Text(f"Last reviewed: {r.last_reviewed} · {r.claims} claims · curator notes: {_notes(r)}"))
        console.print(Text("Evidence status:      ", style="bold") + Text(_counts(r.by_evidence)))
        console.print(Text("Share of claims:      ", style="bold") + Text(_shares(r)))
        console.print(Text("Strongest cited tier: ", style="bold") + Text(_counts(r.by_strongest_tier)))
        console.print(Text(f"{SECONDARY_TITLE} ({len(r.secondary_only)})", style="bold underline"))
        for c in r.secondary_only:
            console.print(Text(f"  {c.location}", style="cyan") + Text(f" [{', '.join(c.cite)}] {c.evidence}"))
            console.print(Text(f"      {c.snippet}", style="dim"))
        console.print(Text(f"{UNCITED_TITLE} ({len(r.uncited_references)})", style="bold underline"))
        for ref in r.uncited_references:
            console.print(Text(f"  {ref.id}", style="cyan") + Text(f" — {ref.title} ({ref.tier})"))


def markdown(reports: list[Report]) -> str:
    """The report as Markdown: a section per monograph with its tables and lists."""
    lines = ["# Provenance of the monographs", ""]
    for r in reports:
        lines += [f"## {escape(r.generic_name)}", "",
                  f"Last reviewed: {r.last_reviewed} · {r.claims} claims · curator notes: {_notes(r)}", "",
                  "| evidence status | claims | share |", "|---|---|---|",
                  *(f"| {status} | {n} | {r.shares[status]:.0%} |" for status, n in r.by_evidence.items()), "",
                  f"Share of claims: {_shares(r)}", "",
                  "| strongest cited tier | claims |", "|---|---|",
                  *(f"| {tier} | {n} |" for tier, n in r.by_strongest_tier.items()), "",
                  f"### {SECONDARY_TITLE} ({len(r.secondary_only)})", ""]
        if r.secondary_only:
            lines += ["| where | cites | evidence | text |", "|---|---|---|---|",
                      *(f"| `{c.location}` | {escape(', '.join(c.cite))} | {c.evidence} | {escape(c.snippet)} |"
                        for c in r.secondary_only), ""]
        lines += [f"### {UNCITED_TITLE} ({len(r.uncited_references)})", "",
                  *(f"- {escape(ref.id)} — {escape(ref.title)} ({ref.tier})" for ref in r.uncited_references), ""]
    return "\n".join(lines)
