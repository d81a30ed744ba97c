"""Stage 3, normalise: the text the grammar reads, and a map back to the original.

For a plain-text document: line ends become "\\n"; tabs are expanded to 8-column stops (the
cover page's columns must line up); no-break and other Unicode spaces become spaces; form
feeds, ``<PAGE>`` markers, the page numbers printed just before them and the SGML table
tags of ASCII filings (``<TABLE>``, ``<CAPTION>``, ``<S>``, ``<C>``, ``<FN>``) are set aside
as :class:`~sec8k.model.Noise`. Lines made only of noise are removed whole; tags inside a
line become spaces so that the columns after them do not move. Nothing else changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sec8k.model import Noise
from sec8k.span import SourceMap, SourceMapBuilder, Span

__all__ = ["NormalizedDocument", "normalize_text"]


@dataclass(frozen=True, slots=True)
class NormalizedDocument:
    """What the grammar reads."""

    text: str
    """Normalised text: "\\n" line ends, no tabs, ends with a newline."""
    source_map: SourceMap
    """Maps offsets of ``text`` to offsets of the original."""
    noise: tuple[Noise, ...]
    """What was set aside."""
    kind: str = "text"
    """``"text"`` or ``"html"``: what the document was."""

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalised range ``[start, end)``."""
        return self.source_map.span(start, end)


_EOL = r"(?:\r?\n|\Z)"
_PAGE_TAG = r"[ \t]*(?:-?[ \t]*\d{1,3}[ \t]*-?[ \t]*)?(?i:</?page>)"
_NOISE = re.compile(
    # A page marker line, with the page number some filers print on the same line.
    rf"(?P<page_marker>^{_PAGE_TAG}[ \t]*\d*[ \t]*{_EOL})"
    # A page number on a line of its own just before a page marker, a form feed or the end:
    # "2", "- 8 -", "-2-", "Page 3".
    rf"|(?P<page_number>^[ \t]*(?:-[ \t]*|(?i:page)[ \t]+)?\d{{1,3}}(?:[ \t]*-)?[ \t]*{_EOL}"
    rf"(?=(?:[ \t]*\r?\n)*(?:{_PAGE_TAG}|\f|\Z)))"
    # A stray "PAGE" line just before "<PAGE>" (seen in 1994 filings).
    r"|(?P<page_word>^[ \t]*PAGE[ \t]*\r?\n(?=[ \t]*<PAGE>))"
    # A line of nothing but SGML table tags: "<TABLE>", "<S>      <C>      <C>".
    rf"|(?P<table_line>^[ \t]*(?:(?i:</?(?:table|caption|s|c|fn)>)[ \t]*)+{_EOL})"
    r"|(?P<table_tag>(?i:</?(?:table|caption|s|c|fn)>))"
    r"|(?P<form_feed>\f)"
    r"|(?P<crlf>\r\n?)"
    r"|(?P<space>[\xa0\u2000-\u200b\u202f\u205f\u3000])"
    r"|(?P<control>[\x00-\x08\x0b\x0e-\x1f\x7f])"
    r"|(?P<tab>\t+)",
    re.M,
)
_NOISE_KIND = {
    "page_marker": "page-marker",
    "page_number": "page-number",
    "page_word": "page-marker",
    "table_line": "table-tag",
    "table_tag": "table-tag",
    "form_feed": "form-feed",
}


def normalize_text(original: str, payload: Span) -> NormalizedDocument:
    """Normalise the plain-text document at ``original[payload.start:payload.end]``."""
    builder = SourceMapBuilder()
    noise: list[Noise] = []
    pos = payload.start
    line_start = payload.start
    line_extra = 0  # columns added to the current line by expanded tabs
    for match in _NOISE.finditer(original, payload.start, payload.end):
        kind = match.lastgroup
        start, end = match.span()
        builder.copy(original, pos, start)
        pos = end
        if kind == "tab":
            nl = original.rfind("\n", payload.start, start) + 1
            if nl != line_start:
                line_start, line_extra = max(nl, payload.start), 0
            column = start - line_start + line_extra
            width = 8 * (end - start) - column % 8
            builder.replace(" " * width, start, end)
            line_extra += width - (end - start)
        elif kind == "crlf":
            builder.replace("\n", start, end)
        elif kind in ("space", "control"):
            builder.replace(" ", start, end)
        elif kind == "table_tag":
            builder.replace(" " * (end - start), start, end)
            noise.append(Noise("table-tag", Span(start, end)))
        else:
            noise.append(Noise(_NOISE_KIND[kind or ""], Span(start, end)))
    builder.copy(original, pos, payload.end)
    if not builder.endswith("\n"):
        # The grammar's rows end in newlines; the added one stands at the document's end.
        builder.replace("\n", payload.end, payload.end)
    text, source_map = builder.build()
    return NormalizedDocument(text, source_map, tuple(noise))
