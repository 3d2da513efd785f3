"""Safe, position-keeping YAML reading for hand-written monographs.

Builds plain Python data straight from the parser's event stream (libyaml when present), so
nothing is ever constructed from a tag and no recursion depth is at risk. Refuses what a
monograph never needs and what loses or hides data: duplicate keys, anchors and aliases,
explicit tags, control characters, multiple documents, very deep nesting. Scalars resolve by
the YAML 1.2 core schema (``no`` stays a string, ``010`` is ten), and dates stay strings.
Every value's and key's line and column are kept, so later stages can point at the node.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from trkmono.problems import Problem
from trkmono.reading.folders import MAX_BYTES, too_large
from trkmono.rulebook import declare

MAX_DEPTH = 40
MAX_REPORTED_CONTROL_CHARS = 10

ENCODING = declare("encoding", "error", "read", "A file is UTF-8 (a BOM and CRLF line endings are fine).")
EMPTY_FILE = declare("empty-file", "error", "read", "A file holds more than white space.")
CONTROL_CHARACTER = declare("control-character", "error", "read",
                            "No control character, escape for one or bidirectional override in the text.")
YAML_SYNTAX = declare("yaml-syntax", "error", "read", "The file is valid YAML (indented with spaces, not tabs).")
MULTIPLE_DOCUMENTS = declare("multiple-documents", "error", "read", "A file holds one YAML document.")
DUPLICATE_KEY = declare("duplicate-key", "error", "read",
                        "No key appears twice in one mapping (YAML would silently keep the last).")
ANCHOR_ALIAS = declare("anchor-alias", "error", "read", "No anchor or alias (nothing in a monograph needs them).")
EXPLICIT_TAG = declare("explicit-tag", "error", "read",
                       "No explicit tag such as !!python/object (one is never constructed).")
KEY_TYPE = declare("key-type", "error", "read", "Every mapping key is plain text.")
NESTING_DEPTH = declare("nesting-depth", "error", "read", f"Nesting is at most {MAX_DEPTH} levels deep.")

Loc = tuple[object, ...]
Mark = tuple[int, int]

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0/C1 controls (tab, newline and carriage return allowed) and bidirectional overrides."""
_PLAIN_ASCII = bytes([9, 10, 13, *range(0x20, 0x7F)])
"""Tab, newline, carriage return and the printable ASCII characters."""
_CONTROL_IN_VALUE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_WORDS = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
          "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
"""The plain scalars that are null or a boolean."""
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"^[-+]?[0-9]+$")
_MAYBE_NOT_TEXT = frozenset(["", *"0123456789+-.~nNtTfF"])
"""First characters ('' when empty) of plain scalars that may be null, a boolean or a number."""
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")

_EventSource: Callable[[str], Any]
try:
    from yaml._yaml import CParser as _EventSource  # libyaml's parser (yaml.cyaml's own import)
except ImportError:  # PyYAML built without libyaml
    _EventSource = yaml.SafeLoader


Entry = tuple[Mark, "Mark | None", "dict | list | None"]
"""Where one value stands: its position, its key's position (in a mapping), and the positions inside it."""


@dataclass
class Document:
    """Plain data read from YAML, with the position of every value and key beside it."""

    data: object = None
    root: Entry = ((1, 1), None, None)

    def value_mark(self, loc: Loc) -> Mark:
        """Line and column of the value at loc, or of its nearest recorded ancestor."""
        return self._entry(loc)[0]

    def key_mark(self, loc: Loc) -> Mark:
        """Line and column of the key at loc (falls back to its value's position)."""
        return self._entry(loc)[1] or self.value_mark(loc)

    def _entry(self, loc: Loc) -> Entry:
        entry = self.root
        for part in loc:
            inside = entry[2]
            found = (inside.get(part) if type(inside) is dict else
                     inside[part] if type(inside) is list and type(part) is int and 0 <= part < len(inside) else None)
            if found is None:
                return entry[0], None, None
            entry = found
        return entry


class YamlReadError(Exception):
    """A file that cannot be read as a monograph document at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def decode(raw: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (a BOM is fine), within the size limit, not blank."""
    if len(raw) > MAX_BYTES:
        raise YamlReadError(too_large(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        raise YamlReadError(ENCODING.at(path, (line, col), f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} "
                                        "cannot be decoded); save it as UTF-8")) from None
    if not text.strip():
        raise YamlReadError(EMPTY_FILE.at(path, (1, 1), "the file is empty; write the monograph in it, or delete it"))
    return text


def control_character_problems(text: str, path: str) -> list[Problem]:
    """One problem per control character or bidi override in the raw text (capped)."""
    if text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII):
        return []  # the usual case, settled many times faster than by the pattern
    problems: list[Problem] = []
    for match in CONTROL_CHARS.finditer(text):
        if len(problems) == MAX_REPORTED_CONTROL_CHARS:
            break
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(CONTROL_CHARACTER.at(path, (line, col), f"control character U+{ord(match.group()):04X} "
                                             "in the text; delete it"))
    return problems


