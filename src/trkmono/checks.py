"""Rules across fields and files, each small, named and documented.

A rule takes what the loader produced and returns problems; it never prints. Per-file rules
see one valid monograph; library rules see every valid monograph together.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from trkmono.loader import Loaded
from trkmono.problems import Level, Problem
from trkmono.schema import APPROVAL_KINDS, Monograph, iter_cited

DEFAULT_REVIEW_AGE_MONTHS = 12


@dataclass(frozen=True)
class Settings:
    """What the rules depend on besides the files."""

    today: dt.date
    review_age_months: int = DEFAULT_REVIEW_AGE_MONTHS


@dataclass(frozen=True)
class Rule:
    """A named check with its level; its docstring is its documentation."""

    name: str
    level: Level
    check: Callable

    @property
    def doc(self) -> str:
        """The rule's one-line description."""
        return (self.check.__doc__ or "").strip().splitlines()[0]


FILE_RULES: list[Rule] = []
LIBRARY_RULES: list[Rule] = []

Finding = tuple[tuple[object, ...], str]
"""(location in the file, message) as a rule yields it."""


def file_rule(name: str, level: Level) -> Callable:
    """Register a rule that checks one monograph."""
    def register(check: Callable) -> Callable:
        FILE_RULES.append(Rule(name, level, check))
        return check
    return register


def library_rule(name: str, level: Level) -> Callable:
    """Register a rule that checks all monographs together."""
    def register(check: Callable) -> Callable:
        LIBRARY_RULES.append(Rule(name, level, check))
        return check
    return register


def check_file(loaded: Loaded, settings: Settings) -> list[Problem]:
    """Every per-file rule's problems for one loaded monograph."""
    if loaded.monograph is None:
        return []
    return [
        _problem(loaded, rule, loc, message)
        for rule in FILE_RULES
        for loc, message in rule.check(loaded.monograph, loaded, settings)
    ]


def check_library(files: list[Loaded]) -> list[Problem]:
    """Every library rule's problems across the valid monographs."""
    valid = [f for f in files if f.monograph is not None]
    return [
        _problem(loaded, rule, loc, message)
        for rule in LIBRARY_RULES
        for loaded, loc, message in rule.check(valid)
    ]


def _problem(loaded: Loaded, rule: Rule, loc: tuple[object, ...], message: str) -> Problem:
    return Problem(loaded.path, *loaded.mark(loc), rule.level, rule.name, message)


