"""Stage 2, envelope: read the EDGAR wrapper and find the document to parse inside it.

A filing reaches sec8k bare (the document's own text), inside one ``<DOCUMENT>`` block, or
as a full EDGAR submission: SEC header, then one block per document, perhaps inside a PEM
wrapper, or in one of the other container shapes of ``grammar/envelope.lark``. That
grammar reads the wrapper; document payloads are single tokens, never lexed. This module
turns its tree into the :class:`~sec8k.model.SecHeader` and :class:`~sec8k.model.Document`
nodes and picks the document to parse: the first whose ``<TYPE>`` a form accepts (the
caller says which types; this module names no form).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from lark import Token, Transformer, Tree
from lark.exceptions import UnexpectedInput

from sec8k.diagnostics import (
    ENV_HEADER_ONLY,
    ENV_OTHER_TYPE,
    ENV_RESUMED,
    ENV_TRUNCATED,
    ENV_UNREADABLE,
    DiagnosticSink,
)
from sec8k.errors import parse_error_position
from sec8k.grammar import get_parser, parse
from sec8k.header import build_header
from sec8k.model import Document, HeaderField, Noise, SecHeader
from sec8k.payload import payload_encoding
from sec8k.span import Span
from sec8k.transform import walk

__all__ = ["Envelope", "find_document"]

# Where a wrapper could start: a file without any of these is a bare document.
_WRAPPER_TAGS = (
    *("<SEC-DOCUMENT>", "<IMS-DOCUMENT>", "<SEC-HEADER>", "<IMS-HEADER>", "<SUBMISSION>"),
    *("<DOCUMENT>", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "&lt;SEC-HEADER&gt;"),
)
# The tags grouped by a part they share: the part, how far past a tag's start it can end,
# and its tags with where it starts in each. A bare document, most inputs, is searched to
# its end once per part, four times, not once per tag. (A regular expression of the eight
# tried them at every "<" of an HTML document: 0.42 ms for the median corpus HTML
# document; eight finds, one a tag, 101 us for the mean one, and these four 47 us.)
_WRAPPER_PARTS: tuple[tuple[str, int, tuple[tuple[str, int], ...]], ...] = tuple(
    (
        part,
        max(tag.index(part) for tag in _WRAPPER_TAGS if part in tag) + len(part),
        tuple((tag, tag.index(part)) for tag in _WRAPPER_TAGS if part in tag),
    )
    for part in ("DOCUMENT>", "-HEADER", "<SUBMISSION>", "-----BEGIN PRIVACY-ENHANCED ")
)


def _first_wrapper_tag(text: str) -> int:
    """Where the first wrapper tag starts, or -1."""
    first = len(text)
    for part, reach, tags in _WRAPPER_PARTS:
        # A search ends where a tag found already starts: a submission's first tag is
        # found at its start, and the other searches then look at a few characters.
        at = text.find(part, 0, first + reach)
        if at < 0:
            continue
        # The part is there: each of its tags is looked for from there on, as a whole
        # (a part that is no tag, as in "</DOCUMENT>", may come a million times).
        for tag, offset in tags:
            found = text.find(tag, max(0, at - offset), first + len(tag) - 1)
            if found >= 0:
                first = found
    return first if first < len(text) else -1


_LONE_CR = re.compile(r"\r(?!\n)")


@dataclass(frozen=True, slots=True)
class Envelope:
    """What the envelope stage found."""

    payload: Span | None
    """The range of the original text to parse as the document (None: no document)."""
    document_type: str | None
    """``<TYPE>`` of that document, or None for a bare document."""
    header: SecHeader | None = None
    """The SEC header, for a submission that has one."""
    documents: tuple[Document, ...] = ()
    """Every ``<DOCUMENT>`` block, in order."""
    noise: tuple[Noise, ...] = ()
    """Wrapper lines: container tags, PEM lines, the chosen document's own tag lines."""


