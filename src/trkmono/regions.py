"""One regulator's label at a time: a monograph as a user under one region reads it.

A statement that names regions (``regions: [US]``) belongs to those regions' labels; one that names
none (mechanism, trials, caveats) belongs to every reading. ``view`` keeps the chosen region's
statements and the region-free ones, and records, section by section, which other regions had
statements left out, so a screen can say in one line what differs elsewhere.
"""

from __future__ import annotations

import os

from trkmono import terms
from trkmono.compiled.plain import Plain
from trkmono.errors import UsageError

REGION_ENV = "TRKMONO_REGION"


def chosen(option: str | None) -> str:
    """The region from --region, else $TRKMONO_REGION, else the default (US); any case."""
    given = option if option is not None else os.environ.get(REGION_ENV) or terms.DEFAULT_REGION
    region = given.strip().upper()
    if region not in terms.REGIONS:
        source = "--region" if option is not None else REGION_ENV
        raise UsageError(f"{source} {given!r}: a region is one of {', '.join(terms.REGIONS)} "
                         "(US: FDA, EU: European Commission, UK: MHRA, CH: Swissmedic, ...)")
    return region


def view(m: Plain, region: str) -> Plain:
    """The monograph as read under ``region``, with ``region`` and ``elsewhere`` added.

    ``elsewhere`` maps each top-level section to the other regions whose statements were left out.
    """
    elsewhere: dict[str, set[str]] = {}
    kept = Plain({key: _keep(value, region, elsewhere.setdefault(key, set())) for key, value in m.items()})
    kept["region"] = region
    kept["elsewhere"] = Plain({key: sorted(found, key=terms.REGIONS.index)
                               for key, found in elsewhere.items() if found})
    kept["regions_held"] = held(m)
    return kept


def held(m: Plain) -> list[str]:
    """Every region the monograph has label statements for, in vocabulary order."""
    found: set[str] = set()
    _collect(m, found)
    return [r for r in terms.REGIONS if r in found]


def _keep(value: object, region: str, dropped: set[str]) -> object:
    """``value`` without the statements of other regions (a single one becomes None)."""
    if isinstance(value, list):
        kept = []
        for item in value:
            if _foreign(item, region):
                dropped.update(item["regions"])
            else:
                kept.append(_keep(item, region, dropped))
        return kept
    if isinstance(value, dict):
        if _foreign(value, region):
            dropped.update(value["regions"])
            return None
        return Plain({key: _keep(child, region, dropped) for key, child in value.items()})
    return value


def _foreign(item: object, region: str) -> bool:
    """True for a statement that names regions, none of them ``region``."""
    return isinstance(item, dict) and bool(item.get("regions")) and region not in item["regions"]


def _collect(value: object, found: set[str]) -> None:
    if isinstance(value, dict):
        found.update(value.get("regions") or ())
        for child in value.values():
            _collect(child, found)
    elif isinstance(value, list):
        for child in value:
            _collect(child, found)
