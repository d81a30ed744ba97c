"""The HTML reader's bounds: long lines, long tables, unclosed markup, references.

The reader holds at most a few hundred pieces of a line and a few thousand rows and cells
of a table (``sec8k.html._MAX_PIECES``, ``_HELD_ROWS_AND_CELLS``); past those it writes or
merges what it holds. On real filings those paths are checked by lowering the bounds until
every filing crosses them: the text must not change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sec8k
from sec8k import html as reader
from sec8k.diagnostics import DiagnosticSink
from sec8k.html import looks_like_html, normalize_html
from sec8k.span import Span
from tests.conftest import case_input, filing_cases

HTML_CASES = [
    case_input(case)
    for case in filing_cases()
    if looks_like_html(case_input(case).read_bytes().decode("utf-8", "replace"))
]


def _read(document: str) -> tuple[str, tuple[str, ...]]:
    normalized = normalize_html(document, Span(0, len(document)))
    return normalized.text, tuple(sorted(n.kind for n in normalized.noise))


@pytest.mark.parametrize("path", HTML_CASES, ids=lambda p: p.parent.name)
def test_long_lines_written_as_read_keep_the_text(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = path.read_bytes().decode("utf-8", "replace")
    expected = _read(document)
    monkeypatch.setattr(reader, "_MAX_PIECES", 2)  # every line of two pieces is "long"
    assert _read(document) == expected


@pytest.mark.parametrize("path", HTML_CASES, ids=lambda p: p.parent.name)
def test_tables_laid_out_in_parts_keep_what_is_read(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parts of 512 rows, cells and pieces: cover tables (a 12(b) table of twenty
    # securities is about 250) stay whole, so the cover, items and signers read the same;
    # longer tables only change their padding.
    expected = sec8k.parse(path)
    monkeypatch.setattr(reader, "_HELD_ROWS_AND_CELLS", 512)
    monkeypatch.setattr(reader, "_ROW_CELLS", 16)
    filing = sec8k.parse(path)
    assert [i.number for i in filing.items] == [i.number for i in expected.items]
    assert filing.to_dict()["cover"] == expected.to_dict()["cover"]
    assert [s.name for s in filing.signatures] == [s.name for s in expected.signatures]


def test_a_long_paragraph_maps_each_word_back() -> None:
    words = [f"w{i}" for i in range(3000)]
    document = "<p>" + " ".join(f"<b>{w}</b>" for w in words) + " &nbsp; </p><p>next</p>"
    normalized = normalize_html(document, Span(0, len(document)))
    first = normalized.text.split("\n")[0]
    assert first == " ".join(words)
    at = 0
    for word in words[::250]:
        start = first.index(word + " ", at)
        span = normalized.span(start, start + len(word))
        assert document[span.start : span.end] == word
        at = start
    assert normalized.text.split("\n")[2] == "next"


def test_a_long_cell_keeps_its_text() -> None:
    words = [f"w{i}" for i in range(1000)]
    document = "<table><tr><td>" + " ".join(f"<i>{w}</i>" for w in words) + "</td><td>x</td></tr>"
    text = normalize_html(document, Span(0, len(document))).text
    assert text.split("\n")[0] == " ".join(words) + "   x"


def test_a_long_table_is_laid_out_in_parts() -> None:
    rows = 3 * reader._HELD_ROWS_AND_CELLS
    document = "<table>" + "<tr><td>a</td><td>b</td></tr>" * rows + "</table><p>after</p>"
    lines = normalize_html(document, Span(0, len(document))).text.split("\n")
    assert lines[:rows] == ["a   b"] * rows
    assert lines[rows + 1] == "after"


def test_a_row_of_thousands_of_cells_goes_on_on_the_next_line() -> None:
    cells = reader._ROW_CELLS * 2 + 10
    document = "<table><tr>" + "<td>c</td>" * cells + "</tr></table>"
    lines = normalize_html(document, Span(0, len(document))).text.split("\n")
    assert [line.count("c") for line in lines if line] == [reader._ROW_CELLS] * 2 + [10]


def test_padding_stays_within_the_size_of_the_input() -> None:
    # One long cell above a thousand short rows: every row would be padded to its width.
    document = (
        "<table><tr><td>"
        + "x" * 50_000
        + "</td><td>y</td></tr>"
        + "<tr><td>a</td><td>b</td></tr>" * 1000
        + "</table>"
    )
    text = normalize_html(document, Span(0, len(document))).text
    assert len(text) <= 2 * len(document)
    assert text.count("b") == 1000


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("<p>AT&T Inc.</p>", "AT&T Inc."),  # a name that is no reference stays as printed
        ("<p>M&amp;A &amp M&ampA</p>", "M&A & M&A"),  # HTML5's names without ";"
        ("<p>it&#146;s &#x2014; &#99999999999;</p>", "it\u2019s \u2014 \ufffd"),
        ("<p>end <b", "end <b"),  # a tag cut off at the end of the input is text
        ("<p>a<!-- never closed", "a<!-- never closed"),
        ("<p>a<![if !supportLists]>b<![endif]>c</p>", "abc"),  # Word's conditional sections
        ("<p>a<script>if (a<b) x = '</p>';</script>b</p>", "ab"),
        ("<p>x < y &lt; z</p>", "x < y < z"),
    ],
)
def test_markup_read_as_browsers_read_it(document: str, expected: str) -> None:
    assert normalize_html(document, Span(0, len(document))).text.split("\n")[0] == expected


def test_unclosed_markup_in_bulk_is_read_once() -> None:
    # Each of these would be searched to the end of the input, once per "<", if a failed
    # search were repeated: 20,000 of them are 20,000 scans of the whole input.
    for unit in ("<!--", "<a b='", "</a", "<?x"):
        document = "<p>x</p>" + unit * 20_000
        text = normalize_html(document, Span(0, len(document))).text
        assert text.startswith("x\n")


def _everything(document: str) -> tuple[object, ...]:
    """All normalize_html gives: text, every segment of the map, noise, facts."""
    read = normalize_html(document, Span(0, len(document)))
    columns = read.source_map._n_starts, read.source_map._n_lens
    origins = read.source_map._o_starts, read.source_map._o_lens
    return (
        read.text,
        [list(column) for column in columns + origins],
        read.noise,
        read.facts,
        read.paragraph_spacing,
    )


@pytest.mark.parametrize("path", HTML_CASES, ids=lambda p: p.parent.name)
def test_short_tags_read_without_the_pattern_as_with_it(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A tag such as "<p>" or "</td>", and a reference read before ("&nbsp;"), is read by
    # str.find; with _SHORT_NAME 0 every one goes to the regex. The two must read a real
    # filing the same, map included.
    document = path.read_bytes().decode("utf-8", "replace")
    expected = _everything(document)
    monkeypatch.setattr(reader, "_SHORT_NAME", 0)
    assert _everything(document) == expected


# Tags at the edges of what the short paths take: names of 15 and 16 characters, digits,
# a non-ASCII letter, characters that end a name, attributes (with ">" in a value, a stray
# quote, past the window), references, a lone "<", a cut-off tag.
_TAG_SOUP = [
    "<p>", "</p>", "<P>", "</TD>", "<td>", "<tr>", "<table>", "</table>", "<br>", "<br/>",
    "</br>", "<h1>", "<1a>", "</1a>", "<a:b>", "<é>", "<aé>", "</aé x>", "<a\x00>", "<a\tb>",
    "</a\nb>", "<>", "</>", "< p>", "</ p>", "<p x>", "<p/>", "<" + "a" * 15 + ">",
    "<" + "a" * 16 + ">", "</" + "b" * 16 + ">", "<span style='display:none'>", "</span>",
    "<ix:nonNumeric name='dei:DocumentType' contextRef='c'>", "</ix:nonNumeric>", "<pre>",
    "</pre>", "<script>", "</script>", "<!-- c -->", "&amp;", "&", "<", ">", "x", " ", "\n",
    "<div", "</div", "&nbsp;", "&#160;", "&#x2014;", "&#146;", "&amp", "&AMP;", "&a;b;",
    "&;", "&#;", "&#x;", "&#12345678901234567890;", "&ampx;", "&nbsp", ";",
    "<td style='width:5%'>", "<a b='>'>", '<a b="x>y" c>', '<a b"c="d>', "<a b=c/>",
    "<td colspan=2 >", "<p " + "x" * 520 + ">",
    # Start tags with attributes, read by str.find where the pattern would read the same.
    '<a b = "x>y">', "<a b=\n'x'>", "<ix:nonNumeric name=\"a\" c='>'>", '<a b="x" c=d>',
    '<a b=="x">', '<a\xa0b="x">', '<a b=\x0b"x>y">', '<a b="x>', '<a:b c="d">', '<a1 b="c>d">',
    '<a b="c"d="e">', "<a b='\"'>", '<a b="" c>', "<a: b='c'>", "<a b=\"c\" " + "d" * 520 + ">",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TAG_SOUP), max_size=40))
def test_tag_soup_reads_the_same_with_and_without_the_short_path(pieces: list[str]) -> None:
    document = "".join(pieces)
    expected = _everything(document)
    saved = reader._SHORT_NAME
    reader._SHORT_NAME = 0
    try:
        assert _everything(document) == expected
    finally:
        reader._SHORT_NAME = saved


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \xa0a\n", max_size=40))
def test_gaps_are_found_as_the_pattern_finds_them(text: str) -> None:
    """The runs of two spaces or more and of no-break spaces, found without the regex."""
    pattern = re.compile(r"\xa0+| {2,}")
    assert reader._gaps(text) == [found.span() for found in pattern.finditer(text)]


_ATTRIBUTE_SOUP = [" ", "\t", "\n", "\x0b", "\x1c", "\x85", "\xa0", "/", ">", '"', "'", "="]
_ATTRIBUTE_SOUP += ["a", "x:y", "-", "style", "name", "é", "\x00", ";"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ATTRIBUTE_SOUP), max_size=30))
def test_attributes_are_read_as_the_pattern_reads_them(pieces: list[str]) -> None:
    """A start tag's attributes, read without the regex (ASCII), as the regex reads them."""
    raw = "".join(pieces)
    pairs = reader._attribute_pairs(raw)
    assert pairs is None if not raw.isascii() else pairs == reader._ATTRIBUTE.findall(raw)


