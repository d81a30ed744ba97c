"""Cover page: from typed rows and cells to registrants, date of report and check boxes.

The grammar (``grammar/cover.lark``) types each row of the cover (masthead, caption row,
label row, value row, check box) and each cell in it. What it cannot say is which value a
caption names: that is a matter of columns. This module pairs them, in five passes over
the rows, each pass claiming the rows it uses:

1. Check boxes take the rows that continue their text.
2. A "Date of Report" label alone on its row takes the date just below it.
3. Parenthesised captions take the value rows just above them ("IMMUNOGEN, INC." over
   "(Exact name of registrant ...)"), across rules and blank lines (at most one in a text
   filing, where blank lines separate groups; between rows too in HTML, where they are
   paragraph spacing). A caption that wraps onto more rows is rebuilt column by column;
   each value cell goes to the caption it overlaps most.
4. Labels take the value printed after them on the same row ("Date of Report ...:
   November 12, 2002"); a label printed alone takes the rows just below it (captions above
   values, as in some 1994 covers), or else the row just above.
5. What is left: the first lone date is the date of report, and the first line before the
   registrant's other fields is its name, where no caption said so; anything else is
   unrecognized text.

A caption's words say which field it is (:data:`FIELD_PATTERNS`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lark import Token

from sec8k.diagnostics import TRN_BAD_DATE
from sec8k.model import CheckBoxes, CoverPage, CoverPart, Registrant
from sec8k.span import Span
from sec8k.transform.base import Cell, Context, PartTransformer, Row, kind_of, row_of, token_cell
from sec8k.transform.values import clean, is_not_applicable, jurisdiction_code, parse_date

__all__ = ["FIELD_PATTERNS", "CoverTransformer"]

# Which field a caption or label names, tried in order on its text.
FIELD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        # "(September 21, 2000)" under "Date of Report (Date of earliest event reported): ...":
        # the date of the earliest event, printed in the caption's own "X (Y)" shape; the
        # date of report stays the first date printed (as the hand labels read it).
        ("event_date", r"^\(\s*[A-Za-z]{3,9}\.?\s+\d{1,2},?\s*\d{4}\s*\)$"),
        ("date_of_report", r"date\s+of\s+(?:report|earliest)|earliest\s+event"),
        ("former_name", r"former\s+(?:name|address)"),
        ("name", r"exact\s+name|name\s+of\s+(?:the\s+)?registrant|^\W*registrant\W*$"),
        ("address_phone", r"address.*telephone|telephone.*address"),
        ("address_zip", r"address.*zip|zip.*address"),
        (
            "jurisdiction",
            r"jurisdiction|state\s+(?:of|or)\b|incorporation|organization|^\W*state\W*$",
        ),
        ("commission_file_number", r"commission|file\s+(?:number|no)"),
        ("irs_employer_id", r"employer|i\.?\s?r\.?\s?s\b|identification"),
        ("zip", r"\bzip\b"),
        ("address", r"address|executive\s+offices"),
        ("phone", r"telephone|phone"),
    )
)

_REGISTRANT_FIELDS = (
    "name",
    "jurisdiction",
    "commission_file_number",
    "irs_employer_id",
    "address",
    "zip",
    "phone",
)
_ZIP_AT_END = re.compile(r"[\s,]+(\d{5}(?:\s?-\s?\d{4})?)\s*$")
_PHONE = re.compile(
    r"^(?:(?i:tel(?:ephone)?|phone)\.?:?\s*)?\(?\d{3}\)?[\s.\-/]*\d{3}[\s.\-]*\d{4}\b"
)
_PHONE_LABEL = re.compile(r"(?i)^(?:tel(?:ephone)?|phone)\.?:?\s*")
_FAX = re.compile(r"(?i)^(?:fax|facsimile)\b")
_FILE_NUMBER = re.compile(r"\b\d{1,3}-\d{3,6}(?:-\d{1,4})?\b")
_IRS_NUMBER = re.compile(r"\b\d{2}\s?-\s?\d{7}\b|\b\d{9}\b")
_PAREN_DATE = re.compile(r"\((\s*[A-Za-z]{3,9}\.?\s+\d{1,2},?\s*\d{4}\s*)\)")
_BOX_CHECKED = re.compile(r"[xX\u2612\u25a0\u2713\u2714]")
# "(A Delaware Corporation)", "(a Pennsylvania corporation)": the state of incorporation.
_INCORPORATED = re.compile(
    r"(?i)^\(?\s*an?\s+(.+?)\s+(?:corporation|company|limited\s+liability\s+company|limited\s+partnership)\s*\)?$"
)
_EGC = re.compile(r"(?i)emerging\s+growth\s+company")
_TRANSITION = re.compile(r"(?i)transition\s+period|13\(a\)\s+of\s+the\s+exchange\s+act")
# The form's questions that a check box answers, printed apart from the box: "Indicate by
# check mark whether the registrant is an emerging growth company ...", "If an emerging
# growth company, indicate by check mark if the registrant has elected not to use ...".
_BOX_QUESTION = re.compile(
    r"(?i)^\s*(?:if\s+an\s+emerging\s+growth\s+company,?\s+)?indicate\s+by\s+check\s+mark"
)
_HEADER_12B = re.compile(
    r"(?i)title\s+of\s+each|trading\s+symbol|name\s+of\s+each\s+exchange|^\W*symbol"
)
_STOP_12B = re.compile(r"(?i)indicate\s+by\s+check|check\s+the\s+appropriate|emerging\s+growth")
_NONE_12B = re.compile(
    r"(?i)^\W*(?:n/?a|none|not\s+applicable)\W*(?:n/?a|none|not\s+applicable|\W)*$"
)
_BOX_KINDS = (
    ("written_communications", re.compile(r"rule\s*425|230\.425|written\s+communication", re.I)),
    ("soliciting_material", re.compile(r"14a-12|soliciting", re.I)),
    ("pre_commencement_tender_offer", re.compile(r"14d-2|240\.14d", re.I)),
    ("pre_commencement_issuer_tender_offer", re.compile(r"13e-4|240\.13e", re.I)),
)


def field_of(text: str) -> str | None:
    """The field a caption or label names, or None."""
    for name, pattern in FIELD_PATTERNS:
        if pattern.search(text):
            return name
    return None


@dataclass(slots=True)
class _Slot:
    """A caption (or label) rebuilt from its pieces, and the value cells it takes."""

    cells: list[Cell]
    values: list[tuple[int, Cell]] = field(default_factory=list)  # (row index, cell)

    @property
    def col(self) -> int:
        return min(c.col for c in self.cells)

    @property
    def end_col(self) -> int:
        return max(c.end_col for c in self.cells)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def closed(self) -> bool:
        text = self.text
        return text.count(")") >= text.count("(")

    def gap(self, cell: Cell) -> int:
        """Columns between the cell and this slot (0 when they overlap)."""
        return max(0, self.col - cell.end_col, cell.col - self.end_col)


def _best_slot(slots: Sequence[_Slot], cell: Cell) -> _Slot:
    """The slot a cell belongs to: most shared columns, else the nearest, else the leftmost.

    A value that overflows its caption runs to the right, so on a tie the left slot wins.
    """
    best = slots[0]
    best_key = (cell.overlap(best.col, best.end_col), -best.gap(cell))
    for slot in slots[1:]:
        key = (cell.overlap(slot.col, slot.end_col), -slot.gap(cell))
        if key > best_key:
            best, best_key = slot, key
    return best


def _by_shape(slots: list[_Slot], cells: Sequence[Cell]) -> list[tuple[_Slot, Cell]] | None:
    """Pair values printed close together with their captions by what they look like.

    "Nevada 000-29913 90-1133909" under three captions: an IRS number, a file number, and
    the rest in the order of the other captions. None when that does not place every value.
    """
    fields = [field_of(slot.text) for slot in slots]
    if "irs_employer_id" not in fields and "commission_file_number" not in fields:
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
                pieces[-1] = Cell(
                    last.kind,
                    f"{last.text} {text}",
                    last.col,
                    col + len(text),
                    last.start,
                    start + len(text),
                )
            else:
                pieces.append(Cell(cell.kind, text, col, col + len(text), start, start + len(text)))
    pairs: list[tuple[_Slot, Cell]] = []
    free = [
        slot
        for slot, name in zip(slots, fields, strict=True)
        if name not in ("irs_employer_id", "commission_file_number")
    ]
    for piece in pieces:
        if _IRS_NUMBER.fullmatch(piece.text) and "irs_employer_id" in fields:
            pairs.append((slots[fields.index("irs_employer_id")], piece))
        elif _FILE_NUMBER.fullmatch(piece.text) and "commission_file_number" in fields:
            pairs.append((slots[fields.index("commission_file_number")], piece))
        elif free:
            pairs.append((free.pop(0), piece))
        else:
            return None
    return pairs


def _caption_slots(row: Row) -> list[_Slot]:
    """The captions of a row; a caption whose words are spread by double spaces is one."""
    slots: list[_Slot] = []
    for cell in row.cells:
        if slots and not slots[-1].closed and not cell.text.startswith("("):
            slots[-1].cells.append(cell)
        else:
            slots.append(_Slot([cell]))
    return slots


@dataclass(slots=True)
class _Found:
    """A field value found on the cover."""

    name: str
    value_rows: list[tuple[int, list[Cell]]]  # per row: the cells, left to right
    order: int  # row index, for document order


class _Layout:
    """The five passes over one cover page's rows (see the module docstring)."""

    def __init__(self, ctx: Context, rows: list[Row]) -> None:
        self.ctx = ctx
        self.rows = rows
        self.claimed: dict[int, str] = {}  # row index -> part kind of its cells
        self.found: list[_Found] = []
        self.boxes: dict[str, bool] = {}
        self.box_spans: list[Span] = []
        self.egc: bool | None = None
        self._jurisdictions: dict[
            int, str
        ] = {}  # found order -> state read from "(A ... Corporation)"
        self.transition: bool | None = None
        self.securities_12b: list[dict[str, str | None]] | None = None

    # ---- pass 1: check boxes ----

    def check_boxes(self) -> None:
        rows = self.rows
        for i, row in enumerate(rows):
            if row.kind != "check_box" or i in self.claimed:
                continue
            self.claimed[i] = "check-box"
            texts = [row.text]
            j = i + 1
            while (
                j < len(rows)
                and rows[j].kind in ("value_row", "caption_row")
                and rows[j].cells[0].col > row.cells[0].col
            ):
                self.claimed[j] = "check-box"
                texts.append(rows[j].text)
                j += 1
            text = " ".join(texts)
            checked = bool(_BOX_CHECKED.search(row.cells[0].text))
            kind = next((name for name, pattern in _BOX_KINDS if pattern.search(text)), None)
            if kind is not None and kind not in self.boxes:
                self.boxes[kind] = checked
                self.box_spans.append(self.ctx.span(row.start, rows[j - 1].end))
            elif kind is None and _TRANSITION.search(text):
                self.transition = checked
            elif kind is None and _EGC.search(text):
                self.egc = checked

    def other_boxes(self) -> None:
        """Check boxes inside a row: the emerging growth company and transition boxes."""
        rows = self.rows
        for i, row in enumerate(rows):
            if row.kind == "check_box" or i in self.claimed:
                continue
            boxes = [c for c in row.cells if c.kind == "CHECK_BOX"]
            if not boxes:
                continue
            context = [row.text]
            k = i - 1
            while k >= 0 and rows[k].kind not in ("blank", "check_box") and len(context) < 4:
                context.insert(0, rows[k].text)
                k -= 1
            text = " ".join(context)
            checked = bool(_BOX_CHECKED.search(boxes[-1].text))
            if _TRANSITION.search(text):
                self.transition = checked
            elif _EGC.search(text):
                self.egc = checked
            else:
                continue
            for j in range(k + 1, i + 1):
                self.claimed[j] = "check-box"

    def box_questions(self) -> None:
        """The EGC and transition questions printed apart from their boxes."""
        rows = self.rows
        for i, row in enumerate(rows):
            if i in self.claimed or row.kind == "blank" or not _BOX_QUESTION.match(row.text):
                continue
            j = i
            while (
                j < len(rows)
                and j not in self.claimed
                and rows[j].kind not in ("blank", "check_box")
                and not any(c.kind == "CHECK_BOX" for c in rows[j].cells)
            ):
                self.claimed[j] = "check-box-intro"
                j += 1

    # ---- a combined filing's registrant table ----

    def registrant_table(self) -> None:
        """The registrant table of a combined filing (SPEC.md section 4, item 30).

        Its header reads "Commission File Number | Registrant, State of Incorporation,
        Address and Telephone Number | I.R.S. Employer Identification No."; under it, one
        block of rows per registrant.
        """
        rows = self.rows
        for i, row in enumerate(rows):
            if row.kind != "label_row" or i in self.claimed:
                continue
            j = i
            header: list[_Slot] = []
            while j < len(rows) and rows[j].kind == "label_row" and j not in self.claimed:
                for cell in rows[j].cells:
                    best = _best_slot(header, cell) if header else None
                    if best is not None and cell.overlap(best.col, best.end_col) > 0:
                        best.cells.append(cell)
                    else:
                        header.append(_Slot([cell]))
                j += 1
            texts = [slot.text.lower() for slot in header]
            middle = next(
                (k for k, t in enumerate(texts) if "registrant" in t and "address" in t), None
            )
            if middle is None or not any("commission" in t or "file" in t for t in texts):
                continue
            for k in range(i, j):
                self.claimed[k] = "label"
            self._registrant_blocks(j, header, middle)
            return

    def _registrant_blocks(self, start: int, header: list[_Slot], middle: int) -> None:
        """Read one block per registrant.

        A block is a row with the registrant's file number, name and IRS number, then the
        lines under the name: state of incorporation, address, telephone.
        """
        rows = self.rows
        spacing = self.ctx.doc.kind == "html"
        k = start
        block: tuple[int, dict[str, list[Cell]], list[list[Cell]]] | None = None
        while k < len(rows):
            row = rows[k]
            if row.kind == "blank":
                if block is not None and not spacing:
                    self._block_fields(*block)
                    block = None
                k += 1
                continue
            if k in self.claimed or row.kind not in ("value_row", "caption_row", "label_row"):
                break
            if len(row.cells) >= 2 and _FILE_NUMBER.search(row.cells[0].text):
                if block is not None:
                    self._block_fields(*block)
                fields: dict[str, list[Cell]] = {}
                name: list[Cell] = []
                by_order = len(row.cells) == len(header)
                for index, cell in enumerate(row.cells):
                    slot = index if by_order else header.index(_best_slot(header, cell))
                    if slot == middle:
                        name.append(cell)
                    else:
                        words = header[slot].text.lower()
                        key = (
                            "irs_employer_id"
                            if "employer" in words or "i.r.s" in words
                            else "commission_file_number"
                        )
                        fields.setdefault(key, []).append(cell)
                block = (k, fields, [name])
            elif block is not None and len(row.text) <= 60:
                block[2].append(list(row.cells))
            else:
                break
            self.claimed[k] = "value"
            k += 1
        if block is not None:
            self._block_fields(*block)

    def _block_fields(
        self, at: int, fields: dict[str, list[Cell]], lines: list[list[Cell]]
    ) -> None:
        order = at * 10  # keeps one block's fields together, after the previous block's
        name, *rest = lines
        self.found.append(_Found("name", [(at, name)], order))
        address: list[tuple[int, list[Cell]]] = []
        for line in rest:
            text = " ".join(c.text for c in line)
            state = _INCORPORATED.match(text)
            if state:
                self.found.append(_Found("jurisdiction", [(at, line)], order + 1))
                self._jurisdictions[order + 1] = state.group(1)
            elif _PHONE.match(text):
                self.found.append(_Found("phone", [(at, line)], order + 2))
            else:
                address.append((at, line))
        if address:
            self.found.append(_Found("address_zip", address, order + 3))
        for offset, (name_, cells) in enumerate(sorted(fields.items()), start=4):
            self.found.append(_Found(name_, [(at, cells)], order + offset))

    # ---- the Section 12(b) table ----

    def securities(self) -> None:
        """The table under "Securities registered pursuant to Section 12(b) of the Act"."""
        rows = self.rows
        start = next((i for i, r in enumerate(rows) if r.kind == "securities_12b"), None)
        if start is None:
            return
        self.claimed[start] = "securities-12b"
        self.securities_12b = []
        header: list[_Slot] = []
        j = start + 1
        while j < len(rows):
            row = rows[j]
            if row.kind == "blank":
                if self.securities_12b or (
                    header and j + 1 < len(rows) and rows[j + 1].kind == "blank"
                ):
                    break
                j += 1
                continue
            if row.kind not in ("value_row", "label_row", "caption_row") or j in self.claimed:
                break
            if _STOP_12B.search(row.text):
                break
            self.claimed[j] = "securities-12b"
            if not self.securities_12b and _HEADER_12B.search(row.text):
                for cell in row.cells:
                    slot = _best_slot(header, cell) if header else None
                    if slot is not None and cell.overlap(slot.col, slot.end_col) > 0:
                        slot.cells.append(cell)
                    else:
                        header.append(_Slot([cell]))
            elif _NONE_12B.match(row.text):
                pass  # "N/A", "None": no securities registered under 12(b)
            else:
                self.securities_12b.append(_security(header, row))
            j += 1

    # ---- pass 2: the date of report below its label ----

    def report_date(self) -> None:
        """A "Date of Report ..." label alone on its row takes the date just below it.

        Done before the captions look upward, so a caption cannot take that date along
        with the registrant's name.
        """
        for i, row in enumerate(self.rows):
            if row.kind != "label_row" or i in self.claimed or len(row.cells) != 1:
                continue
            if field_of(row.cells[0].text) != "date_of_report":
                continue
            below = self._rows_below(i)
            if below and self.rows[below[0]].cells[0].kind == "DATE":
                self.claimed[i] = "label"
                self.claimed[below[0]] = "value"
                self.found.append(
                    _Found("date_of_report", [(below[0], list(self.rows[below[0]].cells))], i)
                )

    # ---- pass 3: captions under their values ----

    def captions(self) -> None:
        rows = self.rows
        i = 0
        while i < len(rows):
            if rows[i].kind != "caption_row" or i in self.claimed:
                i += 1
                continue
            slots = _caption_slots(rows[i])
            self.claimed[i] = "caption"
            j = i + 1
            # Rows that finish captions left open: "of incorporation)   File Number)".
            while (
                j < len(rows)
                and rows[j].kind in ("value_row", "caption_row", "label_row")
                and j not in self.claimed
                and any(not s.closed for s in slots)
            ):
                open_slots = [s for s in slots if not s.closed]
                for cell in rows[j].cells:
                    _best_slot(open_slots, cell).cells.append(cell)
                self.claimed[j] = "caption"
                j += 1
            self._pair(slots, self._rows_above(i), i)
            i = j

    def _rows_above(self, i: int) -> list[int]:
        """Unclaimed value rows just above row ``i``, across rules and blank lines.

        A text filing's blank lines separate groups, so at most one is crossed, and only
        before a value is found (a caption set apart from its value). An HTML filing's
        blank lines are paragraph spacing: they are crossed between value rows too.
        """
        found: list[int] = []
        blanks = 0
        spacing = self.ctx.doc.kind == "html"
        k = i - 1
        while k >= 0 and len(found) < 6:
            row = self.rows[k]
            if row.kind == "rule":
                k -= 1
                continue
            if row.kind == "blank":
                blanks += 1
                if not spacing and (found or blanks > 1):
                    break
                k -= 1
                continue
            if row.kind == "value_row" and k not in self.claimed:
                if found and row.cells[0].kind == "DATE":
                    break  # a date above a value belongs to a date label, not this caption
                found.insert(0, k)
                k -= 1
                continue
            break
        return found

    def _rows_below(self, i: int) -> list[int]:
        """Unclaimed value rows just below row ``i``, across rules and one blank line."""
        found: list[int] = []
        blanks = 0
        k = i + 1
        while k < len(self.rows) and len(found) < 4:
            row = self.rows[k]
            if row.kind == "rule" and not found:
                k += 1
                continue
            if row.kind == "blank" and not found and blanks == 0:
                blanks += 1
                k += 1
                continue
            if row.kind != "value_row" or k in self.claimed:
                break
            found.append(k)
            k += 1
        return found

    def _pair(self, slots: list[_Slot], value_rows: list[int], caption_row: int) -> None:
        """Give each value cell to its slot, then record each slot's field."""
        for k in value_rows:
            self.claimed[k] = "value"
            cells = self.rows[k].cells
            by_shape = _by_shape(slots, cells) if len(cells) < len(slots) else None
            if by_shape is not None:
                for slot, cell in by_shape:
                    slot.values.append((k, cell))
                continue
            for cell in cells:
                _best_slot(slots, cell).values.append((k, cell))
        for slot in slots:
            name = field_of(slot.text)
            if name == "event_date":
                self.found.append(_Found(name, [(caption_row, slot.cells)], caption_row))
                continue
            if name is None or not slot.values:
                continue
            by_row: dict[int, list[Cell]] = {}
            for k, cell in slot.values:
                by_row.setdefault(k, []).append(cell)
            self.found.append(_Found(name, sorted(by_row.items()), min(by_row)))

    # ---- pass 4: labels ----

    def labels(self) -> None:
        rows = self.rows
        i = 0
        while i < len(rows):
            row = rows[i]
            if row.kind != "label_row" or i in self.claimed:
                i += 1
                continue
            self.claimed[i] = "label"
            pending: list[Cell] = []
            label: Cell | None = None
            values: list[Cell] = []
            for cell in [*row.cells, None]:
                if cell is None or cell.kind == "LABEL":
                    if label is not None:
                        if values:
                            self._labelled(label, [(i, values)])
                        else:
                            pending.append(label)
                    label, values = cell, []
                else:
                    values.append(cell)
            if not pending:
                i += 1
                continue
            # Labels printed alone: gather the label rows below them into column slots.
            slots = [_Slot([cell]) for cell in pending]
            j = i + 1
            while (
                j < len(rows)
                and rows[j].kind == "label_row"
                and j not in self.claimed
                and all(c.kind == "LABEL" for c in rows[j].cells)
            ):
                for cell in rows[j].cells:
                    best = _best_slot(slots, cell)
                    if cell.overlap(best.col, best.end_col) > 0:
                        best.cells.append(cell)
                    else:
                        slots.append(_Slot([cell]))
                self.claimed[j] = "label"
                j += 1
            below = self._rows_below(j - 1)
            self._pair(slots, below or self._rows_above(i), i)
            i = j

    def _labelled(self, label: Cell, value_rows: list[tuple[int, list[Cell]]]) -> None:
        name = field_of(label.text)
        if name is not None:
            self.found.append(_Found(name, value_rows, value_rows[0][0]))

    # ---- pass 5: what is left ----

    def leftovers(self) -> None:
        names = {f.name for f in self.found}
        # A file number is often printed above the name; any other field comes after it.
        first_field_row = min(
            (
                f.order
                for f in self.found
                if f.name in _REGISTRANT_FIELDS and f.name not in ("name", "commission_file_number")
            ),
            default=len(self.rows),
        )
        for i, row in enumerate(self.rows):
            if row.kind != "value_row" or i in self.claimed:
                continue
            cells = list(row.cells)
            if "date_of_report" not in names and len(cells) == 1 and cells[0].kind == "DATE":
                self.claimed[i] = "value"
                self.found.append(_Found("date_of_report", [(i, cells)], i))
                names.add("date_of_report")
            elif "name" not in names and i < first_field_row and any(c.isalpha() for c in row.text):
                self.claimed[i] = "value"
                self.found.append(_Found("name", [(i, cells)], i))
                names.add("name")
            else:
                self.ctx.unplaced(row.text, row.start, row.end, "cover")

    # ---- assembly ----

    def page(self, span: Span) -> CoverPage:
        self.check_boxes()
        self.other_boxes()
        self.box_questions()
        self.securities()
        self.registrant_table()
        self.report_date()
        self.captions()
        self.labels()
        self.leftovers()
        ctx = self.ctx
        form_type = None
        date_of_report = event_date = date_text = former_name = None
        date_span: Span | None = None
        date_row = -2
        registrants: list[dict[str, tuple[str, Span]]] = [{}]
        for found in sorted(self.found, key=lambda f: f.order):
            text = _value_text(found)
            spans = [ctx.span(c.start, c.end) for _, cells in found.value_rows for c in cells]
            span_all = Span.enclosing(spans) or span
            if found.name in ("date_of_report", "event_date"):
                if found.name == "event_date":
                    # "(September 21, 2000)" on the row under the date of report.
                    if found.order == date_row + 1 and event_date is None:
                        event_date = parse_date(text)[0]
                    continue
                if date_of_report is not None:
                    continue
                # "July 14, 2000 (July 14, 2000)": the date of report, then in the
                # caption's "X (Y)" shape the date of the earliest event.
                event = _PAREN_DATE.search(text)
                first = text[: event.start()] if event and event.start() > 0 else text
                parsed, is_date = parse_date(first)
                if parsed is None and is_date:
                    message = f"date of report {first.strip()!r} is not a calendar date"
                    ctx.sink.report(TRN_BAD_DATE, message, span_all)
                date_of_report, date_text, date_row = parsed, first.strip(" ()"), found.order
                date_span = span_all
                if event and event.start() > 0:
                    event_date = parse_date(event.group(1))[0]
                continue
            if found.name == "former_name":
                if former_name is None and text and not is_not_applicable(text):
                    former_name = text
                continue
            if found.name == "jurisdiction" and found.order in self._jurisdictions:
                text = self._jurisdictions[found.order]
            for name, value in _split_field(found.name, found, text):
                if not value:
                    continue
                current = registrants[-1]
                if name == "name" and "name" in current:
                    registrants.append(current := {})  # a combined filing's next registrant
                elif name in current:
                    continue  # printed twice for one registrant: the first stands
                current[name] = (value, span_all)
        for row in self.rows:
            if row.kind == "form_title":
                form_type = row.text.split(None, 1)[1].upper() if " " in row.text else None
                break
        parts = self._parts()
        boxes = None
        if self.boxes:
            boxes = CheckBoxes(
                **{name: self.boxes.get(name) for name, _ in _BOX_KINDS},
                span=Span.enclosing(self.box_spans),
            )
        return CoverPage(
            span=span,
            form_type=form_type,
            date_of_report=date_of_report,
            date_of_report_text=date_text,
            date_of_report_span=date_span,
            date_of_earliest_event=event_date,
            registrants=tuple(_registrant(r) for r in registrants if r),
            former_name=former_name,
            checkboxes=boxes,
            emerging_growth_company=self.egc,
            extended_transition_period=self.transition,
            securities_12b=tuple(self.securities_12b) if self.securities_12b is not None else None,
            parts=parts,
        )

    def _parts(self) -> tuple[CoverPart, ...]:
        parts = []
        for i, row in enumerate(self.rows):
            if row.kind == "blank":
                continue
            claimed = self.claimed.get(i)
            if claimed is None and row.kind == "value_row":
                continue  # kept as Unrecognized
            for cell in row.cells:
                kind = claimed or _ROW_PART.get(row.kind, "value")
                if kind == "label" and cell.kind != "LABEL":
                    kind = "value"
                parts.append(CoverPart(kind, clean(cell.text), self.ctx.span(cell.start, cell.end)))
        return tuple(parts)


