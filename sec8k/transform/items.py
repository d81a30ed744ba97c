"""Items and item summaries (``grammar/items.lark``)."""

from __future__ import annotations

import re
from typing import Any, ClassVar, Final

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args
from mypy_extensions import mypyc_attr

from sec8k.model import Exhibit, Item, OmittedItems
from sec8k.transform.base import PartTransformer, extent, kind_of, stripped
from sec8k.transform.exhibits import mentioned_exhibits
from sec8k.transform.values import clean

__all__ = ["ItemsTransformer", "item_number", "item_status"]

_SUMMARY_NUMBER: Final = re.compile(r"(\d{1,2}(?:\.\d{2})?)")
_RANGE: Final = re.compile(
    r"(?i)(\d{1,2})\s*(?:-|\u2013|through|to)\s*(?:items?\s+)?(\d{1,2})(?!\.\d)"
)
# An item body that says there is nothing to report, and the same words ending a heading
# ("Item 4. Mine Safety Disclosures. Not applicable.").
_NOTHING: Final = re.compile(r"(?i)(?:none|not\s+applicable|inapplicable|n/a)\.?")
_ENDS_IN_NOTHING: Final = re.compile(
    r"(?i)[.:;,\u2013\u2014-]\s*(?:none|not\s+applicable|inapplicable)\.?$"
)
# The title of an item that lists the filing's exhibits ("Financial Statements and
# Exhibits", "Exhibits and Financial Statement Schedules").
_EXHIBITS_TITLE: Final = re.compile(r"(?i)\bexhibits\b")
# Longer than any way of saying "None." or "Not applicable.".
_SHORT: Final = 200
# The blank line that ends an item's first paragraph.
_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
# An ITEM_NO token: a dash or colon after "Item", "Item " before a second number, the
# number, a "(d)" after it.
# A line of dashes, underscores or equals signs under a line of a heading.
_UNDERLINE: Final = re.compile(r"\n[ \t]*(?:- )*[-_=]{3,}[ \t]*(?=\n)")
_ITEM_NO: Final = re.compile(
    r"(?i)^\s*(?:[-\u2013\u2014:]\s*)?(?:items?\s+)?(?P<number>.*?)(?:\([a-z]\))?\s*$"
)

# Bound once: compiled, a pattern's method is looked up by name at every call.
_item_no_match: Final[Any] = _ITEM_NO.match
_underline_sub: Final[Any] = _UNDERLINE.sub
_exhibits_title_in: Final[Any] = _EXHIBITS_TITLE.search
# Lark's and the model's classes as constants: a name imported from another module is
# looked up in the module's dict at every use (twice per child of every item).
_TOKEN: Final[Any] = Token
_EXHIBIT: Final[Any] = Exhibit


def item_number(printed: str) -> str:
    """Normalise an item number as printed: "2. 02" -> "2.02", "05" -> "5", "1a" -> "1A"."""
    number = "".join(printed.split()).upper()
    major, dot, minor = number.partition(".")
    head = (major.lstrip("0") or "0") if major[:1].isdigit() else major
    return f"{head}{dot}{minor}"


def item_status(title: str, body: str) -> str:
    """An item's status: "none" where it says there is nothing to report, else "reported".

    The body's first paragraph says so (what follows it on the page is most often a page
    header the filer repeated), or, where there is no body, the end of the title.
    """
    blank = _BLANK_LINE.search(body, 0, _SHORT)
    first = body[: blank.start()] if blank else body
    if len(first) <= _SHORT and _NOTHING.fullmatch(clean(first)):
        return "none"  # (a longer paragraph says more than "None.": no need to read it)
    return "none" if not body and _ENDS_IN_NOTHING.search(title) else "reported"


@mypyc_attr(allow_interpreted_subclasses=True)
class ItemsTransformer(PartTransformer):
    """Turns ``items.lark`` subtrees into :class:`~sec8k.model.Item` nodes."""

    terminal_names: ClassVar[dict[str, str]] = {
        "ITEM_WORD": "an item heading ('Item', its number, its title)",
        "ITEM_NO": "an item number",
        "ITEM_AND": "'and' between item numbers",
        "ITEM_TITLE": "an item's title",
        "ITEM_NO_TITLE": "the end of an item heading's line",
        "ITEM_TITLE_BELOW": "an item's title in capitals under its number",
        "ITEMS_SUMMARY": "a line such as 'Items 1-4. Not applicable.'",
    }

    @v_args(meta=True)
    def item(self, meta: Meta, children: list[Token | Exhibit]) -> list[Item]:
        """An item: its heading, then its body (one Item per number the heading names).

        The heading's tokens: the word "Item", each number (ITEM_NO), the "and" between
        numbers, the title (ITEM_TITLE, which ends the heading's line), or the line's end
        with no title (ITEM_NO_TITLE) and perhaps the title under it (ITEM_TITLE_BELOW).
        """
        tokens: list[Token] = []
        numbers: list[str] = []
        listed: list[Exhibit] = []
        # The last token of each kind that can hold the title, read in one pass (a token's
        # kind is asked once), and the exhibit rows. (The exact class is told first: a
        # pointer compared, where isinstance is a generic call.)
        on_line: Token | None = None
        below: Token | None = None
        no_title: Token | None = None
        given: list[Any] = children
        for child in given:
            if type(child) is not _TOKEN and not isinstance(child, _TOKEN):
                if isinstance(child, _EXHIBIT):
                    listed.append(child)
                continue
            token: Token = child
            tokens.append(token)
            kind = kind_of(token)
            if kind == "ITEM_NO":
                numbers.append(item_number(_item_no_match(token.value)["number"]))
            elif kind == "ITEM_TITLE":
                on_line = token
            elif kind == "ITEM_TITLE_BELOW":
                below = token
            elif kind == "ITEM_NO_TITLE":
                no_title = token
        # The title on the line, or under it ("ITEM 1A" over "RISK FACTORS"), or none.
        # (A token is a str: one with no text is passed over, as "or" does.)
        title_token = on_line or below
        if not title_token:
            if no_title is None:
                raise KeyError("ITEM_NO_TITLE")
            title_token = no_title
        # (An underline between a title's two lines is no part of it.) Declared str: a
        # token's value is typed Any, and compiled code calls an Any's methods by name.
        printed: str = title_token.value
        if "\n" in printed:  # an underline starts a line: a one-line title skips the search
            printed = _underline_sub(" ", printed)
        title = clean(printed.lstrip(" \t.:-\u2013\u2014"))
        heading = self.ctx.doc.text[tokens[0].start_pos or 0 : title_token.end_pos or 0]
        heading_start = (tokens[0].start_pos or 0) + len(heading) - len(heading.lstrip())
        heading_end = heading_start + len(heading.strip())
        text = self.ctx.doc.text
        start, end = stripped(text, meta.start_pos, meta.end_pos)
        body_start, body_end = stripped(text, title_token.end_pos or 0, end)
        body = text[body_start:body_end]
        span = self.ctx.span(start, end)
        heading_span = self.ctx.span(heading_start, heading_end)
        exhibits = tuple(listed)
        # ("exhibits" has an "x", which no other letter matches case-blind: most titles
        # have none, and skip the search.)
        if not exhibits and ("x" in title or "X" in title) and _exhibits_title_in(title):
            # An exhibits item with no list: the exhibits its text names.
            body_start = title_token.end_pos or 0
            exhibits = mentioned_exhibits(self.ctx, self.ctx.doc.text[body_start:end], body_start)
        status = item_status(title, body)
        return [
            Item(number, title, body, span, heading_span, exhibits, status=status)
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
