"""Plain monograph data with attribute access, for the read commands.

A compiled monograph is the JSON of its validated model (every field present, defaults filled
in). ``Plain`` is a dict whose keys can also be read as attributes (``m.identity.generic_name``),
so clinical functions and views read it the way they would read the model, without pydantic.
"""

from __future__ import annotations

import json


class Plain(dict):
    """A JSON object whose keys read as attributes; missing keys raise AttributeError."""

    __slots__ = ()

    def __getattr__(self, name: str) -> object:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def loads(text: str) -> object:
    """JSON text to data in which every object is Plain."""
    return json.loads(text, object_hook=Plain)


def dumps(data: object) -> str:
    """Data to compact JSON text."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