_ROW_PART = {
    "masthead": "masthead",
    "form_title": "form-title",
    "rule": "rule",
    "check_box_intro": "check-box-intro",
    "check_box": "check-box",
    "contents_entry": "contents",
    "securities_12b": "securities-12b",
    "caption_row": "caption",
    "label_row": "label",
    "value_row": "value",
}


def _security(header: list[_Slot], row: Row) -> dict[str, str | None]:
    """One row of the 12(b) table: title of class, trading symbol, exchange."""
    values: dict[str, list[str]] = {"title": [], "trading_symbol": [], "exchange": []}
    for cell in row.cells:
        if header:
            slot = _best_slot(header, cell)
            words = slot.text.lower()
            name = (
                "trading_symbol"
                if "symbol" in words
                else "exchange"
                if "exchange" in words
                else "title"
            )
        else:
            name = ("title", "trading_symbol", "exchange")[min(2, row.cells.index(cell))]
        values[name].append(cell.text)
    # A symbol is one cell; cells before it in its column overflowed from the title.
    symbols = values["trading_symbol"]
    if len(symbols) > 1:
        values["title"].extend(symbols[:-1])
        values["trading_symbol"] = symbols[-1:]
    # "N/A", "None" or a dash where a value would be: no value.
    return {
        name: clean(" ".join(parts)) if re.search(r"[A-Za-z0-9]", " ".join(parts)) else None
        for name, parts in values.items()
    }


