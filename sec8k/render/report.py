"""``sec8k report``: one self-contained HTML page with the filing's text beside its tree.

The page shows the text as a reader sees it (the original for a plain-text document, the
normalised text for HTML and inline XBRL, whose spans would otherwise point into one line
of markup) with every node's span marked by kind and every diagnostic underlined where it
is, and beside it the tree: cover fields, items, exhibits, signers, diagnostics, text set
aside. Clicking a node in the tree highlights its text and scrolls to it; clicking the
text selects the innermost node that holds it; the header shows where the selection is in
the original (line:column, and the byte offset for HTML).

The page needs no network and no other file: its style and its script are in it, and the
filing's text is escaped, so a filing's own markup or scripts are shown, never run.

The text is cut at every boundary of a mark into runs; each run is one ``<span>`` whose
classes are the kinds of the marks that hold it and whose ``data-n`` lists their ids,
innermost first. A 5 MB document with a few thousand nodes is a few thousand elements.
"""

from __future__ import annotations

import codecs
import html
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sec8k.diagnostics import Severity
from sec8k.load import DEFAULT_MAX_BYTES
from sec8k.model import (
    CheckBox,
    Filing,
    Item,
    Signature,
    SignatureBlock,
    Unrecognized,
)
from sec8k.normalize import NormalizedDocument
from sec8k.pipeline import build_filing, run
from sec8k.span import Span, line_index

__all__ = ["filing_report", "report_html"]


@dataclass(frozen=True, slots=True)
class _Mark:
    """One node or diagnostic to mark: where it is shown and what the tree says of it."""

    id: int
    kind: str
    """A CSS class: "item-heading", "cover-value", "diag-error", ..."""
    start: int
    end: int
    """In the shown text."""
    span: Span
    """In the original."""
    group: str
    """The tree's heading it is listed under."""
    label: str
    detail: str = ""


def report_html(
    given: str | bytes | Path | BinaryIO,
    *,
    form: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_name: str | None = None,
) -> str:
    """Parse ``given`` (a path, bytes, text or binary stream) and return its report page.

    ``input_name`` names the input on the page where ``given`` is not a path.
    """
    state = run(given, form=form, max_bytes=max_bytes)
    return filing_report(build_filing(state), state.document, input_name=input_name)


def filing_report(
    filing: Filing, document: NormalizedDocument | None = None, *, input_name: str | None = None
) -> str:
    """The report page of ``filing``.

    ``document`` is the normalised document the grammar read (``ParseState.document``):
    an HTML filing's text is shown as it reads, and its nodes' spans are mapped to it.
    Without it, or for a plain-text document, the original text of the parsed document
    is shown.
    """
    source = filing.source.text
    base, shown = filing.span.start, source[filing.span.start : filing.span.end]
    to_shown: Callable[[int, int], tuple[int, int]] = _Shift(base, len(shown))
    if document is not None and document.kind == "html":
        shown = document.text
        derived = document.source_map.derived_offset

        def to_shown(start: int, end: int) -> tuple[int, int]:
            first = derived(start)
            return first, max(first, derived(end, end=True))

    marks = list(_marks(filing, to_shown))
    positions = _positions(filing, [m.span.start for m in marks], document)
    counts = dict.fromkeys(Severity, 0)
    for diagnostic in filing.diagnostics:
        counts[diagnostic.severity] += 1
    name = input_name or str(filing.source.path or "")
    return _PAGE.format(
        title=html.escape(_title(filing)),
        findings=" ".join(str(counts[severity]) for severity in _SEVERITIES),
        input=html.escape(name),
        style=_STYLE,
        summary=_summary(filing),
        text=_text(shown, marks),
        tree=_tree(marks, positions),
        script=_SCRIPT,
    )


_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class _Shift:
    """Original offsets to offsets of a verbatim slice of the original."""

    base: int
    length: int

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        first = min(max(start - self.base, 0), self.length)
        return first, min(max(end - self.base, first), self.length)


def _title(filing: Filing) -> str:
    summary = dict(filing.summary())
    return f"{summary['form']} {summary['registrant']}"


_MarkMaker = Callable[[str, Span, str, str, str], "_Mark"]


