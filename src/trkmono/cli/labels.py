"""labels: whether DailyMed lists newer versions of the US labels the monographs rest on.

The only command that uses the network.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from trkmono.cli.common import Reading, read_command
from trkmono.cli.guard import say
from trkmono.errors import UsageError
from trkmono.watch.dailymed import BASE_ENV, DEFAULT_BASE, DEFAULT_TIMEOUT, TIMEOUT_ENV, base_address

BASELINE_ENV = "TRKMONO_LABEL_BASELINE"


@read_command
def labels(
    dailymed_url: Annotated[str, typer.Option(
        "--dailymed-url", envvar=BASE_ENV, show_envvar=False, metavar="URL",
        help=f"Base address of DailyMed or of a mirror of its services [env: {BASE_ENV}].")] = DEFAULT_BASE,
    timeout: Annotated[float, typer.Option(
        "--timeout", envvar=TIMEOUT_ENV, show_envvar=False, min=0.1, max=600, metavar="SECONDS",
        help=f"Seconds each request may take, answer included [env: {TIMEOUT_ENV}].")] = DEFAULT_TIMEOUT,
    baseline: Annotated[Optional[Path], typer.Option(
        "--baseline", envvar=BASELINE_ENV, show_envvar=False, metavar="FILE", dir_okay=False,
        help=f"A file of the label versions curators have read; it stands in for the versions the "
             f"monographs record [env: {BASELINE_ENV}].")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="After a curator has read the versions DailyMed lists, record them in the "
                         "baseline file, so that the next run says current.")] = False,
    *,
    read: Reading,
) -> None:
    """Check the US labels the monographs cite against DailyMed's version history (network).

    For every regulatory-label reference with an SPL set id: the version recorded, DailyMed's
    newest version and its publication date, and which monographs and how many claims rest on it.
    Exit 0: every label current; 1: a newer version exists, or a label records no version (or one
    DailyMed does not list); 2: usage; 3: DailyMed unreachable or its answer unusable. DailyMed
    lists US labels only, so --region does not change what is checked.

    With --baseline FILE, the versions recorded there (by an earlier --update) stand in for the
    monographs' own; --update writes DailyMed's newest version of every label into FILE.

    Example: trkmono labels --baseline data/label-baseline.json --json
    """
    from trkmono.watch.labels import BaselineError, check, read_baseline, write_baseline
    if update and baseline is None:
        raise UsageError(f"--update needs --baseline FILE (or {BASELINE_ENV}): where to record the versions read")
    service = base_address(dailymed_url)
    try:
        recorded = read_baseline(baseline) if baseline is not None else None
        report = check(read.library().monographs(), service, timeout, recorded)
        if update and baseline is not None:  # --update without --baseline was refused above
            report = write_baseline(baseline, report, dt.date.today().isoformat())
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    if update and not read.quiet:
        say(f"recorded {len(report.labels)} label version(s) as read in {baseline}")
    from trkmono.views import json as as_json
    from trkmono.views.builders.labels import labels as document
    read.document(lambda: document(report), json=lambda: as_json.labels_json(report),
                  failed=None if report.all_current else f"labels to review: {report.summary()}")
