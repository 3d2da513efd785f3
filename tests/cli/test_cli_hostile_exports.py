"""Hostile text in every text field of the schema, in every output format: it passes validate (it is
only punctuation), and it comes out as the same text, never as Markdown structure, HTML, an entity or
a link, and JSON carries it exactly (with what a reader cannot see escaped)."""

from __future__ import annotations

import html
import json
import shutil
import typing

import pytest
import yaml

from trkmono import terms
from markdown_it import MarkdownIt

from conftest import FIXTURES, SHIPPED
from trkmono.model import schema

pytestmark = pytest.mark.slow  # hostile text in every field of every shipped monograph: a slow stress test (CI runs them; pytest -m slow)

PAYLOADS = ["# Fake heading", "- 900 mg twice daily", "1. take 900 mg", "===", "<!-- hide the rest", "&amp; &lt;x&gt;",
            "<script>alert(1)</script>", "[dose](javascript:alert(1))", "| a | b |", "> quoted", "```", "***",
            "<https://evil.example>", "![x](https://evil.example/x.png)", "\\# escaped", "*not* _emphasis_"]
"""Each opens a value, where a line starts in Markdown; all of them together close it."""
HOSTILE_URL = "https://example.org/label?q=\"a\")](javascript:alert(1))&x='y'"
TEXT_TYPES = {schema.Text, typing.Optional[schema.Text], list[schema.Text], schema.Locator}


def _text_fields() -> dict[str, set[str]]:
    """Field names typed as text, per model class name."""
    found: dict[str, set[str]] = {}
    for model in vars(schema).values():
        if isinstance(model, type) and issubclass(model, schema.Model) and model is not schema.Model:
            hints = typing.get_type_hints(model, include_extras=True)
            found[model.__name__] = {name for name in model.model_fields if hints[name] in TEXT_TYPES}
    return found


def _hostile(value: object, counter: list[int]) -> object:
    counter[0] += 1
    payload = PAYLOADS[counter[0] % len(PAYLOADS)]
    return f"{payload} {value} {' '.join(PAYLOADS)}"


def _walk(data: object, model: type, fields: dict[str, set[str]], counter: list[int]) -> object:
    """The data with every text field made hostile (urls replaced with a hostile address)."""
    if not isinstance(data, dict):
        return data
    hints = typing.get_type_hints(model, include_extras=True)
    out = {}
    for name, value in data.items():
        hint = hints.get(name)
        if name == "url":
            out[name] = HOSTILE_URL
        elif name == "short":  # a short form stays within its length rule: one short payload
            out[name] = "<script>alert(1)</script> *x* [y](javascript:alert(1))"
        elif name == "at" and isinstance(value, dict):
            out[name] = {ref: f"§ {PAYLOADS[0]} <b>" for ref in value}
        elif name in fields[model.__name__] and name != "formulations" or (name == "formulations" and model is
                                                                          schema.Regimen):
            out[name] = [_hostile(v, [0]) for v in value] if isinstance(value, list) else _hostile(value, counter)
        else:
            out[name] = _nested(value, hint, fields, counter)
    return out


def _nested(value: object, hint: object, fields: dict[str, set[str]], counter: list[int]) -> object:
    inner = [a for a in typing.get_args(hint) if isinstance(a, type) and issubclass(a, schema.Model)]
    if isinstance(hint, type) and issubclass(hint, schema.Model):
        inner = [hint]
    if not inner:
        return value
    if isinstance(value, list):
        return [_walk(v, inner[0], fields, counter) for v in value]
    return _walk(value, inner[0], fields, counter)


