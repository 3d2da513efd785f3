"""The thin typer command line: options in, one library call, one view out.

Heavy modules (PyYAML, pydantic models, rich tables) are imported inside the commands, so that
start-up stays close to typer's own.
"""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from trkmono import __version__

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70
DEBUG_ENV = "TRKMONO_DEBUG"

app = typer.Typer(
    help="Source-cited TRK inhibitor monographs in the terminal. Informational, not medical advice.",
    epilog=("Results go to stdout, diagnostics to stderr. Exit codes: 0 success; 1 not found, findings "
            "(validate) or no dose computed (dose); 2 usage error; 70 internal error; 130 interrupted."),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Color(str, Enum):
    """When to colour the output."""

    auto = "auto"
    always = "always"
    never = "never"


class Section(str, Enum):
    """A monograph section for ``show --section``."""

    status = "status"
    indications = "indications"
    mechanism = "mechanism"
    dosing = "dosing"
    safety = "safety"
    efficacy = "efficacy"
    references = "references"


class OutputFormat(str, Enum):
    """Output format of ``show`` and ``compare``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class FindingFormat(str, Enum):
    """Output format of ``validate``."""

    text = "text"
    json = "json"
    github = "github"


DataDir = Annotated[
    Optional[Path],
    typer.Option("--data-dir", envvar="TRKMONO_DATA_DIR", file_okay=False,
                 help="Folder of monographs to use instead of the packaged library."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour: auto (terminal only), always, never.")]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="text (default), json or markdown; --json is short for --format json.")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Never page long output (it is never paged when piped).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Do not report skipped files on stderr.")]


def user_errors(command):
    """Turn trkmono's own errors into a message on stderr and their exit code; Ctrl-C into 130."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            from trkmono.problems import TrkmonoError, printable
            if isinstance(exc, TrkmonoError):
                typer.echo(f"trkmono: {printable(str(exc))}", err=True)
                raise typer.Exit(exc.exit_code) from None
            if os.environ.get(DEBUG_ENV):  # a bug: say so plainly instead of dumping a traceback
                raise
            typer.echo(f"trkmono: internal error ({type(exc).__name__}: {printable(str(exc))}); "
                       f"please report it (set {DEBUG_ENV}=1 to see the traceback)", err=True)
            raise typer.Exit(EXIT_INTERNAL) from None
    return run


def _console(color: Color, stderr: bool = False):
    from rich.console import Console
    if color is Color.always:
        return Console(force_terminal=True, stderr=stderr, highlight=False)
    if color is Color.never:
        return Console(color_system=None, no_color=True, stderr=stderr, highlight=False)
    return Console(stderr=stderr, highlight=False)


def _load_library(folder: Path):
    """The library of folder; files with errors are kept aside as broken."""
    import datetime as dt

    from trkmono.checks import Settings
    from trkmono.validation import open_library
    return open_library(folder, Settings(today=dt.date.today()))


def _skipped(library) -> str:
    """One stderr line for every file that could not be shown."""
    lines = []
    for broken in library.broken:
        first = broken.problems[0]
        lines.append(f"trkmono: skipped {broken.path}: {len(broken.problems)} problem(s), first at line "
                     f"{first.line}: {first.message} (run 'trkmono validate {broken.path}')\n")
    return printable_lines("".join(lines))


def printable_lines(text: str) -> str:
    """Text with control characters escaped line by line (newlines kept)."""
    from trkmono.problems import printable
    return "\n".join(printable(line) for line in text.split("\n"))


def _open_library(data_dir: Optional[Path]):
    """The library, with a warning on stderr for every file that could not be read."""
    from trkmono.locations import choose_data_dir
    library = _load_library(choose_data_dir(data_dir))
    sys.stderr.write(_skipped(library))
    return library


def _answer(request: dict, data_dir: Optional[Path], produce, page: bool = False, quiet: bool = False) -> None:
    """Print the answer to a request, replayed from the cache when nothing it depends on changed.

    ``produce(library)`` returns the stdout text; failures (unknown names) are never cached.
    With ``page``, long output on a terminal goes through the user's pager.
    """
    from trkmono import fastpath
    from trkmono.locations import choose_data_dir
    folder = choose_data_dir(data_dir)
    key = fastpath.request_key(request, folder)
    answer = fastpath.replay(key)
    if answer is None:
        library = _load_library(folder)
        skipped = _skipped(library)
        if not quiet:
            sys.stderr.write(skipped)
        stdout = produce(library)
        fastpath.record(key, stdout, skipped)
    else:
        stdout, skipped = answer
        if not quiet:
            sys.stderr.write(skipped)
    if page:
        from trkmono.pager import page_or_print
        page_or_print(stdout)
    else:
        sys.stdout.write(stdout)


def _complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Drug names, brands, codes and synonyms that start with what was typed (for shell completion).

    Typer keeps only candidates that start with the typed text exactly, so each name is also
    offered in lower and upper case: 'vit' completes to 'vitrakvi' (look-ups ignore case).
    """
    from trkmono import fastpath
    from trkmono.locations import choose_data_dir
    try:
        names = fastpath.names(choose_data_dir(ctx.params.get("data_dir")),
                               lambda folder: [name for e in _load_library(folder).entries for _, name, _ in e.names])
    except Exception:  # completion must never break the shell
        return []
    spellings = {form for n in names for form in (n, n.lower(), n.upper())}
    return sorted(form for form in spellings if form.startswith(incomplete))


def _format(output: Optional[OutputFormat], json: bool) -> OutputFormat:
    if json and output not in (None, OutputFormat.json):
        from trkmono.problems import UsageError
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return OutputFormat.json if json else output or OutputFormat.text


def _rendered(color: Color, draw) -> str:
    """What ``draw(console)`` prints, as text for this terminal (with colour codes when it has them)."""
    console = _console(color)
    with console.capture() as captured:
        draw(console)
    return captured.get()


def _version(value: bool) -> None:
    if value:
        from trkmono.schema import SCHEMA_VERSION
        typer.echo(f"trkmono {__version__} (monograph schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Source-cited TRK inhibitor monographs. Informational, not medical advice."""


@app.command("list")
@user_errors
def list_command(data_dir: DataDir = None, json: JsonFlag = False, color: ColorOption = Color.auto,
                 quiet: Quiet = False) -> None:
    """List the monographs in the library.

    Example: trkmono list --json
    """
    def produce(library) -> str:
        if json:
            from trkmono.views.machine import library_json
            return library_json(library.monographs, [f.path for f in library.broken]) + "\n"
        from trkmono.views.terminal import render_list
        return _rendered(color, lambda console: render_list(console, library.monographs))

    _answer({"command": "list", "json": json, "color": color.value}, data_dir, produce, quiet=quiet)


@app.command()
@user_errors
def show(
    name: Annotated[str, typer.Argument(help="Generic name, brand, code or synonym (any case).",
                                        autocompletion=_complete_names)],
    section: Annotated[Optional[list[Section]], typer.Option(
        "--section", "-s", help="Show only this section (repeatable).")] = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
    no_pager: NoPager = False,
    quiet: Quiet = False,
) -> None:
    """Show one drug's monograph, every claim with its citation.

    Example: trkmono show vitrakvi --section dosing
    """
    fmt = _format(output, json)
    chosen = [s.value for s in section] if section else None

    def produce(library) -> str:
        monograph = library.find(name)
        from trkmono.views.terminal import SECTIONS
        if fmt is OutputFormat.json:
            from trkmono.views.machine import monograph_json
            return monograph_json(monograph, chosen) + "\n"
        if fmt is OutputFormat.markdown:
            from trkmono.views import markdown
            return markdown.monograph(monograph, chosen or SECTIONS)
        from trkmono.views.terminal import render_monograph
        return _rendered(color, lambda console: render_monograph(console, monograph, chosen or SECTIONS))

    _answer({"command": "show", "name": name, "sections": chosen, "format": fmt.value, "color": color.value},
            data_dir, produce, page=not no_pager and fmt is OutputFormat.text, quiet=quiet)


@app.command()
@user_errors
def compare(
    names: Annotated[Optional[list[str]], typer.Argument(help="Drugs to compare (default: all).",
                                                        autocompletion=_complete_names)] = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
    no_pager: NoPager = False,
    quiet: Quiet = False,
) -> None:
    """Compare drugs side by side, each cell with its evidence tier and citations.

    Example: trkmono compare larotrectinib entrectinib
    """
    fmt = _format(output, json)

    def produce(library) -> str:
        from trkmono.comparison import compare as build
        chosen = [library.find(n) for n in names] if names else library.monographs
        monographs = list({m.id: m for m in chosen}.values())
        rows = build(monographs)
        if fmt is OutputFormat.json:
            from trkmono.views.machine import comparison_json
            return comparison_json(monographs, rows) + "\n"
        if fmt is OutputFormat.markdown:
            from trkmono.views import markdown
            return markdown.comparison(monographs, rows)
        from trkmono.views.terminal import render_comparison
        return _rendered(color, lambda console: render_comparison(console, monographs, rows))

    _answer({"command": "compare", "names": names, "format": fmt.value, "color": color.value}, data_dir,
            produce, page=not no_pager and fmt is OutputFormat.text, quiet=quiet)


@app.command()
@user_errors
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or folders to check (default: the library).")] = None,
    data_dir: DataDir = None,
    output_format: Annotated[FindingFormat, typer.Option("--format", "-f", help="Findings format.")] = (
        FindingFormat.text),
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    max_review_age: Annotated[int, typer.Option(
        "--max-review-age", min=1, max=120, help="Months after which a review is stale.")] = 12,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Processes for files not checked before [default: one per CPU].")] = None,
) -> None:
    """Check monographs: schema, citations, ids, names, dates, status.

    Findings go to stdout as path:line:col: level: message (rule). Exit 0 clean (warnings
    allowed), 1 errors (or warnings with --strict), 2 usage error.

    Example: trkmono validate data/monographs --strict --format github
    """
    import datetime as dt

    from trkmono.checks import Settings
    from trkmono.locations import choose_data_dir, display_path
    from trkmono.validation import exit_code, expand
    from trkmono.validation import validate as run
    from trkmono.views.findings import render

    files = expand(paths or [display_path(choose_data_dir(data_dir))])
    problems = run(files, Settings(today=dt.date.today(), review_age_months=max_review_age), jobs)
    sys.stdout.write(render(problems, output_format.value))
    errors = sum(p.level == "error" for p in problems)
    typer.echo(f"{len(files)} file(s) checked: {errors} error(s), {len(problems) - errors} warning(s)",
               err=True)
    raise typer.Exit(exit_code(problems, strict))


@app.command()
@user_errors
def schema() -> None:
    """Print the JSON Schema of a monograph (for editors and other tools).

    Example: trkmono schema > monograph.schema.json
    """
    from trkmono.jsonschema import monograph_schema
    typer.echo(monograph_schema())


def run() -> None:
    """Console-script entry point."""
    app()


from trkmono import cli_tools  # noqa: E402  (the clinical tools: dose, interactions, resistance, search)
cli_tools.register(app)
