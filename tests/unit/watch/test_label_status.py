"""A label's status from its recorded versions, and the claims that rest on a reference."""

from __future__ import annotations

import pytest

from trkmono.watch.dailymed import History, Version
from trkmono.watch.labels import Label, Report, Use, claims_citing, version_status

SET_ID = "aaaaaaaa-1111-4111-8111-000000000001"


@pytest.mark.parametrize(("recorded", "newest", "status"), [
    (4, 4, "current"), (3, 4, "newer"), (5, 4, "unlisted"), (None, 4, "unrecorded")])
def test_version_status(recorded, newest, status):
    assert version_status(recorded, newest) == status


def label(*recorded: int | None, newest: int = 4) -> Label:
    uses = [Use(f"drug{i}", f"drug{i}", "us-label", v, 1) for i, v in enumerate(recorded)]
    return Label(SET_ID, uses, History(SET_ID, "http://x", None, [Version(newest, "2025-04-10")]))


def test_the_most_urgent_status_of_a_shared_label_wins():
    assert label(4, 4).status == "current"
    assert label(None, 4).status == "unrecorded"
    assert label(None, 3).status == "newer"
    assert label(5, None).status == "unlisted"
    assert label(None, 4, 3).recorded_versions == [None, 3, 4]


def test_a_report_counts_statuses_and_is_current_only_when_every_label_is():
    report = Report("http://x", [label(4), label(3), label(4)])
    assert report.summary() == "3 label(s): 1 with a newer version, 2 current"
    assert not report.all_current
    assert Report("http://x", [label(4)]).all_current
    assert Report("http://x", []).all_current and Report("http://x", []).summary() == "0 label(s)"


def test_claims_are_mappings_whose_cite_list_names_the_reference_anywhere():
    monograph = {
        "identity": {"route": {"text": "oral", "cite": ["us-label"]},
                     "brands": [{"name": "A", "cite": ["eu-label"]}, {"name": "B", "cite": ["us-label", "eu-label"]}]},
        "status": {"cite": ["us-label"], "regulators": [{"events": [{"cite": ["us-label"], "at": {"us-label": "§1"}}]}]},
        "references": [{"id": "us-label", "title": "cite us-label"}],
        "review": {"caveats": [{"text": "mentions us-label", "cite": ["eu-label"]}]},
    }
    assert claims_citing(monograph, "us-label") == 4
    assert claims_citing(monograph, "eu-label") == 3
    assert claims_citing(monograph, "other") == 0
