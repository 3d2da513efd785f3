"""Names that two monographs answer to: the primary holder opens with a note, anything else is ambiguous."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, LENIENT_AGE

SHARED = str(FIXTURES / "ambiguity" / "shared")
"""alphatinib and betatinib both hold SHR-100 as their own code; blogs claim SHR-300 for both."""
CLAIMED = str(FIXTURES / "ambiguity" / "claimed")
"""gammatinib holds SHR-200; a blog cited by deltatinib claims it too."""


def monograph(cli, *args: str) -> dict:
    result = cli("show", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["monograph"]


def codes(data: dict) -> dict[str, bool]:
    return {c["name"]: c["claimed_by_source"] for c in data["identity"]["codes"]}


# --- the shipped library: LOXO-195 and BAY 2731954 ----------------------------------------------


def test_selitrectinib_holds_its_codes_and_utatrectinib_only_claims_them(cli):
    seli, uta = codes(monograph(cli, "selitrectinib")), codes(monograph(cli, "utatrectinib"))
    for code in ("LOXO-195", "BAY 2731954"):
        assert seli[code] is False
        assert uta[code] is True


@pytest.mark.parametrize("name", ["LOXO-195", "loxo-195", "BAY 2731954", "bay 2731954"])
def test_code_opens_selitrectinib_with_a_note_naming_utatrectinib(cli, name):
    result = cli("show", name, "--brief")
    assert result.exit_code == 0
    assert result.stdout.startswith("SELITRECTINIB")
    assert result.stderr == (f"trkmono: note: '{name}' is selitrectinib's name; a source cited by utatrectinib "
                             "also claims it\n")


def test_note_goes_to_stderr_only_and_quiet_silences_it(cli):
    shown = cli("show", "LOXO-195", "--json")
    assert json.loads(shown.stdout)["monograph"]["id"] == "selitrectinib"
    assert "utatrectinib" in shown.stderr
    quiet = cli("show", "LOXO-195", "--brief", "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_utatrectinib_by_its_own_name_has_no_note(cli):
    result = cli("show", "utatrectinib", "--brief")
    assert result.exit_code == 0 and result.stderr == ""


def test_other_commands_follow_the_same_owner(cli):
    result = cli("interactions", "LOXO-195")
    assert result.exit_code == 0
    assert result.stdout.startswith("SELITRECTINIB — interactions")
    assert "utatrectinib" in result.stderr


# --- two monographs hold the same name as their own --------------------------------------------


def test_name_held_by_two_monographs_is_ambiguous(cli):
    result = cli("show", "SHR-100", "--data-dir", SHARED)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("trkmono: 'SHR-100' is ambiguous: it names alphatinib (its own name); betatinib "
                             "(its own name). Give one of these ids instead.\n")


def test_ambiguous_json_carries_the_candidates(cli):
    result = cli("show", "shr-100", "--json", "--data-dir", SHARED)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["kind"] == "error"
    assert data["error"]["type"] == "Ambiguous" and data["error"]["exit_code"] == 1
    assert data["error"]["candidates"] == [{"id": "alphatinib", "why": "its own name"},
                                           {"id": "betatinib", "why": "its own name"}]
    assert "ambiguous" in result.stderr


@pytest.mark.parametrize("command", [["dose"], ["interactions"], ["compare", "alphatinib"]])
def test_every_command_that_takes_a_name_refuses_to_pick(cli, command):
    result = cli(*command, "SHR-100", "--data-dir", SHARED)
    assert result.exit_code == 1
    assert "'SHR-100' is ambiguous" in result.stderr


def test_both_monographs_still_open_by_their_own_names(cli):
    for name in ("alphatinib", "betatinib"):
        assert monograph(cli, name, "--data-dir", SHARED)["id"] == name
    listed = json.loads(cli("list", "--json", "--data-dir", SHARED).stdout)
    assert [m["id"] for m in listed["monographs"]] == ["alphatinib", "betatinib"]


def test_validate_reports_the_shared_name(cli):
    result = cli("validate", SHARED, *LENIENT_AGE)
    assert result.exit_code == 1
    assert "betatinib.yaml:8:" in result.stdout
    assert "error: name 'SHR-100' also belongs to 'alphatinib'" in result.stdout
    assert "(name-duplicate)" in result.stdout
    assert "SHR-300" not in result.stdout  # claimed names are never duplicates


# --- names claimed by sources only --------------------------------------------------------------


def test_name_claimed_only_by_sources_in_two_files_is_ambiguous(cli):
    result = cli("show", "SHR-300", "--json", "--data-dir", SHARED)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["candidates"] == [
        {"id": "alphatinib", "why": "claimed by a source it cites"},
        {"id": "betatinib", "why": "claimed by a source it cites"}]
    assert "'SHR-300' is ambiguous" in result.stderr


def test_holder_opens_and_claimant_is_named(cli):
    result = cli("show", "shr-200", "--brief", "--data-dir", CLAIMED)
    assert result.exit_code == 0
    assert result.stdout.startswith("GAMMATINIB")
    assert result.stderr == ("trkmono: note: 'shr-200' is gammatinib's name; a source cited by deltatinib also "
                             "claims it\n")


def test_a_claimed_name_is_not_a_duplicate(cli):
    result = cli("validate", "--strict", CLAIMED, *LENIENT_AGE)
    assert result.exit_code == 0, result.stdout
    assert "name-duplicate" not in result.stdout
