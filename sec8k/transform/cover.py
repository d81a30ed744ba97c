"""Cover page: from typed rows and cells to fields, registrants, check boxes and tables.

The grammar (``grammar/cover.lark``) types each row of the cover and each cell in it, and
a typed cell's terminal says what it means: ``CAPTION_IRS_EMPLOYER_ID`` is a caption of
the IRS number, ``OPTION_EMERGING_GROWTH_COMPANY`` the label of that box. This module
reads meanings only from those names (:func:`field_of`); it knows no form's words. What
it decides is geometry, which a context-free grammar cannot: which value a caption
names (the one above it, in the same columns), which box a label names, where a table's
columns are. It does so in passes over the rows, each pass claiming the rows it uses:

1. Check boxes: each box gets its label (the cell before it, or for a box printed first,
   the text after it and that text's wrapped rows) and its field (the label's, else that
   of the question it answers).
2. Rows that are values in themselves: an amendment's number, a typed paragraph, the
   Section 12(g) line.
3. The Section 12(b) table: column headings, then a row per class.
4. A combined filing's registrant table.
5. A label alone on its row takes the date just below it.
6. Captions take the value rows just above them ("IMMUNOGEN, INC." over "(Exact name of
   registrant ...)"), across rules and blank lines (at most one in a text filing, where
   blank lines separate groups; between rows too in HTML, where they are paragraph
   spacing). A caption that wraps onto more rows is rebuilt column by column; each value
   cell goes to the caption it overlaps most.
7. Labels take the value printed after them on the same row (in a row of values too); a
   label printed alone takes the rows just below it (captions above values, as in some
   1994 covers), or else the row just above.
8. Values that say what they are ("(A Delaware Corporation)"), wherever they are left.
9. What is left: a lone date is a "date" field, and the first line before the
   registrant's other fields is its name, where no caption said so; anything else is
   unrecognized text.

The result is a :class:`CoverLayout`; the form's document transformer turns it into its
cover page class (:meth:`sec8k.transform.DocumentTransformer.cover`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from dataclasses import field as dataclass_field
from functools import partialmethod
from typing import Any, Final

from lark import Token
from mypy_extensions import mypyc_attr

from sec8k.model import CheckBox, CoverField, CoverPart, Registrant, Security
from sec8k.span import Span
from sec8k.transform.base import (
    Cell,
    Context,
    PartTransformer,
    Row,
    kind_of,
    new_node,
    row_of,
    stripped,
    token_cell,
)
from sec8k.transform.values import clean, jurisdiction_code, parse_date

__all__ = ["REGISTRANT_FIELDS", "CoverLayout", "CoverTransformer", "field_of"]

_TYPED: Final = re.compile(
    r"^(?:CAPTION_END|CAPTION|LABEL|QUESTION|OPTION|BOX|COLUMN|PARAGRAPH|VALUE)"
    r"_(?P<field>(?!END$)[A-Z0-9_]+)$"
)


# field_of's answers by terminal name ("" for none): a cover asks them for every cell of
# every slot, and a grammar has a few hundred terminals. Cleared when full.
_FIELDS: Final[dict[str, str]] = {}
_FIELDS_KEPT: Final = 4096


def field_of(kind: str) -> str | None:
    """The field a typed cell names, from its terminal's name ("CAPTION_ZIP" -> "zip")."""
    field = _FIELDS.get(kind)
    if field is None:
        match = _TYPED.match(kind)
        field = match["field"].lower() if match else ""
        if len(_FIELDS) >= _FIELDS_KEPT:
            _FIELDS.clear()
        _FIELDS[kind] = field
    return field or None


REGISTRANT_FIELDS: Final = (
    "name",
    "jurisdiction",
    "commission_file_number",
    "irs_employer_id",
    "address",
    "zip",
    "phone",
)
"""The fields that make up a :class:`~sec8k.model.Registrant`, in its order."""

# Fields that hold several registrant fields at once, as their captions say.
_COMBINED: Final = ("address_zip", "address_phone")
_ADDRESS_FIELDS: Final = ("address", *_COMBINED)
# Fields whose values go to a registrant.
_OF_REGISTRANT: Final = frozenset((*REGISTRANT_FIELDS, *_COMBINED))
# A zip code, or a Canadian postal code ("K0M 2T0"), ending an address.
_ZIP_AT_END: Final = re.compile(r"[\s,]+(\d{5}(?:\s?-\s?\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\s*$")
_PHONE: Final = re.compile(
    r"^(?:(?i:tel(?:ephone)?|phone)\.?:?\s*)?\(?\d{3}\)?[\s.\-/]*\d{3}[\s.\-]*\d{4}\b"
)
_PHONE_LABEL: Final = re.compile(r"(?i)^(?:tel(?:ephone)?|phone)\.?:?\s*")
_FAX: Final = re.compile(r"(?i)^(?:fax|facsimile)\b")
# Both start with a digit, and the word boundary before it is a lookbehind after it
# ("\d(?<!\w\d)": the character before the digit is no word character): a pattern that
# opens with "\b" is tried at every position, one that opens with a digit class lets the
# regex engine skip to the next digit (2,000 instructions a search, measured, to a few
# hundred). They match what "\b\d{1,3}-..." and "\b\d{2}..." matched.
_FILE_NUMBER: Final = re.compile(r"\d(?<!\w\d)\d{0,2}-\d{3,6}(?:-\d{1,4})?\b")
_IRS_NUMBER: Final = re.compile(r"\d(?<!\w\d)(?:\d\s?-\s?\d{7}\b|\d{8}\b)")
# The number fields, by what their numbers look like.
_NUMBERS: Final = {"irs_employer_id": _IRS_NUMBER, "commission_file_number": _FILE_NUMBER}
_BOX_CHECKED: Final = re.compile(r"[xX\u2612\u25a0\u2713\u2714]")
# The state in "(A Delaware Corporation)", "An Indiana Corporation" (VALUE_JURISDICTION).
_INCORPORATED: Final = re.compile(
    r"(?i)^\(?\s*an?\s+(.+?)\s+(?:corporation|company|limited\s+liability\s+company"
    r"|limited\s+partnership|banking\s+corporation|trust)\s*\)?$"
)
# A figure of a table of shares: "15,634,232,000".
_FIGURE: Final = re.compile(r"\d{1,3}(?:,\d{3})+")
# A letter or a digit: a 12(b) value that has none is no value (a dash, a blank).
_ALNUM: Final = re.compile(r"[A-Za-z0-9]")
_NONE_12B: Final = re.compile(
    r"(?i)^\W*(?:n/?a|none|not\s+applicable)\W*(?:n/?a|none|not\s+applicable|\W)*$"
)
# Cell kinds that are a check box.
_BOXES: Final = frozenset(("CHECK_BOX", "MARK"))
# Rows of captions, labels and values.
_CELL_ROWS: Final = ("value_row", "caption_row", "label_row")
_CELL_OR_COLUMN_ROWS: Final = (*_CELL_ROWS, "columns")
# The kind of cover part that a row's cells are, by the row's kind: a "rule" row is a RULE
# token; every other kind is a rule of the grammar that CoverTransformer reads as a Row.
_ROW_PART: Final = {
    "masthead": "masthead",
    "form_title": "form-title",
    "amendment": "amendment",
    "rule": "rule",
    "question": "question",
    "check_box": "check-box",
    "box_row": "check-box",
    "columns": "securities-12b",
    "contents_entry": "contents",
    "page_note": "page-note",
    "securities_12b": "securities-12b",
    "securities_12g": "securities-12g",
    "paragraph": "paragraph",
    "caption_row": "caption",
    "label_row": "label",
    "value_row": "value",
    "long_row": "long",
}


@dataclass(slots=True, init=False)
class FoundValue:
    """A field's value found on the cover: the cells it was printed in."""

    name: str
    """The field."""
    value_rows: list[tuple[int, list[Cell]]]
    """Per row: the row's index and the value's cells in it, left to right."""
    order: int
    """Where it was found, for document order."""
    index: int = 0
    """Which registrant it belongs to, where a column holds one row per registrant (the
    first is 0; values outside such a column are 0)."""

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(
        self, name: str, value_rows: list[tuple[int, list[Cell]]], order: int, index: int = 0
    ) -> None:
        self.name = name
        self.value_rows = value_rows
        self.order = order
        self.index = index

    @property
    def text(self) -> str:
        """The value's text, white space collapsed."""
        return clean(" ".join(c.text for _, cells in self.value_rows for c in cells))

    def lines(self) -> list[str]:
        """The value's text, one entry per row."""
        return [clean(" ".join(c.text for c in cells)) for _, cells in self.value_rows]


