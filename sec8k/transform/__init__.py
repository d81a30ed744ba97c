"""Stage 5, transform: the parse tree to the :mod:`sec8k.model` dataclasses.

One transformer per grammar part (cover, items, exhibits, signature), merged by the form
(:meth:`sec8k.forms.Form.transformer`) with the transformer of the form grammar's own
rules, a :class:`DocumentTransformer`, whose ``start`` gathers the cover and the sections.
"""

from __future__ import annotations

import datetime
import re
import types
from dataclasses import replace
from functools import partialmethod
from typing import Any, ClassVar, Final

import lark.visitors
from lark import Token, Transformer, Tree
from lark.exceptions import GrammarError, VisitError
from lark.visitors import Discard
from mypy_extensions import mypyc_attr

from sec8k.diagnostics import PRS_UNRECOGNIZED, TRN_BAD_DATE
from sec8k.model import (
    Contents,
    CoverPage,
    Exhibit,
    ExhibitDocument,
    ExhibitIndex,
    ExplanatoryNote,
    FinancialStatement,
    Item,
    OmittedItems,
    PartHeading,
    ReportText,
    Section,
    SectionHeading,
    SignatureBlock,
    Unrecognized,
    box_answer,
)
from sec8k.span import Span
from sec8k.transform.base import Context, PartTransformer, new_node
from sec8k.transform.cover import CoverLayout, FoundValue
from sec8k.transform.values import parse_date

__all__ = [
    "Context",
    "DocumentParts",
    "DocumentTransformer",
    "listed_exhibits",
    "transform",
    "walk",
]


SECTION_TYPES: Final = (
    Item,
    OmittedItems,
    PartHeading,
    SectionHeading,
    ExplanatoryNote,
    FinancialStatement,
    ReportText,
    SignatureBlock,
    ExhibitIndex,
    ExhibitDocument,
    Contents,
    Unrecognized,
)
"""The node types a document's sections are made of."""
# The same as a set, to tell a section by its exact class with one look-up (isinstance
# with the tuple tries its classes one by one: some 1,300 instructions a child).
_SECTION_CLASSES: Final = frozenset(SECTION_TYPES)


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


def listed_exhibits(
    sections: tuple[Section, ...], exhibit_items: tuple[str, ...]
) -> tuple[Exhibit, ...]:
    """The filing's exhibits: the exhibit index if it lists any, else the items' lists.

    The items that list exhibits are those numbered ``exhibit_items`` (the form says).
    """
    index = [e for s in sections if isinstance(s, ExhibitIndex) for e in s.exhibits]
    listed = index or [
        e for s in sections if isinstance(s, Item) and s.number in exhibit_items for e in s.exhibits
    ]
    seen: dict[str, Exhibit] = {}
    for exhibit in listed:
        if exhibit.number and exhibit.number not in seen:
            seen[exhibit.number] = exhibit
    return tuple(seen.values())


# Contents entries for the exhibits, listed by their EDGAR document type under the last
# item's entry: "Ex-5.1 Opinion of Garrison R. Smith, Esq.", "EX-99.1 - Press Release".
_EXHIBIT_ENTRY: Final = re.compile(r"(?i)\s*ex-\d{1,3}(?:\.\d{1,3})?\b")


# A contents row that ends in its page number, after a gap or dot leaders: "Condensed
# Consolidated Balance Sheets      3", "Item 2. Management's Discussion ....... 18", "iv".
_PAGE_ENTRY: Final = re.compile(r"(?:\S[ \t]{2,}|\.{3,}[ \t]*)(?:\d{1,3}|[ivx]{1,5})[ \t]*$")


