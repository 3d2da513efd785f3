"""The clinical tools: dose, interactions, resistance and search, in the shape of every command."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from trkmono.cli.common import Reading, read_command, tool_views
from trkmono.cli.guard import say
from trkmono.cli.options import Cyp3a, Hepatic, Name


@read_command
def dose(
    name: Name,
    bsa: Annotated[Optional[float], typer.Option(
        "--bsa", metavar="M2", help="Body surface area in m2 (0.1 to 4). Without it and --age: the adult regimen.")] = None,
    age: Annotated[Optional[str], typer.Option(
        "--age", metavar="AGE", show_default=False,
        help="Age in years (8, 8y, 1.5) or months (10m), 0 to 120 years; chooses age-banded regimens.")] = None,
    hepatic: Annotated[Optional[Hepatic], typer.Option(
        "--hepatic", help="Hepatic impairment by Child-Pugh class.")] = None,
    cyp3a: Annotated[Optional[Cyp3a], typer.Option(
        "--cyp3a", help="A CYP3A4 inhibitor or inducer taken with it.")] = None,
    reduction: Annotated[Optional[int], typer.Option(
        "--reduction", metavar="N", help="Dose-reduction step N of the label's adverse-reaction ladder.")] = None,
    ladder_bsa: Annotated[Optional[float], typer.Option(
        "--ladder-bsa", metavar="M2", help="With --reduction: the BSA at which a child's reduction ladder was "
        "chosen (decides where the label keeps a child on its ladder as the BSA grows).")] = None,
    *,
    read: Reading,
) -> None:
    """Compute a dose from the label's rules, each step with its citation; never guesses.

    Follows one region's label (--region; default US). Starting regimen (by --age and --bsa;
    without either, an adult), with its lead-in if it has one, then at most one rule that changes
    the dose: the reduction step (both phases where the label reduces the lead-in too), the
    hepatic rule or the CYP3A4 rule. The labels do not say how these combine, so when two or
    more would change the dose, each is shown on its own and nothing is computed. Past the last
    reduction step the answer is the label's discontinue rule. Exit 0: a dose was computed; 1:
    nothing was computed (the output says why); 2: impossible input.

    Example: trkmono dose larotrectinib --bsa 0.6 --hepatic child-pugh-b
    """
    from trkmono.clinical import dose as calculator
    request = calculator.Request(calculator.bsa_from_option(bsa), hepatic.value if hepatic else None,
                                 cyp3a.value if cyp3a else None, reduction, calculator.age_from_option(age),
                                 calculator.bsa_from_option(ladder_bsa))
    calculator.check_request(request)
    outcome = calculator.calculate(read.find(read.library(), name), request)
    from trkmono.views import json as as_json, markdown
    read.answer(text=lambda console: tool_views().render_dose(console, outcome),
                json=lambda: as_json.dose_json(outcome),
                markdown=lambda: markdown.dose(outcome))
    if not outcome.computed:
        say(f"no dose computed: {'; '.join(outcome.reasons)}")
        raise typer.Exit(1)


@read_command
def interactions(name: Name, *, read: Reading) -> None:
    """Show what the monograph says about interacting drugs and foods, with citations.

    CYP3A4 inhibitors and inducers (each condition, or that the monograph gives no rule), other
    interactions (transporters, QT-prolonging drugs, food) and other statements that mention them.

    Example: trkmono interactions entrectinib
    """
    library = read.library()
    member = library.member(name)
    monograph = read.find(library, name)
    from trkmono.clinical.search import interaction_mentions
    mentions = interaction_mentions(library.records(member))
    from trkmono.views import json as as_json, markdown
    read.answer(text=lambda console: tool_views().render_interactions(console, monograph, mentions),
                json=lambda: as_json.interactions_json(monograph, mentions),
                markdown=lambda: markdown.interactions(monograph, mentions))


@read_command
def resistance(
    words: Annotated[Optional[list[str]], typer.Argument(
        metavar="[MUTATION]", help="One mutation, e.g. G595R, TRKA G595R or NTRK1 G595R (default: the whole table).")
    ] = None,
    *,
    read: Reading,
) -> None:
    """Show which drugs are active or resistant against TRK kinase-domain mutations.

    Each cell: active, reduced, resistant or no data, with the evidence (clinical or preclinical)
    and citations. An unknown mutation exits 1; an unreadable spelling exits 2.

    Example: trkmono resistance "TRKA G595R"
    """
    from trkmono.clinical.resistance import lookup, read as parse, table
    mutation = " ".join(words) if words else None
    if mutation is not None:
        parse(mutation)
    full = table(list(read.monographs(read.library())))
    row, regional = lookup(full, mutation) if mutation else (None, [])
    from trkmono.views import json as as_json, markdown
    read.answer(text=lambda console: (tool_views().render_mutation(console, full, row, regional) if row
                                      else tool_views().render_resistance(console, full)),
                json=lambda: as_json.resistance_json(full, row, regional),
                markdown=lambda: markdown.resistance(full, row, regional))


@read_command
def search(
    words: Annotated[list[str], typer.Argument(help="Words to find (all of them, any case).", metavar="TEXT...")],
    *,
    read: Reading,
) -> None:
    """Search all monographs for statements containing every word; no hits exits 1.

    Example: trkmono search grapefruit avoid
    """
    from trkmono.clinical.search import search as find_all, words_of
    text = " ".join(words)
    terms = words_of(text)
    hits = find_all(read.library().matching_records(terms), terms)
    from trkmono.views import json as as_json, markdown
    read.answer(text=lambda console: tool_views().render_search(console, text, hits),
                json=lambda: as_json.search_json(text, terms, hits),
                markdown=lambda: markdown.search(text, hits))