@dataclass(slots=True, init=False)
class CoverLayout:
    """What the cover's rows hold, before a form gives it the shape of its cover page."""

    span: Span
    """The whole cover."""
    form_type: str | None
    """The form named in the title: the word after "FORM", upper-cased."""
    values: list[tuple[FoundValue, Span]]
    """Every field's value with its span, in document order."""
    registrants: tuple[Registrant, ...]
    """The registrants, assembled from the registrant fields."""
    boxes: tuple[CheckBox, ...]
    """Every check box, with its label and field."""
    securities_12b: tuple[Security, ...] | None
    """The Section 12(b) table's rows, or None where the cover has no such table."""
    parts: tuple[CoverPart, ...]
    """Every recognised piece of the cover, in document order."""

    # Written out, as FoundValue's: the generated one would be interpreted.
    def __init__(
        self,
        span: Span,
        form_type: str | None,
        values: list[tuple[FoundValue, Span]],
        registrants: tuple[Registrant, ...],
        boxes: tuple[CheckBox, ...],
        securities_12b: tuple[Security, ...] | None,
        parts: tuple[CoverPart, ...],
    ) -> None:
        self.span = span
        self.form_type = form_type
        self.values = values
        self.registrants = registrants
        self.boxes = boxes
        self.securities_12b = securities_12b
        self.parts = parts

    def fields(self) -> tuple[CoverField, ...]:
        """The values of fields that are no registrant field, in document order."""
        return tuple(
            CoverField(found.name, found.text, span)
            for found, span in self.values
            if found.name not in _OF_REGISTRANT
        )

    def first(self, name: str) -> tuple[FoundValue, Span] | None:
        """The first value of field ``name``."""
        return next(((f, s) for f, s in self.values if f.name == name), None)


def _bracket_balance(text: str) -> int:
    """Brackets ``text`` closes less those it opens."""
    return text.count(")") + text.count("]") - text.count("(") - text.count("[")


@dataclass(slots=True, init=False)
class _Slot:
    """A caption (or label) rebuilt from its pieces, and the value cells it takes."""

    cells: list[Cell]
    values: list[tuple[int, Cell]]  # (row index, cell)
    col: int
    """The first column of its cells."""
    end_col: int
    """The column after the last of its cells."""
    balance: int
    """Brackets closed less brackets opened in its pieces: below 0 while it is open."""
    # Not compared: slots are told apart by what they hold (header.index), not by this.
    named: str | None = dataclass_field(compare=False, repr=False)
    """Its field, once asked (see :attr:`field`)."""
    known: bool = dataclass_field(compare=False, repr=False)
    """Whether :attr:`named` is its field: asked, and no piece added since."""

    # Written out, as FoundValue's: the generated one would be interpreted.
    def __init__(self, cells: list[Cell]) -> None:
        self.cells = cells
        self.values = []
        self.named = None
        self.known = False
        # A loop: min and max over a generator call it per cell, compiled.
        col, end_col = cells[0].col, cells[0].end_col
        balance = 0
        for c in cells:
            col = min(col, c.col)
            end_col = max(end_col, c.end_col)
            balance += _bracket_balance(c.text)
        self.col, self.end_col = col, end_col
        self.balance = balance

    def add(self, cell: Cell) -> None:
        """Take one more piece of the caption."""
        self.cells.append(cell)
        self.known = False
        self.col = min(self.col, cell.col)
        self.end_col = max(self.end_col, cell.end_col)
        self.balance += _bracket_balance(cell.text)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def closed(self) -> bool:
        # Kept as the pieces come, not counted in their joined text each time it is
        # asked: a caption left open on every row of a long cover was read again per row.
        return self.balance >= 0

    @property
    def field(self) -> str | None:
        """The field its pieces name: the first typed piece's.

        A zip or a telephone number that a later piece adds to an address joins it. Kept
        until a piece is added: the pairing asks a slot for it once per value cell.
        """
        if not self.known:
            self.named = self._field()
            self.known = True
        return self.named

    def _field(self) -> str | None:
        names = [name for c in self.cells if (name := field_of(c.kind))]
        if not names:
            return None
        first = names[0]
        if first == "address" and "phone" in names[1:]:
            return "address_phone"
        if first == "address" and "zip" in names[1:]:
            return "address_zip"
        return first

    def overlap(self, cell: Cell) -> int:
        """Columns the cell shares with this slot (0 or less when they share none)."""
        return cell.overlap(self.col, self.end_col)

    def gap(self, cell: Cell) -> int:
        """Columns between the cell and this slot (0 when they overlap)."""
        # Compared, not max() of three: compiled, that made a tuple and called the builtin
        # (600 instructions a call).
        before = self.col - cell.end_col
        after = cell.col - self.end_col
        if before > 0:
            return before if before >= after else after
        return after if after > 0 else 0


# Label rows a registrant table's header may take: its captions wrap over three rows at
# most in the corpus and curated filings. Each unclaimed label row is tried as the start
# of a header, so an unbounded window would read a long run of label rows quadratically.
_HEADER_ROWS: Final = 8


def _beside(cell: Cell) -> bool:
    """Whether a cell of a value row is a caption of a registrant field, beside its value."""
    return cell.kind.startswith("CAPTION") and field_of(cell.kind) in _OF_REGISTRANT


def _values_of(cells: Sequence[Cell]) -> Sequence[Cell]:
    """A value row's cells without the captions printed beside its values."""
    if not any(_beside(c) for c in cells[1:]):
        return cells
    return [cells[0], *[c for c in cells[1:] if not _beside(c)]]


def _join_wrapped_titles(rows: list[tuple[Security, bool, bool]]) -> list[Security]:
    """The 12(b) table's securities, from its rows.

    Each row comes with whether it fills a column beside the title and whether it starts
    a group of rows (after the headings or a blank line). A row with nothing beside its
    title is part of a wrapped title. It continues the title above where its group's
    first row is full ("Common Stock" / "(no par value)"); it starts the title of the
    next full row where the group's first row is a title alone (cells aligned to their
    bottom line: "Units, each consisting of" / "one share ...  ABCDU"). A row with
    nothing but an exchange goes on with the exchange of the row above (:func:`_more_exchange`).
    """
    bottom_aligned = False
    securities: list[Security] = []
    pending: list[Security] = []  # title rows waiting for their full row, bottom-aligned
    for security, full, group_start in rows:
        if (
            securities
            and not pending
            and security.exchange
            and security.title is None
            and security.trading_symbol is None
        ):
            # Only the exchange's column: the cell above goes on, with a second exchange
            # ("New York Stock Exchange" / "NYSE Texas, Inc.") or the rest of its name.
            above = securities.pop()
            securities.append(_more_exchange(above, security))
            continue
        if group_start:
            if pending:
                head = [securities.pop()] if securities else []
                securities.append(_joined([*head, *pending], None))
                pending = []
            bottom_aligned = not full
        if bottom_aligned:
            if not full:
                pending.append(security)
                continue
            if pending:
                security = _joined([*pending, security], security)
                pending = []
        elif securities and not full and security.title and securities[-1].title:
            security = _joined([securities.pop(), security], None)
        securities.append(security)
    if pending:  # title lines after the last full row go on with its title
        head = [securities.pop()] if securities else []
        securities.append(_joined([*head, *pending], None))
    return securities


# The end of an exchange's whole name ("... Stock Exchange", "The Nasdaq Stock Market LLC",
# "NYSE Texas, Inc.", "NYSE American", "(Nasdaq Global Select Market)").
_EXCHANGE_END: Final = re.compile(
    r"(?i)\b(?:exchange|market|llc|inc\.?|ltd\.?|limited|plc|ag|s\.?a\.?|n\.?v\.?"
    r"|nyse(?:[ \t]+\w+)?|nasdaq|arca|american|\))[ \t]*$"
)


def _more_exchange(above: Security, row: Security) -> Security:
    """The security ``above`` with the exchange a row below it adds to its column.

    Where the cell above ends an exchange's name and the row starts another ("New York
    Stock Exchange" / "NYSE Texas, Inc.": a class listed on two), the two are kept apart by
    "; "; else the row goes on with the name ("The Nasdaq Stock" / "Market LLC"), or says
    which part of the exchange it is ("(Nasdaq Global Select Market)").
    """
    more = row.exchange or ""
    if above.exchange is None:
        exchange = more
    elif _EXCHANGE_END.search(above.exchange) and more[:1].isupper():
        exchange = f"{above.exchange}; {more}"
    else:
        exchange = f"{above.exchange} {more}"
    span = Span.enclosing([above.span, row.span]) or above.span
    return replace(above, exchange=exchange, span=span)


def _joined(parts: list[Security], full: Security | None) -> Security:
    """One security from rows of one wrapped title; the values are the full row's."""
    head = full or parts[0]
    title = " ".join(p.title for p in parts if p.title)
    span = Span.enclosing([p.span for p in parts]) or head.span
    return replace(head, title=title or None, span=span)


def _best_slot(slots: list[_Slot], cell: Cell) -> _Slot:
    """The slot a cell belongs to: most shared columns, else the nearest, else the leftmost.

    A value that overflows its caption runs to the right, so on a tie the left slot wins.
    """
    return slots[_best_index(slots, cell)]


def _best_index(slots: list[_Slot], cell: Cell) -> int:
    """Where :func:`_best_slot` is in ``slots``.

    Told by the search, not by ``slots.index()``: that compared the slots before it with
    the dataclass's ``__eq__``, interpreted, field by field (no two slots of one heading
    are equal: each cell is in one).
    """
    # As max(slots, key=(overlap, -gap)) picks, the first of equals: a loop, where the key
    # lambda made a tuple and max() called it from Python for every slot.
    if not slots:
        raise ValueError("no slot to choose from")
    best = 0
    best_overlap = slots[0].overlap(cell)
    best_gap = slots[0].gap(cell)
    for k in range(1, len(slots)):
        slot = slots[k]
        overlap = slot.overlap(cell)
        if overlap < best_overlap:
            continue
        gap = slot.gap(cell)
        if overlap > best_overlap or gap < best_gap:
            best, best_overlap, best_gap = k, overlap, gap
    return best


