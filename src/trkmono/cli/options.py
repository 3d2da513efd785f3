"""The options every command shares, declared once: the same words and help everywhere."""

from __future__ import annotations

import os
import re
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
    """Drug names, brands, codes and synonyms that start with what was typed (any case), from the
    library in use (--data-dir or TRKMONO_DATA_DIR respected).

    Each name is offered once, spelled as the monograph spells it or in the case the user began
    typing (typer keeps only candidates that start with exactly what was typed). A name with a
    space must stay one word: bash inserts a candidate as it is, so there the space is escaped
    (``BAY\\ 2731954``; a quoted candidate would not start with what was typed and typer would drop
    it); zsh and fish quote the candidates they insert themselves.
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
    return sorted(_one_shell_word(name) for name in found.values())


_SHELL_SPECIAL = re.compile(r"([\s'\"\\$`&|;<>()*?!#~\[\]{}])")


def _one_shell_word(name: str) -> str:
    """``name`` as bash must receive it to keep it one word; as it is for the other shells."""
    if os.environ.get(COMPLETE_ENV, "").endswith("_bash"):
        return _SHELL_SPECIAL.sub(r"\\\1", name)
    return name


COMPLETE_ENV = "_TRKMONO_COMPLETE"
"""Set by the shell's completion script to the shell asking ('complete_bash', 'complete_zsh', ...)."""


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
Name = Annotated[str, typer.Argument(help="Generic name, brand, code or synonym (any case).", metavar="NAME",
                                     autocompletion=complete_names, show_default=False)]
Names = Annotated[Optional[list[str]], typer.Argument(help="Drugs (default: all).", metavar="NAME",
                                                      autocompletion=complete_names, show_default=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="text (default), json or markdown.", show_default=False)]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour: auto (terminal only), always, never.")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Never page long output (it is never paged when piped).")]
RegionOption = Annotated[Optional[str], typer.Option(
    "--region", "-r", metavar="REGION", show_default=False,
    help="Whose label to follow: US (default), EU, UK, CH, HK, CA, JP, CN, AU [env: TRKMONO_REGION].")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Do not report skipped files or notes on stderr.")]


def output_format(chosen: Optional[Enum], json: bool) -> str:
    """The format asked for by --format or --json (giving both differently is a usage error)."""
    if json and chosen is not None and chosen.value != "json":
        from trkmono.errors import UsageError
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return "json" if json else (chosen.value if chosen is not None else "text")
