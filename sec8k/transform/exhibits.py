"""Exhibit rows and exhibit indexes (``grammar/exhibits.lark``)."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Any, ClassVar, Final

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args
from mypy_extensions import mypyc_attr

from sec8k.model import Exhibit, ExhibitDocument, ExhibitIndex
from sec8k.transform.base import Context, PartTransformer, extent
from sec8k.transform.values import clean

__all__ = ["ExhibitsTransformer", "mentioned_exhibits"]

_ROW: Final = re.compile(
    r"^\s*(?:\([a-g]\)\s+(?=exhibit))?(?:exhibits\s*[.:\u2013\u2014-]?\s+)?(?:exhibit\s+(?:no\.?\s*)?)?"
    r"(?P<number>\d{1,3}(?:\s*\.\d{1,3})?(?:\.\d{1,3})?(?:\([a-z0-9]{1,3}\))?[a-z]?)\*?[.:]?\s*(?:[-\u2013\u2014]{1,2}\s*)?"
    r"(?P<description>.*)",
    re.I | re.S,
)

# A page number at the end of a row's line, after a wide gap: the index's "Page" column
# ("99.1   Text of Press Release dated December 20, 1996      5", "...   Page 3").
# The gap is taken from its first space and whole ("(?<![ ])", "{3,}+"): what follows it
# cannot start with a space, so a match that starts inside a run of spaces also starts at
# the run's first space, further left, and the text substituted is the same. Written
# "[ ]{3,}", the search tried every space of a run and gave the rest back one by one: on
# a row wrapped with 40 blanks of indent, that took 60-90 us a row: some 5% of a
# plain-text filing's instructions.
_PAGE_COLUMN: Final = re.compile(
    r"(?:\t|(?<![ ])[ ]{3,}+)(?:page[ \t]+)?(?:[A-Z]-?)?\d{1,4}[ \t]*$", re.I | re.M
)

# An exhibit named in prose: "furnished as Exhibit 99.1", "Exhibits 99.1 and 99.2"; at
# a word's start (mentioned_exhibits looks at the character before: a pattern that
# starts with "\b" is tried at every position, one that starts with a word is looked
# for as a word, 60 times as fast on a long item).
# Bound once: compiled, a pattern's method is looked up by name at every call.
_page_column_in: Final[Any] = _PAGE_COLUMN.search
_row_match: Final[Any] = _ROW.match


def _without_page_column(text: str) -> str:
    """``text`` with each line's page column (``_PAGE_COLUMN``) taken out.

    A match ends its line, which holds no other, so only a line that ends in a digit is
    searched, and only itself: the search tries the pattern at every character, and most
    rows end in a description (2.7 us a row, a fifth of the exhibits' time).
    """
    pieces: list[str] = []
    kept = 0
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        last = end
        while last > start and (text[last - 1] == " " or text[last - 1] == "\t"):
            last -= 1
        if last > start and text[last - 1].isdigit():
            match = _page_column_in(text, start, end)
            if match is not None:
                pieces.append(text[kept : match.start()])
                kept = match.end()
        if end >= len(text):
            break
        start = end + 1
    if not pieces:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


_MENTION: Final = re.compile(
    r"Exhibits?(?:[ \t]+|[ \t]*\n[ \t]*)(?:No\.?[ \t]*)?"
    r"(?P<numbers>\d{1,3}(?:\.\d{1,3}){0,2}(?:\([a-z0-9]{1,3}\))?"
    r"(?:[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)\d{1,3}(?:\.\d{1,3}){0,2}"
    r"(?:\([a-z0-9]{1,3}\))?)*)(?![\d.]*\d)"
)
_MENTION_NUMBER: Final = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}(?:\([a-z0-9]{1,3}\))?")
# After a mention: an exhibit of another filing ("Exhibit 10.1 to the Company's
# Registration Statement on Form S-1"), not of this one ("Exhibit 99.1 to this report").
_OTHER_FILING: Final = re.compile(
    r"(?i)[\s,]*(?:to|of|in|filed\s+with)\s+(?!this\b)[^.;]{0,80}?"
    r"\b(?:form|report|registration|statement|schedule|filing|proxy)\b"
)


def mentioned_exhibits(ctx: Context, text: str, offset: int) -> tuple[Exhibit, ...]:
    """The exhibits of this filing that prose names, where no list prints them.

    ``text`` is a stretch of the normalised document starting at ``offset``. An exhibit
    of another filing, incorporated by reference, is not one of them.
    """
    found: dict[str, Exhibit] = {}
    pos = 0
    while (mention := _MENTION.search(text, pos)) is not None:
        start = mention.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # inside a word ("\w" before it): not a mention
            continue
        pos = mention.end()
        if _OTHER_FILING.match(text, pos):
            continue
        for number in _MENTION_NUMBER.finditer(mention["numbers"]):
            at = offset + mention.start("numbers") + number.start()
            span = ctx.span(at, at + len(number.group()))
            found.setdefault(number.group(), Exhibit(number.group(), "", span, "text"))
    return tuple(found.values())


def _in_index(exhibit: Exhibit) -> Exhibit:
    """``exhibit`` as a row of an exhibit index: ``replace(exhibit, listed_in="index")``.

    Made with its fields named here: ``dataclasses.replace`` is Python, and reads the
    class's fields anew at every call (some 5,000 instructions a row).
    """
    if _EXHIBIT_FIELDS != _FIELDS_NAMED:  # pragma: no cover - the model changed: be exact
        return replace(exhibit, listed_in="index")
    return Exhibit(exhibit.number, exhibit.description, exhibit.span, "index", exhibit.document)


# The fields _in_index names, and the model's: should the two differ, it replaces.
_FIELDS_NAMED: Final = ("number", "description", "span", "listed_in", "document")
_EXHIBIT_FIELDS: Final = tuple(field.name for field in fields(Exhibit))


@mypyc_attr(allow_interpreted_subclasses=True)
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
        match = _row_match(_without_page_column(text))
        number: str = match["number"] if match else ""
        description: str = match["description"] if match else text
        number = "".join(number.split())  # "2    .1": a number split on its dot
        return Exhibit(number, clean(description), self.ctx.span(start, end), "item")

    @v_args(meta=True)
    def exhibit_index(self, meta: Meta, children: list[Token | Exhibit]) -> ExhibitIndex:
        """An exhibit index section."""
        text, start, end = extent(self.ctx, meta)
        exhibits = tuple(_in_index(c) for c in children if isinstance(c, Exhibit))
        return ExhibitIndex(exhibits, text, self.ctx.span(start, end))

    @v_args(meta=True)
    def attached_exhibit(self, meta: Meta, children: list[Token]) -> ExhibitDocument:
        """An exhibit printed inside the document."""
        text, start, end = extent(self.ctx, meta)
        match = _row_match(children[0].value)
        number = match["number"] if match else ""
        return ExhibitDocument(number, text, self.ctx.span(start, end))
