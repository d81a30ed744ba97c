"""Stage 4, parse: Lark's contextual lexer, with each state's terminals picked by first character.

Lark lexes with one regular expression per parser state, the alternation of every terminal
the state accepts, tried in priority order. Python's regex engine tries the alternatives one
by one, so a cover-page cell, accepted in states where some sixty terminals are, paid for
up to sixty failed attempts (each with its indent and its lookaheads) before CELL matched:
most of the lexing time of a plain-text filing.

A terminal can only match where the text starts with one of the characters its pattern can
start with. This module works those characters out once per terminal from the pattern
itself (the parsed form Python's ``re`` compiles), in two ways: the first character of a
match, and, for a match that starts with blanks, its first character that is not a blank.
At lexing time the scanner of a state looks at the character under the cursor (and, on a
blank, at the first non-blank one after it) and tries only the terminals that could start
there, in the same order as before. The character sets are supersets (lookaheads are
ignored, case-insensitive parts take both cases), so the first terminal to match is the
same one Lark's scanner would take: the token stream does not change, only the number of
alternatives tried. ``tests/test_lexer.py`` checks that on real filings.

A pattern this module cannot read (a construct it does not know) can start anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# The parsed form of a pattern, as ``re`` compiles it: internal, laid out so since 3.11.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

from lark import Lark
from lark.lexer import BasicLexer, ContextualLexer, Scanner, TerminalDef

_BLANK = " \t"
_BLANKS = re.compile(r"[ \t]*")
_ANYTHING = r"[\s\S]"

# A state with fewer terminals than this keeps Lark's scanner: picking would cost more than
# the alternatives it saves.
_FEW_TERMINALS = 8

# Keys remembered per scanner before the memo is started afresh: a document of every
# Unicode character makes at most this many.
_MAX_KEYS = 4096


class _UnknownPatternError(Exception):
    """A pattern construct whose first characters are not worked out here."""


def _class_source(items: Sequence[tuple[Any, Any]]) -> str:
    """The ``[...]`` source of a parsed character class."""
    parts: list[str] = []
    negate = ""
    for op, arg in items:
        if op is sre.NEGATE:
            negate = "^"
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is sre.CATEGORY:
            parts.append(_CATEGORIES[arg])
        else:
            raise _UnknownPatternError(op)
    if not parts:
        raise _UnknownPatternError("empty class")
    return f"[{negate}{''.join(parts)}]"


def _can_be_blank(source: str) -> bool:
    return any(re.fullmatch(source, blank) for blank in _BLANK)


class _First:
    """The characters a sequence of parsed pattern items can start with.

    ``blanks_first`` reads the sequence as a match that begins at a blank: ``sources`` are
    then the characters its first non-blank character can be, and ``passable`` says that
    the sequence can match blanks only (or nothing). Otherwise ``sources`` are the
    characters of its first character and ``passable`` says it can match nothing.
    ``sources`` is None for "any character".
    """

    def __init__(self, blanks_first: bool) -> None:
        self.blanks_first = blanks_first

    def sequence(
        self, items: Iterable[tuple[Any, Any]], icase: bool
    ) -> tuple[list[str] | None, bool]:
        found: list[str] | None = []
        for item in items:
            sources, passable = self.item(item, icase)
            if sources is None or found is None:
                found = None
            else:
                found.extend(sources)
            if not passable:
                return found, False
        return found, True

    def item(self, item: tuple[Any, Any], icase: bool) -> tuple[list[str] | None, bool]:
        op, arg = item
        if op is sre.LITERAL or op is sre.NOT_LITERAL or op is sre.IN or op is sre.ANY:
            if op is sre.LITERAL:
                source = f"[{re.escape(chr(arg))}]"
            elif op is sre.NOT_LITERAL:
                source = f"[^{re.escape(chr(arg))}]"
            elif op is sre.ANY:
                source = _ANYTHING
            else:
                source = _class_source(arg)
            if icase:
                source = f"(?i:{source})"
            if not self.blanks_first:
                return [source], False
            return [source], _can_be_blank(source)
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, items = arg
            icase = bool((icase or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE)
            return self.sequence(items, icase)
        if op is sre.ATOMIC_GROUP:
            return self.sequence(arg, icase)
        if op is sre.BRANCH:
            found: list[str] | None = []
            passable = False
            for branch in arg[1]:
                sources, can_pass = self.sequence(branch, icase)
                found = None if sources is None or found is None else found + sources
                passable = passable or can_pass
            return found, passable
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, items = arg
            sources, passable = self.sequence(items, icase)
            return sources, passable or low == 0
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            return [], True  # zero width: it narrows a match, never widens one
        raise _UnknownPatternError(op)


class _Starts:
    """Which characters one terminal can start with, as two compiled one-character tests."""

    __slots__ = ("after_blanks", "blank_only", "first")

    def __init__(self, pattern: str, flags: int) -> None:
        parsed = sre_parse.parse(pattern, flags)
        icase = bool(flags & re.IGNORECASE)
        self.first = self._test(*_First(False).sequence(parsed, icase))
        after, self.blank_only = _First(True).sequence(parsed, icase)
        self.after_blanks = self._test(after, False)

    @staticmethod
    def _test(sources: list[str] | None, passable: bool) -> re.Pattern[str] | None:
        if sources is None or passable:
            return None  # any character
        return re.compile("|".join(sources) or "(?!)")

    def may_start(self, char: str, after_blanks: str) -> bool:
        """Whether a match can begin at ``char`` (and ``after_blanks``, when ``char`` is blank)."""
        if self.first is not None and not self.first.fullmatch(char):
            return False
        if char not in _BLANK or self.blank_only or self.after_blanks is None:
            return True
        return bool(after_blanks) and bool(self.after_blanks.fullmatch(after_blanks))


def _starts(terminal: TerminalDef, flags: int) -> _Starts | None:
    """How ``terminal`` can start; None where its pattern is not understood here."""
    try:
        return _Starts(terminal.pattern.to_regexp(), flags)
    except (_UnknownPatternError, re.error, AttributeError, TypeError, KeyError, ValueError):
        return None


class DispatchScanner(Scanner):
    """A ``Scanner`` that tries only the terminals that can start at the cursor.

    It takes the terminals, order and flags of the scanner it replaces, and matches the
    same token (text and terminal) at every position.
    """

    def __init__(self, base: Scanner, starts: dict[str, _Starts | None]) -> None:
        self.terminals = base.terminals
        self.g_regex_flags = base.g_regex_flags
        self.re_ = base.re_
        self.use_bytes = base.use_bytes
        self.allowed_types = base.allowed_types
        self._mres = base._mres
        self._starts = [starts.get(t.name) for t in self.terminals]
        self._by_key: dict[str, list[re.Pattern[str]]] = {}
        self._by_subset: dict[tuple[int, ...], list[re.Pattern[str]]] = {}

    def _scanners(self, char: str, after_blanks: str) -> list[re.Pattern[str]]:
        subset = tuple(
            i
            for i, starts in enumerate(self._starts)
            if starts is None or starts.may_start(char, after_blanks)
        )
        found = self._by_subset.get(subset)
        if found is None:
            if len(self._by_subset) >= _MAX_KEYS:
                self._by_subset.clear()
            terminals = [self.terminals[i] for i in subset]
            found = self._build_mres(terminals, len(terminals)) if terminals else []  # type: ignore[no-untyped-call]
            self._by_subset[subset] = found
        return found

    def match(self, text: Any, pos: int) -> tuple[str, str] | None:
        """The longest-priority terminal match at ``pos``, as Lark's scanner returns it."""
        source: str = text.text
        end: int = text.end
        char = source[pos]
        if char == " " or char == "\t":
            blanks_end = _BLANKS.match(source, pos, end).end()  # type: ignore[union-attr]
            after = source[blanks_end] if blanks_end < end else ""
            key = char + after
        else:
            after = ""
            key = char
        mres = self._by_key.get(key)
        if mres is None:
            if len(self._by_key) >= _MAX_KEYS:
                self._by_key.clear()
            mres = self._by_key[key] = self._scanners(char, after)
        for mre in mres:
            m = mre.match(source, pos, end)
            if m:
                return m.group(0), m.lastgroup  # type: ignore[return-value]
        return None


def dispatch_by_first_character(parser: Lark) -> None:
    """Give each state of ``parser``'s contextual lexer a ``DispatchScanner``.

    States with few terminals keep Lark's scanner, and a parser without a contextual lexer
    is left as Lark built it.
    """
    lexer = getattr(parser.parser, "lexer", None)
    if not isinstance(lexer, ContextualLexer):
        return
    flags = parser.lexer_conf.g_regex_flags
    starts = {t.name: _starts(t, flags) for t in parser.terminals}
    for state_lexer in {id(x): x for x in lexer.lexers.values()}.values():
        if isinstance(state_lexer, BasicLexer):
            base = state_lexer.scanner  # builds it, with its callbacks
            if len(base.terminals) >= _FEW_TERMINALS:
                state_lexer._scanner = DispatchScanner(base, starts)


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
