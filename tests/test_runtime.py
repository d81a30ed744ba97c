"""sec8k's LALR driver (sec8k/runtime.py): Lark's trees, or a fallback to Lark where it errs."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree, UnexpectedInput
from lark.lexer import PatternRE, TerminalDef

from sec8k import grammar, pipeline, runtime
from sec8k.forms import default_form, forms
from sec8k.lalr import (
    WINDOW,
    blank_lines,
    engine_form,
    line_least,
    needed_words,
    window_words,
)
from sec8k.pipeline import STAGES, ParseState
from sec8k.runtime import (
    FallbackError,
    OverBudgetError,
    Program,
    _blank_lines,
    _Gate,
    _Line,
    program,
)
from tests.conftest import case_input, corpus_files, filing_cases, requires_corpus
from tests.test_lalr import _shape

GRAMMARS = sorted({form.grammar_file for form in forms()} | {"envelope.lark"})
_NO_BUDGET = 1 << 62


def _program(parser: Lark) -> Program:
    found = grammar.program_for(parser)
    assert found is not None
    return found


def _both(parser: Lark, text: str) -> tuple[object, object]:
    """(Lark's tree or its failure, the driver's tree or its fallback), as comparable values."""
    try:
        lark: object = _shape(parser.parse(text))  # type: ignore[arg-type]
    except UnexpectedInput:
        lark = "error"
    try:
        driven: object = _shape(_program(parser).parse(text, _NO_BUDGET))
    except FallbackError:
        driven = "error"
    return lark, driven


def _document(case: Path) -> ParseState | None:
    state = ParseState(case_input(case).read_bytes(), None, 1 << 31)
    for name, stage in STAGES:
        if name == "parse" or state.stopped:
            break
        stage(state)
    if state.form is None or state.document is None:
        return None
    return state


def test_every_shipped_grammar_has_a_program() -> None:
    """Every form's parser and the envelope's is driven by sec8k's driver."""
    for grammar_file in GRAMMARS:
        assert grammar.program_for(grammar.get_parser(grammar_file)) is not None, grammar_file


@pytest.mark.parametrize("case", filing_cases(), ids=lambda p: p.name)
def test_the_driver_makes_lark_s_tree_on_real_filings(case: Path) -> None:
    """Each curated document, and its envelope, parses to Lark's tree, or falls back where
    Lark fails: rules, children, tokens and every position alike."""
    state = _document(case)
    if state is None:
        pytest.skip("stopped before the parse")
    assert state.document is not None and state.form is not None
    lark, driven = _both(state.form.parser(), state.document.text)
    assert driven == lark
    assert state.source is not None
    lark, driven = _both(grammar.get_parser("envelope.lark"), state.source.text)
    assert driven == lark


@requires_corpus
def test_the_driver_makes_lark_s_tree_on_the_corpus() -> None:
    """The same on every corpus filing (where ../shared is present)."""
    compared = 0
    files = corpus_files()
    for path in files:
        state = ParseState(path.read_bytes(), None, 1 << 31)
        for name, stage in STAGES:
            if name == "parse" or state.stopped:
                break
            stage(state)
        if state.form is None or state.document is None:
            continue
        lark, driven = _both(state.form.parser(), state.document.text)
        assert driven == lark, path.name
        compared += 1
    assert compared > 0.9 * len(files)