@file_rule("citation-unresolved", "error")
def citations_resolve(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Every cited id names a reference listed in the same monograph."""
    known = {r.id for r in m.references}
    for loc, statement in iter_cited(m):
        for i, ref in enumerate(statement.cite):
            if ref not in known:
                yield loc + ("cite", i), f"cites '{ref}', which is not in references"


@file_rule("reference-duplicate", "error")
def reference_ids_unique(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Reference ids are unique within a monograph."""
    seen: set[str] = set()
    for i, ref in enumerate(m.references):
        if ref.id in seen:
            yield ("references", i, "id"), f"reference id '{ref.id}' is used twice"
        seen.add(ref.id)


@file_rule("id-filename", "error")
def id_matches_filename(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """The monograph id equals its file name without .yaml."""
    stem = loaded.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if m.id != stem:
        yield ("id",), f"id '{m.id}' does not match the file name '{stem}'"


@file_rule("date-future", "error")
def dates_not_in_future(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """No event, reference or review date lies after today."""
    for loc, value in _dates(m):
        if earliest_day(value) > settings.today:
            yield loc, f"date {value} is in the future (today is {settings.today.isoformat()})"


@file_rule("stage-events", "error")
def stage_matches_events(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """An investigational drug has no approval events; an approved drug has at least one."""
    approvals = [
        (("status", "regulators", r, "events", e, "kind"), event.kind)
        for r, history in enumerate(m.status.regulators)
        for e, event in enumerate(history.events)
        if event.kind in APPROVAL_KINDS
    ]
    if m.status.stage == "investigational":
        for loc, kind in approvals:
            yield loc, f"an investigational drug cannot have a '{kind}' event"
    elif m.status.stage == "approved" and not approvals:
        yield ("status", "stage"), "stage is 'approved' but no regulator lists an approval event"


@file_rule("event-order", "error")
def events_in_date_order(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Each regulator's events are listed oldest first."""
    for r, history in enumerate(m.status.regulators):
        for e in range(1, len(history.events)):
            before, event = history.events[e - 1], history.events[e]
            if earliest_day(event.date) < earliest_day(before.date):
                yield (("status", "regulators", r, "events", e, "date"),
                       f"event dated {event.date} is listed after one dated {before.date}")


@file_rule("stale-review", "warning")
def review_is_recent(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """The last review is no older than the allowed age (12 months unless configured)."""
    reviewed = earliest_day(m.review.last_reviewed)
    if add_months(reviewed, settings.review_age_months) < settings.today:
        yield (("review", "last_reviewed"),
               f"last reviewed {m.review.last_reviewed}, more than "
               f"{settings.review_age_months} months ago")


@file_rule("secondary-only", "warning")
def weak_claims_are_flagged(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A claim supported only by secondary web pages is marked unverified."""
    tiers = {r.id: r.tier for r in m.references}
    for loc, statement in iter_cited(m):
        cited = [tiers.get(ref) for ref in statement.cite]
        if not statement.unverified and all(t == "secondary-web" for t in cited):
            yield loc, "only a secondary web page supports this claim; mark it 'unverified: true' or cite a stronger source"


@file_rule("reference-uncited", "warning")
def references_are_cited(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Every listed reference is cited by at least one statement."""
    cited = {ref for _, statement in iter_cited(m) for ref in statement.cite}
    for i, ref in enumerate(m.references):
        if ref.id not in cited:
            yield ("references", i, "id"), f"reference '{ref.id}' is not cited by any statement"


@library_rule("id-duplicate", "error")
def ids_unique(files: list[Loaded]) -> Iterator[tuple[Loaded, tuple, str]]:
    """No two monographs share an id."""
    first: dict[str, Loaded] = {}
    for loaded in files:
        mid = loaded.monograph.id
        if mid in first:
            yield loaded, ("id",), f"id '{mid}' is also used by {first[mid].path}"
        first.setdefault(mid, loaded)


@library_rule("name-duplicate", "error")
def names_unique(files: list[Loaded]) -> Iterator[tuple[Loaded, tuple, str]]:
    """No name (generic, brand, code, synonym) belongs to two monographs."""
    owner: dict[str, Loaded] = {}
    for loaded in files:
        for loc, name in names_with_locations(loaded.monograph):
            key = name.casefold()
            other = owner.setdefault(key, loaded)
            if other is not loaded and other.monograph.id != loaded.monograph.id:
                yield loaded, loc, f"name '{name}' also belongs to '{other.monograph.id}' ({other.path})"


def names_with_locations(m: Monograph) -> Iterator[tuple[tuple, str]]:
    """Every name a monograph answers to, with where it is written."""
    yield ("id",), m.id
    yield ("identity", "generic_name"), m.identity.generic_name
    for field in ("synonyms", "codes", "brands"):
        for i, entry in enumerate(getattr(m.identity, field)):
            yield ("identity", field, i, "name"), entry.name


def _dates(m: Monograph) -> Iterator[tuple[tuple, str]]:
    for r, history in enumerate(m.status.regulators):
        for e, event in enumerate(history.events):
            yield ("status", "regulators", r, "events", e, "date"), event.date
    for i, ref in enumerate(m.references):
        if ref.date:
            yield ("references", i, "date"), ref.date
    yield ("review", "last_reviewed"), m.review.last_reviewed


def earliest_day(value: str) -> dt.date:
    """The first calendar day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved forward by whole months (clamped to the month's end)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
