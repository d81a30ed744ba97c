"""Unit tests for sec8k.normalize.normalize_text on ASCII-EDGAR-style snippets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sec8k
from sec8k.normalize import NormalizedDocument, normalize_text
from sec8k.span import Span

_INLINE_TAG = re.compile(r"<(?i:/?(?:page|table|caption|s|c|fn))>")
# No-break and other Unicode spaces, and control characters other than \t \n \r \f.
_SPACE_LIKE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\xa0\u2000-\u200b\u202f\u205f\u3000]")


def _normalize(original: str) -> NormalizedDocument:
    return normalize_text(original, Span(0, len(original)))


def _noise(doc: NormalizedDocument, original: str) -> list[tuple[str, str]]:
    """(kind, the original characters set aside) for every noise record."""
    return [(n.kind, original[n.span.start : n.span.end]) for n in doc.noise]


def _as_normalised(original_line: str) -> str:
    """What a line of the original reads as after the replacements normalize_text makes."""
    line = _SPACE_LIKE.sub(" ", original_line.replace("\f", "").replace("\r", " "))
    line = _INLINE_TAG.sub(lambda m: " " * len(m.group()), line)
    return line.expandtabs(8)


def _column_of(doc: NormalizedDocument, needle: str) -> int:
    """0-based column of ``needle`` in the normalised line that holds it."""
    for line in doc.text.split("\n"):
        if needle in line:
            return line.index(needle)
    raise AssertionError(f"{needle!r} not in {doc.text!r}")


def _assert_maps_back(doc: NormalizedDocument, original: str, lo: int = 0, hi: int | None = None):
    """Every normalised line maps back to the original characters it came from."""
    hi = len(original) if hi is None else hi
    offset = 0
    for line in doc.text.split("\n")[:-1]:
        span = doc.source_map.span(offset, offset + len(line))
        assert lo <= span.start <= span.end <= hi
        assert _as_normalised(original[span.start : span.end]) == line, (line, span)
        offset += len(line) + 1
    assert offset == len(doc.text)
    # Every character that is not white space was copied verbatim, one to one.
    for i, char in enumerate(doc.text):
        if char not in " \n":
            assert original[doc.source_map.to_original(i)] == char, (i, char)


# (original, normalised text, noise as (kind, original characters))
CASES = [
    pytest.param(
        "ITEM 5.  OTHER EVENTS\r\n\r\nNone.\r\n",
        "ITEM 5.  OTHER EVENTS \n \nNone. \n",
        [],
        id="crlf",
    ),
    pytest.param(
        "ITEM 5.  OTHER EVENTS\rNone.\r",
        "ITEM 5.  OTHER EVENTS\nNone.\n",
        [],
        id="lone-cr",
    ),
    pytest.param(
        "\tIMMUNOGEN, INC.\n",
        "        IMMUNOGEN, INC.\n",
        [],
        id="leading-tab",
    ),
    pytest.param(
        "Massachusetts\t0-17999\t\t04-2726691\n",
        "Massachusetts   0-17999         04-2726691\n",
        [],
        id="tabs-between-cells",
    ),
    pytest.param(
        "Text of the report.\n<PAGE>\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-marker", "<PAGE>\n")],
        id="page-marker",
    ),
    pytest.param(
        "Text of the report.\n<page>\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-marker", "<page>\n")],
        id="page-marker-lower-case",
    ),
    pytest.param(
        "Text of the report.\n                                  2\n<PAGE>\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-number", "                                  2\n"), ("page-marker", "<PAGE>\n")],
        id="page-number-2",
    ),
    pytest.param(
        "Text of the report.\n                               - 8 -\n<PAGE>\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-number", "                               - 8 -\n"), ("page-marker", "<PAGE>\n")],
        id="page-number-dash-8-dash",
    ),
    pytest.param(
        "Text of the report.\n-2-\n<PAGE>\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-number", "-2-\n"), ("page-marker", "<PAGE>\n")],
        id="page-number-dash-2-dash",
    ),
    pytest.param(
        "Text of the report.\n\n                  -3-\n\n\n<PAGE>\nMore text.\n",
        "Text of the report.\n\n\n\nMore text.\n",
        [("page-number", "                  -3-\n"), ("page-marker", "<PAGE>\n")],
        id="page-number-blank-lines-before-marker",
    ),
    pytest.param(
        "Text of the report.\r\n2\r\n<PAGE>\r\nMore text.\r\n",
        "Text of the report. \nMore text. \n",
        [("page-number", "2\r\n"), ("page-marker", "<PAGE>\r\n")],
        id="page-number-crlf",
    ),
    pytest.param(
        "Text of the report.\n-1-<PAGE>\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-marker", "-1-<PAGE>\n")],
        id="number-and-marker-one-line",
    ),
    pytest.param(
        "Text of the report.\n<PAGE>   3\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-marker", "<PAGE>   3\n")],
        id="marker-then-number-one-line",
    ),
    pytest.param(
        "/s/ John Doe\nJohn Doe, President\n\n                  4\n",
        "/s/ John Doe\nJohn Doe, President\n\n\n",
        [("page-number", "                  4")],
        id="page-number-last-line",
    ),
    pytest.param(
        "/s/ John Doe\nJohn Doe, President\n- 5 -",
        "/s/ John Doe\nJohn Doe, President\n",
        [("page-number", "- 5 -")],
        id="page-number-last-line-no-newline",
    ),
    pytest.param(
        "<TABLE>\n<S>     <C>\nExhibit 99.1   Press release\n</TABLE>\n",
        "Exhibit 99.1   Press release\n",
        [
            ("table-tag", "<TABLE>\n"),
            ("table-tag", "<S>     <C>\n"),
            ("table-tag", "</TABLE>\n"),
        ],
        id="table-tag-lines",
    ),
    pytest.param(
        "<CAPTION>\n<FN>\nNote\n",
        "Note\n",
        [("table-tag", "<CAPTION>\n"), ("table-tag", "<FN>\n")],
        id="caption-and-fn-lines",
    ),
    pytest.param(
        "<S>Exhibit No.     <C>Description\n",
        "   Exhibit No.        Description\n",
        [("table-tag", "<S>"), ("table-tag", "<C>")],
        id="inline-table-tags",
    ),
    pytest.param(
        "Amount <PAGE> due\n",
        "Amount        due\n",
        [("page-marker", "<PAGE>")],
        id="inline-page-tag",
    ),
    pytest.param(
        "Text of the report.\n\fMore text.\n",
        "Text of the report.\nMore text.\n",
        [("form-feed", "\f")],
        id="form-feed-at-line-start",
    ),
    pytest.param(
        "Text of the report.\n2\n\f\nMore text.\n",
        "Text of the report.\nMore text.\n",
        [("page-number", "2\n"), ("form-feed", "\f\n")],
        id="page-number-before-form-feed",
    ),
    pytest.param(
        "Boston,\xa0Massachusetts\n",
        "Boston, Massachusetts\n",
        [],
        id="no-break-space",
    ),
    pytest.param(
        "Em\u2003space and\u3000ideographic\n",
        "Em space and ideographic\n",
        [],
        id="unicode-spaces",
    ),
    pytest.param(
        "SIGNATURES",
        "SIGNATURES\n",
        [],
        id="missing-final-newline",
    ),
    pytest.param(
        "",
        "\n",
        [],
        id="empty",
    ),
    pytest.param(
        "FORM 8-K\n\nITEM 5.  OTHER EVENTS\n",
        "FORM 8-K\n\nITEM 5.  OTHER EVENTS\n",
        [],
        id="unchanged",
    ),
]


@pytest.mark.parametrize(("original", "expected", "noise"), CASES)
def test_normalize_text(original: str, expected: str, noise: list[tuple[str, str]]) -> None:
    doc = _normalize(original)
    assert doc.text == expected
    assert _noise(doc, original) == noise
    assert doc.kind == "text"


@pytest.mark.parametrize(("original", "expected", "noise"), CASES)
def test_normalised_lines_map_back_to_the_original(
    original: str, expected: str, noise: list[tuple[str, str]]
) -> None:
    doc = _normalize(original)
    _assert_maps_back(doc, original)
    assert doc.source_map.derived_length == len(doc.text)
    assert doc.span(0, len(doc.text)).end <= len(original)


@pytest.mark.parametrize(("original", "expected", "noise"), CASES)
def test_noise_spans_are_ordered_and_disjoint(
    original: str, expected: str, noise: list[tuple[str, str]]
) -> None:
    doc = _normalize(original)
    assert len(doc.noise) == len(noise)
    previous_end = 0
    for item in doc.noise:
        assert previous_end <= item.span.start < item.span.end <= len(original)
        previous_end = item.span.end


@pytest.mark.parametrize(
    ("original", "needle", "column"),
    [
        ("\tX\n", "X", 8),
        ("ab\tX\n", "X", 8),
        ("1234567\tX\n", "X", 8),
        ("12345678\tX\n", "X", 16),
        ("ab\t\tX\n", "X", 16),
        ("ab\tcd\tX\n", "X", 16),
        ("Name:\tJohn Doe\tTitle:\tPresident\n", "President", 32),
        ("\tA\nb\tX\n", "X", 8),
        ("Header\r\nab\tX\r\n", "X", 8),
        ("Text\n<PAGE>\n\tX\n", "X", 8),
        ("Name<C>\tX\n", "X", 8),
        ("\xa0\tX\n", "X", 8),
    ],
    ids=[
        "tab-at-line-start",
        "tab-after-text",
        "tab-one-before-stop",
        "tab-at-stop",
        "two-tabs",
        "tab-text-tab",
        "cover-style-label-value",
        "second-line",
        "after-crlf",
        "after-removed-page-line",
        "after-inline-tag",
        "after-no-break-space",
    ],
)
def test_tab_expands_to_eight_column_stops(original: str, needle: str, column: int) -> None:
    doc = _normalize(original)
    assert "\t" not in doc.text
    assert _column_of(doc, needle) == column
    _assert_maps_back(doc, original)


def test_tab_after_lone_cr_line_end() -> None:
    # "a\rb\tX" normalises to "a\nb" + tab: "b" is in column 0, so X belongs in column 8.
    doc = _normalize("a\rb\tX\n")
    assert doc.text == "a\nb       X\n"


@pytest.mark.parametrize(
    "original",
    ["\fab\tX\n", "ab\fc\tX\n", "\f\tX\n"],
    ids=["form-feed-at-line-start", "form-feed-inside-line", "form-feed-then-tab"],
)
def test_tab_after_removed_form_feed(original: str) -> None:
    doc = _normalize(original)
    assert _column_of(doc, "X") == 8


@pytest.mark.parametrize(
    "original",
    [
        "a paragraph that runs\n\f\nacross a page break.\n",
        "a paragraph that runs\n\f<PAGE>\nacross a page break.\n",
    ],
    ids=["form-feed-line", "form-feed-page-line"],
)
def test_noise_only_line_with_form_feed_is_removed_whole(original: str) -> None:
    doc = _normalize(original)
    assert doc.text == "a paragraph that runs\nacross a page break.\n"


def test_inline_tag_keeps_the_column_of_the_following_text() -> None:
    original = "Exhibit No. <C>  Description\n"
    doc = _normalize(original)
    assert _column_of(doc, "Description") == original.index("Description")
    assert "<C>" not in doc.text
    (noise,) = doc.noise
    assert noise.kind == "table-tag"
    assert noise.span == Span(12, 15)


def test_page_marker_noise_span_covers_the_whole_line() -> None:
    original = "First page.\n<PAGE>\nSecond page.\n"
    doc = _normalize(original)
    (noise,) = doc.noise
    assert noise.kind == "page-marker"
    assert noise.span == Span(12, 19)
    # "Second page." still maps to where it is in the original.
    start = doc.text.index("Second")
    assert doc.span(start, start + len("Second page.")) == Span(19, 31)


def test_page_number_not_before_a_marker_is_kept() -> None:
    original = "ITEM 2.\n\n2\n\nSee above.\n"
    doc = _normalize(original)
    assert doc.text == original
    assert doc.noise == ()


def test_added_final_newline_maps_to_the_end_of_the_original() -> None:
    original = "SIGNATURES"
    doc = _normalize(original)
    assert doc.text == "SIGNATURES\n"
    assert doc.source_map.to_original(len(doc.text) - 1) == len(original)
    assert doc.source_map.to_original(len(doc.text)) == len(original)
    assert doc.span(0, len(doc.text)) == Span(0, len(original))


def test_crlf_reads_as_a_blank_and_a_newline_each_mapped_to_itself() -> None:
    # The CR is a blank at the end of its line: one for one, so a CRLF file costs the
    # source map no segment per line.
    original = "ITEM 5.\r\nNone.\r\n"
    doc = _normalize(original)
    assert doc.text == "ITEM 5. \nNone. \n"
    assert doc.span(7, 9) == Span(7, 9)
    assert [doc.source_map.to_original(i) for i in range(len(doc.text))] == list(range(16))


def test_expanded_tab_spaces_map_to_the_tab() -> None:
    original = "ab\tX\n"
    doc = _normalize(original)
    assert doc.text == "ab      X\n"
    assert {doc.source_map.to_original(i) for i in range(2, 8)} == {2}
    assert doc.source_map.to_original(8) == 3
    assert doc.span(2, 8) == Span(2, 3)


def test_payload_slice_of_a_larger_string() -> None:
    # A <DOCUMENT> block: only the text between <TEXT> and </TEXT> is normalised.
    prefix = "<DOCUMENT>\r\n<TYPE>8-K\r\n<TEXT>\r\n"
    body = "ITEM 5.\tOTHER EVENTS\r\n\r\n                  2\r\n<PAGE>\r\n/s/ John Doe"
    suffix = "\r\n</TEXT>\r\n</DOCUMENT>\r\n"
    original = prefix + body + suffix
    lo, hi = len(prefix), len(prefix) + len(body)
    doc = normalize_text(original, Span(lo, hi))

    assert doc.text == "ITEM 5. OTHER EVENTS \n \n/s/ John Doe\n"
    assert [(n.kind, original[n.span.start : n.span.end]) for n in doc.noise] == [
        ("page-number", "                  2\r\n"),
        ("page-marker", "<PAGE>\r\n"),
    ]
    for n in doc.noise:
        assert lo <= n.span.start < n.span.end <= hi
    assert doc.noise[1].span == Span(original.index("<PAGE>"), original.index("<PAGE>") + 8)
    # Offsets point into the larger string, not into the slice.
    assert doc.source_map.to_original(0) == lo
    start = doc.text.index("/s/")
    span = doc.span(start, start + len("/s/ John Doe"))
    assert span == Span(original.index("/s/"), original.index("/s/") + len("/s/ John Doe"))
    assert doc.source_map.to_original(len(doc.text)) == hi
    _assert_maps_back(doc, original, lo, hi)


def test_payload_slice_ignores_text_outside_it() -> None:
    # A <PAGE> line and a tab outside the payload do not count.
    original = "<PAGE>\n\tignored\nKEEP\tX\n<PAGE>\n"
    lo = original.index("KEEP")
    hi = original.index("<PAGE>", lo)
    doc = normalize_text(original, Span(lo, hi))
    assert doc.text == "KEEP    X\n"
    assert doc.noise == ()
    _assert_maps_back(doc, original, lo, hi)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Text\r2\r<PAGE>\rMore\r", "Text\nMore\n"),
        ("Text\r<TABLE>\rMore\r", "Text\nMore\n"),
    ],
    ids=["page-number-and-marker", "table-tag-line"],
)
def test_noise_lines_with_lone_cr_line_ends(original: str, expected: str) -> None:
    assert _normalize(original).text == expected


def test_a_line_past_the_limit_is_broken_at_a_blank_mapped_one_for_one() -> None:
    from sec8k.normalize import _LINE_LIMIT

    words = "word " * (3 * _LINE_LIMIT // 5)
    original = "FORM 8-K\n" + words + "\nlast line\n"
    doc = _normalize(original)
    lines = doc.text.split("\n")
    assert max(map(len, lines)) <= _LINE_LIMIT
    assert len(lines) == 3 + 3  # the long line is three lines now
    # Only blanks became newlines: the text is the original's, character for character.
    assert len(doc.text) == len(original)
    changed = [i for i, (a, b) in enumerate(zip(doc.text, original, strict=True)) if a != b]
    assert len(changed) == 2 and all(original[i] == " " and doc.text[i] == "\n" for i in changed)
    assert [doc.source_map.to_original(i) for i in changed] == changed


@pytest.mark.parametrize(
    "line", ["x" * (1 << 17), "x" * (1 << 17) + " tail"], ids=["no-blank", "blank-past-the-limit"]
)
def test_a_long_line_with_no_blank_before_the_limit(line: str) -> None:
    doc = _normalize(line + "\n")
    assert doc.text.split("\n")[0] == line.split(" ")[0]
    assert doc.text.replace("\n", " ").rstrip() == line


def test_tabs_past_the_budget_are_single_spaces() -> None:
    from sec8k.normalize import _EXPANDED_TABS, _TAB_SPACING

    n = 3 * _EXPANDED_TABS
    original = "\ta" * n + "\n"
    doc = _normalize(original)
    expanded = _EXPANDED_TABS + len(original) // _TAB_SPACING
    # An expanded tab reaches the next stop of eight columns: the first is eight spaces,
    # each after an "a" seven; past the budget a tab is one space.
    assert doc.text.count(" " * 7) == expanded
    assert len(doc.text) == len(original) + 7 + 6 * (expanded - 1)


def _line_breaks_by_pattern(original: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The blanks _line_breaks gives, with the lines found by the pattern it replaced."""
    import re

    from sec8k.normalize import _LINE_LIMIT

    if hi - lo <= _LINE_LIMIT:
        return []
    breaks = []
    for match in re.compile(rf"(?m)^[^\n]{{{_LINE_LIMIT}}}").finditer(original, lo, hi):
        start = match.start()
        end = original.find("\n", start, hi)
        end = hi if end == -1 else end
        while end - start > _LINE_LIMIT:
            limit = start + _LINE_LIMIT
            blank = max(
                original.rfind(" ", start + 1, limit), original.rfind("\t", start + 1, limit)
            )
            if blank == -1:
                found = (original.find(" ", limit, end), original.find("\t", limit, end))
                blank = min((b for b in found if b != -1), default=-1)
                if blank == -1:
                    break
            breaks.append((blank, blank + 1))
            start = blank + 1
    return breaks