def test_an_error_falls_back_to_lark_s_recovery(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document with text the grammar cannot place (a fuzzer's find, kept as a regression):
    the driver stops, and the parse stage gives what it gave with Lark alone."""
    path = Path(__file__).parent.parent / "fuzz/regressions/html-item-spans-around-a-late-table.htm"

    def parsed() -> ParseState:
        state = ParseState(path.read_bytes(), None, 1 << 31)
        for _name, stage in STAGES[: [name for name, _ in STAGES].index("parse") + 1]:
            stage(state)
        return state

    state = parsed()
    assert state.document is not None and state.form is not None and state.tree is not None
    with pytest.raises(FallbackError):
        _program(state.form.parser()).parse(state.document.text, _NO_BUDGET)
    monkeypatch.setattr(pipeline, "program_for", lambda parser: None)
    alone = parsed()
    assert alone.tree is not None and alone.skipped
    assert _shape(state.tree) == _shape(alone.tree)  # type: ignore[arg-type]
    assert state.skipped == alone.skipped
    assert state.sink.diagnostics == alone.sink.diagnostics


@pytest.mark.parametrize("case", filing_cases()[:6], ids=lambda p: p.name)
def test_the_token_budget_stops_at_lark_s_token(case: Path) -> None:
    """Over the budget, the driver stops at the token Lark's loop stops at."""
    state = _document(case)
    if state is None:
        pytest.skip("stopped before the parse")
    assert state.document is not None and state.form is not None
    parser, text = state.form.parser(), state.document.text
    budget = 5
    with pytest.raises(OverBudgetError) as driven:
        _program(parser).parse(text, budget)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "program_for", lambda parser: None)
        with pytest.raises(OverBudgetError) as lark:
            pipeline._drive(parser, text, lambda exc: False, budget)
    assert driven.value.position == lark.value.position > 0


def test_options_the_driver_does_not_reproduce_get_no_program() -> None:
    """Placeholders, a transformer, another lexer or parser: Lark parses."""
    path = str(grammar.grammar_dir() / "envelope.lark")
    common = {"import_paths": [grammar.shipped_grammar], "maybe_placeholders": False}
    assert program(Lark.open(path, parser="lalr", **common), True) is not None  # type: ignore[arg-type]
    for options in (
        {"parser": "lalr", "maybe_placeholders": True},
        {"parser": "lalr", "lexer": "basic"},
        {"parser": "lalr", "transformer": _Upper()},
        {"parser": "earley"},
    ):
        made = Lark.open(path, **{**common, **options})  # type: ignore[arg-type]
        assert program(made, True) is None, options


class _Upper:
    def __default_token__(self, token: Token) -> Token:
        return token


# Pieces of 8-K layout, of every part of the grammar, and of text it cannot place.
_PIECES = [
    "FORM 8-K\n",
    "CURRENT REPORT\n",
    "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n",
    "Date of Report (Date of earliest event reported): May 1, 2020\n",
    "ACME CORP\n",
    "(Exact name of registrant as specified in its charter)\n",
    "Delaware   001-12345   12-3456789\n",
    "(State or other jurisdiction of incorporation)   (Commission File Number)\n",
    "[X] Written communications pursuant to Rule 425\n",
    "\u2610 Soliciting material pursuant to Rule 14a-12\n",
    "Item 2.02 Results of Operations and Financial Condition.\n",
    "ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS\n",
    "Item 5. Other Events\n",
    "Some prose about the quarter, which ended well.\n",
    "99.1  Press release dated May 1, 2020\n",
    "SIGNATURE\n",
    "Pursuant to the requirements of the Securities Exchange Act of 1934,\n",
    "By: /s/ Jane Doe\n",
    "Name: Jane Doe\nTitle: Chief Executive Officer\n",
    "\n",
    "   ",
    "\t",
    "]]] [[[ ",
    "(",
    "-----\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_driver_agrees_with_lark_on_generated_layouts(pieces: list[str]) -> None:
    """Any sequence of layout pieces: the same tree as Lark's, or a fallback where Lark fails."""
    text = "".join(pieces)
    lark, driven = _both(default_form().parser(), text)
    assert driven == lark


@pytest.mark.parametrize(
    ("pattern", "compiled"),
    [
        ("[ \t]*(?![ \t])x", "[ \t]*+x"),
        (r"[ \t]*(?![ \t])x", "[ \t]*+x"),  # tab written as an escape
        ("(?m:^[ \t]*(?![ \t]))(?=a)|[ \t]*(?![ \t])b", "(?m:^[ \t]*+)(?=a)|[ \t]*+b"),
        ("[a[ \t]*(?![ \t])", "[a[ \t]*(?![ \t])"),  # "[ \t]" closes the class "[a[ \t]"
        ("[]x[ \t]*(?![ \t])]", "[]x[ \t]*(?![ \t])]"),  # "]" first is in the class
        (r"\[ \t]*(?![ \t])", r"\[ \t]*(?![ \t])"),  # an escaped "[" opens no class
        ("[ \t]+(?![ \t])x", "[ \t]+(?![ \t])x"),
        ("[ \t]*(?![ \t])*x", "[ \t]*(?![ \t])*x"),  # a repeated lookahead
        ("[ \t]*(?![ \t])(?#c)?x", "[ \t]*(?![ \t])(?#c)?x"),  # a comment between
        ("(?x:[ \t]*(?![ \t]))", "(?x:[ \t]*(?![ \t]))"),  # verbose: left whole
    ],
)
def test_the_engine_form_reads_blanks_possessively(pattern: str, compiled: str) -> None:
    """Blanks up to the first non-blank are one possessive repeat, outside classes only."""
    assert engine_form(pattern) == compiled


@pytest.mark.parametrize(
    ("pattern", "compiled"),
    [
        ("(?i:and|of)", "(?i:(?-i:[aA])nd|(?-i:[oO])f)"),
        ("(?i:is|k|13)", "(?i:(?-i:[iI\\u0130\\u0131])s|(?-i:[kK\\u212a])|13)"),
        ("(?i)ab|cd", "(?i)(?-i:[aA])b|(?-i:[cC])d"),  # flags for the whole pattern
        ("(?i:items?)", "(?i:items?)"),  # one alternative: nothing to step over
        ("and|of", "and|of"),  # case-sensitive already
        ("(?i:x(?-i:a|b)|y)", "(?i:(?-i:[xX])(?-i:a|b)|(?-i:[yY]))"),
        ("(?i:[a|b]c|\\|d)", "(?i:[a|b]c|\\|d)"),  # "|" in a class, and escaped
        ("(?i:(?#a|b)c|d)", "(?i:(?#a|b)(?-i:[cC])|(?-i:[dD]))"),  # a comment reads nothing
        ("(?i:(?P<n>a|b)|c)", "(?i:(?P<n>(?-i:[aA])|(?-i:[bB]))|(?-i:[cC]))"),
        ("(a)(?i:\\1|b)", "(a)(?i:\\1|b)"),  # a back-reference: not read
        ("(?x:a|b)", "(?x:a|b)"),  # verbose: not read
        ("(?ai:is|k)", "(?ai:is|k)"),  # ASCII-only: "i" matches no dotless i there
    ],
)
def test_the_engine_form_starts_case_blind_alternatives_with_a_class(
    pattern: str, compiled: str
) -> None:
    """A letter that starts an alternative among several, case-insensitive, is a class."""
    assert engine_form(pattern) == compiled


_ABOVE_LATIN1 = "\\u0100-\\U0010ffff"


@pytest.mark.parametrize(
    ("pattern", "compiled"),
    [
        (
            "(?![ \t]*+a|[ \t]*(?![ \t])b)[ \t]*+x",
            f"[ \t]*+(?!(?=[ab{_ABOVE_LATIN1}])(?:a|b))x",
        ),
        (  # a group around the alternatives (an extended terminal), blanks written apart
            "(?!(?:[ \t]*+a|[ \t]*+(?i:s)))[ \t]*(?![ \t])x",
            f"[ \t]*+(?!(?=[Sas{_ABOVE_LATIN1}])(?:a|(?i:(?-i:[sS\\u017f]))))x",
        ),
        ("(?![ \t]*+a|b)[ \t]*+x", "(?![ \t]*+a|b)[ \t]*+x"),  # one without the blanks
        ("(?![ \t]*+a)[ \t]*x", "(?![ \t]*+a)[ \t]*x"),  # blanks that may give one back
        ("(?![ \t]*+a)[ \t]*+?x", "(?![ \t]*+a)[ \t]*+?x"),  # (not a pattern)
        ("(?![ \t]*+a*)[ \t]*+x", "[ \t]*+(?!(?:a*))x"),  # it can match nothing: no guard
        ("(?![ \t]*+\\1)[ \t]*+x", "(?![ \t]*+\\1)[ \t]*+x"),  # a reference: not read
    ],
)
def test_the_engine_form_reads_blanks_before_a_lookahead_of_alternatives_that_do(
    pattern: str, compiled: str
) -> None:
    """Blanks after a negative lookahead whose alternatives all start with them move before
    it, and the alternatives are entered only at a character one can start with."""
    assert engine_form(pattern) == compiled


def test_a_terminal_whose_engine_form_does_not_compile_is_compiled_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The written pattern is the reference: a rewrite the engine rejects is not used."""
    monkeypatch.setattr(runtime, "engine_form", lambda pattern, flags=0: "(")
    grammar_text = "start: WORD+\nWORD: /[ \\t]*(?![ \\t])(?i:ab|cd)/"
    parser = Lark(grammar_text, parser="lalr", maybe_placeholders=False)
    driver = program(parser, False)
    assert driver is not None
    assert _shape(driver.parse("ab CD", _NO_BUDGET)) == _shape(parser.parse("ab CD"))


def test_the_engine_form_reads_case_insensitive_flags_given_apart() -> None:
    """Flags passed with the pattern count as flags written in it."""
    assert engine_form("and|of", re.IGNORECASE) == "(?-i:[aA])nd|(?-i:[oO])f"
    verbose = "[ \t]*(?![ \t])(?i:and|of)  # a comment [ \t]*(?![ \t])"
    assert engine_form(verbose, re.VERBOSE) == verbose


def test_an_ascii_letter_s_class_holds_what_it_matches_case_insensitively() -> None:
    """Over every code point: "(?i:x)" and the class that replaces it match the same."""
    letters = re.compile("(?i:[a-z])")
    candidates = [chr(c) for c in range(0x110000) if letters.fullmatch(chr(c))]
    assert len(candidates) == 56  # 52 letters, and four that match one case-insensitively
    for letter in "abcdefghijklmnopqrstuvwxyz":
        written = re.compile(f"(?i:{letter}|-)")
        compiled = re.compile(engine_form(f"(?i:{letter}|-)"))
        assert written.pattern != compiled.pattern
        for char in candidates:
            assert bool(written.fullmatch(char)) == bool(compiled.fullmatch(char)), (letter, char)


@pytest.mark.parametrize(
    "pattern",
    [
        "[ \t]*(?![ \t])(?=[^\n]{3})",  # a greedy repeat would give a blank back here
        "(?:[ \t]*(?![ \t])a)?[ \t]*b",
        "[ \t]*(?![ \t])[ \t]?x",
    ],
)
def test_blanks_read_possessively_match_as_written(pattern: str) -> None:
    """Where giving a blank back would let more match, the lookahead forbids it: so does
    the possessive repeat."""
    for text in ("  ab", "  ab\n", "\t b", "  x", " x", "ab", "  ", "\tabc"):
        for pos in range(len(text) + 1):
            expected = re.match(pattern, text[pos:])
            got = re.match(engine_form(pattern), text[pos:])
            assert (got and got.span()) == (expected and expected.span()), (text, pos)


_PATTERN_PIECES = [
    *("(?i:", "(?-i:", "(?i)", "(?ai:", "(?:", "(?=", "(?!", "(?<=", "(?P<n>", "(?#c)"),
    *("(", ")", "(?i:ab|", "|sk)", "|K"),
    *("[", "[^", "]", "|", "\\", "\\|", "\\[", "*", "+", "?", "{2}", "^", " ", "\t"),
    *("[ \t]*(?![ \t])", "a", "b", "s", "K", "i", "ab", "sk"),
    *("[ \t]*+", "(?![ \t]*+a|[ \t]*(?![ \t])(?i:s)|[ \t]*+\\d)", "(?!(?:[ \t]*+b|[ \t]*+K))"),
]


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_PATTERN_PIECES), max_size=12).map("".join),
        st.text(alphabet="()[]|\\?:!=<>Pnix-*+^ \tabsK", max_size=24),
    )
)
@pytest.mark.filterwarnings("ignore::FutureWarning")  # "possible nested set": still a pattern
def test_the_engine_form_of_any_pattern_matches_as_written(pattern: str) -> None:
    """Any pattern the engine compiles: its engine form compiles and matches the same."""
    try:
        written = re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return
    compiled = re.compile(engine_form(pattern))
    for text in ("ab AB", "  sK x", "\tbas|", "a\u017fb\u212a", "I\u0131\u0130i"):
        for pos in range(len(text) + 1):
            expected = written.match(text, pos)
            got = compiled.match(text, pos)
            assert (got and got.span()) == (expected and expected.span()), (pattern, text, pos)


def _engine_forms() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    found = {}
    for grammar_file in GRAMMARS:
        for terminal in grammar.get_parser(grammar_file).terminals:
            written = terminal.pattern.to_regexp()
            if engine_form(written) != written:
                found[written] = (
                    terminal.name,
                    re.compile(written),
                    re.compile(engine_form(written)),
                )
    return list(found.values())


_ENGINE_FORMS = _engine_forms()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, " \t ", "\t\n", "  x"]), max_size=20))
def test_every_terminal_s_engine_form_matches_as_written(pieces: list[str]) -> None:
    """The driver's compiled form of each shipped terminal matches what the grammar's does,
    at every position of generated layouts (the corpus test compares whole trees)."""
    assert len(_ENGINE_FORMS) > 80  # most of the shipped terminals
    text = "".join(pieces)
    for name, written, compiled in _ENGINE_FORMS:
        for pos in range(len(text)):
            expected = written.match(text, pos)
            got = compiled.match(text, pos)
            assert (got and got.span()) == (expected and expected.span()), (name, text, pos)


def test_a_tree_is_lark_s_tree_class() -> None:
    """Consumers (the transformers, ``--tree``) get Lark's own classes."""
    case = filing_cases()[0]
    state = _document(case)
    assert state is not None and state.document is not None and state.form is not None
    tree = _program(state.form.parser()).parse(state.document.text, _NO_BUDGET)
    assert type(tree) is Tree
    assert all(type(t) is Token for t in tree.scan_values(lambda v: True))


# Gates: a terminal whose every match holds a word on its line is not tried on a line
# without one of its words.


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"[ \t]*\((?=[^()\n]*?(?i:date\s+of|earliest))[^)\n]*\)", (("date", "earliest"), True)),
        (r"(?i:zip)(?:[^\n]|x)*address|address[^\n]*zip", (("address",), False)),
        (r"(?:abc)?xyz", (("xyz",), False)),
        # An optional item that reads a line break: its words, or those of what follows.
        (r"(?:abc\n)?xyz", (("abc", "xyz"), False)),
        (r"(?:ab\n)?xyz", None),
        (r"(?i:(?:power\n)?know|(?:power\n)*each)", (("power", "know", "each"), True)),
        (r"(?:abc)+xy", (("abc",), False)),
        (r"[ \t]*\n(?i:item)", None),  # the word is on the next line
        (r"(?=.*zip)", None),  # "." may be a line break under re.S: not read past
        (r"(?<=item)x", None),  # a lookbehind reads before the match
        (r"foo|ba", None),  # one branch has no word long enough
        (r"(?!zip)[a-z]+", None),
        (r"(?i:caf\u00e9)", None),  # a non-ASCII word is not folded by str.lower alike
        (r"[^()\n]{0,30}[)\]]", ((")", "]"), False)),  # a closing bracket is a word
        (r"(?:[ \t]*\.){4,}\d", ((".",), False)),  # and so is a leader's dot
        (r"a[,;]b", None),  # other marks are not
        (r"x\)", None),  # nor a short word with a mark in it
        # A run with optional characters is one word per way of writing it...
        (r"i\.?r\.?s", (("irs", "i.rs", "ir.s", "i.r.s"), False)),
        (r"items?", (("item",), False)),  # ...without those that hold another
        # ...or, where too many, the last characters of each, as many as the shortest has.
        (r"(?i:i\.?[ ]?r\.?[ ]?s)", (("irs", ".rs", " rs", "r.s", "r s", ". s"), True)),
        (r"x?y?z?ab", None),  # every way holds "ab", which is too short
        # A branch's words without those that hold another (case-blind holds as written).
        (r"phone|telephone", (("phone",), False)),
        (r"(?i:tele)?phone|(?i:phone)", (("phone",), True)),
    ],
)
def test_needed_words_are_read_off_the_pattern(
    pattern: str, words: tuple[tuple[str, ...], bool] | None
) -> None:
    """The words found are those every match holds before its first line break."""
    terminal = TerminalDef("T", PatternRE(pattern))
    assert needed_words(terminal, 0) == words


