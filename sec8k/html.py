"""Normalise an HTML or inline XBRL document into the lines the grammar reads, losslessly.

The standard library's HTML tokenizer (:class:`html.parser.HTMLParser`) reports where
every tag, text run and entity starts, which is what the source map needs: every
character of the output points back to the HTML the user has. (lxml and lexbor parse
8 to 20 times faster but report no character offsets; see ARCHITECTURE.md.)

What becomes of the markup:

* block elements (``p``, ``div``, ``br``, ``tr``, ``li``, headings, ``hr``...) end lines;
* a table is laid out as text: each row a line, each cell padded to its column's width,
  so that captions stand under their values in the same columns, as in a text filing;
* ``<pre>`` keeps its lines and spaces, and a plain-text filing printed in it reads as the
  text would: its SGML lines (``<PAGE>``, ``<TABLE>``, ``<S>``) are set aside, and a
  document that is mostly ``<pre>`` has no paragraph spacing;
* white space collapses as a browser collapses it; no-break spaces count as spaces (they
  keep their width outside tables, where filers use them to lay out columns);
* entities are decoded; check-box glyphs (☐ ☒, Wingdings ``o``/``x``/``ý``/``þ``/``¨``)
  become ``[ ]`` and ``[X]``;
* hidden content (``display:none``, the inline XBRL ``ix:header``), scripts and styles
  produce no text;
* inline XBRL facts of the ``dei:`` namespace (the tagged cover page) are collected, the
  hidden ones too, for :attr:`~sec8k.model.Filing.xbrl`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from sec8k.diagnostics import NRM_TOO_DEEP, DiagnosticSink
from sec8k.model import Noise
from sec8k.normalize import PAGE_MARKER_LINE, TABLE_TAG_LINE, NormalizedDocument
from sec8k.span import LineIndex, SourceMapBuilder, Span

__all__ = ["looks_like_html", "normalize_html"]

# HTML markers; not "<table", which the SGML of ASCII filings uses too.
_HTML_SNIFF = re.compile(r"<html|<body|<p[\s>]|<div|<font|<br\b|<td\b", re.I)

_BLOCK = frozenset(
    (
        *("p", "div", "br", "tr", "li", "ul", "ol", "dl", "dt", "dd", "hr", "center"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "title", "section"),
        *("article", "header", "footer", "address", "caption", "tbody", "thead", "tfoot"),
        "form",
    )
)
_VOID = frozenset(
    ("br", "hr", "img", "meta", "link", "input", "col", "base", "area", "wbr", "param", "source")
)
_HIDDEN_TAGS = frozenset(("script", "style", "head", "ix:header", "title"))
_CELL = frozenset(("td", "th"))
# Inline XBRL facts; the cover's are in the dei: namespace (SPEC.md section 3.2).
_FACT_TAGS = frozenset(("ix:nonnumeric", "ix:nonfraction"))
_SPACE = re.compile(r"[ \t\r\n\f]+")
_RUNS = re.compile(r"[^ \t\r\n\f\xa0]+|[ \t\r\n\f\xa0]+")
# Line ends, tabs and the characters a browser shows as nothing (zero-width spaces and
# joiners, the byte-order mark) are spaces, one for one.
_WHITE = str.maketrans("\t\r\n\f\u200b\u200c\u200d\u2060\ufeff", "         ")
_GAPS = re.compile(r"\xa0+| {2,}")
_GLYPH = re.compile("[\u2610\u25a1\u25fb\u2751\u2612\u2611\u25a0\u2713\u2714\u2718]")
_ENTITY = re.compile(r"&#?[xX]?[0-9A-Za-z]+;?")
_UNCHECKED = frozenset("\u2610\u25a1\u25fb\u2751")
_CHECKED = frozenset("\u2612\u2611\u25a0\u2713\u2714\u2718")
_WINGDINGS_UNCHECKED = frozenset("o¨pq")
_WINGDINGS_CHECKED = frozenset("xýþ")
_COLUMN_GAP = 3
MAX_DEPTH = 256
"""Open elements the reader follows; deeper tags are read as absent (NRM001). Bounding the
stack bounds the work of each end tag, which searches it, so hostile nesting stays linear."""


_MARKUP = re.compile(r"<[^>]*>")
# Inside <pre>: line ends, and the text between them.
_PRE_LINES = re.compile(r"\r\n|\r|\n|[^\r\n]+")
_TABS = re.compile(r"\t+|[^\t]+")

# A document is read as plain text when this many non-blank characters of text come before
# its first HTML tag. In every HTML document of the corpus (365 of them) only markup comes first
# (an XML declaration, comments, <XBRL>); a text filing with HTML pasted in after its cover
# must not be read as HTML, where its line breaks would mean nothing.
PLAIN_TEXT_LEAD = 200


def _sgml_line(text: str) -> str | None:
    """The noise kind of a line that is only an ASCII filing's SGML, or None."""
    if "<" not in text:
        return None
    if PAGE_MARKER_LINE.fullmatch(text):
        return "page-marker"
    return "table-tag" if TABLE_TAG_LINE.fullmatch(text) else None


