"""The monograph data model: pure pydantic v2 models, no I/O.

Every clinical statement is a ``Cited`` model: it names one or more reference ids of its own
monograph (``cite``), optionally where in each reference it stands (``at``), and carries an
evidence status (``evidence``) that validate checks against the tiers of what it cites. Unknown
fields are refused everywhere, and values are strict so a YAML typo fails loudly instead of
being coerced.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from trkmono import terms


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date."""
    if not _PARTIAL_DATE.match(value):
        raise ValueError("date must be YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known)")
    parts = [int(p) for p in value.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    try:
        _dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value} is not a calendar date: {exc}") from None
    return value


PartialDate = Annotated[str, AfterValidator(_check_partial_date)]
"""A date as written in the source: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
"""A lower-case identifier: letters, digits and hyphens."""

Text = Annotated[str, Field(min_length=1, max_length=4000)]
"""Free text from a source, paraphrased, never empty."""

SetId = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
"""An SPL set id: a lower-case UUID."""

EvidenceTier = terms.Tier
"""Strength of a reference, strongest first."""
Frequency = terms.Frequency
DoseUnit = terms.DoseUnit
Food = terms.Food
Generation = terms.Generation
Stage = terms.Stage
EventKind = terms.EventKind
HepaticClass = terms.HepaticClass
Cyp3aCondition = terms.Cyp3aCondition
ResistanceRegion = terms.ResistanceRegion
Activity = terms.Activity
ResistanceEvidence = terms.ResistanceBasis
Region = terms.Region
"""A jurisdiction: US, EU, UK, CH, HK, CA, JP, CN, AU."""
Phase = terms.Phase
EvidenceStatus = terms.EvidenceStatus
"""See ``terms.EVIDENCE_STATUSES``."""
ComedicationClass = terms.ComedicationClass
"""See ``terms.COMEDICATION_CLASSES``."""
IdentifierSystem = terms.IdentifierSystem
ContraceptionWho = terms.ContraceptionWho
DurationUnit = terms.DurationUnit


class Model(BaseModel):
    """Base for every model: unknown fields forbidden, strict types, field docs from docstrings."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True
    )


Locator = Annotated[str, Field(min_length=1, max_length=60)]
"""Where in a source a statement stands: a section, table or page (e.g. §2.3, Table 1, p. 5)."""


class Cited(Model):
    """A statement backed by references listed in the same monograph."""

    cite: list[Slug] = Field(min_length=1)
    """Ids of the references that support this statement."""
    at: dict[Slug, Locator] = {}
    """Where the statement stands in a cited reference, by reference id (e.g. {us-label: §2.3})."""
    evidence: EvidenceStatus = "confirmed"
    """confirmed (a regulatory or peer-reviewed text states it), corroborated (two or more
    secondary sources agree) or unconfirmed (one secondary source, or sources disagree)."""
    curator_note: Text | None = None
    """How this statement was researched or why it is doubted; for curators, not shown by default."""
    regions: list[Region] = []
    """Whose label texts state this (US, EU, ...); empty for what is not a label fact (trials,
    mechanism). A screen for one region shows only its own and the region-free statements."""
    region_note: Text | None = None
    """Why a regional statement cites no reference of one of its regions."""
    short: Text | None = None
    """The curator's short form for the first screen, cited like the full text and carrying the
    same numbers (validate checks both)."""


class Statement(Cited):
    """One cited sentence or bullet point."""

    text: Text
    """The statement, paraphrased from its sources."""


class Name(Cited):
    """A name the drug is known by (synonym or development code)."""

    name: Text
    """The name exactly as the source spells it."""
    claimed_by_source: bool = False
    """True when only a cited source attaches this name to the drug and it is another drug's
    primary name or code; a look-up of the name then opens the other monograph."""


class Brand(Cited):
    """A brand (trade) name."""

    name: Text
    """The brand name."""
    markets: list[Text] = []
    """Where the brand is used (e.g. US, EU), when the source says."""


class Classification(Cited):
    """Pharmacological class and generation."""

    drug_class: Text
    """The class as the sources name it (e.g. kinase inhibitor)."""
    generation: Generation
    """First-generation or next-generation TRK inhibitor."""


