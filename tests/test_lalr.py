"""The lexer's first-character dispatch (sec8k/lalr.py): same tokens, fewer attempts."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree, UnexpectedInput

from sec8k import grammar
from sec8k.forms import forms
from sec8k.lalr import DispatchScanner, _Starts, _starts
from sec8k.pipeline import STAGES, ParseState
from tests.conftest import case_input, filing_cases

GRAMMARS = sorted({form.grammar_file for form in forms()} | {"envelope.lark"})


@pytest.mark.parametrize(
    ("pattern", "starts", "never"),
    [
        (r"[ \t]*(?![ \t])(?i:item)s?", ["i", "I", " i", "\tI"], ["t", " t", " ", "\n"]),
        (r"[ \t]*\n", ["\n", " \n", "\t\n"], ["x", " x"]),
        (r"(?:[ \t]*\n)+", ["\n", "  \n"], ["a", " a"]),
        (r"[ \t]+", [" ", "\t", " x", " "], ["x", "\n"]),
        (r"\(?\d{1,3}\.", ["(", "1", "9"], ["a", " 1"]),
        (r"(?:- )*[-_=*~]{3}", ["-", "_", "~"], ["a", " -"]),
        (r"[^\s]+", ["a", "(", "\u00e9"], [" a", "\n", "\u2003"]),
        (r"(?=x)[ab]|c", ["c"], ["a", "b", "x", "d"]),  # "(?=x)[ab]" matches nothing
        (r"(?i:stra\u00dfe)", ["s", "S", "\u017f"], ["t"]),
        # A lookahead narrows the character read after it, in a group or out of one.
        (
            r"(?m:^[ \t]*(?![ \t])(?=(?i:indicate|check)))[^\n]+",
            ["i", "C", " i", "\tc"],
            ["x", " x"],
        ),
        (r"(?=[ab])(?=[bc])\w", ["b"], ["a", "c"]),
        (r"(?=a)x?[a-z]", ["a"], ["x", "b"]),
        (r"(?:(?=a)|b)[a-z]", ["a", "b"], ["1"]),
        (r"(?=[ \t]*b)[ \t]*b", ["b", " b"], [" a", "a"]),
        # After "(?![ \t])" the blanks are behind: what follows is the first non-blank.
        (r"[ \t]*(?![ \t])\w+", [" a", "\t1", "a"], [" -", "-"]),
        (r"[ \t]*(?![ \t])x?", [" x", " y", "x", "y"], []),  # blanks alone match
        (r"(?:[ \t]*(?![ \t]))?[ \t]*x", [" x", "x"], [" y", "y"]),
    ],
)
def test_a_pattern_may_start_only_where_it_can_match(
    pattern: str, starts: list[str], never: list[str]
) -> None:
    """Characters a match can begin with (and, after blanks, go on with) are found."""
    first = _Starts(pattern, 0)
    for text in starts:
        assert first.may_start(text[0], text[1:2]), (pattern, text)
    for text in never:
        assert not first.may_start(text[0], text[1:2]), (pattern, text)


@cache
def _terminals(grammar_file: str) -> list[tuple[str, re.Pattern[str], _Starts | None]]:
    parser = grammar.get_parser(grammar_file)
    return [(t.name, re.compile(t.pattern.to_regexp()), _starts(t, 0)) for t in parser.terminals]


_ALPHABET = " \t\n\r()[]|_-.:,/$%0123456789xXiIsSnNaAeE\u00a0\u2003\u2610\u017f\u0130"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=40), pos=st.integers(0, 39))
def test_no_terminal_matches_where_it_is_said_not_to_start(text: str, pos: int) -> None:
    """Soundness: every terminal of every shipped grammar, at any position of any text."""
    if pos >= len(text):
        return
    char, after = text[pos], text[pos:].lstrip(" \t")[:1]
    for grammar_file in GRAMMARS:
        for name, compiled, first in _terminals(grammar_file):
            if first is not None and compiled.match(text, pos):
                assert first.may_start(char, after), (grammar_file, name, text, pos)


@pytest.mark.parametrize("case", filing_cases(), ids=lambda p: p.name)
def test_no_terminal_matches_where_it_is_said_not_to_start_on_real_filings(case: Path) -> None:
    """Soundness on real text: the cover's words, which random text never spells.

    Every terminal of the filing's grammar at every position of the first 3,000 characters
    of its document text (the cover page, where lookaheads for words like "indicate" or
    "emerging growth" narrow where a terminal is tried).
    """
    state = ParseState(case_input(case).read_bytes(), None, 1 << 31)
    for name, stage in STAGES:
        if name == "parse" or state.stopped:
            break
        stage(state)
    if state.form is None or state.document is None:
        pytest.skip("stopped before the parse")
    text = state.document.text[:3000]
    for name, compiled, first in _terminals(state.form.grammar_file):
        if first is None:
            continue
        for pos in range(len(text)):
            if first.may_start(text[pos], text[pos:].lstrip(" \t")[:1]):
                continue
            found = compiled.match(text, pos)
            assert found is None or found.end() == pos, (name, text[pos : pos + 80])


def test_every_shipped_terminal_is_read() -> None:
    """No terminal falls back to "may start anywhere" for want of a construct."""
    for grammar_file in GRAMMARS:
        unread = [name for name, _, first in _terminals(grammar_file) if first is None]
        assert unread == [], grammar_file


@cache
def _lark_parser(grammar_file: str) -> Lark:
    """The same parser with Lark's own scanners (no dispatch) and rule positions."""
    lark_open = Lark.open

    def with_lark_positions(path: str, **options: object) -> Lark:
        positions = grammar._RULE_POSITIONS.get(Path(path).name, True)
        return lark_open(path, **{**options, "propagate_positions": positions})  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grammar, "dispatch_by_first_character", lambda parser, *_: None)
        patch.setattr(grammar, "positions_on_rules", lambda parser: None)
        patch.setattr(grammar.Lark, "open", with_lark_positions)
        return grammar.get_parser.__wrapped__(grammar_file)  # type: ignore[attr-defined,no-any-return]


