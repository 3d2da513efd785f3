"""The clinical tools: dose, interactions, resistance and search, in the shape of every command."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from trkmono import terms
from trkmono.cli.common import Reading, read_command
from trkmono.cli.guard import say
from trkmono.cli.options import (CYP3A, AgeOption, Bsa, HepaticOption, Name, With, body_surface_area, choice,
                                 reduction_step)


@read_command
def dose(
    name: Name,
    bsa: Bsa = None,
    age: AgeOption = None,
    hepatic: HepaticOption = None,
    cyp3a: Annotated[Optional[terms.Cyp3aCondition], choice(
        CYP3A, "--cyp3a", help="A CYP3A4 inhibitor or inducer taken with it.")] = None,
    reduction: Annotated[Optional[int], typer.Option(
        "--reduction", metavar="N", parser=reduction_step,
        help="Dose-reduction step N of the label's adverse-reaction ladder.")] = None,
    ladder_bsa: Annotated[Optional[float], typer.Option(
        "--ladder-bsa", metavar="M2", parser=body_surface_area, help="With --reduction: the BSA at which a child's "
        "reduction ladder was chosen (decides where the label keeps a child on its ladder as the BSA grows).")] = None,
    comedications: With = None,
    *,
    read: Reading,
) -> None:
    """Compute a dose from the label's rules, each step with its citation; never guesses.

    Follows one region's label (--region; default US). Starting regimen (by --age and --bsa;
    without either, an adult), with its lead-in if it has one, then at most one rule that changes
    the dose: the reduction step (both phases where the label reduces the lead-in too), the
    hepatic rule or the CYP3A4 rule. The labels do not say how these combine, so when two or
    more would change the dose, each is shown on its own and nothing is computed. Past the last
    reduction step the answer is the label's discontinue rule. --with names co-medications:
    their CYP3A classes (from trkmono's interaction table) become the CYP3A4 rule; two different
    CYP3A4 rules (an inhibitor and an inducer, or a drug sources grade differently) are each shown
    on their own and nothing is computed. Exit 0: a dose was computed; 1: nothing was computed (the
    output says why) or a co-medication is not in the table; 2: impossible input.

    Example: trkmono dose larotrectinib --bsa 0.6 --hepatic child-pugh-b
    """
    from trkmono.clinical import dose as calculator
    request = calculator.Request(calculator.bsa_from_option(bsa), hepatic, cyp3a, reduction,
                                 calculator.age_from_option(age), calculator.bsa_from_option(ladder_bsa))
    calculator.check_request(request)
    monograph = read.find(read.library(), name)
    found = _comedications(monograph, comedications)
    if found is None:
        outcome = calculator.calculate(monograph, request)
    else:
        from trkmono.clinical.comedications import calculate_with
        outcome = calculate_with(monograph, request, found.answers)
    from trkmono.views import json as as_json
    from trkmono.views.builders.dose import dose as build
    read.document(lambda: build(outcome), json=lambda: as_json.dose_json(outcome),
                  failed=_unknown(found) or (None if outcome.computed else f"no dose computed: {'; '.join(outcome.reasons)}"))


def _unknown(found) -> str | None:
    """What --with named that the interaction table does not hold, as the refusal says it."""
    if found is None or not found.unknown:
        return None
    from trkmono.clinical.comedications import UNKNOWN
    return f"{', '.join(found.unknown)}: {UNKNOWN}"


def _comedications(monograph, given: list[str] | None):
    """The co-medications' check (None without --with); classes that are not a dose rule said on stderr."""
    if not given:
        return None
    from trkmono.clinical import comedications as table
    from trkmono.terms import CYP3A_BY_CLASS
    found = table.check(monograph, table.names(given), table.load_table())
    for answer in found.answers:
        other = [c.label for c in answer.classes if c.claim.acts_as not in CYP3A_BY_CLASS]
        if other:
            say(f"note: {answer.entry.name} is also listed as {'; '.join(other)}: not a dose rule; run "
                f"'trkmono interactions {monograph.id} --with {answer.asked}'")
    return found


@read_command
def interactions(name: Name, comedications: With = None, *, read: Reading) -> None:
    """Show what the monograph says about interacting drugs and foods, with citations.

    CYP3A4 inhibitors and inducers (each condition, or that the monograph gives no rule), other
    interactions (transporters, QT-prolonging drugs, food) and other statements that mention them.
    With --with, answers for each co-medication instead: its classes (from trkmono's interaction
    table, each with its source; both when sources differ) and the monograph's rule for each, both
    ways (what it does to the drug, and what the drug does to it). A co-medication the table does
    not hold is named and the command exits 1.

    Example: trkmono interactions entrectinib --with itraconazole --with digoxin
    """
    if comedications:
        return _interactions_with(name, comedications, read)
    library = read.library()
    member = library.member(name)
    monograph = read.find(library, name)
    from trkmono.clinical.search import interaction_mentions
    mentions = interaction_mentions(library.records(member))
    from trkmono.views import json as as_json
    from trkmono.views.builders.interactions import interactions as build
    read.document(lambda: build(monograph, mentions), json=lambda: as_json.interactions_json(monograph, mentions))


def _interactions_with(name: str, given: list[str], read: Reading) -> None:
    from trkmono.clinical import comedications as table
    from trkmono.clinical.answer import interaction_sections
    monograph = read.find(read.library(), name)
    asked = table.names(given)
    found = table.check(monograph, asked, table.load_table())
    sections = interaction_sections(found)
    from trkmono.views import answers
    from trkmono.views.builders.interactions import sections as build
    title = f"{monograph.identity.generic_name.upper()} — interactions with {', '.join(asked)}"
    read.document(lambda: build(title, "co-medications " + ", ".join(asked), sections),
                  json=lambda: answers.check_json(found, sections), failed=_unknown(found))


@read_command
def patient(
    name: Name,
    bsa: Bsa = None,
    age: AgeOption = None,
    hepatic: HepaticOption = None,
    crcl: Annotated[Optional[float], typer.Option(
        "--crcl", metavar="ML_MIN", min=0, max=300, help="Creatinine clearance in mL/min (lists the renal rules).")] = None,
    comedications: With = None,
    pregnant: Annotated[bool, typer.Option("--pregnant", help="The patient is pregnant.")] = False,
    breastfeeding: Annotated[bool, typer.Option("--breastfeeding", help="The patient is breastfeeding.")] = False,
    tube: Annotated[bool, typer.Option("--tube", help="The drug is to be given by feeding tube.")] = False,
    *,
    read: Reading,
) -> None:
    """One cited answer for one patient: dose, interactions, warnings, pregnancy, administration.

    Takes what a prescriber knows and answers only from the files: the caveats to know first, the
    dose (or why none, as 'dose' computes it), each co-medication's classes and rules (as
    'interactions --with'), the renal rules (with --crcl), the boxed warning, warnings and
    monitoring, pregnancy, contraception and lactation statements, and administration (statements
    about feeding tubes stand out with --tube). What the files do not cover is named at the end.
    Exit 0: a dose was computed and everything asked is covered; 1: not (the output says what);
    2: impossible input.

    Example: trkmono patient larotrectinib --age 8 --bsa 0.6 --with itraconazole --breastfeeding
    """
    from trkmono.clinical import dose as calculator, patient as one
    request = calculator.Request(calculator.bsa_from_option(bsa), hepatic,
                                 None, None, calculator.age_from_option(age))
    calculator.check_request(request)
    monograph = read.find(read.library(), name)
    from trkmono.clinical import comedications as table
    asked_names = table.names(comedications)
    found = table.check(monograph, asked_names, table.load_table())
    known = one.Patient(None if crcl is None else calculator.decimal(crcl), pregnant, breastfeeding, tube)
    result = one.answer(monograph, request, found, known)
    asked = one.asked(request, asked_names, known)
    title = f"{monograph.identity.generic_name.upper()} — one patient"
    from trkmono.views import answers
    from trkmono.views.builders.interactions import sections as build
    read.document(lambda: build(title, asked, result.sections), json=lambda: answers.patient_json(result, asked),
                  failed=None if result.complete else "incomplete answer: " + "; ".join(
                    result.outcome.reasons + result.uncovered))


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
    from trkmono.views import json as as_json
    from trkmono.views.builders import resistance as build
    read.document(lambda: build.mutation(full, row, regional) if row else build.table(full),
                  json=lambda: as_json.resistance_json(full, row, regional))


@read_command
def search(
    words: Annotated[list[str], typer.Argument(help="Words to find (all of them, any case).", metavar="TEXT...")],
    *,
    read: Reading,
) -> None:
    """Search all monographs for statements containing every word; no hits exits 1.

    A drug's other names count as the same word: INN, US and British spellings and brands of the
    interaction table's drugs (rifampin finds rifampicin) and the monographs' own names.

    Example: trkmono search grapefruit avoid
    """
    from trkmono.clinical.comedications import key, spellings
    from trkmono.clinical.search import search as find_all, spelled, words_of
    library = read.library()
    text = " ".join(words)
    terms = words_of(text)

    def names_of(word: str) -> list[str]:
        return spellings().get(key(word), []) + library.names_of(word)

    alternatives = spelled(terms, names_of)
    hits = find_all(library.matching_records(alternatives), alternatives)
    respelled = [list(t) for t in alternatives if isinstance(t, tuple)]
    shown = text + "".join(f"; {t[0]} also as {', '.join(t[1:])}" for t in respelled)
    from trkmono.views import json as as_json
    from trkmono.views.builders.search import search as build
    read.document(lambda: build(shown, hits), json=lambda: as_json.search_json(text, terms, hits, respelled))