def _value_text(found: _Found) -> str:
    return clean(" ".join(c.text for _, cells in found.value_rows for c in cells))


def _split_field(name: str, found: _Found, text: str) -> list[tuple[str, str]]:
    """The registrant fields one found value holds (an address may carry zip and phone)."""
    if name in ("address", "address_zip", "address_phone"):
        lines = [clean(" ".join(c.text for c in cells)) for _, cells in found.value_rows]
        phone = None
        if name == "address_phone":
            for line in lines:
                if _PHONE.match(line) and phone is None:
                    phone = line
            lines = [line for line in lines if line != phone and not _FAX.match(line)]
        address = " ".join(lines)
        zip_code = None
        match = _ZIP_AT_END.search(address)
        if match:
            zip_code = match.group(1)
            address = address[: match.start()]
        phone = _PHONE_LABEL.sub("", phone) if phone else ""
        return [("address", address.strip(" ,")), ("zip", zip_code or ""), ("phone", phone)]
    if name in ("commission_file_number", "irs_employer_id", "zip", "phone") and not any(
        ch.isdigit() for ch in text
    ):
        return []  # a number field whose value has no digit: a caption paired with the wrong text
    if name == "commission_file_number":
        match = _FILE_NUMBER.search(text)
        return [(name, match.group(0) if match else text)]
    if name == "irs_employer_id":
        match = _IRS_NUMBER.search(text)
        return [(name, match.group(0) if match else text)]
    if name == "zip":
        return [(name, text.strip(" ,."))]
    if name == "phone":
        return [(name, text.rstrip(" ,."))]
    return [(name, text)]


