"""new and help: a starter monograph for curators, and short help topics for everyone.

The starter holds every section with placeholders that ``validate`` refuses one by one (an empty
value, ``TODO`` where an id or a choice goes, ``YYYY-MM-DD`` for a date), so a curator fills it in
by running ``validate`` until it is clean. The help topics live here, in one place.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer

from trkmono.cli.guard import command, emit
from trkmono.errors import UsageError

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*", re.ASCII)

STARTER = """\
# A new trkmono monograph. Every placeholder below fails `trkmono validate {id}.yaml`, which
# names each one with its line: an empty value, TODO where an id or a choice goes, YYYY-MM-DD
# for a date. Give every statement the ids of the references that support it (cite), where in
# them it stands when you can (at: {{ref-id: "§2.3"}}), and its evidence status: confirmed (a
# regulatory or peer-reviewed text you read states it), corroborated (only two or more
# independent secondary sources agree) or unconfirmed. See `trkmono help evidence`.
# Notes on how you researched a claim go in curator_note (shown only by `show --notes`).
schema_version: 1
id: {id}
identity:
  generic_name:                 # the INN, e.g. larotrectinib
  codes: []                     # development codes: - {{name: LOXO-101, cite: [ref-id]}}
  synonyms: []
  brands: []                    # - {{name: VITRAKVI, markets: [US], cite: [ref-id]}}
  classification:
    drug_class:                 # e.g. kinase inhibitor
    generation: TODO            # first or next
    cite: [TODO]
  targets:
    - name:                     # e.g. TRKA
      cite: [TODO]
  route:
    text:                       # e.g. oral (capsules or oral solution)
    cite: [TODO]
  formulations:
    - form:                     # e.g. capsule
      strengths:
        - {{amount: 0, unit: mg}}  # the strength; 0 is refused
      cite: [TODO]
status:
  stage: TODO                   # approved, investigational or discontinued
  cite: [TODO]
  regulators:
    - regulator:                # e.g. FDA
      events:
        - date: YYYY-MM-DD
          kind: TODO            # e.g. accelerated-approval, marketing-authorisation, investigational
          indication:           # what the event concerns
          cite: [TODO]
indications:
  - regulator:                  # e.g. FDA
    text:                       # the indication, paraphrased
    populations:
      - group: TODO             # adult, paediatric or adult-and-paediatric
    biomarker:                  # e.g. NTRK gene fusion
    line_of_therapy:            # e.g. no satisfactory alternative treatments
    cite: [TODO]
mechanism:
  summary:
    text:                       # one paragraph on how it works
    cite: [TODO]
  points: []
  resistance: []                # - {{mutation: TRKA G595R, region: solvent-front, activity: resistant,
                                #    basis: clinical, text: ..., cite: [ref-id]}}
dosing:
  regimens:
    - population:
        group: TODO             # adult, paediatric or adult-and-paediatric
      dose: {{amount: 0, unit: TODO, frequency: TODO}}  # unit mg or mg/m2; once daily or twice daily
      food: TODO                # with or without food, with food, without food
      cite: [TODO]
  reductions: []                # adverse-reaction ladders, steps 1, 2, ... in order
  general: []
  hepatic: []                   # - {{condition: child-pugh-b, percent_change: -50, rule: ..., cite: [ref-id]}}
  renal: []
  cyp3a4: []                    # - {{condition: strong-inhibitor, avoid: true, rule: ..., cite: [ref-id]}}
  other_interactions: []
  administration: []
patient_selection: []
safety:
  boxed_warning:                # leave out for a drug with no label
    present: TODO               # true or false
    cite: [TODO]
  warnings:
    - title:                    # e.g. Hepatotoxicity
      text:                     # what the label says, paraphrased
      cite: [TODO]
  common_adverse_reactions: []
  serious_adverse_events: []
  monitoring: []
  pregnancy: []
  counselling: []
