"""The vocabulary, without pydantic: every fixed word the data, the rules and the views share.

Each closed set of words is written once, as a ``Literal`` type (``Tier``, ``HepaticClass``, ...):
the schema uses the type for its fields, the command line parses an option into it, and the type
checker holds every comparison to it. The tuple beside each type (``TIERS = get_args(Tier)``) is
the same words in order, for loops, choices and labels.
"""

from __future__ import annotations

from typing import Literal, get_args

SCHEMA_VERSION = 1

Section = Literal["status", "indications", "mechanism", "dosing", "contraindications", "safety", "reproduction",
                  "pharmacokinetics", "effects-on-other-drugs", "older-adults", "driving", "overdose", "storage",
                  "efficacy", "references"]
SECTIONS: tuple[Section, ...] = get_args(Section)
"""Sections of ``show``, in order."""
RECORDED_SECTIONS = ("contraindications", "reproduction", "pharmacokinetics", "effects-on-other-drugs",
                     "older-adults", "driving", "overdose", "storage")
"""Sections a monograph may leave out; one left out reads "not recorded", never "none"."""
SECTION_TITLES = {"effects-on-other-drugs": "Effects on other drugs", "older-adults": "Use in older adults",
                  "driving": "Driving and using machines", "reproduction": "Pregnancy, contraception and lactation",
                  "storage": "Storage and handling"}
"""Headings of the sections whose name is not their heading."""

OutputFormat = Literal["text", "json", "markdown"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = get_args(OutputFormat)
FindingFormat = Literal["text", "json", "github"]
FINDING_FORMATS: tuple[FindingFormat, ...] = get_args(FindingFormat)
Color = Literal["auto", "always", "never"]
COLORS: tuple[Color, ...] = get_args(Color)

Tier = Literal["regulatory-label", "regulatory-decision", "peer-reviewed", "conference-abstract",
               "manufacturer", "secondary-web"]
TIERS: tuple[Tier, ...] = get_args(Tier)
"""Strength of a reference, strongest first."""
STRONG_TIERS: frozenset[Tier] = frozenset({"regulatory-label", "regulatory-decision", "peer-reviewed"})
"""Tiers whose text, read, makes a statement confirmed."""
TIER_LABELS: dict[Tier, str] = {
    "regulatory-label": "regulatory label",
    "regulatory-decision": "regulatory decision",
    "peer-reviewed": "peer-reviewed article",
    "conference-abstract": "conference abstract",
    "manufacturer": "manufacturer",
    "secondary-web": "secondary web page (weakest tier)",
}
TIER_SHORT: dict[Tier, str] = {
    "regulatory-label": "label",
    "regulatory-decision": "decision",
    "peer-reviewed": "peer-rev",
    "conference-abstract": "abstract",
    "manufacturer": "mfr",
    "secondary-web": "web!",
}

EvidenceStatus = Literal["confirmed", "corroborated", "unconfirmed"]
EVIDENCE_STATUSES: tuple[EvidenceStatus, ...] = get_args(EvidenceStatus)
"""confirmed: a regulatory or peer-reviewed text that was read states it; corroborated: only
reproductions of the label or other secondary sources, at least two independent ones, agree;
unconfirmed: one secondary source alone, or sources disagree."""

Stage = Literal["approved", "investigational", "discontinued"]
STAGES: tuple[Stage, ...] = get_args(Stage)
Generation = Literal["first", "next"]
GENERATIONS: tuple[Generation, ...] = get_args(Generation)
EventKind = Literal["accelerated-approval", "full-approval", "conditional-authorisation",
                    "marketing-authorisation", "expanded-indication", "label-update", "investigational",
                    "withdrawn", "application-accepted", "priority-review"]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
APPROVAL_KINDS: frozenset[EventKind] = frozenset(EVENT_KINDS[:5])

Frequency = Literal["once daily", "twice daily"]
FREQUENCIES: tuple[Frequency, ...] = get_args(Frequency)
DoseUnit = Literal["mg", "mg/m2"]
DOSE_UNITS: tuple[DoseUnit, ...] = get_args(DoseUnit)
Food = Literal["with or without food", "with food", "without food"]
FOOD: tuple[Food, ...] = get_args(Food)
HepaticClass = Literal["child-pugh-a", "child-pugh-b", "child-pugh-c"]
HEPATIC_CLASSES: tuple[HepaticClass, ...] = get_args(HepaticClass)
Cyp3aCondition = Literal["strong-inhibitor", "moderate-inhibitor", "strong-inducer", "moderate-inducer"]
CYP3A_CONDITIONS: tuple[Cyp3aCondition, ...] = get_args(Cyp3aCondition)

Region = Literal["US", "EU", "UK", "CH", "HK", "CA", "JP", "CN", "AU"]
REGIONS: tuple[Region, ...] = get_args(Region)
"""Jurisdictions whose labels the library can hold; a user reads one at a time (--region)."""
DEFAULT_REGION: Region = "US"
"""The region a screen and a dose follow when neither --region nor TRKMONO_REGION says."""
REGION_REGULATORS: dict[Region, str] = {
    "US": "FDA", "EU": "European Commission (EMA)", "UK": "MHRA", "CH": "Swissmedic",
    "HK": "Hong Kong Department of Health", "CA": "Health Canada", "JP": "PMDA / MHLW", "CN": "NMPA",
    "AU": "TGA",
}
"""Whose label each region's texts are."""
Phase = Literal["lead-in", "maintenance"]
PHASES: tuple[Phase, ...] = get_args(Phase)
"""Phases of a regimen that has a lead-in, each with its own reduction ladder."""

CompareAspect = Literal["adult-dose", "paediatric-dose", "dose-reductions", "hepatic", "cyp3a4", "interactions",
                        "warnings", "status", "patient-selection", "targets", "response"]
COMPARE_ASPECTS: tuple[CompareAspect, ...] = get_args(CompareAspect)
"""The aspects of ``compare``, in the order shown: the dose first."""

ResistanceRegion = Literal["solvent-front", "gatekeeper", "xDFG", "other"]
RESISTANCE_REGIONS: tuple[ResistanceRegion, ...] = get_args(ResistanceRegion)
Activity = Literal["active", "reduced", "resistant"]
ACTIVITIES: tuple[Activity, ...] = get_args(Activity)
ResistanceBasis = Literal["clinical", "preclinical"]
RESISTANCE_BASES: tuple[ResistanceBasis, ...] = get_args(ResistanceBasis)

REGULATORS = {"FDA": "US", "European Commission": "EU", "EMA": "EU", "MHRA": "UK", "Swissmedic": "CH",
              "Hong Kong Department of Health": "HK", "Health Canada": "CA", "PMDA": "JP", "MHLW": "JP",
              "NMPA": "CN", "TGA": "AU"}
"""Each regulator's short name and the region whose labels it issues."""
REGULATOR_ALIASES = {"EU": "European Commission", "Japan": "MHLW", "China": "NMPA", "UK": "MHRA"}
"""Other names a timeline may start with, and the regulator each stands for."""
NOT_REGULATORS = ("investigational", "US trial registry")
"""Timelines of a drug's development that no regulator keeps (trial registrations)."""

IdentifierSystem = Literal["ATC", "UNII", "RxCUI", "DrugBank", "CAS", "NDA", "NDC", "EU product number",
                           "NMPA approval number"]
IDENTIFIER_SYSTEMS: tuple[IdentifierSystem, ...] = get_args(IdentifierSystem)
"""Code systems a drug or product is identified in."""
ContraceptionWho = Literal["females of reproductive potential", "males with female partners of reproductive potential"]
CONTRACEPTION_WHO: tuple[ContraceptionWho, ...] = get_args(ContraceptionWho)
DurationUnit = Literal["days", "weeks", "months"]
DURATION_UNITS: tuple[DurationUnit, ...] = get_args(DurationUnit)

INVISIBLE_CHARACTERS = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U0001d173-\U0001d17a"
                        "\U000e0000-\U000e0fff")
