"""An amendment's explanatory note (``grammar/amendment.lark``)."""

from __future__ import annotations

from typing import ClassVar

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args

from sec8k.model import ExplanatoryNote
from sec8k.transform.base import PartTransformer, stripped
from sec8k.transform.values import clean

__all__ = ["AmendmentTransformer"]


class AmendmentTransformer(PartTransformer):
    """Turns ``amendment.lark`` subtrees into :class:`~sec8k.model.ExplanatoryNote` nodes."""

    terminal_names: ClassVar[dict[str, str]] = {
        "EXPLANATORY_NOTE": "the heading 'EXPLANATORY NOTE'",
    }

    @v_args(meta=True)
    def explanatory_note(self, meta: Meta, children: list[Token]) -> ExplanatoryNote:
        """The note: its heading, then its text (which may begin on the heading's line)."""
        heading = children[0]
        start, end = stripped(self.ctx.doc.text, meta.start_pos, meta.end_pos)
        body = self.ctx.doc.text[heading.end_pos or 0 : end].strip()
        title = clean(heading.value).rstrip(":.-\u2013\u2014 ")
        return ExplanatoryNote(title, body, self.ctx.span(start, end))