def _contents_entries(text: str) -> bool:
    """Whether ``text`` is contents entries: most of its lines, from the first two on.

    An entry is an "EX-n.n ..." line or a row that ends in a page number: the body a
    table of contents gives the heading above it, when the heading prints no page number
    of its own ("Item 1. Financial Statements" over its statements' rows, some of which
    wrap onto a line with no number: "For the three months ended June 30, 2025").
    """
    # Line by line, stopping once other lines lead by two: a long body is mostly prose. (A
    # row of column headings may come first: "Item Number   Item Matter   Page Number".)
    # (Its lines are found with str.find, not a regex: an HTML line is a whole paragraph,
    # which the regex read to its end a character at a time; a line of blanks is none.)
    entries = others = 0
    start = 0
    size = len(text)
    while start < size:
        cut = text.find("\n", start)
        if cut < 0:
            cut = size
        line = text[start:cut]
        start = cut + 1
        if not line or line.isspace():
            continue
        if _exhibit_entry_at(line) or (_page_number_last(line) and _page_entry_in(line)):
            entries += 1
        else:
            others += 1
            if others - entries >= 2:
                return False
    return entries > others


# Bound once: compiled, a pattern's method is looked up by name at every call.
_exhibit_entry_at: Final[Any] = _EXHIBIT_ENTRY.match
_page_entry_in: Final[Any] = _PAGE_ENTRY.search


def _page_number_last(line: str) -> bool:
    """Whether ``line`` ends as _PAGE_ENTRY needs: a digit or i, v, x, then blanks at most.

    Told from its last characters, so that a line of prose skips the search, which tries
    the pattern at every character of the line (most of a long item's lines).
    """
    kept = line.rstrip(" \t")
    if not kept:
        return False
    last = kept[-1]
    return last.isdecimal() or last == "i" or last == "v" or last == "x"


# Where one exhibit's contents line ends and the next begins, in text whose line breaks
# were collapsed: "EX-2.1 - Share Purchase Agreement EX-99.1 - Press Release".
_NEXT_EXHIBIT_ENTRY: Final = re.compile(r"(?i)\s+(?=ex-\d)")


def _exhibit_entries(section: Unrecognized) -> list[str]:
    """The contents lines of exhibits that text after a contents SIGNATURE entry is, or []."""
    if section.context != "after signatures":
        return []
    # The first entry is where the text starts, and it reads as an entry only where the
    # text does (the entry ends before white space, where the pattern's "\b" holds too).
    # Told first, so that the text of a long exhibit is not split at all: the split tries
    # the pattern at every white space character (0.5 ms on a 33,000-character exhibit).
    if not _EXHIBIT_ENTRY.match(section.text):
        return []
    entries = _NEXT_EXHIBIT_ENTRY.split(section.text)
    return entries if all(_EXHIBIT_ENTRY.match(entry) for entry in entries) else []


def _bodiless(section: Section) -> bool:
    """A heading with nothing under it: an entry of a table of contents, perhaps."""
    if isinstance(section, Unrecognized):
        return bool(_exhibit_entries(section))
    if isinstance(section, Item):
        return not section.text or _contents_entries(section.text)
    if isinstance(section, SignatureBlock):
        return not section.signatures and not section.attestation
    if isinstance(section, ExhibitIndex):
        return not section.exhibits
    return isinstance(section, PartHeading) and (
        not section.text or _contents_entries(section.text)
    )


# How long the lines under a contents entry may be, and how many: the titles of what the
# item holds ("Report of Independent Registered Public Accounting Firm", "SCHEDULE II").
_BRIEF_LINES: Final = 8
_BRIEF_LINE: Final = 100


def _brief_entry(section: Section, k: int, last_body: dict[str, int]) -> bool:
    """An item after contents entries, printed again later, with a few short lines under it.

    Dell's 2006 contents list "ITEM 8 -- FINANCIAL STATEMENTS ..." with the titles of its
    statements under it and no page numbers: the item with a body comes later.
    """
    if not isinstance(section, Item) or last_body.get(section.number, -1) <= k:
        return False
    lines = section.text.strip().splitlines()
    return len(lines) <= _BRIEF_LINES and all(len(line) <= _BRIEF_LINE for line in lines)


def _empty_part(section: Section) -> bool:
    return isinstance(section, PartHeading) and not section.text