"""Characters that show nothing, as the inside of a regular-expression class: soft hyphen,
zero-width spaces and joiners, bidi marks, overrides and isolates, variation selectors, fillers,
the byte-order mark, tags. Text with them reads the same but no longer matches a search, and the
bidi ones reorder what is shown."""

HEPATIC_SEVERITY: dict[HepaticClass, str] = {"child-pugh-a": "mild", "child-pugh-b": "moderate",
                                              "child-pugh-c": "severe"}
"""The degree of hepatic impairment each Child-Pugh class stands for, as labels word it."""
ComedicationClass = Literal["strong-cyp3a-inhibitor", "moderate-cyp3a-inhibitor", "strong-cyp3a-inducer",
                            "moderate-cyp3a-inducer", "p-gp-inhibitor", "p-gp-inducer", "cyp3a-substrate",
                            "p-gp-substrate", "hormonal-contraceptive", "grapefruit"]
COMEDICATION_CLASSES: tuple[ComedicationClass, ...] = get_args(ComedicationClass)
"""What a co-medication does that a monograph's interaction rules name (data/comedications.yaml)."""
CLASS_LABELS: dict[ComedicationClass, str] = {
    "strong-cyp3a-inhibitor": "strong CYP3A inhibitor",
    "moderate-cyp3a-inhibitor": "moderate CYP3A inhibitor",
    "strong-cyp3a-inducer": "strong CYP3A inducer",
    "moderate-cyp3a-inducer": "moderate CYP3A inducer",
    "p-gp-inhibitor": "P-gp inhibitor",
    "p-gp-inducer": "P-gp inducer",
    "cyp3a-substrate": "CYP3A substrate",
    "p-gp-substrate": "P-gp substrate",
    "hormonal-contraceptive": "hormonal contraceptive",
    "grapefruit": "grapefruit or a fruit the labels name with it",
}
CYP3A_BY_CLASS: dict[ComedicationClass, Cyp3aCondition] = dict(zip(COMEDICATION_CLASSES[:4], CYP3A_CONDITIONS,
                                                                   strict=True))
"""The co-medication class a CYP3A4 dose rule's condition is for."""
CHANGED_BY_TRK: frozenset[ComedicationClass] = frozenset({"cyp3a-substrate", "p-gp-substrate",
                                                          "hormonal-contraceptive"})
"""Classes whose interaction runs the other way: the TRK inhibitor changes the co-medication."""
RIVAL_CLASSES = (frozenset(COMEDICATION_CLASSES[0:2]), frozenset(COMEDICATION_CLASSES[2:4]))
"""Classes that exclude each other: a drug listed in both differs between its sources."""
