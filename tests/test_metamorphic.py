"""Metamorphic tests: a filing and a reshaped copy of it read the same.

Each transformation changes how a filing is laid out but not what it says; sec8k must then
find the same items (numbers and titles), cover (registrant fields, date of report and
period, check boxes), signers and exhibit numbers in both, spans aside. They run on every
curated filing and, with the ``corpus`` marker, on every filing of ../shared/corpus.

Only the parsed document changes: in a full submission its payload (between <TEXT> and
</TEXT>) is transformed and the envelope around it is kept byte for byte; a bare document
is transformed whole. Plain-text documents get all of these but ``visible-text``; HTML
documents get those that have an HTML form:

* ``pre-html`` (text): the document escaped and wrapped in ``<html><body><pre>``;
* ``pre-tabs`` (text): ``tabs``, then ``pre-html``: tabs in ``<pre>`` keep their stops;
* ``crlf``: every line ends in CR LF;
* ``tabs`` (text): runs of two or more spaces that end at an 8-column stop become tabs,
  only where the line expands back to the same text;
* ``nbsp``: single spaces between words become no-break spaces (``&nbsp;`` in HTML);
* ``blank-lines``: one more blank line after every blank line (``<p>&nbsp;</p>`` after
  every paragraph and division in HTML);
* ``form-feeds`` (text): a line holding a form feed before every page;
* ``running-header``: the same line at the top of every page but the first;
* ``running-footer``: the same line at the bottom of every page but the last;
* ``visible-text`` (HTML): the text sec8k's own HTML normaliser makes of the document,
  read as a plain-text document.

Pages are where sec8k sees them: in text the ``<PAGE>`` marker lines and form feeds (or,
where a document has neither, the first blank line after every 60 lines); in HTML the
CSS page breaks outside tables. Every transformed filing must also leave nothing
uncovered (:meth:`~sec8k.model.Filing.uncovered`). A case that fails because of sec8k
is a strict xfail in ``KNOWN`` with the cause.

Cost: one parse per filing and transformation, the original's parse cached across a
filing's cases (they run in order). On the 426 corpus filings that is about 3,000 cases
and 100 seconds of CPU; no transformation needs to be limited for the largest files (1.6
MB, under a second a parse).
"""

from __future__ import annotations

import datetime
import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import sec8k
from sec8k.html import looks_like_html, normalize_html
from sec8k.model import Filing
from sec8k.pipeline import run
from sec8k.span import Span
from tests.conftest import case_input, corpus_files, filing_cases, requires_corpus

ITEMS, COVER, SIGNERS, EXHIBITS = "items", "cover", "signers", "exhibits"
EVERYTHING = (ITEMS, COVER, SIGNERS, EXHIBITS)

# ---- transformations of a plain-text document ----

_PAGE_MARKER = re.compile(r"[ \t]*(?:-?[ \t]*\d{1,3}[ \t]*-?[ \t]*)?<(?i:/?page)>[ \t\f\d]*\r?")
_BLANK_LINE = re.compile(r"[ \t\f\r]*")
_PAGE_LINES = 60
HEADER = "Metamorphic Test Printers - Page Header"
FOOTER = "Metamorphic Test Printers - Confidential"


def _newline(document: str) -> str:
    """The line end a document mostly uses."""
    return "\r\n" if document.count("\r\n") * 2 > document.count("\n") else "\n"


def text_pages(lines: list[str]) -> list[int]:
    """Indexes of the lines that start a new page: page markers and form feeds.

    A marker starts a page only where text follows it before the next marker: a closing
    ``</page>`` just before an opening ``<PAGE>``, or at the document's end, starts none.
    A document with no markers gets a page break at the first blank line after every 60
    lines, as a printer would have put one.
    """
    marked = [i for i, line in enumerate(lines) if _PAGE_MARKER.fullmatch(line) or "\f" in line]
    if marked:
        ends = [*marked[1:], len(lines)]
        return [
            i
            for i, end in zip(marked, ends, strict=True)
            if any(not _BLANK_LINE.fullmatch(line) for line in lines[i + 1 : end])
        ]
    pages, last = [], 0
    for i, line in enumerate(lines):
        if i - last >= _PAGE_LINES and _BLANK_LINE.fullmatch(line):
            pages.append(i)
            last = i
    return pages


def wrap_in_pre(document: str) -> str:
    """The text as an HTML page that prints it preformatted."""
    return f"<html><body><pre>{html.escape(document, quote=False)}</pre></body></html>"


