"""The typer app: every command registered in one place, with the version and the exit codes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from trkmono import __version__
from trkmono.cli import browse, checking, clinical, curation, curation_report, labels
from trkmono.cli.guard import prepare_streams, show
from trkmono.errors import EXIT_INTERNAL


if TYPE_CHECKING:  # what the mixin below is mixed into, for the type checker
    _Mixin = typer.core.TyperCommand
else:
    _Mixin = object


class _HelpThroughGuard(_Mixin):
    """Help is written by ``show``, so a closed or full stdout ends it as it ends any answer."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.callback = _help
        return option


class _Group(_HelpThroughGuard, typer.core.TyperGroup):
    pass


class _Command(_HelpThroughGuard, typer.core.TyperCommand):
    pass


def _help(ctx, param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        show(ctx.get_help() + "\n")
        raise typer.Exit()


app = typer.Typer(
    cls=_Group,
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
        show(f"trkmono {__version__} (monograph schema {SCHEMA_VERSION}; {_data_version()})\n")
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


COMMANDS = (browse.list_command, browse.show, browse.compare, clinical.dose, clinical.interactions, clinical.patient,
            clinical.resistance, clinical.search, checking.validate, checking.schema, curation_report.provenance,
            labels.labels, curation.new, curation.help)
"""Every command, in the order --help lists them; a command is named after its function ('list_command': list)."""
for function in COMMANDS:
    app.command(function.__name__.removesuffix("_command"), cls=_Command)(function)


def run() -> None:
    """Console-script entry point. A usage error that click cannot write (a full stderr) keeps its
    exit code; the message is lost as any diagnostic is."""
    prepare_streams()
    try:
        app()
    except OSError as exc:
        raise SystemExit(getattr(exc.__context__, "exit_code", EXIT_INTERNAL)) from None
