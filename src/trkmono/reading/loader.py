"""YAML files to Monograph models (or the interaction table), with file:line:col for every problem.

``load_file`` never raises for a bad file: it returns what it could read together with every
problem it found, each pointing at the YAML node at fault. The interaction table is read by the
same steps, validated against its own model (``model_for``).
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from trkmono.problems import Problem
from trkmono.rulebook import declare
from trkmono.model.comedications import ComedicationTable
from trkmono.model.schema import Monograph
from trkmono.reading.folders import TABLE_NAME, Unreadable, read_source
from trkmono.reading.yamlsafe import (
    Document,
    Loc,
    YamlReadError,
    control_character_problems,
    decode,
    read_document,
)


ROOT_TYPE = declare("root-type", "error", "load", "The file holds a mapping of monograph fields.")
SCHEMA = declare("schema", "error", "load", "Every required field is there, every field is known (else the "
                 "closest valid name is suggested) and every value is of the right kind.")


FileModel = type[Monograph] | type[ComedicationTable]
"""What a file holds: a monograph, or the interaction table."""


@dataclass
class Loaded:
    """One file as read: the monograph (or interaction table) when it is valid, its positions, and
    its problems."""

    path: str
    monograph: Monograph | ComedicationTable | None = None
    document: Document = field(default_factory=Document)
    problems: list[Problem] = field(default_factory=list)

    def mark(self, loc: Loc) -> tuple[int, int]:
        """Line and column of the node at loc (or its nearest ancestor)."""
        return self.document.value_mark(loc)


def model_for(path: str) -> FileModel:
    """The model a file is checked against: the interaction table by its name, else a monograph."""
    return ComedicationTable if path.replace("\\", "/").rsplit("/", 1)[-1] == TABLE_NAME else Monograph


def load_file(path: Path, display: str | None = None, model: FileModel = Monograph) -> Loaded:
    """Read, parse and validate one monograph file (or a file of ``model``)."""
    shown = display or str(path)
    try:
        return load_bytes(read_source(path, shown), shown, model)
    except Unreadable as exc:
        return Loaded(shown, problems=[exc.problem])


def load_bytes(raw: bytes, path: str, model: FileModel = Monograph) -> Loaded:
    """Parse and validate monograph bytes (or ``model``'s) that came from ``path``."""
    try:
        text = decode(raw, path)
        controls = control_character_problems(text, path)
        if controls:
            return Loaded(path, problems=controls)
        document, problems = read_document(text, path)
    except YamlReadError as exc:
        return Loaded(path, problems=[exc.problem])
    loaded = Loaded(path, document=document, problems=problems)
    if not isinstance(document.data, dict):
        kind = "empty" if document.data is None else f"a {type(document.data).__name__}"
        loaded.problems.append(ROOT_TYPE.at(path, document.value_mark(()), (
            f"the file must hold a mapping of monograph fields, not {kind}; write one 'field: value' per line "
            "from the first column")))
        return loaded
    try:
        monograph = model.model_validate(document.data)
    except ValidationError as exc:
        loaded.problems.extend(_schema_problems(exc, document, path, model))
    else:
        if not problems:
            loaded.monograph = monograph
    return loaded


def _schema_problems(exc: ValidationError, document: Document, path: str, model: type[BaseModel]) -> list[Problem]:
    return [_schema_problem(error, document, path, model) for error in exc.errors(include_url=False)]


def _schema_problem(error: ErrorDetails, document: Document, path: str, model: type[BaseModel]) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        line, col = document.value_mark(loc[:-1])
        message = f"missing required field '{loc[-1]}'; add it"
        loc = loc[:-1]
    elif kind == "extra_forbidden":
        line, col = document.key_mark(loc)
        message = f"unknown field '{loc[-1]}'" + (_did_you_mean(loc, model) or "; delete it or correct its name")
        loc = loc[:-1]
    else:
        line, col = document.value_mark(loc)
        message = error["msg"].removeprefix("Value error, ")
    where = dotted(loc)
    text = f"{where}: {message}" if where else message
    return SCHEMA.at(path, (line, col), text)


def dotted(loc: Loc) -> str:
    """('dosing', 'regimens', 0, 'dose') -> 'dosing.regimens[0].dose'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _did_you_mean(loc: Loc, model: type[BaseModel]) -> str:
    allowed = _fields_at(loc[:-1], model)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _fields_at(loc: Loc, model: type[BaseModel]) -> list[str]:
    """Field names of the model found at loc inside a Monograph (or ``model``)."""
    annotation: object = model
    for part in loc:
        annotation = _model_in(annotation)
        if isinstance(part, int):
            annotation = _list_item(annotation)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(str(part))
            annotation = info.annotation if info else None
    found = _model_in(annotation)
    return list(found.model_fields) if isinstance(found, type) and issubclass(found, BaseModel) else []


def _model_in(annotation: object) -> object:
    """Unwrap Optional[...] to the model inside it."""
    for arg in typing.get_args(annotation) if typing.get_origin(annotation) is not list else ():
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return annotation


def _list_item(annotation: object) -> object:
    args = typing.get_args(annotation)
    return args[0] if typing.get_origin(annotation) is list and args else None
