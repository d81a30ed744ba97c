"""Stage 4, parse: the Lark parser for each grammar file, built once and cached.

The ``.lark`` files live in the repository's top-level ``grammar/`` folder; the wheel ships
them as ``sec8k/grammar/``. :func:`grammar_dir` finds whichever is present.

A grammar anywhere else (a plug-in's) imports the shipped files by the name ``sec8k``:
``%import sec8k.document (cover_page, item, MASTHEAD_WORD)`` reads
``grammar/document.lark``. :func:`shipped_grammar` is the Lark import loader that does it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

from lark import Lark, Token, Tree
from lark.exceptions import GrammarError as LarkGrammarError

from sec8k.errors import GrammarError
from sec8k.lalr import dispatch_by_first_character, positions_on_rules
from sec8k.runtime import FallbackError, Program, program

__all__ = ["display_name", "get_parser", "grammar_dir", "parse", "program_for", "shipped_grammar"]


@functools.cache
def grammar_dir() -> Path:
    """The folder holding the ``.lark`` files (installed copy first, then the checkout's).

    Found once per process: resolving it takes file system calls, and every parse asks.
    """
    package = Path(__file__).resolve().parent
    for candidate in (package / "grammar", package.parent / "grammar"):
        if (candidate / "common.lark").is_file():
            return candidate
    raise GrammarError(f"the grammar files are missing (looked in {package / 'grammar'})")


def display_name(name: str) -> str:
    """A namespaced rule name as its grammar part and rule ("cover.masthead").

    "document__cover__masthead" is "cover.masthead"; a form's own rule ("start") keeps
    its name.
    """
    return ".".join(name.lstrip("_").split("__")[-2:])


def shipped_grammar(base_path: object, grammar_path: str) -> tuple[str, str]:
    """Lark import loader: ``%import sec8k.NAME (...)`` reads ``grammar/NAME.lark``.

    Raises OSError for any other import, so that Lark tries its other places.
    """
    head, _, tail = grammar_path.replace(os.sep, "/").partition("/")
    if head != "sec8k" or not tail or "/" in tail:
        raise OSError(grammar_path)
    path = grammar_dir() / tail
    return str(path), path.read_text(encoding="utf-8")


def _drop_value(token: Token) -> Token:
    """Keep a payload token's position, not its text: the text is in the source already.

    A document payload is one token of up to hundreds of megabytes; holding its copy in
    the tree until the transform runs would double the memory a submission needs.
    """
    return Token.new_borrow_pos(token.type, "", token)


# Lexer callbacks per grammar file.
_CALLBACKS: dict[str, dict[str, Callable[[Token], Token]]] = {
    "envelope.lark": {"TEXT_BODY": _drop_value, "TEXT_UNCLOSED": _drop_value},
}
# Terminals whose text no transformer reads: the model takes prose from the document by
# position. A Lark token holds its text twice (the token and its ``value``), so prose kept
# in the tree would otherwise cost two bytes per byte of the document.
_POSITION_ONLY = frozenset({"PARA", "LONG_ROW"})
# The envelope's transformer reads positions from tokens only; rule positions would cost
# a third of its parse.
_RULE_POSITIONS = {"envelope.lark": False}


@functools.cache
def get_parser(grammar_file: str) -> Lark:
    """Return the cached LALR parser for ``grammar_file``.

    ``grammar_file`` is a file name in ``grammar/`` ("envelope.lark") or the path of a
    grammar file elsewhere.

    LALR with Lark's contextual lexer: each parser state lexes with only the terminals it
    accepts, which is what lets one grammar read prose as blocks and the cover page as
    cells. No transformer is passed: the parse tree is kept, for ``--tree`` and for spans.

    Raises:
        GrammarError: the file is missing or does not compile.
    """
    path = grammar_dir() / grammar_file
    name = path.name
    try:
        parser = Lark.open(
            str(path),
            parser="lalr",
            lexer="contextual",
            propagate_positions=False,  # lalr.positions_on_rules: the same, for less
            maybe_placeholders=False,
            cache=False,
            lexer_callbacks=_CALLBACKS.get(name, {}),
            import_paths=[shipped_grammar],
        )
    except (OSError, LarkGrammarError) as exc:
        raise GrammarError(f"cannot build the parser from {path}: {exc}") from exc
    # Prose blocks by whatever name a grammar imports them: the lexers read this mapping
    # when they first lex, so entries added before then apply.
    callbacks = parser.lexer_conf.callbacks
    for terminal in parser.terminals:
        if terminal.name.rpartition("__")[2] in _POSITION_ONLY:
            callbacks.setdefault(terminal.name, _drop_value)
    positions = _RULE_POSITIONS.get(name, True)
    if positions:
        positions_on_rules(parser)
    dropped = (type_ for type_, callback in callbacks.items() if callback is _drop_value)
    dispatch_by_first_character(parser, dropped)
    _PROGRAMS[id(parser)] = program(parser, positions, _drop_value)
    return parser


# The driver's program of each parser get_parser made (those live as long as the process).
_PROGRAMS: dict[int, Program | None] = {}


def program_for(parser: Lark) -> Program | None:
    """The :mod:`sec8k.runtime` program that parses as ``parser`` does; None: Lark parses.

    Only parsers made by :func:`get_parser` have one.
    """
    return _PROGRAMS.get(id(parser))


def parse(parser: Lark, text: str) -> Tree[Token]:
    """``parser.parse(text)``: by sec8k's driver where it reads the text, else by Lark.

    Raises what ``parser.parse`` raises (``lark.exceptions.UnexpectedInput``).
    """
    found = program_for(parser)
    if found is not None:
        try:
            tree: Tree[Token] = found.parse(text, 1 << 62)
            return tree
        except FallbackError:
            pass  # Lark reads it, and says where it breaks
    return parser.parse(text)