def _dispatched(parser: Lark) -> bool:
    return any(isinstance(x.scanner, DispatchScanner) for x in parser.parser.lexer.lexers.values())


def _shape(tree: Tree[object]) -> list[tuple[object, ...]]:
    # Every tree's rule, children and positions, those of what it was built from too; each
    # token's text, offsets, lines and columns.
    return [
        (
            node.data,
            node.meta.empty,
            *(getattr(node.meta, name, None) for name in _POSITIONS),
            tuple(map(_token, node.children)),
        )
        for node in tree.iter_subtrees()
    ]


def _token(child: object) -> object:
    if not isinstance(child, Token):
        return repr(child)
    return (
        repr(child),
        child.start_pos,
        child.end_pos,
        child.line,
        child.column,
        child.end_line,
        child.end_column,
    )


_POSITIONS = ("start_pos", "end_pos", "container_start_pos", "container_end_pos")


def _parse(parser: Lark, text: str) -> object:
    try:
        return _shape(parser.parse(text))
    except UnexpectedInput as exc:  # the pipeline recovers; here the failure is compared
        return (type(exc), str(exc))


@pytest.mark.parametrize("case", filing_cases(), ids=lambda p: p.name)
def test_dispatch_gives_lark_s_tree_on_real_filings(case: Path) -> None:
    """The curated filings parse to Lark's tree, position for position, or fail alike.

    The reference is Lark's own: its scanners, and its ``propagate_positions``, which the
    parser replaces with :func:`sec8k.lalr.positions_on_rules`.
    """
    state = ParseState(case_input(case).read_bytes(), None, 1 << 31)
    for name, stage in STAGES:
        if name == "parse" or state.stopped:
            break
        stage(state)
    if state.form is None or state.document is None:
        pytest.skip("stopped before the parse")
    fast, plain = state.form.parser(), _lark_parser(state.form.grammar_file)
    assert _dispatched(fast) and not _dispatched(plain)
    text = state.document.text
    assert _parse(fast, text) == _parse(plain, text)


@pytest.mark.parametrize("case", filing_cases(), ids=lambda p: p.name)
def test_envelope_gives_lark_s_tree_on_real_filings(case: Path) -> None:
    """The envelope grammar too: payload tokens keep their positions, and no text."""
    state = ParseState(case_input(case).read_bytes(), None, 1 << 31)
    STAGES[0][1](state)
    if state.source is None:
        pytest.skip("not read")
    fast, plain = grammar.get_parser("envelope.lark"), _lark_parser("envelope.lark")
    assert _dispatched(fast) and not _dispatched(plain)
    assert _parse(fast, state.source.text) == _parse(plain, state.source.text)
