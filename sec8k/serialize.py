"""One serializer for every node: the model's dataclasses to JSON-ready data.

``to_data`` walks a value: a dataclass becomes a dict of its fields in declaration order
(each field's value serialized in turn), a :class:`~sec8k.span.Span` becomes
``[start, end]``, a date its ISO text, an enum its value, tuples and lists lists. Nothing
here knows any node type by name, so a node that a form or a plug-in adds is serialized
like the built-in ones. A node class steers its output with two class attributes:

* ``node`` (a string): written first under the key ``"node"``, so that a list holding
  several kinds of node (a filing's sections) says what each entry is;
* ``json_properties`` (names of properties): derived values written after the fields
  (``Filing.items``, ``Document.size``).

A field whose metadata says ``{"json": False}`` is left out (the source text a node keeps
for slicing, which the JSON would otherwise repeat).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
from typing import Any

from sec8k.span import Span

__all__ = ["to_data"]


@functools.cache
def _layout(cls: type) -> tuple[str | None, tuple[str, ...]]:
    """A dataclass's node name and the attributes to write, in order (computed once)."""
    names = [f.name for f in dataclasses.fields(cls) if f.metadata.get("json", True)]
    names.extend(getattr(cls, "json_properties", ()))
    node = getattr(cls, "node", None)
    return (node if isinstance(node, str) and node else None), tuple(names)


def to_data(value: Any) -> Any:
    """``value`` as JSON-ready data: dicts, lists, strings, numbers, booleans and None."""
    if isinstance(value, enum.Enum):  # before str: Severity is a str enum
        return to_data(value.value)
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Span):
        return [value.start, value.end]
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        node, names = _layout(type(value))
        out: dict[str, Any] = {"node": node} if node else {}
        for name in names:
            out[name] = to_data(getattr(value, name))
        return out
    raise TypeError(f"cannot serialize {type(value).__name__}")
