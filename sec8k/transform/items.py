"""Items and item summaries (``grammar/items.lark``)."""

from __future__ import annotations

import re

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args

from sec8k.model import Exhibit, Item, OmittedItems
from sec8k.transform.base import PartTransformer, extent
from sec8k.transform.values import clean

__all__ = ["ItemsTransformer", "item_number"]

_NUMBER = r"\d{1,2}(?:\s?\.\s?\d{2})?(?:\([a-z]\))?"
_HEADING = re.compile(
    rf"^\s*items?\s+(?P<numbers>{_NUMBER}(?:\s*(?:,|&|and)\s*(?:items?\s+)?{_NUMBER})*)"
    r"[.:]?\s*(?:(?:--?|[\u2013\u2014:.])\s*)?(?P<title>.*)$",
    re.I | re.S,
)
_ONE_NUMBER = re.compile(r"(\d{1,2})(?:\s?\.\s?(\d{2}))?")
_SUMMARY_NUMBER = re.compile(r"(\d{1,2}(?:\.\d{2})?)")
_RANGE = re.compile(r"(?i)(\d{1,2})\s*(?:-|\u2013|through|to)\s*(?:items?\s+)?(\d{1,2})(?!\.\d)")


def item_number(major: str, minor: str | None) -> str:
    """Normalise an item number: ("2", "02") -> "2.02", ("05", None) -> "5"."""
    number = str(int(major))
    return f"{number}.{minor}" if minor else number


class ItemsTransformer(PartTransformer):
    """Turns ``items.lark`` subtrees into :class:`~sec8k.model.Item` nodes."""

    @v_args(meta=True)
    def item(self, meta: Meta, children: list[Token | Exhibit]) -> list[Item]:
        """An item: its heading, then its body (one Item per number the heading names)."""
        heading = children[0]
        assert isinstance(heading, Token)
        heading_text = heading.value.strip()
        heading_start = (heading.start_pos or 0) + len(heading.value) - len(heading.value.lstrip())
        match = _HEADING.match(heading_text)
        if match is None:  # the terminal guarantees the shape; keep the text if not
            numbers, title = [""], clean(heading_text)
        else:
            numbers = [item_number(a, b) for a, b in _ONE_NUMBER.findall(match["numbers"])]
            title = clean(match["title"])
        _, start, end = extent(self.ctx, meta)
        body = self.ctx.doc.text[heading.end_pos or 0 : end].strip()
        span = self.ctx.span(start, end)
        heading_span = self.ctx.span(heading_start, heading_start + len(heading_text))
        exhibits = tuple(c for c in children if isinstance(c, Exhibit))
        return [
            Item(number, title, body, span, heading_span, exhibits)
            for number in dict.fromkeys(numbers)
        ]

    @v_args(meta=True)
    def items_summary(self, meta: Meta, children: list[Token | Exhibit]) -> OmittedItems:
        """A line naming several items as not applicable."""
        text, start, end = extent(self.ctx, meta)
        first_line = text.split("\n", 1)[0]
        head = re.split(
            r"(?i)not\s+applicable|inapplicable|omitted|not\s+included|none", first_line
        )[0]
        numbers: list[str] = []
        for low, high in _RANGE.findall(head):
            numbers.extend(str(n) for n in range(int(low), int(high) + 1))
        rest = _RANGE.sub(" ", head)
        numbers.extend(n.lstrip("0") or n for n in _SUMMARY_NUMBER.findall(rest))
        ordered = tuple(dict.fromkeys(numbers))
        return OmittedItems(ordered, text, self.ctx.span(start, end))
