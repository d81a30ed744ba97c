"""Spans, line positions and source maps.

Every node sec8k builds points into the ORIGINAL text of the file the user gave it (the
decoded characters, before any normalisation). The later stages read a normalised copy of
that text; a :class:`SourceMap` carries their offsets back.
"""

from __future__ import annotations

import bisect
import functools
import struct
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

__all__ = [
    "LineIndex",
    "Piece",
    "SourceMap",
    "SourceMapBuilder",
    "Span",
    "SpanReader",
    "line_index",
]

# Bound once: compiled code would look the function up on the module at every call.
_bisect_right: Final = bisect.bisect_right
_pack: Final = struct.pack


@dataclass(frozen=True, slots=True, order=True, init=False)
class Span:
    """A half-open range ``[start, end)`` of character offsets in the original text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(self, start: int, end: int) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        # Pickled as a call: the compiled class has no slot state that unpickling could set.
        return (Span, (self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start

    def union(self, other: Span) -> Span:
        """Return the smallest span that holds both spans."""
        return Span(min(self.start, other.start), max(self.end, other.end))

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    @staticmethod
    def enclosing(spans: Iterable[Span]) -> Span | None:
        """Return the span from the first start to the last end, or None for no spans."""
        # Compared as they come: min() and max() of a list are Python calls when compiled
        # (half of what a cover value's span cost).
        found = False
        low = high = 0
        for span in spans:
            if not found:
                low, high, found = span.start, span.end, True
                continue
            if span.start < low:
                low = span.start
            if span.end > high:
                high = span.end
        return Span(low, high) if found else None


class LineIndex:
    """Turns character offsets of a text into 1-based (line, column) positions.

    Lines are indexed as far as they are asked for: a submission's findings are mostly in
    its header and its first document, and the megabytes of exhibits after them need no
    index (reading a text that is not Latin-1 for line ends runs at some 180 MB/s).
    """

    __slots__ = ("_index", "_length", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._length = len(text)
        # The offset where each line starts, as far as text[:scanned + 1] (every line that
        # starts there), and scanned: one tuple, so that a thread reads both at once. A
        # machine-integer array: 4 bytes a line, not a list's 36 (a text of two-byte lines
        # would otherwise take 18 bytes of index per byte).
        self._index: tuple[array[int], int] = (array("I" if len(text) < 1 << 32 else "Q", [0]), 0)

    def _scan(self, offset: int) -> array[int]:
        """The index of the lines up to ``offset`` at least, extended in chunks that double."""
        indexed, scanned = self._index
        if offset <= scanned:
            return indexed
        stop = min(self._length, max(offset, 2 * scanned, _FIRST_SCAN))
        # Extended in a copy, then set whole: a thread that reads the index while another
        # extends it sees the old one whole, never a half-extended one.
        starts = array(indexed.typecode, indexed)
        # Line starts gathered in a list and packed to the array a batch at a time: the
        # find calls compile to direct ones, where bound methods went through Python's
        # call protocol (900 instructions a line, 1% of an HTML filing's).
        text = self._text
        batch: list[int] = []
        pos = text.find("\n", scanned, stop)
        while pos != -1:
            batch.append(pos + 1)
            if len(batch) == _SCAN_BATCH:
                starts.frombytes(_pack(f"{_SCAN_BATCH}{starts.typecode}", *batch))
                batch.clear()
            pos = text.find("\n", pos + 1, stop)
        if batch:
            starts.frombytes(_pack(f"{len(batch)}{starts.typecode}", *batch))
        self._index = (starts, stop)
        return starts

    @property
    def starts(self) -> array[int]:
        """The offset where each line starts, in order (the first is 0)."""
        return self._scan(self._length)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        starts = self._scan(offset)
        line = _bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts."""
        starts = self._scan(self._length)
        return starts[max(0, min(line, len(starts)) - 1)]

    @property
    def line_count(self) -> int:
        """Number of lines (a final line without a newline counts)."""
        return len(self._scan(self._length))


# Characters of a text indexed at the first position asked for (more where it is further).
_FIRST_SCAN: Final = 1 << 16
# Line starts LineIndex._scan packs to its array at a time.
_SCAN_BATCH: Final = 4096