def _marks(filing: Filing, to_shown: Callable[[int, int], tuple[int, int]]) -> Iterator[_Mark]:
    """Every node and diagnostic with a span, in the order the tree lists them."""
    counter = iter(range(1, 1 << 62))

    def mark(kind: str, span: Span, group: str, label: str, detail: str) -> _Mark:
        start, end = to_shown(span.start, span.end)
        return _Mark(next(counter), kind, start, end, span, group, label, detail)

    cover = filing.cover
    if cover is not None:
        for number, registrant in enumerate(cover.registrants, 1):
            for name, span in registrant.field_spans:
                value = getattr(registrant, name, None)
                group = "Cover" if len(cover.registrants) == 1 else f"Cover: registrant {number}"
                yield mark("cover-field", span, group, name.replace("_", " "), str(value or ""))
        for field in cover.fields:
            yield mark("cover-field", field.span, "Cover", field.name.replace("_", " "), field.text)
        for box in cover.boxes:
            yield mark("cover-box", box.span, "Cover: check boxes", _box_label(box), "")
        for part in cover.parts:
            yield mark(f"cover-{part.kind}", part.span, "Cover: as printed", part.kind, part.text)
    for section in filing.sections:
        yield from _section_marks(section, mark)
    for exhibit in filing.exhibits:
        yield mark("exhibit", exhibit.span, "Exhibits", exhibit.number, exhibit.description)
    for noise in filing.noise:
        yield mark("noise", noise.span, "Set aside", noise.kind, "")
    for diagnostic in filing.diagnostics:
        if diagnostic.span is not None:
            kind = f"diag-{diagnostic.severity.value}"
            yield mark(kind, diagnostic.span, "Diagnostics", diagnostic.code, diagnostic.message)


def _box_label(box: CheckBox) -> str:
    return f"{'[X]' if box.checked else '[ ]'} {box.field or box.label}"


def _section_marks(section: object, mark: _MarkMaker) -> Iterator[_Mark]:
    if isinstance(section, Item):
        heading, whole = section.heading_span, section.span
        label = f"Item {section.number}"
        detail = section.title + ("" if section.status == "reported" else f" [{section.status}]")
        yield mark("item-heading", heading, "Items", label, detail)
        if heading.end < whole.end:
            yield mark("item-body", Span(heading.end, whole.end), "Items", f"{label} body", "")
    elif isinstance(section, SignatureBlock):
        yield mark("signature-block", section.span, "Signatures", "signature block", "")
        for signature in section.signatures:
            yield mark("signature", signature.span, "Signatures", _signer(signature), "")
    elif isinstance(section, Unrecognized):
        yield mark("unrecognized", section.span, "Unrecognized text", section.context, "")
    else:
        where = getattr(section, "span", None)
        if isinstance(where, Span):
            name = str(getattr(section, "node", type(section).__name__)).replace("_", " ")
            title = getattr(section, "title", None) or getattr(section, "heading", None)
            yield mark("section", where, "Other sections", name, str(title or ""))


def _signer(signature: Signature) -> str:
    return ", ".join(part for part in (signature.name, signature.title) if part) or "signer"


def _positions(
    filing: Filing, offsets: list[int], document: NormalizedDocument | None
) -> list[str]:
    """``line:column`` in the original of each offset, and the byte offset for HTML."""
    lines = line_index(filing.source.text)
    codec = _codec(filing.source.encoding)  # None for text given as a str: no bytes
    with_bytes = document is not None and document.kind == "html" and codec is not None
    found = {}
    if with_bytes and codec is not None:
        found = dict(_byte_offsets(filing.source.text, offsets, codec))
    out = []
    for offset in offsets:
        line, column = lines.position(offset)
        where = f"line {line}, column {column}"
        if with_bytes:
            where += f", byte {found[offset]:,}"
        out.append(where)
    return out


