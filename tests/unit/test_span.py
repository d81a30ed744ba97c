"""Unit tests for sec8k.span: Span, LineIndex, SourceMap and SourceMapBuilder."""

from __future__ import annotations

import pytest

from sec8k.span import _LISTED, LineIndex, Piece, SourceMap, SourceMapBuilder, Span, SpanReader

# --------------------------------------------------------------------------- Span


@pytest.mark.parametrize(
    ("span", "length"),
    [(Span(0, 0), 0), (Span(3, 3), 0), (Span(0, 1), 1), (Span(10, 25), 15)],
    ids=["empty-at-0", "empty-at-3", "one-char", "fifteen-chars"],
)
def test_span_len(span: Span, length: int) -> None:
    assert len(span) == length


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Span(0, 5), Span(10, 20), Span(0, 20)),
        (Span(10, 20), Span(0, 5), Span(0, 20)),
        (Span(0, 10), Span(5, 15), Span(0, 15)),
        (Span(0, 20), Span(5, 10), Span(0, 20)),
        (Span(5, 10), Span(5, 10), Span(5, 10)),
        (Span(7, 7), Span(2, 3), Span(2, 7)),
    ],
    ids=["disjoint", "disjoint-reversed", "overlapping", "nested", "equal", "empty-with-other"],
)
def test_span_union(a: Span, b: Span, expected: Span) -> None:
    assert a.union(b) == expected
    assert b.union(a) == expected


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        (Span(0, 10), Span(2, 5), True),
        (Span(0, 10), Span(0, 10), True),
        (Span(0, 10), Span(0, 0), True),
        (Span(0, 10), Span(10, 10), True),
        (Span(0, 10), Span(5, 11), False),
        (Span(5, 10), Span(4, 6), False),
        (Span(0, 10), Span(11, 12), False),
        (Span(2, 5), Span(0, 10), False),
    ],
    ids=[
        "strictly-inside",
        "equal",
        "empty-at-start",
        "empty-at-end",
        "overhangs-end",
        "overhangs-start",
        "after",
        "outer-is-inner",
    ],
)
def test_span_contains(outer: Span, inner: Span, expected: bool) -> None:
    assert outer.contains(inner) is expected


def test_span_enclosing_of_nothing_is_none() -> None:
    assert Span.enclosing([]) is None
    assert Span.enclosing(iter(())) is None


def test_span_enclosing_takes_first_start_and_last_end_in_any_order() -> None:
    spans = [Span(30, 40), Span(5, 8), Span(12, 50), Span(20, 21)]
    assert Span.enclosing(spans) == Span(5, 50)


def test_span_enclosing_accepts_a_generator() -> None:
    assert Span.enclosing(Span(i, i + 2) for i in (4, 1, 9)) == Span(1, 11)


def test_span_enclosing_of_one_span_is_that_span() -> None:
    assert Span.enclosing([Span(3, 9)]) == Span(3, 9)


def test_span_is_frozen_and_ordered() -> None:
    span = Span(1, 2)
    with pytest.raises(AttributeError):
        span.start = 5  # type: ignore[misc]
    assert sorted([Span(4, 5), Span(1, 9), Span(1, 3)]) == [Span(1, 3), Span(1, 9), Span(4, 5)]


# --------------------------------------------------------------------------- LineIndex

