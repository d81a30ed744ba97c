"""Property tests for the transformers' helpers: clean() and the cover's slots."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=200, deadline=None)


# --------------------------------------------------------------------------- clean()

_CLEAN_CHARS = st.sampled_from(
    ["a", "Z", "9", ".", " ", "  ", "\t", "\n", "\xa0", "\u2003", "\u200b", "\ufeff", "\u2019"]
)


def _clean_by_definition(text: str) -> str:
    from sec8k.transform.values import _INVISIBLE

    return " ".join(text.translate(_INVISIBLE).split())


@SETTINGS
@given(st.lists(_CLEAN_CHARS, max_size=30).map("".join))
def test_clean_collapses_white_space_and_invisibles_as_defined(text: str) -> None:
    # clean() returns a text it finds already clean as it is; the answer is the same.
    from sec8k.transform.values import clean

    assert clean(text) == _clean_by_definition(text)


def test_clean_of_every_character_is_as_defined() -> None:
    from sec8k.transform.values import clean

    for code in range(0x3100):
        for text in (chr(code), f"a{chr(code)}b", f"a {chr(code)} b"):
            assert clean(text) == _clean_by_definition(text), hex(code)


# --------------------------------------------------------------------------- cover slots

_COLUMNS = st.tuples(st.integers(0, 60), st.integers(1, 20))


@SETTINGS
@given(st.lists(_COLUMNS, min_size=1, max_size=6), _COLUMNS)
def test_a_cell_goes_to_the_slot_max_picks(
    slots: list[tuple[int, int]], cell: tuple[int, int]
) -> None:
    # _best_slot is the first slot with the most shared columns, then the smallest gap:
    # what max() with that key picks.
    from sec8k.transform.base import Cell
    from sec8k.transform.cover import _best_slot, _Slot

    made = [
        _Slot([Cell("CELL", "x" * width, col, col + width, col, col + width)])
        for col, width in slots
    ]
    c = Cell("CELL", "y" * cell[1], cell[0], cell[0] + cell[1], cell[0], cell[0] + cell[1])
    expected = max(made, key=lambda slot: (slot.overlap(c), -slot.gap(c)))
    assert _best_slot(made, c) is expected
