"""Normalise an HTML or inline XBRL document into the lines the grammar reads, losslessly.

Text runs are found with ``str.find``, and the markup at each "<" and "&" is read there: a
tag by ``str.find`` (one seen before in the document is known again by its text), a
character reference by its ";", and what is unusual by one compiled regular expression.
Where each event starts is where its text came from, which is what the source map needs:
every character of the output points back to the HTML the user has. (The standard
library's ``html.parser`` gives the same events at a fifth of the speed; lxml and lexbor
parse faster but report no character offsets; see ARCHITECTURE.md.)

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

import bisect
import functools
import html
import re
from typing import Final

from sec8k.diagnostics import NRM_TOO_DEEP, DiagnosticSink
from sec8k.model import Noise
from sec8k.normalize import PAGE_MARKER_LINE, TABLE_TAG_LINE, NormalizedDocument
from sec8k.span import NARROW_LIMIT, Piece, SourceMapBuilder, Span

__all__ = ["looks_like_html", "normalize_html"]

# HTML markers; not "<table", which the SGML of ASCII filings uses too.
_HTML_SNIFF: Final = re.compile(r"<html|<body|<p[\s>]|<div|<font|<br\b|<td\b", re.I)

_BLOCK: Final = frozenset(
    (
        *("p", "div", "br", "tr", "li", "ul", "ol", "dl", "dt", "dd", "hr", "center"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "title", "section"),
        *("article", "header", "footer", "address", "caption", "tbody", "thead", "tfoot"),
        "form",
    )
)
_VOID: Final = frozenset(
    ("br", "hr", "img", "meta", "link", "input", "col", "base", "area", "wbr", "param", "source")
)
_HIDDEN_TAGS: Final = frozenset(("script", "style", "head", "ix:header", "title"))
_CELL: Final = frozenset(("td", "th"))
# Inline XBRL facts; the cover's are in the dei: namespace (SPEC.md section 3.2).
_FACT_TAGS: Final = frozenset(("ix:nonnumeric", "ix:nonfraction"))
# Tags that do more than nest (the others, with no attribute that matters, only nest).
_SPECIAL: Final = _BLOCK | _VOID | _HIDDEN_TAGS | _CELL | _FACT_TAGS | {"table", "script", "style"}
# Block tags that only break the line (when they carry no attribute that matters).
_PLAIN_BLOCKS: Final = _BLOCK - {"tr", "pre", "hr", "br"} - _HIDDEN_TAGS
# End tags that do more than close their element and break the line.
_SPECIAL_END: Final = _FACT_TAGS | {"pre", "table"}
# What the reader's loop tells of a tag by its name, as bits: read once per name.
_IS_SPECIAL: Final = 1
_IS_PLAIN_BLOCK: Final = 2
_IS_CELL: Final = 4
_IS_SPECIAL_END: Final = 8
_IS_BLOCK: Final = 16
_IS_IMPLIER: Final = 32
# Not of the name: a start tag whose attributes end with "/" (may be "<br/>", self-closing).
_IS_SLASHED: Final = 64
_IS_VOID: Final = 128
_IS_FACT: Final = 256
_IS_HIDDEN_TAG: Final = 512

# Start tags that end an open element whose end tag HTML lets a document leave out (as
# browsers read them): a block ends an open paragraph (not a table: documents with no
# doctype keep the paragraph open around it, and EDGAR's rarely have one), a list item
# the item before it, a cell the cell before it in its row, a row the row before it.
_CLOSES_P: Final = frozenset(
    (
        *("p", "div", "ul", "ol", "dl", "dd", "dt", "li", "pre", "hr", "center", "form"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "address", "section", "article"),
        *("header", "footer", "menu", "nav", "aside", "figure", "figcaption", "fieldset"),
        *("main", "details", "summary", "dir", "hgroup", "dialog"),
    )
)
_LIST_ITEMS: Final = {
    "li": frozenset(("li",)),
    "dd": frozenset(("dd", "dt")),
    "dt": frozenset(("dd", "dt")),
}
_ROWS: Final = frozenset(("tr",))
_ROW_SCOPE: Final = frozenset(("tr", "table", "html"))
_TABLE_SCOPE: Final = frozenset(("table", "html"))
# A paragraph ends under inline elements only; a list item under paragraphs and divisions too.
_PARAGRAPHS: Final = frozenset(("p",))
_PARAGRAPH_SCOPE: Final = _SPECIAL
_ITEM_SCOPE: Final = _SPECIAL - {"p", "div", "address"}
_IMPLIERS: Final = _CLOSES_P | _CELL | _ROWS
# For each start tag that may end an open element: the elements that, open at the top of
# the stack, show it ends none (well-formed markup: "<tr><td>", "<div><p>", "<ul><li>"),
# so the search is not made. A paragraph's end is looked for only through inline tags.
_QUIET: Final = {
    **dict.fromkeys(_CLOSES_P - {"li", "dd", "dt"}, _SPECIAL - {"p"}),
    "li": frozenset(("ul", "ol")),
    "dd": frozenset(("dl",)),
    "dt": frozenset(("dl",)),
    "td": frozenset(("tr",)),
    "th": frozenset(("tr",)),
    "tr": frozenset(("table", "tbody", "thead", "tfoot")),
}
# Open elements searched for the one a start tag ends: real documents have it within a
# few; hostile ones (a paragraph under 255 open inline tags, then a block at every tag)
# must not cost a search of the whole stack per tag.
_IMPLIED_REACH: Final = 32
_NO_TAGS: Final[frozenset[str]] = frozenset()


def _tag_kind(tag: str) -> int:
    """The bits of a lower-case tag name: the sets above it belongs to."""
    return (
        (_IS_IMPLIER if tag in _IMPLIERS else 0)
        | (_IS_SPECIAL if tag in _SPECIAL else 0)
        | (_IS_PLAIN_BLOCK if tag in _PLAIN_BLOCKS else 0)
        | (_IS_CELL if tag in _CELL else 0)
        | (_IS_SPECIAL_END if tag in _SPECIAL_END else 0)
        | (_IS_BLOCK if tag in _BLOCK else 0)
        | (_IS_VOID if tag in _VOID else 0)
        | (_IS_FACT if tag in _FACT_TAGS else 0)
        | (_IS_HIDDEN_TAG if tag in _HIDDEN_TAGS else 0)
    )


def _named(
    names: dict[str, tuple[str, int, frozenset[str]]], name: str
) -> tuple[str, int, frozenset[str]]:
    """A tag name as written: lowered, its bits (_tag_kind) and its _QUIET set, read once."""
    named = names.get(name)
    if named is None:
        if len(names) >= _CACHED_ATTRIBUTES:
            names.clear()
        lowered = name.lower()
        named = names[name] = (lowered, _tag_kind(lowered), _QUIET.get(lowered, _NO_TAGS))
    return named


# What the reader's stack holds of each open element beside its name, as bits: hidden,
# the symbol font in force (0, _WINGDINGS, _WINGDINGS_2 or _WP_TYPOGRAPHIC, shifted by
# _FONT_SHIFT), laid out inline. Small ints: compiled, an entry pushed per inline tag is
# two list appends of objects that exist (a tuple per tag cost its making and freeing).
_HIDDEN: Final = 1
_FONT_SHIFT: Final = 1
_FONT: Final = 6
_INLINE: Final = 8
_SPACE: Final = re.compile(r"[ \t\r\n\f]+")
_RUNS: Final = re.compile(r"[^ \t\r\n\f\xa0]+|[ \t\r\n\f\xa0]+")
# Line ends, tabs and the characters a browser shows as nothing (zero-width spaces and
# joiners, the byte-order mark) are spaces, one for one.
_INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff"
_WHITE: Final = str.maketrans("\t\r\n\f" + _INVISIBLE, " " * (4 + len(_INVISIBLE)))


def _white(data: str) -> str:
    """``data`` with line ends, tabs and invisible characters made spaces (see _WHITE).

    ASCII text (nearly every text run) needs only its line ends and tabs replaced, which
    ``str.replace`` does a few times faster than a translation table.
    """
    if not data.isascii():
        return data.translate(_WHITE)
    if "\n" in data:
        data = data.replace("\n", " ")
    if "\r" in data:
        data = data.replace("\r", " ")
    if "\t" in data:
        data = data.replace("\t", " ")
    if "\f" in data:
        data = data.replace("\f", " ")
    return data


def _ends_in_space(text: str) -> bool:
    """``text.endswith(" ")``, read as a character (compiled, a call of the method is not)."""
    return len(text) > 0 and ord(text[-1]) == 32


def _gaps(text: str) -> list[tuple[int, int]]:
    r"""Where ``text`` has a run of no-break spaces or of two spaces or more, in order.

    What ``re.finditer(r"\xa0+| {2,}", text)`` finds, found with ``str.find``: the regular
    expression is tried at every space of the text (most of them single ones in prose
    with a gap or two), which cost a twentieth of the HTML reader's time.
    """
    found: list[tuple[int, int]] = []
    n = len(text)
    spaces = text.find("  ")
    nbsp = text.find("\xa0")
    while spaces >= 0 or nbsp >= 0:
        if nbsp < 0 or 0 <= spaces < nbsp:
            start = spaces
            end = start + 2
            while end < n and text[end] == " ":
                end += 1
        else:
            start = nbsp
            end = start + 1
            while end < n and text[end] == "\xa0":
                end += 1
        found.append((start, end))
        if 0 <= spaces < end:
            spaces = text.find("  ", end)
        if 0 <= nbsp < end:
            nbsp = text.find("\xa0", end)
    return found


_GLYPH_CHARS: Final = "\u2610\u25a1\u25fb\u2751\u2612\u2611\u25a0\u2713\u2714\u2718"
_GLYPH: Final = re.compile(f"[{_GLYPH_CHARS}]")


def _has_glyph(data: str) -> bool:
    """Whether ``data`` has a check-box glyph (none is ASCII: told at once for most text)."""
    return not data.isascii() and _GLYPH.search(data) is not None


_UNCHECKED: Final = frozenset("\u2610\u25a1\u25fb\u2751")
_CHECKED: Final = frozenset("\u2612\u2611\u25a0\u2713\u2714\u2718")
_WINGDINGS_UNCHECKED: Final = frozenset("o¨pq")
_WINGDINGS_CHECKED: Final = frozenset("xýþü")  # ü (0xFC): a check mark alone
# Symbol fonts whose letters print check boxes, as the stack records the font in force.
_WINGDINGS: Final = 1
# WordPerfect's "WP TypographicSymbols", which a filer agent's converter kept in its HTML
# (2008-09): "G" stands where each unchecked A.2 box stands (16 of 16 glyphs in four
# filings, one glyph per box, on covers that checked none). No checked glyph is known.
_WP_TYPOGRAPHIC: Final = 2
_WP_TYPOGRAPHIC_UNCHECKED: Final = frozenset("G")
# Wingdings 2, whose letters are other glyphs than Wingdings': "£" (0xA3) a white square;
# "Q", "R", "S", "T" boxes with an X or a check in them, "P" a check mark alone. (Disney
# 2018 checks its Rule 425 box with "S" beside three "£".)
_WINGDINGS_2: Final = 3
_WINGDINGS_2_UNCHECKED: Final = frozenset("£")
_WINGDINGS_2_CHECKED: Final = frozenset("PQRST")
# "Wingdings 2" in a face or a style (lowered), as against "Wingdings" or "Wingdings 3".
_WINGDINGS_2_NAME: Final = re.compile(r"wingdings\s*2")
_COLUMN_GAP: Final = 3
# Pieces of text a line holds while it is read, and what a line of a table cell or <pre>
# may hold after its pieces are joined; see _Reader._shorten. (Not Final, as the other
# constants are, so that tests can make lines long: a Final int is compiled in.)
_MAX_PIECES = 256
# The longest line held whole while it may be SGML written with entities ("&lt;PAGE&gt;").
_SGML_LINE: Final = 80
_MERGED_PIECES: Final = 2048
# A long table is laid out in parts of this many rows, cells and pieces of text (the
# largest table of the corpus and other-forms has 1,697), so that a table of a million
# rows is not held whole; each part's columns are as wide as that part needs. A row of more
# cells than _ROW_CELLS goes on, on a line of its own. (Not Final: tests make them small.)
_HELD_ROWS_AND_CELLS = 16384
_ROW_CELLS = 1024
MAX_DEPTH: Final = 256
"""Open elements the reader follows; deeper tags are read as absent (NRM001). Bounding the
stack bounds the work of each end tag, which searches it, so hostile nesting stays linear."""


_MARKUP: Final = re.compile(r"<[^>]*>")
# Inside <pre>: line ends, and the text between them.
_PRE_LINES: Final = re.compile(r"\r\n|\r|\n|[^\r\n]+")
_TABS: Final = re.compile(r"\t+|[^\t]+")

# A document is read as plain text when this many non-blank characters of text come before
# its first HTML tag. In every HTML document of the corpus (365 of them) only markup comes first
# (an XML declaration, comments, <XBRL>); a text filing with HTML pasted in after its cover
# must not be read as HTML, where its line breaks would mean nothing.
PLAIN_TEXT_LEAD: Final = 200


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
    # Every marker starts with "<": str.find goes from one "<" to the next at memory speed,
    # where the search tested each of a plain-text filing's first 20,000 characters (0.6%
    # of its parse). Tried at each "<" in turn, the first match is the search's.
    found = None
    start = text.find("<", 0, 20_000)
    while start >= 0:
        found = _HTML_SNIFF.match(text, start, 20_000)
        if found is not None:
            break
        start = text.find("<", start + 1, 20_000)
    if found is None:
        return False
    lead = _MARKUP.sub("", text[: found.start()])
    return len(lead) - sum(map(str.isspace, lead)) <= PLAIN_TEXT_LEAD


# The lines of a cell that has one, its ``pieces``: most cells (and every line outside
# tables, which is a cell too) never have a second, and a list per cell cost its making
# and freeing. Never changed: a cell makes its own list of lines at its second line.
_ONE_LINE: Final[list[list[Piece]]] = []


class _Cell:
    """A table cell (or the text outside tables): one or more lines of pieces."""

    __slots__ = ("colspan", "column", "lines", "pieces", "rowspan")

    def __init__(self, colspan: int = 1, rowspan: int = 1) -> None:
        self.pieces: list[Piece] = []
        """The line being written."""
        self.lines = _ONE_LINE
        """The cell's lines, the last ``pieces``; _ONE_LINE while that is the only one."""
        self.colspan = colspan
        self.rowspan = rowspan
        self.column = 0
        """The grid column a table's layout puts it in (_Reader._lay_out)."""

    def newline(self) -> None:
        """Start a new line in the cell (a <br> or a paragraph inside a table cell)."""
        _strip(self.pieces)
        if self.pieces:
            if self.lines is _ONE_LINE:
                self.lines = [self.pieces]
            self.pieces = []
            self.lines.append(self.pieces)

    def finish(self) -> int:
        """Strip every line and drop the empty ones; return the width of the widest.

        A cell of one line keeps it in ``pieces`` alone (``lines`` stays _ONE_LINE), empty
        or not; one of more lines keeps one at least.
        """
        if self.lines is _ONE_LINE:  # most cells: one line, stripped, which may be empty
            pieces = self.pieces
            _strip(pieces)
            width = 0
            for piece in pieces:
                width += len(piece.text)
            return width
        # Loops, not generator expressions: a compiled generator is a call per item.
        lines: list[list[Piece]] = []
        for line in self.lines:
            _strip(line)
            if line:
                lines.append(line)
        if not lines:
            lines.append([])
        self.lines = lines
        self.pieces = lines[-1]
        widest = 0
        for line in lines:
            width = 0
            for piece in line:
                width += len(piece.text)
            if width > widest:
                widest = width
        return widest


