"""Stage 4, parse: an LALR driver of sec8k's own, run on the tables Lark builds.

Lark computes the parse table, the contextual lexer's terminals for each parser state and
the shape of the tree (which tokens are kept, which rules are inlined); this module runs
them. Lark's driver passes each token through a lexer thread, a scanner, a parser state
and a chain of three or four callables per reduction, all Python; here one loop does the
lexing, the shifts and the reductions, and the compiled build (``hatch_build.py``) makes
that loop C. The trees are Lark's ``Tree`` and ``Token`` objects, equal to the ones
Lark's own driver makes (``tests/test_runtime.py`` compares them on every curated input),
with the rule positions :func:`sec8k.lalr.positions_on_rules` gives.

The driver takes the way through a document that has no error. Where it meets text no
terminal reads or a token its state does not accept, it raises :class:`FallbackError` and
the caller parses the document again with Lark, whose error recovery and messages sec8k
keeps. That costs the failed attempt's time on the few documents with an error, and keeps
one implementation of recovery.

A parser built with options this driver does not reproduce (another lexer, a
transformer, placeholders, a tree class of its own) gets no program: :func:`program`
returns None and Lark parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from lark import Lark, Token, Tree
from lark.grammar import Terminal
from lark.lexer import ContextualLexer, _create_unless
from lark.parsers.lalr_analysis import Shift
from lark.tree import Meta

from sec8k.lalr import (
    WINDOW,
    _Starts,
    _starts,
    blank_lines,
    engine_form,
    line_least,
    needed_words,
    window_words,
)

__all__ = ["FallbackError", "OverBudgetError", "Program", "program"]

# Looked up once, as ``_new_str`` below: compiled, a method of a value whose class is not
# compiled (a pattern, a match) is looked up by name at every call, which costs more than
# the call itself (the driver's own method calls, most of them ``m.end()``: 2.4M -> 0.9M
# instructions on the 15 smallest plain-text filings, 65.1M in all).
_match_end: Final[Any] = re.Match.end

# A terminal's compiled ``match``: (text, pos) to the match there, or None.
_Match = Callable[[str, int], "re.Match[str] | None"]

# Keys remembered per lexer state before its memo starts afresh (as lalr.DispatchScanner).
_MAX_KEYS: Final = 4096


class FallbackError(Exception):
    """The driver stops here: the document has an error that Lark's parser recovers from."""


class OverBudgetError(Exception):
    """More tokens than the budget; ``position`` is where the first one over it starts."""

    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


def _blanks_end(text: str, pos: int) -> int:
    """Where the run of spaces and tabs that starts at ``pos`` ends.

    A loop, not a regular expression: compiled, ``text[pos] == " "`` reads the character
    in place, a few instructions, where a call of a pattern's ``match`` costs some 900
    before it reads anything and makes a match object (the runs before tokens and gate
    windows: 5.5M instructions on the plain-text filings).
    """
    length = len(text)
    while pos < length and (text[pos] == " " or text[pos] == "\t"):
        pos += 1
    return pos


def _blank_lines(text: str, pos: int, least: int, most: int) -> int:
    """Where ``least`` to ``most`` (-1: any number of) lines of blanks from ``pos`` end.

    As many as there are, up to ``most``; -1 where there are fewer than ``least``. What a
    pattern :func:`sec8k.lalr.blank_lines` reads matches (``_EOL``, ``BLANK``,
    ``EOL_BLANK``: 2,500 attempts on the plain-text filings, 5,700 on the HTML ones).
    """
    length = len(text)
    count = 0
    while count != most:
        end = pos
        while end < length and (text[end] == " " or text[end] == "\t"):
            end += 1
        if end == length or text[end] != "\n":
            break
        pos = end + 1
        count += 1
    return pos if count >= least else -1


class _Gate:
    """Words one of which a terminal's every match holds, or the length of line it needs.

    On its line (lalr.needed_words), or within a reach of its start (lalr.window_words);
    a line gate may also ask for at least so many characters before the line's end
    (lalr.line_least), and a gate may ask for that alone (no words).
    """

    def __init__(
        self,
        words: tuple[str, ...],
        folded: bool,
        index: int,
        reach: int = -1,
        after_blanks: bool = False,
        least: int = 0,
    ) -> None:
        self.words = words
        self.folded = folded  # the words are lower case, for the line lowered
        self.index = index  # its place among its program's gates (-1: no words)
        # A line gate: the characters from the match's start to the line's end, at least.
        self.least = least
        # A window gate: a word starts at most this far past the match's start (or past
        # the blanks it starts with, where after_blanks). -1: a line gate.
        self.reach = reach
        self.after_blanks = after_blanks