# The sections below may be left out only while nobody has read them: a section left out reads
# "not recorded", never "none". When a label says there are no contraindications, record that
# under none_stated with its citation. Label statements name their regions (regions: [US]).
contraindications:
  none_stated: []               # - {{text: The US label lists none., regions: [US], cite: [ref-id]}}
  listed:
    - text:                     # a contraindication, paraphrased
      regions: [TODO]           # whose label: US, EU, UK, JP, CN, ...
      cite: [TODO]
pharmacokinetics:
  half_life:
    - text:                     # e.g. mean elimination half-life at steady state
      hours: 0                  # the number of hours; 0 is refused
      cite: [TODO]
  time_to_peak: []
  metabolism: []                # e.g. mainly CYP3A4
  food_effect: []
effects_on_other_drugs: []      # the drug as perpetrator: - {{agent: CYP3A4 substrates, action: ..., cite: [ref-id]}}
reproduction:
  pregnancy: []
  contraception:
    - who: TODO                 # females of reproductive potential, or males with female partners of
                                # reproductive potential
      text:                     # the advice, paraphrased
      after_last_dose: {{value: 0, unit: TODO}}  # days, weeks or months; 0 is refused
      method:                   # e.g. effective non-hormonal contraception
      regions: [TODO]
      cite: [TODO]
  lactation: []                 # - {{text: ..., avoid_breastfeeding: true, after_last_dose: {{value: 1, unit: weeks}}, ...}}
older_adults: []
driving: []
overdose: []
storage:
  storage: []
  handling: []
  hazardous: []                 # hazardous-drug status as a source states it (e.g. NIOSH)
efficacy:
  trials: []
references:
  - id: TODO                    # a short lower-case id that statements cite, e.g. us-label-2025
    title:                      # the document's title
    publisher:                  # who published it
    date: YYYY-MM-DD            # or YYYY-MM, or YYYY
    url:                        # where to read it
    tier: TODO                  # regulatory-label, regulatory-decision, peer-reviewed,
                                # conference-abstract, manufacturer or secondary-web
review:
  last_reviewed: YYYY-MM-DD     # the day you checked it against its sources
  caveats: []                   # what a clinician must know first, short and clinical
  curator_notes: []             # how it was researched, what is left to do (not shown by default)
"""


@command
def new(
    monograph_id: Annotated[str, typer.Argument(metavar="ID", help="The new monograph's id (lower case, e.g. "
                                                "larotrectinib); the file is ID.yaml.", show_default=False)],
    folder: Annotated[Path, typer.Option("--folder", file_okay=False, help="Where to write ID.yaml.")] = Path("."),
) -> None:
    """Write a starter monograph ID.yaml for a curator to fill in; never overwrites a file.

    Every section is there with placeholders that `trkmono validate ID.yaml` explains one by
    one; fill them in until it is clean. Exit 2 when the id is not lower case letters, digits and
    hyphens, or ID.yaml exists.

    Example: trkmono new repotrectinib --folder data/monographs
    """
    if not ID_PATTERN.fullmatch(monograph_id):
        raise UsageError(f"'{monograph_id}' cannot be an id: use lower-case letters, digits and hyphens "
                         "(e.g. larotrectinib)")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    path = folder / f"{monograph_id}.yaml"
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(STARTER.format(id=monograph_id))
    except FileExistsError:
        raise UsageError(f"{path} exists; trkmono new never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write it ({exc.strerror})") from None
    emit(f"wrote {path}: fill in the placeholders, then run 'trkmono validate {path}'\n")


def _evidence() -> str:
    from trkmono.terms import STRONG_TIERS, TIER_LABELS, TIERS
    from trkmono.views.citations import EVIDENCE_MEANINGS
    tiers = "\n".join(f"  {tier:<21} {TIER_LABELS[tier]}" + ("  (can confirm)" if tier in STRONG_TIERS else "")
                      for tier in TIERS)
    statuses = "\n".join(f"  {status:<13} {meaning}" for status, meaning in EVIDENCE_MEANINGS.items())
    return f"""\
Evidence: where a claim comes from, and how sure it is

Every claim is followed by [n], the number of its reference in the list at the end of
the output; [n §2.3] also says where in reference n it stands.

Each reference has a tier, strongest first:
{tiers}

