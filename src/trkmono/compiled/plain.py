"""Plain monograph data with attribute access, for the read commands.

A compiled monograph is the JSON of its validated model (every field present, defaults filled
in). ``Plain`` is a dict whose keys can also be read as attributes (``m.identity.generic_name``),
so clinical functions and views read it the way they would read the model, without pydantic.

How the read path is typed: as what it gets. A function of the read commands (``library``,
``regions``, ``clinical/``, ``views/``) that takes monograph data takes ``Plain``, never a schema
model: a Plain is not a model (it has ``get`` and ``[]``, no model methods, and ``isinstance`` on a
model class is false). Its attributes are JSON values, so they are typed ``Any``: the schema
(``model/schema.py``) is what says which fields exist, and the data passed it when it was compiled.
A function used by both the load path (real models) and the read path (Plain), such as the phrases
in ``model/phrases.py``, takes ``Model | Plain``, so the checker holds the model side to its fields.
What a read function builds (outcomes, rows, hits) is its own dataclass, typed fully.
"""

from __future__ import annotations

import json
from typing import Any


class Plain(dict[str, Any]):
    """A JSON object whose keys read as attributes; missing keys raise AttributeError."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def loads(text: str) -> Any:
    """JSON text to data in which every object is Plain."""
    return json.loads(text, object_hook=Plain)


def dumps(data: object) -> str:
    """Data to compact JSON text."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
