"""Versioned JSON envelopes for list, show and compare (stable, documented in the README)."""

from __future__ import annotations

import json
from dataclasses import asdict

from trkmono import __version__, describe
from trkmono.comparison import Row
from trkmono.schema import SCHEMA_VERSION, Monograph

FORMAT_VERSION = 1


def _envelope(kind: str, **body: object) -> str:
    data = {"format_version": FORMAT_VERSION, "kind": kind, "trkmono_version": __version__,
            "schema_version": SCHEMA_VERSION, **body, "notice": describe.NOTICE}
    return json.dumps(data, indent=2, ensure_ascii=False)


def library_json(monographs: list[Monograph], skipped: list[str]) -> str:
    """The library as a list of summaries, plus the files that could not be read."""
    return _envelope("library", monographs=[
        {
            "id": m.id,
            "generic_name": m.identity.generic_name,
            "brands": describe.brand_names(m.identity),
            "drug_class": m.identity.classification.drug_class,
            "generation": m.identity.classification.generation,
            "stage": m.status.stage,
            "fda_status": describe.fda_status(m),
            "last_reviewed": m.review.last_reviewed,
        }
        for m in monographs
    ], skipped=skipped)


def monograph_json(m: Monograph, sections: list[str] | None = None) -> str:
    """All of a monograph's data (or the chosen sections plus identity, references and review)."""
    data = m.model_dump(mode="json")
    if sections:
        keep = {"schema_version", "id", "identity", "references", "review", *sections}
        data = {k: v for k, v in data.items() if k in keep}
    return _envelope("monograph", monograph=data)


def comparison_json(monographs: list[Monograph], rows: list[Row]) -> str:
    """Aspects as rows, each with a cell per drug id."""
    return _envelope("comparison", drugs=[m.id for m in monographs], rows=[
        {"aspect": row.aspect, "cells": {m.id: asdict(c) for m, c in zip(monographs, row.cells, strict=True)}}
        for row in rows
    ])