# A line longer than this is not searched for gates' words (the attempts are made).
_GATED_LINE: Final = 4096
# The text window gates look in is lowered this many characters at a time (each window
# holds its blanks, at most WINDOW, and WINDOW more).
_FOLDED: Final = 4 * WINDOW
# A terminal with no words to gate it is gated by the length of line it needs from this
# many characters on: shorter lines are few enough that a gate, one more call per
# attempt, saves less than it costs (LONG_ROW, 2,000, and PROSE, 50, are gated).
_LEAST_GATED: Final = 20


class _Line:
    """The rest of the line under the lexer, where gates look for their words.

    It runs from the first position a gate asks about to the line's end and is kept until
    the lexer leaves that line, with each gate's answer on it, so that a gate's words are
    looked for once per line, not once per cell of a row. A word found before a later
    position still counts there: a gate may let an attempt through, never stop one that
    matches. The answers are a list by gate (0 not asked yet, 1 yes, 2 no): a dict of
    words cost a write per word, and most words are asked for once on a line.
    """

    def __init__(self, text: str, gates: int, windows: int = 0) -> None:
        self.text = text
        # An ASCII text's lines are ASCII: lowered as they are, without asking each line
        # (``isascii`` is a method call by name in the compiled build, 0.4M instructions
        # on the plain-text filings).
        self.ascii = text.isascii()
        self.start = 0
        self.end = -1
        self.usable = False
        self.lowered: str | None = None
        self.lowered_read = False
        self.gates = gates
        self.answers: list[int] = []
        # Where window gates look: from window_at to window_end (the blanks there, then
        # WINDOW characters), with each gate's answer there, as a line keeps its own.
        self.window_at = -1
        self.window_blanks = 0
        self.window_end = 0
        self.windows = windows
        self.window_answers: list[int] = []
        # The text lowered (as _fold lowers it) from folded_at to folded_end: a stretch of
        # _FOLDED characters, shared by the windows inside it, each of which would
        # otherwise lower its own 640 characters (None: the stretch holds a character
        # _fold cannot keep in place; its windows are not gated).
        self.folded: str | None = None
        self.folded_at = 0
        self.folded_end = -1

    def holds(self, gate: _Gate, pos: int) -> bool:
        """Whether the line from ``pos`` on can hold a match: it has one of the words."""
        if gate.reach >= 0:
            return self._in_window(gate, pos)
        if pos < self.start or pos >= self.end:
            end = self.text.find("\n", pos, pos + _GATED_LINE + 1)
            if end < 0:
                end = len(self.text)
            self.start = pos
            self.end = end
            self.usable = end - pos <= _GATED_LINE
            self.lowered = None
            self.lowered_read = False
            self.answers = [0] * self.gates
            if pos == end:
                return False  # at a line break: no word is before it
        if not self.usable:
            return True
        if self.end - pos < gate.least:
            return False
        if not gate.words:
            return True
        answer = self.answers[gate.index]
        if answer:
            return answer == 1
        if not gate.folded:
            text = self.text
            holds = any(text.find(word, self.start, self.end) >= 0 for word in gate.words)
        else:
            if not self.lowered_read:
                line = self.text[self.start : self.end]
                self.lowered = line.lower() if self.ascii else _fold(line)
                self.lowered_read = True
            lowered = self.lowered
            if lowered is None:
                return True
            holds = any(word in lowered for word in gate.words)
        self.answers[gate.index] = 1 if holds else 2
        return holds

    def _in_window(self, gate: _Gate, pos: int) -> bool:
        """Whether a match at ``pos`` can hold one of a window gate's words in its reach."""
        text = self.text
        if pos != self.window_at:
            blanks = _blanks_end(text, pos) - pos
            self.window_at = pos
            self.window_blanks = blanks
            self.window_end = min(len(text), pos + blanks + WINDOW)
            self.window_answers = [0] * self.windows
        if self.window_blanks > WINDOW:
            return True  # a long run of blanks: not worth a search
        answer = self.window_answers[gate.index]
        if answer:
            return answer == 1
        # Each word must start within the reach; it may end past it.
        first = pos + self.window_blanks if gate.after_blanks else pos
        holds = False
        if not gate.folded:
            for word in gate.words:
                end = min(self.window_end, first + gate.reach + len(word))
                if text.find(word, pos, end) >= 0:
                    holds = True
                    break
        else:
            if pos < self.folded_at or self.window_end > self.folded_end:
                self.folded_at = pos
                self.folded_end = min(len(text), pos + _FOLDED)
                stretch = text[pos : self.folded_end]
                self.folded = stretch.lower() if self.ascii else _fold(stretch)
            lowered = self.folded
            if lowered is None:
                return True
            at = self.folded_at
            for word in gate.words:
                end = min(self.window_end, first + gate.reach + len(word))
                if lowered.find(word, pos - at, end - at) >= 0:
                    holds = True
                    break
        self.window_answers[gate.index] = 1 if holds else 2
        return holds


