"""The clinical tools on the command line: dose, interactions, resistance and search.

Thin typer commands in the style of ``trkmono.cli``; ``register(app)`` adds them to the app.
The work happens in ``dosecalc``, ``resistance`` and ``search``, the output in ``views.tools``;
heavy modules are imported inside the commands.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from trkmono.cli import Color, ColorOption, DataDir, JsonFlag, _console, _open_library, user_errors


class Hepatic(str, Enum):
    """Hepatic impairment by Child-Pugh class (the schema's HepaticClass)."""

    child_pugh_a = "child-pugh-a"
    child_pugh_b = "child-pugh-b"
    child_pugh_c = "child-pugh-c"


class Cyp3a(str, Enum):
    """A CYP3A4 inhibitor or inducer taken with the drug (the schema's Cyp3aCondition)."""

    strong_inhibitor = "strong-inhibitor"
    moderate_inhibitor = "moderate-inhibitor"
    strong_inducer = "strong-inducer"
    moderate_inducer = "moderate-inducer"


Name = Annotated[str, typer.Argument(help="Generic name, brand, code or synonym (any case).")]


@user_errors
def dose(
    name: Name,
    bsa: Annotated[Optional[float], typer.Option(
        "--bsa", metavar="M2", help="Body surface area in m2 (above 0, at most 4). Without it: the adult regimen.")
    ] = None,
    hepatic: Annotated[Optional[Hepatic], typer.Option(
        "--hepatic", help="Hepatic impairment by Child-Pugh class.")] = None,
    cyp3a: Annotated[Optional[Cyp3a], typer.Option(
        "--cyp3a", help="A CYP3A4 inhibitor or inducer taken with it.")] = None,
    reduction: Annotated[Optional[int], typer.Option(
        "--reduction", metavar="N", help="Dose-reduction step N of the label's adverse-reaction ladder.")] = None,
    data_dir: DataDir = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
) -> None:
    """Compute a dose from the label's rules, each step with its citation; never guesses.

    Starting regimen (BSA band, or the adult regimen without --bsa), then the reduction step,
    the hepatic rule and the CYP3A4 rule. Exit 0: a dose was computed; 1: the monograph gives no
    rule for what was asked (the output says why, nothing is computed); 2: impossible input.

    Example: trkmono dose larotrectinib --bsa 0.6 --hepatic child-pugh-b
    """
    from trkmono import dosecalc
    request = dosecalc.Request(dosecalc.bsa_from_option(bsa), hepatic.value if hepatic else None,
                               cyp3a.value if cyp3a else None, reduction)
    dosecalc.check_request(request)
    monograph = _open_library(data_dir).find(name)
    outcome = dosecalc.calculate(monograph, request)
    if json:
        from trkmono.views.tools import dose_json
        typer.echo(dose_json(outcome))
    else:
        from trkmono.views.tools import render_dose
        render_dose(_console(color), outcome)
    if not outcome.computed:
        from trkmono.problems import printable
        typer.echo(f"trkmono: no dose computed: {printable('; '.join(outcome.reasons))}", err=True)
        raise typer.Exit(1)


@user_errors
def interactions(name: Name, data_dir: DataDir = None, json: JsonFlag = False,
                 color: ColorOption = Color.auto) -> None:
    """Show what the monograph says about interacting drugs and foods, with citations.

    CYP3A4 inhibitors and inducers (each condition, or that the monograph gives no rule), other
    interactions (transporters, QT-prolonging drugs, food) and other statements that mention them.

    Example: trkmono interactions entrectinib
    """
    from trkmono.search import interaction_mentions
    monograph = _open_library(data_dir).find(name)
    mentions = interaction_mentions(monograph)
    if json:
        from trkmono.views.tools import interactions_json
        typer.echo(interactions_json(monograph, mentions))
        return
    from trkmono.views.tools import render_interactions
    render_interactions(_console(color), monograph, mentions)


@user_errors
def resistance(
    words: Annotated[Optional[list[str]], typer.Argument(
        metavar="[MUTATION]", help="One mutation, e.g. G595R, TRKA G595R or NTRK1 G595R (default: the whole table).")
    ] = None,
    data_dir: DataDir = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
) -> None:
    """Show which drugs are active or resistant against TRK kinase-domain mutations.

    Each cell: active, reduced, resistant or no data, with the evidence (clinical or preclinical)
    and citations. An unknown mutation exits 1; an unreadable spelling exits 2.

    Example: trkmono resistance "TRKA G595R"
    """
    from trkmono.resistance import lookup, read, table
    mutation = " ".join(words) if words else None
    if mutation is not None:
        read(mutation)
    full = table(_open_library(data_dir).monographs)
    if mutation is None:
        if json:
            from trkmono.views.tools import resistance_json
            typer.echo(resistance_json(full))
            return
        from trkmono.views.tools import render_resistance
        render_resistance(_console(color), full)
        return
    row, regional = lookup(full, mutation)
    if json:
        from trkmono.views.tools import resistance_json
        typer.echo(resistance_json(full, row, regional))
        return
    from trkmono.views.tools import render_mutation
    render_mutation(_console(color), full, row, regional)


@user_errors
def search(
    words: Annotated[list[str], typer.Argument(help="Words to find (all of them, any case).", metavar="TEXT...")],
    data_dir: DataDir = None,
    json: JsonFlag = False,
    color: ColorOption = Color.auto,
) -> None:
    """Search all monographs for statements containing every word; no hits exits 1.

    Example: trkmono search grapefruit avoid
    """
    from trkmono.search import search as find
    from trkmono.search import words_of
    text = " ".join(words)
    words_of(text)
    hits = find(_open_library(data_dir).monographs, text)
    if json:
        from trkmono.views.tools import search_json
        typer.echo(search_json(text, words_of(text), hits))
        return
    from trkmono.views.tools import render_search
    render_search(_console(color), text, hits)


def register(app: typer.Typer) -> None:
    """Add the clinical tools to the trkmono app."""
    app.command("dose")(dose)
    app.command("interactions")(interactions)
    app.command("resistance")(resistance)
    app.command("search")(search)
