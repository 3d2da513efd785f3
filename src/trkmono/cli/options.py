"""The options every command shares, declared once: the same words and help everywhere."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from trkmono import terms


def _choices(name: str, values: tuple[str, ...], doc: str) -> type[Enum]:
    """A str Enum of the vocabulary's words, as typer wants choices."""
    choices = Enum(name, {value.replace("-", "_"): value for value in values}, type=str)
    choices.__doc__ = doc
    return choices


Color = _choices("Color", terms.COLORS, "When to colour the output.")
OutputFormat = _choices("OutputFormat", terms.OUTPUT_FORMATS, "Output format of the read commands.")
FindingFormat = _choices("FindingFormat", terms.FINDING_FORMATS, "Output format of validate.")
Section = _choices("Section", terms.SECTIONS, "A monograph section for show --section.")
Hepatic = _choices("Hepatic", terms.HEPATIC_CLASSES, "Hepatic impairment by Child-Pugh class.")
Cyp3a = _choices("Cyp3a", terms.CYP3A_CONDITIONS, "A CYP3A4 inhibitor or inducer taken with the drug.")


def complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Drug names, brands, codes and synonyms that start with what was typed (any case).

    Each name is offered once, spelled as the monograph spells it or in the case the user began
    typing; a name with a space is offered quoted so the shell keeps it one word.
    """
    try:
        from trkmono.library import open_library
        from trkmono.reading.folders import chosen_data_dir
        import contextlib, io  # noqa: E401  (completion must never write to the terminal)
        with contextlib.redirect_stderr(io.StringIO()):
            library = open_library(chosen_data_dir(ctx.params.get("data_dir")))
    except Exception:  # completion must never break the shell
        return []
    typed = incomplete.strip("'\"")
    found: dict[str, str] = {}
    for member in library.members:
        for _, name, _ in member.names:
            if name.casefold().startswith(typed.casefold()):
                found.setdefault(name.casefold(), _in_typed_case(name, typed))
    return sorted(f"'{n}'" if " " in n else n for n in found.values())


def _in_typed_case(name: str, typed: str) -> str:
    """``name`` spelled so that it starts with what was typed: as written, else in the typed case."""
    if name.startswith(typed):
        return name
    if typed.islower():
        return name.lower()
    return name.upper() if typed.isupper() else typed + name[len(typed):]


DataDir = Annotated[Optional[Path], typer.Option(
    "--data-dir", envvar="TRKMONO_DATA_DIR", file_okay=False,
    help="Folder of monographs to use instead of the packaged library [env: TRKMONO_DATA_DIR].",
    show_envvar=False)]
Name = Annotated[str, typer.Argument(help="Generic name, brand, code or synonym (any case).",
                                     autocompletion=complete_names, show_default=False)]
Names = Annotated[Optional[list[str]], typer.Argument(help="Drugs (default: all).", autocompletion=complete_names,
                                                      show_default=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="text (default), json or markdown.", show_default=False)]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour: auto (terminal only), always, never.")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Never page long output (it is never paged when piped).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Do not report skipped files or notes on stderr.")]


def output_format(chosen: Optional[Enum], json: bool) -> str:
    """The format asked for by --format or --json (giving both differently is a usage error)."""
    if json and chosen is not None and chosen.value != "json":
        from trkmono.errors import UsageError
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return "json" if json else (chosen.value if chosen is not None else "text")