MEMO = "ITEM 5.\nOTHER EVENTS\n\nNone."  # no final newline
# offsets:  I=0 ... "."=6, "\n"=7, O=8 ... S=19, "\n"=20, "\n"=21, N=22 ... "."=26, end=27


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, (1, 1)),
        (6, (1, 7)),
        (7, (1, 8)),  # the newline itself belongs to the line it ends
        (8, (2, 1)),
        (19, (2, 12)),
        (21, (3, 1)),  # the blank line
        (22, (4, 1)),
        (26, (4, 5)),
        (27, (4, 6)),  # the end of a text without a final newline
    ],
    ids=[
        "first-char",
        "end-of-line-1",
        "newline-1",
        "start-of-line-2",
        "inside-line-2",
        "blank-line",
        "last-line-start",
        "last-char",
        "end-of-text",
    ],
)
def test_line_index_position(offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(MEMO).position(offset) == expected


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(-1, (1, 1)), (-1000, (1, 1)), (28, (4, 6)), (10_000, (4, 6))],
    ids=["minus-one", "far-negative", "one-past-end", "far-past-end"],
)
def test_line_index_position_clamps_to_the_text(offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(MEMO).position(offset) == expected


def test_line_index_with_final_newline_puts_the_end_on_a_new_line() -> None:
    index = LineIndex("AB\nCD\n")
    assert index.position(5) == (2, 3)
    assert index.position(6) == (3, 1)
    assert index.position(99) == (3, 1)


def test_line_index_of_empty_text() -> None:
    index = LineIndex("")
    assert index.position(0) == (1, 1)
    assert index.position(5) == (1, 1)
    assert index.line_count == 1


def test_line_index_counts_crlf_lines_by_lf() -> None:
    # "\r" is an ordinary character for LineIndex: the column counts it.
    index = LineIndex("AB\r\nCD")
    assert index.position(2) == (1, 3)
    assert index.position(4) == (2, 1)


@pytest.mark.parametrize(
    ("line", "offset"),
    [(1, 0), (2, 8), (3, 21), (4, 22), (0, 0), (99, 22)],
    ids=["line-1", "line-2", "blank-line-3", "line-4", "line-0-clamped", "line-99-clamped"],
)
def test_line_index_line_start(line: int, offset: int) -> None:
    assert LineIndex(MEMO).line_start(line) == offset


def test_line_index_position_and_line_start_agree() -> None:
    index = LineIndex(MEMO)
    for offset in range(len(MEMO) + 1):
        line, column = index.position(offset)
        assert index.line_start(line) + column - 1 == offset


def test_line_index_asked_in_any_order_is_the_whole_text_index() -> None:
    # LineIndex indexes lines only as far as it is asked; positions asked for in any order
    # are those of an index of the whole text, counted here line by line (a 1998 filing,
    # twenty times over: 1.4 MB, so the index grows in several steps).
    import random
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "filings" / "0000891020-98-001352"
    text = (path / "0000891020-98-001352.txt").read_text(encoding="latin-1") * 20
    expected = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
    rng = random.Random(5)
    offsets = [0, 1, len(text), len(text) - 1, *rng.sample(range(len(text)), 300)]
    offsets += [(1 << k) + d for k in range(15, 21) for d in (-1, 0, 1, 50)]  # where it grows
    for ask in (offsets, sorted(offsets)):
        index = LineIndex(text)
        for offset in ask:
            line, column = index.position(offset)
            assert expected[line - 1] <= offset and expected[line - 1] + column - 1 == offset
            assert line == len(expected) or offset < expected[line]
    assert list(LineIndex(text).starts) == expected
    assert LineIndex(text).line_count == len(expected)
    assert LineIndex(text).line_start(len(expected)) == expected[-1]


# --------------------------------------------------------------------------- SourceMap

ORIGINAL = "0123456789ABCDEFGHIJ"


def _build(*steps: tuple[str, object, int, int]) -> tuple[str, SourceMap]:
    builder = SourceMapBuilder()
    for op, arg, start, end in steps:
        if op == "copy":
            builder.copy(str(arg), start, end)
        else:
            builder.replace(str(arg), start, end)
    return builder.build()


def test_identity_map_is_one_to_one() -> None:
    source_map = SourceMap.identity(100, 10)
    assert source_map.derived_length == 10
    assert [source_map.to_original(i) for i in range(11)] == list(range(100, 111))
    assert source_map.span(2, 7) == Span(102, 107)


def test_empty_map_maps_everything_to_zero() -> None:
    text, source_map = SourceMapBuilder().build()
    assert text == ""
    assert source_map.derived_length == 0
    assert source_map.to_original(0) == 0
    assert source_map.to_original(5) == 0
    assert source_map.span(0, 3) == Span(0, 0)


def test_contiguous_copies_merge_into_one_segment() -> None:
    builder = SourceMapBuilder()
    builder.copy(ORIGINAL, 2, 5)
    builder.copy(ORIGINAL, 5, 9)
    builder.copy(ORIGINAL, 9, 12)
    text, source_map = builder.build()
    assert text == ORIGINAL[2:12]
    # One merged segment: the internals hold a single start.
    assert list(source_map._n_starts) == [0]
    assert list(source_map._o_lens) == [10]
    assert [source_map.to_original(i) for i in range(11)] == list(range(2, 13))


def test_copies_with_a_gap_do_not_merge() -> None:
    builder = SourceMapBuilder()
    builder.copy(ORIGINAL, 0, 3)  # "012"
    builder.copy(ORIGINAL, 6, 9)  # "678"
    text, source_map = builder.build()
    assert text == "012678"
    assert list(source_map._n_starts) == [0, 3]
    assert [source_map.to_original(i) for i in range(6)] == [0, 1, 2, 6, 7, 8]
    assert source_map.to_original(6) == 9
    # A range across the gap covers the removed characters too.
    assert source_map.span(2, 4) == Span(2, 7)


def test_copy_after_padding_joins_it_and_maps_one_to_one() -> None:
    # An expanded tab and the text after it: one segment, its first spaces inserted.
    builder = SourceMapBuilder()
    builder.replace("    ", 0, 1)
    builder.copy(ORIGINAL, 1, 4)
    text, source_map = builder.build()
    assert text == "    123"
    assert list(source_map._n_starts) == [0]
    assert [source_map.to_original(i) for i in range(8)] == [0, 0, 0, 0, 1, 2, 3, 4]
    assert source_map.span(4, 7) == Span(1, 4)
    assert source_map.span(0, 7) == Span(0, 4)


def test_copy_does_not_join_a_shorter_replacement() -> None:
    builder = SourceMapBuilder()
    builder.replace("\n", 0, 2)
    builder.copy(ORIGINAL, 2, 4)
    text, source_map = builder.build()
    assert text == "\n23"
    assert list(source_map._n_starts) == [0, 1]
    assert [source_map.to_original(i) for i in range(4)] == [0, 2, 3, 4]


def test_padding_then_cells_is_one_segment_a_cell() -> None:
    # A row of cells laid out in columns: each gap is inserted before the cell after it.
    original = "<td>ab</td><td>cd</td>"
    builder = SourceMapBuilder()
    builder.replace_many([Piece("ab", 4, 6), Piece("   ", 15, 15), Piece("cd", 15, 17)])
    text, source_map = builder.build()
    assert text == "ab   cd"
    assert list(source_map._n_starts) == [0, 2]
    assert [source_map.to_original(i) for i in range(8)] == [4, 5, 15, 15, 15, 15, 16, 17]
    assert source_map.span(2, 5) == Span(15, 15)  # the padding alone: nothing of the original
    assert source_map.span(5, 7) == Span(15, 17)
    assert source_map.span(0, 7) == Span(4, 17)
    assert original[15:17] == "cd"
    assert source_map.derived_offset(15) == 5
    assert source_map.derived_offset(17, end=True) == 7


def test_copy_after_same_length_replacement_keeps_one_to_one_offsets() -> None:
    builder = SourceMapBuilder()
    builder.replace("X", 0, 1)
    builder.copy(ORIGINAL, 1, 4)
    text, source_map = builder.build()
    assert text == "X123"
    assert [source_map.to_original(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert source_map.span(0, 4) == Span(0, 4)


def test_empty_copy_and_empty_replacement_add_nothing() -> None:
    builder = SourceMapBuilder()
    builder.copy(ORIGINAL, 4, 4)
    builder.copy(ORIGINAL, 6, 3)
    builder.replace("", 0, 5)
    text, source_map = builder.build()
    assert text == ""
    assert list(source_map._n_starts) == []


def test_same_length_replace_maps_one_to_one() -> None:
    # "A\xa0B" with the no-break space made a space.
    original = "A\xa0B"
    text, source_map = _build(
        ("copy", original, 0, 1), ("replace", " ", 1, 2), ("copy", original, 2, 3)
    )
    assert text == "A B"
    assert [source_map.to_original(i) for i in range(4)] == [0, 1, 2, 3]
    assert source_map.span(1, 2) == Span(1, 2)
    assert source_map.span(0, 3) == Span(0, 3)


def test_same_length_multichar_replace_maps_one_to_one() -> None:
    original = "ab<S>cd"
    text, source_map = _build(
        ("copy", original, 0, 2), ("replace", "   ", 2, 5), ("copy", original, 5, 7)
    )
    assert text == "ab   cd"
    assert [source_map.to_original(i) for i in range(8)] == list(range(8))
    assert source_map.span(3, 4) == Span(3, 4)


def test_longer_replace_is_padding_then_the_range() -> None:
    # "ab\tc": the tab (offset 2) expanded to six spaces, the last of which stands for it.
    original = "ab\tc"
    text, source_map = _build(
        ("copy", original, 0, 2), ("replace", " " * 6, 2, 3), ("copy", original, 3, 4)
    )
    assert text == "ab      c"
    assert [source_map.to_original(i) for i in range(2, 8)] == [2] * 6
    assert source_map.to_original(8) == 3  # the "c" after the spaces
    assert source_map.to_original(9) == 4
    assert source_map.span(2, 8) == Span(2, 3)  # all the spaces: the tab
    assert source_map.span(4, 6) == Span(2, 2)  # inserted spaces only: none of the original
    assert source_map.span(0, 9) == Span(0, 4)
    assert source_map.span(8, 9) == Span(3, 4)


def test_shorter_replace_maps_to_whole_range() -> None:
    # "a\r\nb": CRLF made "\n".
    original = "a\r\nb"
    text, source_map = _build(
        ("copy", original, 0, 1), ("replace", "\n", 1, 3), ("copy", original, 3, 4)
    )
    assert text == "a\nb"
    assert source_map.to_original(1) == 1
    assert source_map.to_original(2) == 3
    assert source_map.span(1, 2) == Span(1, 3)
    assert source_map.span(0, 3) == Span(0, 4)


def test_replace_at_the_end_maps_the_end_past_the_range() -> None:
    # A newline added at the end of "abc": it stands for the empty range [3, 3).
    original = "abc"
    text, source_map = _build(("copy", original, 0, 3), ("replace", "\n", 3, 3))
    assert text == "abc\n"
    assert source_map.to_original(3) == 3
    assert source_map.to_original(4) == 3
    assert source_map.span(3, 4) == Span(3, 3)
    assert source_map.span(0, 4) == Span(0, 3)


def test_replace_segment_end_maps_to_range_end_when_nothing_follows() -> None:
    text, source_map = _build(("replace", "    ", 10, 11))
    assert text == "    "
    assert source_map.to_original(0) == 10
    assert source_map.to_original(3) == 10
    assert source_map.to_original(4) == 11


def test_span_across_segments() -> None:
    # "AB\tCD\r\nEF" -> "AB      CD\nEF"
    original = "AB\tCD\r\nEF"
    text, source_map = _build(
        ("copy", original, 0, 2),
        ("replace", " " * 6, 2, 3),
        ("copy", original, 3, 5),
        ("replace", "\n", 5, 7),
        ("copy", original, 7, 9),
    )
    assert text == "AB      CD\nEF"
    assert source_map.span(0, 10) == Span(0, 5)  # the first line
    assert source_map.span(11, 13) == Span(7, 9)  # the second line
    assert source_map.span(1, 9) == Span(1, 4)  # "B", the spaces, "C"
    assert source_map.span(9, 12) == Span(4, 8)  # "D", the line end, "E"
    assert source_map.span(0, 13) == Span(0, 9)
    second = source_map.span(11, 13)
    assert original[second.start : second.end] == text[11:13]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(3, 3, Span(3, 3)), (5, 2, Span(5, 5)), (0, 0, Span(0, 0))],
    ids=["empty", "reversed", "empty-at-0"],
)
def test_empty_or_reversed_range_is_an_empty_span_at_start(
    start: int, end: int, expected: Span
) -> None:
    source_map = SourceMap.identity(0, 10)
    assert source_map.span(start, end) == expected


def test_span_of_offset_map_never_ends_before_it_starts() -> None:
    original = "a\tb\r\nc"
    _, source_map = _build(
        ("copy", original, 0, 1),
        ("replace", "       ", 1, 2),
        ("copy", original, 2, 3),
        ("replace", "\n", 3, 5),
        ("copy", original, 5, 6),
    )
    for start in range(source_map.derived_length + 1):
        for end in range(start, source_map.derived_length + 1):
            span = source_map.span(start, end)
            assert 0 <= span.start <= span.end <= len(original)


# --------------------------------------------------------------------------- endswith


def test_endswith_on_empty_builder_is_false() -> None:
    assert SourceMapBuilder().endswith("\n") is False


def test_endswith_after_copy_and_replace() -> None:
    builder = SourceMapBuilder()
    builder.copy("line one\nline", 0, 9)
    assert builder.endswith("\n")
    assert builder.endswith("one\n")
    builder.copy("line one\nline", 9, 13)
    assert not builder.endswith("\n")
    assert builder.endswith("line")
    builder.replace("\n", 13, 13)
    assert builder.endswith("\n")
    builder.replace("  ", 13, 14)
    assert not builder.endswith("\n")
    assert builder.endswith(" ")


def test_endswith_suffix_spanning_two_pieces() -> None:
    builder = SourceMapBuilder()
    builder.copy("ab\n", 0, 2)  # "ab"
    builder.replace("\n", 2, 3)
    text, _ = builder.build()
    assert text.endswith("b\n")
    assert builder.endswith("b\n")


@pytest.mark.parametrize(
    "case",
    ["immunogen-8k-2002-11-12", "0000320193-24-000005_aapl-20240201", "0000950144-94-000277"],
)
def test_derived_offset_inverts_to_original_on_real_documents(case: str) -> None:
    """Every derived character copied verbatim is found again from its original offset."""
    from sec8k.pipeline import run
    from tests.conftest import FILINGS, case_input

    state = run(case_input(FILINGS / case), until="normalize")
    assert state.document is not None
    text, source_map = state.document.text, state.document.source_map
    original = state.source.text if state.source else ""
    checked = 0
    for d, char in enumerate(text):
        o = source_map.to_original(d)
        if char.isspace() or original[o : o + 1] != char:
            continue  # blanks, and characters made by a replacement (entities, glyphs)
        assert source_map.derived_offset(o) == d
        assert source_map.derived_offset(o + 1, end=True) == d + 1
        checked += 1
    assert checked > 1000


def _descents_by_definition(starts: list[int]) -> list[int]:
    return [k for k in range(1, len(starts)) if starts[k - 1] > starts[k]]


@pytest.mark.parametrize("seed", range(6))
def test_descents_are_the_segments_that_start_before_the_one_before_them(seed: int) -> None:
    # _descents reads the array in blocks of 4,096: descents just before, at and after a
    # block's edge are found as anywhere else.
    import random
    from array import array

    from sec8k.span import _DESCENT_BLOCK, _descents

    rng = random.Random(seed)
    starts = sorted(rng.randrange(1_000_000) for _ in range(3 * _DESCENT_BLOCK + 17))
    edges = [_DESCENT_BLOCK - 1, _DESCENT_BLOCK, _DESCENT_BLOCK + 1, 2 * _DESCENT_BLOCK]
    for k in [*rng.sample(range(1, len(starts)), 40), *edges]:
        starts[k] = starts[k - 1] - rng.randrange(1, 50)
    lens = [rng.randrange(12) for _ in starts]
    ends = [start + size for start, size in zip(starts, lens, strict=True)]
    expected = (_descents_by_definition(starts), _descents_by_definition(ends))
    assert len(expected[0]) >= 40 and len(expected[1]) >= 40
    found = _descents(array("q", starts), array("q", lens))
    assert (found[0].tolist(), found[1].tolist()) == expected
    for few in ([], [5]):
        assert [d.tolist() for d in _descents(array("q", few), array("q", few))] == [[], []]


@pytest.mark.parametrize("case", ["0000320193-24-000005_aapl-20240201", "0000930661-02-003342_d8k"])
def test_descents_of_real_html_maps_are_as_defined(case: str) -> None:
    """The maps of real HTML filings, tables laid out from cells, find their descents."""
    from sec8k.pipeline import run
    from tests.conftest import FILINGS, case_input

    state = run(case_input(FILINGS / case), until="normalize")
    assert state.document is not None
    source_map = state.document.source_map
    starts, lens = source_map._o_starts.tolist(), source_map._o_lens.tolist()
    assert len(starts) > 100
    ends = [start + size for start, size in zip(starts, lens, strict=True)]
    assert source_map._descents.tolist() == _descents_by_definition(starts)
    assert source_map._end_descents.tolist() == _descents_by_definition(ends)


def _span_reading_every_segment(source_map: SourceMap, start: int, end: int) -> Span:
    """SourceMap.span as defined: a range with a descent inside reads all its segments."""
    import bisect

    n_starts, n_lens = source_map._n_starts, source_map._n_lens
    o_starts, o_lens = source_map._o_starts, source_map._o_lens
    if not n_starts:
        return Span(0, 0)
    first = bisect.bisect_right(n_starts, start) - 1
    if first < 0:
        o_start = o_starts[0]
    else:
        d = start - n_starts[first]
        n_len, o_len = n_lens[first], o_lens[first]
        if d >= n_len:
            o_start = o_starts[first] + o_len
        elif n_len < o_len or d <= n_len - o_len:
            o_start = o_starts[first]
        else:
            o_start = o_starts[first] + d - (n_len - o_len)
    if end <= start:
        return Span(o_start, o_start)
    i = bisect.bisect_right(n_starts, end - 1) - 1
    if i < 0:
        return Span(o_start, o_start)
    d = end - 1 - n_starts[i]
    n_len, o_len = n_lens[i], o_lens[i]
    if d >= n_len or n_len < o_len:
        o_end = o_starts[i] + o_len
    else:
        o_end = o_starts[i] + max(0, d + 1 - (n_len - o_len))
    first = max(0, first)
    if any(first < k <= i and o_starts[k] < o_starts[k - 1] for k in range(first + 1, i + 1)):
        o_start = min(o_start, *o_starts[first + 1 : i + 1])
        o_end = max(o_end, *(o_starts[k] + o_lens[k] for k in range(first, i)))
    return Span(o_start, o_end if o_end > o_start else o_start)


@pytest.mark.parametrize("count", [600, _LISTED + 600], ids=["as-lists", "as-arrays"])
@pytest.mark.parametrize("seed", range(8))
def test_span_over_segments_out_of_order_holds_all_of_them(seed: int, count: int) -> None:
    # A range with descents inside reads only the segments at the start and end descents;
    # the span is the one reading every segment gives, on maps shuffled in places. The
    # map's own span() and a SpanReader's are both checked; the reader searches list
    # copies of a short map's columns, and a long one's arrays (as the map does).
    import random

    rng = random.Random(seed)
    segments = []
    derived = original = 0
    for _ in range(count):
        n_len, o_len = rng.choice([(1, 1), (4, 4), (3, 0), (1, 5), (6, 2), (9, 9)])
        segments.append((derived, n_len, original, o_len))
        derived += n_len
        original += o_len + rng.randrange(3)
    # Swap the original ranges of some runs of segments, as table cells read out of order.
    for _ in range(60):
        a = rng.randrange(len(segments) - 8)
        b = a + rng.randrange(1, 8)
        (da, na, oa, la), (db, nb, ob, lb) = segments[a], segments[b]
        segments[a], segments[b] = (da, na, ob, lb), (db, nb, oa, la)
    source_map = SourceMap(segments, derived)
    reader = SpanReader(source_map)
    assert len(source_map._descents) >= 30
    assert (reader._lists is not None) == (count <= _LISTED)
    for _ in range(2000):
        start = rng.randrange(derived + 1)
        end = min(derived, start + rng.choice([0, 1, 5, 40, 300, derived]))
        expected = _span_reading_every_segment(source_map, start, end)
        assert source_map.span(start, end) == expected
        assert reader.span(start, end) == expected


@pytest.mark.parametrize("case", ["0000320193-24-000005_aapl-20240201", "0000930661-02-003342_d8k"])
def test_span_over_real_html_tables_holds_all_their_segments(case: str) -> None:
    import random

    from sec8k.pipeline import run
    from tests.conftest import FILINGS, case_input

    state = run(case_input(FILINGS / case), until="normalize")
    assert state.document is not None
    source_map = state.document.source_map
    length = len(state.document.text)
    reader = SpanReader(source_map)
    rng = random.Random(case)
    widened = 0
    for _ in range(3000):
        start = rng.randrange(length)
        end = min(length, start + rng.choice([1, 50, 2000, length]))
        expected = _span_reading_every_segment(source_map, start, end)
        assert source_map.span(start, end) == expected
        assert reader.span(start, end) == expected
        widened += expected.start < source_map.to_original(start)
    assert widened > 0  # ranges with descents inside were asked