class Strength(Model):
    """An amount of drug per unit of a formulation."""

    amount: float = Field(gt=0)
    """The number."""
    unit: Text
    """mg (per capsule or pellet packet) or mg/mL (solution or suspension)."""


class Formulation(Cited):
    """A dosage form with its strengths."""

    form: Text
    """Capsule, oral solution, pellets and so on."""
    strengths: list[Strength] = Field(min_length=1)
    """The strengths available."""


class Identity(Model):
    """What the drug is and what it is called."""

    generic_name: Text
    """International nonproprietary (generic) name."""
    synonyms: list[Name] = []
    """Other names, including names under which sources disagree."""
    codes: list[Name] = []
    """Development codes such as LOXO-101."""
    brands: list[Brand] = []
    """Brand names; empty for an investigational drug."""
    classification: Classification
    """Class and generation."""
    targets: list[Name] = Field(min_length=1)
    """Molecular targets (e.g. TRKA, TRKB, TRKC, ROS1)."""
    route: Statement
    """Route of administration."""
    formulations: list[Formulation] = []
    """Dosage forms and strengths."""
    identity_doubt: Statement | None = None
    """Why the drug's identity itself is in doubt (shown in every header and listing)."""
    identifiers: list[Identifier] = []
    """Codes the drug or its products carry in drug and regulatory databases; ``show`` finds the
    drug by any of them."""


class Identifier(Cited):
    """A code of the drug (ATC, UNII, RxCUI, DrugBank) or of one of its products (NDA, NDC, EU number)."""

    system: IdentifierSystem
    """The code system."""
    value: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9./ -]*$")]
    """The code exactly as the source writes it (e.g. L01EX12, EU/1/19/1385/001)."""
    product: Text | None = None
    """The product it identifies, for a product code (e.g. capsule 40 mg)."""


class StatusEvent(Cited):
    """One dated regulatory or development event."""

    date: PartialDate
    """When it happened, as precisely as the source says."""
    kind: EventKind
    """What happened."""
    indication: Text
    """The indication (or development setting) the event concerns."""
    pending: bool = False
    """True for an application or priority review whose decision was still awaited when the
    monograph was reviewed; validate warns once ``decision_due`` has passed."""
    decision_due: PartialDate | None = None
    """For a pending event: the date by which a decision is scheduled (e.g. a PDUFA date), as the
    source gives it."""


class RegulatorHistory(Model):
    """The timeline of one regulator (FDA, EMA, ...)."""

    regulator: Text
    """The regulator's short name from the vocabulary (FDA, European Commission, EMA, MHRA, PMDA,
    MHLW, NMPA, Health Canada, Swissmedic, TGA, ...), optionally followed by a parenthesis."""
    region: Region | None = None
    """The jurisdiction the regulator decides for."""
    events: list[StatusEvent] = Field(min_length=1)
    """Events in date order."""


class Status(Cited):
    """Where the drug stands overall, and each regulator's timeline."""

    stage: Stage
    """approved, investigational or discontinued."""
    regulators: list[RegulatorHistory] = []
    """Per-regulator timelines."""
    scope: Statement | None = None
    """Where the drug is approved and for what, in one line shown first (e.g. approved only in
    China; not approved in the US, EU or Japan)."""


class Age(Model):
    """An age bound."""

    value: float = Field(ge=0)
    """The number."""
    unit: Literal["months", "years"]
    """Months or years."""


