"""Exhibit rows and exhibit indexes (``grammar/exhibits.lark``)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args

from sec8k.model import Exhibit, ExhibitDocument, ExhibitIndex
from sec8k.transform.base import PartTransformer, extent
from sec8k.transform.values import clean

__all__ = ["ExhibitsTransformer"]

_ROW = re.compile(
    r"^\s*(?:\([a-g]\)\s+(?=exhibit))?(?:exhibit\s+(?:no\.?\s*)?)?"
    r"(?P<number>\d{1,3}(?:\.\d{1,3}){0,2}(?:\([a-z0-9]{1,3}\))?[a-z]?)\*?[.:]?\s*(?:[-\u2013\u2014]\s*)?"
    r"(?P<description>.*)",
    re.I | re.S,
)


class ExhibitsTransformer(PartTransformer):
    """Turns ``exhibits.lark`` subtrees into exhibits, indexes and attached exhibits."""

    terminal_names: ClassVar[dict[str, str]] = {
        "EXHIBIT_INDEX_HEADING": "the heading 'EXHIBIT INDEX'",
        "EXHIBIT_ROW": "an exhibit row such as '99.1  Press release'",
        "EXHIBITS_LABEL": "a label such as '(d) Exhibits'",
        "EXHIBIT_DOCUMENT_HEADING": "the title of an attached exhibit ('Exhibit 99.1')",
    }

    @v_args(meta=True)
    def exhibit(self, meta: Meta, children: list[Token]) -> Exhibit:
        """An exhibit row: number and description (in an item, until an index takes it)."""
        text, start, end = extent(self.ctx, meta)
        match = _ROW.match(text)
        number, description = (match["number"], match["description"]) if match else ("", text)
        return Exhibit(number, clean(description), self.ctx.span(start, end), "item")

    @v_args(meta=True)
    def exhibit_index(self, meta: Meta, children: list[Token | Exhibit]) -> ExhibitIndex:
        """An exhibit index section."""
        text, start, end = extent(self.ctx, meta)
        exhibits = tuple(replace(c, listed_in="index") for c in children if isinstance(c, Exhibit))
        return ExhibitIndex(exhibits, text, self.ctx.span(start, end))

    @v_args(meta=True)
    def attached_exhibit(self, meta: Meta, children: list[Token]) -> ExhibitDocument:
        """An exhibit printed inside the document."""
        text, start, end = extent(self.ctx, meta)
        match = _ROW.match(children[0].value)
        number = match["number"] if match else ""
        return ExhibitDocument(number, text, self.ctx.span(start, end))
