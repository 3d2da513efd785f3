"""Which US labels the monographs rest on, and whether DailyMed lists a newer version of each.

A US label is a regulatory-label reference with an ``spl_set_id``, or a reproduction of one (a
US-region reference of another tier that records the set id of the label it copies). References to the same set id
(in one monograph or several) are one label; each keeps the version its monograph recorded and
the number of claims that cite it. The label's status compares the recorded versions with the
newest version the service lists, the most urgent first:

- ``newer``: a monograph was checked against an older version than the newest;
- ``unlisted``: a recorded version is above the newest listed (a typo, or a mirror lagging behind);
- ``unrecorded``: a reference records the set id but no ``spl_version``, so nobody can tell;
- ``current``: every reference records the newest version.

A baseline file (``labels --baseline FILE``) records, per set id, the version a curator has read
since: it stands in for the references' own versions, so a label read and recorded by
``labels --update`` is current on the next run until DailyMed lists a newer version.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from trkmono.compiled.plain import Plain
from trkmono.watch import dailymed


STATUSES = ("newer", "unlisted", "unrecorded", "current")
"""Every status, the most urgent first."""
_COUNTED = {"newer": "with a newer version", "unlisted": "recording a version the service does not list",
            "unrecorded": "recording no version", "current": "current"}


@dataclass(frozen=True)
class Use:
    """One monograph's reference to a label."""

    drug: str
    """The monograph id."""
    generic_name: str
    reference: str
    """The reference id that the monograph's claims cite."""
    recorded_version: int | None
    claims: int
    """How many statements of the monograph cite the reference."""


@dataclass(frozen=True)
class Label:
    """One US label, what rests on it and what the service lists."""

    set_id: str
    uses: list[Use]
    history: dailymed.History
    baseline: int | None = None
    """The version a curator recorded as read in the baseline file, if any."""

    @property
    def drugs(self) -> list[str]:
        """Generic names of the monographs that cite it, once each."""
        return list(dict.fromkeys(use.generic_name for use in self.uses))

    @property
    def recorded_versions(self) -> list[int | None]:
        """The distinct versions recorded (None: a reference records none), unrecorded first."""
        return sorted({use.recorded_version for use in self.uses}, key=lambda v: -1 if v is None else v)

    @property
    def status(self) -> str:
        """The most urgent status among the recorded versions (the baseline's, when it has one)."""
        if self.baseline is not None:
            return version_status(self.baseline, self.history.newest.number)
        found = {version_status(v, self.history.newest.number) for v in self.recorded_versions}
        return min(found, key=STATUSES.index)


@dataclass(frozen=True)
class Report:
    """Every recorded US label of a library, checked against one service."""

    service: str
    labels: list[Label]

    def count(self, status: str) -> int:
        """How many labels have this status."""
        return sum(label.status == status for label in self.labels)

    def summary(self) -> str:
        """'3 label(s): 1 with a newer version, 2 current'."""
        counts = [f"{self.count(s)} {_COUNTED[s]}" for s in STATUSES if self.count(s)]
        return f"{len(self.labels)} label(s)" + (": " + ", ".join(counts) if counts else "")

    @property
    def all_current(self) -> bool:
        """Every label records the newest version (true of a library without US labels)."""
        return all(label.status == "current" for label in self.labels)


def version_status(recorded: int | None, newest: int) -> str:
    """current, newer, unlisted or unrecorded for one recorded version."""
    if recorded is None:
        return "unrecorded"
    if recorded < newest:
        return "newer"
    return "unlisted" if recorded > newest else "current"


def check(monographs: Iterable[Plain], service: str, timeout: float = dailymed.DEFAULT_TIMEOUT,
          baseline: dict[str, int] | None = None) -> Report:
    """Ask the service once per recorded label; the first failure is a ServiceError."""
    recorded = recorded_labels(monographs)
    return Report(dailymed.shown_address(service), [Label(set_id, uses, dailymed.history(service, set_id, timeout),
                                  (baseline or {}).get(set_id)) for set_id, uses in recorded.items()])


BASELINE_FORMAT = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written."""


def read_baseline(path: Path) -> dict[str, int]:
    """Set id -> version read, from a baseline file ({} when the file does not exist yet)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a label baseline ({exc})") from None
    labels = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(labels, dict) or not all(
            isinstance(entry, dict) and type(entry.get("version")) is int for entry in labels.values()):
        raise BaselineError(f"{path}: not a label baseline (expected labels: {{set id: {{version: n}}}})")
    return {set_id: entry["version"] for set_id, entry in labels.items()}


def write_baseline(path: Path, report: Report, today: str) -> Report:
    """Record every label's newest version as read (a curator has read them) and return the
    report as the next run will see it."""
    labels = {label.set_id: {"version": label.history.newest.number, "published": label.history.newest.published,
                             "recorded": today, "drugs": label.drugs} for label in report.labels}
    body = json.dumps({"format": BASELINE_FORMAT, "service": report.service, "labels": labels}, indent=2,
                      sort_keys=True) + "\n"
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(body, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline ({exc.strerror or exc})") from None
    return Report(report.service, [replace(label, baseline=label.history.newest.number) for label in report.labels])


def recorded_labels(monographs: Iterable[Plain]) -> dict[str, list[Use]]:
    """Set id -> the references that record it, in library and reference order."""
    found: dict[str, list[Use]] = {}
    for m in monographs:
        for ref in m.references:
            if ref.spl_set_id and (ref.tier == "regulatory-label" or ref.get("region") == "US"):
                found.setdefault(ref.spl_set_id, []).append(
                    Use(m.id, m.identity.generic_name, ref.id, ref.spl_version, claims_citing(m, ref.id)))
    return found


def claims_citing(data: object, reference_id: str) -> int:
    """How many statements (mappings with a ``cite`` list) anywhere in ``data`` cite the reference."""
    if isinstance(data, list):
        return sum(claims_citing(item, reference_id) for item in data)
    if not isinstance(data, dict):
        return 0
    cite = data.get("cite")
    own = int(isinstance(cite, list) and reference_id in cite)
    return own + sum(claims_citing(value, reference_id) for value in data.values())