Each claim has an evidence status, shown beside it unless it is confirmed:
{statuses}

`trkmono validate` checks that a claim's status fits the tiers of what it cites.
`compare` shows each cell's weakest tier. Read (unconfirmed) as a lead to check,
never as a fact to act on.
"""


def _dose() -> str:
    return """\
Dose: how `trkmono dose` combines the label's rules

1. The starting regimen for the patient (from --age and --bsa; without them, the
   adult regimen), with its lead-in when the label gives one.
2. At most ONE rule that changes the dose: step N of the adverse-reaction ladder
   (--reduction N), the hepatic rule (--hepatic), or the CYP3A4 rule (--cyp3a).
   The labels give these as changes of the starting dose and do not say how they
   combine; when two or more would apply, nothing is computed (exit 1) and each
   rule is shown on its own with its citation: the clinician decides.
3. Rules that say "no adjustment" are shown, cited, with the dose unchanged.

Where the monograph has no rule for what was asked, nothing is computed (exit 1)
and the output says why. Nothing is rounded to a capsule strength.
docs/dose.md (Regions and dose rules) has the details.
"""


def _data() -> str:
    from trkmono.compiled.cache_folder import CACHE_ENV
    from trkmono.reading.folders import DATA_DIR_ENV
    return f"""\
Data: which monographs trkmono reads

By default, the library packaged with trkmono (compiled when it was installed).
--data-dir DIR, or the environment variable {DATA_DIR_ENV}=DIR, makes every
command use a folder of your own instead: every *.yaml / *.yml file directly in
it is one monograph. A file that fails a check is not shown; it is named on
stderr (run `trkmono validate DIR`), and the others are shown as usual.

A folder's monographs are compiled once per file version into a private cache:
${CACHE_ENV} if set ("off" disables it), else $XDG_CACHE_HOME/trkmono, else
~/.cache/trkmono. A missing or unusable cache costs speed, never an answer.

The interaction table (comedications.yaml, packaged beside the monographs) is
what --with looks co-medications up in; it is the packaged one even with
--data-dir. `trkmono validate` checks it with the packaged library.

`trkmono new ID` writes a starter monograph; `trkmono --version` names the
newest review date of the packaged data.
"""


def _exit_codes() -> str:
    from trkmono.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_SERVICE, EXIT_USAGE
    return f"""\
Exit codes

  {EXIT_OK:>3}  success (validate: no errors; dose: a dose was computed)
  {EXIT_FAILED:>3}  not found or ambiguous name, findings (validate), no dose computed
       (dose), no search hit, a newer label (labels)
  {EXIT_USAGE:>3}  usage error: unknown option or value, impossible input, missing path,
       a file `new` would overwrite
  {EXIT_SERVICE:>3}  the label service could not be reached (labels)
  {EXIT_INTERNAL:>3}  internal error (a bug): one line on stderr; TRKMONO_DEBUG=1 shows it
  {EXIT_INTERRUPTED:>3}  interrupted (Ctrl-C)

Results go to stdout, diagnostics to stderr.
"""


TOPICS = {"evidence": _evidence, "dose": _dose, "data": _data, "exit-codes": _exit_codes}
"""Each help topic and the function that writes it."""


@command
def help(
    topic: Annotated[Optional[str], typer.Argument(help="evidence, dose, data or exit-codes.",
                                                   show_default=False)] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page long output.")] = False,
) -> None:
    """Short help topics: evidence (tiers and statuses), dose, data, exit-codes.

    Without a topic, lists them. `trkmono COMMAND --help` describes a command.

    Example: trkmono help evidence
    """
    if topic is None:
        emit("Topics: " + ", ".join(TOPICS) + ". Run 'trkmono help TOPIC'; 'trkmono COMMAND --help' "
             "describes a command.\n")
        return
    chosen = topic.strip().lower()
    if chosen not in TOPICS:
        import difflib
        close = difflib.get_close_matches(chosen, TOPICS, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise UsageError(f"no help topic '{topic}'; {hint}topics: {', '.join(TOPICS)}")
    emit(TOPICS[chosen](), page=not no_pager)
