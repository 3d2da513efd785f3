"""Provenance of each monograph, for curators: how its claims are sourced and what is left to do.

A pure function over plain monograph data. A claim is every mapping that carries a ``cite``
list (a statement, a regimen, a name, an event...), found wherever it stands. For each monograph:
its claims counted by evidence status and by the strongest tier among the references they cite;
the claims that cite secondary web pages only (where each stands, and the start of its text); the
references that no claim cites; how many curator notes it holds; and its review date.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from trkmono import terms
from trkmono.compiled.plain import Plain
from trkmono.model import phrases as describe


SECONDARY_TIERS = frozenset({"secondary-web"})
"""Tiers that copy or summarise other sources; a claim citing only these rests on no primary text."""
SNIPPET_FIELDS = ("title", "agent", "condition", "term", "mutation", "name", "text", "rule", "action",
                  "indication", "drug_class", "form", "stage")
"""The fields that say what a claim is about, in the order a snippet takes them."""
SNIPPET = 100
"""Longest snippet, in characters."""
UNCONFIRMED_LIMIT = 0.20
"""The largest share of an approved drug's claims that may be shown as unconfirmed."""


@dataclass(frozen=True)
class Claim:
    """One cited mapping of a monograph."""

    location: str
    """Where it stands in the file, e.g. 'dosing.cyp3a4[0]'."""
    snippet: str
    """The start of what it says."""
    cite: list[str]
    evidence: str
    strongest_tier: str | None
    """The strongest tier among the references it cites (None if it cites none the monograph lists)."""


@dataclass
class Report:
    """The provenance of one monograph."""

    id: str
    generic_name: str
    last_reviewed: str
    stage: str
    claims: int
    by_evidence: dict[str, int]
    """Every evidence status, strongest first, with its number of claims (zeros included)."""
    by_strongest_tier: dict[str, int]
    """Every tier, strongest first, with the number of claims whose strongest cited reference has it."""
    secondary_only: list[Claim]
    uncited_references: list[Plain]
    curator_notes: dict[str, int] = field(default_factory=dict)
    """How many curator notes stand on the monograph as a whole, on its claims and on its references."""

    @property
    def curator_note_count(self) -> int:
        return sum(self.curator_notes.values())

    @property
    def shares(self) -> dict[str, float]:
        """Every evidence status with its share of the claims (0 to 1, rounded to 3 places)."""
        return {status: round(n / self.claims, 3) if self.claims else 0.0 for status, n in self.by_evidence.items()}

    @property
    def over_unconfirmed_limit(self) -> bool:
        """An approved drug shows more than UNCONFIRMED_LIMIT of its claims as unconfirmed."""
        return self.stage == "approved" and self.shares["unconfirmed"] > UNCONFIRMED_LIMIT


def provenance(m: Plain) -> Report:
    """The provenance report of one monograph."""
    tiers = {r.id: r.tier for r in m.references}
    mappings = list(cited_mappings(m))
    claims = [_claim(location, node, tiers) for location, node in mappings]
    cited = {ref for c in claims for ref in c.cite}
    return Report(
        id=m.id,
        generic_name=m.identity.generic_name,
        last_reviewed=m.review.last_reviewed,
        stage=m.status.stage,
        claims=len(claims),
        by_evidence={s: sum(c.evidence == s for c in claims) for s in terms.EVIDENCE_STATUSES},
        by_strongest_tier={t: sum(c.strongest_tier == t for c in claims) for t in terms.TIERS},
        secondary_only=[c for c in claims if c.cite and {tiers.get(ref) for ref in c.cite} <= SECONDARY_TIERS],
        uncited_references=[r for r in m.references if r.id not in cited],
        curator_notes={
            "monograph": len(m.review.curator_notes),
            "claims": sum(bool(node.get("curator_note")) for _, node in mappings),
            "references": sum(bool(r.curator_note) for r in m.references),
        },
    )


def cited_mappings(node: object, location: str = "") -> Iterator[tuple[str, dict]]:
    """Every mapping with a ``cite`` list, with its location, in document order."""
    if isinstance(node, dict):
        if isinstance(node.get("cite"), list):
            yield location, node
        for key, value in node.items():
            yield from cited_mappings(value, f"{location}.{key}" if location else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from cited_mappings(value, f"{location}[{index}]")


def _claim(location: str, node: dict, tiers: dict[str, str]) -> Claim:
    known = [tiers[ref] for ref in node["cite"] if ref in tiers]
    strongest = min(known, key=terms.TIERS.index) if known else None
    return Claim(location, snippet(node), list(node["cite"]), node.get("evidence", "confirmed"), strongest)


def snippet(node: dict) -> str:
    """The start of what a claim says: its first two telling fields, else its population."""
    parts = [" ".join(node[f].split()) for f in SNIPPET_FIELDS if isinstance(node.get(f), str) and node[f]][:2]
    if not parts and isinstance(node.get("population"), dict):
        parts = [describe.population(node["population"])]
    text = " — ".join(parts)
    return text if len(text) <= SNIPPET else text[:SNIPPET - 1].rstrip() + "…"
