"""The JSON Schema of ``sec8k parse --json`` (``Filing.to_dict()``), made from the model.

The schema follows :mod:`sec8k.serialize` rule for rule, reading the type annotations of
the model's dataclasses: a dataclass is an object of its JSON fields and
``json_properties`` (each required, no others), a :class:`~sec8k.span.Span` a pair of
integers, a date an ISO date string, an enum its values, ``X | None`` either. A field typed
with a node class admits that class and every subclass of it, so a form's own cover class
(with its own fields) and a plug-in's are described as soon as their forms are
registered. Nothing here names a node type: a new node is described like the built-in
ones.

``sec8k schema`` prints it; the tests validate the JSON of every corpus filing against it.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime
import enum
import inspect
import itertools
import textwrap
import types
import typing
from typing import Any

from sec8k.model import Filing
from sec8k.span import Span

__all__ = ["DIALECT", "json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema version the schema is written in."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a filing's JSON, for every registered form."""
    from sec8k.forms import forms

    forms()  # load the plug-in forms, so that their node classes are known
    builder = _Builder()
    root = builder.of(Filing)
    return {
        "$schema": DIALECT,
        "title": "sec8k filing",
        "description": "The JSON of `sec8k parse --json` and `Filing.to_dict()`.",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


class _Builder:
    """Builds the schema of a type, collecting one definition per node class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of values annotated ``tp``."""
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            return _any_of([self.of(arg) for arg in args])
        if origin in (tuple, list) or tp in (tuple, list):
            return self._sequence(args)
        if origin is dict or tp is dict:
            value = self.of(args[1]) if len(args) == 2 else {}
            return {"type": "object", "additionalProperties": value}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if tp is type(None):
            return {"type": "null"}
        if tp is Span:
            return {"$ref": "#/$defs/Span"} if self._span() else {}
        if isinstance(tp, type):
            return self._class(tp)
        return {}  # Any, or what the annotations do not say

    def _sequence(self, args: tuple[Any, ...]) -> dict[str, Any]:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        if len(args) == 1:
            return {"type": "array", "items": self.of(args[0])}
        if not args:
            return {"type": "array"}
        return {
            "type": "array",
            "prefixItems": [self.of(arg) for arg in args],
            "minItems": len(args),
            "maxItems": len(args),
        }

    def _class(self, cls: type) -> dict[str, Any]:
        if issubclass(cls, enum.Enum):
            return {"enum": [member.value for member in cls]}
        if cls is bool:
            return {"type": "boolean"}
        if cls is int:
            return {"type": "integer"}
        if cls is float:
            return {"type": "number"}
        if cls is str:
            return {"type": "string"}
        if issubclass(cls, datetime.date):
            return {"type": "string", "format": "date"}
        if dataclasses.is_dataclass(cls):
            # The class and its subclasses: a form's cover class stands where CoverPage is.
            kinds = [self._node(c) for c in _with_subclasses(cls)]
            return _any_of(kinds)
        return {}

    def _node(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        taken = self.defs.get(name)
        if taken is not None and taken.get("x-class", _qualified(cls)) != _qualified(cls):
            name = _qualified(cls).replace(".", "_")  # two node classes of one name
        if name in self.defs:
            return {"$ref": f"#/$defs/{name}"}
        self.defs[name] = {"x-class": _qualified(cls)}  # placeholder: nodes may nest
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        node = getattr(cls, "node", None)
        if isinstance(node, str) and node:
            properties["node"] = {"const": node}
        for field in dataclasses.fields(cls):
            if field.metadata.get("json", True):
                properties[field.name] = self._described(self.of(hints[field.name]), cls, field)
        for attribute in getattr(cls, "json_properties", ()):
            getter = getattr(cls, attribute)
            returned = typing.get_type_hints(getter.fget).get("return", Any)
            properties[attribute] = self._described(self.of(returned), cls, None, getter)
        self.defs[name] = {
            "type": "object",
            "description": _first_line(cls.__doc__),
            "x-class": _qualified(cls),
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }
        return {"$ref": f"#/$defs/{name}"}

    @staticmethod
    def _described(
        schema: dict[str, Any],
        cls: type,
        field: dataclasses.Field[Any] | None,
        getter: Any = None,
    ) -> dict[str, Any]:
        doc = _first_line(getter.__doc__) if getter is not None else _field_doc(cls, field)
        return {**schema, "description": doc} if doc else schema

    def _span(self) -> bool:
        self.defs.setdefault(
            "Span",
            {
                "type": "array",
                "description": "Start and end offsets in the decoded input (end exclusive).",
                "prefixItems": [{"type": "integer"}, {"type": "integer"}],
                "minItems": 2,
                "maxItems": 2,
            },
        )
        return True


def _any_of(schemas: list[dict[str, Any]]) -> dict[str, Any]:
    unique: list[dict[str, Any]] = []
    for schema in schemas:
        if schema not in unique:
            unique.append(schema)
    if any(not schema for schema in unique):
        return {}  # one of them is anything
    return unique[0] if len(unique) == 1 else {"anyOf": unique}


def _with_subclasses(cls: type) -> list[type]:
    found = [cls]
    sub: type
    for sub in cls.__subclasses__():
        found.extend(c for c in _with_subclasses(sub) if c not in found)
    return found


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _first_line(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _field_doc(cls: type, field: dataclasses.Field[Any] | None) -> str:
    """A field's docstring (the string literal under it in the class body), if any."""
    if field is None:
        return ""
    for klass in cls.__mro__:
        docs = _attribute_docs(klass)
        if field.name in docs:
            return docs[field.name]
    return ""


def _attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings under the annotated attributes of a class body."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    body = ast.parse(textwrap.dedent(source)).body
    if not body or not isinstance(body[0], ast.ClassDef):
        return {}
    docs: dict[str, str] = {}
    statements = body[0].body
    for statement, after in itertools.pairwise(statements):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[statement.target.id] = _first_line(after.value.value)
    return docs