def _entries(section: Section, ctx: Context) -> list[str]:
    """The contents lines a bodiless section stands for."""
    if isinstance(section, (Item, PartHeading)):
        lines = [line.strip() for line in section.text.splitlines() if line.strip()]
        return [_entry(section), *lines]
    if isinstance(section, SignatureBlock):
        # "SIGNATURE" in the contents, the exhibits' lines after it ("Ex-99.1 Press
        # Release ..."): the signature block left them unplaced; they are entries.
        return [_entry(section), *ctx.take_back(section.span)]
    if isinstance(section, Unrecognized):
        # The same lines read as text after that signature block: entries too.
        ctx.sink.withdraw(PRS_UNRECOGNIZED, {section.span})
        return _exhibit_entries(section)
    return [_entry(section)]


def _entry(section: Section) -> str:
    if isinstance(section, Item):
        return f"Item {section.number} {section.title}".strip()
    if isinstance(section, SignatureBlock):
        return section.heading or "Signatures"
    if isinstance(section, ExhibitIndex):
        return section.text.split("\n", 1)[0]
    if isinstance(section, PartHeading):
        return f"Part {section.number} {section.title}".strip()
    return ""


def _contents(sections: list[Section], ctx: Context) -> tuple[Section, ...]:
    """Find tables of contents among the sections.

    Headings listed before the report, bodiless, an item among them printed again later
    with a body, are a table of contents, not sections of the report.
    """
    # For each item number, the last place it is printed with a body: an entry of a run
    # is printed again later when that place comes after the run.
    last_body = {s.number: k for k, s in enumerate(sections) if isinstance(s, Item) and s.text}
    out: list[Section] = []
    i = 0
    while i < len(sections):
        j = i
        while j < len(sections) and (
            _bodiless(sections[j]) or _brief_entry(sections[j], j, last_body)
        ):
            j += 1
        # A part's heading with nothing under it but the item after the run heads the
        # report, not the contents ("PART I" right over "ITEM 1. FINANCIAL STATEMENTS").
        while j - 1 > i and _empty_part(sections[j - 1]):
            j -= 1
        run = sections[i:j]
        # Printed again later, or a part's heading over rows with page numbers: contents.
        repeated = any(
            (isinstance(entry, Item) and last_body.get(entry.number, -1) >= j)
            or (isinstance(entry, PartHeading) and bool(entry.text))
            for entry in run
        )
        previous = out[-1] if out else None
        if repeated and (len(run) >= 2 or isinstance(previous, Contents)):
            # One entry right after the grammar's contents goes on with them ("Item 6.
            # [Reserved]", the one row with no page number to read it as a row).
            entries = tuple(line for entry in run for line in _entries(entry, ctx))
            spans = [s.span for s in run]
            if isinstance(previous, Contents):
                out.pop()
                entries = previous.entries + entries
                spans.insert(0, previous.span)
            out.append(Contents(entries, Span.enclosing(spans) or run[0].span))
            i = j
        else:
            # No part of this run is a table of contents either (a shorter run has fewer
            # entries to be printed again): its sections stand as they are.
            end = max(j, i + 1)
            out.extend(sections[i:end])
            i = end
    return tuple(out)


def _repeated_headings(sections: list[Section]) -> list[Section]:
    """A bodiless heading printed right before the same heading with a body: one item.

    The item's span and heading span take in both headings, so neither is lost.
    """
    out: list[Section] = []
    for section in sections:
        previous = out[-1] if out else None
        if (
            isinstance(section, Item)
            and isinstance(previous, Item)
            and not previous.text
            and not previous.exhibits
            and previous.number == section.number
        ):
            out[-1] = replace(
                section,
                title=previous.title or section.title,
                span=previous.span.union(section.span),
                heading_span=previous.heading_span.union(section.heading_span),
            )
            continue
        out.append(section)
    return out


