"""Rules across fields and files, each small, named and documented in the one registry
(``trkmono.rulebook``).

A rule takes what the loader produced and yields (location, message); it never prints.
Data rules read the parsed YAML even when the schema rejected it, so one run reports citation
and reference problems alongside schema errors; model rules need a valid monograph; table rules
a valid interaction table; library rules see every valid monograph together.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from trkmono.problems import Problem
from trkmono.model.comedications import ComedicationTable
from trkmono.model.schema import Monograph
from trkmono.reading.loader import Loaded
from trkmono.rulebook import RULES, Rule, rule
from trkmono.terms import (APPROVAL_KINDS, CLASS_LABELS, INVISIBLE_CHARACTERS, NOT_REGULATORS, RIVAL_CLASSES,
                           REGULATOR_ALIASES, REGULATORS, STRONG_TIERS)

DEFAULT_REVIEW_AGE_MONTHS = 12


@dataclass(frozen=True)
class Entry:
    """What the library rules need of one valid monograph: its path, id and names with locations."""

    path: str
    id: str
    names: tuple[tuple[tuple, str, bool], ...]
    """(location in the file, name, only claimed by a source) for every name it answers to."""

    @classmethod
    def of(cls, loaded: Loaded) -> Entry | None:
        """The entry of a loaded file, or None when it holds no valid monograph."""
        if not isinstance(loaded.monograph, Monograph):
            return None
        return cls(loaded.path, loaded.monograph.id, tuple(names_with_locations(loaded.monograph)))


def names_with_locations(m: Monograph) -> Iterator[tuple[tuple, str, bool]]:
    """Every name a monograph answers to (identifier values too), with where it is written and
    whether only a source claims it."""
    yield ("id",), m.id, False
    yield ("identity", "generic_name"), m.identity.generic_name, False
    for field in ("synonyms", "codes", "brands"):
        for i, entry in enumerate(getattr(m.identity, field)):
            yield ("identity", field, i, "name"), entry.name, getattr(entry, "claimed_by_source", False)
    for i, code in enumerate(m.identity.identifiers):
        yield ("identity", "identifiers", i, "value"), code.value, False


@dataclass(frozen=True)
class Settings:
    """What the rules depend on besides the files."""

    today: dt.date
    review_age_months: int = DEFAULT_REVIEW_AGE_MONTHS


Loc = tuple[object, ...]
Finding = tuple[Loc, str]
"""(location in the file, message) as a file rule yields it."""


def check_file(loaded: Loaded, settings: Settings) -> list[Problem]:
    """Every data rule's problems, and every model (or table) rule's when the file is valid."""
    data = loaded.document.data
    valid = loaded.monograph
    targets = {"data": Parsed.of(data) if isinstance(data, dict) else None,
               "model": valid if isinstance(valid, Monograph) else None,
               "table": valid if isinstance(valid, ComedicationTable) else None}
    return [
        _problem(loaded, r, loc, message)
        for r in RULES
        if r.check is not None and targets.get(r.scope) is not None
        for loc, message in r.check(targets[r.scope], loaded, settings)
    ]


def check_library(entries: list[Entry], locate: Callable[[Entry, Loc], tuple[int, int]]) -> list[Problem]:
    """Every library rule's problems across the valid monographs; locate finds a node's line."""
    return [
        r.at(entry.path, locate(entry, loc), message)
        for r in RULES
        if r.scope == "library" and r.check is not None
        for entry, loc, message in r.check(entries)
    ]


def _problem(loaded: Loaded, r: Rule, loc: Loc, message: str) -> Problem:
    return r.at(loaded.path, loaded.mark(loc), message)


@dataclass(frozen=True)
class Parsed:
    """One file's parsed YAML with its cited statements and its references, each found once."""

    data: dict
    statements: list[tuple[Loc, dict]]
    references: list[tuple[int, dict]]
    texts: list[tuple[Loc, str]]
    """Every text value (not key), with its location."""
    beyond_ascii: list[tuple[Loc, str]]
    """The texts with a character outside ASCII (few: the rules about unusual characters read only these)."""
    floats: list[tuple[Loc, float]]
    """Every number written with a fraction or exponent, with its location."""

    @classmethod
    def of(cls, data: dict) -> Parsed:
        """Walk the data once for everything the data rules read."""
        found, texts, floats = walk(data)
        return cls(data, found, references(data), texts, [(loc, text) for loc, text in texts if not text.isascii()],
                   floats)


