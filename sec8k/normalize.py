r"""Stage 3, normalise: the text the grammar reads, and a map back to the original.

For a plain-text document: line ends become "\n"; tabs are expanded to 8-column stops (the
cover page's columns must line up); no-break and other Unicode spaces become spaces; form
feeds, ``<PAGE>`` markers, the page numbers printed just before them and the SGML table
tags of ASCII filings (``<TABLE>``, ``<CAPTION>``, ``<S>``, ``<C>``, ``<FN>``) are set aside
as :class:`~sec8k.model.Noise`. Lines made only of noise are removed whole; tags inside a
line become spaces so that the columns after them do not move. Nothing else changes. A
document typed double-spaced (nearly every line followed by a blank one) is marked as
having paragraph spacing, as HTML has (:attr:`NormalizedDocument.paragraph_spacing`).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from sec8k.model import Noise
from sec8k.span import NARROW_LIMIT, SourceMap, SourceMapBuilder, Span

__all__ = ["PAGE_MARKER_LINE", "TABLE_TAG_LINE", "NormalizedDocument", "normalize_text"]


@dataclass(frozen=True, slots=True, init=False)
class NormalizedDocument:
    """What the grammar reads."""

    text: str
    """Normalised text: "\n" line ends, no tabs, ends with a newline."""
    source_map: SourceMap
    """Maps offsets of ``text`` to offsets of the original."""
    noise: tuple[Noise, ...]
    """What was set aside."""
    kind: str = "text"
    """``"text"`` or ``"html"``: what the document was."""
    facts: tuple[tuple[str, str], ...] = ()
    """Inline XBRL ``dei:`` facts of an HTML document: (element name, text), in order."""
    paragraph_spacing: bool = False
    """Whether blank lines are the spacing between paragraphs (HTML paragraphs), which a
    reader crosses, rather than the separators a typist put between groups of lines (plain
    text, and HTML that is mostly ``<pre>``)."""

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(
        self,
        text: str,
        source_map: SourceMap,
        noise: tuple[Noise, ...],
        kind: str = "text",
        facts: tuple[tuple[str, str], ...] = (),
        paragraph_spacing: bool = False,
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "source_map", source_map)
        object.__setattr__(self, "noise", noise)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "facts", facts)
        object.__setattr__(self, "paragraph_spacing", paragraph_spacing)

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalised range ``[start, end)``."""
        return self.source_map.span(start, end)


# A tag of the SGML that ASCII filings carry: page markers and table markup. The literal
# "<" lets the regex engine skip to candidates quickly.
_MARKUP: Final = re.compile(r"<(?i:/?(?:page|table|caption|s|c|fn))>")
# A line that is only a page marker, perhaps with the page number before or after it:
# "<PAGE>", "<PAGE>   3", "-1-<PAGE>", "</page>". The HTML normaliser sets the same lines
# aside inside <pre>, where a plain-text filing wrapped in HTML keeps them.
PAGE_MARKER_LINE: Final = re.compile(
    r"[ \t\f]*(?:-?[ \t]*\d{1,3}[ \t]*-?[ \t]*)?<(?i:/?page)>[ \t\f]*\d*[ \t\f]*\r?"
)
# A line that is only table tags: "<TABLE>", "<S>      <C>      <C>".
# (Possessive: a line of a million tags is matched without a saved state per tag.)
TABLE_TAG_LINE: Final = re.compile(r"[ \t\f]*(?:<(?i:/?(?:table|caption|s|c|fn))>[ \t\f]*)++\r?")
# A page number on a line of its own: "2", "- 8 -", "-2-", "Page 3", and the stray "PAGE".
# (The indent is taken whole, "*+": nothing after it starts with a blank, and a line that
# is no page number is then given up once, not once per blank of its indent.)
_PAGE_NUMBER: Final = re.compile(
    r"[ \t]*+(?:(?:-[ \t]*|(?i:page)[ \t]+)?\d{1,3}\.?(?:[ \t]*-)?|PAGE)[ \t]*\r?"
)
_LONE_CR: Final = re.compile(r"\r(?!\n)")


