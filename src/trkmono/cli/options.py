"""The options every command shares, declared once: the same words and help everywhere."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Generic, Optional, TypeVar

import typer

from trkmono import terms


W = TypeVar("W", bound=str)
"""One of the vocabulary's Literal types (terms.HepaticClass, ...)."""


@dataclass(frozen=True)
class Words(Generic[W]):
    """The words one option takes, from the vocabulary: parsed leniently (any case; a space, an
    underscore or nothing for a hyphen; ``also`` maps further spellings to a word), refused in the
    option's own terms with the one closest word when the value looks like a typo of it. A value
    parsed is one of the Literal's words, and typed so."""

    words: tuple[W, ...]
    what: str
    """What a value is, after 'is not': 'a Child-Pugh class'."""
    glosses: Mapping[W, str] = field(default_factory=dict)
    """A word's meaning, shown beside it when the value is refused."""
    also: Mapping[str, W] = field(default_factory=dict)
    """Other spellings (any case and spacing) of a word."""
    cutoff: float = 0.6
    """How alike (difflib ratio) a value must be to a word to be offered as 'did you mean'."""

    def parse(self, text: str) -> W:
        """The vocabulary word ``text`` stands for; a usage error (exit 2) when there is none."""
        spelled = self._spellings()
        found = spelled.get(_folded(text))
        if found is None:
            raise typer.BadParameter(self._refusal(text, spelled))
        return found

    def complete(self, incomplete: str) -> list[str]:
        """The words that start with what was typed (completion offers only the vocabulary's own)."""
        return [word for word in self.words if word.startswith(incomplete.casefold())]

    @property
    def metavar(self) -> str:
        """How help shows the choices: <a|b|c>."""
        return "<" + "|".join(self.words) + ">"

    def _spellings(self) -> dict[str, W]:
        spelled = {_folded(word): word for word in self.words}
        spelled.update({_folded(other): word for other, word in self.also.items()})
        return spelled

    def _refusal(self, text: str, spelled: dict[str, W]) -> str:
        close = {spelled[key] for key in difflib.get_close_matches(_folded(text), spelled, n=3, cutoff=self.cutoff)}
        hint = f"did you mean {next(iter(close))}? " if len(close) == 1 else ""
        listed = ", ".join(f"{word} ({self.glosses[word]})" if word in self.glosses else word for word in self.words)
        return f"'{text}' is not {self.what}; {hint}give one of: {listed}"


def _folded(text: str) -> str:
    """``text`` compared without case, spaces, hyphens or underscores: 'Child-Pugh B' == 'child_pugh_b'."""
    return re.sub(r"[\s_-]+", "", text.casefold())


COLORS = Words(terms.COLORS, "a colour setting")
OUTPUT_FORMATS = Words(terms.OUTPUT_FORMATS, "an output format")
FINDING_FORMATS = Words(terms.FINDING_FORMATS, "a findings format")
SECTIONS = Words(terms.SECTIONS, "a section of a monograph")
HEPATIC = Words(
    terms.HEPATIC_CLASSES, "a Child-Pugh class of hepatic impairment",
    glosses={word: f"{severity}, {word[-1].upper()}" for word, severity in terms.HEPATIC_SEVERITY.items()},
    also={**{word[-1]: word for word in terms.HEPATIC_CLASSES},
          **{severity: word for word, severity in terms.HEPATIC_SEVERITY.items()}},
    cutoff=0.8)
"""child-pugh-b, also B, moderate, "Child-Pugh B". Only a typo is offered as 'did you mean': a
letter that is not a class is refused without a guess."""
CYP3A = Words(
    terms.CYP3A_CONDITIONS, "a CYP3A4 condition the dose rules know",
    also={word.replace("-", f" {enzyme} "): word for word in terms.CYP3A_CONDITIONS for enzyme in ("CYP3A4", "CYP3A")},
    cutoff=0.8)
"""strong-inhibitor, also "strong inhibitor", "Strong CYP3A4 inhibitor". Only a typo is offered as
'did you mean': a weak inhibitor is never offered another strength."""