class Population(Model):
    """Who a regimen, ladder or indication applies to. Bounds are inclusive unless named 'below'."""

    group: Literal["adult", "paediatric", "adult-and-paediatric"]
    """The broad group."""
    min_age: Age | None = None
    """Youngest age covered (inclusive)."""
    age_above: Age | None = None
    """Ages strictly above this are covered (the source says 'older than')."""
    age_below: Age | None = None
    """Ages strictly below this are covered."""
    min_bsa_m2: float | None = Field(default=None, ge=0)
    """Smallest body surface area covered, in m2 (inclusive)."""
    max_bsa_m2: float | None = Field(default=None, gt=0)
    """Largest body surface area covered, in m2 (inclusive)."""
    bsa_below_m2: float | None = Field(default=None, gt=0)
    """Body surface areas strictly below this are covered, in m2."""
    bsa_above_m2: float | None = Field(default=None, ge=0)
    """Body surface areas strictly above this are covered, in m2 (the source says 'greater than')."""
    any_of: list[Population] = []
    """Alternatives joined by 'or', as the label joins them ('adults, and paediatric patients 12
    years and older with BSA > 1.50 m2'): the population covers a patient whom its own bounds and
    at least one alternative cover."""
    description: Text | None = None
    """The population in the source's words."""

    @model_validator(mode="after")
    def _one_bound_each_way(self) -> Population:
        if self.max_bsa_m2 is not None and self.bsa_below_m2 is not None:
            raise ValueError("give max_bsa_m2 or bsa_below_m2, not both")
        if self.min_bsa_m2 is not None and self.bsa_above_m2 is not None:
            raise ValueError("give min_bsa_m2 (inclusive) or bsa_above_m2 (exclusive), not both")
        if self.min_age is not None and self.age_above is not None:
            raise ValueError("give min_age (inclusive) or age_above (exclusive), not both")
        return self


class Indication(Cited):
    """An approved (or investigated) use."""

    regulator: Text
    """Whose indication this is (FDA, EMA), or 'investigational'."""
    text: Text
    """The indication, paraphrased."""
    populations: list[Population] = Field(min_length=1)
    """Adults, children, with their bounds."""
    biomarker: Text
    """The biomarker required (e.g. NTRK gene fusion without a known acquired resistance mutation)."""
    line_of_therapy: Text
    """Where in treatment it sits (e.g. no satisfactory alternative or progressed after treatment)."""
    approval_basis: Text | None = None
    """E.g. accelerated approval based on response rate, when the source says."""
    approval: EventKind | None = None
    """This indication's own status (an approval kind), when the source says; a drug's
    indications can differ (one accelerated, one regular)."""


class ResistanceFinding(Cited):
    """Activity of the drug against one resistance mutation."""

    mutation: Text
    """Protein and change, e.g. 'TRKA G595R'."""
    region: ResistanceRegion
    """Kinase-domain region of the mutation."""
    activity: Activity
    """What the source reports."""
    basis: ResistanceEvidence
    """Clinical or preclinical data."""
    text: Text
    """The finding in words."""


class Mechanism(Model):
    """How the drug works."""

    summary: Statement
    """One-paragraph mechanism."""
    points: list[Statement] = []
    """Further points."""
    resistance: list[ResistanceFinding] = []
    """Resistance mutations covered or not."""


class Dose(Model):
    """An amount at a frequency."""

    amount: float = Field(gt=0)
    """The number."""
    unit: DoseUnit
    """mg, or mg/m2 of body surface area."""
    frequency: Frequency
    """How often."""
    max_mg: float | None = Field(default=None, gt=0)
    """Cap per dose in mg, for BSA-based doses, when the source gives one."""


class LeadIn(Model):
    """A first phase of a regimen: a different dose for the first days of treatment."""

    dose: Dose
    """The dose during the lead-in."""
    days: int = Field(ge=1, le=365)
    """How many days the lead-in lasts."""
    condition: Text | None = None
    """What must hold before the regimen's main dose follows (e.g. if tolerated)."""


class Regimen(Cited):
    """A recommended starting dose for a population."""

    population: Population
    """Who it is for."""
    lead_in: LeadIn | None = None
    """A lead-in phase before ``dose``, when the label gives one."""
    dose: Dose
    """The dose (after the lead-in, when there is one)."""
    food: Food
    """Relation to meals."""
    duration: Text | None = None
    """E.g. until disease progression or unacceptable toxicity."""
    formulations: list[Text] = []
    """Forms this regimen is given with, when the source restricts it."""