def _span_count(value: str, default: int) -> int:
    """A ``colspan`` or ``rowspan`` value, 1 to 50; ``default`` where it is no number.

    Only ASCII digits count: "²" is a digit to ``str.isdigit`` but not to ``int()``, and
    ``int()`` refuses thousands of digits.
    """
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return default
    return max(1, min(int(value[:3]), 50)) if len(value) <= 3 else 50


def _joined(pieces: list[Piece]) -> list[Piece]:
    """The pieces, each run of pieces copied verbatim from one stretch of the original one."""
    out = [pieces[0]]
    for piece in pieces[1:]:
        last = out[-1]
        if (
            piece.start == last.end
            and len(piece.text) == piece.end - piece.start
            and len(last.text) == last.end - last.start
        ):
            out[-1] = Piece(last.text + piece.text, last.start, piece.end)
        else:
            out.append(piece)
    return out


def _merged(pieces: list[Piece]) -> Piece:
    """One piece for several: their text, standing for the span they cover."""
    return Piece("".join(p.text for p in pieces), pieces[0].start, pieces[-1].end)


def _is_blank(text: str) -> bool:
    """``not text.strip()``, told without making the stripped copy (isspace compiles to C)."""
    return not text or text.isspace()


def _strip_start(pieces: list[Piece]) -> None:
    blank = 0
    while blank < len(pieces) and _is_blank(pieces[blank].text):
        blank += 1
    del pieces[:blank]


def _strip(pieces: list[Piece]) -> None:
    while pieces and _is_blank(pieces[0].text):
        pieces.pop(0)
    while pieces and _is_blank(pieces[-1].text):
        pieces.pop()


class _Written:
    """A line with text, as written, kept while a page's first or last lines may need it.

    Running headers and footers and page numbers are decided at the document's end (a
    line is a running header if it opens most pages); by then the line is in the source
    map builder, and setting it aside cuts its text out there.
    """

    __slots__ = ("begin", "end", "number", "pieces")

    def __init__(self, number: int, pieces: list[Piece] | None, begin: int, end: int) -> None:
        self.number = number
        """The line's number (lines written before it)."""
        self.pieces = pieces
        """The line's pieces where it is one run (no table row of several cells), or None."""
        self.begin = begin
        self.end = end
        """Its text in the builder: derived start and end."""

    @property
    def cut(self) -> tuple[int, int]:
        """Its text in the builder, to cut out: derived start and end."""
        return self.begin, self.end

    @property
    def text(self) -> str | None:
        """The line's text where it is one run, or None (made when asked: few lines are)."""
        return "".join([p.text for p in self.pieces]) if self.pieces else None

    @property
    def span(self) -> Span:
        """Where its text came from (an empty span where it is not one run)."""
        pieces = self.pieces
        return Span(pieces[0].start, pieces[-1].end) if pieces else Span(0, 0)


