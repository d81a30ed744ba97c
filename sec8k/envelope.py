"""Stage 2, envelope: find the 8-K document inside its EDGAR wrapper.

A filing reaches sec8k bare (the document's own text), inside one ``<DOCUMENT>`` block
(``<TYPE>8-K`` ... ``<TEXT>`` ... ``</TEXT>``), or as a full EDGAR submission with a SEC
header and one block per document. This stage finds the document to parse and the range
of its payload; the wrapper lines around the payload become noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sec8k.diagnostics import ENV_NOT_8K, ENV_TRUNCATED, DiagnosticSink
from sec8k.model import Noise
from sec8k.span import Span

__all__ = ["FORM_8K_FAMILY", "DocumentBlock", "Envelope", "find_document"]

FORM_8K_FAMILY = (
    "8-K",
    "8-K/A",
    "8-K12B",
    "8-K12B/A",
    "8-K12G3",
    "8-K12G3/A",
    "8-K15D5",
    "8-K15D5/A",
)
"""Document types that share the Form 8-K layout."""

_DOCUMENT = re.compile(r"<DOCUMENT>", re.I)
_TYPE = re.compile(r"<TYPE>[ \t]*([^\s<]*)", re.I)
_TEXT = re.compile(r"<TEXT>[ \t]*\r?\n?", re.I)
_TEXT_END = re.compile(r"\r?\n?[ \t]*</TEXT>", re.I)
_DOCUMENT_END = re.compile(r"</DOCUMENT>[ \t]*\r?\n?", re.I)


@dataclass(frozen=True, slots=True)
class DocumentBlock:
    """One ``<DOCUMENT>`` block of a submission."""

    type: str
    """Its ``<TYPE>``, e.g. "8-K" or "EX-99.1"."""
    span: Span
    """From ``<DOCUMENT>`` to ``</DOCUMENT>`` (or the end of the file)."""
    payload: Span
    """The text between ``<TEXT>`` and ``</TEXT>``."""


@dataclass(frozen=True, slots=True)
class Envelope:
    """The document to parse, and what wraps it."""

    payload: Span
    """The range of the original text to parse as the 8-K document."""
    document_type: str | None
    """``<TYPE>`` of the chosen document, or None for a bare document."""
    documents: tuple[DocumentBlock, ...] = ()
    """Every ``<DOCUMENT>`` block found."""
    noise: tuple[Noise, ...] = ()
    """Wrapper lines around the payload."""


def _blocks(text: str, sink: DiagnosticSink) -> list[DocumentBlock]:
    blocks = []
    for match in _DOCUMENT.finditer(text):
        start = match.start()
        end_match = _DOCUMENT_END.search(text, match.end())
        next_doc = _DOCUMENT.search(text, match.end())
        if end_match is None or (next_doc is not None and next_doc.start() < end_match.start()):
            end = next_doc.start() if next_doc else len(text)
            sink.report(
                ENV_TRUNCATED, "a <DOCUMENT> block has no </DOCUMENT>", Span(start, start + 10)
            )
        else:
            end = end_match.end()
        type_match = _TYPE.search(text, match.end(), end)
        doc_type = type_match.group(1).upper() if type_match else ""
        text_match = _TEXT.search(text, match.end(), end)
        if text_match is None:
            payload = Span(type_match.end() if type_match else match.end(), end)
        else:
            body_end = _TEXT_END.search(text, text_match.end(), end)
            if body_end is None:
                sink.report(
                    ENV_TRUNCATED,
                    "a <TEXT> block has no </TEXT>",
                    Span(text_match.start(), text_match.end()),
                )
                payload = Span(text_match.end(), end)
            else:
                payload = Span(text_match.end(), body_end.start())
        blocks.append(DocumentBlock(doc_type, Span(start, end), payload))
    return blocks


def find_document(text: str, sink: DiagnosticSink) -> Envelope:
    """Find the 8-K document in ``text``: the first 8-K-family block, or the whole text."""
    blocks = _blocks(text, sink)
    if not blocks:
        return Envelope(Span(0, len(text)), None)
    chosen = next((b for b in blocks if b.type in FORM_8K_FAMILY), None)
    if chosen is None:
        chosen = blocks[0]
        sink.report(
            ENV_NOT_8K,
            f"the document type is {chosen.type or 'missing'}, not a form of the 8-K family",
            Span(chosen.span.start, chosen.payload.start),
        )
    noise = []
    if chosen.payload.start > chosen.span.start:
        noise.append(Noise("wrapper", Span(chosen.span.start, chosen.payload.start)))
    if chosen.span.end > chosen.payload.end:
        noise.append(Noise("wrapper", Span(chosen.payload.end, chosen.span.end)))
    return Envelope(chosen.payload, chosen.type, tuple(blocks), tuple(noise))