@pytest.mark.parametrize("seed", range(6))
def test_long_lines_are_found_as_the_line_pattern_finds_them(seed: int) -> None:
    # Lines just under, at and over the limit, with and without blanks, cut at lo or hi.
    import random

    from sec8k.normalize import _LINE_LIMIT, _line_breaks

    rng = random.Random(seed)
    lines = []
    for _ in range(8):
        size = rng.choice([10, _LINE_LIMIT - 1, _LINE_LIMIT, _LINE_LIMIT + 1, 3 * _LINE_LIMIT])
        blanks = rng.choice([0, 1, 40])
        line = ["x"] * size
        for _ in range(blanks):
            line[rng.randrange(size)] = rng.choice(" \t")
        lines.append("".join(line))
    lines[0] = " ".join(["y" * 1000] * (3 * _LINE_LIMIT // 1000))  # long, with blanks
    original = "\n".join(lines) + rng.choice(["", "\n"])
    cuts = [0, 5, rng.randrange(len(original)), len(lines[0]) + 1]
    for lo in cuts:
        for hi in (len(original), rng.randrange(lo, len(original) + 1)):
            found = [(a, b) for a, b, _, _ in _line_breaks(original, lo, hi)]
            assert found == _line_breaks_by_pattern(original, lo, hi), (lo, hi)


ENTRADA = (
    Path(__file__).resolve().parents[1]
    / "filings"
    / "0000950117-01-500726"
    / "0000950117-01-500726.txt"
)


def test_edgars_statement_of_differences_at_the_end_is_noise() -> None:
    # Entrada Networks 2001: EDGAR's statement of differences ends the 8-K document.
    original = ENTRADA.read_text(encoding="latin-1")
    filing = sec8k.parse(ENTRADA)
    (statement,) = [n for n in filing.noise if n.kind == "statement-of-differences"]
    text = original[statement.span.start : statement.span.end]
    assert text.split() == [
        *("STATEMENT", "OF", "DIFFERENCES", "------------------------", "The", "trademark"),
        *("symbol", "shall", "be", "expressed"),
        "as..................................'TM'",
    ]
    assert "PRS010" not in {d.code for d in filing.diagnostics}
    assert filing.uncovered() == ()


def test_a_statement_of_differences_with_text_after_it_is_text() -> None:
    # The same filing with a line of the document's own text after the statement.
    original = ENTRADA.read_text(encoding="latin-1")
    statement = "'TM'\n"
    text = original.replace(statement, statement + "The Company will file its report.\n", 1)
    doc = _normalize(text[: text.index("</TEXT>")])
    assert "statement-of-differences" not in {n.kind for n in doc.noise}
    assert "STATEMENT OF DIFFERENCES" in doc.text