_INVISIBLE_REFERENCES = ("&#8203;", "&#x200B;", "&#8204;", "&#x200d;", "&#8288;", "&#65279;")
_WITH_CELLS = [p for p in HTML_CASES if "<td" in p.read_bytes().decode("utf-8", "replace").lower()]


@pytest.mark.parametrize("path", _WITH_CELLS, ids=lambda p: p.parent.name)
def test_invisible_characters_written_as_references_read_as_nothing(path: Path) -> None:
    # Workiva's filings put "&#8203;" (a zero-width space) in their empty table cells; an
    # unseen 10-Q (AEON Biopharma, 2023) had 45 cover lines of it left unplaced. Written
    # into every cell of a curated filing, such references change nothing that is read.
    document = path.read_bytes().decode("utf-8", "replace")
    count = iter(range(10**9))
    edited = re.sub(
        r"(<td\b[^>]*>)",
        lambda m: m[1] + _INVISIBLE_REFERENCES[next(count) % len(_INVISIBLE_REFERENCES)],
        document,
        flags=re.I,
    )
    assert edited != document
    assert _read(edited) == _read(document)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # A paragraph ends where the next starts; one hidden ends there too.
        ("<p>one<p>two", "one\n\ntwo\n"),
        ('<p style="display:none">hidden<p>shown', "shown\n"),
        ("<p>a<font>b<p>c", "ab\n\nc\n"),
        # A cell ends at the next cell, a row at the next row, an item at the next item.
        ("<table><tr><td>a<td>b<tr><td>c<td>d</table>", "a   b\nc   d\n\n"),
        ("<ul><li>one<li>two</ul>", "one\n\ntwo\n\n"),
        # A table does not end an open paragraph (no doctype: the browsers' quirks mode).
        ("<p>a<table><tr><td>b</td></tr></table>c</p>", "a\nb\n\nc\n\n"),
    ],
)
def test_end_tags_left_out_as_html_allows(document: str, expected: str) -> None:
    assert normalize_html(document, Span(0, len(document))).text == expected


def test_a_thousand_paragraphs_left_open_nest_no_deeper() -> None:
    # Medicis's 1999 10-K closes none of its 314 paragraphs; read as nested, they passed
    # the reader's depth limit (NRM001) and the text after them lost its lines.
    document = "<html><body>" + "<p>x" * 1000 + "<p>end"
    sink = DiagnosticSink()
    normalized = normalize_html(document, Span(0, len(document)), sink)
    assert not sink.diagnostics
    assert normalized.text.split("\n\n") == ["x"] * 1000 + ["end\n"]