def _fold(line: str) -> str | None:
    """``line`` with its ASCII letters lowered offset for offset; None where it cannot be.

    ASCII words are looked for in it as case-insensitive matching finds them. Other
    characters may stand as "?" (no word holds one): only four characters match an ASCII
    letter case-insensitively without being one (U+0130 and U+0131 for i, U+017F for s,
    U+212A for k), and a line with one is not folded. (Lowering a line that is not ASCII
    character by character costs ten times encoding it.)
    """
    if line.isascii():
        return line.lower()
    # Four searches for one character each: a regular expression's class of the four
    # tries every character of the line in turn (26,000 instructions a window).
    if "\u0130" in line or "\u0131" in line or "\u017f" in line or "\u212a" in line:
        return None
    return line.encode("ascii", "replace").decode("ascii").lower()


class _Lexer:
    """The terminals one parser state accepts, tried in Lark's order from the first character.

    As :class:`sec8k.lalr.DispatchScanner`: only terminals that can start with the character
    under the cursor (after blanks, with the first one that is not blank) are tried. Built
    from Lark's lexer of the state when the state first lexes (:meth:`build`), as Lark
    builds its own: most states of a grammar never lex in a document.
    """

    def __init__(self, state_lexer: Any, shared: _Shared) -> None:
        self.state_lexer = state_lexer
        self.shared = shared
        self.ready = False
        self.names: list[str] = []
        self.patterns: list[re.Pattern[str]] = []
        self.starts: list[_Starts | None] = []
        self.gates: list[_Gate | None] = []
        self.lines: list[tuple[int, int] | None] = []
        self.callbacks: dict[str, Callable[[Token], Token]] = {}
        self.ignore: frozenset[str] = frozenset()
        self.newline: frozenset[str] = frozenset()
        self.positions_only: frozenset[str] = frozenset()
        # The candidates, in order: by the character under the cursor, and, where that is a
        # space or a tab, by the first character after the blanks ("" at the text's end).
        # Three dicts rather than one keyed by the two characters joined: a key made per
        # token cost a string concatenation each.
        self.by_key: dict[str, list[_Candidate]] = {}
        self.after_space: dict[str, list[_Candidate]] = {}
        self.after_tab: dict[str, list[_Candidate]] = {}

    def build(self) -> None:
        """Read Lark's lexer of the state: terminals, order and callbacks.

        The terminals are those left after Lark's keyword handling (``_create_unless``).
        """
        lark = self.state_lexer
        shared = self.shared
        terminals, callbacks = _create_unless(  # type: ignore[no-untyped-call]
            lark.terminals, lark.g_regex_flags, lark.re, False
        )
        for name, user in lark.user_callbacks.items():
            if name in callbacks:
                callbacks[name] = _chain(callbacks[name], user, name)
            else:
                callbacks[name] = user
        # Built aside and set whole: two threads that build the same state at once (a
        # worker's threads) each set the same lists, never a mix of half-built ones.
        names: list[str] = []
        patterns: list[re.Pattern[str]] = []
        starts: list[_Starts | None] = []
        gates: list[_Gate | None] = []
        lines: list[tuple[int, int] | None] = []
        for terminal in terminals:
            name = str(terminal.name)
            pattern = shared.compiled.get(name)
            if pattern is None:
                written = terminal.pattern.to_regexp()
                try:
                    pattern = re.compile(
                        engine_form(written, lark.g_regex_flags), lark.g_regex_flags
                    )
                except re.error:  # a construct engine_form misread: the written form is right
                    pattern = re.compile(written, lark.g_regex_flags)
                shared.compiled[name] = pattern
            names.append(name)
            patterns.append(pattern)
            starts.append(shared.starts.get(name))
            gates.append(shared.gates.get(name))
            if name not in shared.lines:
                shared.lines[name] = blank_lines(terminal, lark.g_regex_flags)
            lines.append(shared.lines[name])
        self.names = names
        self.patterns = patterns
        self.starts = starts
        self.gates = gates
        self.lines = lines
        self.callbacks = callbacks
        self.ignore = frozenset(lark.ignore_types)
        self.newline = frozenset(lark.newline_types)
        drop = shared.drop
        self.positions_only = frozenset(
            name for name, callback in callbacks.items() if drop is not None and callback is drop
        )
        self.ready = True

    def candidates(
        self, memo: dict[str, list[_Candidate]], key: str, char: str, after: str
    ) -> list[_Candidate]:
        """The terminals that can start at ``char`` (``after`` the blanks), kept in ``memo``."""
        if len(memo) >= _MAX_KEYS:
            memo.clear()
        found: list[_Candidate] = []
        for i in range(len(self.names)):
            starts = self.starts[i]
            if starts is None or starts.may_start(char, after):
                name = self.names[i]
                lines = self.lines[i]
                found.append(
                    _Candidate(
                        self.patterns[i].match,
                        name,
                        self.gates[i],
                        name in self.ignore,
                        self.callbacks.get(name),
                        name in self.positions_only,
                        name in self.newline,
                        self.shared.symbols.get(name, -1),
                        -1 if lines is None else lines[0],
                        -1 if lines is None else lines[1],
                        name not in self.shared.kept
                        and name not in self.ignore
                        and self.callbacks.get(name) is None,
                    )
                )
        memo[key] = found
        return found