def _add_to_columns(slots: list[_Slot], cell: Cell) -> _Slot:
    """Add a piece of a heading to the slot whose columns it shares, else to a new one."""
    best = _best_slot(slots, cell) if slots else None
    if best is None or best.overlap(cell) <= 0:
        best = _Slot([cell])
        slots.append(best)
    else:
        best.add(cell)
    return best


def _fits(field: str | None, text: str) -> bool:
    """Whether a value can be a field's.

    A number's field (zip code, IRS number, file number) takes only a value with a digit.
    """
    if field == "zip" or (field is not None and field in _NUMBERS):
        return any(ch.isdigit() for ch in text)
    return True


# "N/A", "None", "Not applicable", a dash: a value saying there is none.
_NO_VALUE: Final = re.compile(r"(?i)\s*(?:n/?a|none|not\s+applicable|[-\u2013\u2014_]+)\.?\s*$")


def _fitting_left(slots: Sequence[_Slot], cell: Cell) -> _Slot | None:
    """The caption left of a value that does not fit the caption nearest it, if it fits.

    A value runs to the right of its caption: "Deerfield,   Illinois   60015" over the
    address's caption and the zip code's, "Illinois" nearer the zip code's column. An
    answer that there is none ("N/A" under the zip code's caption) is its caption's still.
    """
    if _NO_VALUE.match(cell.text):
        return None
    left = [slot for slot in slots if slot.col < cell.col and _fits(slot.field, cell.text)]
    return max(left, key=lambda slot: slot.col) if left else None


def _by_shape(slots: list[_Slot], cells: Sequence[Cell]) -> list[tuple[_Slot, Cell]] | None:
    """Pair values printed close together with their captions by what they look like.

    "Nevada 000-29913 90-1133909" under three captions: an IRS number, a file number, and
    the rest in the order of the other captions. None when that does not place every value.
    """
    fields = [slot.field for slot in slots]
    if not any(name in _NUMBERS for name in fields):
        return None
    pieces: list[Cell] = []
    for cell in cells:
        for match in re.finditer(r"\S+", cell.text):
            start = cell.start + match.start()
            col = cell.col + match.start()
            text = match.group()
            if (
                pieces
                and not re.fullmatch(r"[\d-]+", text)
                and not re.fullmatch(r"[\d-]+", pieces[-1].text)
            ):
                last = pieces[-1]  # words of one value join again: "New York"
                pieces[-1] = replace(
                    last, text=f"{last.text} {text}", end_col=col + len(text), end=start + len(text)
                )
            else:
                pieces.append(Cell(cell.kind, text, col, col + len(text), start, start + len(text)))
    pairs: list[tuple[_Slot, Cell]] = []
    free = [slot for slot, name in zip(slots, fields, strict=True) if name not in _NUMBERS]
    for piece in pieces:
        number = next(
            (n for n, shape in _NUMBERS.items() if n in fields and shape.fullmatch(piece.text)),
            None,
        )
        if number is not None:
            pairs.append((slots[fields.index(number)], piece))
        elif free:
            pairs.append((free.pop(0), piece))
        else:
            return None
    return pairs


def _caption_slots(row: Row) -> list[_Slot]:
    """The captions of a row; a caption whose words are spread by double spaces is one."""
    slots: list[_Slot] = []
    for cell in row.cells:
        if slots and not slots[-1].closed and not cell.text.startswith(("(", "[")):
            slots[-1].add(cell)
        else:
            slots.append(_Slot([cell]))
    return slots


def _labels_after_boxes(cells: Sequence[Cell]) -> bool:
    """Whether a row prints its answers after their boxes: "[ ] Yes   [X] No".

    Every "Yes"/"No" right after a box, and the row ending in one.
    """
    answers = [k for k, cell in enumerate(cells) if cell.kind == "ANSWER"]
    return (
        bool(answers)
        and answers[-1] == len(cells) - 1
        and all(k > 0 and cells[k - 1].kind == "CHECK_BOX" for k in answers)
    )


def _values_beside(slots: list[_Slot], row: int) -> list[_Slot]:
    """Give a caption the plain cells printed right after it on its own row.

    "(Registrant's telephone number, including area code)       800-323-6883": where no
    row above holds values for the captions, a caption's value may follow it on its line.
    """
    kept: list[_Slot] = []
    for slot in slots:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before.closed
            and before.field is not None
            and not before.values
            and all(cell.kind in ("CELL", "DATE") for cell in slot.cells)
        ):
            for cell in slot.cells:
                before.values.append((row, cell))
            continue
        kept.append(slot)
    return kept


def _beside_title(header: list[_Slot], row: Row) -> bool:
    """Whether a row of the 12(b) table prints anything outside the title's column."""
    if not header:
        return len(row.cells) > 1
    columns = _columns(header)
    return any(columns[_best_index(header, cell)] != "title" for cell in row.cells)


def _columns(header: list[_Slot]) -> list[str]:
    """The field of each column of the 12(b) table, from its typed heading pieces.

    A heading no piece of which names a column ("Name of" / "Each Exchange ...", wrapped)
    is the exchange's when it is the last and no other is; any other holds more of the
    title (a "Registrant" column of a combined filing).
    """
    fields = [
        next((field_of(c.kind) for c in slot.cells if c.kind.startswith("COLUMN")), None)
        for slot in header
    ]
    if fields and fields[-1] is None and "exchange" not in fields:
        fields[-1] = "exchange"
    return [name if name in ("title", "trading_symbol", "exchange") else "title" for name in fields]


def _checked(cell: Cell) -> bool:
    return bool(_BOX_CHECKED.search(cell.text))


def _first_field(cells: Sequence[Cell]) -> str | None:
    """The field the first typed cell names."""
    return next((name for cell in cells if (name := field_of(cell.kind))), None)