def _gated_terminals() -> list[tuple[str, re.Pattern[str], _Gate]]:
    found = []
    for grammar_file in GRAMMARS:
        parser = grammar.get_parser(grammar_file)
        for terminal in parser.terminals:
            words = needed_words(terminal, 0)
            least = line_least(terminal, 0)
            if words is not None:
                gate = _Gate(*words, len(found), least=least)
            elif least:
                gate = _Gate((), False, -1, least=least)
            else:
                continue
            found.append((terminal.name, re.compile(terminal.pattern.to_regexp()), gate))
    return found


_GATED = _gated_terminals()
_WORD_PIECES = [
    *sorted({w for _, _, gate in _GATED for w in gate.words}),
    *"()[]:. \t\nXASKI\u2610\u017f\u212a\u0130\u0131",
    *("  ", "of", "the"),
]


def test_shipped_grammars_have_gated_terminals() -> None:
    """The captions, labels and headings told apart by a word are gated."""
    names = {name.rpartition("__")[2] for name, _, _ in _GATED}
    assert {"CAPTION_ZIP", "CAPTION_DATE_OF_REPORT", "LABEL_PHONE", "ITEM_WORD"} <= names


@pytest.mark.parametrize(
    ("pattern", "least"),
    [
        (r"(?m:^)[^\n]{2000}[^\n]*\n", 2000),  # LONG_ROW
        (r"[ ]{0,8}+(?=[^\n]{50})\S[^\n]*\n", 50),  # a lookahead counts as far as it looks
        (r"ab(?=cdef)c", 6),
        (r"(?:abc|de){2}x?", 4),  # the shorter branch, the fewest repeats
        (r"ab\ncdefgh", 2),  # what follows a line break is on another line
        (r"ab[^x]cdefgh", 2),  # and so is what follows a class that holds one
        (r"(?<=abcdef)x", 1),  # a lookbehind reads before the match
        (r"(?!abcdef)x", 1),  # a negative lookahead asks for nothing
        (r"a*", 0),
    ],
)
def test_the_line_a_match_needs_is_read_off_the_pattern(pattern: str, least: int) -> None:
    """The fewest characters a match reads or looks at before its line's end."""
    assert line_least(TerminalDef("T", PatternRE(pattern)), 0) == least


