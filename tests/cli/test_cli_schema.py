"""trkmono schema: the JSON Schema printed matches the committed file (regenerate it when stale)."""

from __future__ import annotations

import json

from conftest import REPO


def test_schema_command_prints_the_committed_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    committed = (REPO / "monograph.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "stale: run `trkmono schema > monograph.schema.json`"


def test_schema_documents_every_field(cli):
    schema = json.loads(cli("schema").stdout)
    for name, definition in schema["$defs"].items():
        assert definition.get("description"), name
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field}"
