"""What every part's transformer shares: the parse context, cells and rows."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, ClassVar, Final, TypeVar

from lark import Token, Transformer
from lark.tree import Meta
from mypy_extensions import mypyc_attr

from sec8k.diagnostics import PRS_UNRECOGNIZED, DiagnosticSink
from sec8k.model import Unrecognized
from sec8k.normalize import NormalizedDocument
from sec8k.span import Span, SpanReader
from sec8k.transform.values import clean

__all__ = [
    "Cell",
    "Context",
    "PartTransformer",
    "Row",
    "extent",
    "kind_of",
    "new_node",
    "row_of",
    "token_cell",
]


@dataclass(slots=True, init=False)
class Context:
    """One parse's document and diagnostics, handed to every transformer."""

    doc: NormalizedDocument
    """The normalised document the tree was parsed from."""
    sink: DiagnosticSink
    """Where findings go."""
    unrecognized: list[Unrecognized]
    """Unplaced text found by the parts, collected for the filing."""
    spans: SpanReader
    """Maps the document's normalised ranges to the original, for :meth:`span`."""

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(
        self,
        doc: NormalizedDocument,
        sink: DiagnosticSink,
        unrecognized: list[Unrecognized] | None = None,
    ) -> None:
        self.doc = doc
        self.sink = sink
        self.unrecognized = [] if unrecognized is None else unrecognized
        self.spans = SpanReader(doc.source_map)

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalised range ``[start, end)``."""
        return self.spans.span(start, end)

    def span_of_lines(self, start: int, end: int) -> Span:
        """The original span of ``[start, end)``, taken line by line.

        The hull of each of its lines' spans: the newline after a laid-out table row
        stands for the table's end, so one span over two rows of a table would run to
        there. Plain-text and non-table lines give what :meth:`span` gives.
        """
        text = self.doc.text
        cut = text.find("\n", start, end)
        if cut < 0:
            return self.span(start, end)
        first = self.span(start, cut)
        low, high = first.start, first.end
        while cut >= 0:
            begin = cut + 1
            cut = text.find("\n", begin, end)
            stop = end if cut < 0 else cut
            if stop > begin:
                line = self.span(begin, stop)
                low, high = min(low, line.start), max(high, line.end)
        return Span(low, high)

    def take_back(self, span: Span) -> list[str]:
        """The unplaced texts inside ``span``, no longer unplaced: a later pass placed them.

        Their nodes and their PRS010 findings are withdrawn.
        """
        taken = [u for u in self.unrecognized if span.contains(u.span)]
        if taken:
            self.unrecognized[:] = [u for u in self.unrecognized if not span.contains(u.span)]
            self.sink.withdraw(PRS_UNRECOGNIZED, {u.span for u in taken})
        return [u.text for u in taken]

    def unplaced(self, text: str, start: int, end: int, context: str) -> None:
        """Keep text that belongs to nothing as an :class:`Unrecognized` node."""
        span = self.span(start, end)
        self.unrecognized.append(Unrecognized(clean(text), span, context))
        self.sink.report(
            PRS_UNRECOGNIZED, f"text on the {context} that is not part of the form", span
        )


_N = TypeVar("_N")

# Per class: its fields, each with its default (_REQUIRED: none), where new_node may set
# them itself; None where only the class's own __init__ will do.
_NODE_FIELDS: Final[dict[type, tuple[tuple[str, Any], ...] | None]] = {}
_REQUIRED: Final = object()
_new_object: Final[Any] = object.__new__


def new_node(kind: type[_N], values: dict[str, Any]) -> _N:
    """``kind(**values)`` for a frozen dataclass of the model, its fields set from here.

    The ``__init__`` that dataclass writes is Python, and sets each field through
    ``object.__setattr__`` called from Python (a cover page of twenty fields: some 30,000
    instructions); here that call compiles to the generic attribute setter. A class whose
    construction does more (its own ``__init__`` or ``__new__``, a ``__post_init__``, a
    default factory, an init-only field) is called as it is, and so are values that are
    not its fields or leave out one that has no default (the call then says what is wrong).
    """
    found: Any = _NODE_FIELDS.get(kind, _REQUIRED)
    if found is _REQUIRED:
        found = _node_fields(kind)
        _NODE_FIELDS[kind] = found
    if found is None:
        return kind(**values)
    layout: tuple[tuple[str, Any], ...] = found
    given = 0
    for name, default in layout:
        if name in values:
            given += 1
        elif default is _REQUIRED:
            return kind(**values)
    if given != len(values):
        return kind(**values)
    node: Any = _new_object(kind)
    for name, default in layout:
        object.__setattr__(node, name, values.get(name, default))
    made: _N = node
    return made


def _node_fields(kind: type) -> tuple[tuple[str, Any], ...] | None:
    """The fields new_node sets for ``kind`` and their defaults, or None (see new_node)."""
    params: Any = getattr(kind, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init:
        return None
    init: Any = kind.__dict__.get("__init__")
    code: Any = getattr(init, "__code__", None)
    if code is None or code.co_filename != "<string>":  # not the one dataclass wrote
        return None
    new: Any = kind.__new__
    if hasattr(kind, "__post_init__") or new is not _new_object:
        return None
    declared: dict[str, Any] = kind.__dict__["__dataclass_fields__"]
    fields = dataclasses.fields(kind)
    if len(fields) != len(declared):
        return None  # an init-only field
    layout: list[tuple[str, Any]] = []
    for field in fields:
        if not field.init or field.default_factory is not dataclasses.MISSING:
            return None
        default = _REQUIRED if field.default is dataclasses.MISSING else field.default
        layout.append((field.name, default))
    return tuple(layout)


# kind_of's answers by terminal name: a grammar has a few hundred terminals, and a cover
# page asks for the kind of each of its cells several times (rpartition made a tuple and
# three strings each time: 1% of a plain-text filing's instructions). Cleared when full.
_KINDS: Final[dict[str, str]] = {}
_KINDS_KEPT: Final = 4096


def kind_of(token: Token) -> str:
    """A token's terminal name without the grammar part's namespace ("cover__CELL" -> "CELL")."""
    name: str = token.type
    kind = _KINDS.get(name)
    if kind is None:
        if len(_KINDS) >= _KINDS_KEPT:
            _KINDS.clear()
        kind = _KINDS[name] = name.rpartition("__")[2]
    return kind


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    """A run of text on one row, with its columns in the normalised line."""

    kind: str
    """The terminal that lexed it: "CELL", "DATE", "CAPTION", "LABEL", "CONFORMED", ..."""
    text: str
    """The text, without the white space around it."""
    col: int
    """0-based column of its first character."""
    end_col: int
    """0-based column one past its last character."""
    start: int
    """Offset of its first character in the normalised text."""
    end: int
    """Offset one past its last character."""

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(self, kind: str, text: str, col: int, end_col: int, start: int, end: int) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "col", col)
        object.__setattr__(self, "end_col", end_col)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def overlap(self, col: int, end_col: int) -> int:
        """How many columns it shares with ``[col, end_col)``."""
        return min(self.end_col, end_col) - max(self.col, col)


def token_cell(token: Token) -> Cell:
    """The cell a token stands for: its text stripped, its columns those of the text."""
    # Declared str: lark types a token's value Any, and compiled code then calls lstrip
    # and rstrip through Python's method protocol (twice a cell, 200 instructions each).
    value: str = token.value
    body = value.lstrip()
    lead = len(value) - len(body)
    text = body.rstrip()
    start = (token.start_pos or 0) + lead
    col = (token.column or 1) - 1 + lead
    return Cell(kind_of(token), text, col, col + len(text), start, start + len(text))


@dataclass(frozen=True, slots=True, init=False)
class Row:
    """One row of the cover page or the signature block."""

    kind: str
    """The rule that read it ("value_row", "caption_row", ...) or "blank" / "rule"."""
    cells: tuple[Cell, ...]
    """Its cells, left to right (one cell for a whole-line row)."""
    blank_after: bool = False
    """Whether one or more empty lines follow it."""

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(self, kind: str, cells: tuple[Cell, ...], blank_after: bool = False) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "blank_after", blank_after)

    @property
    def start(self) -> int:
        """Normalised offset of its first cell."""
        return self.cells[0].start if self.cells else 0

    @property
    def end(self) -> int:
        """Normalised offset past its last cell."""
        return self.cells[-1].end if self.cells else 0

    @property
    def text(self) -> str:
        """Its cells' text, joined by single spaces."""
        return " ".join(cell.text for cell in self.cells)


