"""Property tests for sec8k.span.SourceMapBuilder: pieces, joins and cuts."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sec8k.span import Piece, SourceMapBuilder, Span

SETTINGS = settings(max_examples=300, deadline=None)

ORIGINAL = "".join(chr(ord("a") + i % 26) for i in range(400))

# One piece of derived text: a copy of the next original characters, padding (spaces that
# stand for nothing), an expansion (a tab made spaces), or a replacement (markup made a
# newline). Each piece reads on from where the last one stopped, perhaps after a gap.
_piece = st.tuples(
    st.sampled_from(["copy", "pad", "expand", "replace"]),
    st.integers(0, 3),  # original characters skipped before it
    st.integers(1, 6),  # its size
)


Pieces = list[tuple[str, int, int]]


def _write(pieces: Pieces, many: bool) -> tuple[SourceMapBuilder, list[int]]:
    """A builder holding the pieces, and each derived character's original offset."""
    builder = SourceMapBuilder()
    expected: list[int] = []
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for kind, gap, size in pieces:
        at += gap
        if kind == "copy":
            text, end = ORIGINAL[at : at + size], at + size
            expected += range(at, end)
        elif kind == "pad":
            text, end = " " * size, at
            expected += [at] * size
        elif kind == "expand":
            text, end = " " * (size + 1), at + 1
            expected += [at] * (size + 1)
        else:
            text, end = "\n", at + size
            expected.append(at)
        texts.append(text)
        starts.append(at)
        ends.append(end)
        at = end
    if many:
        builder.replace_many([Piece(*piece) for piece in zip(texts, starts, ends, strict=True)])
    else:
        for text, start, end in zip(texts, starts, ends, strict=True):
            if text == ORIGINAL[start:end]:
                builder.copy(ORIGINAL, start, end)
            else:
                builder.replace(text, start, end)
    return builder, expected


@SETTINGS
@given(st.lists(_piece, max_size=30), st.booleans())
def test_every_derived_character_maps_where_it_came_from(pieces: Pieces, many: bool) -> None:
    builder, expected = _write(pieces, many)
    text, source_map = builder.build()
    assert len(text) == source_map.derived_length == len(expected)
    assert [source_map.to_original(i) for i in range(len(text))] == expected
    # A copied character's span is itself, and derived_offset finds it again.
    for i, char in enumerate(text):
        if char not in " \n":
            o = expected[i]
            assert source_map.span(i, i + 1) == Span(o, o + 1)
            assert source_map.derived_offset(o) == i
            assert source_map.derived_offset(o + 1, end=True) == i + 1


@SETTINGS
@given(st.lists(_piece, max_size=30), st.booleans(), st.data())
def test_a_cut_keeps_the_map_of_every_character_left(
    pieces: Pieces, many: bool, data: st.DataObject
) -> None:
    builder, expected = _write(pieces, many)
    text = builder.build()[0]
    # Cuts never split a replacement (the HTML reader cuts whole lines): none holds one.
    bounds = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    cuts = [
        (a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if "\n" not in text[a:b]
    ]
    builder.cut(cuts)
    kept_text, kept_map = builder.build()
    left = [i for i in range(len(text)) if not any(a <= i < b for a, b in cuts)]
    assert kept_text == "".join(text[i] for i in left)
    assert kept_map.derived_length == len(kept_text)
    assert [kept_map.to_original(j) for j in range(len(left))] == [expected[i] for i in left]


def test_a_long_map_is_kept_whole_across_its_batches_and_a_cut() -> None:
    # The builder keeps new segments in lists and moves them to arrays 1,024 at a time:
    # thousands of segments that do not join, written one by one and many at a time, with a
    # cut between two runs of writing, map every character as a reference list does.
    rng = random.Random(12)
    original = "".join(chr(ord("a") + i % 26) for i in range(60_000))
    builder = SourceMapBuilder(wide=False)
    expected: list[int] = []
    derived: list[str] = []
    at = 0

    def write(count: int) -> None:
        nonlocal at
        for _ in range(count // 10):
            texts, starts, ends = [], [], []
            for _ in range(10):
                at += rng.randint(0, 2)
                size = rng.randint(1, 4)
                copied = rng.random() < 0.7
                text = original[at : at + size] if copied else "\n"
                expected.extend(range(at, at + size) if copied else [at])
                derived.append(text)
                texts.append(text)
                starts.append(at)
                ends.append(at + size)
                at += size
            if rng.random() < 0.5:
                builder.replace_many(
                    [Piece(*piece) for piece in zip(texts, starts, ends, strict=True)]
                )
                continue
            for text, start, end in zip(texts, starts, ends, strict=True):
                if text == "\n":
                    builder.replace(text, start, end)
                else:
                    builder.copy(original, start, end)

    write(3000)
    text = "".join(derived)
    # Cuts never split a replacement (the HTML reader cuts whole lines): three runs of
    # copied text, near the start, in the second batch, and near the end.
    cuts = []
    for target in (100, 2000, len(text) - 60):
        run = re.compile(r"[^\n]{3,}").search(text, target)
        assert run is not None
        cuts.append(run.span())
    builder.cut(cuts)
    kept = [i for i in range(len(text)) if not any(a <= i < b for a, b in cuts)]
    expected[:] = [expected[i] for i in kept]
    derived[:] = [text[i] for i in kept]
    write(2500)
    kept_text, kept_map = builder.build()
    assert kept_text == "".join(derived)
    assert len(kept_map._n_starts) > 2 * 1024  # enough segments for two batches
    assert [kept_map.to_original(i) for i in range(len(kept_text))] == expected