# Lines with text kept on each side of a page break: enough for a page number, the line
# above it (a footer), and a header with a contents link under it, on pages that short.
_KEPT_BEFORE_BREAK: Final = 6
_KEPT_AFTER_BREAK: Final = 4


# The markup, one match per event, read as html.parser and browsers read it: a tag runs
# to the first ">" outside a quoted attribute value. Comments, declarations and the rest
# that starts with "<" are read in _Reader._other.
_TAGS: Final = (
    r"<([a-zA-Z][^\t\n\r\f />\x00]*+)"  # 1: start tag name, 2: its attributes
    r"((?:[^>\"'=]++|=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^>\s]*+)|[\"'])*+)>"
    r"|</([a-zA-Z][^\t\n\r\f />\x00]*+)[^>]*+>"  # 3: end tag name
)
_REST: Final = (
    r"&(#(?:[0-9]++|[xX][0-9a-fA-F]++)|[a-zA-Z][-.a-zA-Z0-9]*+);?"  # 4: reference
    r"|([<&])"  # 5: the rest, read by _Reader._other
)
# Matched only at a "<" or "&": text runs between them are found with str.find.
# (A tag with a name of fewer than _SHORT_NAME letters and digits and no attributes is
# read without it, as the pattern would read it, and so is a reference it has read before
# that ends with ";" within _SHORT_NAME characters. Not Final: tests set it to 0, which
# sends every tag and reference to the pattern, and compare.)
_SHORT_NAME = 16
# A start tag with attributes is looked up by its text when it ends within this many
# characters (a table cell's tag with its style is 100 to 300).
_KNOWN_TAG: Final = 512
_KNOWN_TAGS: Final = 1024  # tags kept at once: at most half a million characters
# Slots for the last tag read of each length and last letter, less one: a mask. (A list
# made per document: 8,192 slots, one per length and letter, cost more than they saved.)
_RECENT_SLOTS: Final = 511
_ASCII_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_AT_MARK: Final = re.compile(_TAGS + "|" + _REST)
# A tag that is never closed ran to the end of the input before it failed; from there on
# no tag can close either (the input ends in a tag, as a cut-off filing does), so the rest
# is read with no tag alternatives: trying them at every "<" would scan to the end each time.
_TAG_OPEN: Final = re.compile(r"</?[a-zA-Z]")
_AT_MARK_NO_TAGS: Final = re.compile(r"(?!)()()|(?!)()|" + _REST)

# One attribute of a start tag: name, and the value with its quotes.
_ATTRIBUTE: Final = re.compile(r"([^\s/>\"'=][^\s/=>]*)(?:\s*=+\s*(\"[^\"]*\"|'[^']*'|[^>\s]*))?")
_NO_ATTRIBUTES: Final = ("", "", 1, 1, "", "", 0)
# What a tag's style and face do, as bits of the last field of _tag_attributes: read once
# per tag as printed, where each start tag tested its style for each (a call per test,
# most of them on an empty style). The symbol font named, if any, is above _LOOKS_FONT.
_LOOKS_HIDDEN: Final = 1  # display:none
_LOOKS_INLINE: Final = 2  # display:inline (see _inline)
_LOOKS_PAGE_BREAK: Final = 4
_LOOKS_FONT: Final = 3  # the shift of the font (_WINGDINGS, _WINGDINGS_2, _WP_TYPOGRAPHIC)
_CACHED_ATTRIBUTES: Final = 4096
# The end of what script and style elements hold (their text is no markup).
_SCRIPT_END: Final = {
    "script": re.compile(r"</\s*script\s*>", re.I),
    "style": re.compile(r"</\s*style\s*>", re.I),
}
_COMMENT_END: Final = re.compile(r"--\s*>")
_SECTION_NAME: Final = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
# Marked sections: <![CDATA[...]]>, and Word's conditional <![if !supportLists]>.
_SECTION_END: Final = {
    **dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), re.compile(r"]\s*]\s*>")),
    **dict.fromkeys(("if", "else", "endif"), re.compile(r"]\s*>")),
}


def _tag_attributes(raw: str) -> tuple[str, str, int, int, str, str, int] | None:
    """What the reader uses of a start tag's attributes, or None where it uses nothing.

    (style in lower case without spaces, font face in lower case, colspan, rowspan,
    name, contextref, what the style and face do as _LOOKS_* bits); the last of an
    attribute given twice counts.
    """
    # What makes a tag's attributes worth parsing: a style that hides, lays out inline or
    # breaks a page, a symbol font, a cell's spans, a fact's name and context. A tag
    # with none of these words is not parsed. (Spelled out: a third of the time of any()
    # over a tuple of the words, and a fifth of a case-blind regular expression's.)
    lowered = raw.lower()
    if not (
        "display" in lowered
        or "page-break" in lowered
        or "wingdings" in lowered
        or "typographicsymbols" in lowered
        or "span" in lowered
        or "name" in lowered
        or "contextref" in lowered
    ):
        return None
    style = face = name = context = ""
    colspan = rowspan = 1
    for attribute, value in _attributes(raw):
        if attribute == "style" and value:
            style = value.lower().replace(" ", "")
        elif attribute == "face" and value:
            face = value.lower()
        elif attribute == "colspan" and value:
            colspan = _span_count(value, colspan)
        elif attribute == "rowspan" and value:
            rowspan = _span_count(value, rowspan)
        elif attribute == "name":
            name = value or ""
        elif attribute == "contextref":
            context = value or ""
    looks = 0
    if style:
        if "display:none" in style:
            looks |= _LOOKS_HIDDEN
        if _inline(style):
            looks |= _LOOKS_INLINE
        if "page-break" in style:
            looks |= _LOOKS_PAGE_BREAK
    if "wingdings" in face or "wingdings" in style:
        font = _WINGDINGS_2 if _WINGDINGS_2_NAME.search(face + style) else _WINGDINGS
        looks |= font << _LOOKS_FONT
    elif "typographicsymbols" in face or "typographicsymbols" in style:
        looks |= _WP_TYPOGRAPHIC << _LOOKS_FONT
    return style, face, colspan, rowspan, name, context, looks


@functools.lru_cache(maxsize=1024)
def _decode(reference: str) -> str:
    """What a character reference as printed (``&amp;``, ``&#146;``, ``&nbsp``) stands for.

    Numbers 128 to 159 are read as cp1252 (``&#146;`` is an apostrophe), as browsers read
    them; a number that is no character is U+FFFD. Names decode as HTML5 says, so "&amp"
    and "&nbsp" decode without their ";" and "AT&T" stays itself.
    """
    if reference[1] != "#":
        return html.unescape(reference)
    digits = reference[2:].rstrip(";")
    try:
        number = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        if 128 <= number < 160:
            return bytes([number]).decode("cp1252", "replace")
        return chr(number)
    except (ValueError, OverflowError):
        return "\ufffd"


def _blank(char: int) -> bool:
    """Whether an ASCII character (as its ord) is a blank to the regex engine (str.isspace)."""
    return char == 32 or 9 <= char <= 13 or 28 <= char <= 31


def _attribute_pairs(raw: str) -> list[tuple[str, str]] | None:
    """``_ATTRIBUTE.findall(raw)`` read character by character; None where not ASCII.

    The pattern's classes each hold the blanks, which the regex engine tests a character
    at a time against a category: a cell's style attribute took it 80 instructions a
    character. Here names are read a character at a time with ord() (compiled, no
    object made) and quoted values found with ``str.find``. ASCII only: the blanks hold
    characters beyond it (U+0085, no-break spaces), which the pattern reads.
    """
    if not raw.isascii():
        return None
    found: list[tuple[str, str]] = []
    n = len(raw)
    i = 0
    while i < n:
        char = ord(raw[i])
        # Blanks, and what no name starts with ("/", ">", quotes, "="): the search steps on.
        if _blank(char) or char == 47 or char == 62 or char == 34 or char == 39 or char == 61:
            i += 1
            continue
        j = i + 1
        while j < n:
            char = ord(raw[j])
            if _blank(char) or char == 47 or char == 61 or char == 62:  # "/", "=", ">"
                break
            j += 1
        k = j
        while k < n and _blank(ord(raw[k])):
            k += 1
        if k == n or ord(raw[k]) != 61:  # no "=": a name alone, and the search goes on after it
            found.append((raw[i:j], ""))
            i = j
            continue
        while k < n and ord(raw[k]) == 61:
            k += 1
        while k < n and _blank(ord(raw[k])):
            k += 1
        end = -1
        if k < n:
            char = ord(raw[k])
            if char == 34 or char == 39:  # a quoted value, if its quote closes
                end = raw.find('"' if char == 34 else "'", k + 1)
                if end != -1:
                    end += 1
        if end == -1:  # unquoted: up to a blank or ">"
            end = k
            while end < n:
                char = ord(raw[end])
                if _blank(char) or char == 62:
                    break
                end += 1
        found.append((raw[i:j], raw[k:end]))
        i = end
    return found


