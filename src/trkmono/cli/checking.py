"""validate and schema: the checker for curators and CI, and the JSON Schema for editors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from trkmono import terms
from trkmono.cli.guard import command, emit
from trkmono.errors import write_stderr
from trkmono.cli.options import FINDING_FORMATS, DataDir, choice

PROGRESS_FROM = 100
"""Runs of this many files or more say on a terminal's stderr that they are at work."""


@contextmanager
def progress(files: int) -> Iterator[None]:
    """'trkmono: checking 1,000 files… 3 s' on stderr, updated each second and erased at the end,
    when the run is long and stderr is a terminal (never in a pipe, a log or CI)."""
    if files < PROGRESS_FROM or not sys.stderr.isatty():
        yield
        return
    import threading
    import time

    started, done = time.monotonic(), threading.Event()

    def show() -> None:
        while True:
            write_stderr(f"\rtrkmono: checking {files:,} files… {time.monotonic() - started:.0f} s\x1b[K")
            if done.wait(1):
                return

    ticker = threading.Thread(target=show, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
        write_stderr("\r\x1b[K")


@command
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or folders to check (default: the library in use).", show_default=False)] = None,
    data_dir: DataDir = None,
    output_format: Annotated[terms.FindingFormat, choice(FINDING_FORMATS, "--format", "-f", help="Findings format.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    max_review_age: Annotated[int, typer.Option(
        "--max-review-age", min=1, max=120, help="Months after which a review is stale.")] = 12,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Processes to check in [default: one per CPU].")] = None,
) -> None:
    """Check monographs and the interaction table: schema, citations, evidence, ids, names, dates, status.

    Findings go to stdout as path:line:col: level: message (rule); --format json gives the
    versioned envelope of the other commands (kind "findings"). Schema and data rules are
    reported together, every problem of every file. Exit 0 clean (warnings allowed), 1 errors
    (or warnings with --strict), 2 usage error. Every file is read and checked on every run; no
    cache is consulted. A long run shows that it is at work on stderr when that is a terminal.
    Without paths the packaged library is checked with its interaction table (comedications.yaml);
    a file of that name is always checked as an interaction table.

    Example: trkmono validate data/monographs --strict --format github
    """
    import datetime as dt

    from trkmono.checking.rules import Settings
    from trkmono.checking.validate import exit_code, expand
    from trkmono.checking.validate import validate as run
    from trkmono.reading.folders import chosen_data_dir, packaged_data_dir, packaged_table
    from trkmono.views.findings import render

    chosen = chosen_data_dir(data_dir)
    files = expand(paths or ([chosen] if chosen else [packaged_data_dir(), packaged_table()]))
    with progress(len(files)):
        problems = run(files, Settings(today=dt.date.today(), review_age_months=max_review_age), jobs)
    emit(render(problems, output_format))
    errors = sum(p.level == "error" for p in problems)
    write_stderr(f"{len(files)} file(s) checked: {errors} error(s), {len(problems) - errors} warning(s)\n")
    raise typer.Exit(exit_code(problems, strict))


@command
def schema() -> None:
    """Print the JSON Schema of a monograph (for editors and other tools).

    Example: trkmono schema > monograph.schema.json
    """
    from trkmono.model.jsonschema import monograph_schema
    emit(monograph_schema() + "\n")