@functools.lru_cache(maxsize=8)
def line_index(text: str) -> LineIndex:
    """The :class:`LineIndex` of ``text``, built once however many stages ask for it.

    The parse, the rules, the renderers and the command line all position findings in the
    same original text; a ``str`` caches its hash, so a repeated lookup costs nothing.
    """
    return LineIndex(text)


# How many segments _descents copies out of the array at a time.
_DESCENT_BLOCK: Final = 4096


def _descents(starts: array[int], lens: array[int]) -> tuple[array[int], array[int]]:
    """The segments that start before the one before them, and those that end before it.

    Positions in the original. Text laid out from HTML table cells can come from the
    original out of order; a range with such a segment inside maps to the smallest span
    holding all of its segments.
    """
    # Read a block at a time as lists: compiled, a loop over a list[int] compares native
    # ints, where pairwise() over the array made a tuple and two ints per segment (650
    # instructions a segment, 1% of an HTML filing's); a block keeps the copies small.
    # Found in lists, packed at the end: an array's append is a method call (800
    # instructions a descent, half of this function's time on the corpus HTML).
    by_start: list[int] = []
    by_end: list[int] = []
    previous = (-1, -1)
    for base in range(0, len(starts), _DESCENT_BLOCK):
        block: list[int] = starts[base : base + _DESCENT_BLOCK].tolist()
        sizes: list[int] = lens[base : base + _DESCENT_BLOCK].tolist()
        previous = _note_descents(block, sizes, len(block), base, previous, by_start, by_end)
    return _packed(by_start), _packed(by_end)


def _note_descents(
    starts: list[int],
    lens: list[int],
    count: int,
    base: int,
    previous: tuple[int, int],
    by_start: list[int],
    by_end: list[int],
) -> tuple[int, int]:
    """Add to ``by_start`` and ``by_end`` the descents among the first ``count`` segments.

    The segments are numbered from ``base``; ``previous`` is the original start and end of
    the segment before them ((-1, -1) for none). Returns the last one's, for the next call.
    """
    previous_start, previous_end = previous
    for j in range(count):
        start = starts[j]
        end = start + lens[j]
        if start < previous_start:
            by_start.append(base + j)
        if end < previous_end:
            by_end.append(base + j)
        previous_start = start
        previous_end = end
    return previous_start, previous_end


def _packed(values: list[int]) -> array[int]:
    """A list of offsets as an ``array("q")``, packed to bytes (see SourceMapBuilder._settle)."""
    packed = array("q")
    if values:
        packed.frombytes(_pack(f"{len(values)}q", *values))
    return packed


# SpanReader copies a map's columns to lists (some 100 bytes a segment) where it has at
# most _LISTED segments (some 100 KB) or one per _LISTED_CHARS derived characters (0.25
# bytes a character).
_LISTED: Final = 1024
_LISTED_CHARS: Final = 400


def _bisect_list(values: list[int], x: int) -> int:
    """``bisect_right(values, x)``, compiled to compare native ints."""
    return _bisect_between(values, x, 0, len(values))


def _bisect_between(values: list[int], x: int, lo: int, hi: int) -> int:
    """``bisect_right(values, x, lo, hi)``."""
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _bisect_list_from(values: list[int], x: int, lo: int) -> int:
    """``bisect_right(values, x)`` where it is known to be ``lo`` or more.

    Galloped from ``lo`` (1, 2, 4, ... entries on), then bisected: the end of a short range
    is in or near the segment of its start, a probe or two where a bisection of the whole
    map takes ten.
    """
    n = len(values)
    hi = lo
    step = 1
    while hi < n and values[hi] <= x:
        lo = hi + 1
        hi = lo + step
        step += step
    return _bisect_between(values, x, lo, min(hi, n))


def _start_in(d: int, n_len: int, o_start: int, o_len: int) -> int:
    """Where the derived offset ``d`` into a segment starts in the original."""
    if d >= n_len:
        return o_start + o_len
    if n_len < o_len or d <= n_len - o_len:
        return o_start
    return o_start + d - (n_len - o_len)


def _end_in(d: int, n_len: int, o_start: int, o_len: int) -> int:
    """Where the derived character at offset ``d`` into a segment ends in the original."""
    if d >= n_len or n_len < o_len:
        return o_start + o_len
    return o_start + max(0, d + 1 - (n_len - o_len))


