"""The vocabulary, without pydantic: every fixed word the data, the rules and the views share.

The schema builds its Literal types from these tuples, the command line its choices, and the
views their labels, so a word is defined once.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

SECTIONS = ("status", "indications", "mechanism", "dosing", "contraindications", "safety", "reproduction",
            "pharmacokinetics", "effects-on-other-drugs", "older-adults", "driving", "overdose", "storage",
            "efficacy", "references")
"""Sections of ``show``, in order."""
RECORDED_SECTIONS = ("contraindications", "reproduction", "pharmacokinetics", "effects-on-other-drugs",
                     "older-adults", "driving", "overdose", "storage")
"""Sections a monograph may leave out; one left out reads "not recorded", never "none"."""
SECTION_TITLES = {"effects-on-other-drugs": "Effects on other drugs", "older-adults": "Use in older adults",
                  "driving": "Driving and using machines", "reproduction": "Pregnancy, contraception and lactation",
                  "storage": "Storage and handling"}
"""Headings of the sections whose name is not their heading."""

OUTPUT_FORMATS = ("text", "json", "markdown")
FINDING_FORMATS = ("text", "json", "github")
COLORS = ("auto", "always", "never")

TIERS = ("regulatory-label", "regulatory-decision", "peer-reviewed", "conference-abstract",
         "manufacturer", "secondary-web")
"""Strength of a reference, strongest first."""
STRONG_TIERS = frozenset({"regulatory-label", "regulatory-decision", "peer-reviewed"})
"""Tiers whose text, read, makes a statement confirmed."""
TIER_LABELS = {
    "regulatory-label": "regulatory label",
    "regulatory-decision": "regulatory decision",
    "peer-reviewed": "peer-reviewed article",
    "conference-abstract": "conference abstract",
    "manufacturer": "manufacturer",
    "secondary-web": "secondary web page (weakest tier)",
}
TIER_SHORT = {
    "regulatory-label": "label",
    "regulatory-decision": "decision",
    "peer-reviewed": "peer-rev",
    "conference-abstract": "abstract",
    "manufacturer": "mfr",
    "secondary-web": "web!",
}

EVIDENCE_STATUSES = ("confirmed", "corroborated", "unconfirmed")
"""confirmed: a regulatory or peer-reviewed text that was read states it; corroborated: only
reproductions of the label or other secondary sources, at least two independent ones, agree;
unconfirmed: one secondary source alone, or sources disagree."""

STAGES = ("approved", "investigational", "discontinued")
GENERATIONS = ("first", "next")
EVENT_KINDS = ("accelerated-approval", "full-approval", "conditional-authorisation",
               "marketing-authorisation", "expanded-indication", "label-update", "investigational",
               "withdrawn", "application-accepted", "priority-review")
APPROVAL_KINDS = frozenset(EVENT_KINDS[:5])

FREQUENCIES = ("once daily", "twice daily")
DOSE_UNITS = ("mg", "mg/m2")
FOOD = ("with or without food", "with food", "without food")
HEPATIC_CLASSES = ("child-pugh-a", "child-pugh-b", "child-pugh-c")
CYP3A_CONDITIONS = ("strong-inhibitor", "moderate-inhibitor", "strong-inducer", "moderate-inducer")

REGIONS = ("US", "EU", "UK", "CH", "HK", "CA", "JP", "CN", "AU")
"""Jurisdictions whose labels the library can hold; a user reads one at a time (--region)."""
DEFAULT_REGION = "US"
"""The region a screen and a dose follow when neither --region nor TRKMONO_REGION says."""
REGION_REGULATORS = {
    "US": "FDA", "EU": "European Commission (EMA)", "UK": "MHRA", "CH": "Swissmedic",
    "HK": "Hong Kong Department of Health", "CA": "Health Canada", "JP": "PMDA / MHLW", "CN": "NMPA",
    "AU": "TGA",
}
"""Whose label each region's texts are."""
PHASES = ("lead-in", "maintenance")
"""Phases of a regimen that has a lead-in, each with its own reduction ladder."""

COMPARE_ASPECTS = ("adult-dose", "paediatric-dose", "dose-reductions", "hepatic", "cyp3a4", "interactions",
                   "warnings", "status", "patient-selection", "targets", "response")
"""The aspects of ``compare``, in the order shown: the dose first."""

RESISTANCE_REGIONS = ("solvent-front", "gatekeeper", "xDFG", "other")
ACTIVITIES = ("active", "reduced", "resistant")
RESISTANCE_BASES = ("clinical", "preclinical")

REGULATORS = {"FDA": "US", "European Commission": "EU", "EMA": "EU", "MHRA": "UK", "Swissmedic": "CH",
              "Hong Kong Department of Health": "HK", "Health Canada": "CA", "PMDA": "JP", "MHLW": "JP",
              "NMPA": "CN", "TGA": "AU"}
"""Each regulator's short name and the region whose labels it issues."""
REGULATOR_ALIASES = {"EU": "European Commission", "Japan": "MHLW", "China": "NMPA", "UK": "MHRA"}
"""Other names a timeline may start with, and the regulator each stands for."""
NOT_REGULATORS = ("investigational", "US trial registry")
"""Timelines of a drug's development that no regulator keeps (trial registrations)."""

IDENTIFIER_SYSTEMS = ("ATC", "UNII", "RxCUI", "DrugBank", "CAS", "NDA", "NDC", "EU product number",
                      "NMPA approval number")
"""Code systems a drug or product is identified in."""
CONTRACEPTION_WHO = ("females of reproductive potential", "males with female partners of reproductive potential")
DURATION_UNITS = ("days", "weeks", "months")

INVISIBLE_CHARACTERS = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U0001d173-\U0001d17a"
                        "\U000e0000-\U000e0fff")
"""Characters that show nothing, as the inside of a regular-expression class: soft hyphen,
zero-width spaces and joiners, bidi marks, overrides and isolates, variation selectors, fillers,
the byte-order mark, tags. Text with them reads the same but no longer matches a search, and the
bidi ones reorder what is shown."""

HEPATIC_SEVERITY = {"child-pugh-a": "mild", "child-pugh-b": "moderate", "child-pugh-c": "severe"}
"""The degree of hepatic impairment each Child-Pugh class stands for, as labels word it."""
COMEDICATION_CLASSES = ("strong-cyp3a-inhibitor", "moderate-cyp3a-inhibitor", "strong-cyp3a-inducer",
                        "moderate-cyp3a-inducer", "p-gp-inhibitor", "p-gp-inducer", "cyp3a-substrate",
                        "p-gp-substrate", "hormonal-contraceptive", "grapefruit")
"""What a co-medication does that a monograph's interaction rules name (data/comedications.yaml)."""
CLASS_LABELS = {
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
CYP3A_BY_CLASS = dict(zip(COMEDICATION_CLASSES[:4], CYP3A_CONDITIONS, strict=True))
"""The co-medication class a CYP3A4 dose rule's condition is for."""
CHANGED_BY_TRK = frozenset({"cyp3a-substrate", "p-gp-substrate", "hormonal-contraceptive"})
"""Classes whose interaction runs the other way: the TRK inhibitor changes the co-medication."""
RIVAL_CLASSES = (frozenset(COMEDICATION_CLASSES[0:2]), frozenset(COMEDICATION_CLASSES[2:4]))
"""Classes that exclude each other: a drug listed in both differs between its sources."""
