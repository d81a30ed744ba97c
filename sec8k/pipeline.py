"""The pipeline: the stages a filing goes through, in order, as a literal list.

Each stage reads and extends one :class:`ParseState`; :func:`run` runs them, stopping early
when a stage finds nothing worth going on with (empty or binary input). Every stage's
output stays on the state, so each can be inspected and tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError

from sec8k.crosscheck import check_xbrl, cross_check, link_exhibits
from sec8k.diagnostics import (
    FRM_ASSUMED,
    FRM_OTHER_FORM,
    INTERNAL,
    PRS_TOO_LONG,
    PRS_UNEXPECTED,
    DiagnosticSink,
)
from sec8k.envelope import Envelope, find_document
from sec8k.errors import parse_error_position
from sec8k.forms import (
    Form,
    default_form,
    detect_form,
    form_for_type,
    get_form,
    title_pattern,
)
from sec8k.grammar import program_for
from sec8k.html import looks_like_html, normalize_html
from sec8k.load import DEFAULT_MAX_BYTES, Source, SourceLike, load, report_nul
from sec8k.model import (
    CoverPage,
    ExhibitDocument,
    Filing,
    Item,
    Section,
    SignatureBlock,
    SourceInfo,
    Unrecognized,
)
from sec8k.normalize import NormalizedDocument, normalize_text
from sec8k.runtime import FallbackError, OverBudgetError
from sec8k.span import LineIndex, Span, line_index
from sec8k.transform import DocumentParts, transform
from sec8k.transform.base import Context
from sec8k.transform.values import clean

__all__ = ["MAX_TOKENS", "STAGES", "ParseState", "build_filing", "run"]


@dataclass(slots=True)
class ParseState:
    """Everything the stages know about one input."""

    given: SourceLike
    """What the caller passed."""
    asked: type[Form] | None = None
    """The form the caller asked for, or None to detect it."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Size limit for the input."""
    sink: DiagnosticSink = field(default_factory=DiagnosticSink)
    """Diagnostics of every stage."""
    source: Source | None = None
    """After load: the decoded text."""
    envelope: Envelope | None = None
    """After envelope: the document to parse."""
    form: type[Form] | None = None
    """After the form stage: the form that reads it."""
    document: NormalizedDocument | None = None
    """After normalise: the text the grammar reads."""
    tree: Tree[Token] | None = None
    """After parse: the parse tree of what parsed."""
    tail: Unrecognized | None = None
    """After parse: text after a point the grammar could not pass."""
    skipped: tuple[Unrecognized, ...] = ()
    """After parse: text the grammar could not place and parsing went past."""
    parts: DocumentParts | None = None
    """After transform: the model's pieces."""
    context: Context | None = None
    """After transform: the transformers' context (their unrecognized text)."""
    stopped: bool = False
    """Set by a stage when there is nothing to go on with."""

    @property
    def lines(self) -> LineIndex | None:
        """After load: line positions in the decoded text (built when first asked for)."""
        return line_index(self.source.text) if self.source is not None else None


class _Locator:
    """``offset -> (line, column)`` in a text, whose line index is built on the first call.

    Most filings report no diagnostic, and so never need the index: building it is a
    search per line of the whole input.
    """

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __call__(self, offset: int) -> tuple[int, int]:
        return line_index(self._text).position(offset)


def _load(state: ParseState) -> None:
    state.source = load(state.given, state.sink, max_bytes=state.max_bytes)
    state.sink.set_locator(_Locator(state.source.text))
    state.stopped = not state.source.readable
    if not state.stopped:
        report_nul(state.source.text, state.sink)


def _envelope(state: ParseState) -> None:
    assert state.source is not None
    asked = state.asked
    if asked is not None:
        state.envelope = find_document(
            state.source.text,
            state.sink,
            accepts=lambda kind: (kind or "").upper() in asked.document_types,
            wanted=f"Form {asked.name}",
            title=title_pattern(asked),
        )
    else:
        state.envelope = find_document(
            state.source.text,
            state.sink,
            accepts=lambda kind: form_for_type(kind) is not None,
            title=title_pattern(),
        )
    if state.envelope.payload is None:  # a header alone: nothing to parse
        state.form = asked or form_for_type(state.envelope.document_type)
        _header_items(state)
        state.stopped = True


def _normalize(state: ParseState) -> None:
    assert state.source is not None and state.envelope is not None
    payload = state.envelope.payload
    assert payload is not None
    text = state.source.text
    if looks_like_html(text[payload.start : min(payload.end, payload.start + 20_000)]):
        state.document = normalize_html(text, payload, state.sink)
    else:
        state.document = normalize_text(text, payload)


def _form(state: ParseState) -> None:
    _choose_form(state)
    _header_items(state)