def row_of(kind: str, children: list[Token]) -> Row:
    """A row from the tokens of a row rule (the last may be the EOL_BLANK that ends it)."""
    if children and kind_of(children[-1]) == "EOL_BLANK":
        return Row(kind, tuple(token_cell(t) for t in children[:-1]), blank_after=True)
    return Row(kind, tuple(token_cell(t) for t in children))


_NON_BLANK: Final = re.compile(r"\S")
# Bound once: compiled, a pattern's method is looked up by name at every call.
_non_blank_in: Final[Any] = _NON_BLANK.search


def _blank(char: int) -> bool:
    """Whether a character (its code) is white space, as a regex and ``str.strip`` take it.

    Told from the code for what is ASCII or Latin-1, with no one-character string made.
    """
    if char <= 32:
        return char == 32 or 9 <= char <= 13 or 28 <= char <= 31
    return char >= 0x85 and chr(char).isspace()


# How many characters stripped() reads one at a time at either end before it hands the
# rest to a search or to str.rstrip (a long run of blanks).
_BY_CHARACTER: Final = 64


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The range ``[start, end)`` of ``text`` without the white space at its two ends.

    Found without copying the range: a rule's range can be a whole long document.
    """
    if not 0 <= start < end <= len(text):
        first = _non_blank_in(text, start, end)
        if first is None:
            return start, start
        return _without_tail(text, first.start(), end)
    # A rule's range most often starts at a token and ends in a line break or two: the
    # first and last few characters are read one at a time, where a search (and a copy
    # of a window to strip) cost more.
    at = start
    stop = min(end, start + _BY_CHARACTER)
    while at < stop and _blank(ord(text[at])):
        at += 1
    if at == stop:
        if at == end:
            return start, start
        first = _non_blank_in(text, at, end)
        if first is None:
            return start, start
        at = first.start()
    stop = max(at, end - _BY_CHARACTER)
    while end > stop and _blank(ord(text[end - 1])):
        end -= 1
    if end > stop:
        return at, end
    return _without_tail(text, at, end)


def _without_tail(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` with the white space at its end taken off (``start`` is no blank)."""
    while end > start:
        tail = text[max(start, end - 4096) : end]
        kept = tail.rstrip()
        end -= len(tail) - len(kept)
        if kept:
            break
    return start, end


def extent(ctx: Context, meta: Meta) -> tuple[str, int, int]:
    """A rule's text without the white space around it, and that text's normalised range."""
    start, end = stripped(ctx.doc.text, meta.start_pos, meta.end_pos)
    return ctx.doc.text[start:end], start, end


@mypyc_attr(allow_interpreted_subclasses=True)
class PartTransformer(Transformer[Token, Any]):
    """The transformer of one grammar part, built for one parse with that parse's context."""

    terminal_names: ClassVar[dict[str, str]] = {}
    """The part's terminals in plain English, for "expected ..." hints."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