def test_long_row_and_prose_are_gated_by_the_line_they_need() -> None:
    """The two terminals no word gates, which need long lines, are gated by length."""
    least = {name.rpartition("__")[2]: gate.least for name, _, gate in _GATED if not gate.words}
    assert least["LONG_ROW"] == 2000 and least["PROSE"] == 50


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(
        st.one_of(st.sampled_from(_WORD_PIECES), st.sampled_from(_WORD_PIECES).map(str.upper)),
        max_size=25,
    ),
    start=st.integers(0, 60),
)
def test_no_gated_terminal_matches_where_its_gate_is_shut(pieces: list[str], start: int) -> None:
    """Soundness: a gate shut at a position means the terminal does not match there."""
    text = "".join(pieces)
    line = _Line(text, len(_GATED))  # one line asked at rising positions, as the driver does
    for pos in range(min(start, len(text)), len(text)):
        for name, compiled, gate in _GATED:
            if compiled.match(text, pos):
                assert line.holds(gate, pos), (name, text, pos)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="zipZIP ab\n\u017f\u0130", max_size=80),
    steps=st.lists(st.integers(0, 9), max_size=20),
)
def test_a_line_answers_as_a_search_of_its_rest_does(text: str, steps: list[int]) -> None:
    """Asked at rising positions, a line answers whether the word is in the line from the
    first position asked on it: never no where a search from the position finds it.

    A line with a character lowering cannot keep in place is not gated (always holds).
    """
    line = _Line(text, 2)
    gate = _Gate(("zip",), True, 1)
    pos, first, end = 0, 0, -1
    for step in steps:
        pos += step
        if pos >= len(text):
            break
        if pos >= end:
            first, end = pos, text.find("\n", pos)
            end = len(text) if end < 0 else end
        rest = text[first:end]
        odd = any(c in rest for c in "\u0130\u0131\u017f\u212a")
        holds = line.holds(gate, pos)
        assert holds == (odd or "zip" in rest.lower()), (text, pos)
        assert line.holds(gate, pos) == holds  # asked again: the answer kept
        if not holds:
            assert "zip" not in text[pos:end].lower()