def _codec(encoding: str) -> str | None:
    """The codec the input was decoded with; None where it was given as text."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _byte_offsets(text: str, offsets: Iterable[int], codec: str) -> Iterator[tuple[int, int]]:
    """Each offset with the number of bytes of ``text`` before it in ``codec``."""
    at = size = 0
    for offset in sorted(set(offsets)):
        size += len(text[at:offset].encode(codec, errors="replace"))
        at = offset
        yield offset, size


def _summary(filing: Filing) -> str:
    counts = dict.fromkeys(Severity, 0)
    for diagnostic in filing.diagnostics:
        counts[diagnostic.severity] += 1
    found = " ".join(
        f'<span class="count sev-{s.value}">{n} {s.value}{"s" if n != 1 else ""}</span>'
        for s, n in counts.items()
    )
    rows = "".join(
        f"<div><dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd></div>"
        for k, v in filing.summary()
        if k in ("form", "registrant", "period of report", "items", "signers", "source")
    )
    uncovered = len(filing.uncovered())
    return (
        f'<dl class="facts">{rows}</dl><div class="counts">{found} '
        f'<span class="count" id="uncovered">{uncovered} uncovered</span></div>'
    )


# Lines per block of the shown text: the browser lays out only the blocks in view
# (``content-visibility: auto``), so a document of 100,000 lines opens as fast as a page.
_BLOCK_LINES = 200


def _text(shown: str, marks: list[_Mark]) -> str:
    """The shown text in blocks of lines, cut into runs at every mark boundary."""
    bounds: dict[int, tuple[list[_Mark], list[_Mark]]] = {}
    for m in marks:
        if m.end <= m.start:
            continue
        bounds.setdefault(m.start, ([], []))[0].append(m)
        bounds.setdefault(m.end, ([], []))[1].append(m)
    blocks = set(_block_starts(shown))
    out: list[str] = ['<div class="block">']
    active: dict[int, _Mark] = {}
    at = 0
    for point in sorted(blocks.union(bounds)):
        out.append(_run(shown[at:point], active))
        if point in blocks:
            out.append('</div><div class="block">')
        opening, closing = bounds.get(point, ((), ()))
        for m in closing:
            active.pop(m.id, None)
        for m in opening:
            active[m.id] = m
        at = point
    out.append(_run(shown[at:], active))
    out.append("</div>")
    return "".join(out)


def _block_starts(shown: str) -> Iterator[int]:
    """Where each block after the first begins: after every ``_BLOCK_LINES``-th newline."""
    count, at = 0, shown.find("\n")
    while at != -1 and at + 1 < len(shown):
        count += 1
        if count % _BLOCK_LINES == 0:
            yield at + 1
        at = shown.find("\n", at + 1)


def _run(text: str, active: dict[int, _Mark]) -> str:
    if not text:
        return ""
    if not active:
        return html.escape(text)
    inner = sorted(active.values(), key=lambda m: (m.end - m.start, -m.id))
    kinds = " ".join(sorted({m.kind for m in inner}))
    ids = " ".join(str(m.id) for m in inner)
    titles = "; ".join(
        f"{m.label}: {m.detail}" if m.detail else m.label
        for m in inner
        if m.kind.startswith("diag-")
    )
    title = f' title="{html.escape(titles)}"' if titles else ""
    return f'<span class="{kinds}" data-n="{ids}"{title}>{html.escape(text)}</span>'


def _tree(marks: list[_Mark], positions: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for m, where in zip(marks, positions, strict=True):
        detail = f' <span class="detail">{html.escape(m.detail)}</span>' if m.detail else ""
        groups.setdefault(m.group, []).append(
            f'<li id="t{m.id}" data-id="{m.id}" data-pos="{html.escape(where)}" '
            f'class="node {m.kind}"><span class="label">{html.escape(m.label)}</span>{detail}</li>'
        )
    out = []
    for group, items in groups.items():
        is_open = " open" if group in _OPEN_GROUPS else ""
        out.append(
            f'<details{is_open} data-group="{html.escape(group)}"><summary>'
            f"{html.escape(group)} ({len(items)})</summary><ul>{''.join(items)}</ul></details>"
        )
    return "".join(out)


_OPEN_GROUPS = frozenset(
    {"Cover", "Cover: registrant 1", "Cover: registrant 2", "Items", "Exhibits", "Signatures"}
    | {"Diagnostics", "Unrecognized text"}
)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sec8k report">
<meta name="sec8k-findings" content="{findings}">
<meta name="sec8k-input" content="{input}">
<title>{title}</title>
<style>{style}</style></head>
<body>
<header><h1>{title}</h1>{summary}<div id="where">Click a node or the text.</div></header>
<main><div id="text">{text}</div><nav id="tree">{tree}</nav></main>
<pre id="errors" hidden></pre>
<script>{script}</script>
</body></html>
"""