class ReductionStep(Model):
    """One rung of a dose-reduction ladder."""

    step: int = Field(ge=1)
    """1 for the first reduction, 2 for the second, ..."""
    dose: Dose
    """The reduced dose."""
    note: Text | None = None
    """A footnote of the source for this step."""
    stays_when_bsa_rises: bool = False
    """The label's binding footnote: a patient on this step stays on it (per m2) even if the body
    surface area rises above the ladder's band during treatment."""


class ReductionLadder(Cited):
    """Dose reductions for adverse reactions in one population."""

    population: Population
    """Who the ladder is for."""
    phase: Phase | None = None
    """For a regimen with a lead-in: the phase this ladder reduces (lead-in or maintenance)."""
    steps: list[ReductionStep] = Field(min_length=1)
    """Rungs in order, step 1 first."""
    after_last_step: Text
    """What to do when the last step is not tolerated."""

    @model_validator(mode="after")
    def _steps_in_order(self) -> ReductionLadder:
        numbers = [s.step for s in self.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"steps must be numbered 1, 2, 3, ... in order, got {numbers}")
        return self


class Adjustment(Cited):
    """A dose rule for an organ impairment or an interacting drug."""

    condition: Text
    """The situation, e.g. a renal impairment class (hepatic and CYP3A4 rules use fixed names)."""
    population: Population | None = None
    """Who the rule is for, when the source restricts it."""
    avoid: bool = False
    """True when the source says to avoid the combination or use."""
    percent_change: float | None = Field(default=None, ge=-100, le=200)
    """Change of the dose in per cent (-50 halves it, 100 doubles it)."""
    set_dose: Dose | None = None
    """A fixed dose to use instead."""
    rule: Text
    """The rule in the source's terms, including any 'if it cannot be avoided'."""

    @model_validator(mode="after")
    def _one_change(self) -> Adjustment:
        if self.percent_change is not None and self.set_dose is not None:
            raise ValueError("give percent_change or set_dose, not both")
        return self


class HepaticAdjustment(Adjustment):
    """A dose rule for hepatic impairment."""

    condition: HepaticClass
    """The Child-Pugh class: child-pugh-a, child-pugh-b or child-pugh-c."""


class Cyp3aAdjustment(Adjustment):
    """A dose rule for a CYP3A4 inhibitor or inducer."""

    condition: Cyp3aCondition
    """strong-inhibitor, moderate-inhibitor, strong-inducer or moderate-inducer."""


class Interaction(Cited):
    """Another interaction: transporters, QT-prolonging drugs, food."""

    agent: Text
    """What interacts (e.g. grapefruit, P-gp substrates)."""
    action: Text
    """What to do."""
    avoid: bool = False
    """True when the label says to avoid it (always on the first screen)."""
    glance: int | None = Field(default=None, ge=1)
    """Rank on the first screen by clinical weight (1 first); None: not on it unless avoided."""
    classes: list[ComedicationClass] = []
    """The co-medication classes this interaction is about, as the interaction table names them
    (data/comedications.yaml); a co-medication of such a class is answered with it."""


class Dosing(Model):
    """Structured dosing: regimens, reduction ladders and adjustments."""

    regimens: list[Regimen] = []
    """Starting doses by population; empty when no dose is labelled."""
    reductions: list[ReductionLadder] = []
    """Ladders for adverse reactions."""
    general: list[Statement] = []
    """Dose-modification rules that are not steps (withhold, resume, discontinue)."""
    hepatic: list[HepaticAdjustment] = []
    """Hepatic impairment, by Child-Pugh class."""
    renal: list[Adjustment] = []
    """Renal impairment."""
    cyp3a4: list[Cyp3aAdjustment] = []
    """CYP3A4 inhibitors and inducers."""
    other_interactions: list[Interaction] = []
    """Other interactions the source names."""
    administration: list[Statement] = []
    """How to take it (swallow whole, missed or vomited dose, ...)."""
    unlabelled: Statement | None = None
    """Why there is no labelled dose (investigational drugs)."""


class AdverseReaction(Cited):
    """A common adverse reaction."""

    term: Text
    """The reaction as the source names it."""
    frequency_percent: float | None = Field(default=None, ge=0, le=100)
    """All-grade frequency in per cent, when the source gives one."""
    grade3_4_percent: float | None = Field(default=None, ge=0, le=100)
    """Grade 3-4 frequency in per cent, when the source gives one."""