# Lines of blanks: terminals that are nothing else are read by the driver's loop.

_BLANK_LINES = [
    (r"[ \t]*\n", (1, 1)),  # _EOL
    (r"(?:[ \t]*\n)+", (1, -1)),  # BLANK
    (r"[ \t]*\n(?:[ \t]*\n)+", (2, -1)),  # EOL_BLANK
    (r"[\t ]*+\n(?:[ \t]*+\n)++", (2, -1)),
    (r"(?:[ \t]*\n){2,3}", (2, 3)),
    (r"(?:[ \t]*\n)*", (0, -1)),
    (r"(?>[ \t]*\n)+", (1, -1)),
]


@pytest.mark.parametrize(("pattern", "lines"), _BLANK_LINES)
def test_lines_of_blanks_are_read_off_the_pattern(pattern: str, lines: tuple[int, int]) -> None:
    assert blank_lines(TerminalDef("T", PatternRE(pattern)), 0) == lines


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:[ \t]*\r?\n)+",  # the envelope's BLANK
        r"[ ]*\n",
        r"[ \t]+\n",
        r"(?:[ \t]*\n)+?",  # a lazy repeat reads the fewest
        r"(?:[ \t]*\n)+x",
        r"(?:[ \t]*\n)+[ \t]*\n",
        r"(?i:[ \t]*\n)+",
        r"[ \t]*(?=\n)",
    ],
)
def test_other_patterns_are_not_lines_of_blanks(pattern: str) -> None:
    assert blank_lines(TerminalDef("T", PatternRE(pattern)), 0) is None