def _attributes(raw: str) -> list[tuple[str, str]]:
    """A start tag's attributes: (lower-case name, value without quotes, entities decoded).

    An attribute with no value has "" (the group that did not take part, to ``findall``).
    The pairs are read as strings: a match object's groups are typed Any, and compiled,
    every operation on them went through the generic object protocol.
    """
    found: list[tuple[str, str]] = []
    pairs = _attribute_pairs(raw)
    if pairs is None:
        pairs = _ATTRIBUTE.findall(raw)
    for name, value in pairs:
        if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
            value = value[1:-1]
        if value and "&" in value:
            value = html.unescape(value)
        found.append((name.lower(), value))
    return found


def _start_tag(text: str, first: int, gt: int) -> tuple[str, str, int] | None:
    """A start tag read as _TAGS reads it, without the regex: (name, attributes, its ">").

    The name starts at ``first``; None where this reading may differ from the pattern's.
    ``gt`` is the first ">" after the name. The tag ends there unless a quoted value
    (after "=") holds a ">": the quotes are found with ``str.find``. A name that is not
    letters, digits and colons, or that a space does not end, an unquoted value (whose end
    is a blank of any kind), a blank other than ASCII's before a value, and a quote that is
    never closed go to the pattern.
    """
    if not 97 <= ord(text[first]) | 32 <= 122:  # an ASCII letter
        return None
    space = text.find(" ", first + 1, gt)
    if space == -1:
        return None
    name = text[first:space]
    if not name.isalnum() and not (":" in name and name.replace(":", "").isalnum()):
        return None
    at = space
    end = gt
    while True:
        equals = text.find("=", at, end)
        if equals == -1:
            return name, text[space:end], end
        at = equals + 1
        char = ord(text[at])  # compiled, an int read off the string: no object made
        while char == 32 or char == 10 or char == 9 or char == 13 or char == 12:
            at += 1
            char = ord(text[at])
        if char != 34 and char != 39:  # neither '"' nor "'"
            return None
        closing = text.find('"' if char == 34 else "'", at + 1)
        if closing == -1:
            return None
        at = closing + 1
        if at > end:
            end = text.find(">", at)
            if end == -1:
                return None


class _Tag:
    """A tag as the reader read it, kept to be known again by its text (see _Reader.read).

    A class, not a tuple: compiled, a tuple read from a list or a dict is checked and
    unpacked field by field, and one put there is made anew; a field of this is a load.
    """

    __slots__ = ("attributes", "bits", "info", "kind", "name", "printed", "quiet")

    def __init__(
        self,
        printed: str,
        kind: int,
        name: str,
        bits: int,
        attributes: str,
        info: tuple[str, str, int, int, str, str, int] | None,
        quiet: frozenset[str],
    ) -> None:
        self.printed = printed  # the tag's text, "<" to its first ">"
        self.kind = kind  # 2: a start tag, 3: an end tag
        self.name = name  # lowered
        self.bits = bits  # _tag_kind's, and _IS_SLASHED
        self.attributes = attributes  # as printed
        self.info = info  # what _tag_attributes read of them
        self.quiet = quiet  # the name's _QUIET set