ASPECT = Words(terms.COMPARE_ASPECTS, "an aspect compare shows", also={"dose": "adult-dose", "child-dose": "paediatric-dose",
                                                                     "reductions": "dose-reductions", "liver": "hepatic"})
"""adult-dose, paediatric-dose, ... also 'dose', 'reductions'."""


def choice(words: Words[W], *names: str, **option: Any) -> typer.models.OptionInfo:
    """A typer option taking one of ``words`` (help shows them; completion offers them)."""
    return typer.Option(*names, parser=words.parse, autocompletion=words.complete, metavar=words.metavar, **option)


def body_surface_area(text: str) -> float:
    """--bsa: a number of m2 ('0.6', '1.2 m2'); a usage error, with the likely number, otherwise."""
    number = re.sub(r"\s*m(2|²)$", "", text.strip(), flags=re.IGNORECASE)
    try:
        return float(number)
    except ValueError:
        hint = f"did you mean {number.replace(',', '.')}? " if _is_number(number.replace(",", ".")) else ""
        raise typer.BadParameter(f"'{text}' is not a body surface area; {hint}give it in m2 as a number, "
                                 "e.g. 0.6 or 1.75") from None


def reduction_step(text: str) -> int:
    """--reduction: a whole number; a usage error, with the likely step, otherwise."""
    try:
        return int(text)
    except ValueError:
        whole = text.strip().removesuffix(".0")
        hint = f"did you mean {whole}? " if whole.isdigit() else ""
        raise typer.BadParameter(f"'{text}' is not a dose-reduction step; {hint}give its number: 1 (the first "
                                 "reduction), 2, ...") from None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


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


Bsa = Annotated[Optional[float], typer.Option(
    "--bsa", metavar="M2", parser=body_surface_area, help="Body surface area in m2 (0.1 to 4). Without it and --age: the adult regimen.")]
AgeOption = Annotated[Optional[str], typer.Option(
    "--age", metavar="AGE", show_default=False,
    help="Age in years (8, 8y, 1.5) or months (10m), 0 to 120 years; chooses age-banded regimens.")]
HepaticOption = Annotated[Optional[terms.HepaticClass], choice(HEPATIC, "--hepatic", help="Hepatic impairment by Child-Pugh class.")]
With = Annotated[Optional[list[str]], typer.Option(
    "--with", metavar="DRUG", show_default=False,
    help="A co-medication by name (INN, US or British spelling, brand); repeat it or separate names with commas.")]
DataDir = Annotated[Optional[Path], typer.Option(
    "--data-dir", envvar="TRKMONO_DATA_DIR", file_okay=False,
    help="Folder of monographs to use instead of the packaged library [env: TRKMONO_DATA_DIR].",
    show_envvar=False)]
Name = Annotated[str, typer.Argument(help="Generic name, brand, code or synonym (any case).", metavar="NAME",
                                     autocompletion=complete_names, show_default=False)]
Names = Annotated[Optional[list[str]], typer.Argument(help="Drugs (default: all).", metavar="NAME",
                                                      autocompletion=complete_names, show_default=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
FormatOption = Annotated[Optional[terms.OutputFormat], choice(
    OUTPUT_FORMATS, "--format", "-f", help="text (default), json or markdown.", show_default=False)]
ColorOption = Annotated[terms.Color, choice(COLORS, "--color", help="Colour: auto (terminal only), always, never.")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Never page long output (it is never paged when piped).")]
RegionOption = Annotated[Optional[str], typer.Option(
    "--region", "-r", metavar="REGION", show_default=False,
    help="Whose label to follow: US (default), EU, UK, CH, HK, CA, JP, CN, AU [env: TRKMONO_REGION].")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Do not report skipped files or notes on stderr.")]


def output_format(chosen: Optional[terms.OutputFormat], json: bool) -> terms.OutputFormat:
    """The format asked for by --format or --json (giving both differently is a usage error)."""
    if json and chosen is not None and chosen != "json":
        from trkmono.errors import UsageError
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return "json" if json else (chosen or "text")
