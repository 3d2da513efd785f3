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
from dataclasses import dataclass, field

import yaml

from trkmono.problems import Problem

READ_RULES = {
    "file-size": "the file is larger than 1 MiB",
    "encoding": "the file is not UTF-8 (a BOM and CRLF line endings are fine)",
    "empty-file": "the file is empty or only white space",
    "control-character": "a control character, escape sequence or bidirectional override in the text",
    "yaml-syntax": "the YAML cannot be parsed (including tab indentation)",
    "multiple-documents": "more than one YAML document in the file",
    "duplicate-key": "a key appears twice in one mapping (YAML would silently keep the last)",
    "anchor-alias": "an anchor or alias (nothing in a monograph needs them)",
    "explicit-tag": "an explicit tag such as !!python/object (never constructed)",
    "key-type": "a mapping key that is not plain text",
    "nesting-depth": "nesting deeper than 40 levels",
}
"""The refusals of this module, each an error."""

from trkmono.reading.folders import MAX_BYTES  # noqa: E402  (one limit for reading and parsing)
MAX_DEPTH = 40
MAX_REPORTED_CONTROL_CHARS = 10

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

try:
    from yaml.cyaml import CParser as _EventSource
except ImportError:  # PyYAML built without libyaml
    _EventSource = yaml.SafeLoader