class SourceMap:
    """Maps offsets of a derived text back to offsets of the original text.

    The derived text is a sequence of segments, each of ``n`` derived characters standing
    for ``o`` original ones. Where ``n >= o`` its first ``n - o`` characters are inserted
    (padding before a table cell, an inserted newline, the spaces a tab expands to) and map
    to the range's start, and the other ``o`` copy the original one to one: ``n == o`` is a
    verbatim copy, ``o == 0`` an insertion. Where ``n < o`` it replaces the range as a
    whole (a decoded entity, markup read as a newline): offsets inside it map to the
    range's start. Its end maps to the range's end. (Padding and the cell after it are one
    segment: a row of many short cells would otherwise cost two.)
    """

    __slots__ = (
        "_by_start",
        "_descents",
        "_end_descents",
        "_listed",
        "_n_lens",
        "_n_starts",
        "_o_lens",
        "_o_starts",
        "derived_length",
    )

    def __init__(
        self,
        segments: Iterable[tuple[int, int, int, int]],
        derived_length: int,
    ) -> None:
        # segments: (derived start, derived length, original start, original length).
        # Four machine-integer arrays: 32 bytes a segment, where tuples of ints take 150.
        columns = tuple(array("q") for _ in range(4))
        for segment in segments:
            for column, value in zip(columns, segment, strict=True):
                column.append(value)
        self._n_starts, self._n_lens, self._o_starts, self._o_lens = columns
        self.derived_length = derived_length
        self._descents, self._end_descents = _descents(self._o_starts, self._o_lens)
        self._by_start: tuple[list[int], list[int]] | None = None
        # The columns as lists, where the builder had them so: for the first SpanReader.
        self._listed: tuple[list[int], list[int], list[int], list[int]] | None = None

    @classmethod
    def _from_columns(
        cls,
        columns: tuple[array[int], ...],
        derived_length: int,
        descents: tuple[array[int], array[int]] | None = None,
        listed: tuple[list[int], list[int], list[int], list[int]] | None = None,
    ) -> SourceMap:
        """A map of the four columns, and their descents where the builder found them.

        ``listed``: the same columns as lists, which the builder had (see SpanReader).
        """
        made = cls((), derived_length)
        made._n_starts, made._n_lens, made._o_starts, made._o_lens = columns
        if descents is None:
            descents = _descents(made._o_starts, made._o_lens)
        made._descents, made._end_descents = descents
        made._listed = listed
        return made

    @classmethod
    def identity(cls, start: int, length: int) -> SourceMap:
        """A map for a verbatim copy of ``length`` characters found at ``start``."""
        return cls([(0, length, start, length)], length)

    def to_original(self, offset: int) -> int:
        """Map a derived offset (a position between characters) to an original offset."""
        if not self._n_starts:
            return 0
        i = _bisect_right(self._n_starts, offset) - 1
        if i < 0:
            return self._o_starts[0]
        d = offset - self._n_starts[i]
        n_len, o_len = self._n_lens[i], self._o_lens[i]
        if d >= n_len:
            return self._o_starts[i] + o_len
        if n_len < o_len:
            return self._o_starts[i]
        return self._o_starts[i] + max(0, d - (n_len - o_len))

    def derived_offset(self, offset: int, *, end: bool = False) -> int:
        """Where original ``offset`` falls in the derived text: the inverse of :meth:`to_original`.

        For a start (``end`` false): the first derived character that comes from
        ``offset`` or after it. For an end: just after the derived character that comes
        from the last original character before ``offset``. The derived text of an original
        range ``[a, b)`` is then ``[derived_offset(a), derived_offset(b, end=True))``: exact
        where the map keeps the original's order, and the smallest range holding the
        range's first and last characters where a table's layout does not. Characters the
        derived text does not hold (markup, text set aside) count as the next (for a start)
        or the previous (for an end) character it does.
        """
        starts, order = self._by_original()
        at = offset - 1 if end else offset
        k = _bisect_right(starts, at) - 1
        if k >= 0:
            i = order[k]
            inside = at - self._o_starts[i]
            n_start, n_len, o_len = self._n_starts[i], self._n_lens[i], self._o_lens[i]
            if inside < o_len:
                if n_len < o_len:  # a replacement: all of it or none of it
                    return n_start + n_len if end else n_start
                return n_start + n_len - o_len + inside + (1 if end else 0)
            if end:
                return n_start + n_len
        if end:
            return 0
        if k + 1 < len(order):
            return int(self._n_starts[order[k + 1]])
        return self.derived_length

    def _by_original(self) -> tuple[list[int], list[int]]:
        """Segments that hold original characters, by original start: starts, indexes."""
        if self._by_start is not None:
            return self._by_start
        order = sorted(
            (i for i in range(len(self._o_starts)) if self._o_lens[i] > 0),
            key=lambda i: (self._o_starts[i], self._n_starts[i]),
        )
        self._by_start = ([self._o_starts[i] for i in order], order)
        return self._by_start

    def span(self, start: int, end: int) -> Span:
        """Map the derived range ``[start, end)`` to a span of the original."""
        ns, nl, os_, ol = self._n_starts, self._n_lens, self._o_starts, self._o_lens
        if not ns:
            return Span(0, 0)
        first = _bisect_right(ns, start) - 1
        last = _bisect_right(ns, end - 1) - 1 if end > start else -1
        a, b = max(first, 0), max(last, 0)
        return self._mapped(
            start, end, first, last, ns[a], nl[a], os_[a], ol[a], ns[b], nl[b], os_[b], ol[b]
        )

    def _columns_as_lists(self) -> tuple[list[int], list[int], list[int], list[int]] | None:
        """The four columns as lists, where that costs little memory (see SpanReader).

        The lists the builder handed over go to the first reader that asks, and the map
        lets go of them: it keeps its arrays only.
        """
        listed = self._listed
        if listed is not None:
            self._listed = None
            return listed
        count = len(self._n_starts)
        if not count or count > max(_LISTED, self.derived_length // _LISTED_CHARS):
            return None
        return (
            self._n_starts.tolist(),
            self._n_lens.tolist(),
            self._o_starts.tolist(),
            self._o_lens.tolist(),
        )

    def _mapped(
        self,
        start: int,
        end: int,
        first: int,
        last: int,
        n_start: int,
        n_len: int,
        o_start: int,
        o_len: int,
        last_n_start: int,
        last_n_len: int,
        last_o_start: int,
        last_o_len: int,
    ) -> Span:
        """The span of ``[start, end)`` from the segments of its first and last characters.

        ``first`` and ``last`` are their indexes (-1 where the character comes before every
        segment, or for ``last`` where the range is empty), then each one's four fields
        (segment 0's for -1).
        """
        begin = o_start if first < 0 else _start_in(start - n_start, n_len, o_start, o_len)
        if last < 0:  # an empty range, or one before every segment
            return Span(begin, begin)
        finish = _end_in(end - 1 - last_n_start, last_n_len, last_o_start, last_o_len)
        return self._finished(max(0, first), last, begin, finish)

    def _finished(self, first: int, last: int, o_start: int, o_end: int) -> Span:
        """The span of segments ``first`` to ``last``, widened where the range descends."""
        descents = self._descents
        if descents and first < last:
            # Only a range with a descent inside needs its segments looked at.
            k = _bisect_right(descents, first)
            if k < len(descents) and descents[k] <= last:
                o_start, o_end = self._widened(first, last, k, o_start, o_end)
        return Span(o_start, o_end if o_end > o_start else o_start)

    def _widened(self, first: int, last: int, k: int, o_start: int, o_end: int) -> tuple[int, int]:
        """``(o_start, o_end)`` widened to hold segments ``first`` to ``last``.

        ``k`` is the first descent after ``first``. The starts rise between descents, so
        the smallest start of the range is its first one or one at a descent; the ends
        rise between their own descents, so the largest is the range's last one or one
        just before such a descent. Only those are read: a range over a long table would
        otherwise read every segment (26,000 instructions a range on the corpus HTML).
        """
        o_starts = self._o_starts
        o_lens = self._o_lens
        descents = self._descents
        low = o_starts[first + 1]
        while k < len(descents) and descents[k] <= last:
            d: int = descents[k]
            if o_starts[d] < low:
                low = o_starts[d]
            k += 1
        ends = self._end_descents
        # The ends of segments first to last - 1 (the last one's end is o_end's own).
        high = o_starts[last - 1] + o_lens[last - 1]
        j = _bisect_right(ends, first)
        while j < len(ends) and ends[j] <= last - 1:
            e: int = ends[j]
            end = o_starts[e - 1] + o_lens[e - 1]
            if end > high:
                high = end
            j += 1
        return min(o_start, low), max(o_end, high)


class SpanReader:
    """:meth:`SourceMap.span` for a stage that asks for a span per node and cover cell.

    Compiled, an ``array`` hands out each element as a new int object through a generic
    call, and ``bisect_right`` on it does the same at every probe: a span cost 5,000
    instructions on a plain-text cover and 9,000 on an HTML one. A reader searches list
    copies of the map's columns with native ints instead, where they are small: up to
    _LISTED segments, or one per _LISTED_CHARS characters of the derived text (every
    plain-text document, HTML ones of up to some 80 KB). The copies live as long as the
    reader (the transform's :class:`~sec8k.transform.base.Context`), so the map that a
    filing keeps stays four arrays. A map whose segments all stayed in the builder's lists
    until it was built (fewer than _PENDING) has those lists to give its first reader,
    which then makes no copies.
    """

    __slots__ = ("_descents", "_end_descents", "_lists", "_map")

    def __init__(self, source_map: SourceMap) -> None:
        self._map = source_map
        self._lists = source_map._columns_as_lists()
        # The map's descents too, where its columns are listed: searched once a span over
        # HTML tables, where bisect_right on the array was a Python call, and read with
        # the columns where a range holds one (see SourceMap._widened).
        self._descents: list[int] = source_map._descents.tolist() if self._lists else []
        self._end_descents: list[int] = source_map._end_descents.tolist() if self._lists else []

    def span(self, start: int, end: int) -> Span:
        """The same span as :meth:`SourceMap.span`.

        What SourceMap._mapped and _finished do, written out over the lists: their call
        passed twelve ints, and the descents were searched in their array.
        """
        lists = self._lists
        if lists is None:
            return self._map.span(start, end)
        ns, nl, os_, ol = lists
        after = _bisect_list(ns, start)
        first = after - 1
        if first < 0:
            first = 0
            begin = os_[0]
        else:
            begin = _start_in(start - ns[first], nl[first], os_[first], ol[first])
        if end <= start:
            return Span(begin, begin)  # an empty range
        last = _bisect_list_from(ns, end - 1, after) - 1  # end - 1 >= start
        if last < 0:
            return Span(begin, begin)  # before every segment
        finish = _end_in(end - 1 - ns[last], nl[last], os_[last], ol[last])
        descents = self._descents
        if descents and first < last:
            # Only a range with a descent inside needs its segments looked at.
            k = _bisect_list(descents, first)
            if k < len(descents) and descents[k] <= last:
                low, high = _widened(os_, ol, descents, self._end_descents, first, last, k)
                if low < begin:
                    begin = low
                if high > finish:
                    finish = high
        return Span(begin, finish if finish > begin else begin)


def _widened(
    o_starts: list[int],
    o_lens: list[int],
    descents: list[int],
    ends: list[int],
    first: int,
    last: int,
    k: int,
) -> tuple[int, int]:
    """:meth:`SourceMap._widened` over a SpanReader's lists: the range's (low, high).

    The smallest start of segments ``first + 1`` to ``last`` and the largest end of
    ``first`` to ``last - 1``, read at their descents. (The arrays hand out each element
    through a generic call: 6,500 instructions a range on the corpus HTML.)
    """
    low = o_starts[first + 1]
    while k < len(descents) and descents[k] <= last:
        d = descents[k]
        if o_starts[d] < low:
            low = o_starts[d]
        k += 1
    high = o_starts[last - 1] + o_lens[last - 1]
    j = _bisect_list(ends, first)
    while j < len(ends) and ends[j] <= last - 1:
        e = ends[j]
        end = o_starts[e - 1] + o_lens[e - 1]
        if end > high:
            high = end
        j += 1
    return low, high


NARROW_LIMIT: Final = 2**29
"""Originals shorter than this get 32-bit maps: their derived texts stay under 2**31."""


class Piece:
    """A piece of derived text and the original range ``[start, end)`` it stands for.

    Mutable: a reader may trim a piece's text before it is written.
    """

    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Piece({self.text!r}, {self.start}, {self.end})"


_PENDING: Final = 1024


class SourceMapBuilder:
    """Builds a derived text piece by piece, recording where each piece came from."""

    __slots__ = (
        "_by_end",
        "_by_start",
        "_chunks",
        "_last",
        "_length",
        "_line_start",
        "_n_lens",
        "_n_starts",
        "_o_lens",
        "_o_starts",
        "_parts",
        "_pn_lens",
        "_pn_starts",
        "_po_lens",
        "_po_starts",
        "_tracked",
    )

    def __init__(self, wide: bool = True) -> None:
        """``wide=False`` where every offset and length fits in 32 bits (half the memory)."""
        self._parts: list[str] = []
        # Every 1,024 parts are joined into one chunk: a string object per part would cost
        # more than the text of a short line.
        self._chunks: list[str] = []
        # The segments as SourceMap keeps them, one array per field.
        kind = "q" if wide else "i"
        self._n_starts: array[int] = array(kind)
        self._n_lens: array[int] = array(kind)
        self._o_starts: array[int] = array(kind)
        self._o_lens: array[int] = array(kind)
        # New segments go to lists first: a list takes an int in a few instructions, an
        # array through a method call (350 instructions, measured, compiled). Every
        # _PENDING segments all but the last move to the arrays, which keeps the extra
        # memory constant and the segment the next piece may extend in the lists.
        self._pn_starts: list[int] = []
        self._pn_lens: list[int] = []
        self._po_starts: list[int] = []
        self._po_lens: list[int] = []
        self._length = 0
        self._line_start = 0
        # The map's descents (see _descents), found as segments settle, while their fields
        # are ints in lists: read back out of the arrays at the end, a block at a time, they
        # cost a tenth of what the source map of an HTML document did. A settled segment
        # does not change (the last one stays pending), except through cut and _reopen,
        # after which the map finds them itself (``_tracked`` false).
        self._by_start: list[int] = []
        self._by_end: list[int] = []
        self._last = (-1, -1)  # the original start and end of the last settled segment
        self._tracked = True

    def _settle(self, keep: int) -> None:
        """Move the pending segments to the arrays, all but the last ``keep``."""
        k = len(self._pn_starts) - keep
        if k <= 0:
            return
        o_starts = self._po_starts
        o_lens = self._po_lens
        if self._tracked:
            self._last = _note_descents(
                o_starts, o_lens, k, len(self._n_starts), self._last, self._by_start, self._by_end
            )
        # Packed to bytes first: array.extend takes each int through the iterator protocol
        # and fromlist through argument parsing (measured: 5 and 2 times as slow).
        layout = f"{k}{self._n_starts.typecode}"
        if keep:
            self._n_starts.frombytes(_pack(layout, *self._pn_starts[:k]))
            self._n_lens.frombytes(_pack(layout, *self._pn_lens[:k]))
            self._o_starts.frombytes(_pack(layout, *o_starts[:k]))
            self._o_lens.frombytes(_pack(layout, *o_lens[:k]))
            self._pn_starts = self._pn_starts[k:]
            self._pn_lens = self._pn_lens[k:]
            self._po_starts = o_starts[k:]
            self._po_lens = o_lens[k:]
            return
        # All of them (the map is built or cut): the lists are packed whole, not copied,
        # then let go of (build may hand them to the map).
        self._n_starts.frombytes(_pack(layout, *self._pn_starts))
        self._n_lens.frombytes(_pack(layout, *self._pn_lens))
        self._o_starts.frombytes(_pack(layout, *o_starts))
        self._o_lens.frombytes(_pack(layout, *o_lens))
        self._pn_starts = []
        self._pn_lens = []
        self._po_starts = []
        self._po_lens = []

    def _reopen(self) -> None:
        """Bring the last segment back to the lists, if all are in the arrays."""
        if not self._pn_starts and self._n_starts:
            self._tracked = False  # a settled segment that may change: see __init__
            self._pn_starts.append(self._n_starts.pop())
            self._pn_lens.append(self._n_lens.pop())
            self._po_starts.append(self._o_starts.pop())
            self._po_lens.append(self._o_lens.pop())

    def _appended(self, text: str) -> None:
        newline = text.rfind("\n")
        if newline != -1:
            self._line_start = self._length + newline + 1
        self._parts.append(text)
        self._length += len(text)
        if len(self._parts) >= 1024:
            self._chunks.append("".join(self._parts))
            self._parts.clear()

    @property
    def column(self) -> int:
        """0-based column where the next character of the derived text goes."""
        return self._length - self._line_start

    @property
    def length(self) -> int:
        """Characters of derived text so far."""
        return self._length

    def _extends_last(self, start: int) -> bool:
        """Whether a one-to-one piece from ``start`` continues the last segment."""
        self._reopen()
        if not self._pn_lens:
            return False
        n_len, o_len = self._pn_lens[-1], self._po_lens[-1]
        return (
            n_len >= o_len
            and self._po_starts[-1] + o_len == start
            and self._pn_starts[-1] + n_len == self._length
        )

    def _add(self, n: int, start: int, o_len: int) -> None:
        self._pn_starts.append(self._length)
        self._pn_lens.append(n)
        self._po_starts.append(start)
        self._po_lens.append(o_len)
        if len(self._pn_starts) >= _PENDING:
            self._settle(1)

    def copy(self, original: str, start: int, end: int) -> None:
        """Append ``original[start:end]`` verbatim."""
        if end <= start:
            return
        n = end - start
        if self._extends_last(start):
            self._pn_lens[-1] += n
            self._po_lens[-1] += n
        else:
            self._add(n, start, n)
        self._appended(original[start:end])

    def replace(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for the original range ``[start, end)``."""
        if not text:
            return
        # A same-length replacement (a no-break space made a space) keeps offsets one to one,
        # and joins a one-to-one segment right before it (a run of blanked tags is one).
        n = len(text)
        if n == end - start and self._extends_last(start):
            self._pn_lens[-1] += n
            self._po_lens[-1] += n
        else:
            self._add(n, start, end - start)
        self._appended(text)

    def replace_many(self, pieces: list[Piece]) -> None:
        """:meth:`replace` for each piece, in order."""
        self._reopen()
        n_starts, n_lens = self._pn_starts, self._pn_lens
        o_starts, o_lens = self._po_starts, self._po_lens
        length = self._length
        # The original end of the last segment where a one-to-one piece can continue it (it
        # copies, or pads and copies) and it ends the text.
        tail = -1
        if n_lens and n_lens[-1] >= o_lens[-1] and n_starts[-1] + n_lens[-1] == length:
            tail = o_starts[-1] + o_lens[-1]
        # The texts go to the parts as they are, not joined per call: the join was a copy
        # of every line more.
        parts = self._parts
        for piece in pieces:
            text = piece.text
            n = len(text)
            if not n:
                continue
            start = piece.start
            end = piece.end
            o = end - start
            if n == o and start == tail:
                n_lens[-1] += n
                o_lens[-1] += n
            else:
                n_starts.append(length)
                n_lens.append(n)
                o_starts.append(start)
                o_lens.append(o)
            tail = end if n >= o else -1
            length += n
            parts.append(text)
        if length > self._length:
            # The line starts after the last newline: found from the last piece back (a
            # line's newline is its last piece).
            at = length
            k = len(pieces) - 1
            while k >= 0:
                text = pieces[k].text
                newline = text.rfind("\n")
                if newline != -1:
                    self._line_start = at - len(text) + newline + 1
                    break
                at -= len(text)
                k -= 1
            self._length = length
            if len(parts) >= 1024:
                self._chunks.append("".join(parts))
                parts.clear()
        if len(n_starts) >= _PENDING:
            self._settle(1)

    def cut(self, cuts: Iterable[tuple[int, int]]) -> None:
        """Take ranges of the derived text out of what was built.

        Each cut is a derived range ``[start, end)``; what follows moves back. A segment
        copied verbatim is split where a cut begins or ends inside it (text written later
        may have joined it); a replaced range goes where it lies inside a cut. (The HTML
        reader writes each line as it ends and learns only at the end of the document
        which lines were running headers.)
        """
        ranges = sorted((start, end) for start, end in cuts if end > start)
        if not ranges:
            return
        self._tracked = False  # the segments move: see __init__
        self._settle(0)
        text = "".join([*self._chunks, *self._parts])
        kept_text = []
        position = 0
        for start, end in ranges:
            kept_text.append(text[position:start])
            position = end
        kept_text.append(text[position:])
        columns = (self._n_starts, self._n_lens, self._o_starts, self._o_lens)
        kept = tuple(array(column.typecode) for column in columns)
        k_starts, k_lens, k_o_starts, k_o_lens = kept

        def keep(start: int, n: int, o_start: int, o_len: int) -> None:
            if (
                n == o_len
                and k_lens
                and k_lens[-1] >= k_o_lens[-1]
                and k_starts[-1] + k_lens[-1] == start
                and k_o_starts[-1] + k_o_lens[-1] == o_start
            ):
                k_lens[-1] += n  # a copy that continues the kept segment before it
                k_o_lens[-1] += n
                return
            for into, value in zip(kept, (start, n, o_start, o_len), strict=True):
                into.append(value)

        def one(a: int, n: int, o: int, m: int, r: int, removed: int) -> None:
            # One segment, ``r`` the first cut not wholly before it, ``removed`` the length
            # of the cuts before that.
            b = a + n
            if r == len(ranges) or ranges[r][0] >= b:
                keep(a - removed, n, o, m)
            elif n < m:  # a replacement: it goes if it lies in the cut
                if not (ranges[r][0] <= a and b <= ranges[r][1]):
                    keep(a - removed, n, o, m)
            else:  # padding, then a verbatim copy: keep the parts outside the cuts
                copied = b - m  # where the copy begins
                x, k, before = a, r, removed
                while x < b:
                    if k < len(ranges) and ranges[k][0] <= x:
                        x = min(ranges[k][1], b)
                        if ranges[k][1] <= b:
                            before += ranges[k][1] - ranges[k][0]
                            k += 1
                        continue
                    y = min(b, ranges[k][0]) if k < len(ranges) else b
                    if x < copied:
                        pad_end = min(y, copied)
                        keep(x - before, pad_end - x, o, 0)
                        x = pad_end
                    if x < y:
                        keep(x - before, y - x, o + (x - copied), y - x)
                    x = y

        n_starts, n_lens, o_starts, o_lens = columns
        count = len(n_starts)
        i = r = removed = 0
        while i < count:
            while r < len(ranges) and ranges[r][1] <= n_starts[i]:
                removed += ranges[r][1] - ranges[r][0]
                r += 1
            # Segments are contiguous: those before the one holding the next cut's start
            # end before it, and only move back (the first may join the kept one before).
            j = count if r == len(ranges) else _bisect_right(n_starts, ranges[r][0]) - 1
            one(n_starts[i], n_lens[i], o_starts[i], o_lens[i], r, removed)
            if j > i + 1:
                # Packed to bytes, as in _settle: extend() takes a list through the
                # iterator protocol (a sixth of cut's instructions on the corpus HTML).
                moved = [start - removed for start in n_starts[i + 1 : j]]
                k_starts.frombytes(_pack(f"{len(moved)}{k_starts.typecode}", *moved))
                k_lens.extend(n_lens[i + 1 : j])
                k_o_starts.extend(o_starts[i + 1 : j])
                k_o_lens.extend(o_lens[i + 1 : j])
                i = j
            else:
                i += 1
        self._chunks = ["".join(kept_text)]
        self._parts = []
        self._n_starts, self._n_lens, self._o_starts, self._o_lens = kept
        self._length = len(self._chunks[0])
        self._line_start = self._chunks[0].rfind("\n") + 1
        self._reopen()

    def endswith(self, suffix: str) -> bool:
        """Whether the text built so far ends with ``suffix``."""
        tail = ""
        for part in reversed([*self._chunks[-1:], *self._parts]):
            tail = part + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    def build(self) -> tuple[str, SourceMap]:
        """Return the derived text and its map; the builder is done with."""
        listed = None
        if not self._n_starts and self._pn_starts:
            # Every segment is still in the lists: the map's first reader takes them.
            listed = (self._pn_starts, self._pn_lens, self._po_starts, self._po_lens)
        self._settle(0)
        columns = (self._n_starts, self._n_lens, self._o_starts, self._o_lens)
        text = "".join([*self._chunks, *self._parts])
        descents = None
        if self._tracked:
            descents = (_packed(self._by_start), _packed(self._by_end))
        return text, SourceMap._from_columns(columns, self._length, descents, listed)
