"""Every registered rule, one by one: a snippet that breaks it and one that keeps it (as yamllint
tests its rules), each written into a real file and checked by the real reader, loader and rules.

Each case edits the fictional valid monograph (or the shipped interaction table): the failing edit
must produce a finding of the rule, the passing edit (often a near miss) none at all. A rule
registered without a case fails ``test_every_registered_rule_has_a_case``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, VALID
from trkmono.checking.rules import Settings
from trkmono.checking.validate import validate
from trkmono.reading.folders import MAX_BYTES
from trkmono.reading.yamlsafe import MAX_DEPTH
from trkmono.rulebook import RULES

TABLE = REPO / "data" / "comedications.yaml"
SETTINGS = Settings(today=dt.date(2027, 1, 1))
"""A fixed today: after every date of the fixtures, within 12 months of the fixture's review."""

Edit = Callable[[str], "bytes | None"]
"""The base file's text to the bytes to write; None writes a link to nothing instead."""


def swap(old: str, new: str, codec: str = "utf-8") -> Edit:
    """Replace the first ``old`` (which must be there) with ``new``."""
    def edit(text: str) -> bytes:
        assert old in text, old
        return text.replace(old, new, 1).encode(codec)
    return edit


def unchanged(text: str) -> bytes:
    return text.encode("utf-8")


def whole(content: str) -> Edit:
    """The file holds ``content`` instead."""
    return lambda text: content.encode("utf-8")


def dangling(text: str) -> None:
    return None


@dataclass(frozen=True)
class Case:
    """A rule, an edit that breaks it and one that keeps it; ``beside``: the edit is made to a second
    copy of the base (in a folder of its own, named by its id) checked together with the first."""

    rule: str
    bad: Edit
    good: Edit = unchanged
    base: Path = VALID
    beside: bool = False


def case(rule: str, old: str, bad: str, good: str | None = None, **options) -> Case:
    """A case made of replacements of ``old`` in the base file."""
    return Case(rule, swap(old, bad), unchanged if good is None else swap(old, good), **options)


HEADER = "# A fictional drug"
SIZE = len(VALID.read_bytes())
ROUTE = "  route: {text: oral, cite: [test-label]}"
LAST = "evidence: unconfirmed, cite: [test-blog]}\n"
BLUE = "{text: Some say it is blue., evidence: unconfirmed, cite: [test-blog]}"
WARNING = "{regions: [US], title: Dizziness, text: May cause dizziness., cite: [test-label]}"
NAMES = ("id: testinib\nidentity:\n  generic_name: testinib\n  codes:\n    - {name: TST-001, cite: [test-label]}\n"
         "  brands:\n    - {name: Testra,")
RENAMED = NAMES.replace("testinib", "othernib").replace("TST-", "OTH-").replace("Testra", "Othra")
EVENT = 'date: "2020-01-15"\n          kind'
PENDING = ('          cite: [test-label]\n        - {{date: "2026-06-01", kind: priority-review, indication: x, '
           'pending: true, decision_due: "{due}", cite: [test-label]}}\nindications:')
SUMMARY = "  summary: {text: Blocks a fictional kinase., cite: [test-label]}"
BLOG = "    publisher: Nobody\n    tier: secondary-web\n"
ITRACONAZOLE = "  - acts_as: p-gp-inhibitor\n    cite: [lexicomp-p-gp]\n    evidence: unconfirmed\n- id: ketoconazole"
RIVAL = "  - acts_as: moderate-cyp3a-inhibitor\n    cite: [lexicomp-cyp3a]\n    evidence: unconfirmed\n"
WHY = "  notes:\n  - text: Sources grade it differently.\n    cite: [lexicomp-cyp3a]\n    evidence: unconfirmed\n"