def _line_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """Start of the line holding ``pos``, and the end of its newline (or ``hi``)."""
    start = text.rfind("\n", lo, pos) + 1 if pos > lo else lo
    start = max(start, lo)
    end = text.find("\n", pos, hi)
    return start, (hi if end == -1 else end + 1)


def _previous_line(text: str, start: int, lo: int) -> tuple[int, int] | None:
    """The last non-blank line before the line starting at ``start``, not before ``lo``.

    Callers pass the end of the previous page break as ``lo``: a page number belongs to the
    page that ends, and the walk back over blank lines stays within one page (a file of
    form feeds alone would otherwise be walked back to its start once per form feed).
    """
    end = start
    while end > lo:
        line_start = max(text.rfind("\n", lo, end - 1) + 1, lo)
        if text[line_start : end - 1].strip():
            return line_start, end
        end = line_start
    return None


# Page markers, page numbers and table-tag lines set aside in one document: this many, and
# one more for every 512 characters. Past that they stay in the text, read as any line is:
# each one set aside is a noise node (about 250 bytes while it is made), so a file of
# nothing but "<PAGE>" lines would cost 38 bytes per input byte. Real filings set aside at
# most 246 (a 240 KB 1994 filing), at most one per 225 characters.
_NOISE_LINES: Final = 4096
_NOISE_SPACING: Final = 512


def _noise_edits(text: str, lo: int, hi: int) -> list[tuple[int, int, str | None, str]]:
    """Removals and blankings of page markers, page numbers, table tags and form feeds."""
    edits: list[tuple[int, int, str | None, str]] = []
    budget = _NOISE_LINES + (hi - lo) // _NOISE_SPACING
    done_line = -1
    floor = lo  # where the page being closed begins: the end of the previous break's line
    bounds = (lo, lo)  # the last line looked up: a long line of tags is found once, not per tag

    def line_of(pos: int) -> tuple[int, int]:
        nonlocal bounds
        if not bounds[0] <= pos < bounds[1]:
            bounds = _line_bounds(text, pos, lo, hi)
        return bounds

    def page_number_before(line_start: int) -> None:
        # The page number, and a stray "PAGE" between it and the marker (seen in 1994).
        for _ in range(2):
            previous = _previous_line(text, line_start, floor)
            if not (previous and _PAGE_NUMBER.fullmatch(text, previous[0], previous[1] - 1)):
                return
            edits.append((previous[0], previous[1], None, "page-number"))
            line_start = previous[0]

    # Each "<" is found with str.find and the tag matched there: a regular expression's
    # search for its literal "<" reads the text a character at a time (3.4 instructions a
    # character, measured), str.find runs as memchr does.
    start = text.find("<", lo, hi)
    while start != -1:
        match = _MARKUP.match(text, start, hi)
        if match is None:
            start = text.find("<", start + 1, hi)
            continue
        if len(edits) >= budget:
            break
        end = match.end()
        line_start, line_end = line_of(start)
        content_end = line_end - 1 if text[line_end - 1 : line_end] == "\n" else line_end
        if line_start == done_line:
            start = text.find("<", end, hi)
            continue
        # Only a page tag starts with "p" (no other character folds to it). A line that is
        # a page marker holds one "<", and a line of table tags no page tag: the tag found
        # tells which of the two patterns could match its line.
        is_page = text[start + 1 + (text[start + 1] == "/")] in "pP"
        if is_page and PAGE_MARKER_LINE.fullmatch(text, line_start, content_end):
            page_number_before(line_start)
            edits.append((line_start, line_end, None, "page-marker"))
            done_line = line_start
            floor = line_end
        elif not is_page and TABLE_TAG_LINE.fullmatch(text, line_start, content_end):
            edits.append((line_start, line_end, None, "table-tag"))
            done_line = line_start
        else:
            kind = "page-marker" if is_page else "table-tag"
            if edits and edits[-1][1] == start and edits[-1][2] == "" and edits[-1][3] == kind:
                edits[-1] = (edits[-1][0], end, "", kind)  # the tag right after: one run
            else:
                edits.append((start, end, "", kind))  # "": blanked, spaces for characters
        start = text.find("<", end, hi)
    floor = lo
    blank = (-1, False)  # (line start, whether the line is only form feeds and blanks)
    position = text.find("\f", lo, hi)
    while position != -1:
        line_start, line_end = line_of(position)
        page_number_before(line_start)
        if blank[0] != line_start:
            blank = (line_start, not text[line_start:line_end].strip(" \t\f\r\n"))
        if not blank[1]:
            edits.append((position, position + 1, None, "form-feed"))
        else:  # a line of nothing but the form feed goes whole
            edits.append((line_start, line_end, None, "form-feed"))
        floor = max(floor, line_start)
        position = text.find("\f", position + 1, hi)
    differences = _statement_of_differences(text, lo, hi)
    if differences is not None:
        edits.append((differences, hi, None, "statement-of-differences"))
        hi = differences
    # A page number on the document's last line. (Its end is found a character at a time
    # from the document's end: rstrip() of a slice would copy the whole document.)
    last_end = hi
    while last_end > lo and text[last_end - 1].isspace():
        last_end -= 1
    if last_end > lo:
        last_start = max(text.rfind("\n", lo, last_end) + 1, lo)
        if _PAGE_NUMBER.fullmatch(text, last_start, last_end):
            edits.append((last_start, last_end, None, "page-number"))
    return edits


