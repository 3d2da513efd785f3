"""One regulator's label at a time: --region, TRKMONO_REGION, and what each screen keeps."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import SHIPPED
from trkmono import terms


def _held(drug: str) -> list[str]:
    """The regions a shipped monograph has label statements for, read from its file."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(node.get("regions") or ())
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)
    walk(yaml.safe_load((SHIPPED / f"{drug}.yaml").read_text(encoding="utf-8")))
    return sorted(found) or [terms.DEFAULT_REGION]


DRUGS = sorted(p.stem for p in SHIPPED.glob("*.yaml"))


def test_unknown_region_is_a_usage_error_before_anything_is_read(cli):
    result = cli("show", "larotrectinib", "--region", "Mars")
    assert result.exit_code == 2
    assert "--region 'Mars': a region is one of US, EU, UK" in result.stderr
    assert result.stdout == ""


def test_region_from_the_environment_and_the_option_wins(cli):
    env_eu = cli("dose", "repotrectinib", "--json", env={"TRKMONO_REGION": "eu"})
    assert json.loads(env_eu.stdout)["region"] == "EU"
    option = cli("dose", "repotrectinib", "--json", "--region", "us", env={"TRKMONO_REGION": "EU"})
    assert json.loads(option.stdout)["region"] == "US"
    assert json.loads(cli("dose", "repotrectinib", "--json").stdout)["region"] == terms.DEFAULT_REGION
    bad = cli("list", env={"TRKMONO_REGION": "XX"})
    assert bad.exit_code == 2 and "TRKMONO_REGION 'XX'" in bad.stderr


def test_screen_one_names_the_region_and_what_differs_elsewhere(cli):
    us = cli("show", "repotrectinib", "--brief", "--no-pager", env={"COLUMNS": "80"}).stdout
    eu = cli("show", "repotrectinib", "--brief", "--no-pager", "--region", "EU", env={"COLUMNS": "80"}).stdout
    assert "US label (FDA)" in us.splitlines()[0]
    assert "EU label (European Commission (EMA))" in eu.splitlines()[0]
    assert "\nElsewhere  EU label differs in " in us and "(--region EU)" in " ".join(us.split())
    assert "\nElsewhere  US label differs in " in eu and "(--region US)" in " ".join(eu.split())


def test_a_region_without_a_label_says_so(cli):
    out = cli("show", "repotrectinib", "--brief", "--no-pager", "--region", "JP").stdout
    assert "no JP label (labels held: US, EU)" in out.splitlines()[0]
    data = json.loads(cli("dose", "repotrectinib", "--region", "JP", "--json").stdout)
    assert data["dose"] is None


def test_json_keeps_only_the_regions_statements(cli):
    data = json.loads(cli("show", "repotrectinib", "--json", "--region", "EU").stdout)["monograph"]
    for regimen in data["dosing"]["regimens"]:
        assert "EU" in regimen["regions"] or not regimen["regions"]
    assert data["region"] == "EU" and "US" in data["regions_held"]


@pytest.mark.parametrize("drug", DRUGS)
def test_screen_one_never_cuts_an_item_in_any_region(cli, drug):
    for region in _held(drug):
        result = cli("show", drug, "--brief", "--no-pager", "--region", region, env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.stderr
        assert "…" not in result.stdout, (region, result.stdout)
        assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_list_status_follows_the_region(cli):
    us = cli("list", "--no-pager", env={"COLUMNS": "120"}).stdout
    eu = cli("list", "--no-pager", "--region", "EU", env={"COLUMNS": "120"}).stdout
    assert "Status" in us.splitlines()[0] and us != eu