class _Layout:
    """The passes over one cover page's rows (see the module docstring)."""

    def __init__(self, ctx: Context, rows: list[Row]) -> None:
        self.ctx = ctx
        self.rows = rows
        self.spacing = ctx.doc.paragraph_spacing  # blank lines are crossed, as HTML's
        self.claimed: dict[int, str] = {}  # row index -> part kind of its cells
        self.found: list[FoundValue] = []
        self.boxes: list[CheckBox] = []
        # By normalised range (see _span), its start and end as one int: a tuple key was
        # made, hashed and compared at each look-up.
        self.spans: dict[int, Span] = {}
        self.width = len(ctx.doc.text) + 1

    def claim(self, index: int, kind: str) -> None:
        """Mark row ``index`` as used, its cells as cover parts of ``kind``."""
        self.claimed[index] = kind

    # ---- pass 1: check boxes ----

    def check_boxes(self) -> None:
        """Give every box its label and field, and claim the rows they are on."""
        question: str | None = None  # the field of the question the next boxes answer
        asked = ""  # and its text
        open_question = False
        for i, row in enumerate(self.rows):
            if row.kind == "question":
                question, open_question = field_of(row.cells[0].kind), True
                asked = clean(" ".join(c.text for c in row.cells if c.kind.startswith("QUESTION")))
                self.claim(i, "question")
                self._row_boxes(row, question, asked)
            elif row.kind == "check_box":
                self.claim(i, "check-box")
                self._box_first(i, row, question)
            elif row.kind == "box_row" or any(c.kind == "CHECK_BOX" for c in row.cells):
                # Off a box row, a box printed while a question is open ends the question's
                # wrapped text: the row is the question's.
                wrapped = open_question and row.kind != "box_row"
                self.claim(i, "question" if wrapped else "check-box")
                self._row_boxes(row, question, asked)
            elif row.kind != "blank" and i not in self.claimed:
                question, asked, open_question = None, "", False

    def _box_first(self, i: int, row: Row, question: str | None) -> None:
        """A box, then its text.

        The text and its wrapped rows (indented under it) are the box's label; a typed
        text names the box's field.
        """
        box, *rest = row.cells
        # More boxes on the row, each before its own text ("[ ]  Yes   [X]  No", "[ ]  First
        # option   [ ]  Second option"): each box to the next is one box and its label.
        boxes_at = [k for k, cell in enumerate(rest) if cell.kind == "CHECK_BOX"]
        ends = [*boxes_at[1:], len(rest)]
        if (
            boxes_at
            and boxes_at[0] > 0
            and all(stop - k > 1 for k, stop in zip(boxes_at, ends, strict=True))
        ):
            for left, right in zip([-1, *boxes_at], [*boxes_at, len(rest)], strict=True):
                head = box if left < 0 else rest[left]
                cells = rest[left + 1 : right]
                texts, end = self._box_text(i, cells)
                last = end if end is not None else (cells[-1].end if cells else head.end)
                span = self.ctx.span_of_lines(head.start, last)
                typed = _first_field(cells) or question
                self.boxes.append(_check_box(typed, clean(" ".join(texts)), _checked(head), span))
            return
        texts, end = self._box_text(i, rest)
        typed = _first_field(rest)
        j = i + 1
        while (
            end is None
            and j < len(self.rows)
            and self.rows[j].kind in ("value_row", "caption_row")
            and self.rows[j].cells[0].col > box.col
        ):
            self.claim(j, "check-box")
            more, end = self._box_text(j, self.rows[j].cells)
            texts.extend(more)
            j += 1
        last = end if end is not None else self.rows[j - 1].end
        span = self.ctx.span_of_lines(box.start, last)
        label = clean(" ".join(texts))
        self.boxes.append(_check_box(typed or question, label, _checked(box), span))

    def _box_text(self, i: int, cells: Sequence[Cell]) -> tuple[list[str], int | None]:
        """A box's text on row ``i``, and where it ended if a label cut it.

        A label printed in the text takes the rest of the row as its value.
        """
        for k, cell in enumerate(cells):
            if cell.kind.startswith("LABEL"):
                self._labels_in(i, cells[k:])
                return [c.text for c in cells[:k]], cells[k - 1].end if k else cell.start
        return [c.text for c in cells], None

    def _row_boxes(self, row: Row, question: str | None, asked: str = "") -> None:
        """Boxes with their labels before them: "Yes [X]  No [ ]", "Emerging growth company [ ]".

        A box with no text of its own before it, printed after the question it answers
        ("... check the following box. [X]"), takes the question's text as its label.
        """
        if _labels_after_boxes(row.cells):
            self._boxes_then_labels(row.cells, question)
            return
        label: list[Cell] = []
        for cell in row.cells:
            is_box = cell.kind == "CHECK_BOX" or (cell.kind == "MARK" and label)
            if not is_box:
                label.append(cell)
                continue
            # "Yes   No   X": a box after two answers is the last one's; the ones before it
            # are answers left unmarked.
            while len(label) >= 2 and label[-1].kind == "ANSWER" and label[-2].kind == "ANSWER":
                left = label.pop(-2)
                span = self.ctx.span(left.start, left.end)
                self.boxes.append(_check_box(question, clean(left.text), False, span))
            typed = _first_field(label)
            text = clean(" ".join(c.text for c in label if not c.kind.startswith("QUESTION")))
            start = label[0].start if label and text else cell.start
            text = text or asked
            span = self.ctx.span(start, cell.end)
            self.boxes.append(_check_box(typed or question, text, _checked(cell), span))
            label = []

    def _boxes_then_labels(self, cells: Sequence[Cell], question: str | None) -> None:
        """Boxes whose answers are printed after them: "[ ] Yes   [X] No"."""
        for k in range(1, len(cells)):
            answer, box = cells[k], cells[k - 1]
            if answer.kind == "ANSWER" and box.kind == "CHECK_BOX":
                span = self.ctx.span(box.start, answer.end)
                self.boxes.append(_check_box(question, clean(answer.text), _checked(box), span))

    # ---- pass 2: lines that are a value in themselves ----

    def whole_rows(self) -> None:
        """Rows the grammar read whole.

        The amendment's number; a typed paragraph (with the rows of figures that a
        paragraph without figures of its own introduces); the classes registered under
        Section 12(g).
        """
        for i, row in enumerate(self.rows):
            if row.kind == "amendment":
                self.claim(i, "amendment")
                self.found.append(FoundValue("amendment_number", [(i, list(row.cells))], i))
            elif row.kind == "paragraph":
                self.claim(i, "paragraph")
                name = field_of(row.cells[0].kind)
                if name is None:
                    continue
                rows = [(i, list(row.cells))]
                if not _FIGURE.search(row.text):
                    rows.extend((k, list(self.rows[k].cells)) for k in self._figures_below(i))
                elif name == "shares_outstanding" and not parse_date(row.text)[1]:
                    # A table of counts under the sentence that dates it: "As of November
                    # 6, 2024, the registrant's shares ... outstanding were as follows."
                    k = self._dated_sentence_above(i)
                    if k is not None:
                        self.claim(k, "paragraph")
                        rows.insert(0, (k, list(self.rows[k].cells)))
                self.found.append(FoundValue(name, rows, i))
            elif row.kind == "securities_12g":
                self.claim(i, "securities-12g")
                self._securities_12g(i, row)

    def _dated_sentence_above(self, i: int) -> int | None:
        """The row above row ``i`` (across blank lines) that dates the shares outstanding."""
        k = i - 1
        while k >= 0 and self.rows[k].kind == "blank":
            k -= 1
        if k < 0 or k in self.claimed or self.rows[k].kind != "value_row":
            return None
        text = self.rows[k].text
        if "outstanding" not in text.lower() or not parse_date(text)[1]:
            return None
        return k

    def _figures_below(self, i: int) -> list[int]:
        """The rows of figures just below row ``i`` (a table of shares outstanding)."""
        found = []
        for k in self._rows_below(i):
            if not _FIGURE.search(self.rows[k].text):
                break
            self.claim(k, "paragraph")
            found.append(k)
        return found

    def _securities_12g(self, i: int, row: Row) -> None:
        """The classes registered under Section 12(g): after the line's colon, or below."""
        head, colon, rest = row.cells[0].text.partition(":")
        if colon and rest.strip():
            cell = row.cells[0]
            offset = len(head) + 1 + len(rest) - len(rest.lstrip())
            value = replace(
                cell, text=rest.strip(), col=cell.col + offset, start=cell.start + offset
            )
            self.found.append(FoundValue("securities_12g", [(i, [value])], i))
            return
        rows: list[tuple[int, list[Cell]]] = []
        k = i + 1
        while k < len(self.rows) and len(rows) < 6:
            below = self.rows[k]
            if below.kind == "blank":
                if rows and not self.spacing:
                    break
            elif below.kind == "columns" and not rows:
                self.claim(k, "securities-12g")
            elif below.kind == "value_row" and k not in self.claimed:
                self.claim(k, "value")
                rows.append((k, list(below.cells)))
            else:
                break
            k += 1
        if rows:
            self.found.append(FoundValue("securities_12g", rows, i))

    # ---- pass 3: the Section 12(b) table ----

    def securities(self) -> list[Security] | None:
        """The table under "Securities registered pursuant to Section 12(b) of the Act".

        None where the cover has no such line.
        """
        rows = self.rows
        start = next((i for i, r in enumerate(rows) if r.kind == "securities_12b"), None)
        if start is None:
            return None
        self.claim(start, "securities-12b")
        # A class printed after the line's colon ("... Section 12(b) of the Act:  Class A
        # Common Stock, $0.014 par value"), the table's first.
        first: Security | None = None
        line = rows[start].cells[0]
        head, colon, rest = line.text.partition(":")
        if colon and _ALNUM.search(rest) and not _NONE_12B.match(rest.strip()):
            at = line.start + len(head) + 1 + len(rest) - len(rest.lstrip())
            first = _new_security(clean(rest), None, None, self.ctx.span(at, line.end))
        # Each row; whether it fills a column beside the title; whether a blank line or
        # the headings are above it.
        parsed: list[tuple[Security, bool, bool]] = []
        header: list[_Slot] = []
        after_blank = True
        read: list[tuple[Row, bool]] = []  # the rows parsed, for headings under them
        for j in range(start + 1, len(rows)):
            row = rows[j]
            if row.kind == "securities_12b" and not parsed and not header:
                self.claim(j, "securities-12b")  # the line printed twice
                continue
            if row.kind == "blank":
                if parsed and self._table_row_after(header, j):
                    after_blank = True
                    continue  # rows set apart by blank lines: the table goes on
                if parsed or (header and j + 1 < len(rows) and rows[j + 1].kind == "blank"):
                    break
                continue
            if row.kind == "rule" and header and not parsed:
                self.claim(j, "securities-12b")  # the headings' underline
                continue
            if j in self.claimed or (
                row.kind not in _CELL_OR_COLUMN_ROWS and not self._exchange_goes_on(header, row)
            ):
                break
            self.claim(j, "securities-12b")
            if any(c.kind.startswith("COLUMN") for c in row.cells) and (not parsed or not header):
                for cell in row.cells:
                    _add_to_columns(header, cell)
                if parsed:
                    # The headings under the rows ("RIOT" over "(Trading Symbol)"): the rows
                    # are read again by them, and the table ends with them.
                    parsed = [
                        (self._security(header, r), _beside_title(header, r), blank)
                        for r, blank in read
                    ]
                    break
            elif not _NONE_12B.match(row.text):  # "N/A", "None": no classes under 12(b)
                parsed.append(
                    (self._security(header, row), _beside_title(header, row), after_blank)
                )
                read.append((row, after_blank))
                after_blank = False
        securities = _join_wrapped_titles(parsed)
        return [first, *securities] if first is not None else securities

    def _exchange_goes_on(self, header: list[_Slot], row: Row) -> bool:
        """Whether a masthead row is the rest of an exchange's name in its column.

        "New York Stock" over "Exchange": the word alone on its line reads as a masthead.
        """
        if row.kind != "masthead" or not header or len(row.cells) != 1:
            return False
        return _columns(header)[_best_index(header, row.cells[0])] == "exchange"

    def _table_row_after(self, header: list[_Slot], j: int) -> bool:
        """Whether the row after the blank line ``j`` is a row of the 12(b) table.

        It is when it comes right after the blank line, is a row of two or more cells
        no one has taken (a note under the table is one), and fills a column beside the
        title.
        """
        k = j + 1
        return (
            k < len(self.rows)
            and k not in self.claimed
            and self.rows[k].kind in _CELL_ROWS
            and len(self.rows[k].cells) > 1
            and bool(header)
            and _beside_title(header, self.rows[k])
        )

    def _security(self, header: list[_Slot], row: Row) -> Security:
        """One row of the 12(b) table: title of class, trading symbol, exchange."""
        values: dict[str, list[str]] = {"title": [], "trading_symbol": [], "exchange": []}
        columns = _columns(header)
        for index, cell in enumerate(row.cells):
            if header:
                name = columns[_best_index(header, cell)]
            else:
                name = ("title", "trading_symbol", "exchange")[min(2, index)]
            values[name].append(cell.text)
        # A symbol is one cell; cells before it in its column overflowed from the title.
        symbols = values["trading_symbol"]
        if len(symbols) > 1:
            values["title"].extend(symbols[:-1])
            values["trading_symbol"] = symbols[-1:]
        # "N/A", "None" or a dash where a value would be: no value.
        text: dict[str, str | None] = {}
        for name, parts in values.items():
            joined = " ".join(parts)
            shown = _ALNUM.search(joined) is not None and _NONE_12B.match(joined) is None
            text[name] = clean(joined) if shown else None
        return _new_security(
            text["title"],
            text["trading_symbol"],
            text["exchange"],
            self.ctx.span(row.start, row.end),
        )

    # ---- pass 4: a combined filing's registrant table ----

    def registrant_table(self) -> None:
        """The registrant table of a combined filing (SPEC.md section 4, item 30).

        Its header reads "Commission File Number | Registrant, State of Incorporation,
        Address and Telephone Number | I.R.S. Employer Identification No."; under it, one
        block of rows per registrant.
        """
        for i, row in enumerate(self.rows):
            if row.kind != "label_row" or i in self.claimed:
                continue
            j = self._label_rows_end(i, limit=_HEADER_ROWS)
            # The header's fields are its pieces': rows without both are no header, told
            # before their columns are built (each label row is tried as a header's start).
            named = {field_of(c.kind) for k in range(i, j) for c in self.rows[k].cells}
            if "registrant_block" not in named or "commission_file_number" not in named:
                continue
            header: list[_Slot] = []
            for k in range(i, j):
                for cell in self.rows[k].cells:
                    _add_to_columns(header, cell)
            fields = [slot.field for slot in header]
            if "registrant_block" not in fields or "commission_file_number" not in fields:
                continue
            for k in range(i, j):
                self.claim(k, "label")
            self._registrant_blocks(j, header, fields.index("registrant_block"))
            return

    def _registrant_blocks(self, start: int, header: list[_Slot], middle: int) -> None:
        """Read one block per registrant.

        A block is a row with the registrant's file number, name and IRS number, then the
        lines under the name: state of incorporation, address, telephone.
        """
        blocks: list[tuple[int, dict[str, list[Cell]], list[list[Cell]]]] = []
        in_block = False  # a text filing's blank line ends a block
        for k in range(start, len(self.rows)):
            row = self.rows[k]
            if row.kind == "blank":
                in_block = in_block and self.spacing
                continue
            if k in self.claimed or row.kind not in _CELL_ROWS:
                break
            if len(row.cells) >= 2 and _FILE_NUMBER.search(row.cells[0].text):
                fields: dict[str, list[Cell]] = {}
                name: list[Cell] = []
                by_order = len(row.cells) == len(header)
                for index, cell in enumerate(row.cells):
                    slot = index if by_order else _best_index(header, cell)
                    if slot == middle:
                        name.append(cell)
                    else:
                        key = header[slot].field or "commission_file_number"
                        fields.setdefault(key, []).append(cell)
                blocks.append((k, fields, [name]))
                in_block = True
            elif in_block and len(row.text) <= 60:
                blocks[-1][2].append(list(row.cells))
            else:
                break
            self.claim(k, "value")
        for block in blocks:
            self._block_fields(*block)

    def _block_fields(
        self, at: int, fields: dict[str, list[Cell]], lines: list[list[Cell]]
    ) -> None:
        order = at * 10  # keeps one block's fields together, after the previous block's
        name, *rest = lines
        self.found.append(FoundValue("name", [(at, name)], order))
        address: list[tuple[int, list[Cell]]] = []
        for line in rest:
            text = " ".join(c.text for c in line)
            if any(c.kind == "VALUE_JURISDICTION" for c in line):
                self.found.append(FoundValue("jurisdiction", [(at, line)], order + 1))
            elif _PHONE.match(text):
                self.found.append(FoundValue("phone", [(at, line)], order + 2))
            else:
                address.append((at, line))
        if address:
            self.found.append(FoundValue("address_zip", address, order + 3))
        for offset, (name_, cells) in enumerate(sorted(fields.items()), start=4):
            self.found.append(FoundValue(name_, [(at, cells)], order + offset))

    # ---- pass 5: a date below its label ----

    def label_dates(self) -> None:
        """A label alone on its row takes the date just below it.

        Done before the captions look upward, so a caption cannot take that date along
        with the registrant's name.
        """
        for i, row in enumerate(self.rows):
            if row.kind != "label_row" or i in self.claimed or len(row.cells) != 1:
                continue
            name = field_of(row.cells[0].kind)
            below = self._rows_below(i)
            if name is None or not below or self.rows[below[0]].cells[0].kind != "DATE":
                continue
            self.claim(i, "label")
            self.claim(below[0], "value")
            self.found.append(FoundValue(name, [(below[0], list(self.rows[below[0]].cells))], i))

    # ---- pass 6: captions under their values ----

    def captions(self) -> None:
        """Captions take the value rows above them."""
        rows = self.rows
        for i, row in enumerate(rows):
            if row.kind != "caption_row" or i in self.claimed:
                continue  # (the rows that finish a caption are claimed with it)
            slots = _caption_slots(row)
            self.claim(i, "caption")
            j = i + 1
            # Rows that finish captions left open: "of incorporation)   File Number)".
            while (
                j < len(rows)
                and rows[j].kind in _CELL_ROWS
                and j not in self.claimed
                and any(not s.closed for s in slots)
            ):
                open_slots = [s for s in slots if not s.closed]
                for cell in rows[j].cells:
                    _best_slot(open_slots, cell).add(cell)
                self.claim(j, "caption")
                j += 1
            above = [
                k for k in self._rows_above(i, columns=len(slots)) if not self._typed(k, slots)
            ]
            if above and slots[0].field in _ADDRESS_FIELDS:
                above = self._street_above(above[0], slots[0]) + above
            if not above:
                slots = _values_beside(slots, i)
            if not above and [s.field for s in slots] == ["former_name"]:
                self._former_address_block(i)
            self._pair(slots, above, i)

    def _street_above(self, top: int, slot: _Slot) -> list[int]:
        """Address lines over a row of an address and its zip code, across HTML's spacing.

        "1 Wayside Road" over "Burlington, MA   01803" over "(Address ...)   (Zip Code)":
        a table row that fills the captions' columns stops the rows above a caption at
        the blank line over it; a line above it alone in the address's column goes on.
        """
        if not self.spacing or len(self.rows[top].cells) < 2:
            return []
        found: list[int] = []
        first = self.rows[top].cells[0]
        for k in range(top - 1, max(top - 6, -1), -1):
            row = self.rows[k]
            if row.kind in ("blank", "rule"):
                continue
            if row.kind != "value_row" or k in self.claimed or len(row.cells) != 1:
                break
            cell = row.cells[0]
            if cell.kind != "CELL" or abs(cell.col - first.col) > 8 or cell.end_col > slot.end_col:
                break
            if _PHONE.match(cell.text):
                break
            found.insert(0, k)
            if len(found) == 2:
                break
        return found

    def _typed(self, k: int, slots: list[_Slot]) -> bool:
        """Whether row ``k`` is a value that says its own field, other than the caption's.

        "(A Delaware Corporation)" or "(Formerly known as Evergreen International Corp.)"
        between the name and "(Exact name of registrant ...)": not part of the name.
        """
        cells = self.rows[k].cells
        field = field_of(cells[0].kind) if cells and cells[0].kind.startswith("VALUE_") else None
        if field is None or len(cells) != 1 or any(s.field == field for s in slots):
            return False
        self.found.append(FoundValue(field, [(k, list(cells))], k))
        self.claim(k, "value")
        return True

    def _former_address_block(self, i: int) -> None:
        """A former-name caption under a second captioned address block: that block is it.

        "601 13th Street, NW ... 20005" over "(Address of principal executive offices)
        (Zip Code)" over "(Former name or address, if changed since last report)", below
        the registrant's own address block: the second block's values are the former
        address. Only where an address was found above it, so that a cover whose former
        name is left blank under its one address keeps that address.
        """
        caption = self._printed_above(i)
        if caption is None or self.claimed.get(caption) != "caption":
            return
        values = self._printed_above(caption)
        if values is None:
            return
        block = [f for f in self.found if any(k == values for k, _ in f.value_rows)]
        if not any(f.name == "address" for f in block):
            return
        earlier = [
            f
            for f in self.found
            if f.name == "address" and f not in block and max(k for k, _ in f.value_rows) < values
        ]
        if not earlier:
            return
        rows: dict[int, list[Cell]] = {}
        for found in block:
            for k, cells in found.value_rows:
                rows.setdefault(k, []).extend(cells)
        self.found = [f for f in self.found if f not in block]
        merged = [(k, sorted(cells, key=lambda c: c.col)) for k, cells in sorted(rows.items())]
        self.found.append(FoundValue("former_name", merged, min(rows)))

    def _rows_above(self, i: int, *, columns: int = 1) -> list[int]:
        """Unclaimed value rows just above row ``i``, across rules and blank lines.

        A text filing's blank lines separate groups, so at most one is crossed, and only
        before a value is found (a caption set apart from its value). An HTML filing's
        blank lines are paragraph spacing: they are crossed between value rows too, except
        where the caption row has several ``columns`` and the row just above it fills
        them (a table's row: what is above it belongs to something else).
        """
        found: list[int] = []
        blanks = 0
        spacing = self.spacing
        for k in range(i - 1, -1, -1):
            if len(found) == 6:
                break
            row = self.rows[k]
            if row.kind == "rule":
                continue
            if row.kind == "blank":
                blanks += 1
                if not spacing and (found or blanks > 1):
                    break
                continue
            if row.kind != "value_row" or k in self.claimed:
                break
            if found and any(c.kind == "DATE" for c in row.cells):
                break  # a date above a value belongs to a date label, not this caption
            if any(c.kind.startswith("LABEL") for c in row.cells):
                break  # a label printed in the row names its own value
            if self._under_lone_label(k):
                break  # "Registrant's telephone number" over "212-572-4200": the label's
            found.insert(0, k)
            if columns > 1 and len(found) == 1 and len(row.cells) >= columns:
                spacing = False
        return found

    def _printed_above(self, k: int) -> int | None:
        """The nearest row above row ``k`` that is neither blank nor a rule."""
        return next(
            (j for j in range(k - 1, -1, -1) if self.rows[j].kind not in ("blank", "rule")), None
        )

    def _under_lone_label(self, k: int) -> bool:
        """Whether row ``k`` is the value of a label printed alone above it.

        That is a label row with no value beside its label and no value row above it to
        take instead (a label printed under its value takes the value above it).
        """
        j = self._printed_above(k)
        if j is None:
            return False
        row = self.rows[j]
        if not (
            row.kind == "label_row"
            and j not in self.claimed
            and row.cells[-1].kind.startswith("LABEL")
            and field_of(row.cells[-1].kind) is not None
        ):
            return False
        # Labels may wrap over several rows ("State or other jurisdiction of" over
        # "incorporation"): what counts is the row above the first of them.
        above = self._printed_above(j)
        while (
            above is not None and self.rows[above].kind == "label_row" and above not in self.claimed
        ):
            above = self._printed_above(above)
        return above is None or self.rows[above].kind != "value_row" or above in self.claimed

    def _rows_below(self, i: int) -> list[int]:
        """Unclaimed value rows just below row ``i``, across rules and one blank line."""
        found: list[int] = []
        crossed_blank = False
        for k in range(i + 1, len(self.rows)):
            if len(found) == 4:
                break
            kind = self.rows[k].kind
            if not found and (kind == "rule" or (kind == "blank" and not crossed_blank)):
                crossed_blank = crossed_blank or kind == "blank"
            elif kind == "value_row" and k not in self.claimed:
                found.append(k)
            else:
                break
        return found

    def _pair(self, slots: list[_Slot], value_rows: list[int], caption_row: int) -> None:
        """Give each value cell to its slot, then record each slot's field."""
        taken = self._captioned_above(value_rows)
        for k in value_rows:
            self.claim(k, "value")
            cells = [c for c in _values_of(self.rows[k].cells) if id(c) not in taken]
            by_shape = _by_shape(slots, cells) if len(cells) < len(slots) else None
            if by_shape is not None:
                for slot, cell in by_shape:
                    slot.values.append((k, cell))
                continue
            best = [_best_slot(slots, cell) for cell in cells]
            if len(cells) == len(slots) > 1 and len({id(b) for b in best}) < len(slots):
                # As many values as captions, but two nearest one caption: the row's tab
                # stops are not the captions' ("\tCalifornia\t\t\t0-10030\t\t94-2404110").
                # Each value is its caption's, in order, unless that gives a number's
                # caption a value with no digit ("Grapevine,   Texas" under the address,
                # beside the zip code's column: two table cells of one address line).
                ordered = sorted(slots, key=lambda slot: slot.col)
                if all(
                    _fits(slot.field, cell.text) for slot, cell in zip(ordered, cells, strict=True)
                ):
                    best = ordered
            for index, cell in enumerate(cells):
                if not _fits(best[index].field, cell.text):
                    best[index] = _fitting_left(slots, cell) or best[index]
            # By index: zip(..., strict=True) is a call of the builtin, its keyword parsed,
            # once a row (best has a slot per cell).
            for index in range(len(cells)):
                best[index].values.append((k, cells[index]))
        for slot in slots:
            name = slot.field
            if name == "event_date" or (
                name in _NUMBERS and not slot.values and _NUMBERS[name].search(slot.text)
            ):
                # The caption is itself the value: "(September 21, 2000)" under a date,
                # "(Commission File No. 1-8444)".
                self.found.append(FoundValue(name, [(caption_row, slot.cells)], caption_row))
                continue
            if name is None or not slot.values:
                continue
            by_row: dict[int, list[Cell]] = {}
            for k, cell in slot.values:
                by_row.setdefault(k, []).append(cell)
            rows = sorted(by_row.items())
            if _one_per_registrant(name, rows):
                # "Massachusetts" over "Delaware" under one caption: a combined filing
                # prints its registrants' values one row each.
                for index, row in enumerate(rows):
                    self.found.append(FoundValue(name, [row], row[0], index))
                continue
            self.found.append(FoundValue(name, rows, rows[0][0]))  # min() is a Python call

    def _captioned_above(self, value_rows: list[int]) -> set[int]:
        """Values named by a caption printed in the value row under them; their ids.

        "3333 Beverly Road   60179" over "Hoffman Estates, Illinois   (Zip code)": the
        zip caption beside the second line is under the zip on the first.
        """
        taken: set[int] = set()
        rows = set(value_rows)
        for k in value_rows:
            if k - 1 not in rows:
                continue
            for caption in self.rows[k].cells[1:]:
                name = field_of(caption.kind)
                if not _beside(caption) or name is None:
                    continue
                above = [
                    c for c in self.rows[k - 1].cells if c.overlap(caption.col, caption.end_col) > 0
                ]
                # A row of its own will do where it is only that value, right of the
                # value beside the caption ("02481" over "45 WILLIAM STREET   (ZIP CODE)").
                alone = above == list(self.rows[k - 1].cells) and (
                    above[0].col >= self.rows[k].cells[0].end_col
                )
                if len(above) == 1 and (len(self.rows[k - 1].cells) > 1 or alone):
                    self.found.append(FoundValue(name, [(k - 1, above)], k - 1))
                    taken.add(id(above[0]))
        return taken

    # ---- pass 7: labels ----

    def labels(self) -> None:
        """Labels take the value after them on the row, or the rows below or above."""
        for i, row in enumerate(self.rows):
            if row.kind != "label_row" or i in self.claimed:
                continue  # (the label rows under a label are claimed with it)
            self.claim(i, "label")
            pending = self._labels_in(i, row.cells)
            if not pending:
                continue
            # Labels printed alone: gather the label rows below them into column slots. A
            # row below that goes on with a slot's words and then its value ("I.R.S.
            # Employer" over "Identification No. 22-1109110") gives that slot its value.
            slots = [_Slot([cell]) for cell in pending]
            end = self._label_rows_end(i + 1)
            for j in range(i + 1, end):
                last: _Slot | None = None
                for cell in self.rows[j].cells:
                    if cell.kind.startswith("LABEL"):
                        last = _add_to_columns(slots, cell)
                    elif last is None:
                        break
                    else:
                        last.values.append((j, cell))
                self.claim(j, "label")
            done = [slot for slot in slots if slot.values]
            self._pair(done, [], i)
            slots = [slot for slot in slots if not slot.values]
            if slots:
                self._pair(slots, self._label_values(i, end - 1, slots), i)

    def _label_rows_end(self, i: int, limit: int | None = None) -> int:
        """Where the unclaimed label rows from row ``i`` on end (``limit`` rows at most)."""
        end = len(self.rows) if limit is None else min(len(self.rows), i + limit)
        while i < end and self.rows[i].kind == "label_row" and i not in self.claimed:
            i += 1
        return i

    def _label_values(self, first: int, last: int, slots: list[_Slot]) -> list[int]:
        """The value rows of labels printed alone on rows ``first`` to ``last``.

        Labels printed under their values, as captions are ("Delaware  83-0940635" over
        "State or Other Jurisdiction of  I.R.S. Employer Identification"), take the row
        right above them when it shares their columns; otherwise the rows below them (a
        1994 cover prints its captions above the values), else those above.
        """
        above = first - 1
        if (
            above >= 0
            and self.rows[above].kind == "value_row"
            and above not in self.claimed
            and all(any(s.overlap(c) > 0 for c in self.rows[above].cells) for s in slots)
        ):
            return self._rows_above(first, columns=len(slots))
        below, above_rows = self._rows_below(last), self._rows_above(first)
        if below and above_rows and len(slots) == 1:
            # A lone label between two lines ("(214) 861-2500", the label, a page footer):
            # a field with a shape takes the side whose nearest line has it.
            fits = _SHAPED.get(field_of(slots[0].cells[0].kind) or "")
            if fits and not fits(self.rows[below[0]].text) and fits(self.rows[above_rows[-1]].text):
                return above_rows
        return below or above_rows

    def _labels_in(self, i: int, cells: Sequence[Cell]) -> list[Cell]:
        """Each label on row ``i`` takes the cells after it; return those with none."""
        starts = [k for k, cell in enumerate(cells) if cell.kind.startswith("LABEL")]
        pending: list[Cell] = []
        # Each label's cells end at the next label's (an index loop: zip is a builtin's call).
        for n in range(len(starts)):
            k = starts[n]
            end = starts[n + 1] if n + 1 < len(starts) else len(cells)
            label, values = cells[k], list(cells[k + 1 : end])
            if not values:
                pending.append(label)
            elif (name := field_of(label.kind)) is not None:
                self.found.append(FoundValue(name, [(i, values)], i))
        return pending

    def inline_labels(self) -> None:
        """Labels printed inside a row of values, after its first cell."""
        for i, row in enumerate(self.rows):
            if row.kind == "value_row" and i not in self.claimed:
                first = next(
                    (k for k, c in enumerate(row.cells) if c.kind.startswith("LABEL")), None
                )
                if first:
                    self.claim(i, "label")
                    self._labels_in(i, row.cells[first:])

    def beside_captions(self) -> None:
        """Captions printed after their values on the value's own row.

        "128 Sidney Street, Cambridge  (Address of principal executive offices)  02139
        (Zip Code)": each caption takes the cells between it and the caption before it.
        Rows that a caption or label below or above has taken are not read again.
        """
        for i, row in enumerate(self.rows):
            if row.kind != "value_row" or i in self.claimed:
                continue
            if not any(_beside(c) for c in row.cells[1:]):
                continue
            self.claim(i, "value")
            values: list[Cell] = []
            for cell in row.cells:
                if not _beside(cell):
                    values.append(cell)
                    continue
                name = field_of(cell.kind)
                if name is not None and values:
                    self.found.append(FoundValue(name, [(i, values)], i))
                values = []

    # ---- pass 8: values that say what they are ----

    def typed_values(self) -> None:
        """Values that say what they are ("(A Delaware Corporation)"), wherever they are."""
        for i, row in enumerate(self.rows):
            if i in self.claimed or row.kind not in ("value_row", "caption_row"):
                continue
            typed = [c for c in row.cells if c.kind.startswith("VALUE_")]
            for cell in typed:
                name = field_of(cell.kind)
                if name is not None:
                    self.found.append(FoundValue(name, [(i, [cell])], i))
            if typed and len(typed) == len(row.cells):
                self.claim(i, "value")

    # ---- pass 9: what is left ----

    def leftovers(self) -> None:
        """A lone date is a date; the first line before the registrant's fields, its name."""
        names = {f.name for f in self.found}
        if any(
            all(c.kind == "DATE" for _, cells in f.value_rows for c in cells) for f in self.found
        ):
            names.add("date")  # a field holds a date already: a lone date is no field's
        # A file number is often printed above the name; any other field comes after it.
        first_field_row = min(
            (
                f.order
                for f in self.found
                if f.name in _OF_REGISTRANT and f.name not in ("name", "commission_file_number")
            ),
            default=len(self.rows),
        )
        # The registrant is named after the form's title (a line above it is no name).
        title = next((i for i, r in enumerate(self.rows) if r.kind == "form_title"), -1)
        for i, row in enumerate(self.rows):
            if row.kind == "long_row":
                text = self.ctx.doc.text[row.start : row.end]
                self.ctx.unplaced(text, row.start, row.end, "cover")
                continue
            if row.kind != "value_row" or i in self.claimed:
                continue
            cells = list(row.cells)
            if "date" not in names and len(cells) == 1 and cells[0].kind == "DATE":
                self.claim(i, "value")
                self.found.append(FoundValue("date", [(i, cells)], i))
                names.add("date")
            elif (
                "name" not in names
                and title < i < first_field_row
                and any(c.isalpha() for c in row.text)
            ):
                names.add("name")
                if _STREET_LINE.match(row.text):
                    # "7 West Seventh Street" first, no caption anywhere: the name is not
                    # printed as text (Macy's prints its logo); a street is no name.
                    self.ctx.unplaced(row.text, row.start, row.end, "cover")
                    continue
                self.claim(i, "value")
                self.found.append(FoundValue("name", [(i, cells)], i))
            else:
                self.ctx.unplaced(row.text, row.start, row.end, "cover")

    # ---- assembly ----

    def layout(self, span: Span) -> CoverLayout:
        """Run the passes and gather what they found."""
        self.check_boxes()
        self.whole_rows()
        securities_12b = self.securities()
        self.registrant_table()
        self.label_dates()
        self.captions()
        self.labels()
        self.inline_labels()
        self.beside_captions()
        self.typed_values()
        self.leftovers()
        values = []
        for found in sorted(self.found, key=lambda f: f.order):
            spans = [self._span(c.start, c.end) for _, cells in found.value_rows for c in cells]
            values.append((found, Span.enclosing(spans) or span))
        form_type = next(
            (r.text.split(None, 1)[1].upper() for r in self.rows if r.kind == "form_title"),
            None,
        )
        return CoverLayout(
            span=span,
            form_type=form_type,
            values=values,
            registrants=_registrants(values),
            boxes=tuple(sorted(self.boxes, key=lambda box: box.span.start)),
            securities_12b=tuple(securities_12b) if securities_12b is not None else None,
            parts=self._parts(),
        )

    def _span(self, start: int, end: int) -> Span:
        """The original span of ``[start, end)``, kept for :meth:`_parts` to ask again.

        A value's cells are parts of the cover too: mapped once, not twice.
        """
        span = self.ctx.span(start, end)
        self.spans[start * self.width + end] = span
        return span

    def _parts(self) -> tuple[CoverPart, ...]:
        parts = []
        text = self.ctx.doc.text
        spans = self.spans
        width = self.width
        for i, row in enumerate(self.rows):
            if row.kind in ("blank", "long_row") or (
                row.kind == "value_row" and i not in self.claimed
            ):
                continue  # an unclaimed value row or a long row is kept as Unrecognized
            row_kind = self.claimed.get(i) or _ROW_PART.get(row.kind, "value")
            for cell in row.cells:
                kind = row_kind
                if kind == "label" and not cell.kind.startswith("LABEL"):
                    kind = "value"
                elif kind == "value" and _beside(cell):
                    kind = "caption"
                elif cell.kind in _BOXES and kind in ("question", "check-box"):
                    kind = "check-box"
                # A cell may wrap: one on a line of its own has the span a value's cell
                # was given, if it is one.
                span = spans.get(cell.start * width + cell.end)
                if span is not None and text.find("\n", cell.start, cell.end) >= 0:
                    span = None
                if span is None:
                    span = self.ctx.span_of_lines(cell.start, cell.end)
                parts.append(_cover_part(kind, clean(cell.text), span))
        return tuple(parts)