# EDGAR's statement of the characters its conversion could not keep, which it added at
# the end of a plain-text document: under the heading "STATEMENT OF DIFFERENCES" (and its
# underline), one line per character, "The trademark symbol shall be expressed as ....'TM'".
_DIFFERENCES_HEADING: Final = "STATEMENT OF DIFFERENCES"
_EXPRESSED: Final = re.compile(r"The [^\n]{1,80}? shall be expressed as[ .]*'[^'\n]{1,20}'")


def _statement_of_differences(text: str, lo: int, hi: int) -> int | None:
    """Where EDGAR's statement of differences starts, if it ends the document; else None.

    The heading alone on its line, then nothing but its underline, blank lines and at
    least one statement, to the document's end.
    """
    at = text.rfind(_DIFFERENCES_HEADING, lo, hi)
    if at < 0:
        return None
    start = max(lo, text.rfind("\n", lo, at) + 1)
    # Read a line at a time, without a copy of the rest: the first line that is not the
    # statement's ends the search, however long the document goes on.
    statements = 0
    pos = start
    while pos < hi:
        end = text.find("\n", pos, hi)
        if end < 0:
            end = hi
        line = text[pos:end].strip()
        if pos == start:
            if line != _DIFFERENCES_HEADING:
                return None
        elif _EXPRESSED.fullmatch(line):
            statements += 1
        elif line.strip("-"):
            return None
        pos = end + 1
    return start if statements else None


# A plain-text document is double-spaced (its blank lines are paragraph spacing, as in
# HTML) when at least this share of its first 40 lines of text have a blank line after
# them. Typed filings put blank lines between groups: in the corpus's 59 text documents at
# most 58% of those lines have one (59% in a 1999 filing of the unseen dev set); in the
# text the HTML normaliser makes of the corpus's cover pages, 80% or more of them for
# most, down to 60% where tables and <br> lines abut. The cover reader does not depend on
# a sharp line: with the threshold at 45%, no corpus or dev-set filing reads differently.
_DOUBLE_SPACED: Final = 0.6
_SPACING_SAMPLE: Final = 40


