"""Form 8-K, the current report, and the types that share its layout (8-K/A, 8-K12B, ...).

The grammar is ``grammar/form_8k.lark``; the rules are in :mod:`sec8k.forms.form_8k.rules`,
the dates they turn on in :mod:`sec8k.forms.form_8k.dates`.
"""

from __future__ import annotations

import datetime
import re
from typing import ClassVar

from lark.tree import Meta
from lark.visitors import v_args

from sec8k.forms import DOCUMENT_PARTS, Form
from sec8k.forms.form_8k.cover import Cover8K, cover_8k_values
from sec8k.forms.form_8k.header_items import header_item_number
from sec8k.model import SectionHeading
from sec8k.transform import DocumentTransformer
from sec8k.transform.base import PartTransformer, extent, new_node
from sec8k.transform.cover import CoverLayout
from sec8k.transform.values import clean
from sec8k.validate import Rule
from sec8k.validate.cover import REGISTRANT_RULES
from sec8k.validate.signature import SIGNATURE_RULES

__all__ = ["Cover8K", "Form8K", "Form8KDocument"]


class Form8KDocument(DocumentTransformer):
    """The document rule of ``form_8k.lark``."""

    exhibit_items = ("7", "9.01")  # Item 7 before 2004-08-23, Item 9.01 after

    def cover(self, layout: CoverLayout) -> Cover8K:
        """The 8-K's cover page."""
        # Made by new_node: the dataclass's __init__ is Python, a call per field.
        return new_node(Cover8K, {**self.cover_values(layout), **cover_8k_values(layout, self.ctx)})

    @v_args(meta=True)
    def form_section(self, meta: Meta, children: list[object]) -> SectionHeading:
        """A section's heading above its items: "Section 5 - Corporate Governance ..."."""
        text, start, end = extent(self.ctx, meta)
        found = _SECTION.match(text)
        number, title = (found.group(1), found.group(2)) if found else ("", text)
        return SectionHeading(number, clean(title.rstrip(" \t.")), self.ctx.span(start, end))


# The number and the title of a heading the grammar read as SECTION_HEADING.
_SECTION = re.compile(
    r"(?i)section[ \t]*([1-9])[ \t]*(?:[.:]|[-\u2013\u2014]{1,2})?[ \t]*(.*)", re.S
)


class Form8K(Form):
    """Form 8-K: the current report of an event (items 1-12 before 2004-08-23, 1.01-9.01 after)."""

    name = "8-K"
    document_types = (
        "8-K",
        "8-K/A",
        "8-K12B",
        "8-K12B/A",
        "8-K12G3",
        "8-K12G3/A",
        "8-K15D5",
        "8-K15D5/A",
    )
    titles = (r"8-K(?:12B|12G3|15D5)?(?:[ \t]*/[ \t]*A)?",)
    mastheads = (r"CURRENT[ \t]+REPORT(?:[ \t]+PURSUANT|[ \t]*$)",)
    grammar_file = "form_8k.lark"
    document = Form8KDocument
    cover = Cover8K
    parts: ClassVar[tuple[type[PartTransformer], ...]] = DOCUMENT_PARTS
    rules: ClassVar[tuple[type[Rule], ...]] = (*REGISTRANT_RULES, *SIGNATURE_RULES)
    default = True

    @classmethod
    def header_item(cls, text: str, filed: datetime.date | None) -> str | None:
        """The item an ITEM INFORMATION title or <ITEMS> code means (by the filing's era)."""
        return header_item_number(text, filed)


# The form's own rules register when imported.
from sec8k.forms.form_8k import rules  # noqa: E402, F401