def _header_items(state: ParseState) -> None:
    envelope, form = state.envelope, state.form
    header = envelope.header if envelope is not None else None
    if envelope is not None and header is not None and header.items and form is not None:
        # The header's item lines mean what the form says they mean.
        items = tuple(
            replace(item, number=form.header_item(item.text, header.filed_as_of))
            for item in header.items
        )
        state.envelope = replace(envelope, header=replace(header, items=items))


def _choose_form(state: ParseState) -> None:
    """Choose the form that reads the document.

    The one asked for, else the one the envelope's <TYPE> names, else the one whose title
    comes first on the masthead, else the default form (with an info diagnostic).
    """
    assert state.envelope is not None and state.document is not None
    if state.asked is not None:
        state.form = state.asked
        return
    state.form = form_for_type(state.envelope.document_type)
    if state.form is not None:
        return
    found = detect_form(state.document.text)
    if found is not None:
        state.form = found[0]
        return
    state.form = default_form()
    payload = state.envelope.payload
    at = Span(payload.start, payload.start) if payload else None
    message = f"no form named by the envelope or the masthead; read as Form {state.form.name}"
    state.sink.report(FRM_ASSUMED, message, at)


def _parse(state: ParseState) -> None:
    """Parse the normalised document; text the grammar cannot place is kept and skipped.

    Where the parser meets a token its state does not accept, or text no terminal reads,
    that token (or the rest of that line) is set aside as unrecognized text with a PRS001
    diagnostic that says what was expected, and parsing goes on after it, so the rest of
    the document still reads. Only where the parser cannot go on at all (the document
    ends inside a rule) is the document cut at that line and the rest kept whole.
    """
    assert state.document is not None and state.form is not None
    parser = state.form.parser()
    names = _terminal_names(state.form)
    text = state.document.text
    skipped: list[tuple[int, int, str]] = []  # (start, end, what was expected)

    def recover(exc: UnexpectedInput) -> bool:
        if isinstance(exc, UnexpectedToken):
            if exc.token.type == "$END" or len(skipped) > _MAX_SKIPPED:
                return False
            first = exc.token.start_pos or 0
            skipped.append((first, exc.token.end_pos or first, _expected(exc, names)))
            return True
        lexer = exc.interactive_parser.lexer_thread.state
        if isinstance(exc, UnexpectedCharacters) and lexer and len(skipped) <= _MAX_SKIPPED:
            start = int(getattr(exc, "pos_in_stream", 0))
            end = text.find("\n", start) + 1 or len(text)
            lexer.line_ctr.feed(text[start:end])  # on from the next line
            skipped.append((start, end, _expected(exc, names)))
            return True
        return False

    try:
        state.tree = _drive(parser, text, recover, MAX_TOKENS)
    except OverBudgetError as over:
        skipped.clear()
        _keep_head(state, over.position, recover)
    except UnexpectedInput as exc:
        skipped.clear()
        _cut(state, exc, names, recover)
    state.skipped = tuple(_unplaced(state, skipped))


def _terminal_names(form: type[Form]) -> dict[str, str]:
    """The form's terminal names, merged once per form (only read: error messages)."""
    names = _NAMES.get(form)
    if names is None:
        names = _NAMES[form] = form.terminal_names()
    return names


_NAMES: dict[type[Form], dict[str, str]] = {}


# Runs of unplaceable text after which the parser gives up resuming (hostile input).
_MAX_SKIPPED = 1000

MAX_TOKENS = 20_000
"""Tokens the grammar reads in one document; the rest is kept whole (PRS002).

The parse tree costs memory per token, so this bounds a parse's memory by a constant
however the input is shaped (a megabyte of one-line headings is 100,000 tokens). The
largest real filings measured, 10-Ks of 2 to 4 MB, lex to under 1,400 tokens.
"""

_UNLIMITED = 1 << 62  # the budget of a parse that has none


def _drive(
    parser: Lark, text: str, recover: Callable[[UnexpectedInput], bool], budget: int | None
) -> Tree[Token]:
    """Parse ``text`` with error recovery, counting tokens against ``budget``.

    sec8k's driver (:mod:`sec8k.runtime`) reads a document without an error; where it
    stops, Lark's LALR loop reads the document again, as ``parser.parse(text,
    on_error=recover)`` with one addition: after ``budget`` tokens it raises
    OverBudgetError at the next token.
    """
    program = program_for(parser)
    if program is not None:
        try:
            tree: Tree[Token] = program.parse(text, _UNLIMITED if budget is None else budget)
            return tree
        except FallbackError:
            pass
    session = parser.parse_interactive(text)
    state, lexer = session.parser_state, session.lexer_thread
    count, token = 0, None
    while True:
        try:
            for token in lexer.lex(state):  # type: ignore[no-untyped-call]
                count += 1
                if budget is not None and count > budget:
                    raise OverBudgetError(token.start_pos or 0)
                state.feed_token(token)
            end = Token.new_borrow_pos("$END", "", token) if token else Token("$END", "")
            tree = state.feed_token(end, True)
            return tree
        except UnexpectedInput as exc:
            exc.interactive_parser = session
            before = lexer.state.line_ctr.char_pos if lexer.state else 0
            if not recover(exc):
                raise
            moved = lexer.state is None or lexer.state.line_ctr.char_pos != before
            if isinstance(exc, UnexpectedCharacters) and not moved:  # always move on
                assert lexer.state is not None
                lexer.state.line_ctr.feed(text[before : before + 1])