def _double_spaced(text: str) -> bool:
    """Whether the first lines of text of a normalised document are nearly all set apart."""
    # Whether each line is blank, line by line, without copying a line (one can be huge),
    # and counted as it is read: the reading stops at the line after the sample's last
    # printed line (a single-spaced document is read 41 lines deep, not 160).
    printed = spaced = 0
    previous_blank = True  # the line before the first: none, so nothing to count
    lines = 0
    start = 0
    while lines < _SPACING_SAMPLE * 4:
        end = text.find("\n", start)
        if end == -1:
            line_blank = _NON_BLANK.search(text, start) is None
        elif start == end or not text[start].isspace():
            line_blank = start == end  # most lines say at once: empty, or text at the margin
        elif end - start <= _SHORT_LINE:  # a copy costs less than a regex search
            line_blank = text[start:end].isspace()
        else:
            line_blank = _NON_BLANK.search(text, start, end) is None
        lines += 1
        if not previous_blank:
            printed += 1
            spaced += line_blank
            if printed == _SPACING_SAMPLE:
                break
        if end == -1:
            break
        previous_blank = line_blank
        start = end + 1
    return printed >= 5 and spaced >= _DOUBLE_SPACED * printed


_NON_BLANK: Final = re.compile(r"\S")
_SHORT_LINE: Final = 256


# Tab runs expanded to 8-column stops in one document: this many, and one more for every
# 1,024 characters. Past that a tab is one space, mapped one to one: an expanded tab is a
# segment of the source map of its own (16 bytes), and its spaces are text. Real filings
# use a small part of it (the most in the corpus: 343 runs, at most one per 63 characters).
_EXPANDED_TABS: Final = 10_000
_TAB_SPACING: Final = 1024
_TAB_RUN: Final = re.compile(r"\t+")
# Same-length substitutions, applied while copying: no-break and other Unicode spaces, the
# control characters Python counts as white space (VT, the separators FS to US), and tabs
# past the budget. The other control characters (NUL, \x01-\x08, \x0e-\x1b, DEL) stay as
# printed: they are text to the grammar, so the node around them owns them and every
# character lies in some span.
_ODD_SPACES: Final = str.maketrans(dict.fromkeys("\x0b\x1c\x1d\x1e\x1f\xa0\u202f\u205f\u3000", " "))
_ODD_SPACES.update(dict.fromkeys(range(0x2000, 0x200C), " "))
_ODD_AND_TABS: Final = {**_ODD_SPACES, ord("\t"): " "}
# The same characters, each searched for on its own: a search for a character class reads
# every character through the class (measured: 6% of a plain-text filing's instructions),
# a search for one character runs as memchr does.
_ODD_CHARS: Final = "".join(sorted(map(chr, _ODD_SPACES)))


def _holds_any(original: str, chars: list[str], start: int, end: int) -> bool:
    """Whether ``original[start:end]`` holds one of ``chars``."""
    return any(original.find(char, start, end) != -1 for char in chars)


def _tab_runs(original: str, lo: int, hi: int) -> Iterator[tuple[int, int, str | None, str]]:
    """The tab runs to expand, in order, made as they are needed (not held as a list)."""
    # A loop, not a generator expression: compiled, that would be a list of every run.
    # Each run is found with str.find, then matched: a regular expression's search for
    # "\t+" tries a match at every character (60 instructions a character, measured).
    budget = _EXPANDED_TABS + (hi - lo) // _TAB_SPACING
    start = original.find("\t", lo, hi)
    while start != -1:
        if budget <= 0:
            return
        budget -= 1
        end = _TAB_RUN.match(original, start, hi).end()  # type: ignore[union-attr]
        yield start, end, "\t", ""
        start = original.find("\t", end, hi)


# Lines longer than this are broken at a blank (the blank reads as a newline, one for one).
# The grammar reads a line as a token or a row at a time, and a token's text is copied as
# it is made: a line of megabytes would hold several copies of itself at once. Real
# filings' lines are far shorter (the longest in the corpus: 7,000 characters).
_LINE_LIMIT: Final = 1 << 16


