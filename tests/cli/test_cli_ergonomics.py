"""Completion, pager, width, Markdown export, --quiet and --format, through the real command line."""

from __future__ import annotations

import fcntl
import json
import re
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import SHIPPED

TRKMONO = Path(sys.executable).parent / "trkmono"


def completion_output(words: str, cword: int, shell: str = "bash") -> str:
    """What trkmono's completion prints for ``shell`` when the cursor is at word ``cword`` of ``words``."""
    env = {**os.environ, "_TRKMONO_COMPLETE": f"complete_{shell}", "COMP_WORDS": words,
           "COMP_CWORD": str(cword), "_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    return subprocess.run([str(TRKMONO)], env=env, capture_output=True, text=True, check=True).stdout


def complete(words: str, cword: int, shell: str = "bash") -> list[str]:
    return completion_output(words, cword, shell).split()


def test_completion_of_commands_names_brands_and_codes():
    assert "show" in complete("trkmono sh", 1)
    assert "larotrectinib" in complete("trkmono show lar", 2)
    assert "vitrakvi" in complete("trkmono show vit", 2)
    assert "VITRAKVI" in complete("trkmono show VIT", 2)
    assert "loxo-101" in complete("trkmono show loxo-1", 2)
    assert "LOXO-101" in complete("trkmono show LOXO-1", 2)
    assert "rozlytrek" in complete("trkmono compare larotrectinib roz", 3)
    assert "Rozlytrek" in complete("trkmono compare larotrectinib Roz", 3)


def test_completion_of_sections_and_option_values():
    assert "dosing" in complete("trkmono show larotrectinib --section d", 4)
    assert "markdown" in complete("trkmono show larotrectinib --format m", 4)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_completion_in_other_shells(shell):
    assert "larotrectinib" in completion_output("trkmono show lar", 2, shell)


@pytest.mark.parametrize("shell_variable", [None, "/bin/sh", "/no/such/shell"])
def test_completion_scripts_can_be_shown_and_loaded_in_bash(shell_variable):
    """--show-completion prints the script for the shell it runs in (found from its parent
    processes), so it runs inside a real bash here, whatever started the suite or $SHELL says."""
    env = {name: value for name, value in os.environ.items() if name != "SHELL"}
    env |= {"SHELL": shell_variable} if shell_variable else {}
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c",
                           f"source <('{TRKMONO}' --show-completion) && complete -p trkmono"],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    assert done.returncode == 0, done.stderr
    assert "_trkmono_completion trkmono" in done.stdout