def walk(data: object) -> tuple[list[tuple[Loc, dict]], list[tuple[Loc, str]], list[tuple[Loc, float]]]:
    """Every mapping in parsed YAML that carries a list of citations, every text value and every
    float, each with its location."""
    found, texts, floats = [], [], []
    stack: list[tuple[Loc, Any]] = [((), data)]  # parsed YAML: a dict or a list
    children: Iterable[tuple[Any, Any]]
    while stack:
        loc, node = stack.pop()
        if type(node) is dict:
            if type(node.get("cite")) is list:
                found.append((loc, node))
            children = node.items()
        else:
            children = enumerate(node)
        for part, child in children:
            kind = type(child)
            if kind is str:
                texts.append((loc + (part,), child))
            elif kind is dict or kind is list:
                stack.append((loc + (part,), child))
            elif kind is float:
                floats.append((loc + (part,), child))
    return found, texts, floats


def references(data: dict) -> list[tuple[int, dict]]:
    """(index, reference mapping) for each well-formed entry under 'references'."""
    listed = data.get("references")
    if not isinstance(listed, list):
        return []
    return [(i, ref) for i, ref in enumerate(listed) if isinstance(ref, dict) and isinstance(ref.get("id"), str)]


@rule("citation-unresolved", "error", "data")
def citations_resolve(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Every cited id names a reference listed in the same monograph."""
    known = {ref["id"] for _, ref in parsed.references}
    for loc, statement in parsed.statements:
        for i, ref in enumerate(statement["cite"]):
            if isinstance(ref, str) and ref not in known:
                yield loc + ("cite", i), f"cites '{ref}', which is not in references; add it there or correct the id"


@rule("reference-duplicate", "error", "data")
def reference_ids_unique(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Reference ids are unique within a monograph."""
    seen: set[str] = set()
    for i, ref in parsed.references:
        if ref["id"] in seen:
            yield ("references", i, "id"), f"reference id '{ref['id']}' is used twice; give each reference its own id"
        seen.add(ref["id"])


@rule("id-filename", "error", "data")
def id_matches_filename(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """The monograph id equals its file name without .yaml."""
    stem = loaded.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    mid = parsed.data.get("id")
    if isinstance(mid, str) and mid != stem:
        yield ("id",), f"id '{mid}' does not match the file name '{stem}'; rename the file or correct the id"


@rule("evidence-status", "error", "data")
def evidence_matches_tiers(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """'confirmed' cites a regulatory or peer-reviewed reference; 'corroborated' cites two or more."""
    tiers = {ref["id"]: ref.get("tier") for _, ref in parsed.references}
    for loc, statement in parsed.statements:
        cited = [ref for ref in statement["cite"] if isinstance(ref, str) and ref in tiers]
        status = statement.get("evidence", "confirmed")
        if status == "confirmed" and cited and not any(tiers[ref] in STRONG_TIERS for ref in cited):
            yield loc, ("'confirmed' needs a cited regulatory or peer-reviewed reference; cite one, or "
                        "set evidence to 'corroborated' (two or more agreeing sources) or 'unconfirmed'")
        elif status == "corroborated" and len(set(cited)) < 2:
            yield loc, "'corroborated' needs at least two cited references; otherwise it is 'unconfirmed'"


@rule("locator-uncited", "error", "data")
def locators_name_cited_references(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Every locator ('at') belongs to a reference the statement cites."""
    for loc, statement in parsed.statements:
        at = statement.get("at")
        if isinstance(at, dict):
            for ref in at:
                if ref not in statement["cite"]:
                    yield loc + ("at", ref), (f"locator for '{ref}', which this statement does not cite; cite it "
                                              "or delete the locator")


@rule("label-version", "warning", "data")
def labels_record_their_version(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A regulatory-label reference records its SPL version or its revision date."""
    for i, ref in parsed.references:
        if ref.get("tier") == "regulatory-label" and not (ref.get("spl_version") or ref.get("revision_date")):
            yield ("references", i, "id"), (f"label '{ref['id']}' records neither spl_version nor "
                                            "revision_date, so nobody can tell which version was read; "
                                            "add the one read")


@rule("reference-uncited", "warning", "data")
def references_are_cited(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Every listed reference is cited by at least one statement."""
    cited = {ref for _, statement in parsed.statements for ref in statement["cite"] if isinstance(ref, str)}
    for i, ref in parsed.references:
        if ref["id"] not in cited:
            yield ("references", i, "id"), (f"reference '{ref['id']}' is not cited by any statement; cite it "
                                            "where it is used, or delete it")


INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")
DATE_FIELDS = frozenset({"date", "revision_date", "last_reviewed"})
URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\s<>\\`^{}|]*)?")
"""An http(s) address: an ASCII host name (no credentials), an optional port, then no white space,
angle brackets, backslashes, backticks, carets, braces or bars."""


@rule("text-invisible", "error", "data")
def no_invisible_characters(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """No invisible character (soft hyphen, zero-width, bidi mark, byte-order mark) in a value."""
    for loc, text in parsed.beyond_ascii:  # every invisible character is outside ASCII
        found = INVISIBLE.search(text)
        if found:
            yield loc, (f"invisible character U+{ord(found.group()):04X} in the text: it hides the text from "
                        "search and can reorder what is shown; delete it")


@rule("text-line-separator", "error", "data")
def no_line_separators(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """No Unicode line or paragraph separator in a value (write a YAML line break instead)."""
    for loc, text in parsed.beyond_ascii:
        found = LINE_SEPARATORS.search(text)
        if found:
            yield loc, f"line separator U+{ord(found.group()):04X} in the text; use a plain space or line break"


@rule("text-trailing-newline", "error", "data")
def no_trailing_newline(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """No value ends in a line break (write a block scalar as '>-' or '|-', not '>' or '|')."""
    for loc, text in parsed.texts:
        if text.endswith(("\n", "\r")):
            yield loc, "the text ends in a line break; write the block as '>-' or '|-'"


@rule("number-finite", "error", "data")
def numbers_finite(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Every number is finite (no .inf, .nan or a value too large to hold, such as 1e999)."""
    for loc, value in parsed.floats:
        if not math.isfinite(value):
            yield loc, (f"the number is {value}, not a finite value (too large, or written as .inf or .nan); "
                        "write the source's number")


@rule("date-digits", "error", "data")
def dates_in_ascii_digits(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Dates are written with the digits 0-9 only (not another script's digits)."""
    for loc, text in parsed.beyond_ascii:
        if loc[-1] in DATE_FIELDS:
            yield loc, "the date uses characters other than the digits 0-9 and '-'; write it as YYYY-MM-DD"


@rule("url-scheme", "error", "data")
def urls_are_http(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A reference's url is an http or https address with a host name, without credentials or spaces."""
    for i, ref in parsed.references:
        url = ref.get("url")
        if isinstance(url, str) and not URL.fullmatch(url):
            yield ("references", i, "url"), ("the url is not an http:// or https:// address with a host name "
                                             "(and no credentials, white space, angle brackets or backslashes); "
                                             "correct it")


@rule("date-future", "error", "model")
def dates_not_in_future(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """No event, reference or review date lies after today."""
    for loc, value in _dates(m):
        if earliest_day(value) > settings.today:
            yield loc, f"date {value} is in the future (today is {settings.today.isoformat()}); correct it"


@rule("stage-events", "error", "model")
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
            yield loc, (f"an investigational drug cannot have a '{kind}' event; set stage to 'approved' "
                         "or delete the event")
    elif m.status.stage == "approved" and not approvals:
        yield ("status", "stage"), ("stage is 'approved' but no regulator lists an approval event; add the "
                                   "approval or set stage to 'investigational'")


@rule("event-order", "error", "model")
def events_in_date_order(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Each regulator's events are listed oldest first."""
    for r, history in enumerate(m.status.regulators):
        for e in range(1, len(history.events)):
            before, event = history.events[e - 1], history.events[e]
            if earliest_day(event.date) < earliest_day(before.date):
                yield (("status", "regulators", r, "events", e, "date"),
                       f"event dated {event.date} is listed after one dated {before.date}; list events oldest first")


@rule("stale-review", "warning", "model")
def review_is_recent(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """The last review is no older than the allowed age (12 months unless configured)."""
    reviewed = earliest_day(m.review.last_reviewed)
    if add_months(reviewed, settings.review_age_months) < settings.today:
        yield (("review", "last_reviewed"),
               f"last reviewed {m.review.last_reviewed}, more than "
               f"{settings.review_age_months} months ago; check it against its sources and update the date")


@rule("id-duplicate", "error", "library")
def ids_unique(entries: list[Entry]) -> Iterator[tuple[Entry, Loc, str]]:
    """No two monographs share an id."""
    first: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in first:
            yield entry, ("id",), (f"id '{entry.id}' is also used by {first[entry.id].path}; give each "
                                   "monograph its own id")
        first.setdefault(entry.id, entry)


@rule("name-duplicate", "error", "library")
def names_unique(entries: list[Entry]) -> Iterator[tuple[Entry, Loc, str]]:
    """No name belongs to two monographs, unless all but one mark it 'claimed_by_source'."""
    owner: dict[str, Entry] = {}
    for entry in entries:
        for loc, name, claimed in entry.names:
            if claimed:
                continue
            other = owner.setdefault(name.casefold(), entry)
            if other.id != entry.id:
                yield entry, loc, (f"name '{name}' also belongs to '{other.id}' ({other.path}); keep it in "
                                      "one, or mark it claimed_by_source where only a source gives it")


@rule("boxed-warning", "error", "model")
def labelled_drugs_state_boxed_warning(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """An approved drug whose label was read states whether it has a boxed warning; one without a label does not.

    An approved drug whose label text was not available (its dose is then unlabelled) may leave it out.
    """
    if m.status.stage == "approved" and m.safety.boxed_warning is None and m.dosing.unlabelled is None:
        yield ("safety",), ("an approved drug must say whether its label carries a boxed warning; "
                              "add boxed_warning with present: true or false")
    elif m.status.stage != "approved" and m.safety.boxed_warning is not None:
        yield ("safety", "boxed_warning"), ("a drug without an approval has no label, so no boxed "
                                                "warning; delete it")


@rule("table-name-duplicate", "error", "table")
def table_names_unique(table: ComedicationTable, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """No id, name, spelling or brand of the interaction table belongs to two entries."""
    owner: dict[str, str] = {}
    for i, entry in enumerate(table.comedications):
        names = [(("id",), entry.id), (("name",), entry.name)] + [
            ((field, j), name) for field in ("spellings", "brands") for j, name in enumerate(getattr(entry, field))]
        for loc, name in names:
            first = owner.setdefault(name.casefold(), entry.id)
            if first != entry.id:
                yield ("comedications", i) + loc, f"'{name}' also names '{first}'; keep each name in one entry"


@rule("class-conflict-unexplained", "error", "table")
def rival_classes_explained(table: ComedicationTable, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A drug that sources put in rival classes (strong and moderate) says why in its notes."""
    for i, entry in enumerate(table.comedications):
        given = {claim.acts_as for claim in entry.classes}
        for rivals in RIVAL_CLASSES:
            if rivals <= given and not entry.notes:
                named = " and ".join(CLASS_LABELS[c] for c in sorted(rivals, reverse=True))
                yield ("comedications", i, "classes"), (f"'{entry.id}' is listed as {named}: add a note "
                                                        "that says which source gives which, and why they differ")


@rule("regulator-vocabulary", "warning", "model")
def regulators_from_vocabulary(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """Each timeline names a vocabulary regulator (FDA, European Commission, MHRA, PMDA, NMPA, ...) of its region."""
    for r, history in enumerate(m.status.regulators):
        named = regulator_named(history.regulator)
        loc = ("status", "regulators", r, "regulator")
        if named is None:
            yield loc, (f"'{history.regulator}' is not a regulator of the vocabulary: start with one of "
                        f"{', '.join(REGULATORS)}")
        elif named and history.region and REGULATORS[named] != history.region:
            yield loc, (f"{named} decides for {REGULATORS[named]}, not {history.region}; correct the region "
                        "or the regulator")


def regulator_named(text: str) -> str | None:
    """The vocabulary regulator a timeline's name starts with, '' for a timeline no regulator keeps
    (a trial registry), None when it names none."""
    if text.startswith(NOT_REGULATORS):
        return ""
    first = text.replace("/", " ").replace("(", " ").split()
    for name in sorted(REGULATORS, key=len, reverse=True):
        if text == name or text.startswith((name + " ", name + "(", name + "/")):
            return name
    alias = REGULATOR_ALIASES.get(first[0]) if first else None
    return alias


@rule("decision-overdue", "warning", "model")
def pending_decisions_not_overdue(m: Monograph, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A decision recorded as pending whose scheduled date has passed needs its outcome recorded."""
    for r, history in enumerate(m.status.regulators):
        for e, event in enumerate(history.events):
            if event.pending and event.decision_due and latest_day(event.decision_due) < settings.today:
                yield (("status", "regulators", r, "events", e, "decision_due"),
                       f"{history.regulator}'s decision was due {event.decision_due} and is still recorded as "
                       "pending: record the outcome (or the new date)")


def latest_day(value: str) -> dt.date:
    """The last calendar day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return dt.date(parts[0], month, calendar.monthrange(parts[0], month)[1])


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


REGIONAL = (("indications",), ("dosing", "regimens"), ("dosing", "reductions"), ("dosing", "hepatic"),
            ("dosing", "renal"), ("dosing", "cyp3a4"), ("dosing", "other_interactions"),
            ("safety", "warnings"), ("safety", "pregnancy"), ("contraindications", "none_stated"),
            ("contraindications", "listed"), ("reproduction", "pregnancy"), ("reproduction", "contraception"),
            ("reproduction", "lactation"), ("effects_on_other_drugs",))
"""Where every statement of an approved drug is a label fact and must say whose label it is."""


@rule("region-missing", "error", "data")
def label_facts_name_their_region(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """An approved drug's label statements (indications to lactation, see REGIONAL) name their regions."""
    if _get(parsed.data, ("status", "stage")) != "approved":
        return
    for path in REGIONAL:
        items = _get(parsed.data, path)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and not item.get("regions"):
                yield path + (i,), ("say whose label this is: regions: [US], [EU], ... (a user reads one "
                                    "regulator's label at a time)")
    boxed = _get(parsed.data, ("safety", "boxed_warning"))
    if isinstance(boxed, dict) and not boxed.get("regions"):
        yield ("safety", "boxed_warning"), "say whose label this is: regions: [US], [EU], ..."
    for r, history in enumerate(_get(parsed.data, ("status", "regulators")) or []):
        if isinstance(history, dict) and not history.get("region"):
            yield ("status", "regulators", r), f"say which region {history.get('regulator')!r} decides for: region: US, EU, ..."


@rule("region-citation", "error", "data")
def regions_rest_on_their_labels(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A statement for a region cites a reference of that region, or says why not (region_note)."""
    region_of = {ref["id"]: ref.get("region") for _, ref in parsed.references}
    for loc, statement in parsed.statements:
        regions = statement.get("regions")
        if not isinstance(regions, list) or statement.get("region_note"):
            continue
        carried = {region_of.get(ref) for ref in statement["cite"] if isinstance(ref, str)}
        for region in regions:
            if region not in carried:
                yield loc + ("regions",), (f"a {region} statement cites no {region} reference (a reference "
                                           f"with region: {region}); cite one, or say why in region_note")


@rule("reference-region", "warning", "data")
def labels_name_their_region(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A regulatory label or decision names its region."""
    for i, ref in parsed.references:
        if ref.get("tier") in ("regulatory-label", "regulatory-decision") and not ref.get("region"):
            yield ("references", i, "id"), f"'{ref['id']}' is a regulator's text: say whose (region: US, EU, ...)"


SHORT_MAX = 72
"""Longest short form, in characters: one line of the first screen beside its label and markers."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@rule("short-form", "error", "data")
def short_forms_keep_the_numbers(parsed: Parsed, loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    """A short form fits one line and carries only numbers its full statement states."""
    for loc, statement in parsed.statements:
        short = statement.get("short")
        if not isinstance(short, str):
            continue
        if len(short) > SHORT_MAX:
            yield loc + ("short",), f"short form has {len(short)} characters; shorten it to {SHORT_MAX} at most"
        full = " ".join(str(v) for k, v in statement.items() if k not in ("short", "cite", "at", "curator_note"))
        missing = sorted(set(_NUMBER.findall(short)) - set(_NUMBER.findall(full)))
        if missing:
            yield loc + ("short",), (f"short form has {', '.join(missing)}, which the full statement does not "
                                    "state; use only its numbers")


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data