class _Candidate:
    """One terminal a lexer state tries at a key, with what its token needs.

    The bound ``match`` is called without looking the method up on every attempt; the
    rest is what the driver asks of each token (ignored, its callback, kept without text,
    may hold line breaks), read here once instead of in four lookups per token. ``kind``
    is the terminal's column in the program's table (-1: no state accepts it). A terminal
    that is lines of blanks and nothing else (lalr.blank_lines) is read by
    :func:`_blank_lines`, from ``least`` lines to ``most``, not by ``match``.
    """

    def __init__(
        self,
        match: _Match,
        name: str,
        gate: _Gate | None,
        ignored: bool,
        callback: Callable[[Token], Token] | None,
        dropped: bool,
        newline: bool,
        kind: int,
        least: int = -1,
        most: int = -1,
        unkept: bool = False,
    ) -> None:
        self.match = match
        self.name = name
        self.gate = gate
        self.ignored = ignored
        self.callback = callback
        self.dropped = dropped
        self.newline = newline
        self.kind = kind
        self.least = least  # -1: the pattern's match reads it
        self.most = most  # -1: no limit
        # No rule keeps its token (``_EOL``): the driver makes none, and stacks None in
        # its place (a token costs 2,700 instructions: 1.7M on the plain-text filings).
        self.unkept = unkept


class _Shared:
    """What the lexers of one grammar's states share.

    Per terminal: how it starts, its gate, its compiled pattern and its column in the
    program's table; and the callback whose tokens keep no text.
    """

    def __init__(
        self,
        starts: dict[str, _Starts | None],
        gates: dict[str, _Gate | None],
        drop: Callable[[Token], Token] | None,
        symbols: dict[str, int],
        kept: frozenset[str],
    ) -> None:
        self.symbols = symbols
        # The terminals some rule keeps in its tree: the rest, filtered out of every rule
        # they are in, need no token.
        self.kept = kept
        self.starts = starts
        self.gates = gates
        self.drop = drop
        self.compiled: dict[str, re.Pattern[str]] = {}
        self.lines: dict[str, tuple[int, int] | None] = {}


