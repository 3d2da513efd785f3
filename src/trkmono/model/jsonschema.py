"""The JSON Schema of a monograph, generated from the pydantic models."""

from __future__ import annotations

import json

from trkmono.model.schema import Monograph


def monograph_schema() -> str:
    """The schema as indented JSON, stable across runs."""
    schema = Monograph.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "trkmono monograph"
    return json.dumps(schema, indent=2, sort_keys=True)