# What CoverPart(kind, text, span) makes, without the call of its Python __init__: a
# cover makes one per cell, and the call cost more than setting the three slots from here,
# as that __init__ does (the class is frozen). object.__setattr__ in a function compiles to
# the generic attribute setter, called directly; the slots' descriptors' __set__ went
# through Python's call protocol (some 500 instructions a slot). Only while its fields are
# those three.
_new_object: Final[Any] = object.__new__
_PART_SLOTS: Final = tuple(f.name for f in fields(CoverPart)) == ("kind", "text", "span")


def _cover_part(kind: str, text: str, span: Span) -> CoverPart:
    if not _PART_SLOTS:
        return CoverPart(kind, text, span)
    part: CoverPart = _new_object(CoverPart)
    object.__setattr__(part, "kind", kind)
    object.__setattr__(part, "text", text)
    object.__setattr__(part, "span", span)
    return part


def _filled(kind: Any, names: tuple[str, ...], values: tuple[Any, ...]) -> Any:
    """``kind(*values)``, its fields (``names``, in order) set as _cover_part sets a part's.

    A class whose fields are other than ``names`` (checked once per class) is called.
    """
    same = _SAME_FIELDS.get(kind)
    if same is None:
        same = _SAME_FIELDS[kind] = tuple(f.name for f in fields(kind)) == names
    if not same:
        return kind(*values)
    made = _new_object(kind)
    for name, value in zip(names, values, strict=True):
        object.__setattr__(made, name, value)
    return made