@dataclass
class Document:
    """Plain data read from YAML, with the line and column of every value and key."""

    data: object = None
    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)

    def value_mark(self, loc: Loc) -> Mark:
        """Line and column of the value at loc, or of its nearest recorded ancestor."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return self.values[loc[:end]]
        return (1, 1)

    def key_mark(self, loc: Loc) -> Mark:
        """Line and column of the key at loc (falls back to its value's position)."""
        return self.keys.get(loc) or self.value_mark(loc)


class YamlReadError(Exception):
    """A file that cannot be read as a monograph document at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def decode(raw: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (a BOM is fine), within the size limit, not blank."""
    if len(raw) > MAX_BYTES:
        raise YamlReadError(_problem(path, (1, 1), "file-size",
                                     f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        raise YamlReadError(_problem(path, (line, col), "encoding",
                                     f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded")) from None
    if not text.strip():
        raise YamlReadError(_problem(path, (1, 1), "empty-file", "file is empty"))
    return text


def control_character_problems(text: str, path: str) -> list[Problem]:
    """One problem per control character or bidi override in the raw text (capped)."""
    if text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII):
        return []  # the usual case, settled many times faster than by the pattern
    problems = []
    for match in CONTROL_CHARS.finditer(text):
        if len(problems) == MAX_REPORTED_CONTROL_CHARS:
            break
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(_problem(path, (line, col), "control-character",
                                 f"control character U+{ord(match.group()):04X} is not allowed"))
    return problems


def read_document(text: str, path: str) -> tuple[Document, list[Problem]]:
    """Parse one YAML document into a Document, collecting every refusal it can.

    One loop over the parser's events builds the data, records every position and finds every
    refusal, so what is checked is exactly what is read.
    """
    builder = _build(text, path)
    return Document(builder.data, builder.values, builder.keys), builder.problems


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


def _build(text: str, path: str) -> _Builder:
    builder = _Builder(path)
    source = None
    try:
        source = _EventSource(text)
        for event in iter(source.get_event, None):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "nesting depth" in (exc.problem or ""):  # libyaml's own depth limit met before ours
            raise YamlReadError(_problem(path, where, "nesting-depth", f"nesting deeper than {MAX_DEPTH} levels"))
        raise YamlReadError(_problem(path, where, "yaml-syntax", _syntax_message(exc, text))) from None
    except yaml.YAMLError as exc:
        raise YamlReadError(_problem(path, (1, 1), "yaml-syntax", str(exc).strip())) from None
    finally:
        if source is not None:
            source.dispose()
    return builder


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    message = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    if mark is not None and text[mark.index: mark.index + 1] == "\t":
        return "tab character where YAML needs spaces (indent with spaces)"
    if exc.context:
        message = f"{message} ({exc.context})"
    return message


class _Builder:
    """Turns parser events into plain data with an explicit stack, recording every position
    and collecting every refusal."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.data: object = None
        self.values: dict[Loc, Mark] = {}
        self.keys: dict[Loc, Mark] = {}
        self.problems: list[Problem] = []
        self.stack: list[list] = []  # [container, loc, pending key or None]
        self.documents = 0
        self._last_loc: Loc = ()

    def feed(self, event: yaml.Event) -> None:
        """Take one event; raise YamlReadError when the document must be refused whole."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._node(event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent or kind is yaml.AliasEvent:
            self._node(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._fatal(event, "multiple-documents", "only one YAML document is allowed")

    def _node(self, event: yaml.NodeEvent) -> None:
        if isinstance(event, yaml.AliasEvent):
            self._refuse(event, "anchor-alias", f"aliases are not allowed (found '*{event.anchor}')")
            self._place(event, None)
            return
        if event.anchor is not None:
            self._refuse(event, "anchor-alias", f"anchors are not allowed (found '&{event.anchor}')")
        if event.tag is not None:
            self._refuse(event, "explicit-tag", f"explicit tags are not allowed (found '{event.tag}')")
        if type(event) is yaml.ScalarEvent:
            self._place(event, self._scalar(event))
            return
        if len(self.stack) >= MAX_DEPTH:
            self._fatal(event, "nesting-depth", f"nesting deeper than {MAX_DEPTH} levels")
        container: object = {} if type(event) is yaml.MappingStartEvent else []
        self._place(event, container)
        self.stack.append([container, self._last_loc, None])

    def _scalar(self, event: yaml.ScalarEvent) -> object:
        value = event.value
        if event.style == '"':
            bad = _CONTROL_IN_VALUE.search(value)
            if bad:
                self._refuse(event, "control-character",
                             f"control character U+{ord(bad.group()):04X} (from an escape) is not allowed")
        if event.implicit[0] and value[:1] in _MAYBE_NOT_TEXT:
            return _resolve_plain(value)
        return value

    def _place(self, event: yaml.Event, value: object) -> None:
        if not self.stack:
            self.data = value
            self._record((), event)
            return
        frame = self.stack[-1]
        container, loc, pending = frame
        if type(container) is list:
            self._record(loc + (len(container),), event)
            container.append(value)
            return
        if pending is None:
            self._key(frame, event, value)
            return
        frame[2] = None
        self._record(loc + (pending,), event)
        if type(pending) is not _Duplicate:
            container[pending] = value

    def _key(self, frame: list, event: yaml.Event, key: object) -> None:
        container, loc = frame[0], frame[1]
        if type(key) is not str:
            self._refuse(event, "key-type", f"keys must be plain text, not {_kind(key)}")
        elif key in container:
            first = self.keys[loc + (key,)][0]
            self._refuse(event, "duplicate-key", f"duplicate key '{key}' (first defined at line {first})")
        else:
            frame[2] = key
            self.keys[loc + (key,)] = _mark(event)
            return
        frame[2] = _Duplicate()
        self._last_loc = loc + (frame[2],)

    def _record(self, loc: Loc | None, event: yaml.Event) -> None:
        self._last_loc = loc
        self.values[loc] = _mark(event)

    def _refuse(self, event: yaml.Event, rule: str, message: str) -> None:
        self.problems.append(_problem(self.path, _mark(event), rule, message))

    def _fatal(self, event: yaml.Event, rule: str, message: str) -> None:
        raise YamlReadError(_problem(self.path, _mark(event), rule, message))


def _mark(event: yaml.Event) -> Mark:
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Duplicate:
    """Stands for a refused key: its value is read (and its problems found) but dropped."""


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a sequence", type(None): "null"}.get(
        type(value), type(value).__name__)


def _byte_position(raw: bytes, offset: int) -> Mark:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _problem(path: str, mark: Mark, rule: str, message: str) -> Problem:
    return Problem(path, mark[0], mark[1], "error", rule, message)