def crlf(document: str) -> str:
    """Every line ended by CR LF."""
    return document.replace("\r\n", "\n").replace("\n", "\r\n")


def unexpand_line(line: str) -> str:
    """Tabs for the runs of two or more spaces that end at a tab stop, where that is exact."""
    if "\t" in line or "\r" in line.rstrip("\r") or "\f" in line:
        return line
    out, position = [], 0
    for spaces in re.finditer(" {2,}", line):
        start, end = spaces.span()
        out.append(line[position:start])
        column = start
        for stop in range(start // 8 * 8 + 8, end + 1, 8):
            if stop - column >= 2:
                out.append("\t")
            else:
                out.append(" " * (stop - column))
            column = stop
        out.append(" " * (end - column))
        position = end
    out.append(line[position:])
    tabbed = "".join(out)
    return tabbed if tabbed.expandtabs(8) == line else line


def tabs(document: str) -> str:
    """Every line with its column runs as tabs (see :func:`unexpand_line`)."""
    return "\n".join(unexpand_line(line) for line in document.split("\n"))


def wrap_in_pre_with_tabs(document: str) -> str:
    """The text with tabs for its columns (:func:`tabs`), printed preformatted."""
    return wrap_in_pre(tabs(document))


_PROSE_SPACE = re.compile(r"(?<=[A-Za-z,.;:]) (?=[A-Za-z])")


def nbsp_text(document: str) -> str:
    """No-break spaces for the single spaces between words."""
    return _PROSE_SPACE.sub("\xa0", document)


_BLANK_RUN = re.compile(r"\n(?:[ \t\f]*\r?\n)+")


def blank_lines_text(document: str) -> str:
    """One more blank line after every run of blank lines."""
    newline = _newline(document)
    return _BLANK_RUN.sub(lambda m: m.group() + newline, document)


def _at_pages(document: str, insert: Callable[[str], list[str]]) -> str:
    lines = document.split("\n")
    pages = set(text_pages(lines))
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in pages:
            out.extend(insert(line))
        else:
            out.append(line)
    return "\n".join(out)


def form_feeds(document: str) -> str:
    """A line holding a form feed before every page."""
    cr = "\r" if _newline(document) == "\r\n" else ""
    return _at_pages(document, lambda line: ["\f" + cr, line])


def running_header_text(document: str) -> str:
    """The same header line (and a blank line) at the top of every page but the first."""
    cr = "\r" if _newline(document) == "\r\n" else ""
    header = " " * 20 + HEADER + cr
    return _at_pages(document, lambda line: [line, header, cr])


def running_footer_text(document: str) -> str:
    """A blank line and the same footer line at the bottom of every page but the last."""
    cr = "\r" if _newline(document) == "\r\n" else ""
    footer = " " * 20 + FOOTER + cr
    return _at_pages(document, lambda line: [cr, footer, line])


# ---- transformations of an HTML document ----

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _html_text(document: str, edit: Callable[[str], str]) -> str:
    """``edit`` applied to the text between the tags."""
    out, position = [], 0
    for tag in _TAG.finditer(document):
        out.append(edit(document[position : tag.start()]))
        out.append(tag.group())
        position = tag.end()
    out.append(edit(document[position:]))
    return "".join(out)


def nbsp_html(document: str) -> str:
    """``&nbsp;`` for the single spaces between words of the text."""
    return _html_text(document, lambda text: _PROSE_SPACE.sub("&nbsp;", text))


_BLOCK_TAG = re.compile(r"<(/?)(p|div)\b([^>]*)>", re.I)
_INLINE_STYLE = re.compile(r"display\s*:\s*inline", re.I)


def blank_lines_html(document: str) -> str:
    """An empty paragraph after every paragraph and division.

    Not after a division styled ``display:inline``: that one is part of its line (inline
    XBRL wraps facts in them), and a paragraph after it would break the line.
    """
    inline: list[bool] = []  # for each open <div>, whether it is inline

    def after(match: re.Match[str]) -> str:
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if tag == "div" and not closing:
            inline.append(bool(_INLINE_STYLE.search(attributes)))
            return match.group()
        if not closing:
            return match.group()
        if tag == "div" and inline and inline.pop():
            return match.group()
        return match.group() + "<p>&nbsp;</p>"

    return _BLOCK_TAG.sub(after, document)


_OPEN_OR_CLOSE = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*)>")
_BREAK_STYLE = re.compile(r"page-break-(before|after)\s*:\s*always", re.I)