_SAME_FIELDS: Final[dict[Any, bool]] = {}
_SECURITY_FIELDS: Final = ("title", "trading_symbol", "exchange", "span")
_BOX_FIELDS: Final = ("field", "label", "checked", "span")


def _new_security(
    title: str | None, trading_symbol: str | None, exchange: str | None, span: Span
) -> Security:
    """What Security(title, trading_symbol, exchange, span) makes, as _cover_part makes."""
    made: Security = _filled(Security, _SECURITY_FIELDS, (title, trading_symbol, exchange, span))
    return made


def _check_box(field: str | None, label: str, checked: bool, span: Span) -> CheckBox:
    """What CheckBox(field, label, checked, span) makes, as _cover_part makes its parts."""
    box: CheckBox = _filled(CheckBox, _BOX_FIELDS, (field, label, checked, span))
    return box


# A line that is a street address: a number, then words, the last a street's.
_STREET_LINE: Final = re.compile(
    r"(?i)\s*\d[\d-]*[a-z]?\s+(?:[^\s,]+\s+){0,5}(?:street|st|avenue|ave|road|rd|boulevard"
    r"|blvd|drive|dr|lane|ln|way|place|plaza|parkway|pkwy|court|ct|highway|hwy|circle|square"
    r"|center|centre|terrace|trail)\.?(?:,.*)?\s*$"
)
# The end of a company's name: "Inc.", "Corporation", "L.L.C.", "Trust".
_COMPANY_END: Final = re.compile(
    r"(?i)\b(?:inc|incorporated|corp|corporation|company|co|llc|l\.l\.c|lp|l\.p|llp|ltd"
    r"|limited|trust|plc|n\.a|bancorp|bancshares|holdings?|group|partners(?:hip)?|fund)\.?$"
)
# Whether one row's text is a whole value of a field, by field.
_WHOLE_VALUE: Final[dict[str, Callable[[str], object]]] = {
    "name": _COMPANY_END.search,
    "jurisdiction": jurisdiction_code,
    "commission_file_number": _FILE_NUMBER.search,
    "irs_employer_id": _IRS_NUMBER.search,
    "phone": _PHONE.match,
}