def looks_like_html(text: str) -> bool:
    """Whether a document is HTML.

    True where an HTML tag comes in its first 20,000 characters with no more than
    :data:`PLAIN_TEXT_LEAD` characters of plain text before it.
    """
    found = _HTML_SNIFF.search(text, 0, 20_000)
    if found is None:
        return False
    lead = _MARKUP.sub("", text[: found.start()])
    return len(lead) - sum(map(str.isspace, lead)) <= PLAIN_TEXT_LEAD


@dataclass(slots=True)
class _Piece:
    text: str
    start: int
    end: int
    hard: bool = False  # a no-break space that keeps its width


@dataclass(slots=True)
class _Cell:
    """A table cell (or the text outside tables): one or more lines of pieces."""

    lines: list[list[_Piece]] = field(default_factory=lambda: [[]])
    colspan: int = 1
    rowspan: int = 1

    @property
    def pieces(self) -> list[_Piece]:
        """The line being written."""
        return self.lines[-1]

    def newline(self) -> None:
        """Start a new line in the cell (a <br> or a paragraph inside a table cell)."""
        _strip(self.lines[-1])
        if self.lines[-1]:
            self.lines.append([])

    def finish(self) -> None:
        """Strip every line and drop the empty ones."""
        for line in self.lines:
            _strip(line)
        self.lines = [line for line in self.lines if line] or [[]]

    @property
    def width(self) -> int:
        return max(sum(len(p.text) for p in line) for line in self.lines)


def _span_count(value: str, default: int) -> int:
    """A ``colspan`` or ``rowspan`` value, 1 to 50; ``default`` where it is no number.

    Only ASCII digits count: "²" is a digit to ``str.isdigit`` but not to ``int()``, and
    ``int()`` refuses thousands of digits.
    """
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return default
    return max(1, min(int(value[:3]), 50)) if len(value) <= 3 else 50


def _strip(pieces: list[_Piece]) -> None:
    while pieces and not pieces[0].text.strip():
        pieces.pop(0)
    while pieces and not pieces[-1].text.strip():
        pieces.pop()


@dataclass(slots=True)
class _Line:
    """A line of output: pieces of text, each run starting at a column."""

    runs: list[tuple[int, list[_Piece]]]
    """(column, pieces): one run for a line outside tables, one per cell for a table row."""
    at: int
    """Original offset where the line ends: its newline stands for that point."""

    @property
    def empty(self) -> bool:
        return not any(pieces for _, pieces in self.runs)


