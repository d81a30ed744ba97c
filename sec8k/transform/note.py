"""A note under a heading of its own before a report's first section (``grammar/note.lark``)."""

from __future__ import annotations

from typing import ClassVar

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args

from sec8k.model import ReportText
from sec8k.transform.base import PartTransformer, extent

__all__ = ["NoteTransformer"]


class NoteTransformer(PartTransformer):
    """Turns ``note.lark`` subtrees into :class:`~sec8k.model.ReportText` nodes."""

    terminal_names: ClassVar[dict[str, str]] = {
        "NOTE_HEADING": "a note's heading such as 'FORWARD-LOOKING STATEMENTS'",
    }

    @v_args(meta=True)
    def report_note(self, meta: Meta, children: list[Token]) -> ReportText:
        """The note, its heading first, as printed between the cover and the first section."""
        text, start, end = extent(self.ctx, meta)
        return ReportText(text, self.ctx.span(start, end))
