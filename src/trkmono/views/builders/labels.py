"""The labels answer as a document: every US label the monographs rest on, its status first, then
what rests on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trkmono.views.document import Cited, Document, Emphasis, List, Note, Notice, Span, Title, line

if TYPE_CHECKING:
    from trkmono.watch.labels import Label, Report

BADGES: dict[str, tuple[str, Emphasis]] = {
    "newer": ("NEWER VERSION", "badge"), "unlisted": ("CHECK RECORD", "badge"),
    "unrecorded": ("NO VERSION RECORDED", "badge"), "current": ("CURRENT", "good")}
"""How each status reads: the ones a curator must act on stand out alike."""
NOTHING = "No regulatory-label reference records an SPL set id (spl_set_id); nothing to check."


def labels(report: Report) -> Document:
    """The labels, each with its status, versions and what cites it,
    then the counts and the notice."""
    doc = Document().add(Title("", f"US labels compared with DailyMed at {report.service}"))
    if report.labels:
        doc.add(List(tuple(_label(label) for label in report.labels)))
    else:
        doc.add(Note(NOTHING))
    return doc.add(Note(f"{report.summary()}."), Notice())


def _label(label: Label) -> Cited:
    """The label's drugs and set id, then under them: its title, status, versions, what cites it."""
    newest = label.history.newest
    badge, emphasis = BADGES[label.status]
    children = [Cited(line(Span(label.history.title, "faint")))] if label.history.title else []
    children += [Cited(line(Span(badge, emphasis), "  ", _explanation(label))),
                 Cited(line(f"Recorded: {_versions(label.recorded_versions)} · DailyMed's newest: version "
                            f"{newest.number}, published {newest.published}"))]
    if label.baseline is not None:
        children.append(Cited(line(f"Baseline: version {label.baseline} read by a curator (labels --update)")))
    children += [Cited(line(f"Cited by {use.drug} as '{use.reference}' ({_versions([use.recorded_version])}): "
                            f"{use.claims} claim(s)")) for use in label.uses]
    return Cited(line(Span(", ".join(label.drugs)), " · SPL set id ", Span(label.set_id, "code")),
                 children=tuple(children))


def _explanation(label: Label) -> str:
    newest = label.history.newest.number
    return {
        "newer": f"DailyMed lists version {newest}; claims checked against an older version may be out of date. "
                 "Review them against the new label, then record its version.",
        "unlisted": f"a recorded version is above the newest DailyMed lists ({newest}); correct the record, "
                    "or check that the service is up to date.",
        "unrecorded": f"which version was read is not recorded; check the claims against version {newest} and "
                      "record it as spl_version.",
        "current": "every reference to it records DailyMed's newest version." if label.baseline is None else
                   "the baseline records DailyMed's newest version as read.",
    }[label.status]


def _versions(versions: list[int | None]) -> str:
    """'version 4, no version'."""
    return ", ".join("no version" if v is None else f"version {v}" for v in versions)

