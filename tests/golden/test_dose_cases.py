"""The golden dose cases, written from the labels, run through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED

CASES = Path(__file__).parent / "dose"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["drug"], case, id=f"{data['drug']}:{case['id']}")


def _phrase(amount: dict) -> str:
    return f"{amount['mg_exact']} mg {amount['frequency']}"


@pytest.mark.parametrize(("drug", "case"), list(_cases()))
def test_golden_dose_case(cli, drug, case):
    result = cli("dose", drug, "--region", case["region"], *map(str, case.get("args", [])), "--json",
                 "--data-dir", str(SHIPPED))
    expect = case["expect"]
    assert result.exit_code == expect["exit"], result.stdout + result.stderr
    if expect["exit"] == 2:
        return
    answer = json.loads(result.stdout)
    if "dose" in expect:
        assert answer["dose"] is not None, answer["reasons"]
        assert _phrase(answer["dose"]) == expect["dose"]
    if "lead_in" in expect:
        lead_in = answer["dose"]["lead_in"]
        shown = None if lead_in is None else f"{_phrase(lead_in)} for {lead_in['days']} days"
        assert shown == expect["lead_in"]
    if expect.get("discontinue"):
        assert answer["discontinue"], answer
    if "asks" in expect:
        assert answer["dose"] is None
        assert expect["asks"] in " ".join(answer["reasons"]), answer["reasons"]


def test_every_approved_drug_has_25_cases():
    counts = {}
    for path in CASES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts[data["drug"]] = len(data["cases"])
    for drug in ("larotrectinib", "entrectinib", "repotrectinib"):
        assert counts.get(drug, 0) >= 25, counts