_STYLE = """
:root { --mark: #fff4c2; --sel: #ffd54a; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; }
header { padding: 8px 16px; border-bottom: 1px solid #ccc; background: #f6f6f6; }
h1 { font-size: 18px; margin: 0 0 4px; }
dl.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; }
dl.facts div { display: flex; gap: 6px; } dt { color: #666; } dd { margin: 0; }
.counts { margin-top: 4px; } .count { margin-right: 10px; }
.sev-error { color: #b00020; } .sev-warning { color: #a15c00; } .sev-info { color: #0b5394; }
#where { margin-top: 4px; color: #444; font-family: ui-monospace, monospace; }
main { display: flex; height: calc(100vh - 110px); }
#text { flex: 3; margin: 0; padding: 8px 16px; overflow: auto; white-space: pre;
  font: 12px/1.35 ui-monospace, Menlo, Consolas, monospace; border-right: 1px solid #ccc; }
#text .block { content-visibility: auto; contain-intrinsic-size: auto 3300px; }
#tree { flex: 2; overflow: auto; padding: 8px 12px; }
#tree ul { list-style: none; margin: 2px 0 8px; padding-left: 12px; }
#tree li { cursor: pointer; padding: 1px 4px; border-radius: 3px; }
#tree li:hover { background: #eef; } #tree li.cur { background: var(--sel); }
#tree .label { font-weight: 600; margin-right: 6px; } #tree .detail { color: #333; }
#text [data-n] { cursor: pointer; }
.item-heading { background: #dbeafe; font-weight: bold; } .item-body { background: #f3f8ff; }
.cover-field { background: #dcfce7; } .cover-caption, .cover-label { color: #555; }
.cover-masthead, .cover-form-title { color: #333; font-weight: bold; }
.cover-box { background: #ecfccb; } .exhibit { background: #fef3c7; }
.signature-block { background: #f5f3ff; } .signature { background: #ede9fe; }
.unrecognized { background: #fee2e2; } .noise { color: #999; text-decoration: line-through; }
.section { background: #f5f5f5; }
.diag-error { text-decoration: underline wavy #b00020; }
.diag-warning { text-decoration: underline wavy #c77700; }
.diag-info { text-decoration: underline dotted #0b5394; }
#text .sel { background: var(--sel); outline: 1px solid #e0a800; }
@media print {
  main { display: block; height: auto; } #text { overflow: visible; white-space: pre-wrap;
  border: 0; } #text .block { content-visibility: visible; } #tree { overflow: visible; }
  #where { display: none; }
  #tree details:not([open]) > ul { display: block; }
}
"""

_SCRIPT = """
(function () {
  "use strict";
  var errors = document.getElementById("errors"), seen = [];
  window.addEventListener("error", function (e) {
    seen.push(String(e.message));
    errors.hidden = false; errors.textContent = seen.join("\\n");
  });
  var byId = {};
  document.querySelectorAll("#text [data-n]").forEach(function (el) {
    el.dataset.n.split(" ").forEach(function (id) { (byId[id] = byId[id] || []).push(el); });
  });
  var selected = [];
  function select(id, scroll) {
    selected.forEach(function (el) { el.classList.remove("sel"); });
    selected = byId[id] || [];
    selected.forEach(function (el) { el.classList.add("sel"); });
    var current = document.querySelector("#tree li.cur");
    if (current) { current.classList.remove("cur"); }
    var li = document.getElementById("t" + id);
    if (li) {
      li.classList.add("cur");
      if (li.parentNode.parentNode.tagName === "DETAILS") { li.parentNode.parentNode.open = true; }
      document.getElementById("where").textContent =
        li.querySelector(".label").textContent + ": " + li.dataset.pos;
    }
    if (scroll === "text" && selected.length) { selected[0].scrollIntoView({block: "center"}); }
    if (scroll === "tree" && li) { li.scrollIntoView({block: "nearest"}); }
  }
  document.getElementById("tree").addEventListener("click", function (e) {
    var li = e.target.closest("li[data-id]");
    if (li) { select(li.dataset.id, "text"); }
  });
  document.getElementById("text").addEventListener("click", function (e) {
    var el = e.target.closest("[data-n]");
    if (el) { select(el.dataset.n.split(" ")[0], "tree"); }
  });
  window.sec8kReport = {select: select, marked: function (id) { return byId[id] || []; }};
  if (location.hash === "#selftest") {
    var results = [];
    document.querySelectorAll("#tree li[data-id]").forEach(function (li) {
      li.click();
      var text = selected.map(function (el) { return el.textContent; }).join("");
      results.push({id: li.dataset.id, kind: li.className.replace("node ", "").replace(" cur", ""),
        label: li.querySelector(".label").textContent,
        detail: (li.querySelector(".detail") || {textContent: ""}).textContent,
        highlighted: selected.length,
        current: li.classList.contains("cur"), text: text});
    });
    var out = document.createElement("pre");
    out.id = "selftest"; out.textContent = JSON.stringify({errors: seen, nodes: results});
    document.body.appendChild(out);
  }
})();
"""