def _registrant(fields: dict[str, tuple[str, Span]]) -> Registrant:
    values = {name: value for name, (value, _) in fields.items()}
    spans = [span for _, span in fields.values()]
    return Registrant(
        name=values.get("name"),
        jurisdiction=values.get("jurisdiction"),
        jurisdiction_code=jurisdiction_code(values.get("jurisdiction")),
        commission_file_number=values.get("commission_file_number"),
        irs_employer_id=values.get("irs_employer_id"),
        address=values.get("address"),
        zip=values.get("zip"),
        phone=values.get("phone"),
        span=Span.enclosing(spans),
        field_spans=tuple((name, span) for name, (_, span) in fields.items()),
    )


class CoverTransformer(PartTransformer):
    """Turns ``cover.lark`` subtrees into a :class:`~sec8k.model.CoverPage`."""

    def masthead(self, children: list[Token]) -> Row:
        """A masthead line."""
        return row_of("masthead", children)

    def form_title(self, children: list[Token]) -> Row:
        """The "FORM 8-K" line."""
        return row_of("form_title", children)

    def caption_row(self, children: list[Token]) -> Row:
        """A row of captions."""
        return row_of("caption_row", children)

    def label_row(self, children: list[Token]) -> Row:
        """A row that starts with a label."""
        return row_of("label_row", children)

    def value_row(self, children: list[Token]) -> Row:
        """A row of values."""
        return row_of("value_row", children)

    def check_box(self, children: list[Token]) -> Row:
        """A check box and its text."""
        return row_of("check_box", children)

    def check_box_intro(self, children: list[Token]) -> Row:
        """The sentence before the check boxes."""
        return row_of("check_box_intro", children)

    def securities_12b(self, children: list[Token]) -> Row:
        """The line that opens the Section 12(b) table."""
        return row_of("securities_12b", children)

    def contents_entry(self, children: list[Token]) -> Row:
        """A table-of-contents line."""
        return row_of("contents_entry", children)

    def cover_page(self, children: list[Row | Token]) -> CoverPage:
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
        return _Layout(self.ctx, rows).page(span)