def run_on_terminal(args: list[str], env: dict[str, str], rows: int = 24, cols: int = 100) -> str:
    """Run trkmono with a pseudo-terminal as stdin/stdout/stderr; return what reached the terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    received = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    clean_env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    subprocess.run([str(TRKMONO), *args], stdin=slave, stdout=slave, stderr=slave, env=clean_env, timeout=60)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return received.decode("utf-8", "replace")


@pytest.fixture
def fake_pager(tmp_path):
    """A PAGER that records what it was given."""
    record = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys\nopen({str(record)!r}, 'wb').write(sys.stdin.buffer.read())\n")
    return f"{sys.executable} {script}", record


def test_long_output_on_a_terminal_goes_to_the_pager(fake_pager):
    pager, record = fake_pager
    on_screen = run_on_terminal(["show", "larotrectinib"], {**os.environ, "PAGER": pager})
    paged = record.read_text(encoding="utf-8")
    assert "LAROTRECTINIB" in paged and "References" in paged
    assert "\x1b[" in paged  # colours kept for the pager
    assert "References" not in on_screen


def test_no_pager_prints_directly(fake_pager):
    pager, record = fake_pager
    on_screen = run_on_terminal(["show", "larotrectinib", "--no-pager"], {**os.environ, "PAGER": pager})
    assert not record.exists()
    assert "LAROTRECTINIB" in on_screen


def test_piped_output_is_never_paged(fake_pager):
    pager, record = fake_pager
    done = subprocess.run([str(TRKMONO), "show", "larotrectinib"], capture_output=True, text=True,
                          env={**os.environ, "PAGER": pager})
    assert done.returncode == 0 and "LAROTRECTINIB" in done.stdout
    assert not record.exists()


def test_short_output_is_not_paged(fake_pager):
    pager, record = fake_pager
    run_on_terminal(["show", "larotrectinib", "--section", "status"], {**os.environ, "PAGER": pager}, rows=500)
    assert not record.exists()


def test_narrow_terminal_compare_goes_aspect_by_aspect_and_keeps_every_word(cli):
    wide = cli("compare", "larotrectinib", "entrectinib", env={"COLUMNS": "200"}).stdout
    narrow = cli("compare", "larotrectinib", "entrectinib", env={"COLUMNS": "80"}).stdout
    assert all(len(line) <= 80 for line in narrow.splitlines() if "://" not in line)  # an address stands whole
    status = narrow.split("Status ─")[1].split("\nTargets ─")[0]  # an aspect, then each drug within it
    assert "\nlarotrectinib: approved" in status and "\nentrectinib: approved" in status
    assert "…" not in narrow
    words = lambda text: {w for w in text.split("References ─")[0].split() if w.isalpha()}  # noqa: E731
    assert words(wide) == words(narrow)


def test_an_address_is_never_split_across_lines(cli):
    out = cli("dose", "entrectinib", "--region", "EU", env={"COLUMNS": "80"}).stdout
    references = out.split("References ─")[1]
    addresses = [word for word in references.split() if word.startswith("https://")]
    assert addresses and all(len(a) > 20 for a in addresses)
    long_one = max(addresses, key=len)
    assert len(long_one) > 70 and long_one in references.splitlines()[[i for i, line in enumerate(
        references.splitlines()) if long_one in line][0]]  # whole, on one line


def markdown_tokens(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def test_show_markdown_is_well_formed(cli):
    result = cli("show", "larotrectinib", "--format", "markdown")
    assert result.exit_code == 0
    tokens = markdown_tokens(result.stdout)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "larotrectinib"
    for section in ["At a glance", "Caveats", "Status", "Indications", "Mechanism", "Dosing", "Safety", "Efficacy",
                    "References"]:
        assert section in headings
    assert any(t.type == "table_open" for t in tokens)
    links = [t for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"]
    assert links, "references carry links"
    assert "\x1b[" not in result.stdout


def test_compare_markdown_is_one_table_with_a_linked_reference_list(cli):
    result = cli("compare", "--format", "markdown")
    tokens = markdown_tokens(result.stdout)
    assert [t.type for t in tokens].count("table_open") == 1
    header = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert header == ["Aspect", *sorted(path.stem for path in SHIPPED.glob("*.yaml"))]
    references = result.stdout.split("## References")[1]
    assert "\\[1\\] entrectinib: [" in references and "](<https://" in references
    assert re.search(r"\\\[1[,–]", result.stdout.split("## References")[0])  # the cells point at the list


def test_markdown_escapes_data(cli, tmp_path):
    from conftest import VALID
    text = VALID.read_text(encoding="utf-8").replace("Blocks a fictional kinase.", "'# not a heading | [x](y)'")
    (tmp_path / "testinib.yaml").write_text(text, encoding="utf-8")
    out = cli("show", "testinib", "-f", "markdown", "--data-dir", str(tmp_path)).stdout
    tokens = markdown_tokens(out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "not a heading | [x](y)" not in headings
    assert "# not a heading" in "".join(t.content for t in tokens if t.type == "inline")


def test_json_flag_and_format_json_agree_and_conflicts_are_usage_errors(cli):
    assert json.loads(cli("show", "entrectinib", "--json").stdout) == json.loads(
        cli("show", "entrectinib", "--format", "json").stdout)
    assert cli("show", "entrectinib", "--json", "--format", "markdown").exit_code == 2


def test_quiet_hides_skipped_file_notices(cli, tmp_path):
    from conftest import VALID
    (tmp_path / "testinib.yaml").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: [oops\n", encoding="utf-8")
    assert "skipped" in cli("list", "--data-dir", str(tmp_path)).stderr
    quiet = cli("list", "--data-dir", str(tmp_path), "--quiet")
    assert quiet.stderr == "" and "testinib" in quiet.stdout
