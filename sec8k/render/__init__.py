"""Render the model as a rich tree, readable at 80 columns.

:func:`to_rich_tree` dispatches on the node's type through :data:`RENDERERS` (a subclass
takes its base class's renderer: a form's cover page is drawn as a cover page); a node
type without a renderer of its own is shown field by field (its text cut to the preview
width, its span as positions, the nodes it holds drawn in turn), so a form's new node class
is readable before anyone writes a renderer for it. A plug-in that wants its own drawing
adds ``RENDERERS[MyNode] = function``. Styles are theme names (:mod:`sec8k.render.theme`).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable
from typing import Any

from rich.markup import escape
from rich.tree import Tree

from sec8k.diagnostics import Diagnostic
from sec8k.model import (
    Contents,
    CoverPage,
    Document,
    Exhibit,
    ExhibitDocument,
    ExhibitIndex,
    Filing,
    Item,
    OmittedItems,
    PartHeading,
    Registrant,
    SecHeader,
    SectionHeading,
    Signature,
    SignatureBlock,
    Unrecognized,
)
from sec8k.render.theme import SEC8K_THEME
from sec8k.span import LineIndex, Span, line_index

__all__ = ["RENDERERS", "SEC8K_THEME", "to_rich_tree"]

Renderer = Callable[[Any, "_Ctx"], Tree]


class _Ctx:
    """What every renderer needs: positions for spans, the width budget for text."""

    def __init__(self, lines: LineIndex | None, preview: int) -> None:
        self.lines = lines
        self.preview = preview

    def where(self, span: Span | None) -> str:
        if span is None:
            return ""
        if self.lines is None:
            return f" [sec8k.span]@{span.start}-{span.end}[/]"
        (l1, c1), (l2, c2) = self.lines.position(span.start), self.lines.position(span.end)
        return f" [sec8k.span]{l1}:{c1}-{l2}:{c2}[/]"

    def text(self, text: str) -> str:
        """The first line of a long text, cut to the preview width, and its size."""
        first = text.strip().split("\n", 1)[0].strip()
        if len(first) > self.preview:
            first = first[: self.preview - 1].rstrip() + "\u2026"
        elif len(first) < len(text.strip()):
            first += " \u2026"
        return f"{escape(first)} [sec8k.size]({len(text):,} chars)[/]"


def _value(value: object) -> str:
    if value is None:
        return "[sec8k.missing]none[/]"
    return f"[sec8k.value]{escape(repr(value) if not isinstance(value, str) else value)}[/]"


def _field(tree: Tree, key: str, value: object) -> None:
    tree.add(f"[sec8k.key]{key}[/] {_value(value)}")


def _filing(filing: Filing, ctx: _Ctx) -> Tree:
    title = f"[sec8k.kind]Filing[/] {_value(filing.form_type)}"
    if filing.source.path:
        title += f" [sec8k.span]{escape(filing.source.path)}[/]"
    tree = Tree(title)
    if filing.header is not None:
        tree.add(to_rich_tree(filing.header, ctx=ctx))
    if filing.documents:
        documents = tree.add(f"[sec8k.kind]Documents[/] ({len(filing.documents)})")
        for document in filing.documents:
            documents.add(to_rich_tree(document, ctx=ctx))
    if filing.cover is not None:
        tree.add(to_rich_tree(filing.cover, ctx=ctx))
    for section in filing.sections:
        tree.add(to_rich_tree(section, ctx=ctx))
    if filing.exhibits:
        exhibits = tree.add(f"[sec8k.kind]Exhibits[/] ({len(filing.exhibits)})")
        for exhibit in filing.exhibits:
            exhibits.add(to_rich_tree(exhibit, ctx=ctx))
    for node in filing.unrecognized:
        tree.add(to_rich_tree(node, ctx=ctx))
    if filing.noise:
        tree.add(f"[sec8k.noise]noise: {len(filing.noise)} page markers, page numbers and tags[/]")
    if filing.diagnostics:
        diagnostics = tree.add(f"[sec8k.kind]Diagnostics[/] ({len(filing.diagnostics)})")
        for diagnostic in filing.diagnostics:
            diagnostics.add(to_rich_tree(diagnostic, ctx=ctx))
    return tree


# The generic cover's attributes that _cover shows itself, or not at all.
_COVER_BASE = frozenset(f.name for f in dataclasses.fields(CoverPage))


def _cover(cover: CoverPage, ctx: _Ctx) -> Tree:
    """A cover page of any form.

    The form's own attributes after the title, then the registrants, the emerging growth
    company box and the 12(b) table.
    """
    tree = Tree(f"[sec8k.kind]Cover page[/]{ctx.where(cover.span)}")
    _field(tree, "form", cover.form_type)
    types = {f.name: f.type for f in dataclasses.fields(cover)}
    own = [
        name for name in types if name not in _COVER_BASE and not name.endswith(("_text", "_span"))
    ]
    shown_dates = {getattr(cover, name) for name in own}
    if cover.period_of_report is not None and cover.period_of_report not in shown_dates:
        _field(tree, "period of report", cover.period_of_report.isoformat())
    later = []
    dates = [name for name in own if name.startswith("date") or name.endswith("date")]
    for name in own:
        value = getattr(cover, name)
        if name not in dates:
            later.append(name)
        elif value is not None or name == dates[0]:  # the main date, printed or not
            _field(tree, name.replace("_", " "), value.isoformat() if value else None)
    for registrant in cover.registrants:
        tree.add(to_rich_tree(registrant, ctx=ctx))
    for name in later:
        value = getattr(cover, name)
        key = name.replace("_", " ")
        if dataclasses.is_dataclass(value):
            tree.add(to_rich_tree(value, ctx=ctx))
        elif isinstance(value, tuple):
            if value and all(dataclasses.is_dataclass(v) for v in value):
                group = tree.add(f"[sec8k.key]{key}[/] ({len(value)})")
                for child in value:
                    group.add(to_rich_tree(child, ctx=ctx))
            elif value:
                _field(tree, key, "; ".join(str(v) for v in value))
        elif isinstance(value, datetime.date):
            _field(tree, key, value.isoformat())
        elif value is not None or str(types[name]).startswith("str"):  # "none" for text
            _field(tree, key, value)
    if cover.emerging_growth_company is not None:
        _field(tree, "emerging growth company", cover.emerging_growth_company)
    if cover.securities_12b is not None:
        table = tree.add(f"[sec8k.kind]Section 12(b)[/] ({len(cover.securities_12b)})")
        for row in cover.securities_12b:
            table.add(
                f"{_value(row.trading_symbol)} {escape(row.title or '')} "
                f"[sec8k.span]{escape(row.exchange or '')}[/]"
            )
    return tree


def _registrant(registrant: Registrant, ctx: _Ctx) -> Tree:
    tree = Tree(f"[sec8k.kind]Registrant[/] {_value(registrant.name)}{ctx.where(registrant.span)}")
    for key in (
        "jurisdiction",
        "jurisdiction_code",
        "commission_file_number",
        "irs_employer_id",
        "address",
        "zip",
        "phone",
    ):
        _field(tree, key.replace("_", " "), getattr(registrant, key))
    return tree


def _item(item: Item, ctx: _Ctx) -> Tree:
    title = escape(item.title) if item.title else "[sec8k.missing]no title[/]"
    tree = Tree(f"[sec8k.kind]Item {escape(item.number)}[/] {title}{ctx.where(item.span)}")
    if item.text:
        tree.add(ctx.text(item.text))
    for exhibit in item.exhibits:
        tree.add(to_rich_tree(exhibit, ctx=ctx))
    return tree


def _part(part: PartHeading, ctx: _Ctx) -> Tree:
    title = f" {escape(part.title)}" if part.title else ""
    tree = Tree(f"[sec8k.kind]Part {escape(part.number)}[/]{title}{ctx.where(part.span)}")
    if part.text.strip():
        tree.add(ctx.text(part.text))
    return tree


def _section_heading(heading: SectionHeading, ctx: _Ctx) -> Tree:
    title = f" {escape(heading.title)}" if heading.title else ""
    label = f"Section {escape(heading.number)}" if heading.number else "Sections"
    return Tree(f"[sec8k.kind]{label}[/]{title}{ctx.where(heading.span)}")


def _omitted(node: OmittedItems, ctx: _Ctx) -> Tree:
    numbers = ", ".join(node.numbers)
    return Tree(f"[sec8k.kind]Omitted items[/] {escape(numbers)}{ctx.where(node.span)}")


def _exhibit(exhibit: Exhibit, ctx: _Ctx) -> Tree:
    label = f"[sec8k.kind]Exhibit {escape(exhibit.number)}[/] "
    tree = Tree(label + ctx.text(exhibit.description) + ctx.where(exhibit.span))
    if exhibit.document is not None:
        tree.add(f"[sec8k.key]attached[/] document {exhibit.document}")
    return tree


def _header(header: SecHeader, ctx: _Ctx) -> Tree:
    tree = Tree(
        f"[sec8k.kind]SEC header[/] {_value(header.accession_number)}{ctx.where(header.span)}"
    )
    _field(tree, "form type", header.form_type)
    _field(tree, "filed as of", header.filed_as_of.isoformat() if header.filed_as_of else None)
    period = header.period_of_report
    _field(tree, "period of report", period.isoformat() if period else None)
    _field(tree, "public document count", header.public_document_count)
    for item in header.items:
        tree.add(f"[sec8k.key]item[/] {_value(item.number)} {escape(item.text)}")
    for filer in header.filers:
        node = tree.add(f"[sec8k.kind]{escape(filer.role.capitalize())}[/] {_value(filer.name)}")
        for key in ("cik", "irs_number", "state_of_incorporation", "sic"):
            _field(node, key.replace("_", " "), getattr(filer, key))
        for values in filer.filing_values:
            _field(node, "file number", values.file_number)
        if filer.business_address is not None:
            address = filer.business_address
            parts = (address.street1, address.street2, address.city, address.state, address.zip)
            _field(node, "business address", ", ".join(p for p in parts if p))
        for former in filer.former_names:
            _field(node, "former name", former.name)
    return tree


def _document(document: Document, ctx: _Ctx) -> Tree:
    label = f"[sec8k.kind]{document.sequence or '?'}[/] {_value(document.type)}"
    if document.filename:
        label += f" {escape(document.filename)}"
    size = len(document.payload) if document.payload else 0
    label += f" [sec8k.size]{document.encoding}, {size:,} chars[/]"
    if document.description:
        label += f" {escape(document.description)}"
    return Tree(label)


def _contents(contents: Contents, ctx: _Ctx) -> Tree:
    tree = Tree(f"[sec8k.kind]Contents[/]{ctx.where(contents.span)}")
    for entry in contents.entries:
        tree.add(escape(entry))
    return tree


def _exhibit_index(index: ExhibitIndex, ctx: _Ctx) -> Tree:
    tree = Tree(f"[sec8k.kind]Exhibit index[/]{ctx.where(index.span)}")
    for exhibit in index.exhibits:
        tree.add(to_rich_tree(exhibit, ctx=ctx))
    return tree


def _exhibit_document(document: ExhibitDocument, ctx: _Ctx) -> Tree:
    tree = Tree(
        f"[sec8k.kind]Attached exhibit {escape(document.number)}[/]{ctx.where(document.span)}"
    )
    tree.add(ctx.text(document.text))
    return tree


def _signature_block(block: SignatureBlock, ctx: _Ctx) -> Tree:
    heading = escape(block.heading) if block.heading else "[sec8k.missing]no heading[/]"
    tree = Tree(f"[sec8k.kind]Signatures[/] {heading}{ctx.where(block.span)}")
    _field(tree, "registrant", block.registrant)
    _field(tree, "date", block.date.isoformat() if block.date else None)
    for signature in block.signatures:
        tree.add(to_rich_tree(signature, ctx=ctx))
    return tree


def _signature(signature: Signature, ctx: _Ctx) -> Tree:
    tree = Tree(f"[sec8k.kind]Signer[/] {_value(signature.name)}{ctx.where(signature.span)}")
    _field(tree, "title", signature.title)
    if signature.conformed:
        _field(tree, "signed", signature.conformed)
    return tree


def _unrecognized(node: Unrecognized, ctx: _Ctx) -> Tree:
    label = f"[sec8k.unrecognized]Unrecognized[/] ({escape(node.context)}) "
    return Tree(label + ctx.text(node.text) + ctx.where(node.span))


def _diagnostic(diagnostic: Diagnostic, ctx: _Ctx) -> Tree:
    style = f"sec8k.{diagnostic.severity.value}"
    where = f" {diagnostic.line}:{diagnostic.column}" if diagnostic.line is not None else ""
    return Tree(
        f"[{style}]{diagnostic.severity.value}[/][[sec8k.code]{diagnostic.code}[/]]"
        f"{where} {escape(diagnostic.message)}"
    )


RENDERERS: dict[type, Renderer] = {
    Filing: _filing,
    CoverPage: _cover,
    Registrant: _registrant,
    Item: _item,
    OmittedItems: _omitted,
    PartHeading: _part,
    SectionHeading: _section_heading,
    Exhibit: _exhibit,
    ExhibitIndex: _exhibit_index,
    ExhibitDocument: _exhibit_document,
    SignatureBlock: _signature_block,
    Signature: _signature,
    Unrecognized: _unrecognized,
    Diagnostic: _diagnostic,
    SecHeader: _header,
    Contents: _contents,
    Document: _document,
}
"""Renderer for each model type."""


def _generic(node: object, ctx: _Ctx) -> Tree:
    """Any node without a renderer of its own: its kind, span and fields that hold something."""
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return Tree(_value(node))
    span = getattr(node, "span", None)
    kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", type(node).__name__).capitalize()
    tree = Tree(f"[sec8k.kind]{kind}[/]{ctx.where(span if isinstance(span, Span) else None)}")
    for item in dataclasses.fields(node):
        value = getattr(node, item.name)
        if item.name == "span" or value is None or value == "" or value == ():
            continue
        key = item.name.replace("_", " ")
        if dataclasses.is_dataclass(value):
            tree.add(f"[sec8k.key]{key}[/]").add(to_rich_tree(value, ctx=ctx))
        elif isinstance(value, (tuple, list)) and all(dataclasses.is_dataclass(v) for v in value):
            group = tree.add(f"[sec8k.key]{key}[/] ({len(value)})")
            for child in value:
                group.add(to_rich_tree(child, ctx=ctx))
        elif isinstance(value, str) and ("\n" in value or len(value) > ctx.preview):
            tree.add(f"[sec8k.key]{key}[/] {ctx.text(value)}")
        elif isinstance(value, (datetime.date, Span)):
            _field(tree, key, str(value) if isinstance(value, Span) else value.isoformat())
        else:
            _field(tree, key, value)
    return tree


def to_rich_tree(
    node: object, *, lines: LineIndex | None = None, preview: int = 60, ctx: _Ctx | None = None
) -> Tree:
    """A rich :class:`~rich.tree.Tree` of any model node.

    Args:
        node: a :class:`~sec8k.model.Filing` or any node inside one.
        lines: positions of the original text, to show spans as line:column (a
            :class:`~sec8k.model.Filing` supplies its own); offsets are shown without.
        preview: how many characters of a long text to show.
        ctx: the renderers' shared state, when called from another renderer.
    """
    if ctx is None:
        if lines is None and isinstance(node, Filing) and node.source.text:
            lines = line_index(node.source.text)
        ctx = _Ctx(lines, preview)
    renderer = next((RENDERERS[c] for c in type(node).__mro__ if c in RENDERERS), _generic)
    return renderer(node, ctx)