def test_the_shipped_blank_terminals_are_read_as_lines_of_blanks() -> None:
    parser = grammar.get_parser(default_form().grammar_file)
    found = {terminal.name: blank_lines(terminal, 0) for terminal in parser.terminals}
    assert found["_document__EOL"] == (1, 1)
    assert found["BLANK"] == (1, -1)
    assert found["document__EOL_BLANK"] == (2, -1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\nx", max_size=40))
def test_lines_of_blanks_are_read_as_the_pattern_matches(text: str) -> None:
    """At every position the loop ends where the pattern's match ends (-1: no match)."""
    for pattern, (least, most) in _BLANK_LINES:
        compiled = re.compile(pattern)
        for pos in range(len(text) + 1):
            match = compiled.match(text, pos)
            expected = -1 if match is None else match.end()
            assert _blank_lines(text, pos, least, most) == expected, (pattern, text, pos)


# Window gates: a terminal whose word may lie on a later line (a check box's text wrapped
# under it) but within a bounded reach is not tried where no window holds the word.


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (
            r"[ \t]*(?=\S)(?=(?:[^\n]|\n(?=[ \t])){0,400}+(?i:written))\S[^\n]*",
            (("written",), True, 400, True),
        ),
        (r"[ \t]*\n(?i:item)", (("item",), True, 1, True)),  # past the line break
        (r"(?=x{0,10}abc)", (("abc",), False, 10, False)),
        (r"(?:ab|c){2,3}xyz|q\nrst", (("q\nrst", "xyz"), False, 6, False)),
        (r"a*xyz", None),  # no bound on where the word starts
        (r"(?:ab|\n){0,600}word", None),  # beyond the window
        (r"(?!zip)\n[a-z]+", None),
        # A leading group that sets no case flag is opened, and its anchors read nothing.
        (r"(?m:^[ \t]*(?![ \t]))(?=x{0,10}abc)", (("abc",), False, 10, True)),
    ],
)
def test_window_words_are_read_off_the_pattern(
    pattern: str, words: tuple[tuple[str, ...], bool, int, bool] | None
) -> None:
    """The words found start within the reach past the match's start (or its blanks)."""
    terminal = TerminalDef("T", PatternRE(pattern))
    found = window_words(terminal, 0)
    if found is not None and words is not None:
        found = (tuple(sorted(found[0])), *found[1:])
    assert found == words