def _first_line(token: Token) -> tuple[str, int, int]:
    """A token's first line, stripped, and its offsets."""
    value = token.value
    start = token.start_pos or 0
    body = value.split("\n", 1)[0]
    lead = len(body) - len(body.lstrip())
    text = body.strip()
    return text, start + lead, start + lead + len(text)


# A tag line of the header, "<TAG>value", and one of the -index-headers page, escaped.
_TAG_LINE = re.compile(r"<(/?[A-Z][A-Z0-9-]*)>(.*)")
_ESCAPED_TAG_LINE = re.compile(r"&lt;([A-Z][A-Z0-9-]*)&gt;(.*)")


def _header_line(token: Token, tagged: bool) -> HeaderField:
    text, start, end = _first_line(token)
    if tagged:
        match = _TAG_LINE.match(text)
        label, value = (match.group(1), match.group(2).strip()) if match else (text, "")
        depth = 0
    else:
        label, _, value = text.partition(":")
        label, value = label.strip(), value.strip()
        depth = len(token.value) - len(token.value.lstrip("\t"))
    return HeaderField(label, value, depth, Span(start, end))


def _same(token: Token) -> Token:
    return token


class _EnvelopeTransformer(Transformer[Token, Any]):
    """The envelope tree to header, documents and wrapper noise."""

    def __init__(self, text: str, sink: DiagnosticSink) -> None:
        super().__init__()
        self.source = text
        self.sink = sink
        self.noise: list[Noise] = []
        self.header: SecHeader | None = None
        self.documents: list[Document] = []
        self.pem = False

    def __getattr__(self, name: str) -> Any:
        # Lark looks every token's terminal up as a method: a terminal with none is kept
        # as it is, without the AttributeError a failed lookup would raise and catch.
        if name.isupper():
            return _same
        raise AttributeError(name)

    # ---- tokens that are wrapper only ----

    def _wrapper(self, token: Token) -> Token:
        self.noise.append(Noise("wrapper", Span(token.start_pos or 0, token.end_pos or 0)))
        return token

    SEC_DOCUMENT_OPEN = SEC_DOCUMENT_CLOSE = SUBMISSION_OPEN = SUBMISSION_CLOSE = _wrapper
    PEM_BEGIN = PEM_FIELD = PEM_END = JUNK = STRAY = _wrapper
    INDEX_PAGE_HEAD = INDEX_LISTING_HEAD = INDEX_PAGE_REST = ESC_LINE = _wrapper

    # ---- the header ----

    def field2(self, children: list[Token]) -> list[HeaderField]:
        """A header line two or more tabs deep."""
        return [_header_line(children[0], tagged=False)]

    def field1(self, children: list[Any]) -> list[HeaderField]:
        """A header line one tab deep, and the lines under it."""
        return [_header_line(children[0], tagged=False), *(f for c in children[1:] for f in c)]

    field0 = field1

    def tag(self, children: list[Token]) -> list[HeaderField]:
        """A tag line of the header."""
        return [_header_line(children[0], tagged=True)]

    def sec_header(self, children: list[Any]) -> SecHeader:
        """The header between <SEC-HEADER> and </SEC-HEADER>."""
        opening, closing = children[0], children[-1]
        lines = [f for c in children[1:-1] if isinstance(c, list) for f in c]
        dialect = "tagged" if lines and all(self._is_tag(f) for f in lines) else "label"
        span = Span(opening.start_pos or 0, closing.end_pos or 0)
        self.header = build_header(lines, span, dialect)
        return self.header

    def _is_tag(self, line: HeaderField) -> bool:
        return self.source.startswith("<", line.span.start)

    def submission(self, children: list[Any]) -> None:
        """The feed form: a tagged header without <SEC-HEADER>, then documents."""
        lines = [f for c in children if isinstance(c, list) for f in c]
        if lines:
            span = Span(lines[0].span.start, lines[-1].span.end)
            self.header = build_header(lines, span, "tagged")

    def pem_message(self, children: list[Any]) -> None:
        """A PEM-wrapped submission: its documents' dash lines are stuffed."""
        self.pem = True

    # ---- documents ----

    def esc_tag(self, children: list[Token]) -> tuple[str, str]:
        """An escaped tag of the -index-headers page's listing: "&lt;TYPE&gt;EX-99.1"."""
        match = _ESCAPED_TAG_LINE.match(children[0].value.strip())
        name, value = (match.group(1), match.group(2).strip()) if match else ("", "")
        return name.lower(), value

    def listed_document(self, children: list[Any]) -> Document:
        """A document the -index-headers page lists (its payload is a separate file)."""
        opening, closing = children[0], children[-1]
        values = {c[0]: c[1] for c in reversed(children) if isinstance(c, tuple)}
        sequence = values.get("sequence", "")
        document = Document(
            span=Span(opening.start_pos or 0, closing.end_pos or 0),
            type=values.get("type", "").upper() or None,
            sequence=_sequence(sequence),
            filename=values.get("filename"),
            description=values.get("description"),
            encoding="listed",
            source=self.source,
        )
        self.documents.append(document)
        return document

    def doc_type(self, children: list[Token]) -> tuple[str, str, int]:
        """<TYPE>: its value and where its line ends."""
        return "type", children[0].value[len("<TYPE>") :].strip(), _end(children[0])

    def doc_sequence(self, children: list[Token]) -> tuple[str, str, int]:
        """<SEQUENCE>: its value and where its line ends."""
        return "sequence", children[0].value[len("<SEQUENCE>") :].strip(), _end(children[0])

    def doc_filename(self, children: list[Token]) -> tuple[str, str, int]:
        """<FILENAME>: its value and where its line ends."""
        return "filename", children[0].value[len("<FILENAME>") :].strip(), _end(children[0])

    def doc_description(self, children: list[Token]) -> tuple[str, str, int]:
        """<DESCRIPTION>: its value and where its line ends."""
        return "description", children[0].value[len("<DESCRIPTION>") :].strip(), _end(children[0])

    def doc_tag(self, children: list[Token]) -> tuple[str, str, int]:
        """Another tag line in a document's head: kept in the document's span only."""
        return "tag", children[0].value.strip(), _end(children[0])

    def text(self, children: list[Token]) -> tuple[str, Span, bool, int]:
        """The payload between <TEXT> and </TEXT>, whether it never closes, where it ends."""
        token = children[0]
        start = (token.start_pos or 0) + len("<TEXT>")
        if self.source.startswith("\r\n", start):
            start += 2
        elif self.source.startswith("\n", start):
            start += 1
        if token.type == "TEXT_UNCLOSED":
            return "text", Span(start, token.end_pos or start), True, token.end_pos or start
        end = self.source.rfind("</TEXT>", start, token.end_pos)
        if self.source.startswith("\n", end - 1):
            end -= 2 if self.source.startswith("\r\n", end - 2) else 1
        return "text", Span(start, max(start, end)), False, token.end_pos or start

    def document(self, children: list[Any]) -> Document:
        """A <DOCUMENT> block."""
        opening = children[0]
        last = children[-1]
        start = opening.start_pos or 0
        closed = isinstance(last, Token) and last.type == "DOCUMENT_CLOSE"
        values: dict[str, str] = {}
        payload: Span | None = None
        truncated = False
        end = _end(last) if isinstance(last, Token) else start
        for child in children:
            if isinstance(child, tuple):
                if child[0] == "text":
                    # The block holds its </TEXT> even where no </DOCUMENT> follows.
                    payload, truncated = child[1], child[2]
                    end = max(end, child[3])
                else:
                    values.setdefault(child[0], child[1])
                    end = max(end, child[2])  # an unclosed block ends after its last tag
        if payload is not None:
            end = max(end, payload.end)
        if truncated or not closed:
            self.sink.report(
                ENV_TRUNCATED, "a <DOCUMENT> block never closes", Span(start, start + 10)
            )
        sequence = values.get("sequence", "")
        filename = values.get("filename")
        encoding = "empty"
        if payload is not None:
            encoding = payload_encoding(self.source[payload.start : payload.start + 4096], filename)
        document = Document(
            span=Span(start, end),
            type=values.get("type", "").upper() or None,
            sequence=_sequence(sequence),
            filename=filename,
            description=values.get("description"),
            payload=payload,
            encoding=encoding,
            truncated=truncated,
            source=self.source,
        )
        self.documents.append(document)
        return document