@mypyc_attr(allow_interpreted_subclasses=True)
class DocumentTransformer(PartTransformer):
    """The rules of a form's own grammar file: ``start`` gathers the document.

    A form subclasses it to say which items list exhibits (:attr:`exhibit_items`) and to
    go over the sections once more (:meth:`finish`).
    """

    # A ClassVar: read from the class, so a subclass's value counts in compiled code too.
    exhibit_items: ClassVar[tuple[str, ...]] = ()
    """Numbers of the items whose body lists the exhibits."""

    def start(self, children: list[object]) -> DocumentParts:
        """The document: optional cover page, then sections."""
        layout = next((c for c in children if isinstance(c, CoverLayout)), None)
        cover = self.cover(layout) if layout is not None else None
        sections: list[Section] = []
        for child in children:
            if isinstance(child, list):  # a heading that names several items
                sections.extend(child)
            elif type(child) in _SECTION_CLASSES or isinstance(child, SECTION_TYPES):
                section: Any = child
                sections.append(section)
        found = self.finish(_contents(_repeated_headings(sections), self.ctx))
        return DocumentParts(cover, found, listed_exhibits(found, self.exhibit_items))

    def finish(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections once tables of contents are found (a form may do more here)."""
        return sections

    def cover(self, layout: CoverLayout) -> CoverPage:
        """The form's cover page from what the cover's rows hold (a form subclasses it)."""
        return new_node(CoverPage, self.cover_values(layout))

    def cover_values(self, layout: CoverLayout) -> dict[str, Any]:
        """The values of :class:`~sec8k.model.CoverPage`'s own attributes.

        A form's cover class adds its own to them.
        """
        period = layout.first("period_of_report")
        amendment = layout.first("amendment_number")
        number = re.search(r"\d+", amendment[0].text) if amendment else None
        return {
            "span": layout.span,
            "form_type": layout.form_type,
            "registrants": layout.registrants,
            "period_of_report": self.date_of(*period) if period else None,
            "amendment_number": int(number.group()) if number else None,
            "emerging_growth_company": box_answer(layout.boxes, "emerging_growth_company"),
            "securities_12b": layout.securities_12b,
            "fields": layout.fields(),
            "boxes": layout.boxes,
            "parts": layout.parts,
        }

    def date_of(self, found: FoundValue, span: Span) -> datetime.date | None:
        """A field's value as a date; a printed date that is no calendar date is reported."""
        parsed, is_date = parse_date(found.text)
        if parsed is None and is_date:
            message = f"{found.name.replace('_', ' ')} {found.text!r} is not a calendar date"
            self.ctx.sink.report(TRN_BAD_DATE, message, span)
        return parsed


def transform(
    tree: Tree[Token],
    transformer: Transformer[Token, object],
    routes: dict[str, tuple[object, str]] | None = None,
) -> DocumentParts:
    """Transform a form's parse tree with its merged transformer.

    ``routes`` sends a rule or terminal name to another object's method, as if the
    transformer had that method under the name (:meth:`sec8k.forms.Form.transformer`
    sets them on the transformer; the pipeline hands them here, and only the names the
    tree holds are looked up).
    """
    result = walk(tree, transformer, routes)
    if not isinstance(result, DocumentParts):
        raise TypeError(f"the start rule built {type(result).__name__}, not DocumentParts")
    return result


def walk(
    tree: Tree[Token],
    transformer: Transformer[Token, Any],
    routes: dict[str, tuple[object, str]] | None = None,
) -> Any:
    """What ``transformer.transform(tree)`` makes, with ``routes`` as in :func:`transform`.

    A transformer that walks a tree as Lark's :class:`~lark.Transformer` does is walked in
    compiled code; one that changes the walk walks the tree its own way.
    """
    if _walks_as_lark(type(transformer)):
        return _Walk(transformer, routes or {}).tree(tree)
    for name, (owner, method) in (routes or {}).items():
        setattr(transformer, name, getattr(owner, method))
    return transformer.transform(tree)


def _walks_as_lark(kind: type) -> bool:
    """Whether a transformer class walks a tree as Lark's :class:`Transformer` does."""
    return all(getattr(kind, name, None) is getattr(Transformer, name) for name in _WALK)


# The methods of Lark's walk: a transformer that has its own of any walks its own way.
_WALK: Final = (
    "transform",
    "_transform_tree",
    "_transform_children",
    "_call_userfunc",
    "_call_userfunc_token",
)


# The builtin getattr, called as Python calls it: for an attribute that is not there it
# answers the default without making an AttributeError where it can, where the compiled
# three-argument getattr makes one and drops it (3,300 instructions a lookup, now 450).
_lookup: Any = getattr


# Lark's v_args wrappers, which only call the method they are given: a method decorated
# with one of them is bound here as a plain method, its wrapper kept apart. Looked up by
# name, so another Lark that has none of them binds every method through getattr.
_VARGS_WRAPPER: Final[Any] = getattr(lark.visitors, "_VArgsWrapper", None)
_PLAIN_WRAPPERS: Final = tuple(
    getattr(lark.visitors, name)
    for name in ("_vargs_inline", "_vargs_meta", "_vargs_meta_inline", "_vargs_tree")
    if hasattr(lark.visitors, name)
)
# The one v_args wrapper the shipped transformers use (``meta=True``), called by the walk
# itself: Lark's is a Python function, a frame per call only to call the method.
_VARGS_META: Final[Any] = getattr(lark.visitors, "_vargs_meta", None)
# Per class, per name: (the function to call with the object first, the v_args wrapper it
# was decorated with or None), or None where the method is to be found by getattr. (A dict
# per class: a key of a class and a name was a tuple made and hashed at every look-up.)
_UNWRAPPED: Final[dict[type, dict[str, tuple[Any, Any] | None]]] = {}
_GETATTRIBUTE: Final[Any] = object.__getattribute__
_FUNCTION: Final[Any] = types.FunctionType
_METHOD: Final[Any] = types.MethodType
_METHOD_DESCRIPTOR: Final[Any] = types.MethodDescriptorType
# Marks a walk's method that is bound already (called without the object).
_BOUND: Final = object()


def _unwrapped(kind: type, name: str) -> tuple[Any, Any] | None:
    """The function a class's method calls with the object first, and its v_args wrapper.

    Found once per class and name, so that a document's walk only checks the object's
    own attributes and then calls the function with the object (binding each method by
    getattr cost some 2,400 instructions per rule name per document). A method decorated
    with a v_args wrapper gives the function the wrapper holds (binding it through the
    wrapper's ``__get__`` makes a new wrapper and copies the function's attributes onto
    it, and calling it goes through the wrapper's ``__call__``, a Python frame); a
    ``functools.partialmethod`` of no arguments (the cover's row rules) the function it
    holds (its own ``__get__`` is Python). None where getattr is to find the method.
    """
    names = _UNWRAPPED.get(kind)
    if names is None:
        names = _UNWRAPPED[kind] = {}
    else:
        known: Any = names.get(name, _BOUND)  # (_BOUND: not found yet; None is an answer)
        if known is not _BOUND:
            cached: tuple[Any, Any] | None = known
            return cached
    found: tuple[Any, Any] | None = None
    for klass in kind.__mro__:
        attribute = klass.__dict__.get(name)
        if attribute is None:
            continue
        finds: Any = kind.__getattribute__
        if finds is not _GETATTRIBUTE:
            break  # a class that finds its attributes its own way
        if _VARGS_WRAPPER is not None and type(attribute) is _VARGS_WRAPPER:
            if attribute.visit_wrapper in _PLAIN_WRAPPERS and _binds(attribute.base_func):
                found = (attribute.base_func, attribute.visit_wrapper)
        elif type(attribute) is partialmethod:
            if not attribute.args and not attribute.keywords and _binds(attribute.func):
                found = (attribute.func, None)
        elif _binds(attribute) and _lookup(attribute, "visit_wrapper", None) is None:
            found = (attribute, None)
        break
    names[name] = found
    return found


def _binds(attribute: object) -> bool:
    """Whether getattr binds a class attribute as a method of the function itself.

    A plain or compiled function, a method descriptor, or a callable whose ``__get__``
    makes a method of it (a compiled nested function): calling it with the object first
    is then what calling the bound method does.
    """
    kind = type(attribute)
    if kind is _FUNCTION or kind is _METHOD_DESCRIPTOR:
        return True
    if not hasattr(kind, "__get__") or hasattr(kind, "__set__"):
        return False
    probe = _Probe()
    try:
        bound: Any = attribute.__get__(probe, _Probe)  # type: ignore[attr-defined]
    except Exception:
        return False
    return type(bound) is _METHOD and bound.__func__ is attribute and bound.__self__ is probe


class _Probe:
    """An object to bind a callable to, to see what its ``__get__`` makes."""


# Lark's classes as module constants: a name imported from another package is looked up in
# the module's dict at every use (three lookups per child of every tree).
_TREE: Final[Any] = Tree
_TOKEN: Final[Any] = Token
_DISCARD: Final[Any] = Discard


class _Walk:
    """Lark's ``Transformer.transform``, compiled, each name's method looked up once.

    The same calls in the same order as Lark's walk: children first, a rule's method with
    its children (through its ``v_args`` wrapper where it has one), ``__default__`` where
    there is none, tokens to their terminal's method where the transformer visits tokens,
    ``Discard`` dropped, and an error in a method raised as :class:`VisitError`. Lark's
    walk is Python, a few calls per tree and per child, and looks each method up anew: on
    a small filing that was more time than its rules' own methods.
    """

    def __init__(self, transformer: Any, routes: dict[str, tuple[object, str]]) -> None:
        self.transformer = transformer
        self.routes = routes
        self.visit_tokens = bool(transformer.__visit_tokens__)
        # Per name: the method (None: none), its ``v_args`` wrapper (None: none), and the
        # object to call it with (_BOUND: none, the method is bound).
        self.methods: dict[str, tuple[Any, Any, Any]] = {}

    def _method(self, name: str) -> tuple[Any, Any, Any]:
        """The method for ``name``, its wrapper, and the object to call it with.

        Looked up once per name: a method without a wrapper fails ``getattr`` with an
        exception made and dropped, once per tree if asked each time.
        """
        found = self.methods.get(name)
        if found is None:
            route = self.routes.get(name)
            if route is not None:
                owner, attribute = route
            else:
                owner, attribute = self.transformer, name
            plain = None
            own = _lookup(owner, "__dict__", None)  # an attribute of the object's own wins
            if own is None or attribute not in own:
                plain = _unwrapped(type(owner), attribute)
            if plain is not None:
                if plain[1] is None or plain[1] is _VARGS_META:
                    found = (plain[0], plain[1], owner)
                else:
                    found = (plain[0].__get__(owner, type(owner)), plain[1], _BOUND)
            else:
                if route is not None:
                    method = getattr(owner, attribute)
                else:
                    method = _lookup(owner, attribute, None)
                wrapper = None if method is None else _lookup(method, "visit_wrapper", None)
                found = (method, wrapper, _BOUND)
            self.methods[name] = found
        return found

    def tree(self, tree: Tree[Token]) -> Any:
        """The value the transformer makes of ``tree``."""
        children: list[Any] = []
        given: list[Any] = tree.children
        for child in given:
            # Told by the exact class first (a pointer compared, where isinstance is a
            # generic call): the trees and tokens the parser makes are Lark's own.
            kind = type(child)
            if kind is _TREE or (kind is not _TOKEN and isinstance(child, _TREE)):
                made = self.tree(child)
            elif self.visit_tokens and (kind is _TOKEN or isinstance(child, _TOKEN)):
                made = self.token(child)
            else:
                made = child
            if made is not _DISCARD:
                children.append(made)
        data = tree.data
        method, wrapper, owner = self._method(data)
        if method is None:
            return self.transformer.__default__(data, children, tree.meta)
        try:
            if owner is not _BOUND:
                if wrapper is None:
                    return method(owner, children)
                return method(owner, tree.meta, children)  # what the meta wrapper would call
            if wrapper is not None:
                if wrapper is _VARGS_META:
                    return method(tree.meta, children)  # what the wrapper would call
                return wrapper(method, data, children, tree.meta)
            return method(children)
        except GrammarError:
            raise
        except Exception as exc:
            raise VisitError(data, tree, exc) from exc  # type: ignore[no-untyped-call]

    def token(self, token: Token) -> Any:
        """The value the transformer makes of ``token``."""
        method, _, owner = self._method(token.type)
        if method is None:
            return self.transformer.__default_token__(token)
        try:
            if owner is not _BOUND:
                return method(owner, token)
            return method(token)
        except GrammarError:
            raise
        except Exception as exc:
            raise VisitError(token.type, token, exc) from exc  # type: ignore[no-untyped-call]
