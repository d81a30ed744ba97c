"""What the grammar saw: the normalised lines, their tokens, and where each rule begins and ends.

``sec8k debug FILE`` prints one row per line of the normalised document (the text the
grammar reads after the envelope and the HTML or text normaliser)::

    line  file     tokens                 rules          text
      38  38:1      ITEM_HEADING       +items.item         ITEM 9.  REGULATION FD DISCLOSURE

``file`` is the line and column in the original file where the line's text comes from;
``+rule`` marks a rule that begins on the line, ``-rule`` one that ends there and ``=rule``
one that begins and ends there (``items.item`` is rule ``item`` of ``grammar/items.lark``). A token
running over several lines (a block of prose) is named on its first line and shown as
``|`` on the others. Where the parse went off track, the rows stop at the furthest point
the grammar reached, followed by the finding with the tokens it expected, in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lark import Token, Tree
from rich.text import Text

from sec8k.diagnostics import PRS_UNEXPECTED, Diagnostic
from sec8k.grammar import display_name
from sec8k.pipeline import ParseState
from sec8k.render.diagnostic import render_diagnostic
from sec8k.span import LineIndex, line_index

__all__ = ["DebugLine", "debug_lines", "render_debug"]

_TEXT_WIDTH = 60
"""Characters of a line's text shown in a row."""


@dataclass(slots=True)
class DebugLine:
    """One line of the normalised document and what the grammar made of it."""

    number: int
    """1-based line number in the normalised document."""
    text: str
    """The line, without its newline."""
    origin: tuple[int, int] | None
    """1-based (line, column) in the original file of the line's first non-blank character."""
    tokens: list[str] = field(default_factory=list)
    """Types of the tokens that begin on this line, in order."""
    inside: str | None = None
    """Type of a token that began on an earlier line and runs over this one."""
    begins: list[str] = field(default_factory=list)
    """Rules whose first token is on this line, outermost first."""
    ends: list[str] = field(default_factory=list)
    """Rules whose last token is on this line, innermost first."""


def _tokens(tree: Tree[Token]) -> list[Token]:
    """Every token of the tree, in the order of the text."""
    found: list[Token] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, Token):
                found.append(child)
            elif isinstance(child, Tree):
                stack.append(child)
    found.sort(key=lambda token: token.start_pos or 0)
    return found


def _rule_extents(tree: Tree[Token], lines: LineIndex) -> Iterator[tuple[str, int, int, int]]:
    """(rule name, depth, first line, last line) of every rule that holds a token."""
    stack: list[tuple[Tree[Token], int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        meta = node.meta
        if not meta.empty:
            first = lines.position(meta.start_pos)[0]
            last = lines.position(max(meta.start_pos, meta.end_pos - 1))[0]
            yield str(node.data), depth, first, last
        stack.extend((c, depth + 1) for c in reversed(node.children) if isinstance(c, Tree))


def debug_lines(state: ParseState) -> list[DebugLine]:
    """The rows of ``sec8k debug`` for a state that ran up to the parse stage."""
    document = state.document
    if document is None:
        return []
    text = document.text
    norm = LineIndex(text)
    original = state.lines or line_index(state.source.text if state.source else "")
    rows: list[DebugLine] = []
    start = 0
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line starts no line
    for number, line in enumerate(lines, 1):
        lead = len(line) - len(line.lstrip())
        origin = None
        if line.strip():
            origin = original.position(document.source_map.to_original(start + lead))
        rows.append(DebugLine(number, line, origin))
        start += len(line) + 1
    if state.tree is None:
        return rows
    for token in _tokens(state.tree):
        if token.start_pos is None:
            continue
        first = norm.position(token.start_pos)[0]
        last = norm.position(max(token.start_pos, (token.end_pos or 0) - 1))[0]
        if first - 1 < len(rows):
            rows[first - 1].tokens.append(token.type)
        for number in range(first + 1, min(last, len(rows)) + 1):
            rows[number - 1].inside = token.type
    extents = sorted(_rule_extents(state.tree, norm), key=lambda e: e[1])
    for name, _depth, first, last in extents:
        if first - 1 < len(rows):
            rows[first - 1].begins.append(name)
        if last - 1 < len(rows):
            rows[last - 1].ends.insert(0, name)
    return rows


def _rules_cell(row: DebugLine) -> str:
    """``+rule`` for a rule that begins here, ``-rule`` ends, ``=rule`` both."""
    both = [r for r in row.begins if r in row.ends]
    cells = [f"+{_rule(r)}" for r in row.begins if r not in both]
    cells += [f"={_rule(r)}" for r in both if r != "start"]
    cells += [f"-{_rule(r)}" for r in row.ends if r not in both]
    return " ".join(cells)


def _rule(name: str) -> str:
    """``document__cover__masthead`` as ``cover.masthead``: the grammar part and its rule."""
    return display_name(name)


def _token(name: str) -> str:
    """A token's name without its grammar's namespace (the rules column gives that)."""
    return name.rsplit("__", 1)[-1]


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def render_debug(
    state: ParseState,
    path: str | None = None,
    *,
    first: int = 1,
    last: int | None = None,
) -> Text:
    """The ``sec8k debug`` report for ``state`` (run up to the parse stage) as rich text.

    Args:
        state: the pipeline state after the parse stage.
        path: the file name to print in findings.
        first: the first normalised line to show (1-based).
        last: the last line to show; None for the end of the document.
    """
    out = Text()
    document = state.document
    name = path or "<input>"
    if document is None:
        out.append(f"{name}: there is no document to parse\n", style="sec8k.warning")
        _findings(out, state, name)
        return out
    rows = debug_lines(state)
    out.append(f"{name}: {document.kind} document, {len(rows)} normalised lines", style="bold")
    if state.tree is not None:
        count = len(_tokens(state.tree))
        out.append(f", {count} tokens", style="bold")
    out.append("\n")
    out.append(f"{'line':>6}  {'file':<9} {'tokens':<24} {'rules':<32} text\n", style="dim")
    stop = len(rows) if last is None else min(last, len(rows))
    for row in rows[max(0, first - 1) : stop]:
        origin = f"{row.origin[0]}:{row.origin[1]}" if row.origin else ""
        tokens = " ".join(map(_token, row.tokens)) or ("|" if row.inside else "")
        rules = _rules_cell(row)
        out.append(f"{row.number:>6}  ", style="sec8k.span")
        out.append(f"{origin:<9} ", style="sec8k.span")
        out.append(f"{_clip(tokens, 24):<24} ", style="sec8k.token")
        out.append(f"{_clip(rules, 32):<32} ", style="sec8k.rule")
        out.append(_clip(row.text.strip(), _TEXT_WIDTH))
        out.append("\n")
    _findings(out, state, name)
    return out


def _findings(out: Text, state: ParseState, name: str) -> None:
    """The findings of the stages so far that say where the grammar stopped."""
    stopped: list[Diagnostic] = [
        d
        for d in state.sink.diagnostics
        if d.code.startswith(("ENV", "LOD")) or d.code == PRS_UNEXPECTED
    ]
    text = state.source.text if state.source else ""
    if not stopped:
        out.append("the grammar read the whole document\n", style="sec8k.info")
        return
    for diagnostic in stopped:
        out.append("\n")
        out.append(render_diagnostic(diagnostic, text, name, lines=state.lines))