def _sequence(value: str) -> int | None:
    """A <SEQUENCE> value: ASCII digits, at most nine of them ("²" and 5,000 digits are None)."""
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


def _unwrapped(text: str, first_tag: int, title: re.Pattern[str] | None) -> Span | None:
    """The text before the first wrapper tag, where it is itself a document of a form."""
    if title is None or not title.search(text, 0, first_tag):
        return None
    return Span(0, first_tag)


# A <DOCUMENT> block's first line: where reading resumes after the wrapper broke off.
_NEXT_DOCUMENT = re.compile(r"^<DOCUMENT>", re.M)
# The closing lines of a container: what follows the last document of a resumed piece.
_CLOSERS = re.compile(r"(?:\s*(?:</[A-Z-]+>|-----END PRIVACY-ENHANCED MESSAGE-----))*\s*")
_MAX_BREAKS = 100
"""Breaks in one wrapper after which the rest of the file is kept unread."""


def _parse_pieces(
    text: str, sink: DiagnosticSink
) -> tuple[list[tuple[Tree[Token], int]], list[Noise]] | None:
    """Parse the wrapper, resuming at the next <DOCUMENT> wherever it breaks off.

    Returns the parse trees with the offset of the text each one read, and the text
    skipped between them as noise; None where the wrapper is unreadable from its first
    line.
    """
    parser = get_parser("envelope.lark")
    pieces: list[tuple[Tree[Token], int]] = []
    unread: list[Noise] = []
    pos = 0
    while True:
        chunk = text[pos:] if pos else text
        try:
            pieces.append((parse(parser, chunk), pos))
            return pieces, unread
        except UnexpectedInput as exc:
            offset, expected = parse_error_position(exc, len(chunk))
        where = Span(pos + offset, min(len(text), pos + offset + 1))
        cut = chunk.rfind("\n", 0, offset) + 1
        try:
            # Read up to the line that broke it (the wrapper then ends like a cut file).
            if cut:
                pieces.append((parse(parser, chunk[:cut]), pos))
        except UnexpectedInput:
            cut = 0
        if not pieces:
            sink.report(
                ENV_UNREADABLE,
                "the EDGAR wrapper cannot be read here; the file is parsed as one document",
                where,
                hint=f"expected {expected}",
            )
            return None
        # Resume at the first <DOCUMENT> from the broken line on (it may be that line).
        resume = _NEXT_DOCUMENT.search(text, pos + cut if cut else pos + offset + 1)
        if pos and resume is None and _CLOSERS.fullmatch(text, pos + cut):
            # A resumed piece ends in the closing lines of the container it began in.
            unread.append(Noise("wrapper", Span(pos + cut, len(text))))
            return pieces, unread
        if resume is None or len(pieces) > _MAX_BREAKS:
            message = "the EDGAR wrapper breaks off here; the rest of the file is kept unread"
        else:
            message = "the EDGAR wrapper breaks off here; reading resumes at the next <DOCUMENT>"
        sink.report(ENV_RESUMED, message, where, hint=f"expected {expected}")
        stop = len(text) if resume is None or len(pieces) > _MAX_BREAKS else resume.start()
        if stop > pos + cut:
            unread.append(Noise("unreadable", Span(pos + cut, stop)))
        if stop == len(text):
            return pieces, unread
        pos = stop


