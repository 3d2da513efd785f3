"""The typer app: every command registered in one place, with the version and the exit codes."""

from __future__ import annotations

from typing import Annotated

import typer

from trkmono import __version__
from trkmono.cli import browse, checking, clinical, curation, curation_report, labels
from trkmono.cli.guard import prepare_streams

app = typer.Typer(
    help="Source-cited TRK inhibitor monographs in the terminal. Informational, not medical advice.",
    epilog=("Results go to stdout, diagnostics to stderr. Exit codes: 0 success; 1 not found, ambiguous, "
            "findings (validate), no dose computed (dose) or a newer label (labels); 2 usage error; "
            "3 label service unreachable (labels); 70 internal error; 130 interrupted."),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from trkmono.terms import SCHEMA_VERSION
        typer.echo(f"trkmono {__version__} (monograph schema {SCHEMA_VERSION}; {_data_version()})")
        raise typer.Exit()


def _data_version() -> str:
    """The packaged library's newest review date."""
    try:
        from trkmono.library import open_library
        library = open_library(None)
        newest = max((m.review.last_reviewed for m in library.heads()), default=None)
    except Exception:  # the version must print even when the data cannot be read
        return "data: unreadable"
    return f"data reviewed up to {newest}, {len(library.members)} monographs"


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version (code, schema, data) and exit.")] = False,
) -> None:
    """Source-cited TRK inhibitor monographs. Informational, not medical advice."""


app.command("list")(browse.list_command)
app.command()(browse.show)
app.command()(browse.compare)
app.command()(clinical.dose)
app.command()(clinical.interactions)
app.command()(clinical.patient)
app.command()(clinical.resistance)
app.command()(clinical.search)
app.command()(checking.validate)
app.command()(checking.schema)
app.command()(curation_report.provenance)
app.command()(labels.labels)
app.command()(curation.new)
app.command()(curation.help)


def run() -> None:
    """Console-script entry point."""
    prepare_streams()
    app()