def _element_end(document: str, name: str, start: int) -> int:
    """Where the element ``name`` whose opening tag ends at ``start`` closes."""
    depth = 1
    for tag in _OPEN_OR_CLOSE.finditer(document, start):
        if tag.group(2).lower() != name or tag.group(3).rstrip().endswith("/"):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(document)


def html_pages(document: str, *, ends: bool = False) -> list[int]:
    """Offsets where a new page starts: at each CSS page break outside tables.

    A page starts after the opening tag of a ``page-break-before`` element and after the
    end of a ``page-break-after`` one. A plain ``<hr>`` is no page break: filers draw rules
    under the cover's lines with it. With ``ends``, the offsets where a page ends instead:
    before a ``page-break-before`` element, after a ``page-break-after`` one.
    """
    pages, tables = [], 0
    for tag in _OPEN_OR_CLOSE.finditer(document):
        closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name == "table":
            tables = max(0, tables - 1) if closing else tables + 1
            continue
        style = None if closing or tables else _BREAK_STYLE.search(rest)
        if style is None:
            continue
        void = name in ("hr", "br", "img") or rest.rstrip().endswith("/")
        if void or style.group(1).lower() == "before":
            pages.append(tag.start() if ends else tag.end())
        else:
            pages.append(_element_end(document, name, tag.end()))
    return sorted(set(pages))


def running_header_html(document: str) -> str:
    """The same header paragraph at the top of every page but the first."""
    out, position = [], 0
    for page in html_pages(document):
        out.append(document[position:page])
        out.append(f"<p>{HEADER}</p>")
        position = page
    out.append(document[position:])
    return "".join(out)


def running_footer_html(document: str) -> str:
    """The same footer paragraph at the bottom of every page but the last."""
    out, position = [], 0
    for page in html_pages(document, ends=True):
        out.append(document[position:page])
        out.append(f"<p>{FOOTER}</p>")
        position = page
    out.append(document[position:])
    return "".join(out)


def visible_text(document: str) -> str:
    """The text sec8k's HTML normaliser makes of the document."""
    return normalize_html(document, Span(0, len(document))).text


# ---- the transformations and what each keeps ----

Transform = Callable[[str], str]


@dataclass(frozen=True)
class Transformation:
    name: str
    text: Transform | None
    """For a plain-text document (None: does not apply)."""
    html: Transform | None
    """For an HTML document (None: does not apply)."""
    keeps: tuple[str, ...] = EVERYTHING
    """What the transformed filing must read the same."""


TRANSFORMATIONS = (
    Transformation("pre-html", wrap_in_pre, None, (ITEMS, COVER, SIGNERS)),
    Transformation("pre-tabs", wrap_in_pre_with_tabs, None, (ITEMS, COVER, SIGNERS)),
    Transformation("crlf", crlf, crlf),
    Transformation("tabs", tabs, None),
    Transformation("nbsp", nbsp_text, nbsp_html),
    Transformation("blank-lines", blank_lines_text, blank_lines_html),
    Transformation("form-feeds", form_feeds, None),
    Transformation("running-header", running_header_text, running_header_html),
    Transformation("running-footer", running_footer_text, running_footer_html),
    Transformation("visible-text", None, visible_text, (ITEMS, COVER)),
)
BY_NAME = {t.name: t for t in TRANSFORMATIONS}


def is_html(text: str, document: Span) -> bool:
    """Whether sec8k reads the document as HTML (the pipeline's own test)."""
    return looks_like_html(text[document.start : min(document.end, document.start + 20_000)])


def transformed(text: str, document: Span, transform: Transform) -> str:
    """``text`` with only the document ``text[document.start:document.end]`` transformed."""
    return (
        text[: document.start]
        + transform(text[document.start : document.end])
        + text[document.end :]
    )


# ---- what must stay the same ----


def _cover(filing: Filing) -> dict[str, Any] | None:
    cover = filing.cover
    if cover is None:
        return None
    fields = ("name", "jurisdiction", "commission_file_number", "irs_employer_id")
    more = ("address", "zip", "phone")
    return {
        "registrants": [
            {name: getattr(r, name) for name in (*fields, *more)} for r in cover.registrants
        ],
        "date_of_report": getattr(cover, "date_of_report", None),
        "period_of_report": cover.period_of_report,
        "boxes": [(b.field, b.label, b.checked) for b in cover.boxes],
    }


