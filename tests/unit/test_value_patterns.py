"""Rewritten value patterns read exactly what the patterns they replace read."""

from __future__ import annotations

import random
import re

import pytest

from sec8k.transform import cover
from tests.conftest import corpus_files

# The patterns as they were, before they were written to open with a digit class (a
# pattern that opens with "\b" is tried at every position of the text it searches).
_OLD = {
    "_FILE_NUMBER": r"\b\d{1,3}-\d{3,6}(?:-\d{1,4})?\b",
    "_IRS_NUMBER": r"\b\d{2}\s?-\s?\d{7}\b|\b\d{9}\b",
}
# Digits (one not ASCII), word characters, hyphens, blanks and punctuation: what the
# patterns' edges turn on.
_ALPHABET = "0123456789" * 3 + "\u0663a_Z-- \t\n.,(/"


def _new(name: str) -> re.Pattern[str]:
    pattern: re.Pattern[str] = getattr(cover, name)
    return pattern


def _same(old: re.Pattern[str], new: re.Pattern[str], text: str) -> None:
    # Every match, from every start: search() from each position, as callers search
    # cells and lines, fullmatch() as pieces are told apart, and finditer() over the whole.
    assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)]
    assert bool(old.fullmatch(text)) == bool(new.fullmatch(text)), text
    for pos in range(len(text) + 1):
        a, b = old.search(text, pos), new.search(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


@pytest.mark.parametrize("name", sorted(_OLD))
def test_generated_strings(name: str) -> None:
    old, new = re.compile(_OLD[name]), _new(name)
    rng = random.Random(name)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 24)))
        _same(old, new, text)
    for text in ("001-12345", "1-1234-12", "12-3456789", "12 - 3456789", "123456789", "a1-123"):
        _same(old, new, text)


@pytest.mark.parametrize("name", sorted(_OLD))
def test_corpus_text(name: str) -> None:
    files = corpus_files()
    if not files:
        pytest.skip("the shared corpus is absent")
    old, new = re.compile(_OLD[name]), _new(name)
    for path in files:
        text = path.read_bytes().decode("latin-1")
        assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)]