class _Reduction:
    """What reducing by one rule does: how many values it takes and the tree it makes."""

    def __init__(
        self,
        size: int,
        origin: str,
        name: Any,
        keep: list[int] | None,
        inline: list[bool],
        single: bool,
    ) -> None:
        self.size = size
        self.origin = origin  # the nonterminal to go to after the reduction
        self.goto = -1  # its column in the program's table
        self.name = name  # the tree's data: the rule's alias or name
        self.keep = keep  # the children kept, by index; None keeps all of them
        self.inline = inline  # per kept child: whether its children take its place
        self.single = single  # a ?rule: a single kept child stands for the tree
        # An inlined rule (``_rule``, and Lark's ``__x_star_n`` helpers): every rule that
        # uses it takes its children in its place, so they stay a list, never a tree.
        self.inlined = origin.startswith("_") and not single


def _reduction(rule: Any) -> _Reduction:
    """Lark's tree shaping for ``rule``, as its ParseTreeBuilder does without placeholders."""
    options = rule.options
    keep: list[int] = []
    inline: list[bool] = []
    for i, symbol in enumerate(rule.expansion):
        if options.keep_all_tokens or not (symbol.is_term and symbol.filter_out):
            keep.append(i)
            inline.append(not symbol.is_term and symbol.name.startswith("_"))
    filtered = len(keep) < len(rule.expansion) or any(inline)
    name = rule.alias or options.template_source or rule.origin.name
    return _Reduction(
        len(rule.expansion),
        str(rule.origin.name),  # a plain str: a Token key compares in Python
        name,
        keep if filtered else None,
        inline if filtered else [False] * len(rule.expansion),
        bool(options.expand1 and not rule.alias),
    )


