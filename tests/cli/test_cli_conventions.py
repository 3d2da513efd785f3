"""The conventions every command keeps, through the real command line: completion (in a real bash
where one is available), the pager and its -R, layout at 80 columns, no trailing spaces, the
version, validate's JSON envelope and progress, trkmono new and trkmono help."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES, LENIENT_AGE, SHIPPED, VALID
from test_cli_ergonomics import TRKMONO, complete, completion_output, run_on_terminal

DRUGS = sorted(path.stem for path in SHIPPED.glob("*.yaml"))


# ---------------------------------------------------------------------------------------------
# completion


@pytest.mark.parametrize("command", ["show", "dose", "interactions", "compare"])
def test_every_command_that_takes_a_name_completes_it(command):
    assert "larotrectinib" in complete(f"trkmono {command} laro", 2)
    assert "Rozlytrek" in complete(f"trkmono {command} Roz", 2)


def bash_candidates(words: str, cword: int) -> list[str]:
    """What bash would get: one candidate a line."""
    env = {**os.environ, "_TRKMONO_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    return subprocess.run([str(TRKMONO)], env=env, capture_output=True, text=True, check=True).stdout.splitlines()


def test_a_code_with_a_space_stays_one_word_in_bash():
    assert bash_candidates("trkmono show BAY", 2) == ["BAY\\ 2731954"]
    assert bash_candidates("trkmono show 'BAY", 2) == ["BAY\\ 2731954"]
    assert bash_candidates("trkmono dose bay", 2) == ["bay\\ 2731954"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_shells_that_quote_for_themselves_get_the_name_as_it_is(shell):
    printed = completion_output("trkmono show BAY", 2, shell)
    assert "BAY 2731954" in printed and "\\ " not in printed


def test_no_name_is_offered_twice_in_two_cases():
    for typed in ("", "l", "L", "v", "VIT", "loxo"):
        offered = complete(f"trkmono show {typed}", 2)
        assert len({name.casefold() for name in offered}) == len(offered), (typed, offered)


def test_completion_reads_the_folder_in_use(tmp_path):
    shutil.copy(VALID, tmp_path / "testinib.yaml")
    assert complete(f"trkmono show --data-dir {tmp_path} tes", 4) == ["testinib", "testra"]
    assert complete(f"trkmono show --data-dir {tmp_path} lar", 4) == []
    env = {**os.environ, "_TRKMONO_COMPLETE": "complete_bash", "COMP_WORDS": "trkmono dose Tes", "COMP_CWORD": "2",
           "TRKMONO_DATA_DIR": str(tmp_path)}
    done = subprocess.run([str(TRKMONO)], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["Testinib", "Testra"]


@pytest.mark.skipif(not shutil.which("tmux") or not shutil.which("bash"), reason="needs tmux and bash")
def test_tab_in_a_real_bash_inserts_the_code_as_one_word(tmp_path):
    session = f"trkmono-test-{os.getpid()}"
    env = f"env -i HOME={tmp_path} PATH={TRKMONO.parent}:/usr/bin:/bin TERM=xterm NO_COLOR=1 COLUMNS=100"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    f"{env} bash --norc --noprofile"], check=True)
    try:
        def screen() -> str:
            return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                  text=True).stdout

        def send(*keys: str) -> None:
            subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=True)

        def wait_for(text: str) -> str:
            for _ in range(200):
                if text in screen():
                    return screen()
                time.sleep(0.1)
            raise AssertionError(f"{text!r} never appeared:\n{screen()}")

        send('eval "$(_TRKMONO_COMPLETE=source_bash trkmono)"; echo sourced', "Enter")
        wait_for("sourced")
        send("trkmono show --brief BAY", "Tab")
        wait_for("BAY\\ 2731954")
        send("Enter")
        assert "SELITRECTINIB" in wait_for("not medical advice")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


# ---------------------------------------------------------------------------------------------
# pager


@pytest.fixture
def recording_pager(tmp_path):
    """A PAGER that records what it was given and the LESS it was run with."""
    record, seen = tmp_path / "paged.txt", tmp_path / "less.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import os, sys\nopen({str(record)!r}, 'wb').write(sys.stdin.buffer.read())\n"
                      f"open({str(seen)!r}, 'w').write(os.environ.get('LESS', '<unset>'))\n")
    return f"{sys.executable} {script}", record, seen


@pytest.mark.parametrize("less, given", [(None, "FRX"), ("-i", "-i -R"), ("-iMR", "-iMR"), ("FX", "FX -R"),
                                         ("--RAW-CONTROL-CHARS", "--RAW-CONTROL-CHARS")])
def test_the_pager_always_gets_what_it_needs_to_show_colour(recording_pager, less, given):
    pager, _, seen = recording_pager
    env = {k: v for k, v in os.environ.items() if k != "LESS"}
    run_on_terminal(["show", "larotrectinib"], {**env, "PAGER": pager, **({"LESS": less} if less else {})})
    assert seen.read_text() == given


@pytest.mark.parametrize("command", [["list"], ["compare"], ["resistance"], ["search", "liver"],
                                     ["interactions", "entrectinib"], ["dose", "larotrectinib", "--bsa", "0.6"],
                                     ["help", "evidence"]])
def test_every_long_output_is_paged_on_a_terminal(recording_pager, command):
    pager, record, _ = recording_pager
    run_on_terminal(command, {**os.environ, "PAGER": pager}, rows=8)
    assert record.exists() and record.read_text(encoding="utf-8").strip(), command


# ---------------------------------------------------------------------------------------------
# layout


def test_list_at_80_columns_cuts_no_name_brand_or_date(cli):
    out = cli("list", env={"COLUMNS": "80"}).stdout
    assert "…" not in out and all(len(line) <= 80 for line in out.splitlines())
    for m in json.loads(cli("list", "--json").stdout)["monographs"]:
        row = next(line for line in out.splitlines() if line.startswith(m["generic_name"] + " "))
        assert m["last_reviewed"] in row and all(brand in row for brand in m["brands"])
        assert row.split()[0] == m["generic_name"]


def test_list_shows_the_class_briefly_and_drops_it_before_cutting(cli):
    wide = cli("list", env={"COLUMNS": "120"}).stdout
    assert "Class" in wide and "(tyrosine kinase inhibitor" not in wide  # the words before the parenthesis
    narrow = cli("list", env={"COLUMNS": "64"}).stdout
    assert "Class" not in narrow and "…" not in narrow
    assert all(name in narrow for name in DRUGS)


@pytest.mark.parametrize("command", [["list"], ["show", "entrectinib"], ["compare"], ["resistance"],
                                     ["interactions", "larotrectinib"], ["search", "liver"], ["help", "data"],
                                     ["show", "larotrectinib", "-f", "markdown"]])
def test_piped_output_has_no_trailing_spaces(command):
    done = subprocess.run([str(TRKMONO), *command], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "80"})
    assert done.returncode == 0
    assert not [line for line in done.stdout.splitlines() if line != line.rstrip()]
    assert "\u2800" not in done.stdout  # the unbreakable spaces of markers come out as plain spaces


def test_wrapped_bullets_keep_a_hanging_indent(cli):
    out = cli("show", "larotrectinib", "-s", "safety", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("• "))
    assert lines[first + 1].startswith("  ") and not lines[first + 1].startswith("   ")


# ---------------------------------------------------------------------------------------------
# validate


def test_validate_json_is_the_versioned_envelope(cli, tmp_path):
    path = tmp_path / "testinib.yaml"
    path.write_text(VALID.read_text(encoding="utf-8").replace("id: testinib", "id: othername"), encoding="utf-8")
    data = json.loads(cli("validate", str(path), "-f", "json", *LENIENT_AGE).stdout)
    assert data["format_version"] == 1 and data["kind"] == "findings" and "trkmono_version" in data
    assert data["errors"] == 1 and data["warnings"] == 0
    assert data["findings"][0]["rule"] == "id-filename"
    envelope = set(json.loads(cli("list", "--json").stdout)) - {"monographs", "skipped"}
    assert envelope <= set(data)  # the same envelope as every other command's JSON


def test_one_run_reports_schema_and_data_rules_together(cli):
    out = cli("validate", str(FIXTURES / "readme" / "testinib.yaml"), *LENIENT_AGE).stdout
    assert "(schema)" in out and "(citation-unresolved)" in out


@pytest.mark.slow
def test_a_long_run_shows_progress_on_a_terminal_only(tmp_path):
    text = VALID.read_text(encoding="utf-8")
    for n in range(120):
        (tmp_path / f"drug{n:03}.yaml").write_text(text.replace("id: testinib", f"id: drug{n:03}"), encoding="utf-8")
    on_terminal = run_on_terminal(["validate", str(tmp_path), *LENIENT_AGE], dict(os.environ))
    assert "checking 120 files…" in on_terminal
    piped = subprocess.run([str(TRKMONO), "validate", str(tmp_path), *LENIENT_AGE], capture_output=True, text=True)
    assert "checking" not in piped.stderr and "120 file(s) checked" in piped.stderr


def test_version_names_the_data(cli):
    out = cli("--version").stdout
    assert out.startswith("trkmono ") and "data reviewed up to " in out and f"{len(DRUGS)} monographs" in out


# ---------------------------------------------------------------------------------------------
# new and help


def test_new_writes_a_starter_that_validate_explains_field_by_field(cli, tmp_path):
    result = cli("new", "newtinib", "--folder", str(tmp_path))
    assert result.exit_code == 0 and (tmp_path / "newtinib.yaml").is_file()
    checked = cli("validate", str(tmp_path / "newtinib.yaml"))
    assert checked.exit_code == 1
    findings = checked.stdout
    for field in ("identity.generic_name", "identity.classification.generation", "references[0].id",
                  "references[0].tier", "review.last_reviewed", "dosing.regimens[0].dose.unit"):
        assert f": error: {field}: " in findings, field
    assert "Input should be 'first' or 'next'" in findings and "date must be YYYY-MM-DD" in findings
    sections = json.loads(cli("schema").stdout)["properties"]
    starter = (tmp_path / "newtinib.yaml").read_text(encoding="utf-8")
    assert all(f"\n{section}:" in starter for section in sections)  # every section is there


def test_new_never_overwrites_and_refuses_a_bad_id(cli, tmp_path):
    (tmp_path / "newtinib.yaml").write_text("mine\n", encoding="utf-8")
    result = cli("new", "newtinib", "--folder", str(tmp_path))
    assert result.exit_code == 2 and "exists" in result.stderr
    assert (tmp_path / "newtinib.yaml").read_text(encoding="utf-8") == "mine\n"
    assert cli("new", "New Drug", "--folder", str(tmp_path)).exit_code == 2


@pytest.mark.parametrize("topic, words", [("evidence", ["corroborated", "unconfirmed", "regulatory-label"]),
                                          ("dose", ["ONE rule", "docs/dose.md"]),
                                          ("data", ["TRKMONO_DATA_DIR", "TRKMONO_CACHE_DIR"]),
                                          ("exit-codes", ["130", "usage error"])])
def test_help_topics(cli, topic, words):
    result = cli("help", topic)
    assert result.exit_code == 0 and all(word in result.stdout for word in words)


def test_help_lists_topics_and_an_unknown_topic_is_a_usage_error(cli):
    assert "evidence, dose, data, exit-codes" in cli("help").stdout
    result = cli("help", "evidnce")
    assert result.exit_code == 2 and "did you mean evidence?" in result.stderr


# ---------------------------------------------------------------------------------------------
# help, Ctrl-C, broken pipes


@pytest.mark.parametrize("command", [[], ["show"], ["validate"], ["help"]])
def test_dash_h_is_help(cli, command):
    result = cli(*command, "-h")
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ") and "-h, --help" in result.stdout


@pytest.mark.slow
def test_ctrl_c_exits_130_quietly(tmp_path):
    """Interrupted while the pager is open: exit 130, nothing but the pager's own output."""
    import pty
    import signal

    ready = tmp_path / "ready"
    pager = tmp_path / "pager.py"
    pager.write_text(f"import sys, time\nsys.stdin.read()\nopen({str(ready)!r}, 'w').close()\ntime.sleep(60)\n")
    master, slave = pty.openpty()
    # Ctrl-C as a terminal delivers it, whoever started the suite: a job started in the background
    # by a non-interactive shell inherits SIGINT ignored, and trkmono would rightly ignore it too.
    process = subprocess.Popen([str(TRKMONO), "show", "larotrectinib"], stdin=slave, stdout=slave,
                               stderr=subprocess.PIPE, env={**os.environ, "PAGER": f"{sys.executable} {pager}"},
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        for _ in range(600):
            if ready.exists():
                break
            time.sleep(0.05)
        assert ready.exists(), "the pager never started"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
        assert b"Traceback" not in process.stderr.read()
    finally:
        process.kill()
        os.close(slave)
        os.close(master)


def test_a_reader_that_goes_away_ends_the_output_quietly():
    done = subprocess.run(f"'{TRKMONO}' show entrectinib | head -1", shell=True, capture_output=True, text=True)
    assert done.stdout.startswith("ENTRECTINIB") and "Traceback" not in done.stderr and "Error" not in done.stderr


def test_resistance_at_80_columns_goes_mutation_by_mutation(cli):
    out = cli("resistance", env={"COLUMNS": "80"}).stdout
    assert "TRKA G595R (NTRK1 p.G595R) · solvent-front ─" in out
    assert "\nlarotrectinib: resistant · clinical" in out and "┃" not in out
    wide = cli("resistance", env={"COLUMNS": "200"}).stdout
    assert "┃ Mutation" in wide  # a table when every drug has room


@pytest.mark.parametrize("command", [["resistance"], ["interactions", "entrectinib"], ["search", "liver"],
                                     ["compare"], ["dose", "larotrectinib", "--bsa", "0.6"]])
def test_tool_markers_never_split_at_80_columns(cli, command):
    body = cli(*command, env={"COLUMNS": "80"}).stdout.split("References ─")[0]
    assert not re.search(r"\[\d+(?:[ ,;][^\]\n]*)?$", body, re.M)  # a marker never ends a line open


READ_COMMANDS = ["list", "show", "compare", "dose", "interactions", "resistance", "search", "provenance"]
SHARED_OPTIONS = ["--data-dir", "--region", "--format", "--json", "--color", "--no-pager", "--quiet"]


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_every_read_command_offers_the_shared_options_in_one_order(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0
    options = re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", result.stdout, flags=re.M)
    assert [o for o in options if o in SHARED_OPTIONS] == SHARED_OPTIONS
    assert options[-len(SHARED_OPTIONS) - 1:-1] == SHARED_OPTIONS  # after the command's own, before --help


@pytest.mark.parametrize("command, args", [("list", []), ("compare", []), ("search", ["fatigue"]),
                                           ("provenance", ["larotrectinib"]), ("interactions", ["entrectinib"])])
def test_the_shared_options_act_the_same_in_every_read_command(cli, tmp_path, command, args):
    assert json.loads(cli(command, *args, "--json").stdout)["format_version"] == 1
    assert cli(command, *args, "--format", "markdown").stdout.startswith("#")
    assert cli(command, *args, "--json", "--format", "text").exit_code == 2
    missing = cli(command, *args, "--data-dir", str(tmp_path / "absent"))
    assert missing.exit_code == 2 and "no such folder" in missing.stderr
