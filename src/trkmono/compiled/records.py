"""Search records of a monograph, made when it is compiled (the model's types guide the cut).

A monograph is cut into records: each cited statement (with the plain values inside it, such as
a regimen's dose and population) is one record, and so is each reference and each uncited part
(names). A record is stored as plain data: its location, its text on one line, and the
citations of the statement it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from trkmono.model import phrases
from trkmono.model.schema import Adjustment, Cited, Dose, Monograph, Population, Strength

SKIPPED = frozenset({"cite", "at", "url", "tier", "evidence", "curator_note", "curator_notes",
                     "spl_set_id", "spl_version"})
"""Fields never searched: citation ids, addresses, tiers and curators' notes would only add noise."""
JOIN = " · "


@dataclass
class _Record:
    loc: tuple
    texts: list[str] = field(default_factory=list)
    source: Cited | None = None

    def plain(self) -> dict:
        source = self.source
        return {"loc": list(self.loc),
                "text": JOIN.join(" ".join(t.split()) for t in self.texts),
                "source": None if source is None else
                {"cite": list(source.cite), "at": dict(source.at), "evidence": source.evidence}}


def records(m: Monograph) -> list[dict]:
    """The monograph's records in document order, as plain data."""
    found: list[_Record] = []
    _walk(m, (), None, found)
    return [r.plain() for r in found if r.texts]


def _walk(model: BaseModel, loc: tuple, record: _Record | None, found: list[_Record]) -> None:
    if isinstance(model, Cited) or record is None:
        record = _Record(loc, source=model if isinstance(model, Cited) else None)
        found.append(record)
    if isinstance(model, Adjustment):
        record.texts.append(phrases.adjustment(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in SKIPPED or value is None or (isinstance(model, Monograph) and isinstance(value, str)):
            continue
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = loc + ((name,) if index is None else (name, index))
            if isinstance(item, Dose):
                record.texts.append(phrases.dose(item))
            elif isinstance(item, Population):
                record.texts.append(phrases.population(item))
            elif isinstance(item, Strength):
                record.texts.append(f"{phrases.number(item.amount)} {item.unit}")
            elif isinstance(item, BaseModel):
                _walk(item, here, None if isinstance(item, Cited) or isinstance(model, Monograph) else record,
                      found)
            elif isinstance(item, str):
                record.texts.append(item)