class Program:
    """One grammar's parse table, lexer states and tree shapes, ready to drive."""

    def __init__(
        self,
        actions: list[int],
        width: int,
        symbols: dict[str, int],
        reductions: list[_Reduction],
        lexers: list[_Lexer],
        start: int,
        end: int,
        positions: bool,
        gates: int,
        windows: int,
    ) -> None:
        # The table, a row of ``width`` per state and a column per symbol (``symbols``):
        # >= 0 shifts to that state, _NONE is an error, other values < 0 reduce by ~n. A
        # flat list read by index: a dict per state read by the token's type cost a hashed
        # lookup per action and per goto (6.1M instructions on the plain-text filings).
        self.actions = actions
        self.width = width
        self.symbols = symbols
        self.reductions = reductions
        self.lexers = lexers
        self.start = start
        self.end = end
        self.positions = positions
        # How many line gates and window gates the lexers' terminals have (by _Gate.index).
        self.gates = gates
        self.windows = windows

    def parse(self, text: str, budget: int) -> Any:
        """The parse tree of ``text``, as Lark's parser gives it.

        Raises:
            FallbackError: the text has an error; Lark's parser is to read it.
            OverBudgetError: more than ``budget`` tokens.
        """
        run = _Stacks(self.start)
        length = len(text)
        pos = 0
        line = 1
        line_start = 0
        count = 0
        last: Any = None
        lines = _Line(text, self.gates, self.windows)
        while pos < length:
            lexer = self.lexers[run.states[-1]]
            if not lexer.ready:
                lexer.build()
            char = text[pos]
            if char == " " or char == "\t":
                blanks_end = _blanks_end(text, pos)
                after = text[blanks_end] if blanks_end < length else ""
                key = after
                memo = lexer.after_space if char == " " else lexer.after_tab
            else:
                after = ""
                key = char
                memo = lexer.by_key
            candidates = memo.get(key)
            if candidates is None:
                candidates = lexer.candidates(memo, key, char, after)
            found: _Candidate | None = None
            stop = -1
            for candidate in candidates:
                gate = candidate.gate
                if gate is not None and not lines.holds(gate, pos):
                    continue
                if candidate.least >= 0:
                    end = _blank_lines(text, pos, candidate.least, candidate.most)
                    if end >= 0:
                        found = candidate
                        stop = end
                        break
                    continue
                m = candidate.match(text, pos)
                if m is not None:
                    found = candidate
                    stop = _match_end(m)
                    break
            if found is None or stop <= pos:
                raise FallbackError(pos)
            start = pos
            name = found.name
            ignored = found.ignored
            callback = found.callback
            token: Any = None
            unkept = found.unkept
            if not unkept and (not ignored or callback is not None):
                dropped = found.dropped
                value = "" if dropped else text[pos:stop]
                token = _token(name, value, pos, line, pos - line_start + 1)
                if dropped:
                    callback = None
            if found.newline:
                # The last line break first, then any before it: most tokens that may
                # hold line breaks hold one, and find and rfind are primitives of the
                # compiled build where count is a costlier one and rindex a method call
                # by name (9.1M -> 4.5M instructions on the plain-text filings).
                last_break = text.rfind("\n", pos, stop)
                if last_break >= 0:
                    if text.find("\n", pos, last_break) < 0:
                        line += 1
                    else:
                        line += text.count("\n", pos, last_break) + 1
                    line_start = last_break + 1
            pos = stop
            if unkept:
                # No tree holds it: its place on the stack is kept, and its span.
                count += 1
                if count > budget:
                    raise OverBudgetError(start)
                self._feed(None, found.kind, start, stop, run)
                continue
            if token is None:
                continue
            token.end_line = line
            token.end_column = stop - line_start + 1
            token.end_pos = stop
            kind = found.kind
            if callback is not None:
                token = callback(token)
                kind = self.symbols.get(token.type, -1)  # a keyword's callback retypes it
            if ignored:
                continue
            count += 1
            if count > budget:
                raise OverBudgetError(start)
            self._feed(token, kind, start, stop, run)
            last = token
        if last is not None:
            end_token = Token.new_borrow_pos("$END", "", last)
        else:
            end_token = Token("$END", "")
        return self._finish(end_token, run)

    def _feed(self, token: Any, kind: int, start: int, end: int, run: _Stacks) -> None:
        if kind < 0:
            raise FallbackError(start)
        states = run.states
        actions = self.actions
        width = self.width
        while True:
            action = actions[states[-1] * width + kind]
            if action == _NONE:
                raise FallbackError(start)
            if action >= 0:
                states.append(action)
                run.values.append(token)
                run.starts.append(start)
                run.ends.append(end)
                return
            self._reduce(self.reductions[~action], run)

    def _finish(self, token: Any, run: _Stacks) -> Any:
        kind = self.symbols.get("$END", -1)
        while True:
            if kind < 0:
                raise FallbackError(token.start_pos)
            action = self.actions[run.states[-1] * self.width + kind]
            if action == _NONE or action >= 0:
                raise FallbackError(token.start_pos)
            self._reduce(self.reductions[~action], run)
            if run.states[-1] == self.end:
                return run.values[-1]

    def _reduce(self, rule: _Reduction, run: _Stacks) -> None:
        values = run.values
        size = rule.size
        if size == 1 and self._reduce_one(rule, run):
            return
        count = len(values)
        base = count - size
        keep = rule.keep
        children: list[Any]
        if keep is None:
            children = values[base:]
        else:
            children = []
            for j in range(len(keep)):
                child = values[base + keep[j]]
                if rule.inline[j]:
                    kids: list[Any] = child if isinstance(child, list) else child.children
                    if children:
                        children.extend(kids)
                    else:  # as Lark does: a left-recursive list grows in place
                        children = kids
                else:
                    children.append(child)
        # The span of all the values reduced that have one (the tree's "container").
        starts = run.starts
        ends = run.ends
        start = -1
        end = -1
        for i in range(base, count):
            if starts[i] >= 0:
                start = starts[i]
                break
        if start >= 0:
            i = count - 1
            while ends[i] < 0:
                i -= 1
            end = ends[i]
        # Popped one by one: a rule reduces a few values, and "del values[base:]" makes a
        # slice object and goes through the generic deletion (4% of a text filing's time).
        states = run.states
        for _ in range(size):
            values.pop()
            starts.pop()
            ends.pop()
            states.pop()
        made: Any
        if rule.inlined:
            made = children
        elif rule.single and len(children) == 1:
            made = children[0]
            if isinstance(made, Tree):
                if start >= 0 and self.positions:
                    _position(made, start, end)
            elif isinstance(made, Token):  # a ?rule's one token stands for itself
                start = -1 if made.start_pos is None else made.start_pos
                end = -1 if made.end_pos is None else made.end_pos
            else:
                start = end = -1
        else:
            made = _tree(rule.name, children)
            if start >= 0 and self.positions:
                _position(made, start, end)
        states.append(self.actions[states[-1] * self.width + rule.goto])
        values.append(made)
        starts.append(start)
        ends.append(end)

    def _reduce_one(self, rule: _Reduction, run: _Stacks) -> bool:
        """Reduce by a rule of one symbol in place; False where :meth:`_reduce` must.

        What :meth:`_reduce` does, without popping the four stacks and pushing them again
        (most reductions are of one symbol: a cell to a row's part, a row to the cover's
        rows). A value with a start and no end is left to it: it reads further down.
        """
        values = run.values
        starts = run.starts
        ends = run.ends
        child = values[-1]
        start = starts[-1]
        end = ends[-1] if start >= 0 else -1
        if start >= 0 and end < 0:
            return False
        keep = rule.keep
        children: list[Any]
        if keep is None:
            children = [child]
        elif not keep:
            children = []
        elif rule.inline[0]:
            children = child if isinstance(child, list) else child.children
        else:
            children = [child]
        made: Any
        moved = False  # whether the span is no longer the child's
        if rule.inlined:
            made = children
        elif rule.single and len(children) == 1:
            made = children[0]
            if isinstance(made, Tree):
                if start >= 0 and self.positions:
                    _position(made, start, end)
            elif isinstance(made, Token):  # a ?rule's one token stands for itself
                start = -1 if made.start_pos is None else made.start_pos
                end = -1 if made.end_pos is None else made.end_pos
                moved = True
            else:
                start = end = -1
                moved = True
        else:
            made = _tree(rule.name, children)
            if start >= 0 and self.positions:
                _position(made, start, end)
        states = run.states
        states[-1] = self.actions[states[-2] * self.width + rule.goto]
        values[-1] = made
        if moved:
            starts[-1] = start
            ends[-1] = end
        return True