def _keep_head(
    state: ParseState, position: int, recover: Callable[[UnexpectedInput], bool]
) -> None:
    """Parse the text before the line where the token budget ran out; keep the rest whole."""
    assert state.document is not None and state.form is not None
    text = state.document.text
    cut = text.rfind("\n", 0, position) + 1
    state.sink.report(
        PRS_TOO_LONG,
        f"more than {MAX_TOKENS:,} tokens; the text from here on is kept whole",
        state.document.span(position, min(len(text), position + 1)),
    )
    _keep_rest(state, cut)
    try:
        state.tree = _drive(state.form.parser(), text[:cut], recover, None)
    except UnexpectedInput:
        state.tree = None
        state.tail = Unrecognized(
            clean(text), state.document.span(0, len(text.rstrip())), "document"
        )


def _keep_rest(state: ParseState, cut: int) -> None:
    """Keep the text from offset ``cut`` on as one unrecognized node (the tail)."""
    assert state.document is not None
    rest = state.document.text[cut:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        span = state.document.span(cut + lead, cut + len(rest.rstrip()))
        state.tail = Unrecognized(clean(rest), span, "document")


def _expected(exc: UnexpectedInput, names: dict[str, str]) -> str:
    return parse_error_position(exc, 0, names)[1]


def _unplaced(state: ParseState, skipped: list[tuple[int, int, str]]) -> Iterator[Unrecognized]:
    """One unrecognized node and one PRS001 per run of skipped text (adjacent pieces join)."""
    document = state.document
    assert document is not None
    text = document.text
    runs: list[tuple[int, int, str]] = []
    for start, end, expected in skipped:
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], end, runs[-1][2])
        else:
            runs.append((start, end, expected))
    for start, end, expected in runs:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        first, last = start + lead, start + len(piece.rstrip())
        if last <= first:
            continue
        span = document.span(first, last)
        state.sink.report(
            PRS_UNEXPECTED,
            "the grammar cannot place this text here; it is kept as unrecognized",
            span,
            hint=f"expected {expected}",
        )
        yield Unrecognized(clean(text[first:last]), span, "document")


def _cut(
    state: ParseState,
    exc: UnexpectedInput,
    names: dict[str, str],
    recover: Callable[[UnexpectedInput], bool],
) -> None:
    """Keep what parsed where parsing cannot go on at all.

    Cut at the line the grammar could not pass, parse the text before it, and keep the
    rest whole as unrecognized text.
    """
    assert state.document is not None and state.form is not None
    parser = state.form.parser()
    text = state.document.text
    offset, expected = parse_error_position(exc, len(text), names)
    cut = text.rfind("\n", 0, offset) + 1
    span = state.document.span(offset, min(len(text), offset + 1))
    state.sink.report(
        PRS_UNEXPECTED, "the grammar cannot continue here", span, hint=f"expected {expected}"
    )
    _keep_rest(state, cut)
    try:
        state.tree = _drive(parser, text[:cut], recover, None)
    except UnexpectedInput:
        state.tree = None
        state.tail = Unrecognized(
            clean(text), state.document.span(0, len(text.rstrip())), "document"
        )


def _transform(state: ParseState) -> None:
    assert state.document is not None and state.form is not None
    state.context = Context(state.document, state.sink)
    state.parts = DocumentParts(None, (), ())
    if state.tree is None:
        return
    try:
        state.parts = transform(state.tree, *state.form.transformer_routes(state.context))
    except VisitError as exc:
        # A bug in a transformer: say so, and keep the document whole rather than crash.
        text = state.document.text
        span = state.document.span(0, len(text.rstrip()))
        state.sink.report(INTERNAL, f"internal error in rule {exc.rule!r}: {exc.orig_exc!r}", span)
        state.context.unrecognized.clear()
        state.tail = Unrecognized(clean(text), span, "document")


