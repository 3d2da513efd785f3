"""labels: whether DailyMed lists newer versions of the US labels the monographs rest on.

The only command that uses the network.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, cast

import typer

from trkmono.cli.common import answer, open_library
from trkmono.cli.guard import command, say
from trkmono.cli.options import ColorOption, DataDir, JsonFlag, Quiet, output_format
from trkmono.errors import EXIT_FAILED, UsageError
from trkmono.watch.dailymed import BASE_ENV, DEFAULT_BASE, DEFAULT_TIMEOUT, TIMEOUT_ENV, base_address
from trkmono.terms import OutputFormat
from trkmono.watch.labels import BaselineError, check, read_baseline, write_baseline

BASELINE_ENV = "TRKMONO_LABEL_BASELINE"


class LabelFormat(str, Enum):
    """Output format of labels."""

    text = "text"
    json = "json"


@command
def labels(
    dailymed_url: Annotated[str, typer.Option(
        "--dailymed-url", envvar=BASE_ENV, show_envvar=False, metavar="URL",
        help=f"Base address of DailyMed or of a mirror of its services [env: {BASE_ENV}].")] = DEFAULT_BASE,
    timeout: Annotated[float, typer.Option(
        "--timeout", envvar=TIMEOUT_ENV, show_envvar=False, min=0.1, max=600, metavar="SECONDS",
        help=f"Seconds each request may take, answer included [env: {TIMEOUT_ENV}].")] = DEFAULT_TIMEOUT,
    data_dir: DataDir = None,
    output: Annotated[Optional[LabelFormat], typer.Option(
        "--format", "-f", help="text (default) or json.", show_default=False)] = None,
    baseline: Annotated[Optional[Path], typer.Option(
        "--baseline", envvar=BASELINE_ENV, show_envvar=False, metavar="FILE", dir_okay=False,
        help=f"A file of the label versions curators have read; it stands in for the versions the "
             f"monographs record [env: {BASELINE_ENV}].")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="After a curator has read the versions DailyMed lists, record them in the "
                         "baseline file, so that the next run says current.")] = False,
    json: JsonFlag = False,
    color: ColorOption = "auto",
    quiet: Quiet = False,
) -> None:
    """Check the US labels the monographs cite against DailyMed's version history (network).

    For every regulatory-label reference with an SPL set id: the version recorded, DailyMed's
    newest version and its publication date, and which monographs and how many claims rest on it.
    Exit 0: every label current; 1: a newer version exists, or a label records no version (or one
    DailyMed does not list); 2: usage; 3: DailyMed unreachable or its answer unusable.

    With --baseline FILE, the versions recorded there (by an earlier --update) stand in for the
    monographs' own; --update writes DailyMed's newest version of every label into FILE.

    Example: trkmono labels --baseline data/label-baseline.json --json
    """
    fmt = output_format(cast(Optional[OutputFormat], output), json)  # LabelFormat's values are formats
    if update and baseline is None:
        raise UsageError(f"--update needs --baseline FILE (or {BASELINE_ENV}): where to record the versions read")
    service = base_address(dailymed_url)
    try:
        read = read_baseline(baseline) if baseline is not None else None
        report = check(open_library(data_dir, quiet).monographs(), service, timeout, read)
        if update and baseline is not None:  # --update without --baseline was refused above
            report = write_baseline(baseline, report, dt.date.today().isoformat())
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    if update and not quiet:
        say(f"recorded {len(report.labels)} label version(s) as read in {baseline}")
    from trkmono.views import json as as_json
    answer(fmt, color,
           text=lambda console: _views().render_labels(console, report),
           json=lambda: as_json.labels_json(report))
    if not report.all_current:
        if not quiet:
            say(f"labels to review: {report.summary()}")
        raise typer.Exit(EXIT_FAILED)


def _views():
    """The terminal view, imported only when text is asked for (rich is not loaded otherwise)."""
    from trkmono.views import labels as module
    return module