class Warning(Cited):
    """A warning or precaution."""

    title: Text
    """Short name (e.g. Hepatotoxicity)."""
    text: Text
    """What the source says, paraphrased."""
    glance: int | None = Field(default=None, ge=1)
    """Rank on the first screen by clinical weight (1 first); None: not on it."""


class BoxedWarning(Cited):
    """The boxed warning, or its absence."""

    present: bool
    """Whether the label carries a boxed warning."""
    text: Text | None = None
    """Its content when present."""


class Safety(Model):
    """Warnings, reactions, monitoring and counselling."""

    boxed_warning: BoxedWarning | None = None
    """Boxed warning (or its absence); left out for a drug with no label."""
    warnings: list[Warning] = []
    """Warnings and precautions."""
    common_adverse_reactions: list[AdverseReaction] = []
    """Common adverse reactions with frequencies."""
    serious_adverse_events: list[Statement] = []
    """Serious adverse events."""
    monitoring: list[Statement] = []
    """What to monitor and when."""
    pregnancy: list[Statement] = []
    """Pregnancy, lactation and contraception."""
    counselling: list[Statement] = []
    """Patient counselling points."""


class Contraindications(Model):
    """Contraindications: stated ones, or a label's statement that there are none."""

    none_stated: list[Statement] = []
    """A label's statement that it lists no contraindication (per region); distinct from a
    monograph that does not record the section."""
    listed: list[Statement] = []
    """Each contraindication a label lists."""

    @model_validator(mode="after")
    def _something(self) -> Contraindications:
        if not self.none_stated and not self.listed:
            raise ValueError("give the contraindications (listed) or the label's 'none' (none_stated); "
                             "leave the section out when it is not recorded")
        return self


class Timed(Statement):
    """A pharmacokinetic time with its number in hours, when the source gives one."""

    hours: float | None = Field(default=None, gt=0)
    """The value in hours (a median or mean, as ``text`` says)."""


class Pharmacokinetics(Model):
    """Half-life, time to peak, metabolism and the effect of food."""

    half_life: list[Timed] = []
    """Elimination half-life (the '3 to 5 half-lives' washout rules need it)."""
    time_to_peak: list[Timed] = []
    """Time to peak plasma concentration."""
    metabolism: list[Statement] = []
    """Main metabolic pathways and transporters."""
    food_effect: list[Statement] = []
    """How food changes exposure."""
    other: list[Statement] = []
    """Other pharmacokinetic facts (distribution, elimination, brain penetration)."""


class Duration(Model):
    """A length of time after the last dose."""

    value: float = Field(gt=0)
    """The number."""
    unit: DurationUnit
    """days, weeks or months."""


class Contraception(Cited):
    """Contraception for one group of patients."""

    who: ContraceptionWho
    """Whom the advice is for."""
    text: Text
    """The advice, paraphrased."""
    after_last_dose: Duration | None = None
    """How long after the last dose it continues; None when the source gives no duration."""
    method: Text | None = None
    """Which method (e.g. effective non-hormonal, barrier), when the source says."""


class Lactation(Cited):
    """Advice on breastfeeding."""

    text: Text
    """The advice, paraphrased."""
    avoid_breastfeeding: bool
    """Whether the source advises not to breastfeed during treatment."""
    after_last_dose: Duration | None = None
    """How long after the last dose breastfeeding is still to be avoided, when the source says."""


class Reproduction(Model):
    """Pregnancy, contraception, lactation and fertility."""

    pregnancy: list[Statement] = []
    """Risk in pregnancy and pregnancy testing."""
    contraception: list[Contraception] = []
    """Contraception by group, with durations."""
    lactation: list[Lactation] = []
    """Breastfeeding."""
    fertility: list[Statement] = []
    """Effects on fertility."""


class Storage(Model):
    """Storage, handling and hazardous-drug status."""

    storage: list[Statement] = []
    """How to store it (temperature, container)."""
    handling: list[Statement] = []
    """Handling and disposal."""
    hazardous: list[Statement] = []
    """Hazardous-drug status (e.g. NIOSH list, special handling), as a source states it."""


