"""Property tests for sec8k.span.SourceMapBuilder: pieces, joins and cuts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sec8k.span import SourceMapBuilder, Span

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
        builder.replace_many(texts, starts, ends)
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
