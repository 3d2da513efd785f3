"""Reading DailyMed's version-history answer and checking the service address, without a network."""

from __future__ import annotations

import json

import pytest

from trkmono.errors import ServiceError, UsageError
from trkmono.watch import dailymed

LOXO = "9525f887-a055-4e33-8e92-898d42828cd1"
ADDRESS = f"https://dailymed.nlm.nih.gov/dailymed/services/v2/spls/{LOXO}/history.json"
DOCUMENTED = {  # the example answer in the project's source notes
    "data": {
        "spl": {"title": "VITRAKVI (LAROTRECTINIB) CAPSULE VITRAKVI (LAROTRECTINIB) SOLUTION [LOXO ONCOLOGY, INC.]",
                "setid": LOXO},
        "history": [{"spl_version": 3, "published_date": "May 02, 2019"},
                    {"spl_version": 1, "published_date": "Dec 06, 2018"}]},
    "metadata": {"db_published_date": "May 12, 2021 05:41:50PM EST", "elements_per_page": 100,
                 "current_url": f"https://dailymed.nlm.nih.gov/dailymed/services/v2/spls/{LOXO}/history",
                 "next_page_url": "null", "total_elements": 2, "total_pages": 1, "current_page": 1,
                 "previous_page": "null", "previous_page_url": "null", "next_page": "null"},
}


def parse(document: object) -> dailymed.History:
    return dailymed.parse(json.dumps(document).encode(), LOXO, ADDRESS)


def test_the_documented_answer_reads_newest_first_with_iso_dates():
    found = parse(DOCUMENTED)
    assert found.newest == dailymed.Version(3, "2019-05-02")
    assert found.versions == [dailymed.Version(3, "2019-05-02"), dailymed.Version(1, "2018-12-06")]
    assert found.title.startswith("VITRAKVI (LAROTRECTINIB)") and found.address == ADDRESS


def test_the_newest_is_the_highest_version_whatever_the_order():
    document = json.loads(json.dumps(DOCUMENTED))
    document["data"]["history"].reverse()
    assert parse(document).newest.number == 3


@pytest.mark.parametrize(("change", "reason"), [
    ({"setid": "0c8ca614-58b2-4aa4-83d3-0387a8f782fd"}, "is about set id '0c8ca614"),
    ({"history": [{"spl_version": 3, "published_date": "Feb 30, 2019"}]}, "not a date like"),
    ({"history": [{"spl_version": 3, "published_date": "Mai 02, 2019"}]}, "not a date like"),
    ({"history": [{"spl_version": True, "published_date": "May 02, 2019"}]}, "no positive spl_version"),
    ({"history": [{"spl_version": 3.0, "published_date": "May 02, 2019"}]}, "no positive spl_version"),
    ({"history": ["3"]}, "no positive spl_version"),
    ({"history": {"spl_version": 3}}, "no version history"),
])
def test_an_unusable_answer_is_a_service_error_naming_the_address(change, reason):
    document = json.loads(json.dumps(DOCUMENTED))
    if "setid" in change:
        document["data"]["spl"]["setid"] = change["setid"]
    else:
        document["data"]["history"] = change["history"]
    with pytest.raises(ServiceError, match=reason) as raised:
        parse(document)
    assert str(raised.value).startswith(f"DailyMed at {ADDRESS}: ")
    assert raised.value.exit_code == 3


@pytest.mark.parametrize("body", [b"", b"\xff\xfe\x00garbage", b"[" * 100_000, b"null", b"[]"])
def test_anything_but_the_documented_json_is_a_service_error(body):
    with pytest.raises(ServiceError):
        dailymed.parse(body, LOXO, ADDRESS)


def test_a_version_written_as_digits_is_read():
    document = json.loads(json.dumps(DOCUMENTED))
    document["data"]["history"] = [{"spl_version": "4", "published_date": "Apr 1, 2025"}]
    assert parse(document).newest == dailymed.Version(4, "2025-04-01")


def test_control_characters_in_the_title_are_escaped():
    document = json.loads(json.dumps(DOCUMENTED))
    document["data"]["spl"]["title"] = "VITRAKVI\x1b[31m"
    assert "\x1b" not in parse(document).title


def test_a_malformed_set_id_is_refused_before_any_request():
    # the address has no listener; the set id is refused before a connection is tried
    with pytest.raises(ServiceError, match="'9525F887' is not an SPL set id"):
        dailymed.history("http://127.0.0.1:9", "9525F887", timeout=0.1)


@pytest.mark.parametrize(("given", "used"), [
    ("https://dailymed.nlm.nih.gov/dailymed", "https://dailymed.nlm.nih.gov/dailymed"),
    ("http://mirror.example.org:8080/dailymed/", "http://mirror.example.org:8080/dailymed"),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
])
def test_a_base_address_loses_its_trailing_slash(given, used):
    assert dailymed.base_address(given) == used
    assert dailymed.history_address(used, LOXO) == f"{used}/services/v2/spls/{LOXO}/history.json"


@pytest.mark.parametrize("given", ["", "dailymed", "file:///etc/passwd", "https://", "http://h:99999",
                                   "http://h/x#y", "http://h/\x1b", "http://h/a b"])
def test_a_malformed_base_address_is_a_usage_error(given):
    with pytest.raises(UsageError):
        dailymed.base_address(given)
