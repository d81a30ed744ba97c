"""Stage 5, transform: the parse tree to the :mod:`sec8k.model` dataclasses.

One transformer per grammar part, merged under the namespace Lark gives that part's rules
(``cover__``, ``items__``, ...), as ``grammar/form_8k.lark`` imports them. The form's own
transformer builds the :class:`~sec8k.model.Filing` from the sections.
"""

from __future__ import annotations

import re

from lark import Token, Transformer, Tree

from sec8k.model import (
    Contents,
    CoverPage,
    Exhibit,
    ExhibitDocument,
    ExhibitIndex,
    Item,
    OmittedItems,
    Section,
    SignatureBlock,
    Unrecognized,
)
from sec8k.span import Span
from sec8k.transform.base import Context, PartTransformer

__all__ = ["Context", "DocumentParts", "Form8KTransformer", "listed_exhibits", "transform"]

# Items whose body lists the exhibits: old Item 7, new Item 9.01.
EXHIBIT_ITEMS = ("7", "9.01")


class DocumentParts:
    """What the form transformer returns: the cover, the sections, the exhibits."""

    __slots__ = ("cover", "exhibits", "sections")

    def __init__(
        self,
        cover: CoverPage | None,
        sections: tuple[Section, ...],
        exhibits: tuple[Exhibit, ...],
    ) -> None:
        self.cover = cover
        self.sections = sections
        self.exhibits = exhibits


def listed_exhibits(sections: tuple[Section, ...]) -> tuple[Exhibit, ...]:
    """The filing's exhibits: the exhibit index if it lists any, else Item 7 / 9.01 lists."""
    index = [e for s in sections if isinstance(s, ExhibitIndex) for e in s.exhibits]
    listed = index or [
        e for s in sections if isinstance(s, Item) and s.number in EXHIBIT_ITEMS for e in s.exhibits
    ]
    seen: dict[str, Exhibit] = {}
    for exhibit in listed:
        if exhibit.number and exhibit.number not in seen:
            seen[exhibit.number] = exhibit
    return tuple(seen.values())


_NONE = re.compile(r"(?i)^\s*(?:none|not\s+applicable|inapplicable|n/a)\.?\s*(?:\n|$)")


def _declared_empty(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Items whose body says "None." or "Not applicable." are declared empty, not reported.

    A bodiless heading printed right before the same heading with a body is one item.
    """
    out: list[Section] = []
    for index, section in enumerate(sections):
        if isinstance(section, Item):
            following = sections[index + 1] if index + 1 < len(sections) else None
            if (
                not section.text
                and isinstance(following, Item)
                and following.number == section.number
            ):
                continue
            if _NONE.match(section.text):
                out.append(OmittedItems((section.number,), section.text, section.span))
                continue
        out.append(section)
    return tuple(out)


def _contents(sections: list[Section]) -> tuple[Section, ...]:
    """Headings listed before the items, bodiless, each printed again later: a table of contents."""
    out: list[Section] = []
    i = 0
    while i < len(sections):
        run = []
        j = i
        while j < len(sections):
            item = sections[j]
            if not (isinstance(item, Item) and not item.text):
                break
            later = (s for s in sections[j + 1 :] if isinstance(s, Item) and s.text)
            if not any(s.number == item.number for s in later):
                break
            run.append(item)
            j += 1
        if len(run) >= 2:
            span = Span(run[0].span.start, run[-1].span.end)
            out.append(Contents(tuple(f"Item {r.number} {r.title}".strip() for r in run), span))
            i = j
        else:
            out.append(sections[i])
            i += 1
    return tuple(out)


class Form8KTransformer(PartTransformer):
    """The document rule of ``form_8k.lark``."""

    def start(self, children: list[object]) -> DocumentParts:
        """The document: optional cover page, then sections."""
        cover = next((c for c in children if isinstance(c, CoverPage)), None)
        sections: list[Section] = []
        for child in children:
            if isinstance(child, list):  # a heading that names several items
                sections.extend(child)
            elif isinstance(
                child,
                (Item, OmittedItems, SignatureBlock, ExhibitIndex, ExhibitDocument, Unrecognized),
            ):
                sections.append(child)
        found = _declared_empty(_contents(sections))
        return DocumentParts(cover, found, listed_exhibits(found))


def transform(tree: Tree[Token], transformer: Transformer[Token, object]) -> DocumentParts:
    """Transform a form's parse tree with its merged transformer."""
    result = transformer.transform(tree)
    if not isinstance(result, DocumentParts):
        raise TypeError(f"the start rule built {type(result).__name__}, not DocumentParts")
    return result