def _make_hostile(source, target) -> str:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    hostile = _walk(data, schema.Monograph, _text_fields(), [0])
    # a regimen's formulations name the forms it is given with: keep them the forms' names
    forms = {f["form"]: f for f in hostile["identity"].get("formulations", [])}
    for regimen in hostile["dosing"].get("regimens", []):
        regimen["formulations"] = [f"{PAYLOADS[1]} {name} {' '.join(PAYLOADS)}" if f"{PAYLOADS[1]} {name} " +
                                   " ".join(PAYLOADS) in forms else name for name in regimen.get("formulations", [])]
    target.write_text(yaml.safe_dump(hostile, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return hostile["id"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    plain = tmp_path_factory.mktemp("plain")
    ids = []
    for source in [*SHIPPED.glob("*.yaml"), *(FIXTURES / "tools").glob("*.yaml"), FIXTURES / "glance" / "glancinib.yaml"]:
        shutil.copy(source, plain / source.name)
        ids.append(_make_hostile(source, folder / source.name))
    return folder, plain, ids


def _structure(text: str) -> list[tuple[str, str]]:
    """Markdown's block structure: token types, and the kind of each inline child."""
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        found.append((token.type, token.tag))
        for child in token.children or []:
            if child.type in {"html_inline", "link_open", "image", "code_inline"}:
                found.append((child.type, child.attrs.get("href", "") if child.attrs else ""))
    return found


def test_the_hostile_library_passes_validate(cli, hostile):
    folder, _, ids = hostile
    result = cli("validate", str(folder), "--max-review-age", "1200")
    assert "error" not in result.stdout, result.stdout


COMMANDS = [["show", "{id}", "--notes"], ["list"], ["compare", "{id}", "{other}"], ["dose", "{id}"],
            ["interactions", "{id}"], ["search", "fake"], ["resistance"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_markdown_keeps_its_structure_whatever_the_text(cli, hostile, command):
    folder, plain, ids = hostile
    for mid in ids if "{id}" in " ".join(command) else ids[:1]:
        args = [a.format(id=mid, other=ids[0]) for a in command]
        shown = cli(*args, "--data-dir", str(folder), "--format", "markdown").stdout
        assert "not medical advice" in shown.splitlines()[-1], args
        tokens = MarkdownIt("commonmark").enable("table").parse(shown)
        assert not [t for t in tokens if t.type == "html_block"], args
        inline = [c for t in tokens for c in t.children or []]
        assert not [c for c in inline if c.type == "image" or c.type == "html_inline" and c.content != "<br>"], args
        hrefs = [c.attrs["href"] for c in inline if c.type == "link_open"]
        assert all(h.startswith("https://") and " " not in h for h in hrefs), hrefs
        headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
        assert not any(h.startswith("Fake heading") for h in headings), headings
        if command[0] in {"show", "list", "compare", "interactions"}:  # the others read the text's meaning
            baseline = cli(*args, "--data-dir", str(plain), "--format", "markdown").stdout
            assert [t.type for t in tokens] == [t.type for t in MarkdownIt("commonmark").enable("table").parse(
                baseline)], args


def test_every_hostile_field_round_trips_through_json(cli, hostile):
    folder, _, ids = hostile
    for mid in ids:
        source = yaml.safe_load((folder / f"{mid}.yaml").read_text(encoding="utf-8"))
        shown: set[str] = set()
        for region in terms.REGIONS:  # each region's reading keeps its own statements
            result = cli("show", mid, "--data-dir", str(folder), "--json", "--region", region)
            assert result.exit_code == 0
            shown |= _strings(json.loads(result.stdout)["monograph"])
        assert _strings(source) <= shown


def test_every_hostile_field_reads_as_itself_in_text_and_markdown(cli, hostile):
    folder, _, ids = hostile
    for mid in ids:
        text = cli("show", mid, "--notes", "--data-dir", str(folder), env={"COLUMNS": "2000"}).stdout
        rendered = MarkdownIt("commonmark").enable("table").render(
            cli("show", mid, "--notes", "--data-dir", str(folder), "--format", "markdown").stdout)
        assert " ".join(PAYLOADS) in " ".join(text.split())
        assert " ".join(PAYLOADS) in html.unescape(" ".join(rendered.replace("<br />", " ").split()))


def test_json_escapes_what_a_reader_cannot_see(cli, tmp_path):
    """A finding names its file by the name given: a bidi override in a file name is escaped."""
    path = tmp_path / "evil\u202eyaml.txt\u2028.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    result = cli("validate", str(path), "--format", "json")
    assert "\u202e" not in result.stdout and "\u2028" not in result.stdout and "\\u202e" in result.stdout
    assert json.loads(result.stdout)["findings"][0]["file"] == str(path)


def _strings(data: object) -> set[str]:
    if isinstance(data, dict):
        return set().union(*(_strings(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_strings(v) for v in data)) if data else set()
    return {data} if isinstance(data, str) else set()