def read_document(text: str, path: str) -> tuple[Document, list[Problem]]:
    """Parse one YAML document into a Document, collecting every refusal it can.

    One flat loop over the parser's events builds the data, records every position beside it and
    finds every refusal, so what is checked is exactly what is read. It runs for every node of
    every file, so it is written for speed: no call per event beyond the parser's own.
    """
    problems: list[Problem] = []
    refuse = lambda mark, rule, message: problems.append(rule.at(path, mark, message))  # noqa: E731
    root: Entry = ((1, 1), None, None)
    data: object = None
    # The parser's events are told apart by their exact type (``kind is``), which the type checker
    # does not follow; an event, and the open containers, are therefore typed Any.
    event: Any
    container: Any = None  # the open mapping or sequence (dict or list), and its positions
    inside: Any = None
    children: Any
    key: object = _NO_KEY  # in an open mapping: the key waiting for its value
    key_mark: Mark | None = None
    parents: list[tuple] = []
    documents = 0
    source = _EventSource(text)
    try:
        for event in iter(source.get_event, None):
            kind = type(event)
            if kind is _MAPPING_END or kind is _SEQUENCE_END:
                container, inside, key, key_mark = parents.pop()
                continue
            if kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise YamlReadError(MULTIPLE_DOCUMENTS.at(path, _mark(event), (
                        "a second YAML document starts here; a file holds one: remove the '---' line and "
                        "what follows, or move it to a file of its own")))
                continue
            if kind is not _SCALAR and kind is not _MAPPING_START and kind is not _SEQUENCE_START \
                    and kind is not _ALIAS:
                continue
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            children = None
            if kind is _ALIAS:
                refuse(mark, ANCHOR_ALIAS, f"alias '*{event.anchor}': aliases are not allowed; write the value out")
                value = None
            else:
                if event.anchor is not None:
                    refuse(mark, ANCHOR_ALIAS, f"anchor '&{event.anchor}': anchors are not allowed; delete it")
                if event.tag is not None:
                    refuse(mark, EXPLICIT_TAG, f"explicit tag '{event.tag}' is not allowed; delete it")
                if kind is _SCALAR:
                    value = event.value
                    if event.style:
                        if event.style == '"' and (control := _CONTROL_IN_VALUE.search(value)):
                            bad = control.group()
                            refuse(mark, CONTROL_CHARACTER, f"control character U+{ord(bad):04X} (from an "
                                   "escape) in the text; delete the escape")
                    elif value[:1] in _MAYBE_NOT_TEXT and event.implicit[0]:
                        value = _resolve_plain(value)
                else:
                    if len(parents) >= MAX_DEPTH:
                        raise YamlReadError(_too_deep(path, mark))
                    value, children = ({}, {}) if kind is _MAPPING_START else ([], [])
            if container is None:
                data, root = value, (mark, None, children)
            elif type(container) is list:
                container.append(value)
                inside.append((mark, None, children))
            elif key is _NO_KEY:  # this node is a key
                if type(value) is not str:
                    refuse(mark, KEY_TYPE, f"a key must be plain text, not {_kind(value)}; write it as a word")
                    key = _DROPPED
                elif value in container:
                    refuse(mark, DUPLICATE_KEY, f"duplicate key '{value}' (first defined at line "
                           f"{inside[value][1][0]}); YAML would keep only this one: merge the two")
                    key = _DROPPED
                else:
                    key, key_mark = value, mark
                if children is not None:  # a collection as a key: read it for its problems, then drop it
                    parents.append((container, inside, key, key_mark))
                    container, inside, key, key_mark = value, children, _NO_KEY, None
                continue
            else:
                if key is not _DROPPED:
                    container[key] = value
                    inside[key] = (mark, key_mark, children)
                key = _NO_KEY
            if children is not None:
                parents.append((container, inside, key, key_mark))
                container, inside, key, key_mark = value, children, _NO_KEY, None
    except yaml.MarkedYAMLError as exc:
        raise YamlReadError(_syntax_problem(exc, text, path)) from None
    except yaml.YAMLError as exc:
        raise YamlReadError(YAML_SYNTAX.at(path, (1, 1), f"invalid YAML: {str(exc).strip()}; correct it")) from None
    finally:
        source.dispose()
    return Document(data, root), problems


_SCALAR, _ALIAS, _DOCUMENT_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_NO_KEY = object()
"""Marks an open mapping that waits for a key rather than a value."""
_DROPPED = object()
"""Stands for a refused key: its value is read (and its problems found) but dropped."""


def _resolve_plain(value: str) -> object:
    """A plain scalar by the YAML 1.2 core schema: null, boolean, integer, float or text."""
    if value in _WORDS:
        return _WORDS[value]
    if value[0] not in _NUMBER_START:
        return value
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "nesting depth" in (exc.problem or ""):  # libyaml's own depth limit, met before ours
        return _too_deep(path, where)
    return YAML_SYNTAX.at(path, where, _syntax_message(exc, text))


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    message = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    if mark is not None and text[mark.index: mark.index + 1] == "\t":
        return "tab character where YAML needs spaces; indent with spaces"
    if exc.context:
        message = f"{message} ({exc.context})"
    return f"invalid YAML: {message}; correct the syntax here"


def _mark(event: Any) -> Mark:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a sequence", type(None): "null"}.get(
        type(value), type(value).__name__)


def _byte_position(raw: bytes, offset: int) -> Mark:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _too_deep(path: str, mark: Mark) -> Problem:
    return NESTING_DEPTH.at(path, mark, f"nesting deeper than {MAX_DEPTH} levels; a monograph needs far fewer: "
                                        "flatten the structure")