# No action: the state does not accept the symbol.
_NONE: Final = -(1 << 30)


class _Stacks:
    """The parser's stacks: states, values, and each value's span (-1: none)."""

    def __init__(self, start: int) -> None:
        self.states: list[int] = [start]
        self.values: list[Any] = []
        self.starts: list[int] = []
        self.ends: list[int] = []


# The two __new__ methods, looked up once: compiled, "str.__new__(...)" looks the method
# up on the type at every call.
_new_str: Final[Any] = str.__new__
_new_object: Final[Any] = object.__new__
# Lark's three classes, bound once for the same reason: an imported name is looked up in
# the module's dict at every use, a Final one is not.
_TOKEN: Final[Any] = Token
_TREE: Final[Any] = Tree
_META: Final[Any] = Meta


def _token(kind: str, value: str, start: int, line: int, column: int) -> Any:
    # What Token(kind, value, start, line, column) makes, without its two Python calls.
    token: Any = _new_str(_TOKEN, value)
    token.type = kind
    token.start_pos = start
    token.value = value
    token.line = line
    token.column = column
    return token


def _tree(name: Any, children: list[Any]) -> Any:
    # What Tree(name, children) makes, without the call of its Python __init__.
    tree: Any = _new_object(_TREE)
    tree.data = name
    tree.children = children
    tree._meta = None
    return tree


def _position(made: Any, start: int, end: int) -> None:
    """Give ``made`` the span of what it was built from, as lalr.positions_on_rules does.

    A tree a ``?rule`` hands up keeps its own span; the span of all it was built from is
    its container either way.
    """
    meta = made._meta
    if meta is None:  # a new one: its attributes set in the order Meta() and the below set them
        meta = made._meta = _new_meta()
        meta.empty = False
        meta.start_pos = start
        meta.end_pos = end
    elif meta.empty:
        meta.start_pos = start
        meta.end_pos = end
        meta.empty = False
    meta.container_start_pos = start
    meta.container_end_pos = end


def _new_meta() -> Any:
    # What Meta() makes, without the call of its Python __init__ (which sets ``empty``).
    return _new_object(_META)