class _Reader(HTMLParser):
    """Collects the lines of an HTML document, each piece of text with its offsets."""

    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.base = base
        self.line_starts = LineIndex(text).starts
        self.lines: list[_Line] = []
        self.current = _Cell()
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, hidden, wingdings, inline)
        self.tables: list[list[list[_Cell]]] = []  # open tables: rows of cells
        self.nested = 0  # tables opened inside a cell: their text flows into that cell
        self.facts: list[tuple[str, str]] = []  # inline XBRL dei facts: (name, text)
        self.page_breaks: list[int] = []  # line indexes where a page ends (<hr>, page-break)
        self.css_breaks: list[int] = []  # those of CSS page breaks alone (no <hr> rules)
        self.pre = 0  # open <pre> elements: their text keeps its lines and spaces
        self.pre_lines = 0  # lines with text that came from <pre>
        self.noise: list[Noise] = []  # set aside while reading: SGML lines inside <pre>
        self._seen_facts: set[tuple[str, str, str]] = set()  # (name, context, text)
        self._open_facts: list[tuple[str, str, str, list[str]]] = []  # tag, name, context, text
        self.cells = 0  # open td and th elements on the stack
        self.loose = False  # the current cell is a table's text outside any cell
        self.too_deep: int | None = None  # offset of the first tag past MAX_DEPTH

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    @property
    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def _wingdings(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    @property
    def _in_table(self) -> bool:
        return bool(self.tables) and not self.nested

    # ---- output ----

    def _add(self, text: str, start: int, end: int, hard: bool = False) -> None:
        pieces = self.current.pieces
        if text == " " and not hard and (not pieces or pieces[-1].text.endswith(" ")):
            return  # white space collapses: none at a line's start, never two in a row
        pieces.append(_Piece(text, self.base + start, self.base + end, hard))

    def _space(self) -> None:
        offset = self._offset()
        self._add(" ", offset, offset)

    def _break(self) -> None:
        """A block boundary: a new line, or a new line inside the table cell."""
        if self._in_table:
            self.current.newline()
            return
        pieces = self.current.pieces
        _strip(pieces)
        at = self.base + self._offset()
        if pieces or (self.lines and not self.lines[-1].empty):
            self.lines.append(_Line([(0, pieces)], at))
        self.current = _Cell()

    # ---- tokenizer events ----

    def parse_html_declaration(self, i: int) -> int:
        """A ``<!`` construct; one the tokenizer cannot read is a bogus comment, as in browsers.

        ``html.parser`` raises AssertionError on marked sections it does not know
        (``<![--``, ``<![foo[``); its position counters are put back before reading on.
        """
        position = self.getpos()
        try:
            return int(super().parse_html_declaration(i))
        except AssertionError:
            self.lineno, self.offset = position
            return int(self.parse_bogus_comment(i))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) >= MAX_DEPTH and tag not in _VOID:
            if self.too_deep is None:
                self.too_deep = self._offset()
            return
        style = face = ""
        colspan = rowspan = 1
        for name, value in attrs:
            if name == "style" and value:
                style = value.lower().replace(" ", "")
            elif name == "face" and value:
                face = value.lower()
            elif name == "colspan" and value:
                colspan = _span_count(value, colspan)
            elif name == "rowspan" and value:
                rowspan = _span_count(value, rowspan)
        if tag in _FACT_TAGS and len(self._open_facts) < MAX_DEPTH:
            found = dict(attrs)
            self._open_facts.append(
                (tag, found.get("name") or "", found.get("contextref") or "", [])
            )
        hidden = self._hidden or tag in _HIDDEN_TAGS or "display:none" in style
        wingdings = self._wingdings or "wingdings" in face or "wingdings" in style
        if not hidden:
            self._open(tag, colspan, rowspan, style)
            self.pre += tag == "pre"
        if tag not in _VOID:
            self.stack.append((tag, hidden, wingdings, _inline(style)))
            self.cells += tag in _CELL

    def _adopt(self, *, own_row: bool) -> None:
        """Keep a table's text that is in no cell ("<table>text<tr>", "<tr>text<td>").

        Browsers print it; here it becomes a row of its own, or a cell before the next
        cell of its row.
        """
        if self.loose and self.tables and self.current.pieces:
            rows = self.tables[-1]
            if own_row or not rows:
                rows.append([])
            rows[-1].append(self.current)
        self.loose = False

    def _open(self, tag: str, colspan: int, rowspan: int, style: str) -> None:
        if tag == "table":
            if self.tables and self.cells:
                self.nested += 1
                self._space()
            else:
                self._break()
                self._adopt(own_row=True)
                self.tables.append([])
                self.loose = True
        elif tag == "tr" and self._in_table:
            self._adopt(own_row=True)
            self.tables[-1].append([])
            self.current = _Cell()
            self.loose = True
        elif tag in _CELL and self._in_table:
            self._adopt(own_row=False)
            rows = self.tables[-1]
            if not rows:
                rows.append([])
            self.current = _Cell(colspan=colspan, rowspan=rowspan)
            rows[-1].append(self.current)
        elif tag in _CELL or (tag in _BLOCK and not _inline(style)) or "page-break" in style:
            self._break()
        if (tag == "hr" or "page-break" in style) and not self.tables:
            self.page_breaks.append(len(self.lines))
            if "page-break" in style:
                self.css_breaks.append(len(self.lines))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<td colspan="3" />" in XHTML: an empty element, which still takes its place.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _FACT_TAGS and self._open_facts and self._open_facts[-1][0] == tag:
            _, name, context, parts = self._open_facts.pop()
            text = " ".join("".join(parts).split())
            # The same fact printed twice (same element, context and text) is one fact.
            if name.startswith("dei:") and (name, context, text) not in self._seen_facts:
                self._seen_facts.add((name, context, text))
                self.facts.append((name[4:], text))
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                hidden, inline = self.stack[i][1], self.stack[i][3]
                self.cells -= sum(entry[0] in _CELL for entry in self.stack[i:])
                del self.stack[i:]
                break
        else:
            return  # an end tag that closes nothing open
        if hidden:
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
            if self.current.pieces and not self._in_table:
                self._pre_break(self._offset())  # a last line with no line end of its own
        if tag == "table":
            if self.nested:
                self.nested -= 1
                self._space()
            elif self.tables:
                self._adopt(own_row=True)
                self._table(self.tables.pop())
        elif (tag in _BLOCK and not inline) or tag in _CELL:
            self._break()

    def handle_data(self, data: str) -> None:
        for *_, parts in self._open_facts:
            parts.append(data)
        if self._hidden:
            return
        start = self._offset()
        if self.pre and not self._in_table:
            self._preformatted(data, start)
            return
        if self._wingdings or _GLYPH.search(data):
            self._runs(data, start)
            return
        # Line ends and tabs become spaces one for one, so a run of text with single
        # spaces stays one piece mapped character by character; only longer gaps collapse.
        text = data.translate(_WHITE)
        if "  " not in text and "\xa0" not in text:
            self._words(text, start)
            return
        position = 0
        for gap in _GAPS.finditer(text):
            if gap.start() > position:
                self._words(text[position : gap.start()], start + position)
            a, b = start + gap.start(), start + gap.end()
            if gap.group()[0] == "\xa0" and not self._in_table:
                self._add(" " * (b - a), a, b, hard=True)  # no-break spaces keep their width
            else:
                self._add(" ", a, b)
            position = gap.end()
        if position < len(text):
            self._words(text[position:], start + position)

    def _preformatted(self, data: str, start: int) -> None:
        """Text inside <pre>: each line ends a line, spaces keep their width.

        A plain-text filing wrapped in HTML then reads as the same text would (tabs too).
        """
        for match in _PRE_LINES.finditer(data):
            piece = match.group()
            if piece in ("\n", "\r\n", "\r"):
                self._pre_break(start + match.start())
            elif _GLYPH.search(piece) or self._wingdings:
                self._runs(piece, start + match.start())
            elif "\t" in piece:
                self._pre_tabs(piece, start + match.start())
            else:
                a = start + match.start()
                self._add(piece.translate(_WHITE), a, a + len(piece), hard=True)

    def _pre_tabs(self, piece: str, start: int) -> None:
        """Text with tabs inside <pre>: each tab to the next 8-column stop, as in plain text."""
        column = sum(len(p.text) for p in self.current.pieces)
        for match in _TABS.finditer(piece):
            text, a = match.group(), start + match.start()
            if text[0] == "\t":
                width = 8 * len(text) - column % 8
                self._add(" " * width, a, a + len(text), hard=True)
            else:
                text = text.translate(_WHITE)
                self._add(text, a, a + len(text), hard=True)
            column += len(self.current.pieces[-1].text)

    def _pre_break(self, at: int) -> None:
        """The end of a line inside <pre>: the line is kept, blank or not, indent and all.

        A line of an ASCII filing's SGML (a page marker, table tags) is set aside whole, as
        the plain-text normaliser sets it aside; a page marker also ends a page.
        """
        pieces = self.current.pieces
        while pieces and not pieces[-1].text.strip():
            pieces.pop()
        self.current = _Cell()
        kind = _sgml_line("".join(p.text for p in pieces))
        if kind is None:
            self.lines.append(_Line([(0, pieces)], self.base + at))
            self.pre_lines += bool(pieces)
            return
        self.noise.append(Noise(kind, Span(pieces[0].start, pieces[-1].end)))
        if kind == "page-marker":
            self.page_breaks.append(len(self.lines))

    def _words(self, text: str, start: int) -> None:
        """Words with single spaces between them: one piece (a leading space may collapse)."""
        if text.startswith(" "):
            self._add(" ", start, start + 1)
            text, start = text[1:], start + 1
        if text.endswith(" "):  # a space of its own, which a line's end strips
            self._add(text[:-1], start, start + len(text) - 1)
            self._add(" ", start + len(text) - 1, start + len(text))
        elif text:
            self._add(text, start, start + len(text))

    def _runs(self, data: str, start: int) -> None:
        """Text with check-box glyphs in it, run by run."""
        for match in _RUNS.finditer(data):
            piece = match.group()
            a, b = start + match.start(), start + match.end()
            if piece[0] not in " \t\r\n\f\xa0":
                self._text(piece, a)
            elif "\xa0" in piece and not self._in_table:
                self._add(" " * len(piece), a, b, hard=True)
            else:
                self._add(" ", a, b)

    def _text(self, piece: str, start: int) -> None:
        """Text, with check-box glyphs made "[ ]" and "[X]"."""
        wingdings = self._wingdings
        if not wingdings and not any(c in _UNCHECKED or c in _CHECKED for c in piece):
            self._add(piece, start, start + len(piece))
            return
        for i, char in enumerate(piece):
            self._char(char, start + i, start + i + 1)

    def _char(self, char: str, start: int, end: int) -> None:
        """One character printed from ``[start, end)``: a check box, or itself."""
        wingdings = self._wingdings
        unchecked = char in _UNCHECKED or (wingdings and char in _WINGDINGS_UNCHECKED)
        checked = char in _CHECKED or (wingdings and char in _WINGDINGS_CHECKED)
        if unchecked or checked:
            # Two spaces on each side: a check box is a cell of its own.
            self._add("  ", start, start, hard=True)
            self._add("[X]" if checked else "[ ]", start, end)
            self._add("  ", end, end, hard=True)
        else:
            self._add(char, start, end)

    def _reference(self, decoded: str) -> None:
        for *_, parts in self._open_facts:
            parts.append(decoded)
        if self._hidden:
            return
        start = self._offset()
        match = _ENTITY.match(self.text, start)
        end = match.end() if match else start + 1
        if decoded == "\xa0" and not self._in_table:
            self._add(" ", start, end, hard=True)
        elif decoded.isspace():
            self._add(" ", start, end)
        elif len(decoded) == 1:
            self._char(decoded, start, end)
        else:
            self._add(decoded, start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        try:
            number = int(name[1:], 16) if name[:1] in "xX" else int(name)
            char = chr(number)
            if 128 <= number < 160:  # cp1252 numbers: &#146; is an apostrophe
                char = bytes([number]).decode("cp1252", "replace")
        except (ValueError, OverflowError):
            char = "\ufffd"
        self._reference(char)

    # ---- tables ----

    def _table(self, rows: list[list[_Cell]]) -> None:
        """Lay a finished table out: each row's cells padded to their columns' widths.

        Cells take their grid columns as HTML lays them out: a cell spans ``colspan``
        columns, and one with ``rowspan`` keeps its columns taken in the rows below.
        """
        placed: list[list[tuple[int, _Cell]]] = []
        taken: dict[int, int] = {}  # column -> rows it stays taken for
        for row in rows:
            column = 0
            cells = []
            for cell in row:
                while taken.get(column, 0) > 0:
                    column += 1
                cells.append((column, cell))
                if cell.rowspan > 1:
                    for c in range(column, column + cell.colspan):
                        taken[c] = max(taken.get(c, 0), cell.rowspan)
                column += cell.colspan
            taken = {c: n - 1 for c, n in taken.items() if n > 1}
            placed.append(cells)
        widths: list[int] = []
        for cells in placed:
            for column, cell in cells:
                cell.finish()
                while len(widths) < column + cell.colspan:
                    widths.append(0)
                if cell.colspan == 1:
                    widths[column] = max(widths[column], cell.width)
        for cells in placed:
            for column, cell in cells:
                span = cell.colspan
                room = sum(widths[column : column + span]) + _COLUMN_GAP * (span - 1)
                if cell.width > room:
                    widths[column + span - 1] += cell.width - room
        starts: list[int] = []
        position = 0
        for width in widths:
            starts.append(position)
            position += width + _COLUMN_GAP
        at = self.base + self._offset()
        for cells in placed:
            depth = max((len(cell.lines) for _, cell in cells), default=1)
            for index in range(depth):
                runs = [
                    (starts[column], cell.lines[index])
                    for column, cell in cells
                    if index < len(cell.lines) and cell.lines[index]
                ]
                self.lines.append(_Line(runs, at))
        self.lines.append(_Line([], at))  # a blank line after the table
        self.current = _Cell()
        self.loose = bool(self.tables)  # back in the outer table, outside its cells

    def close(self) -> None:
        """Finish: lay out tables left open, end the last line."""
        super().close()
        self.nested = 0
        while self.tables:
            self._adopt(own_row=True)
            self._table(self.tables.pop())
        self._break()


def _inline(style: str) -> bool:
    """Whether a style (lower case, no spaces) lays its element out in the line.

    Inline XBRL tools wrap facts in ``<div style="display:inline">``: such a block tag
    breaks no line (a title word and the fact after it stay one line).
    """
    return "display:inline" in style


def _emit(lines: list[_Line], builder: SourceMapBuilder, end: int) -> None:
    """Write the lines into ``builder``, emptying ``lines`` as it goes.

    Each line is let go once written, so the pieces and the text built from them are not
    both held whole at once.
    """
    if not lines:
        builder.replace("\n", end, end)
    lines.reverse()
    while lines:
        line = lines.pop()
        position = 0
        for column, pieces in line.runs:
            if column > position and pieces:
                at = pieces[0].start
                builder.replace(" " * (column - position), at, at)
                position = column
            for piece in pieces:
                builder.replace(piece.text, piece.start, piece.end)
                position += len(piece.text)
        builder.replace("\n", line.at, line.at)


_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:page\s+)?(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")


def _page_numbers(lines: list[_Line], breaks: list[int]) -> list[Noise]:
    """Take out the page numbers printed just before a page break or at the very end."""
    noise: list[Noise] = []
    for at in [*breaks, len(lines)]:
        k = min(at, len(lines)) - 1
        while k >= 0 and lines[k].empty:
            k -= 1
        if k < 0 or len(lines[k].runs) != 1:
            continue
        pieces = lines[k].runs[0][1]
        if _PAGE_NUMBER.match("".join(p.text for p in pieces)):
            noise.append(Noise("page-number", Span(pieces[0].start, pieces[-1].end)))
            lines[k] = _Line([], lines[k].at)
    return noise


# A link back to the table of contents that a filer agent prints at the top of every page.
_RUNNING_TOC = re.compile(r"(?i)^\s*(?:back\s+to\s+)?table\s+of\s+contents\s*$")


def _top_line(lines: list[_Line], k: int) -> tuple[int, str] | None:
    """The first line from ``k`` on with text, and its text, where it is a single run."""
    while k < len(lines) and lines[k].empty:
        k += 1
    if k >= len(lines) or len(lines[k].runs) != 1:
        return None
    return k, " ".join("".join(p.text for p in lines[k].runs[0][1]).split())


def _running_headers(lines: list[_Line], breaks: list[int], printed: list[int]) -> list[Noise]:
    """Take out the lines printed first on a page as on every page.

    Those are a line that opens, word for word, two or more of the pages that follow a
    page break and at least half of them (the filer's name, the form's title: a running
    header; a heading that opens a few pages of a long report is no header), and then a
    "Table of Contents" link, which a page may have alone. Pages are counted at the
    ``printed`` page breaks (CSS ones) where there are any: a rule (``<hr>``) under a
    cover's line ends no page.
    """
    pages = [top for at in printed or breaks if (top := _top_line(lines, at))]
    opens: dict[str, int] = {}
    for _, text in set(pages):
        opens[text] = opens.get(text, 0) + 1
    headers = {text for text, n in opens.items() if n >= 2 and n * 2 >= len(set(pages))}
    after_break = {k for k, _ in pages}
    noise: list[Noise] = []

    def set_aside(k: int) -> None:
        pieces = lines[k].runs[0][1]
        noise.append(Noise("running-header", Span(pieces[0].start, pieces[-1].end)))
        lines[k] = _Line([], lines[k].at)

    for at in [0, *breaks]:
        top = _top_line(lines, at)
        if top and top[1] in headers and top[0] in after_break and not _RUNNING_TOC.match(top[1]):
            set_aside(top[0])
            top = _top_line(lines, top[0] + 1)
        if top and _RUNNING_TOC.match(top[1]):
            set_aside(top[0])
    return noise


def _bottom_line(lines: list[_Line], at: int) -> tuple[int, str] | None:
    """The last line before ``at`` with text, and its text, where it is a single run."""
    k = min(at, len(lines)) - 1
    while k >= 0 and lines[k].empty:
        k -= 1
    if k < 0 or len(lines[k].runs) != 1:
        return None
    return k, " ".join("".join(p.text for p in lines[k].runs[0][1]).split())


def _running_footers(lines: list[_Line], breaks: list[int], printed: list[int]) -> list[Noise]:
    """Take out the lines printed last on a page as on every page.

    The mirror of a running header: a line that closes, word for word, two or more pages
    and at least half of them, the last page included (a confidentiality legend, the
    filer's name at the foot of each page).
    """
    ends = [*(printed or breaks), len(lines)]  # the last page has its footer too
    pages = [bottom for at in dict.fromkeys(ends) if (bottom := _bottom_line(lines, at))]
    closes: dict[str, int] = {}
    for _, text in set(pages):
        closes[text] = closes.get(text, 0) + 1
    footers = {
        text
        for text, n in closes.items()
        if n >= 2 and n * 2 >= len(set(pages)) and any(c.isalnum() for c in text)
    }  # (a rule under each page's last line is a rule, read as one)
    noise: list[Noise] = []
    for k, text in pages:
        if text in footers and not lines[k].empty:
            pieces = lines[k].runs[0][1]
            noise.append(Noise("running-footer", Span(pieces[0].start, pieces[-1].end)))
            lines[k] = _Line([], lines[k].at)
    return noise


def normalize_html(
    original: str, payload: Span, sink: DiagnosticSink | None = None
) -> NormalizedDocument:
    """Normalise the HTML document at ``original[payload.start:payload.end]``.

    Nesting deeper than :data:`MAX_DEPTH` is reported to ``sink`` (NRM001).
    """
    reader = _Reader(original[payload.start : payload.end], payload.start)
    reader.feed(reader.text)
    reader.close()
    if reader.too_deep is not None and sink is not None:
        at = payload.start + reader.too_deep
        sink.report(
            NRM_TOO_DEEP,
            f"HTML elements nest deeper than {MAX_DEPTH} levels; deeper tags are read as absent",
            Span(at, at + 1),
        )
    noise = reader.noise + _page_numbers(reader.lines, reader.page_breaks)
    noise += _running_headers(reader.lines, reader.page_breaks, reader.css_breaks)
    noise += _running_footers(reader.lines, reader.page_breaks, reader.css_breaks)
    # Mostly <pre>: a plain-text filing in HTML, whose blank lines a typist put there.
    printed = sum(not line.empty for line in reader.lines)
    builder = SourceMapBuilder()
    _emit(reader.lines, builder, payload.end)
    text, source_map = builder.build()
    return NormalizedDocument(
        text,
        source_map,
        tuple(noise),
        kind="html",
        facts=tuple(reader.facts),
        paragraph_spacing=reader.pre_lines * 2 < printed,
    )