class _Reader:
    """Collects the lines of an HTML document, each piece of text with its offsets."""

    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.pos = 0  # where the event being read starts in ``text``
        self.base = base
        self.builder = SourceMapBuilder(wide=base + len(text) >= NARROW_LIMIT)
        # Padding that lays table columns out, at most as much as the input in all: real
        # filings use up to 6% (measured), and a cell under a column made wide by one long
        # cell above it must not make every row of a long table as long.
        self.padding = len(text)
        self.count = 0  # lines written
        self.last_empty = True  # whether the last line written is empty
        self.printed = 0  # lines written with text
        # Lines with text near page breaks, by line number; the last few written.
        self.kept: dict[int, _Written] = {}
        # (A list trimmed by hand: compiled, a deque's append is a method looked up per call.)
        self.recent: list[_Written] = []
        self.keep_next = _KEPT_AFTER_BREAK  # the first lines of the document are a page's
        self.held = 0  # rows and cells of the outermost open table not yet laid out
        # The limits tests lower, read once: compiled, a module name that is not Final is
        # a dict lookup at each use, and _add asks for one at every piece.
        self.max_pieces = _MAX_PIECES
        self.held_rows_and_cells = _HELD_ROWS_AND_CELLS
        self.row_cells = _ROW_CELLS
        self.partial: bool | None = None  # whether the line being read is partly written
        self.current = _Cell()
        # The open elements: their names, and beside each its bits (_HIDDEN, _FONT, _INLINE).
        self.stack: list[str] = []
        self.flags: list[int] = []
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
        self.escaped = False  # the line being read has a "<" written as a reference

    def _offset(self) -> int:
        return self.pos

    # ---- reading the markup ----

    def read(self) -> None:
        """Read the whole document, event by event, then :meth:`close`.

        The events that are most of a document (text, and inline tags with no attribute
        that matters) are handled here; the others go to the ``handle_*`` methods, which
        find where their event starts in ``self.pos``.
        """
        text = self.text
        n = len(text)
        i = 0
        # A document with no check-box glyph in it (most: they are written as references,
        # or the text is Latin-1) is not searched for one text run by run.
        glyphs = any(char in text for char in _GLYPH_CHARS)
        # (A tag's attributes are read once per tag as printed, in ``known`` below: a cache
        # by their own text found again 1% of those it was asked for, and its hashing and
        # lookups cost a sixth of the reading.)
        # Each tag name as written: lowercased, and what the loop tells of it (_tag_kind),
        # found once: one lookup per tag instead of one per set it is tested against.
        names: dict[str, tuple[str, int, frozenset[str]]] = {}
        stack = self.stack
        flags = self.flags
        self._missing: dict[str, int] = {}  # what no search from this offset on finds
        markup = _AT_MARK.match  # bound once: a method looked up per call walks the type
        # Text runs are found with str.find and only what starts at a "<" or "&" goes to
        # the regex engine: each match costs a call and a stack allocation, and text is
        # half the events. ``lt`` and ``amp`` are the next "<" and "&" at or after ``i``
        # (``n`` if none).
        lt = amp = -1
        unclosed = False
        short = _SHORT_NAME + 1  # read once: compiled, a plain module name is a dict lookup
        references: dict[str, str] = {}  # as printed, with its ";", to what it stands for
        # A tag as printed, to its first ">", to what was read of it; and the last one
        # read of each length and last letter (see ``slot``).
        known: dict[str, _Tag] = {}
        recent: list[_Tag | None] = [None] * (_RECENT_SLOTS + 1)
        gt = -1
        decoded = printed = ""
        seen: _Tag | None
        quiet = _NO_TAGS
        # Groups are read by index (match[k]): Match.group takes its arguments as a tuple.
        while i < n:
            if lt < i:
                lt = text.find("<", i)
                if lt == -1:
                    lt = n
            if amp < i:
                amp = text.find("&", i)
                if amp == -1:
                    amp = n
            j = lt if lt < amp else amp
            if j > i:  # text
                start = i
                i = j
                top = flags[-1] if flags else 0
                if top & _HIDDEN and not self._open_facts:
                    continue  # hidden
                data = text[start:j]
                if self._open_facts or self.pre or top & _FONT or (glyphs and _has_glyph(data)):
                    self.pos = start
                    self.handle_data(data)
                    continue
                # White space between tags (most text runs, and the line ends of the
                # markup) is told before _white makes a copy of it.
                words = "" if not data.strip(" \t\n\r\f") else _white(data)
                if not words.strip(" "):  # white space between tags: at most one space
                    pieces = self.current.pieces
                    if pieces and not _ends_in_space(pieces[-1].text):
                        start += self.base
                        pieces.append(Piece(" ", start, start + len(data)))
                        if len(pieces) > self.max_pieces:
                            self._shorten()
                elif "  " in words or "\xa0" in words:
                    self.pos = start
                    self.handle_data(data)
                else:
                    self._words(words, start)
                continue
            start = i
            kind = 0  # 2: start tag, 3: end tag, 4: reference, 5: the rest
            # Declared str (a group is typed Any): compiled, str operations are then
            # direct calls, not generic ones through the type.
            name = raw = ""
            tag = ""
            bits = 0
            quiet = _NO_TAGS
            info: tuple[str, str, int, int, str, str, int] | None = None
            if i == lt and not unclosed:
                # A tag read before is known again by its text, to its first ">": a short
                # name and no attributes ("<p>", "</td>"), or a start tag with attributes
                # (filings repeat a cell's tag). One search for the ">" serves both. A tag
                # not seen yet is read without the regex where _start_tag can (a short
                # name alone at a fifth of the pattern's cost, attributes at a fourth).
                close = i + 1 < n and ord(text[i + 1]) == 47  # "/"
                first = i + 2 if close else i + 1
                gt = text.find(">", first + 1, i + _KNOWN_TAG) if short > 1 else -1
                if gt != -1:
                    printed = text[i : gt + 1]
                    # The last tag of its length and last letter is most often the one
                    # (81% of the corpus's tags): compared, it is found without hashing
                    # the text, which for a cell's tag with its style cost more than the rest.
                    slot = ((gt - i) << 2 | ord(text[gt - 1]) & 3) & _RECENT_SLOTS
                    seen = recent[slot]
                    if seen is None or seen.printed != printed:
                        seen = known.get(printed)
                        if seen is not None:
                            recent[slot] = seen
                    if seen is not None:
                        kind = seen.kind
                        tag = seen.name
                        bits = seen.bits
                        raw = seen.attributes
                        info = seen.info
                        quiet = seen.quiet
                        i = gt + 1
                    else:
                        if gt < first + short:
                            name = text[first:gt]
                            # Letters and digits hold none of the characters that end a name.
                            if 97 <= ord(text[first]) | 32 <= 122 and name.isalnum():
                                kind = 3 if close else 2
                                i = gt + 1
                        if not kind and not close:
                            scanned = _start_tag(text, first, gt)
                            if scanned is not None:
                                name, raw, end = scanned
                                kind = 2
                                i = end + 1
                        if kind:
                            tag, bits, quiet = _named(names, name)
                            if raw:
                                info = _tag_attributes(raw)
                                if raw.endswith("/"):
                                    bits |= _IS_SLASHED
                            if i - 1 == gt:
                                if len(known) >= _KNOWN_TAGS:
                                    known.clear()
                                seen = _Tag(printed, kind, tag, bits, raw, info, quiet)
                                known[printed] = recent[slot] = seen
            elif i == amp and short > 1:
                # A reference read by the pattern before, with its ";" ("&nbsp;"), is
                # known again by its text: the pattern would read the same characters.
                semi = text.find(";", i + 2, i + short)
                if semi != -1:
                    found = references.get(text[i : semi + 1])
                    if found is not None:
                        decoded = found
                        kind = 4
                        i = semi + 1
            if not kind:
                match = markup(text, i)
                if match is None:  # never: the last alternative takes any "<" or "&"
                    break
                i = match.end()
                kind = match.lastindex or 0  # an int: compared natively, compiled
                if kind == 2 or kind == 3:
                    name = match[1] if kind == 2 else match[3]
                    tag, bits, quiet = _named(names, name)
                    if kind == 2:
                        raw = match[2]
                        if raw:
                            info = _tag_attributes(raw)
                            if raw.endswith("/"):
                                bits |= _IS_SLASHED
                    if short > 1 and i - 1 == gt:
                        if len(known) >= _KNOWN_TAGS:
                            known.clear()
                        known[printed] = _Tag(printed, kind, tag, bits, raw, info, quiet)
                elif kind == 4:
                    printed = match[0]
                    decoded = _decode(printed)
                    if printed.endswith(";"):
                        if len(references) >= _CACHED_ATTRIBUTES:
                            references.clear()
                        references[printed] = decoded
            if kind == 2:  # start tag
                if (
                    bits & _IS_IMPLIER
                    and stack
                    and stack[-1] not in quiet
                    and (info is None or not info[6] & _LOOKS_INLINE)
                ):
                    # (A block styled inline, as inline XBRL tools wrap facts, ends nothing.)
                    self.pos = start
                    self._close_implied(tag)
                if info is None and not bits & _IS_SLASHED and len(stack) < MAX_DEPTH:
                    if not bits & _IS_SPECIAL:  # an inline tag: only its nesting matters
                        stack.append(tag)
                        flags.append(flags[-1] & ~_INLINE if flags else 0)
                        continue
                    top = flags[-1] if flags else 0
                    if bits & _IS_PLAIN_BLOCK:
                        if not top & _HIDDEN:
                            self.pos = start
                            self._break()
                        stack.append(tag)
                        flags.append(top & ~_INLINE)
                        continue
                    if bits & _IS_CELL and self.tables and not self.nested and not top & _HIDDEN:
                        self._cell(1, 1)
                        stack.append(tag)
                        flags.append(top & _FONT)
                        self.cells += 1
                        continue
                    if tag == "tr" and self.tables and not self.nested and not top & _HIDDEN:
                        self._row()
                        stack.append(tag)
                        flags.append(top & _FONT)
                        continue
                self.pos = start
                attrs = info or _NO_ATTRIBUTES
                if raw.endswith("/") and (len(raw) == 1 or raw[-2] in " \t\n\r\f\"'"):
                    self.handle_startendtag(tag, bits, attrs)
                else:
                    self.handle_starttag(tag, bits, attrs)
                    if tag in _SCRIPT_END:
                        i = self._script(tag, i)
            elif kind == 3:  # end tag
                if stack and stack[-1] == tag and not bits & _IS_SPECIAL_END:
                    stack.pop()
                    top = flags.pop()
                    if not bits & _IS_SPECIAL:
                        continue
                    if bits & _IS_CELL:
                        self.cells -= 1
                    elif top & _INLINE or not bits & _IS_BLOCK:
                        continue
                    if not top & _HIDDEN:
                        self.pos = start
                        self._break()
                else:
                    self.pos = start
                    self.handle_endtag(tag)
            elif kind == 4:  # character reference
                self.pos = start
                self._reference(decoded, i)
            else:  # "<" or "&" that starts no tag or reference
                if not unclosed and _TAG_OPEN.match(text, start):
                    unclosed = True  # an unclosed tag: see _AT_MARK_NO_TAGS
                    markup = _AT_MARK_NO_TAGS.match
                i = self._other(start)
        self.pos = n
        self.close()

    def _find(self, what: str, pattern: re.Pattern[str] | str, start: int) -> int:
        """Where ``pattern`` ends after ``start``, or -1; a search that failed is not redone.

        A search that finds nothing from an offset finds nothing from any later one, so an
        input of a million unclosed comments is searched to its end once, not per comment.
        """
        if self._missing.get(what, len(self.text) + 1) <= start:
            return -1
        if isinstance(pattern, str):
            found = self.text.find(pattern, start)
            end = -1 if found == -1 else found + len(pattern)
        else:
            match = pattern.search(self.text, start)
            end = -1 if match is None else match.end()
        if end == -1:
            self._missing[what] = start
        return end

    def _other(self, i: int) -> int:
        """What starts with "<" or "&" and is no tag or reference; the offset after it.

        Comments, declarations, marked sections and processing instructions produce no
        text. One that is never closed, a lone "<" or "&", and a tag broken by a "<" inside
        it are text, as ``html.parser`` reads them.
        """
        text = self.text
        end = -1
        if text.startswith("<!--", i):
            end = self._find("comment", _COMMENT_END, i + 4)
        elif text.startswith("<![", i):
            name = _SECTION_NAME.match(text, i + 3)
            closing = _SECTION_END.get(name.group().lower()) if name else None
            if closing is not None:
                end = self._find(closing.pattern, closing, i + 3)
            else:
                end = self._find(">", ">", i + 2)
        elif text.startswith("<!", i) or text.startswith("<?", i):
            end = self._find(">", ">", i + 2)
        elif text.startswith("</>", i):
            end = i + 3
        elif text.startswith("</", i) and not text[i + 2 : i + 3].isalpha():
            end = self._find(">", ">", i + 2)
        if end != -1:
            return end
        if text[i] == "<" and text.startswith(("<!", "<?", "</"), i):
            # Never closed: text up to the next ">" (or the next "<").
            gt = self._find(">", ">", i + 1)
            lt = text.find("<", i + 1) if gt == -1 else -1
            end = gt if gt != -1 else (lt if lt != -1 else i + 1)
        else:
            end = i + 1
        self.pos = i
        self.handle_data(text[i:end])
        return end

    def _script(self, tag: str, start: int) -> int:
        """The text of a script or style element, which is no markup; the offset after it."""
        closing = _SCRIPT_END[tag]
        match = closing.search(self.text, start)
        if match is None:
            return len(self.text)  # never closed: the rest is the script's
        self.pos = start
        if match.start() > start:
            self.handle_data(self.text[start : match.start()])
        self.pos = match.start()
        self.handle_endtag(tag)
        return match.end()

    @property
    def _hidden(self) -> bool:
        flags = self.flags
        return bool(flags[-1] & _HIDDEN) if flags else False

    @property
    def _symbol_font(self) -> int:
        """The symbol font in force (0: none): its letters may print check boxes."""
        flags = self.flags
        return (flags[-1] & _FONT) >> _FONT_SHIFT if flags else 0

    @property
    def _in_table(self) -> bool:
        return bool(self.tables) and not self.nested

    # ---- output ----

    def _add(self, text: str, start: int, end: int, hard: bool = False) -> None:
        """Add text standing for ``[start, end)``; a plain space (not ``hard``) collapses."""
        pieces = self.current.pieces
        if text == " " and not hard and (not pieces or _ends_in_space(pieces[-1].text)):
            return  # white space collapses: none at a line's start, never two in a row
        pieces.append(Piece(text, self.base + start, self.base + end))
        if len(pieces) > self.max_pieces:
            self._shorten()

    def _shorten(self) -> None:
        """Hold fewer pieces of the line being read.

        A long line must not cost an object per word until it ends. Outside tables the
        line is written up to its last word (its trailing blanks go if it ends there); in
        a table cell or ``<pre>``, whose lines are laid out or checked whole, its pieces
        up to its last word are merged into one. A run of trailing blanks (no-break
        spaces do not collapse) is merged into one blank piece. The line's text stays as
        it was; a merged piece maps its text to the span of the pieces it replaces.
        """
        pieces = self.current.pieces
        if (
            self.escaped
            and self.partial is None
            and len(pieces) <= 2 * self.max_pieces
            and sum(len(p.text) for p in pieces) <= _SGML_LINE
        ):
            return  # it may be SGML written with entities, which is set aside whole
        if not self.pre and self.partial is None:
            _strip_start(pieces)  # the line's leading blanks, which it drops anyway
        lead = 0
        while lead < len(pieces) and _is_blank(pieces[lead].text):
            lead += 1
        last = len(pieces) - 1
        while last >= lead and _is_blank(pieces[last].text):
            last -= 1
        if not (self.tables or self.pre):
            if last > 0:
                self._write_pieces(pieces[:last])
                del pieces[:last]
                self.partial = True
                last = 0
        elif last > lead:
            # Pieces that follow one another in the original, each its text, join exactly;
            # a line that stays long (thousands of pieces, only hostile input has them) is
            # merged whole, its text then mapping to the span of all of it.
            joined = _joined(pieces[lead : last + 1])
            if len(joined) > _MERGED_PIECES:
                joined = [_merged(joined)]
            pieces[lead : last + 1] = joined
            last = lead + len(joined) - 1
        if len(pieces) - last > self.max_pieces // 2:
            pieces[last + 1 :] = [_merged(pieces[last + 1 :])]

    def _space(self) -> None:
        offset = self._offset()
        self._add(" ", offset, offset)

    def _break(self) -> None:
        """A block boundary: a new line, or a new line inside the table cell."""
        if self.tables and not self.nested:
            current = self.current
            if current.pieces:  # (most breaks in a cell come with nothing written since)
                self.held += len(current.pieces)
                current.newline()
            return
        pieces = self.current.pieces
        if not pieces and not self.partial and self.last_empty and not self.tables:
            # Nothing to write and nothing written since the last break (most breaks:
            # nested blocks open and close together). Outside tables the empty line
            # holder is as good as a new one: no table holds it.
            self.partial = None
            return
        if self.partial:
            while pieces and _is_blank(pieces[-1].text):
                pieces.pop()
            self._write_pieces(pieces)
            self._write(self.base + self.pos, written=True)
        elif pieces:
            _strip(pieces)
            if self.escaped and self._escaped_sgml(pieces):
                return
        self.escaped = False
        if not self.partial and (pieces or not self.last_empty):
            self._write_run(pieces, self.base + self.pos)
        self.partial = None
        if self.tables:
            self.current = _Cell()
        else:
            # Outside tables no row holds the cell (nor its lines: it has one), and the
            # written pieces go with the line: a new list is as good as a new cell.
            self.current.pieces = []

    def _escaped_sgml(self, pieces: list[Piece]) -> bool:
        """Set a line aside that is an ASCII filing's SGML written with entities.

        "&lt;PAGE&gt;" prints "<PAGE>": a filer that turned a text filing into HTML kept its
        page markers as text. Such a line is set aside as the plain-text normaliser sets
        aside "<PAGE>" (a page marker also ends a page); any other line is written.
        """
        self.escaped = False
        kind = _sgml_line("".join(p.text for p in pieces))
        if kind is None:
            return False
        self.noise.append(Noise(kind, Span(pieces[0].start, pieces[-1].end)))
        if kind == "page-marker":
            self._page_break(False)
        self.partial = None
        self.current = _Cell()
        return True

    def _write_pieces(self, pieces: list[Piece]) -> None:
        """Write the first pieces of a long line."""
        self.builder.replace_many(pieces)

    def _write_line(self, line: list[Piece], width: int, run: list[Piece] | None, at: int) -> None:
        """Write a table's line: its pieces laid out (``width`` characters), a newline at ``at``.

        ``run``: the pieces of its one cell with text, where only one has (see _Written).
        """
        self._write_pieces_line(line, Piece("\n", at, at), run, width)

    def _write(self, at: int, written: bool = False, end: int | None = None) -> None:
        """Write a line with no text here: a newline at ``at``.

        ``written``: the line's text is written already (a long line, see :meth:`_shorten`).
        ``end``: the newline stands for ``[at, end)``, the line end it reads.
        """
        number = self.count
        self.count += 1
        self.last_empty = not written
        if written:
            self.printed += 1
            written_line = _Written(number, None, 0, 0)
            self._remember(written_line)
        self.builder.replace("\n", at, at if end is None else end)

    def _write_run(self, pieces: list[Piece], at: int, end: int | None = None) -> None:
        """Write a line of one run of pieces at the line's start, as most lines are.

        The newline goes to the builder with the pieces, added to their list for the call:
        a copy of the list per line, as a table's padded line is (_write_line), is not needed.
        """
        if not pieces:
            self._write(at, end=end)
            return
        self._write_pieces_line(pieces, Piece("\n", at, at if end is None else end), pieces, -1)

    def _write_pieces_line(
        self, pieces: list[Piece], newline: Piece, run: list[Piece] | None, width: int
    ) -> None:
        """Write a line of ``pieces`` and its ``newline`` in one call to the builder.

        The newline goes on the list for the call and comes off it after. ``run``: what
        the line remembers of its pieces (see _Written); ``width``: the line's length in
        characters, or -1 for what the pieces wrote.
        """
        builder = self.builder
        number = self.count
        self.count += 1
        self.last_empty = False
        self.printed += 1
        begin = builder.length
        pieces.append(newline)
        builder.replace_many(pieces)
        pieces.pop()
        end = builder.length - 1 if width < 0 else begin + width
        self._remember(_Written(number, run, begin, end))

    def _remember(self, line: _Written) -> None:
        """Keep a line among the last few written (the list is trimmed now and then).

        A line among the first after a page break is kept for good (``keep_next``).
        """
        recent = self.recent
        recent.append(line)
        if len(recent) >= 4 * _KEPT_BEFORE_BREAK:
            del recent[:-_KEPT_BEFORE_BREAK]
        if self.keep_next:
            self.keep_next -= 1
            self.kept[line.number] = line

    def keep_recent(self) -> None:
        """Keep the last :data:`_KEPT_BEFORE_BREAK` lines written: a page ends after them."""
        kept = self.kept
        for line in self.recent[-_KEPT_BEFORE_BREAK:]:
            kept[line.number] = line

    def _page_break(self, css: bool) -> None:
        """A page ends before the next line: keep the lines on each side of the break."""
        self.page_breaks.append(self.count)
        if css:
            self.css_breaks.append(self.count)
        self.keep_recent()
        self.keep_next = _KEPT_AFTER_BREAK

    # ---- tokenizer events ----

    def _close_implied(self, tag: str) -> None:
        """Close what the start tag ``tag`` ends though its end tag is left out.

        "<P>one<P>two" are two paragraphs, not one inside the other; so are two cells
        "<TD>a<TD>b" and two rows. Read nested, every unclosed paragraph of a 1990s HTML
        filing went one level deeper, and a long filing passed MAX_DEPTH: one with 314 of
        them lost the lines of its last third.
        """
        if tag in _CELL:
            self._close_open(_CELL, _ROW_SCOPE)
        elif tag == "tr":
            self._close_open(_ROWS, _TABLE_SCOPE)
        else:
            items = _LIST_ITEMS.get(tag)
            if items is not None:
                self._close_open(items, _ITEM_SCOPE)
            self._close_open(_PARAGRAPHS, _PARAGRAPH_SCOPE)

    def _close_open(self, targets: frozenset[str], scope: frozenset[str]) -> None:
        """Close the nearest open element of ``targets`` with no ``scope`` element inside.

        Only the top :data:`_IMPLIED_REACH` elements of the stack are searched.
        """
        stack = self.stack
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _IMPLIED_REACH), -1):
            name = stack[k]
            if name in targets:
                self.handle_endtag(name)
                return
            if name in scope:
                return

    def handle_starttag(
        self, tag: str, bits: int, attrs: tuple[str, str, int, int, str, str, int]
    ) -> None:
        """A start tag, its bits (_tag_kind) and what :func:`_tag_attributes` read of it."""
        if len(self.stack) >= MAX_DEPTH and not bits & _IS_VOID:
            if self.too_deep is None:
                self.too_deep = self._offset()
            return
        _, _, colspan, rowspan, name, context, looks = attrs
        if bits & _IS_FACT and len(self._open_facts) < MAX_DEPTH:
            self._open_facts.append((tag, name, context, []))
        hidden = self._hidden or bool(bits & _IS_HIDDEN_TAG) or bool(looks & _LOOKS_HIDDEN)
        wingdings = looks >> _LOOKS_FONT
        if not wingdings:
            wingdings = self._symbol_font
        if not hidden:
            self._open(tag, bits, colspan, rowspan, looks)
            self.pre += tag == "pre"
        if not bits & _IS_VOID:
            self.stack.append(tag)
            self.flags.append(
                (_HIDDEN if hidden else 0)
                | wingdings << _FONT_SHIFT
                | (_INLINE if looks & _LOOKS_INLINE else 0)
            )
            if bits & _IS_CELL:
                self.cells += 1

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

    def _open(self, tag: str, bits: int, colspan: int, rowspan: int, looks: int) -> None:
        if tag == "table":
            if self.tables and self.cells:
                self.nested += 1
                self._space()
            else:
                self._break()
                self._adopt(own_row=True)
                if not self.tables:
                    self.held = 0
                self.tables.append([])
                self.loose = True
        elif tag == "tr" and self._in_table:
            self._row()
        elif bits & _IS_CELL and self._in_table:
            self._cell(colspan, rowspan)
        elif (
            bits & _IS_CELL
            or (bits & _IS_BLOCK and not looks & _LOOKS_INLINE)
            or looks & _LOOKS_PAGE_BREAK
        ):
            self._break()
        if (tag == "hr" or looks & _LOOKS_PAGE_BREAK) and not self.tables:
            self._page_break(bool(looks & _LOOKS_PAGE_BREAK))

    def _row(self) -> None:
        """A table row starts."""
        self._adopt(own_row=True)
        self.held += 1
        if self.held > self.held_rows_and_cells and len(self.tables) == 1:
            self._lay_out(self.tables[-1])
            self.tables[-1].clear()
            self.held = 0
        self.tables[-1].append([])
        self.current = _Cell()
        self.loose = True

    def _cell(self, colspan: int, rowspan: int) -> None:
        """A table cell starts."""
        if self.loose:
            self._adopt(own_row=False)
        rows = self.tables[-1]
        if not rows:
            rows.append([])
        self.held += 1 + len(self.current.pieces)
        if len(rows[-1]) >= self.row_cells and len(self.tables) == 1:
            self._lay_out(rows)  # a row of thousands of cells goes on, on the next line
            rows.clear()
            rows.append([])
            self.held = 0
        self.current = _Cell(colspan, rowspan)
        rows[-1].append(self.current)

    def handle_startendtag(
        self, tag: str, bits: int, attrs: tuple[str, str, int, int, str, str, int]
    ) -> None:
        # "<td colspan="3" />" in XHTML: an empty element, which still takes its place.
        self.handle_starttag(tag, bits, attrs)
        if not bits & _IS_VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _FACT_TAGS and self._open_facts and self._open_facts[-1][0] == tag:
            _, name, context, parts = self._open_facts.pop()
            text = " ".join("".join(parts).split())
            # The same fact printed twice (same element, context and text) is one fact.
            if name.startswith("dei:") and (name, context, text) not in self._seen_facts:
                self._seen_facts.add((name, context, text))
                self.facts.append((name[4:], text))
        stack = self.stack
        flags = self.flags
        if stack and stack[-1] == tag:
            stack.pop()
            top = flags.pop()
            self.cells -= tag in _CELL
        else:
            for i in range(len(stack) - 2, -1, -1):
                if stack[i] == tag:
                    top = flags[i]
                    self.cells -= sum(name in _CELL for name in stack[i:])
                    del stack[i:]
                    del flags[i:]
                    break
            else:
                return  # an end tag that closes nothing open
        hidden = bool(top & _HIDDEN)
        inline = bool(top & _INLINE)
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
        if self._symbol_font or _has_glyph(data):
            self._runs(data, start)
            return
        # Line ends and tabs become spaces one for one, so a run of text with single
        # spaces stays one piece mapped character by character; only longer gaps collapse.
        text = _white(data)
        if "  " not in text and "\xa0" not in text:
            self._words(text, start)
            return
        position = 0
        for gap_start, gap_end in _gaps(text):
            if gap_start > position:
                self._words(text[position:gap_start], start + position)
            a, b = start + gap_start, start + gap_end
            if text[gap_start] == "\xa0" and not self._in_table:
                self._add(" " * (b - a), a, b, hard=True)  # no-break spaces keep their width
            else:
                self._add(" ", a, b)
            position = gap_end
        if position < len(text):
            self._words(text[position:], start + position)

    def _preformatted(self, data: str, start: int) -> None:
        """Text inside <pre>: each line ends a line, spaces keep their width.

        A plain-text filing wrapped in HTML then reads as the same text would (tabs too).
        """
        for match in _PRE_LINES.finditer(data):
            piece = match.group()
            if piece in ("\n", "\r\n", "\r"):
                self._pre_break(start + match.start(), len(piece))
            elif _has_glyph(piece) or self._symbol_font:
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

    def _pre_break(self, at: int, width: int = 0) -> None:
        """The end of a line inside <pre>: the line is kept, blank or not, indent and all.

        A line of an ASCII filing's SGML (a page marker, table tags) is set aside whole, as
        the plain-text normaliser sets it aside; a page marker also ends a page.
        """
        pieces = self.current.pieces
        while pieces and _is_blank(pieces[-1].text):
            pieces.pop()
        self.current = _Cell()
        kind = _sgml_line("".join(p.text for p in pieces))
        if kind is None:
            # The newline stands for the line end it reads (one segment with the line's
            # text where that is "\n"), or for the point where the <pre> ends.
            self._write_run(pieces, self.base + at, self.base + at + width)
            self.pre_lines += bool(pieces)
            return
        self.noise.append(Noise(kind, Span(pieces[0].start, pieces[-1].end)))
        if kind == "page-marker":
            self._page_break(False)

    def _words(self, text: str, start: int) -> None:
        """Words with single spaces between them: one piece (a leading space may collapse)."""
        # (ord() of a character is read off the string, compiled: no call, no object.)
        if text and ord(text[0]) == 32:
            self._add(" ", start, start + 1)
            text, start = text[1:], start + 1
        if text and ord(text[-1]) == 32:  # a space of its own, which a line's end strips
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
        wingdings = self._symbol_font
        if not wingdings and not any(c in _UNCHECKED or c in _CHECKED for c in piece):
            self._add(piece, start, start + len(piece))
            return
        for i, char in enumerate(piece):
            self._char(char, start + i, start + i + 1)

    def _char(self, char: str, start: int, end: int) -> None:
        """One character printed from ``[start, end)``: a check box, or itself."""
        wingdings = self._symbol_font
        unchecked = char in _UNCHECKED
        checked = char in _CHECKED
        if wingdings == _WINGDINGS:
            unchecked = unchecked or char in _WINGDINGS_UNCHECKED
            checked = checked or char in _WINGDINGS_CHECKED
        elif wingdings == _WINGDINGS_2:
            unchecked = unchecked or char in _WINGDINGS_2_UNCHECKED
            checked = checked or char in _WINGDINGS_2_CHECKED
        elif wingdings == _WP_TYPOGRAPHIC:
            unchecked = unchecked or char in _WP_TYPOGRAPHIC_UNCHECKED
        if unchecked or checked:
            # Two spaces on each side: a check box is a cell of its own.
            self._add("  ", start, start, hard=True)
            self._add("[X]" if checked else "[ ]", start, end)
            self._add("  ", end, end, hard=True)
        else:
            self._add(char, start, end)

    def _reference(self, decoded: str, end: int) -> None:
        """A character reference, ``&name;`` or ``&#number;``, ending at ``end``."""
        for *_, parts in self._open_facts:
            parts.append(decoded)
        if self._hidden:
            return
        start = self.pos
        if decoded == "<":
            self.escaped = True  # the line may be SGML written with entities
        if decoded == "\xa0" and not self._in_table:
            self._add(" ", start, end, hard=True)
        elif decoded.isspace() or (len(decoded) == 1 and decoded in _INVISIBLE):
            self._add(" ", start, end)  # "&#8203;" is written as the character would be
        elif len(decoded) == 1:
            self._char(decoded, start, end)
        else:
            self._add(decoded, start, end)

    # ---- tables ----

    def _table(self, rows: list[list[_Cell]]) -> None:
        """Lay a finished table out, then a blank line."""
        self._lay_out(rows)
        self._write(self.base + self._offset())  # a blank line after the table
        self.current = _Cell()
        self.loose = bool(self.tables)  # back in the outer table, outside its cells

    def _lay_out(self, rows: list[list[_Cell]]) -> None:
        """Write rows of a table: each row's cells padded to their columns' widths.

        Cells take their grid columns as HTML lays them out: a cell spans ``colspan``
        columns, and one with ``rowspan`` keeps its columns taken in the rows below.
        """
        # Each cell's grid column is kept on the cell: a (column, cell) tuple per cell, and
        # one per run of each line, cost their making and freeing.
        taken: dict[int, int] = {}  # column -> rows it stays taken for
        for row in rows:
            column = 0
            for cell in row:
                if taken:
                    while taken.get(column, 0) > 0:
                        column += 1
                cell.column = column
                if cell.rowspan > 1:
                    for c in range(column, column + cell.colspan):
                        taken[c] = max(taken.get(c, 0), cell.rowspan)
                column += cell.colspan
            if taken:
                taken = {c: n - 1 for c, n in taken.items() if n > 1}
        widths: list[int] = []
        spanning: list[tuple[int, int, int]] = []  # (column, colspan, width)
        for row in rows:
            for cell in row:
                width = cell.finish()
                column = cell.column
                span = cell.colspan
                while len(widths) < column + span:
                    widths.append(0)
                if span == 1:
                    if width > widths[column]:
                        widths[column] = width
                else:
                    spanning.append((column, span, width))
        for column, span, width in spanning:
            room = sum(widths[column : column + span]) + _COLUMN_GAP * (span - 1)
            if width > room:
                widths[column + span - 1] += width - room
        starts: list[int] = []
        position = 0
        for width in widths:
            starts.append(position)
            position += width + _COLUMN_GAP
        at = self.base + self._offset()
        for row in rows:
            depth = 1
            for cell in row:
                if cell.lines is not _ONE_LINE and len(cell.lines) > depth:
                    depth = len(cell.lines)
            for index in range(depth):
                # The line's pieces: each cell's after the padding that takes it to its
                # column (no wider than the padding left allows).
                line: list[Piece] = []
                position = 0
                runs = 0
                run: list[Piece] = []
                first = 0  # the column of the first run
                for cell in row:
                    lines = cell.lines
                    if lines is _ONE_LINE:
                        if index:
                            continue
                        pieces = cell.pieces
                    elif index < len(lines):
                        pieces = lines[index]
                    else:
                        continue
                    if not pieces:
                        continue
                    column = starts[cell.column]
                    if not runs:
                        first = column
                        run = pieces
                    runs += 1
                    if column > position:
                        gap = column - position
                        if gap > self.padding:
                            gap = min(gap, _COLUMN_GAP)
                        self.padding -= gap
                        line.append(Piece(" " * gap, pieces[0].start, pieces[0].start))
                        position += gap
                    for piece in pieces:
                        line.append(piece)
                        position += len(piece.text)
                if runs == 1 and first == 0:
                    self._write_run(run, at)
                elif runs:
                    self._write_line(line, position, run if runs == 1 else None, at)
                else:
                    self._write(at)

    def close(self) -> None:
        """Finish: lay out tables left open, end the last line."""
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


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``: the words of a line with one space between them.

    The reader writes most lines so already (white space collapses as it reads), and a
    line can be a whole paragraph: one whose only white space is single spaces between
    words is itself. Every white space character but the space is unprintable, so a
    printable text with no two spaces together and none at either end is told at C speed
    where splitting it made a string per word.
    """
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())


class _Pages:
    """The lines with text kept near page breaks, and those set aside among them."""

    def __init__(self, kept: dict[int, _Written], count: int) -> None:
        self.kept = kept
        self.numbers = sorted(kept)
        self.count = count  # lines written in all
        self.aside: dict[int, str] = {}  # line number -> noise kind
        # _words by index: the three passes ask for the same lines, and a line of an HTML
        # document can be a whole paragraph.
        self._read: dict[int, tuple[int, str] | None] = {}
        # Where a run of lines set aside ends, by index, each way: a walk over a run is
        # made once and then jumped (a document of thousands of pages whose every last
        # line is set aside walked the whole run back from each page break).
        self._up: dict[int, int] = {}
        self._down: dict[int, int] = {}

    def top(self, k: int) -> tuple[int, str] | None:
        """The first line from line ``k`` on with text, and its words, where it is one run."""
        return self._words(self._skip(bisect.bisect_left(self.numbers, k), 1, self._up))

    def bottom(self, at: int) -> tuple[int, str] | None:
        """The last line before line ``at`` with text, and its words, where it is one run."""
        i = bisect.bisect_left(self.numbers, min(at, self.count)) - 1
        return self._words(self._skip(i, -1, self._down))

    def _skip(self, i: int, step: int, jumps: dict[int, int]) -> int:
        """The first index from ``i`` on (by ``step``) whose line is not set aside."""
        numbers = self.numbers
        passed: list[int] = []
        while 0 <= i < len(numbers) and numbers[i] in self.aside:
            passed.append(i)
            i = jumps.get(i, i + step)
        for k in passed:
            jumps[k] = i  # lines are only ever added to those set aside: a jump stays past
        return i

    def _words(self, i: int) -> tuple[int, str] | None:
        if not 0 <= i < len(self.numbers):
            return None
        if i in self._read:
            return self._read[i]
        text = self.kept[self.numbers[i]].text
        words = None if text is None else (self.numbers[i], _single_spaced(text))
        self._read[i] = words
        return words

    def set_aside(self, k: int, kind: str) -> Noise:
        """Set line ``k`` aside as noise of ``kind``."""
        self.aside[k] = kind
        return Noise(kind, self.kept[k].span)


_PAGE_NUMBER: Final = re.compile(r"(?i)^\s*(?:page\s+)?(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")


def _page_numbers(pages: _Pages, breaks: list[int]) -> list[Noise]:
    """Take out the page numbers printed just before a page break or at the very end."""
    noise: list[Noise] = []
    for at in [*breaks, pages.count]:
        bottom = pages.bottom(at)
        # (Matched in its words, which read as its text does: the pattern takes any run
        # of white space where it takes one.)
        if bottom and _PAGE_NUMBER.match(bottom[1]):
            noise.append(pages.set_aside(bottom[0], "page-number"))
    return noise


# A link back to the table of contents that a filer agent prints at the top of every page.
_RUNNING_TOC: Final = re.compile(r"(?i)^\s*(?:back\s+to\s+)?table\s+of\s+contents\s*$")


def _running_headers(pages: _Pages, breaks: list[int], printed: list[int]) -> list[Noise]:
    """Take out the lines printed first on a page as on every page.

    Those are a line that opens, word for word, two or more of the pages that follow a
    page break and at least half of them (the filer's name, the form's title: a running
    header; a heading that opens a few pages of a long report is no header), and then a
    "Table of Contents" link, which a page may have alone. Pages are counted at the
    ``printed`` page breaks (CSS ones) where there are any: a rule (``<hr>``) under a
    cover's line ends no page.
    """
    tops = [top for at in printed or breaks if (top := pages.top(at))]
    opens: dict[str, int] = {}
    for _, text in set(tops):
        opens[text] = opens.get(text, 0) + 1
    headers = {text for text, n in opens.items() if n >= 2 and n * 2 >= len(set(tops))}
    after_break = {k for k, _ in tops}
    noise: list[Noise] = []
    for at in [0, *breaks]:
        top = pages.top(at)
        if top and top[1] in headers and top[0] in after_break and not _RUNNING_TOC.match(top[1]):
            noise.append(pages.set_aside(top[0], "running-header"))
            top = pages.top(top[0] + 1)
        if top and _RUNNING_TOC.match(top[1]):
            noise.append(pages.set_aside(top[0], "running-header"))
    return noise


def _running_footers(pages: _Pages, breaks: list[int], printed: list[int]) -> list[Noise]:
    """Take out the lines printed last on a page as on every page.

    The mirror of a running header: a line that closes, word for word, two or more pages
    and at least half of them, the last page included (a confidentiality legend, the
    filer's name at the foot of each page).
    """
    ends = [*(printed or breaks), pages.count]  # the last page has its footer too
    bottoms = [bottom for at in dict.fromkeys(ends) if (bottom := pages.bottom(at))]
    closes: dict[str, int] = {}
    for _, text in set(bottoms):
        closes[text] = closes.get(text, 0) + 1
    footers = {
        text
        for text, n in closes.items()
        if n >= 2 and n * 2 >= len(set(bottoms)) and any(c.isalnum() for c in text)
    }  # (a rule under each page's last line is a rule, read as one)
    noise: list[Noise] = []
    for k, text in bottoms:
        if text in footers and k not in pages.aside:
            noise.append(pages.set_aside(k, "running-footer"))
    return noise


def normalize_html(
    original: str, payload: Span, sink: DiagnosticSink | None = None
) -> NormalizedDocument:
    """Normalise the HTML document at ``original[payload.start:payload.end]``.

    Nesting deeper than :data:`MAX_DEPTH` is reported to ``sink`` (NRM001).
    """
    reader = _Reader(original[payload.start : payload.end], payload.start)
    reader.read()
    if reader.too_deep is not None and sink is not None:
        at = payload.start + reader.too_deep
        sink.report(
            NRM_TOO_DEEP,
            f"HTML elements nest deeper than {MAX_DEPTH} levels; deeper tags are read as absent",
            Span(at, at + 1),
        )
    reader.keep_recent()  # the end of the document ends its last page
    pages = _Pages(reader.kept, reader.count)
    noise = reader.noise + _page_numbers(pages, reader.page_breaks)
    noise += _running_headers(pages, reader.page_breaks, reader.css_breaks)
    noise += _running_footers(pages, reader.page_breaks, reader.css_breaks)
    builder = reader.builder
    builder.cut([reader.kept[k].cut for k in pages.aside])
    if not reader.count:
        builder.replace("\n", payload.end, payload.end)
    text, source_map = builder.build()
    # Mostly <pre>: a plain-text filing in HTML, whose blank lines a typist put there.
    printed = reader.printed - len(pages.aside)
    return NormalizedDocument(
        text,
        source_map,
        tuple(noise),
        kind="html",
        facts=tuple(reader.facts),
        paragraph_spacing=reader.pre_lines * 2 < printed,
    )
