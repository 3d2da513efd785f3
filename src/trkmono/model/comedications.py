"""The interaction table's data model: co-medications by name, each with the classes sources give it.

The table (``data/comedications.yaml``) sits beside the monographs and is checked by the same
validate. A monograph's interaction rules name classes (a strong CYP3A inhibitor, a P-gp
substrate); the table says which drugs, by any of their names, belong to which class, and which
source says so. A drug that sources put in rival classes (strong in one, moderate in another)
lists both, each with its own citation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trkmono.model.schema import Cited, ComedicationClass, Model, Reference, Review, Slug, Statement, Text


class ClassClaim(Cited):
    """One source's class for the drug."""

    acts_as: ComedicationClass
    """The class, in the words the monographs' rules use (see ``terms.COMEDICATION_CLASSES``)."""


class Comedication(Model):
    """A drug (or food, or herbal product) that monographs' interaction rules are about."""

    id: Slug
    """Identifier, unique in the table."""
    name: Text
    """The international nonproprietary name (INN), or the product's common name."""
    spellings: list[Text] = []
    """Other names and spellings: US adopted name, British name, common short forms."""
    brands: list[Text] = []
    """Brand names it is sold under."""
    classes: list[ClassClaim] = Field(min_length=1)
    """Its classes, each as one source gives it."""
    notes: list[Statement] = []
    """What a prescriber should know about the classification (e.g. why sources differ)."""


class ComedicationTable(Model):
    """The interaction table: co-medications, their sources and the curation record."""

    schema_version: Literal[1]
    """Version of this schema the file is written for."""
    comedications: list[Comedication] = Field(min_length=1)
    """The drugs, foods and herbal products, one entry each."""
    references: list[Reference] = Field(min_length=1)
    """Every source cited."""
    review: Review
    """Curation metadata."""