def _cross_check(state: ParseState) -> None:
    envelope, parts = state.envelope, state.parts
    if parts is not None and state.document is not None and state.document.facts:
        check_xbrl(_facts(state.document.facts), parts.cover, state.sink)
    if envelope is None or envelope.header is None or parts is None:
        return
    items = tuple(s for s in parts.sections if isinstance(s, Item))
    inside = tuple(s for s in parts.sections if isinstance(s, ExhibitDocument))
    cross_check(
        envelope.header, parts.cover, items, parts.exhibits, envelope.documents, inside, state.sink
    )


STAGES: tuple[tuple[str, Callable[[ParseState], None]], ...] = (
    ("load", _load),
    ("envelope", _envelope),
    ("normalize", _normalize),
    ("form", _form),
    ("parse", _parse),
    ("transform", _transform),
    ("cross-check", _cross_check),
)
"""The stages, in order."""


def run(
    given: SourceLike,
    *,
    form: str | None = None,
    until: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ParseState:
    """Run the stages on ``given`` (up to and including stage ``until``).

    Args:
        given: a path, bytes, or the text.
        form: the name of the form to read it as (None: detect it).
        until: the last stage to run.
        max_bytes: the size limit of the input.

    Raises:
        UnknownFormError: ``form`` names no registered form.
    """
    state = ParseState(given, get_form(form) if form is not None else None, max_bytes)
    for name, stage in STAGES:
        stage(state)
        if state.stopped or name == until:
            break
    return state


def _check_form(state: ParseState, cover: CoverPage | None, sections: tuple[Section, ...]) -> None:
    """Report a document that is not of its form.

    That is, one whose cover names another form, or that has no form title and none of the
    form's sections.
    """
    envelope, form = state.envelope, state.form
    assert envelope is not None and envelope.payload is not None and form is not None
    if envelope.document_type is not None:
        return  # the envelope stage judged the document's <TYPE> already
    at = Span(envelope.payload.start, envelope.payload.start)
    title = cover.form_type if cover is not None else None
    if cover is not None and title is not None and not _names_form(form, title):
        where = next((p.span for p in cover.parts if p.kind == "form-title"), at)
        message = f"the cover names Form {title}, not Form {form.name}"
        state.sink.report(FRM_OTHER_FORM, message, where)
    elif title is None and not any(isinstance(s, (Item, SignatureBlock)) for s in sections):
        message = (
            f"this does not look like Form {form.name}: no form title, no items, no signatures"
        )
        state.sink.report(FRM_OTHER_FORM, message, at)


def _names_form(form: type[Form], title: str) -> bool:
    """Whether the title a cover prints after "FORM" is a title of ``form``."""
    if title in form.document_types:
        return True
    pattern = "|".join(form.titles)
    return bool(pattern) and re.fullmatch(f"(?i:{pattern})", title) is not None


def build_filing(state: ParseState) -> Filing:
    """The :class:`~sec8k.model.Filing` from a state that ran every stage (or stopped early)."""
    source = state.source
    assert source is not None
    info = SourceInfo(source.path, source.encoding, len(source.text), source.text)
    envelope = state.envelope
    if state.stopped or state.parts is None or envelope is None or envelope.payload is None:
        return Filing(
            source=info,
            span=Span(0, len(source.text)),
            form=state.form.name if state.form else None,
            document_type=envelope.document_type if envelope else None,
            noise=envelope.noise if envelope else (),
            diagnostics=state.sink.diagnostics,
            header=envelope.header if envelope else None,
            documents=envelope.documents if envelope else (),
        )
    parts = state.parts
    sections: tuple[Section, ...] = parts.sections
    if state.skipped:
        sections = tuple(sorted((*sections, *state.skipped), key=lambda s: s.span.start))
    if state.tail is not None:
        sections = (*sections, state.tail)
    cover = parts.cover
    form_type = envelope.document_type
    if form_type is None and cover is not None:
        form_type = cover.form_type
    _check_form(state, cover, sections)
    noise = envelope.noise + (state.document.noise if state.document else ())
    assert state.context is not None
    loose = (s for s in sections if isinstance(s, Unrecognized))
    unrecognized = (*state.context.unrecognized, *loose)
    return Filing(
        source=info,
        span=envelope.payload,
        form=state.form.name if state.form else None,
        document_type=form_type,
        cover=cover,
        sections=sections,
        exhibits=link_exhibits(parts.exhibits, envelope.documents),
        unrecognized=unrecognized,
        noise=tuple(sorted(noise, key=lambda n: n.span.start)),
        diagnostics=state.sink.diagnostics,
        header=envelope.header,
        documents=envelope.documents,
        xbrl=_facts(state.document.facts if state.document else ()),
    )


def _facts(facts: tuple[tuple[str, str], ...]) -> dict[str, str | list[str]]:
    grouped: dict[str, list[str]] = {}
    for name, value in facts:
        grouped.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in grouped.items()}