def reading(filing: Filing, keeps: tuple[str, ...]) -> dict[str, Any]:
    """What a filing says, spans aside: the parts named in ``keeps``."""
    found: dict[str, Any] = {}
    if ITEMS in keeps:
        found[ITEMS] = [(i.number, i.title) for i in filing.items]
    if COVER in keeps:
        found[COVER] = _cover(filing)
    if SIGNERS in keeps:
        found[SIGNERS] = [(s.name, s.title) for s in filing.signatures]
    if EXHIBITS in keeps:
        found[EXHIBITS] = [e.number for e in filing.exhibits]
    return found


def differences(before: Any, after: Any, where: str = "") -> list[str]:
    """The places where two readings differ, each with both values."""
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in before.keys() | after.keys():
            found += differences(before.get(key), after.get(key), f"{where}.{key}")
        return sorted(found)
    if isinstance(before, list) and isinstance(after, list) and len(before) != len(after):
        return [f"{where}: {len(before)} -> {len(after)}: {_short(before)} -> {_short(after)}"]
    if isinstance(before, list) and isinstance(after, list):
        return [
            d
            for i, (a, b) in enumerate(zip(before, after, strict=True))
            for d in differences(a, b, f"{where}[{i}]")
        ]
    if before != after:
        return [f"{where}: {_short(before)} -> {_short(after)}"]
    return []


def _short(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 160 else text[:157] + "..."


# ---- the cases ----


@functools.lru_cache(maxsize=2)
def original(path: Path) -> tuple[str, Filing, bool]:
    """The decoded text of a filing, its parse, and whether its document is HTML."""
    source = run(path, until="load").source
    assert source is not None
    text = source.text
    filing = sec8k.parse(text)
    return text, filing, is_html(text, filing.span)


def check(path: Path, transformation: Transformation) -> list[str]:
    """What reads differently after the transformation (empty: nothing)."""
    text, filing, html_document = original(path)
    transform = transformation.html if html_document else transformation.text
    assert transform is not None
    changed = sec8k.parse(transformed(text, filing.span, transform))
    found = differences(
        reading(filing, transformation.keeps), reading(changed, transformation.keeps)
    )
    lost = changed.uncovered()
    if lost:
        sample = [_short(changed.source.text[s.start : s.end][:60]) for s in lost[:3]]
        found.append(f"uncovered: {len(lost)} runs, first {', '.join(sample)}")
    return found


# Known failures: transformation -> cause -> file names. Strict: a fix must remove them.
# Nothing is known to fail today; a cause goes here as {transformation: {cause: (file
# names)}}, each a strict xfail.
KNOWN: dict[str, dict[str, tuple[str, ...]]] = {}


def _known(name: str, transformation: str) -> str | None:
    for cause, names in KNOWN.get(transformation, {}).items():
        if name in names:
            return cause
    return None


def document_is_html(path: Path) -> bool | None:
    """Whether the document sec8k parses in a file is HTML (None: it parses none)."""
    state = run(path, until="envelope")
    if state.source is None or state.envelope is None or state.envelope.payload is None:
        return None
    return is_html(state.source.text, state.envelope.payload)


def _params(paths: list[Path], kind: str) -> list[Any]:
    """One case per filing and transformation that applies to its document."""
    params = []
    for path in paths:
        html_document = document_is_html(path)
        if html_document is None:
            continue
        for transformation in TRANSFORMATIONS:
            if (transformation.html if html_document else transformation.text) is None:
                continue
            cause = _known(path.name, transformation.name)
            marks = [pytest.mark.xfail(strict=True, reason=cause)] if cause else []
            params.append(
                pytest.param(
                    path,
                    transformation,
                    id=f"{kind}/{path.name}/{transformation.name}",
                    marks=marks,
                )
            )
    return params


def _run(path: Path, transformation: Transformation) -> None:
    found = check(path, transformation)
    assert not found, "\n".join(found)


CURATED = [case_input(case) for case in filing_cases()]


@pytest.mark.parametrize(("path", "transformation"), _params(CURATED, "filings"))
def test_curated_filing_reads_the_same(path: Path, transformation: Transformation) -> None:
    _run(path, transformation)


@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize(("path", "transformation"), _params(corpus_files(), "corpus"))
def test_corpus_filing_reads_the_same(path: Path, transformation: Transformation) -> None:
    _run(path, transformation)