class Trial(Cited):
    """A trial or pooled analysis with its headline results."""

    name: Text
    """Trial name or description of the pooled analysis."""
    ids: list[Text] = []
    """NCT numbers or sponsor codes."""
    phase: Text
    """Phase (e.g. 1, 2, 1/2)."""
    population: Text
    """Who was studied."""
    n: int | None = Field(default=None, ge=1)
    """Patients evaluated for the headline result."""
    orr_percent: float | None = Field(default=None, ge=0, le=100)
    """Objective response rate in per cent."""
    orr_ci: Text | None = None
    """Its confidence interval as the source gives it."""
    duration_of_response: Text | None = None
    """Duration of response as the source gives it."""
    notes: Text | None = None
    """Anything else the headline needs."""


class Efficacy(Model):
    """Clinical evidence."""

    trials: list[Trial] = []
    """Trials and pooled analyses."""


class Reference(Model):
    """A source the monograph cites."""

    id: Slug
    """Short id that statements cite."""
    title: Text
    """Title of the document."""
    publisher: Text
    """Who published it (regulator, journal, company, website)."""
    date: PartialDate | None = None
    """Publication or revision date."""
    region: Region | None = None
    """Whose regulatory text this is, or reproduces (a third-party copy of the EU SmPC: EU)."""
    url: Text | None = None
    """Where to read it."""
    tier: EvidenceTier
    """Strength of the source."""
    revision_date: PartialDate | None = None
    """For a label or product information: the revision date printed in the document."""
    spl_set_id: SetId | None = None
    """For a US label: its SPL set id (stable across versions), as DailyMed lists it."""
    spl_version: int | None = Field(default=None, ge=1)
    """For a US label: the SPL version number the monograph was checked against."""
    note: Text | None = None
    """What a reader should know about the source itself (e.g. superseded, a copy of the label)."""
    curator_note: Text | None = None
    """How the source was found or read; for curators, not shown by default."""


class Review(Model):
    """Curation metadata."""

    last_reviewed: PartialDate
    """When a curator last checked the monograph against its sources (YYYY-MM-DD)."""
    caveats: list[Statement] = []
    """What a clinician must know first, short and clinical: what is uncertain and what to check."""
    curator_notes: list[Text] = []
    """How the monograph was researched and what is left to do; for curators, not shown by default."""


class Monograph(Model):
    """One drug's curated monograph."""

    schema_version: Literal[1]
    """Version of this schema the file is written for."""
    id: Slug
    """Identifier; equals the file name without .yaml."""
    identity: Identity
    """Names, class, targets, forms."""
    status: Status
    """Regulatory status."""
    indications: list[Indication] = []
    """Uses."""
    mechanism: Mechanism
    """Mechanism of action and resistance."""
    dosing: Dosing
    """Dosing."""
    patient_selection: list[Statement] = []
    """Who to test and how: required biomarkers and companion diagnostics named by a regulator."""
    safety: Safety
    """Safety."""
    efficacy: Efficacy
    """Efficacy."""
    contraindications: Contraindications | None = None
    """Contraindications; left out when not recorded (never read as 'none')."""
    pharmacokinetics: Pharmacokinetics | None = None
    """Pharmacokinetics; left out when not recorded."""
    effects_on_other_drugs: list[Interaction] | None = None
    """How the drug changes other drugs' exposure or effect (the drug as perpetrator); left out
    when not recorded."""
    reproduction: Reproduction | None = None
    """Pregnancy, contraception with durations, lactation and fertility; left out when not recorded."""
    overdose: list[Statement] | None = None
    """Overdose: what is known and how to manage it; left out when not recorded."""
    storage: Storage | None = None
    """Storage, handling and hazardous-drug status; left out when not recorded."""
    driving: list[Statement] | None = None
    """Effects on driving and using machines; left out when not recorded."""
    older_adults: list[Statement] | None = None
    """Use in older adults (geriatric use); left out when not recorded."""
    references: list[Reference] = Field(min_length=1)
    """Every source cited."""
    review: Review
    """Curation metadata."""