def _window_terminals() -> list[tuple[str, re.Pattern[str], _Gate]]:
    found = []
    for grammar_file in GRAMMARS:
        parser = grammar.get_parser(grammar_file)
        for terminal in parser.terminals:
            if needed_words(terminal, 0) is not None:
                continue
            words = window_words(terminal, 0)
            if words is not None:
                gate = _Gate(*words[:2], len(found), *words[2:])
                found.append((terminal.name, re.compile(terminal.pattern.to_regexp()), gate))
    return found


_WINDOWED = _window_terminals()


def test_check_boxes_of_the_8k_cover_have_window_gates() -> None:
    """The four check boxes that look 400 characters ahead for their rule are gated, and
    the questions that look 600 ahead for the words that type them."""
    names = {name.rpartition("__")[2] for name, _, _ in _WINDOWED}
    assert {"BOX_WRITTEN_COMMUNICATIONS", "BOX_SOLICITING_MATERIAL"} <= names
    assert {"QUESTION_EMERGING_GROWTH_COMPANY", "QUESTION_EXTENDED_TRANSITION_PERIOD"} <= names
    assert all(gate.reach + len(w) <= WINDOW for _, _, gate in _WINDOWED for w in gate.words)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(
                [w for _, _, gate in _WINDOWED for w in gate.words]
                + ["Rule 425", "[ ]", "\n", "\n   ", " ", "\t", "\u017f", "\u212a", "x"]
                + ["Indicate by check mark ", "Check the appropriate box ", "If an emerging"]
                + ["whether the registrant is an emerging growth ", "extended transition period"]
            ),
            st.integers(1, 620).map(lambda n: "w" * n),  # filler up to past the reach
            st.integers(1, 20).map(lambda n: " " * n),
        ),
        max_size=12,
    ),
    upper=st.booleans(),
)
def test_no_window_gated_terminal_matches_where_its_gate_is_shut(
    pieces: list[str], upper: bool
) -> None:
    """Soundness: a window gate shut at a position means the terminal does not match there."""
    text = "".join(pieces)
    if upper:
        text = text.upper()
    line = _Line(text, 0, len(_WINDOWED))
    for pos in range(len(text)):
        for name, compiled, gate in _WINDOWED:
            if compiled.match(text, pos):
                assert line.holds(gate, pos), (name, text, pos)


