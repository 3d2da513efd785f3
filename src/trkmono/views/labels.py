"""The terminal view of ``labels``: one block per US label, its status first, then what rests on it.

Text from the monographs and from the service is passed to rich as ``Text``, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from trkmono.model import phrases as describe

if TYPE_CHECKING:
    from trkmono.watch.labels import Label, Report

_BADGES = {"newer": ("NEWER VERSION", "bold black on yellow"), "unlisted": ("CHECK RECORD", "bold black on yellow"),
           "unrecorded": ("NO VERSION RECORDED", "bold yellow"), "current": ("CURRENT", "bold green")}


def render_labels(console: Console, report: Report) -> None:
    """Every recorded US label with its status, then the counts and the notice."""
    console.print(Text(f"US labels the monographs were checked against, compared with DailyMed at {report.service}",
                       style="bold"))
    if not report.labels:
        console.print(Text("\nNo regulatory-label reference records an SPL set id (spl_set_id); nothing to check."))
    for label in report.labels:
        console.print()
        console.print(_label(label))
    console.print(Text(f"\n{report.summary()}."))
    console.print(Text(describe.NOTICE, style="italic"))


def _label(label: Label) -> Group:
    """The label's drugs and set id, then indented: title, status, versions, what cites it."""
    newest = label.history.newest
    body = Text()
    if label.history.title:
        body.append(f"{label.history.title}\n", style="dim")
    badge, style = _BADGES[label.status]
    body.append(badge, style=style)
    body.append(f"  {_explanation(label)}")
    body.append(f"\nRecorded: {_versions(label.recorded_versions)} · DailyMed's newest: version "
                f"{newest.number}, published {newest.published}")
    if label.baseline is not None:
        body.append(f"\nBaseline: version {label.baseline} read by a curator (labels --update)")
    for use in label.uses:
        body.append(f"\nCited by {use.drug} as '{use.reference}' ({_versions([use.recorded_version])}): "
                    f"{use.claims} claim(s)")
    header = Text(", ".join(label.drugs), style="bold")
    header.append(f" · SPL set id {label.set_id}")
    return Group(header, Padding(body, (0, 0, 0, 2)))


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
    return ", ".join("no version" if v is None else f"version {v}" for v in versions)
