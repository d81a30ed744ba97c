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

The rules' positions are set here too (:func:`positions_on_rules`): offsets only, which is
all sec8k reads, for a fifth of the parse time Lark's ``propagate_positions`` takes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

# The parsed form of a pattern, as ``re`` compiles it: internal, laid out so since 3.11.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any, Final

from lark import Lark, Token, Tree
from lark.lexer import (
    BasicLexer,
    CallChain,
    ContextualLexer,
    Scanner,
    TerminalDef,
    _create_unless,
)

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


class _Ahead:
    """Lookaheads not yet applied: the first characters of each, and what was read after.

    Each lookahead holds at the same character.
    """

    def __init__(self, first: list[str]) -> None:
        self.firsts = [first]
        self.after: list[str] | None = []

    def add(self, sources: list[str] | None) -> None:
        if sources is None or self.after is None:
            self.after = None
        else:
            self.after.extend(sources)


def _forbids_blanks(arg: tuple[int, Any]) -> bool:
    """Whether a negative lookahead ``(?!...)`` is one class or character every blank is in."""
    direction, items = arg
    if direction < 0 or len(items) != 1:
        return False
    op, value = items[0]
    if op is sre.LITERAL:
        source = f"[{re.escape(chr(value))}]"
    elif op is sre.IN:
        try:
            source = _class_source(value)
        except _UnknownPatternError:
            return False
    else:
        return False
    return all(re.fullmatch(source, blank) for blank in _BLANK)


def _widened(found: list[str] | None, ahead: _Ahead | None) -> list[str] | None:
    """``found`` with what was read after an open lookahead, the lookahead dropped."""
    if ahead is None or found is None:
        return found
    return None if ahead.after is None else found + ahead.after