_TYPED = {
    "QUESTION_EMERGING_GROWTH_COMPANY": "whether the registrant is an emerging growth company",
    "QUESTION_EXTENDED_TRANSITION_PERIOD": "not to use the extended transition period",
}


@pytest.mark.parametrize(("name", "typed"), sorted(_TYPED.items()))
def test_no_window_gated_question_matches_where_its_gate_is_shut(name: str, typed: str) -> None:
    """Soundness where the words are near the reach: a question's typing words after
    fillers of every length up to past its 600 characters (wrapped over lines)."""
    gated = [(compiled, gate) for n, compiled, gate in _WINDOWED if n.endswith(name)]
    assert gated
    for compiled, gate in gated:
        matched = 0
        for length in range(0, 640):
            filler = ("x" * 60 + "\n") * (length // 61) + "x" * (length % 61)
            text = f"Indicate by check mark {filler} {typed} [ ]\n"
            if compiled.match(text, 0):
                matched += 1
                assert _Line(text, 0, len(_WINDOWED)).holds(gate, 0), (name, length)
        assert matched > 500  # the typing words are found up to 600 characters in


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(["writ", "WRIT", "wr", "it", " ", "\n", "\t", "x" * 30, "\u017f"])
        | st.integers(1, 700).map(lambda n: " " * n),
        max_size=60,
    ),
    positions=st.lists(st.integers(0, 3000), max_size=30),
)
def test_a_window_answers_as_a_search_of_its_own_text(
    pieces: list[str], positions: list[int]
) -> None:
    """A window gate's answer is that of a search of the window's text lowered, wherever
    the shared lowered stretch starts (it may say yes for a stretch it cannot lower)."""
    text = "".join(pieces)
    gate = _Gate(("writ",), True, 0, 40, True)
    line = _Line(text, 0, 1)
    for pos in positions:
        if pos >= len(text):
            continue
        blanks = len(text[pos:]) - len(text[pos:].lstrip(" \t"))
        window = text[pos : min(len(text), pos + blanks + WINDOW)].lower()
        expected = blanks > WINDOW or window.find("writ", 0, blanks + 40 + 4) >= 0
        holds = line.holds(gate, pos)
        assert holds == expected or (holds and "\u017f" in text), (text, pos)


def test_a_window_gate_is_shut_where_the_word_is_out_of_reach() -> None:
    """The gate does shut: a word past the reach, or none at all, is no reason to try."""
    gate = _Gate(("written",), True, 0, 10, True)
    near = "   " + "x" * 10 + "Written"
    far = "   " + "x" * 11 + "Written"
    assert _Line(near, 0, 1).holds(gate, 0)
    assert not _Line(far, 0, 1).holds(gate, 0)
    assert not _Line("nothing here", 0, 1).holds(gate, 0)
    assert _Line("   " + "x" * 11 + "WRITTEN", 0, 1).holds(gate, 3 + 1)  # asked from later on
    assert _Line("\u017f" + "x" * 11 + "written", 0, 1).holds(gate, 0)  # odd fold: not gated


def test_threads_share_a_program() -> None:
    """Threads parsing with one new program (its lexers built as they first lex) get the
    trees one thread gets."""
    texts = []
    for case in filing_cases()[:8]:
        state = _document(case)
        if state is not None and state.document is not None:
            texts.append(state.document.text)
    parser = default_form().parser()
    alone = [_shape(_program(parser).parse(text, _NO_BUDGET)) for text in texts]
    fresh = program(parser, True, grammar._drop_value)
    assert fresh is not None
    with ThreadPoolExecutor(4) as pool:
        shared = list(pool.map(lambda text: _shape(fresh.parse(text, _NO_BUDGET)), texts * 4))
    assert shared == alone * 4