# Fields whose value has a shape of its own: a line either has it or is no such value.
_SHAPED: Final = {
    name: _WHOLE_VALUE[name] for name in ("commission_file_number", "irs_employer_id", "phone")
}


def _one_per_registrant(name: str, rows: list[tuple[int, list[Cell]]]) -> bool:
    """Whether the rows of one value are each a whole value: one per registrant.

    A wrapped name ("FIRST NATIONAL" over "BANCORP, INC.") is one value; "ACME HOLDINGS,
    INC." over "ACME OPERATING CO." are two.
    """
    whole = _WHOLE_VALUE.get(name)
    return (
        whole is not None
        and len(rows) > 1
        and all(whole(clean(" ".join(c.text for c in cells))) for _, cells in rows)
    )


def _registrants(values: list[tuple[FoundValue, Span]]) -> tuple[Registrant, ...]:
    """The registrants: a name starts the next one; a field printed twice keeps the first.

    Values printed one row per registrant in a column (:attr:`FoundValue.index`) go to
    the registrant of their row, counted from the one the column starts with.
    """
    registrants: list[dict[str, tuple[str, Span]]] = [{}]
    base = 0  # the registrant that the current group of fields starts with
    for found, span in values:
        if found.name not in _OF_REGISTRANT:
            continue
        text = found.text
        state = _INCORPORATED.match(text) if found.name == "jurisdiction" else None
        if state:  # "(A Delaware Corporation)"
            text = state.group(1)
        for name, value in _split_field(found, text):
            if not value:
                continue
            if found.index:
                while len(registrants) <= base + found.index:
                    registrants.append({})
                current = registrants[base + found.index]
            else:
                current = registrants[base]
                if name == "name" and "name" in current:
                    base = len(registrants)  # a combined filing's next registrant
                    registrants.append(current := {})
            if name in current:
                continue  # printed twice for one registrant: the first stands
            current[name] = (value, span)
    return tuple(_registrant(r) for r in registrants if r)