def _shift(tree: Tree[Token], offset: int) -> None:
    """Move the positions of a tree parsed from ``text[offset:]`` to offsets in ``text``."""
    for token in tree.scan_values(lambda value: isinstance(value, Token)):
        token.start_pos = (token.start_pos or 0) + offset
        token.end_pos = (token.end_pos or 0) + offset


def _end(token: Token) -> int:
    return token.end_pos or 0


def find_document(
    text: str,
    sink: DiagnosticSink,
    *,
    accepts: Callable[[str | None], bool] = bool,
    wanted: str = "a form sec8k reads",
    title: re.Pattern[str] | None = None,
) -> Envelope:
    """Read the wrapper of ``text`` and find the document to parse (the whole text if bare).

    Args:
        text: the decoded input.
        sink: where findings go.
        accepts: whether a document ``<TYPE>`` is one to parse; the first such document is.
        wanted: what is accepted, for the message when no document is ("Form X").
        title: a form's title in text or HTML ("FORM" and its code): text before the first wrapper
            tag that has one is a bare document with a wrapper pasted after it.
    """
    first_tag = _first_wrapper_tag(text)
    if first_tag < 0:
        return Envelope(Span(0, len(text)), None)
    if "\r" in text and _LONE_CR.search(text):
        text = _LONE_CR.sub("\n", text)  # same length: every offset stays
    parsed = _parse_pieces(text, sink)
    if parsed is None:
        return Envelope(Span(0, len(text)), None)
    pieces, unread = parsed
    reader = _EnvelopeTransformer(text, sink)
    header = None
    pasted_headers: list[Noise] = []
    for tree, shift in pieces:
        if shift:
            _shift(tree, shift)
        walk(tree, reader)
        if header is not None and reader.header is not header and reader.header is not None:
            # A header pasted further on is not the filing's: its text is wrapper text.
            pasted_headers.append(Noise("wrapper", reader.header.span))
        header = header or reader.header
        reader.header = header
    documents = tuple(reader.documents)
    if reader.pem:  # known only once the wrapper around the documents is read
        documents = tuple(replace(d, pem=True) for d in documents)
    noise = [
        n
        for n in reader.noise
        if not any(n.span.start < u.span.end and u.span.start < n.span.end for u in unread)
    ]
    noise.extend(unread)
    noise.extend(pasted_headers)
    chosen = next((d for d in documents if accepts(d.type)), None)
    lead = _unwrapped(text, first_tag, title)
    if lead is not None:
        # A bare document with another filing's wrapper pasted into it: it is the document.
        sink.report(
            ENV_RESUMED,
            "a document without a wrapper comes first; the wrapper that starts here is kept unread",
            Span(lead.end, min(len(text), lead.end + 1)),
        )
        pasted = Noise("unreadable", Span(lead.end, len(text)))
        return Envelope(lead, None, reader.header, documents, (pasted,))
    if chosen is None and documents:
        chosen = documents[0]
        where = Span(chosen.span.start, chosen.payload.start if chosen.payload else chosen.span.end)
        sink.report(
            ENV_OTHER_TYPE,
            f"no document of {wanted}: the first document, of type "
            f"{chosen.type or 'missing'}, is parsed",
            where,
        )
    if chosen is None or chosen.payload is None:
        if reader.header is not None:
            message = (
                "the file lists its documents without their text"
                if documents
                else "the file holds a SEC header and no documents"
            )
            sink.report(ENV_HEADER_ONLY, message, reader.header.span)
        if chosen is not None:
            noise.append(Noise("wrapper", chosen.span))  # its tag lines, and no <TEXT>
        return Envelope(
            None, chosen.type if chosen else None, reader.header, documents, tuple(noise)
        )
    # The chosen document's own tag lines are wrapper; its payload is the document.
    noise.append(Noise("wrapper", Span(chosen.span.start, chosen.payload.start)))
    noise.append(Noise("wrapper", Span(chosen.payload.end, chosen.span.end)))
    return Envelope(chosen.payload, chosen.type, reader.header, documents, tuple(noise))
