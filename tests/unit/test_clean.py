"""values.clean's shortcut for text already clean gives what the split and join give."""

from __future__ import annotations

import random
import sys

from sec8k.transform import values


def _plain(text: str) -> str:
    # What clean() does to a text of one chunk, without its shortcut.
    return " ".join(values._visible(text).split())


def test_every_character() -> None:
    # Every code point between two letters: the shortcut must send each white space and
    # invisible character to the split.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        blank = (char.isspace() and char != " ") or char in values._INVISIBLE_CHARS
        kept = values._is_clean(f"a{char}b")
        assert not (kept and blank), hex(code)


def test_generated_strings() -> None:
    # Letters, spaces, and the white space and invisible characters of each range.
    alphabet = "ab Z9.,(  \xe9"
    alphabet += "\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u200b\u2028\u3000\ufeff"
    rng = random.Random(8)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        assert values.clean(text) == _plain(text), repr(text)
        assert not values._is_clean(text) or _plain(text) == text, repr(text)


def test_long_ascii_texts() -> None:
    # An ASCII text of 32 characters or more is read by its bytes: each control character,
    # anywhere in it, sends it to the split.
    base = "Commission File Number 001-12345 (Delaware)"
    for code in range(128):
        for at in (0, 1, 20, len(base) - 1, len(base)):
            text = base[:at] + chr(code) + base[at:]
            assert values.clean(text) == _plain(text), (code, at)
            assert not values._is_clean(text) or _plain(text) == text, (code, at)
    assert values._is_clean(base)