def _seed_meta() -> None:
    """Make one ``Meta`` with the five attributes :func:`_position` sets, in its order.

    Python keeps the attribute names of a class's instances in one table they share, while
    it has room; each new instance shrinks the room, and a name that comes too late is
    kept in a dict of each instance's own. Lark's grammar loader makes hundreds of
    ``Meta`` objects with ``empty`` only before the driver makes its first, so the two
    container attributes went to a dict on every tree (4,152 on the plain-text filings,
    1.6M instructions). Made at import, before any grammar is loaded, this one puts all
    five in the shared table.
    """
    meta = _new_meta()
    meta.empty = False
    meta.start_pos = 0
    meta.end_pos = 0
    meta.container_start_pos = 0
    meta.container_end_pos = 0


_seed_meta()


def program(
    parser: Lark, positions: bool, drop: Callable[[Token], Token] | None = None
) -> Program | None:
    """The program that drives ``parser``'s tables; None where this driver cannot.

    ``positions`` says whether rules carry spans (``positions_on_rules`` was applied);
    tokens whose callback is ``drop`` are made without their text, as that callback would
    leave them.
    """
    options = parser.options
    frontend = parser.parser
    lexer = getattr(frontend, "lexer", None)
    if (
        options.parser != "lalr"
        or not isinstance(lexer, ContextualLexer)
        or parser.lexer_conf.use_bytes
        or options.transformer is not None
        or options.maybe_placeholders
        or options.tree_class not in (None, Tree)
        or options.ambiguity not in ("auto", "resolve")
    ):
        return None
    table = frontend.parser.parser.parse_table
    start_name = options.start[0]  # Lark makes it a list
    rules: dict[Any, int] = {}
    reductions: list[_Reduction] = []
    count = max(table.states) + 1
    if sorted(table.states) != list(range(count)):
        return None
    symbols: dict[str, int] = {}
    for state in range(count):
        for symbol in table.states[state]:
            symbols.setdefault(str(symbol), len(symbols))
    width = len(symbols)
    actions = [_NONE] * (count * width)
    for state in range(count):
        for symbol, (action, arg) in table.states[state].items():
            at = state * width + symbols[str(symbol)]
            if action is Shift:
                actions[at] = arg
            else:
                index = rules.get(arg)
                if index is None:
                    index = rules[arg] = len(reductions)
                    reductions.append(_reduction(arg))
                actions[at] = ~index
    for reduction in reductions:
        if reduction.origin == start_name:
            reduction.inlined = False  # what the parse returns is a tree, whatever its name
        reduction.goto = symbols.get(reduction.origin, -1)
    flags = parser.lexer_conf.g_regex_flags
    starts = {str(t.name): _starts(t, flags) for t in parser.terminals}
    gates: dict[str, _Gate | None] = {}
    lines = windows = 0
    for terminal in parser.terminals:
        words = needed_words(terminal, flags)
        window = None if words is not None else window_words(terminal, flags)
        least = line_least(terminal, flags)
        gate = None
        if words is not None:
            gate = _Gate(*words, lines, least=least)
            lines += 1
        elif window is not None:
            gate = _Gate(*window[:2], windows, *window[2:])
            windows += 1
        elif least >= _LEAST_GATED:
            gate = _Gate((), False, -1, least=least)
        gates[str(terminal.name)] = gate
    kept = frozenset(
        str(symbol.name)
        for rule in parser.rules
        for symbol in rule.expansion
        if isinstance(symbol, Terminal) and (rule.options.keep_all_tokens or not symbol.filter_out)
    )
    shared = _Shared(starts, gates, drop, symbols, kept)
    made: dict[int, _Lexer] = {}
    lexers: list[_Lexer] = []
    for state in range(count):
        state_lexer = lexer.lexers[state]
        found = made.get(id(state_lexer))
        if found is None:
            found = made[id(state_lexer)] = _Lexer(state_lexer, shared)
        lexers.append(found)
    return Program(
        actions,
        width,
        symbols,
        reductions,
        lexers,
        table.start_states[start_name],
        table.end_states[start_name],
        positions,
        lines,
        windows,
    )


def _chain(
    first: Callable[[Token], Token], then: Callable[[Token], Token], name: str
) -> Callable[[Token], Token]:
    """Lark's CallChain: where ``first`` keeps the token's type, ``then`` reads the token."""

    def call(token: Token) -> Token:
        made = first(token)
        return then(token) if made.type == name else made

    return call