def _narrowed(found: list[str] | None, ahead: _Ahead | None) -> list[str] | None:
    """``found`` with what was read after an open lookahead, narrowed by the lookahead."""
    if ahead is None or found is None:
        return found
    tests = "".join(f"(?=(?:{'|'.join(first)}))" for first in ahead.firsts)
    after = "(?s:.)" if ahead.after is None else "|".join(ahead.after) or "(?!)"
    return [*found, f"{tests}(?:{after})"]


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
        found, passable, ahead = self._sequence(items, icase)
        return _widened(found, ahead), passable

    def _sequence(
        self, items: Iterable[tuple[Any, Any]], icase: bool
    ) -> tuple[list[str] | None, bool, _Ahead | None]:
        r"""As :meth:`sequence`, with the lookahead still open at its end, if any.

        A lookahead read where the sequence has read nothing but what it can pass over
        narrows the character that comes after it: that character is one the lookahead
        can start with (``^[ \t]*(?=(?i:indicate|check))`` starts a question at "i" or
        "c" only). It stays open until an item that must read a character; a sequence
        that ends first hands it on to the one around it. Where it cannot be followed
        (into a branch or a repeat) it is dropped, which only widens the test.
        """
        found: list[str] | None = []
        ahead: _Ahead | None = None
        for op, arg in items:
            inner: _Ahead | None = None
            if op is sre.ASSERT_NOT and self.blanks_first and _forbids_blanks(arg):
                # ``[ \t]*(?![ \t])``: the blanks are behind; what is read from here on
                # starts with the first character that is not blank.
                self.blanks_first = False
                continue
            if op is sre.ASSERT and arg[0] > 0:
                mode = self.blanks_first
                sources, passable = self.sequence(arg[1], icase)
                self.blanks_first = mode
                if sources and not passable:
                    if ahead is not None and ahead.after == []:
                        ahead.firsts.append(sources)  # two lookaheads at one character
                    else:
                        found = _widened(found, ahead)
                        ahead = _Ahead(sources)
                continue
            if op is sre.SUBPATTERN:
                _group, add_flags, del_flags, sub = arg
                sub_icase = (icase or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE
                sources, passable, inner = self._sequence(sub, bool(sub_icase))
            elif op is sre.ATOMIC_GROUP:
                sources, passable, inner = self._sequence(arg, icase)
            else:
                sources, passable = self.item((op, arg), icase)
            if ahead is not None:
                ahead.add(sources)
            elif sources is None or found is None:
                found = None
            else:
                found.extend(sources)
            if inner is not None:
                if ahead is not None and ahead.after == []:
                    inner.firsts[:0] = ahead.firsts
                else:
                    found = _widened(found, ahead)
                ahead = inner
            if not passable:
                return _narrowed(found, ahead), False, None
        return found, True, ahead

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
            mode = self.blanks_first
            for branch in arg[1]:
                sources, can_pass = self.sequence(branch, icase)
                self.blanks_first = mode  # a branch's blanks are its own
                found = None if sources is None or found is None else found + sources
                passable = passable or can_pass
            return found, passable
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, items = arg
            mode = self.blanks_first
            sources, passable = self.sequence(items, icase)
            self.blanks_first = mode
            return sources, passable or low == 0
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            return [], True  # zero width: it narrows a match, never widens one
        raise _UnknownPatternError(op)


@functools.lru_cache(maxsize=4096)
def _parsed(pattern: str, flags: int) -> Any:
    """The parsed form of ``pattern``, read once for every analysis here (and every parser)."""
    return sre_parse.parse(pattern, flags)


class _Starts:
    """Which characters one terminal can start with, as two compiled one-character tests."""

    __slots__ = ("after_blanks", "blank_only", "first")

    def __init__(self, pattern: str, flags: int) -> None:
        parsed = _parsed(pattern, flags)
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
        return _starts_of(terminal.pattern.to_regexp(), flags)
    except (_UnknownPatternError, re.error, AttributeError, TypeError, KeyError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)
def _starts_of(pattern: str, flags: int) -> _Starts:
    return _Starts(pattern, flags)


class DispatchScanner(Scanner):
    """A ``Scanner`` that tries only the terminals that can start at the cursor, in order.

    It reads the terminals of one parser state in Lark's order and matches the same token
    (text and terminal) at every position. Each terminal's own pattern is compiled once
    per parser and tried alone: no alternation is compiled per state or per set of
    candidates, so a parser is ready as fast as Lark's and a state costs nothing until
    it lexes.
    """

    def __init__(
        self,
        terminals: list[TerminalDef],
        g_regex_flags: int,
        starts: dict[str, _Starts | None],
        compiled: dict[str, re.Pattern[str]],
    ) -> None:
        self.terminals = terminals
        self.g_regex_flags = g_regex_flags
        self.re_ = re
        self.use_bytes = False
        self.allowed_types = {t.name for t in terminals}
        self._mres = []
        self._starts = [starts.get(t.name) for t in terminals]
        self._compiled = compiled
        self._by_key: dict[str, list[tuple[re.Pattern[str], str]]] = {}

    def _pattern(self, terminal: TerminalDef) -> re.Pattern[str]:
        found = self._compiled.get(terminal.name)
        if found is None:
            regexp = terminal.pattern.to_regexp()
            found = self._compiled[terminal.name] = re.compile(regexp, self.g_regex_flags)
        return found

    def _candidates(self, char: str, after_blanks: str) -> list[tuple[re.Pattern[str], str]]:
        return [
            (self._pattern(terminal), str(terminal.name))
            for terminal, starts in zip(self.terminals, self._starts, strict=True)
            if starts is None or starts.may_start(char, after_blanks)
        ]

    def match(self, text: Any, pos: int) -> tuple[str, str] | None:
        """The first terminal, in Lark's order, that matches at ``pos``: (text, name)."""
        found = self.match_end(text, pos)
        if found is None:
            return None
        name, end = found
        return text.text[pos:end], name

    def match_end(self, text: Any, pos: int) -> tuple[str, int] | None:
        """As :meth:`match`, but (name, where the match ends): no copy of the text."""
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
        candidates = self._by_key.get(key)
        if candidates is None:
            if len(self._by_key) >= _MAX_KEYS:
                self._by_key.clear()
            candidates = self._by_key[key] = self._candidates(char, after)
        for pattern, name in candidates:
            m = pattern.match(source, pos, end)
            if m:
                return name, m.end()
        return None

    def fullmatch(self, text: str) -> str | None:
        """The first terminal, in Lark's order, that matches all of ``text``."""
        for terminal in self.terminals:
            if self._pattern(terminal).fullmatch(text):
                return str(terminal.name)
        return None


class _DispatchLexer(BasicLexer):
    """Lark's per-state lexer, whose scanner is a ``DispatchScanner`` (built on first use).

    Its tokens are Lark's, made without copying the text of a position-only terminal
    (prose blocks, a document's payload: megabytes that Lark would copy twice, once for
    the match and once into the token, for a callback to drop).
    """

    _dispatch: tuple[dict[str, _Starts | None], dict[str, re.Pattern[str]], frozenset[str]]
    _positions_only: frozenset[str] = frozenset()

    def next_token(self, lex_state: Any, parser_state: Any = None) -> Token:
        """The next token, as Lark's ``BasicLexer.next_token`` makes it."""
        line_ctr = lex_state.line_ctr
        text = lex_state.text
        source: str = text.text
        scanner = self.scanner
        while line_ctr.char_pos < text.end:
            pos = line_ctr.char_pos
            found = scanner.match_end(text, pos)  # type: ignore[attr-defined]
            if found is None:  # Lark's own lexer says what was expected
                return super().next_token(lex_state, parser_state)
            type_, end = found
            ignored = type_ in self.ignore_types
            token = None
            if not ignored or type_ in self.callback:
                value = "" if type_ in self._positions_only else source[pos:end]
                token = Token(type_, value, pos, line_ctr.line, line_ctr.column)
            if type_ in self.newline_types:
                newlines = source.count("\n", pos, end)
                if newlines:
                    line_ctr.line += newlines
                    line_ctr.line_start_pos = source.rindex("\n", pos, end) + 1
            line_ctr.char_pos = end
            line_ctr.column = end - line_ctr.line_start_pos + 1
            if token is not None:
                token.end_line = line_ctr.line
                token.end_column = line_ctr.column
                token.end_pos = end
                if type_ in self.callback:
                    token = self.callback[type_](token)
                if not ignored:
                    lex_state.last_token = token
                    return token
        raise EOFError(self)

    def _build_scanner(self) -> Scanner:
        # As BasicLexer._build_scanner, but for the scanner it makes.
        terminals, self.callback = _create_unless(  # type: ignore[no-untyped-call]
            self.terminals, self.g_regex_flags, self.re, self.use_bytes
        )
        for type_, f in self.user_callbacks.items():
            if type_ in self.callback:
                chained = CallChain(  # type: ignore[no-untyped-call]
                    self.callback[type_], f, lambda t, k=type_: t.type == k
                )
                self.callback[type_] = chained
            else:
                self.callback[type_] = f
        starts, compiled, positions_only = self._dispatch
        # A position-only terminal's text is never made: only where its one callback drops
        # it (an "unless" callback of Lark's would read it).
        self._positions_only = frozenset(
            name
            for name in positions_only
            if name in self.user_callbacks and self.callback.get(name) is self.user_callbacks[name]
        )
        return DispatchScanner(terminals, self.g_regex_flags, starts, compiled)


def positions_on_rules(parser: Lark) -> None:
    """Give each rule's tree the span of its children, as Lark's ``propagate_positions`` does.

    A tree starts where its first child that has a position starts and ends where its last
    one ends, counting the tokens the tree does not keep (anonymous and ``_`` terminals)
    and the rules inlined into it (``_rule``, ``?rule``): each tree keeps, besides its own
    ``start_pos`` and ``end_pos``, those of all it was built from (``container_start_pos``
    and ``container_end_pos``), which is what its parent reads. Lark's wrapper does the same
    and also copies lines and columns, ten attributes on each tree read through getattr:
    a third of a document's parse time. sec8k reads offsets only (the line index of the
    text turns them into lines), so rules carry no ``line`` or ``column``.

    The parser must be built with ``propagate_positions=False``.
    """
    callbacks = parser._callbacks
    for rule, callback in list(callbacks.items()):
        callbacks[rule] = _positioned(callback)


def _positioned(callback: Any) -> Any:
    def build(children: list[Any]) -> Any:
        made = callback(children)
        if not isinstance(made, Tree):
            return made
        start: Any = None
        end: Any = None
        meta: Any
        found = False
        for child in children:
            if isinstance(child, Token):
                start, found = child.start_pos, True
                break
            if isinstance(child, Tree):
                meta = child._meta
                if meta is not None and not meta.empty:
                    start, found = meta.container_start_pos, True
                    break
        if not found:
            return made
        for child in reversed(children):
            if isinstance(child, Token):
                end = child.end_pos
                break
            if isinstance(child, Tree):
                meta = child._meta
                if meta is not None and not meta.empty:
                    end = meta.container_end_pos
                    break
        meta = made.meta
        if meta.empty:  # not a child's tree handed up by a ?rule, which keeps its own
            meta.start_pos = start
            meta.end_pos = end
            meta.empty = False
        meta.container_start_pos = start
        meta.container_end_pos = end
        return made

    return build


# A needed word is this long at least: shorter ones are on most lines. Three marks are
# not, on the lines a cover page's cells are tried on: the brackets that close a caption
# and the dots of a contents leader. One of them is a word (measured: a wider set, with
# colons, dashes and commas, gated no more attempts out).
_MIN_WORD = 3
_RARE_MARKS: Final = frozenset(")].")


def _short(word: str) -> bool:
    """Whether a word is too short to be worth looking for."""
    return len(word) < _MIN_WORD and not (word and set(word) <= _RARE_MARKS)


# More words than this cost more searches than the attempt they save.
_MAX_WORDS = 8


class _Needs:
    """The words a parsed pattern's every match holds before the first line break it reads.

    A sequence is read item by item until one that can read a line break: each item
    before it starts on the line the match starts on. A run of literal characters is a
    word; a group, a repeat of at least one, or a lookahead holds what its contents hold;
    a branch holds one of the words of each of its branches. The best word set found
    (longest shortest word) is kept.
    """

    def sequence(
        self, items: Iterable[tuple[Any, Any]], icase: bool
    ) -> tuple[list[tuple[str, bool]] | None, bool]:
        """(the best word set, whether the sequence can read a line break).

        A run of literals may hold optional characters ("i.?r.?s"): it is then a few
        words, one per way of writing it, read as :func:`_variants` says.
        """
        best: list[tuple[str, bool]] | None = None
        runs = [""]  # the run of literals so far, each way it can be written
        items = list(items)
        for index, (op, arg) in enumerate(items):
            if op is sre.LITERAL and chr(arg) != "\n":
                runs = [run + chr(arg) for run in runs]
                continue
            optional = _optional_literal(op, arg)
            if optional and len(runs) < _MAX_VARIANTS:
                runs = runs + [run + optional for run in runs]
                continue
            best = _better(best, _variants(runs, icase))
            runs = [""]
            needs, breaks = self.item(op, arg, icase)
            best = _better(best, needs)
            if breaks:
                return _better(best, self._either(op, arg, icase, items[index + 1 :])), True
        return _better(best, _variants(runs, icase)), False

    def _either(
        self, op: Any, arg: Any, icase: bool, after: list[tuple[Any, Any]]
    ) -> list[tuple[str, bool]] | None:
        r"""The words of an optional item that can read a line break, or of what follows it.

        A match either takes the item (and holds its words before the break it can read)
        or passes over it (and holds the words of the items after it, on the same line):
        one of the two sets is on its first line ("(?:power of attorney\n)?(?:know
        all|each person)": "attorney", "know" or "person").
        """
        if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return None
        low, high, body = arg
        if low != 0 or high == 0:
            return None
        taken = self.sequence(body, icase)[0]
        passed = self.sequence(after, icase)[0]
        if taken is None or passed is None:
            return None
        return _held_once(taken + passed)

    def item(self, op: Any, arg: Any, icase: bool) -> tuple[list[tuple[str, bool]] | None, bool]:
        if op is sre.LITERAL:
            return None, chr(arg) == "\n"
        if op is sre.NOT_LITERAL:
            return None, chr(arg) != "\n"
        if op is sre.IN:
            marks = _marks_of(arg)
            if marks is not None:
                return [(mark, False) for mark in marks], False
            try:
                return None, bool(re.fullmatch(_class_source(arg), "\n"))
            except (_UnknownPatternError, re.error):
                return None, True
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, items = arg
            icase = bool((icase or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE)
            return self.sequence(items, icase)
        if op is sre.ATOMIC_GROUP:
            return self.sequence(arg, icase)
        if op is sre.BRANCH:
            union: list[tuple[str, bool]] | None = []
            breaks = False
            for branch in arg[1]:
                needs, can_break = self.sequence(branch, icase)
                union = None if needs is None or union is None else union + needs
                breaks = breaks or can_break
            return (None if union is None else _held_once(union)), breaks
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, items = arg
            needs, breaks = self.sequence(items, icase)
            return (needs if low >= 1 else None), breaks and high != 0
        if op is sre.ASSERT:
            direction, items = arg
            if direction < 0:
                return None, False  # a lookbehind reads before the match
            return self.sequence(items, icase)[0], False
        if op is sre.ASSERT_NOT or op is sre.AT:
            return None, False
        return None, True  # ANY (without DOTALL), references, anything else: read no further


def _marks_of(items: Any) -> list[str] | None:
    """The characters of a class that holds only rare marks (closing brackets, dots)."""
    marks = []
    for op, arg in items:
        if op is not sre.LITERAL or chr(arg) not in _RARE_MARKS:
            return None
        marks.append(chr(arg))
    return marks or None


# The ways of writing a run with optional characters followed at most (four of them).
_MAX_VARIANTS = 16


def _optional_literal(op: Any, arg: Any) -> str:
    """The character of an optional literal ("x?"), or "" where the item is none."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return ""
    low, high, items = arg
    items = list(items)
    if low != 0 or high != 1 or len(items) != 1 or items[0][0] is not sre.LITERAL:
        return ""
    char = chr(items[0][1])
    return "" if char == "\n" else char


def _variants(runs: list[str], icase: bool) -> list[tuple[str, bool]] | None:
    """The words of a run written in several ways: one of them is on every match's line.

    A way that holds another is dropped (a line with it holds the other). Where more than
    ``_MAX_WORDS`` are left, their last characters stand for them, as many as the
    shortest has: every way ends in one of those ("irs", ".rs", "r.s", ...).
    """
    if len(runs) == 1:
        return _word(list(runs[0]), icase)
    ways = _fewest(sorted(dict.fromkeys(runs), key=len))
    shortest = len(ways[0])
    if len(ways) > _MAX_WORDS:
        ways = _fewest(sorted(dict.fromkeys(way[len(way) - shortest :] for way in ways), key=len))
    if len(ways) > _MAX_WORDS or any(_short(way) for way in ways):
        return None
    if icase and not all(way.isascii() for way in ways):
        return None
    return [(way, icase) for way in ways]


def _fewest(words: list[str]) -> list[str]:
    """``words`` (shortest first) without those that hold another."""
    kept: list[str] = []
    for word in words:
        if not any(other in word for other in kept):
            kept.append(word)
    return kept


def _word(run: list[str], icase: bool) -> list[tuple[str, bool]] | None:
    word = "".join(run)
    if _short(word) or (icase and not word.isascii()):
        return None
    return [(word, icase)]


def _held_once(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A branch's words without those that hold another of them (a line with one holds both).

    A word holds another when it contains it, case-blind where the other is looked for
    case-blind; a case-blind word is not held by one looked for as written.
    """
    distinct = list(dict.fromkeys(words))
    return [
        (word, icase)
        for word, icase in distinct
        if not any(
            (other.lower() in word.lower() if other_icase else not icase and other in word)
            for other, other_icase in distinct
            if (other, other_icase) != (word, icase)
        )
    ]


def _better(
    best: list[tuple[str, bool]] | None, found: list[tuple[str, bool]] | None
) -> list[tuple[str, bool]] | None:
    if found is None or len(found) > _MAX_WORDS:
        return best
    if any(_short(word) for word, _ in found):
        return best
    if best is None or min(len(w) for w, _ in found) > min(len(w) for w, _ in best):
        return found
    return best


def needed_words(terminal: TerminalDef, flags: int) -> tuple[tuple[str, ...], bool] | None:
    """Words one of which every match of ``terminal`` holds on the line where it starts.

    Many terminals are told apart by a word (a caption by "zip" or "telephone", a label by
    "commission"), which their pattern looks for anywhere in a caption or a cell: an
    attempt at a line without the word fails only after the regex engine has walked to
    its end. Searching the line for the word first (``str.find``) tells that sooner.

    Returns (words, folded): where ``folded``, the words are lower case and are to be
    looked for in the line lowered offset for offset; None where no such word is known.
    """
    try:
        parsed = _parsed(terminal.pattern.to_regexp(), flags)
    except (re.error, AttributeError, TypeError, KeyError, ValueError):
        return None
    if flags & re.DOTALL:
        return None
    found, _ = _Needs().sequence(parsed, bool(flags & re.IGNORECASE))
    if not found:
        return None
    folded = any(icase for _, icase in found)
    words = tuple(dict.fromkeys(word.lower() if folded else word for word, _ in found))
    return words, folded


def line_least(terminal: TerminalDef, flags: int) -> int:
    """The fewest characters every match of ``terminal`` reads or looks at on its first line.

    A terminal that needs a long line (a row of 2,000 characters, a paragraph's first line
    of 50) fails at every shorter one, but only after the regex engine has been called:
    the length of the line, known to the driver, tells that sooner. Counted as
    :class:`_Needs` reads a pattern, up to the first item that can read a line break: each
    item before it adds the fewest characters it reads, and a lookahead counts as far as
    it looks. 0 where nothing is known.
    """
    try:
        parsed = _parsed(terminal.pattern.to_regexp(), flags)
    except (re.error, AttributeError, TypeError, KeyError, ValueError):
        return 0
    if flags & re.DOTALL:
        return 0
    return _least(parsed, bool(flags & re.IGNORECASE))


def _least(items: Iterable[tuple[Any, Any]], icase: bool) -> int:
    at = farthest = 0  # characters read so far; the farthest a lookahead looked
    for op, arg in items:
        if op is sre.ASSERT and arg[0] > 0:
            farthest = max(farthest, at + _least(arg[1], icase))
            continue
        if _Needs().item(op, arg, icase)[1]:
            break
        at += _min_width(op, arg)
    return max(farthest, at)


def _min_width(op: Any, arg: Any) -> int:
    """The fewest characters one item of a parsed pattern reads."""
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY):
        return 1
    if op is sre.SUBPATTERN:
        return sum(_min_width(*item) for item in arg[3])
    if op is sre.ATOMIC_GROUP:
        return sum(_min_width(*item) for item in arg)
    if op is sre.BRANCH:
        return min(sum(_min_width(*item) for item in branch) for branch in arg[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, items = arg
        return int(low) * sum(_min_width(*item) for item in items)
    return 0  # assertions, anchors; references and the rest are counted as reading none


def blank_lines(terminal: TerminalDef, flags: int) -> tuple[int, int] | None:
    r"""(least, most) where every match of ``terminal`` is that many lines of blanks.

    A line of blanks is ``[ \t]*\n``: spaces and tabs, then a line break. Some terminals
    are nothing else (``_EOL``: one; ``BLANK``: one or more; ``EOL_BLANK``: two or more),
    and are tried at the end of most lines. Such a pattern matches, at any position, as
    many lines of blanks as there are there, up to ``most`` (-1: no limit), where there
    are ``least`` at least: the driver reads them with a loop of its own, where a call of
    the regex engine costs some 900 instructions before it reads a character (and a
    repeat of a group, as ``BLANK``'s, much more). Its blanks and its line break can
    never read the same character, so there is one way to read the lines and nothing
    after them to give any back for. None for any other pattern.
    """
    try:
        items = list(_parsed(terminal.pattern.to_regexp(), flags))
    except (re.error, AttributeError, TypeError, KeyError, ValueError):
        return None
    least = 0
    i = 0
    while i + 1 < len(items) and _blank_line(items[i : i + 2]):
        least += 1
        i += 2
    if i == len(items):
        return (least, least) if least else None
    if i + 1 != len(items):
        return None
    op, arg = items[i]
    if op not in (sre.MAX_REPEAT, sre.POSSESSIVE_REPEAT):
        return None
    low, high, body = arg
    body = list(body)
    if len(body) == 1 and body[0][0] in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
        group_op, group = body[0]
        if group_op is sre.SUBPATTERN:
            if group[1] or group[2]:  # flags: none of them changes a blank, but kept plain
                return None
            group = group[3]
        body = list(group)
    if not _blank_line(body):
        return None
    return least + int(low), -1 if high >= _UNBOUNDED else least + int(high)


def _blank_line(items: list[tuple[Any, Any]]) -> bool:
    r"""Whether two parsed items are ``[ \t]*\n`` (possessive or not)."""
    if len(items) != 2 or items[1] != (sre.LITERAL, ord("\n")):
        return False
    op, arg = items[0]
    if op not in (sre.MAX_REPEAT, sre.POSSESSIVE_REPEAT):
        return False
    low, high, body = arg
    if low != 0 or high < _UNBOUNDED or len(body) != 1:
        return False
    body_op, members = body[0]
    return (
        body_op is sre.IN
        and len(members) == 2
        and {(kind, value) for kind, value in members}
        == {(sre.LITERAL, ord(" ")), (sre.LITERAL, ord("\t"))}
    )


# A window gate's words are looked for at most this far past the blanks a match starts
# with: a wider reach costs more lowering than the attempt it saves. The cover's
# questions look 600 characters ahead for the words that type them.
WINDOW: Final = 640
# What a repeat with no upper bound reads at most, as sre_parse says it.
_UNBOUNDED = sre.MAXREPEAT


def _max_width(op: Any, arg: Any) -> int | None:
    """The most characters one item of a parsed pattern reads; None where unbounded."""
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY):
        return 1
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return 0
    if op is sre.SUBPATTERN:
        return _sequence_width(arg[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence_width(arg)
    if op is sre.BRANCH:
        widest = 0
        for branch in arg[1]:
            width = _sequence_width(branch)
            if width is None:
                return None
            widest = max(widest, width)
        return widest
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        _low, high, items = arg
        width = _sequence_width(items)
        if width is None or (high >= _UNBOUNDED and width):
            return None
        return 0 if high >= _UNBOUNDED else high * width
    return None  # group references, conditionals: not bounded here


def _sequence_width(items: Iterable[tuple[Any, Any]]) -> int | None:
    total = 0
    for op, arg in items:
        width = _max_width(op, arg)
        if width is None:
            return None
        total += width
    return total


# A word found by _Reach: (word, case-blind, the farthest offset it can start at).
_Placed = tuple[str, bool, int]


class _Reach:
    """The words a parsed pattern's every match holds within a bounded reach of its start.

    As :class:`_Needs`, but a word may lie past line breaks: what counts is the most
    characters the items before it can read (lookaheads read none, a repeat of at most
    n items n times the widest). Items are read until one whose reach has no bound.
    """

    def sequence(
        self, items: Iterable[tuple[Any, Any]], icase: bool, at: int
    ) -> list[_Placed] | None:
        """The best word set of ``items`` when they start at most ``at`` characters in."""
        best: list[_Placed] | None = None
        run: list[str] = []
        run_at = at
        for op, arg in items:
            if op is sre.LITERAL:
                if not run:
                    run_at = at
                run.append(chr(arg))
                at += 1
                continue
            best = _nearer(best, _placed(run, icase, run_at))
            run = []
            best = _nearer(best, self.item(op, arg, icase, at))
            width = _max_width(op, arg)
            if width is None:
                return best
            at += width
        return _nearer(best, _placed(run, icase, run_at))

    def item(self, op: Any, arg: Any, icase: bool, at: int) -> list[_Placed] | None:
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, items = arg
            icase = bool((icase or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE)
            return self.sequence(items, icase, at)
        if op is sre.ATOMIC_GROUP:
            return self.sequence(arg, icase, at)
        if op is sre.BRANCH:
            union: list[_Placed] = []
            for branch in arg[1]:
                found = self.sequence(branch, icase, at)
                if found is None:
                    return None
                union += found
            return union
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, items = arg
            return self.sequence(items, icase, at) if low >= 1 else None
        if op is sre.ASSERT and arg[0] >= 0:
            return self.sequence(arg[1], icase, at)
        return None


def _placed(run: list[str], icase: bool, at: int) -> list[_Placed] | None:
    found = _word(run, icase)
    return None if found is None else [(word, case, at) for word, case in found]


def _nearer(best: list[_Placed] | None, found: list[_Placed] | None) -> list[_Placed] | None:
    """The better of two word sets, as :func:`_better` says; on a tie the nearer one.

    A set is usable when a window holds it: at most ``_MAX_WORDS`` words of at least
    ``_MIN_WORD`` characters, each ending within :data:`WINDOW`.
    """
    if found is None or len(found) > _MAX_WORDS:
        return best
    if any(_short(word) or at + len(word) > WINDOW for word, _, at in found):
        return best
    if best is None:
        return found
    shortest = min(len(word) for word, _, _ in found)
    best_shortest = min(len(word) for word, _, _ in best)
    if shortest != best_shortest:
        return found if shortest > best_shortest else best
    return found if max(at for *_, at in found) < max(at for *_, at in best) else best


def _only_blanks(op: Any, arg: Any) -> bool:
    """Whether an item is a repeat that reads nothing but spaces and tabs."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return False
    items = list(arg[2])
    if len(items) != 1:
        return False
    body_op, body = items[0]
    if body_op is sre.LITERAL:
        return chr(body) in " \t"
    if body_op is sre.IN:
        return all(kind is sre.LITERAL and chr(value) in " \t" for kind, value in body)
    return False


def _opened(items: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A pattern's items with its leading anchors dropped and a leading group opened.

    Neither changes where a word can be: an anchor reads nothing, and a group that sets no
    case flag reads its items in turn. A question's pattern starts with a group that sets
    "m", holding "^" and the blanks: opened, the reach is counted past the blanks.
    """
    opened = list(items)
    while opened:
        op, arg = opened[0]
        if op is sre.AT:
            opened = opened[1:]
        elif op is sre.SUBPATTERN and not (arg[1] | arg[2]) & re.IGNORECASE:
            opened = list(arg[3]) + opened[1:]
        else:
            break
    return opened


def window_words(
    terminal: TerminalDef, flags: int
) -> tuple[tuple[str, ...], bool, int, bool] | None:
    """Words one of which every match of ``terminal`` holds within a bounded reach.

    For terminals that :func:`needed_words` finds nothing for because the word may be on a
    later line (a check box's text wrapped under it, its keyword within 400 characters).
    Returns (words, folded, reach, after_blanks): every match holds one of the words
    starting at most ``reach`` characters past its start, or, where ``after_blanks``,
    past the spaces and tabs at its start; None where no such words are known, or
    where they lie beyond :data:`WINDOW`.
    """
    try:
        parsed = _opened(_parsed(terminal.pattern.to_regexp(), flags))
    except (re.error, AttributeError, TypeError, KeyError, ValueError):
        return None
    after_blanks = bool(parsed) and _only_blanks(*parsed[0])
    if after_blanks:
        parsed = parsed[1:]
    found = _Reach().sequence(parsed, bool(flags & re.IGNORECASE), 0)
    if not found:
        return None
    folded = any(icase for _, icase, _ in found)
    words = tuple(dict.fromkeys(word.lower() if folded else word for word, _, _ in found))
    return words, folded, max(at for _, _, at in found), after_blanks


# ``[ \t]*(?![ \t])``: blanks, then no blank (the grammar's way of saying "up to the first
# character that is not blank", which the analyses above read), with either spelling of tab.
_BLANKS_THEN_NO_BLANK: Final = re.compile(r"\[ (?:\t|\\t)\]\*\(\?!\[ (?:\t|\\t)\]\)")
# What repeats the item before it (a repeated lookahead is not the blanks' end).
_QUANTIFIERS: Final = ("*", "+", "?", "{")
# Inline flags that make white space and comments insignificant, and those that make
# matching ASCII-only (looked for anywhere).
_VERBOSE_GROUP: Final = re.compile(r"\(\?[aiLmsu]*x")
_ASCII_GROUP: Final = re.compile(r"\(\?[iLmsux]*a")
# How a group opens: inline flags, with or without a colon, or one of the other kinds.
_FLAGS_OPEN: Final = re.compile(r"\(\?([aiLmsux]*)(?:-([imsx]+))?([:)])")
_OTHER_OPEN: Final = re.compile(r"\((?:\?(?:P<\w+>|[:=!>]|<[=!]))?")
# The characters an ASCII letter matches case-insensitively besides its two cases (found
# by trying every code point; tests/test_runtime.py does so again).
_OTHER_CASES: Final = {"i": "\\u0130\\u0131", "k": "\\u212a", "s": "\\u017f"}


def engine_form(pattern: str, flags: int = 0) -> str:
    r"""``pattern`` as Python's regex engine runs it faster, matching the same everywhere.

    Two things the grammar writes for its readers (and for the analyses here) are written
    again for the engine:

    * "The blanks, up to the first character that is not one" is ``[ \t]*(?![ \t])`` in
      the grammar, the form :class:`_First` reads to start a terminal at its first
      non-blank character. The engine runs that as a repeat with a way back at every
      blank and a lookahead to close each one; ``[ \t]*+`` takes the same blanks with
      neither (a possessive repeat never gives a blank back; the lookahead only forbids
      giving one back).
    * An alternative that starts with a letter, in a case-insensitive group of several
      ("(?i:united|states|...)"), starts with that letter as a case-sensitive class of
      every character it matches there ("(?-i:[uU])nited"). The engine steps over an
      alternative whose first character is a case-sensitive literal or class without
      entering it; a case-insensitive one it enters, one alternative after another.

    Replayed on the lexer's attempts on the plain-text corpus, the first cut the regex
    engine's work by a fifth (a block of prose by a third), the second by 7% more. A
    pattern this does not read (a back-reference, a conditional, ASCII-only matching)
    keeps its alternatives as written; one with verbose flags is left whole.
    """
    if flags & re.VERBOSE or _VERBOSE_GROUP.search(pattern):
        return pattern  # white space and comments would be read as pattern
    pattern = _blanks_first(pattern, flags)
    branching = _branching_groups(pattern, flags)
    parts: list[str] = []
    copied = 0
    i = 0
    n = len(pattern)
    groups = [-1]  # where each open group opened (-1: the pattern's top level)
    folding = [bool(flags & re.IGNORECASE)]  # whether each open group is case-insensitive
    # Whether each open group opened at the start of an alternative of several: its own
    # first character is then where the engine picks among them ("|(?i:section)").
    leading = [False]
    alternative = True  # at the start of an alternative
    while i < n:
        char = pattern[i]
        if (
            alternative
            and folding[-1]
            and (groups[-1] in branching or leading[-1])
            and char.isascii()
            and char.isalpha()
        ):
            lower = char.lower()
            parts.append(pattern[copied:i])
            parts.append(f"(?-i:[{lower}{char.upper()}{_OTHER_CASES.get(lower, '')}])")
            i = copied = i + 1
            alternative = False
            continue
        starts_alternative = alternative
        alternative = False
        if char == "\\":
            i += 2
        elif char == "[":
            found = _BLANKS_THEN_NO_BLANK.match(pattern, i)
            if found is not None and not _repeated(pattern, found.end()):
                parts.append(pattern[copied:i])
                parts.append("[ \t]*+")
                i = copied = found.end()
            else:
                i = _class_end(pattern, i)
        elif char == "(":
            opened = _group_open(pattern, i, folding[-1])
            if opened is None:  # a comment, or a group not read here (no alternatives there)
                i = _group_end(pattern, i)
                alternative = starts_alternative  # a comment reads nothing
                continue
            at_branch = starts_alternative and (groups[-1] in branching or leading[-1])
            i, folds = opened
            if pattern[i - 1] == ")":  # "(?i)": flags for the whole pattern
                folding[0] = folds
            else:
                groups.append(i)
                folding.append(folds)
                leading.append(at_branch and pattern[i - 2 : i] not in _LOOKAROUND_OPENS)
            alternative = True
        elif char == ")":
            if len(groups) > 1:
                groups.pop()
                folding.pop()
                leading.pop()
            i += 1
        else:
            alternative = char == "|"
            i += 1
    parts.append(pattern[copied:])
    return "".join(parts)


def _repeated(pattern: str, at: int) -> bool:
    """Whether what ends at ``at`` is repeated: a quantifier follows, after any comments."""
    while pattern.startswith("(?#", at):
        at = _group_end(pattern, at)
    return pattern.startswith(_QUANTIFIERS, at)


# How a lookaround opens (its first character is not what the alternative reads).
_LOOKAROUND_OPENS: Final = ("?=", "?!", "<=", "<!")
# Blanks up to the first character that is not one, in either way the grammar writes them.
_LEADING_BLANKS: Final = re.compile(r"\[ (?:\t|\\t)\](?:\*\+|\*\(\?!\[ (?:\t|\\t)\]\))")


def _blanks_first(pattern: str, flags: int) -> str:
    r"""``pattern`` with the blanks after a negative lookahead read before it, where the same.

    ``(?!A|B)[ \t]*+``, where A and B both start with the blanks, asks whether A or B
    matches after the blanks: ``[ \t]*+(?!A'|B')``, with the blanks dropped from A and B.
    The engine then reads a line's indent once, not once per alternative and again after
    the lookahead (PARA's ``(?!BLOCK_START)``, at every line of prose, whose alternatives
    are the shared one and each form's own). The alternatives are then entered only at a
    character one of them can start with (:func:`_guard`): most lines of prose start with
    none.
    """
    parts: list[str] = []
    copied = 0  # what is before this is rewritten: the marks there are passed over
    n = len(pattern)
    for i, char in _marks(pattern, 0):
        if i < copied or char != "(" or not pattern.startswith("(?!", i):
            continue
        close = _close(pattern, i)
        after = _LEADING_BLANKS.match(pattern, close + 1) if close < n else None
        alternatives = _alternatives(pattern[i + 3 : close])
        if after is None or _repeated(pattern, after.end()) or alternatives is None:
            continue
        inner: list[str] = []
        for alternative in alternatives:
            blanks = _LEADING_BLANKS.match(alternative)
            if blanks is None or _repeated(alternative, blanks.end()):
                break
            inner.append(alternative[blanks.end() :])
        else:
            body = "|".join(inner)
            parts.append(pattern[copied:i])
            parts.append(f"{after.group()}(?!{_guard(body, flags)}(?:{body}))")
            copied = after.end()
    parts.append(pattern[copied:])
    return "".join(parts)


def _guard(body: str, flags: int) -> str:
    """A lookahead for the characters a match of ``body`` can start with ("" if unknown).

    One class: the Latin-1 characters that can start it, tried one by one, and every
    character past Latin-1 (the engine tests a class in one step, and steps over the
    alternatives behind it at any other character).
    """
    try:
        sources, passable = _First(False).sequence(_parsed(body, flags), bool(flags & re.I))
        tests = [re.compile(source, flags) for source in sources or ()]
    except (_UnknownPatternError, re.error):
        return ""
    if sources is None or passable:
        return ""
    chars = [chr(c) for c in range(256) if any(test.fullmatch(chr(c)) for test in tests)]
    return f"(?=[{''.join(re.escape(c) for c in chars)}\\u0100-\\U0010ffff])"


def _marks(pattern: str, at: int) -> Iterator[tuple[int, str]]:
    """The characters of ``pattern`` from ``at`` on that are not escaped or in a class."""
    i = at
    n = len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        yield i, char
        i += 1


def _close(pattern: str, at: int) -> int:
    """Where the group opened at ``at`` closes (its ")"), or the pattern's length."""
    depth = 0
    for i, char in _marks(pattern, at):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(pattern)


def _alternatives(body: str) -> list[str] | None:
    """The top-level alternatives of a group's body, a wrapping "(?:...)" opened first.

    None where the body holds what is not read here (comments, references, conditionals).
    """
    if "(?#" in body or "(?P=" in body or "(?(" in body or re.search(r"\\\d", body):
        return None
    while body.startswith("(?:") and _close(body, 0) == len(body) - 1:
        body = body[3:-1]
    found: list[str] = []
    depth = 0
    start = 0
    for i, char in _marks(body, 0):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(body[start:i])
            start = i + 1
    found.append(body[start:])
    return found


def _branching_groups(pattern: str, flags: int) -> frozenset[int]:
    """Where the groups of ``pattern`` with two or more alternatives open (-1: the top).

    Empty for a pattern whose alternatives are not read here: with verbose flags (white
    space and comments), ASCII-only matching, a back-reference or a conditional group.
    """
    if flags & (re.VERBOSE | re.ASCII) or _ASCII_GROUP.search(pattern):
        return frozenset()  # (ASCII matching: a letter matches its two cases only)
    found: set[int] = set()
    groups = [-1]
    i = 0
    n = len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            if pattern[i + 1 : i + 2].isdigit():
                return frozenset()  # a back-reference
            i += 2
        elif char == "[":
            i = _class_end(pattern, i)
        elif char == "(":
            opened = _group_open(pattern, i, False)
            if opened is None:
                if not pattern.startswith("(?#", i):
                    return frozenset()
                i = _group_end(pattern, i)
                continue
            i, _ = opened
            if pattern[i - 1] != ")":
                groups.append(i)
        elif char == ")":
            if len(groups) > 1:
                groups.pop()
            i += 1
        else:
            if char == "|":
                found.add(groups[-1])
            i += 1
    return frozenset(found)


def _group_open(pattern: str, at: int, folding: bool) -> tuple[int, bool] | None:
    """Where the opening of the group at ``at`` ends, and whether the group folds case.

    None for what is not read here: a comment, a back-reference by name, a conditional,
    flags that make white space and comments insignificant.
    """
    flags = _FLAGS_OPEN.match(pattern, at)
    if flags is not None:
        added, removed, _ = flags.groups()
        if "x" in added:
            return None
        if "i" in added:
            folding = True
        if removed is not None and "i" in removed:
            folding = False
        return flags.end(), folding
    other = _OTHER_OPEN.match(pattern, at)
    if pattern.startswith(("(?#", "(?P=", "(?("), at):
        return None
    assert other is not None  # "(" alone matches
    return other.end(), folding


def _group_end(pattern: str, at: int) -> int:
    """One past the first ")" after ``at``: the end of a comment or a reference by name."""
    end = pattern.find(")", at)
    return len(pattern) if end < 0 else end + 1


def _class_end(pattern: str, at: int) -> int:
    """Where the character class opened at ``at`` ends (one past its "]")."""
    i = at + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):  # a "]" first is one of the class's characters
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def dispatch_by_first_character(parser: Lark, positions_only: Iterable[str] = ()) -> None:
    """Make each state of ``parser``'s contextual lexer try only the terminals that can start.

    ``positions_only`` names the terminals whose text a callback drops (their tokens keep
    positions only): their text is never copied out of the input. States with few
    terminals and none of those keep Lark's scanner, and a parser without a contextual
    lexer (or one that lexes bytes) is left as Lark built it. Nothing is compiled here:
    each state builds its scanner when it first lexes, as Lark's do.
    """
    lexer = getattr(parser.parser, "lexer", None)
    if not isinstance(lexer, ContextualLexer) or parser.lexer_conf.use_bytes:
        return
    flags = parser.lexer_conf.g_regex_flags
    starts = {t.name: _starts(t, flags) for t in parser.terminals}
    compiled: dict[str, re.Pattern[str]] = {}
    dropped = frozenset(positions_only)
    for state_lexer in {id(x): x for x in lexer.lexers.values()}.values():
        if type(state_lexer) is not BasicLexer:
            continue
        names = {t.name for t in state_lexer.terminals}
        if len(names) >= _FEW_TERMINALS or names & dropped:
            state_lexer.__class__ = _DispatchLexer
            state_lexer._dispatch = (starts, compiled, dropped)  # type: ignore[attr-defined]
            state_lexer._scanner = None


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
