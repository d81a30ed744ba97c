"""Parts and tables of contents of the periodic reports (``grammar/periodic.lark``)."""

from __future__ import annotations

from typing import ClassVar

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args

from sec8k.model import Contents, FinancialStatement, PartHeading, ReportText
from sec8k.transform.base import PartTransformer, extent, kind_of, stripped
from sec8k.transform.values import clean

__all__ = ["PeriodicTransformer"]


class PeriodicTransformer(PartTransformer):
    """Turns ``periodic.lark`` subtrees into part headings and tables of contents."""

    terminal_names: ClassVar[dict[str, str]] = {
        "PART_WORD": "a part's heading such as 'PART II - OTHER INFORMATION'",
        "PART_NO": "a part's number",
        "PART_TITLE": "a part's title",
        "CONTENTS_HEADING": "the heading 'TABLE OF CONTENTS'",
        "CONTENTS_ROW": "a line of the table of contents",
        "CONTENTS_TITLE": "the company's name and the form over a table of contents",
        "FINANCIAL_HEADING": "a financial statement's title such as 'CONSOLIDATED BALANCE SHEETS'",
        "FINANCIAL_ENTITY": "the company's name over a financial statement's title",
    }

    @v_args(meta=True)
    def part_heading(self, meta: Meta, children: list[Token]) -> PartHeading:
        """A part's heading: its number and title."""
        number = next(t for t in children if kind_of(t) == "PART_NO").value.strip()
        title = next(t for t in children if kind_of(t) == "PART_TITLE")
        start, end = stripped(self.ctx.doc.text, meta.start_pos, meta.end_pos)
        text = self.ctx.doc.text[title.end_pos or 0 : end].strip()
        return PartHeading(
            number.upper(),
            clean(title.value.lstrip(" \t.:-\u2013\u2014")),
            self.ctx.span(start, end),
            text,
        )

    @v_args(meta=True)
    def front_matter(self, meta: Meta, children: list[Token]) -> ReportText:
        """Prose between the table of contents and the first part."""
        text, start, end = extent(self.ctx, meta)
        return ReportText(text, self.ctx.span(start, end))

    @v_args(meta=True)
    def financial_statement(self, meta: Meta, children: list[Token]) -> FinancialStatement:
        """A financial statement or schedule after the signatures: its title and text."""
        title = next(t for t in children if kind_of(t) == "FINANCIAL_HEADING")
        text, start, end = extent(self.ctx, meta)
        return FinancialStatement(clean(title.value), text, self.ctx.span(start, end))

    @v_args(meta=True)
    def contents(self, meta: Meta, children: list[Token]) -> Contents:
        """A table of contents: its lines, as printed (the title over it is in its span)."""
        start, end = stripped(self.ctx.doc.text, meta.start_pos, meta.end_pos)
        entries = tuple(
            clean(t.value)
            for t in children
            if kind_of(t) not in ("BLANK", "CONTENTS_TITLE") and t.value.strip()
        )
        return Contents(entries, self.ctx.span(start, end))