CASES = [
    # read: the bytes and the YAML
    Case("unreadable", dangling),
    case("file-size", HEADER, "#" + "x" * MAX_BYTES + "\n" + HEADER, "#" + "x" * (MAX_BYTES - SIZE - 2) + "\n" + HEADER),
    Case("encoding", swap("kinase.", "kinase (café).", "latin-1"), swap("kinase.", "kinase (café).")),
    Case("empty-file", whole(" \n\n"), whole("# only a comment, then the monograph\n" + VALID.read_text())),
    case("control-character", "May cause dizziness.", "May cause \x1bdizziness.", '"May cause\\tdizziness."'),
    case("yaml-syntax", ROUTE, ROUTE[:-1], ROUTE.replace("oral", "'oral, by mouth'")),
    case("multiple-documents", LAST, LAST + "---\nid: more\n", LAST + "...\n"),
    case("duplicate-key", ROUTE, ROUTE.replace("{", "{text: oral, "), ROUTE.replace("{", "{regions: [US], ")),
    case("anchor-alias", ROUTE, ROUTE.replace("{", "&route {"), ROUTE.replace("oral", "oral &route")),
    case("explicit-tag", ROUTE, ROUTE.replace("{", "!!map {"), ROUTE.replace("oral", "'!!map oral'")),
    case("key-type", "review:\n", "review:\n  ? [a, b]\n  : x\n"),
    case("nesting-depth", "  - {term: fatigue,", "  - {x: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + ", term: fatigue,"),
    # load: the shape against the schema
    Case("root-type", whole("- id: testinib\n")),
    case("schema", "  generic_name: testinib", "  generic_nme: testinib"),
    # data: the parsed YAML
    case("citation-unresolved", WARNING, WARNING.replace("[test-label]", "[no-such-ref]"),
         WARNING.replace("[test-label]", "[test-label, test-blog]")),
    case("reference-duplicate", "  - id: test-blog", "  - id: test-label"),
    case("id-filename", "id: testinib", "id: othernib"),
    case("evidence-status", BLUE, BLUE.replace("evidence: unconfirmed, ", ""),
         BLUE.replace("unconfirmed, cite: [test-blog]", "corroborated, cite: [test-blog, test-label]")),
    case("locator-uncited", BLUE, BLUE.replace("}", ", at: {test-label: §2}}"), BLUE.replace("}", ", at: {test-blog: §2}}")),
    case("label-version", '    revision_date: "2020-01"\n', "", "    spl_version: 3\n"),
    case("reference-uncited", LAST, LAST.replace("test-blog", "test-label")),
    case("text-invisible", "May cause dizziness.", "May cause dizzi\u00adness.", "May cause dizzi-ness."),
    case("text-line-separator", "May cause dizziness.", '"May cause\\Ldizziness."', '"May cause\\ndizziness."'),
    case("text-trailing-newline", SUMMARY, "  summary:\n    text: >\n      Blocks a fictional kinase.\n    cite: [test-label]",
         "  summary:\n    text: >-\n      Blocks a fictional kinase.\n    cite: [test-label]"),
    case("number-finite", "frequency_percent: 10,", "frequency_percent: 1e999,", "frequency_percent: 1e1,"),
    case("date-digits", 'last_reviewed: "2026-11-01"', 'last_reviewed: "２026-11-01"'),
    case("url-scheme", BLOG, BLOG + "    url: ftp://example.org/post\n", BLOG + "    url: https://example.org/post\n"),
    case("region-missing", WARNING, WARNING.replace("regions: [US], ", "")),
    case("region-citation", WARNING, WARNING.replace("[US]", "[EU]"),
         WARNING.replace("[US]", "[EU], region_note: the EU text was not read")),
    case("reference-region", "  - region: US\n    id: test-label", "  - id: test-label"),
    case("short-form", WARNING, WARNING.replace("text:", "short: Dizziness in 40%, text:"),
         WARNING.replace("text:", "short: Dizziness, text:")),
    # model: a valid monograph
    case("date-future", EVENT, EVENT.replace("2020-01-15", "2027-01-02"), EVENT.replace("2020-01-15", "2027-01-01")),
    case("stage-events", "  stage: approved", "  stage: investigational\n"),
    case("event-order", "          cite: [test-label]\nindications:",
         '          cite: [test-label]\n        - {date: "2019-01-01", kind: label-update, indication: x, cite: [test-label]}\n'
         "indications:",
         '          cite: [test-label]\n        - {date: "2021-01-01", kind: label-update, indication: x, cite: [test-label]}\n'
         "indications:"),
    case("stale-review", 'last_reviewed: "2026-11-01"', 'last_reviewed: "2025-12-31"', 'last_reviewed: "2026-01-01"'),
    case("regulator-vocabulary", "      regulator: FDA\n", "      regulator: Food Board\n", "      regulator: FDA (CDER)\n"),
    case("decision-overdue", "          cite: [test-label]\nindications:", PENDING.format(due="2026-12"),
         PENDING.format(due="2027-01")),
    case("boxed-warning", "  boxed_warning: {regions: [US], present: false, cite: [test-label]}\n", ""),
    # table: a valid interaction table
    case("table-name-duplicate", "spellings: [rifampin]", "spellings: [rifampin, itraconazole]",
         "spellings: [rifampin, rifampicine]", base=TABLE),
    case("class-conflict-unexplained", ITRACONAZOLE, RIVAL + ITRACONAZOLE,
         RIVAL + ITRACONAZOLE.replace("- id: ketoconazole", WHY + "- id: ketoconazole"), base=TABLE),
    # library: every valid monograph together (the edit is made to a second monograph)
    case("id-duplicate", NAMES, RENAMED.replace("id: othernib", "id: testinib"), RENAMED, beside=True),
    case("name-duplicate", NAMES, NAMES.replace("testinib", "othernib"), RENAMED, beside=True),
]


def findings(tmp_path: Path, c: Case, edit: Edit) -> list:
    """Every finding of validate on the edited file (beside the untouched base, for a library rule)."""
    text = c.base.read_text(encoding="utf-8")
    first = tmp_path / c.base.name
    files = [first]
    if c.beside:
        first.write_text(text, encoding="utf-8")
        content = edit(text)
        name = re.search(rb"^id: (\S+)", content, re.M).group(1).decode()
        (tmp_path / "other").mkdir()
        files.append(tmp_path / "other" / f"{name}.yaml")
        files[-1].write_bytes(content)
    else:
        content = edit(text)
        if content is None:
            first.symlink_to(tmp_path / "nothing-here.yaml")
        else:
            first.write_bytes(content)
    return validate(files, SETTINGS, jobs=1)


IDS = [f"{c.rule}" for c in CASES]


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_the_failing_snippet_breaks_the_rule(tmp_path, c):
    found = findings(tmp_path, c, c.bad)
    mine = [p for p in found if p.rule == c.rule]
    assert mine, found
    assert {p.level for p in mine} == {next(r.level for r in RULES if r.name == c.rule)}


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_the_passing_snippet_is_clean(tmp_path, c):
    assert findings(tmp_path, c, c.good) == []


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_every_message_says_what_to_do(tmp_path, c):
    """One voice: what is wrong, then (after ';' or ':') what to do."""
    for p in findings(tmp_path, c, c.bad):
        if p.rule == c.rule:
            assert re.search(r"[;:] \S", p.message), p


def test_every_registered_rule_has_a_case():
    assert sorted({r.name for r in RULES}) == sorted({c.rule for c in CASES})