def _line_breaks(original: str, lo: int, hi: int) -> Iterator[tuple[int, int, str | None, str]]:
    """Blanks where long lines are broken, in order, as edits that make them newlines.

    The lines are those that start in ``[lo, hi)`` (a line cut at ``lo`` is not one) and
    have at least :data:`_LINE_LIMIT` characters before ``hi``. They are found a line end
    at a time with ``str.find``: a pattern ``(?m)^`` is tried at every character.
    """
    if hi - lo <= _LINE_LIMIT:
        return
    line = lo
    if lo > 0 and original[lo - 1] != "\n":
        line = original.find("\n", lo, hi) + 1
        if line == 0:
            return
    while line < hi:
        start = line
        end = original.find("\n", start, hi)
        end = hi if end == -1 else end
        line = end + 1
        if end - start < _LINE_LIMIT:
            continue
        while end - start > _LINE_LIMIT:
            limit = start + _LINE_LIMIT
            blank = max(
                original.rfind(" ", start + 1, limit), original.rfind("\t", start + 1, limit)
            )
            if blank == -1:
                blank = min(
                    (
                        b
                        for b in (original.find(" ", limit, end), original.find("\t", limit, end))
                        if b != -1
                    ),
                    default=-1,
                )
                if blank == -1:
                    break  # no blank to break at: the line stays whole
            yield blank, blank + 1, "\n", ""
            start = blank + 1


def normalize_text(original: str, payload: Span) -> NormalizedDocument:
    """Normalise the plain-text document at ``original[payload.start:payload.end]``."""
    lo, hi = payload.start, payload.end
    if original.find("\r", lo, hi) != -1:
        # Lone carriage returns end lines too; making them newlines first keeps every offset.
        original = original[:lo] + _LONE_CR.sub("\n", original[lo:hi]) + original[hi:]
    noise_edits = _noise_edits(original, lo, hi)
    noise_edits.sort(key=lambda e: (e[0], -e[1]))
    has_tab = original.find("\t", lo, hi) != -1
    edits: Iterable[tuple[int, int, str | None, str]] = noise_edits
    if has_tab or hi - lo > _LINE_LIMIT:
        # Tab runs or long lines to merge in. (Most documents have neither, and their noise
        # edits are read as the list they are: heapq.merge is Python code, 1,400
        # instructions an edit.)
        runs = (noise_edits, _line_breaks(original, lo, hi))
        edits = heapq.merge(
            *runs,
            *([_tab_runs(original, lo, hi)] if has_tab else []),
            key=lambda e: (e[0], -e[1]),
        )
    # What is left of "\r" ends a CRLF line: it reads as a blank before the newline, one
    # for one, so CRLF lines cost the source map nothing (a segment per line otherwise).
    has_cr = original.find("\r", lo, hi) != -1
    table = {**(_ODD_AND_TABS if has_tab else _ODD_SPACES), **({13: " "} if has_cr else {})}
    # The characters to make spaces that the document holds: a copied range is searched
    # for those alone (most documents hold none, or only CRs).
    odd = [c for c in "\r\t" + _ODD_CHARS if ord(c) in table and original.find(c, lo, hi) != -1]

    builder = SourceMapBuilder(wide=len(original) >= NARROW_LIMIT)

    def copy(start: int, end: int) -> None:
        # Odd spaces, CRs and tabs past the budget become spaces one for one.
        if start < end and odd and _holds_any(original, odd, start, end):
            builder.replace(original[start:end].translate(table), start, end)
        else:
            builder.copy(original, start, end)

    noise: list[Noise] = []
    pos = lo
    for start, end, replacement, kind in edits:
        if start < pos:
            continue  # inside a line already removed
        copy(pos, start)
        pos = end
        if kind:
            noise.append(Noise(kind, Span(start, end)))
        if replacement is None:
            continue
        if replacement == "\t":
            width = 8 * (end - start) - builder.column % 8
            builder.replace(" " * width, start, end)
        elif replacement == "":
            builder.replace(" " * (end - start), start, end)  # a run of tags, blanked
        else:
            builder.replace(replacement, start, end)
    copy(pos, hi)
    if not builder.endswith("\n"):
        # The grammar's rows end in newlines; the added one stands at the document's end.
        builder.replace("\n", hi, hi)
    text, source_map = builder.build()
    return NormalizedDocument(
        text, source_map, tuple(noise), paragraph_spacing=_double_spaced(text)
    )