def _split_field(found: FoundValue, text: str) -> list[tuple[str, str]]:
    """The registrant fields one found value holds (an address may carry zip and phone)."""
    name = found.name
    if name in _ADDRESS_FIELDS:
        lines = found.lines()
        phone = None
        if name == "address_phone":
            phone = next((line for line in lines if _PHONE.match(line)), None)
            lines = [line for line in lines if line != phone and not _FAX.match(line)]
        address = " ".join(lines)
        zip_code = None
        # Both kinds of code end in a digit: an address whose last character is none is
        # not searched (the pattern is tried at each of its blanks and commas).
        tail = address.rstrip()
        match = _ZIP_AT_END.search(address) if tail and tail[-1].isdigit() else None
        if match:
            zip_code = match.group(1)
            address = address[: match.start()]
        phone = _PHONE_LABEL.sub("", phone) if phone else ""
        return [("address", address.strip(" ,")), ("zip", zip_code or ""), ("phone", phone)]
    if name in ("commission_file_number", "irs_employer_id", "zip", "phone") and not any(
        ch.isdigit() for ch in text
    ):
        return []  # a number field whose value has no digit: a caption paired with the wrong text
    if name in _NUMBERS:
        match = _NUMBERS[name].search(text)
        return [(name, match.group(0) if match else text)]
    if name == "zip":
        return [(name, text.strip(" ,."))]
    if name == "phone":  # "Tel. (949) 429-5370", "Telephone: (353) (1) 234-3136"
        return [(name, _PHONE_LABEL.sub("", text).rstrip(" ,."))]
    return [(name, text)]


_REGISTRANT_SLOTS: Final = tuple(f.name for f in fields(Registrant)) == (
    *REGISTRANT_FIELDS[:2],
    "jurisdiction_code",
    *REGISTRANT_FIELDS[2:],
    "span",
    "field_spans",
)


def _registrant(fields: dict[str, tuple[str, Span]]) -> Registrant:
    values = {name: value for name, (value, _) in fields.items()}
    spans = [span for _, span in fields.values()]
    jurisdiction = values.get("jurisdiction")
    if not _REGISTRANT_SLOTS:
        return new_node(
            Registrant,
            {
                "name": values.get("name"),
                "jurisdiction": jurisdiction,
                "jurisdiction_code": jurisdiction_code(jurisdiction),
                "commission_file_number": values.get("commission_file_number"),
                "irs_employer_id": values.get("irs_employer_id"),
                "address": values.get("address"),
                "zip": values.get("zip"),
                "phone": values.get("phone"),
                "span": Span.enclosing(spans),
                "field_spans": tuple((name, span) for name, (_, span) in fields.items()),
            },
        )
    # Set here, as _cover_part sets a part's: new_node's dict of ten fields, looked up
    # field by field, cost some 5,000 instructions a registrant.
    made: Registrant = _new_object(Registrant)
    for name in REGISTRANT_FIELDS:
        object.__setattr__(made, name, values.get(name))
    object.__setattr__(made, "jurisdiction_code", jurisdiction_code(jurisdiction))
    object.__setattr__(made, "span", Span.enclosing(spans))
    object.__setattr__(
        made, "field_spans", tuple((name, span) for name, (_, span) in fields.items())
    )
    return made


@mypyc_attr(allow_interpreted_subclasses=True)
class CoverTransformer(PartTransformer):
    """Turns ``cover.lark`` subtrees into a :class:`CoverLayout`.

    Each row rule ("caption_row", "masthead", ...: the kinds in ``_ROW_PART``) is read as a
    :class:`Row` of its name; ``cover_page`` lays the rows out.
    """

    def cover_page(self, children: list[Row | Token]) -> CoverLayout:
        """The cover page, its rows paired into fields."""
        rows: list[Row] = []
        for child in children:
            if isinstance(child, Token):
                kind = kind_of(child)
                rows.append(
                    Row("blank", ()) if kind == "BLANK" else Row("rule", (token_cell(child),))
                )
            else:
                rows.append(child)
                if child.blank_after:
                    rows.append(Row("blank", ()))
        printed = [row for row in rows if row.cells]
        span = self.ctx.span(printed[0].start, printed[-1].end) if printed else Span(0, 0)
        return _Layout(self.ctx, rows).layout(span)


def _row_rule(kind: str) -> Callable[[CoverTransformer, list[Token]], Row]:
    def rule(self: CoverTransformer, children: list[Token]) -> Row:
        return row_of(kind, children)

    return rule


_LONG_ROW_PREVIEW: Final = 2000  # as many characters as make a row long (grammar/cover.lark)


def _long_row(self: CoverTransformer, children: list[Token]) -> Row:
    # LONG_ROW tokens keep their position only (sec8k.grammar): the text is the document's.
    token = children[0]
    text = self.ctx.doc.text
    start, end = stripped(text, token.start_pos or 0, token.end_pos or 0)
    col = start - (text.rfind("\n", 0, start) + 1)
    # The cell holds the row's first characters (what a layout test reads of a row beside
    # it); the row is kept whole as unrecognized text, read from the document then. Long
    # rows held whole would copy the document once more.
    preview = text[start : min(end, start + _LONG_ROW_PREVIEW)]
    return Row("long_row", (Cell("LONG_ROW", preview, col, col + end - start, start, end),))


_ROW_RULES: Final = {kind: _row_rule(kind) for kind in _ROW_PART.keys() - {"rule"}}  # RULE: a token
_ROW_RULES["long_row"] = _long_row
# partialmethod binds each to the transformer as a method, compiled (a compiled function
# binds no self of its own) or not.
for _kind, _method in _ROW_RULES.items():
    setattr(CoverTransformer, _kind, partialmethod(_method))
