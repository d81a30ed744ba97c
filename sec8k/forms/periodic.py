"""What Forms 10-K and 10-Q share: the periodic report's cover, its parts and items.

:class:`PeriodicForm` is the base of :class:`~sec8k.forms.form_10k.Form10K` and
:class:`~sec8k.forms.form_10q.Form10Q` (it registers no form itself); their grammars import
``grammar/periodic.lark``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sec8k.forms import DOCUMENT_PARTS, Form
from sec8k.model import CoverPage, Item, Node, PartHeading, Section, box_answer
from sec8k.span import Span
from sec8k.transform import DocumentTransformer
from sec8k.transform.base import PartTransformer
from sec8k.transform.cover import CoverLayout, FoundValue
from sec8k.transform.periodic import PeriodicTransformer
from sec8k.transform.values import clean, is_not_applicable, parse_date
from sec8k.validate import Rule
from sec8k.validate.cover import REGISTRANT_RULES
from sec8k.validate.signature import SIGNATURE_RULES

__all__ = ["PeriodicCover", "PeriodicDocument", "PeriodicForm", "SharesOutstanding"]


@dataclass(frozen=True, slots=True)
class SharesOutstanding(Node):
    """A class of stock and how many of its shares were outstanding, as the cover says."""

    title: str | None
    """The class ("Common Stock, $0.00001 par value per share"), where the cover names it."""
    shares: str
    """The number of shares as printed ("15,634,232,000", "2.47 billion")."""
    date: datetime.date | None
    """The date they were counted on."""
    span: Span
    """The sentence or table that says so."""


@dataclass(frozen=True, slots=True)
class PeriodicCover(CoverPage):
    """The cover page of a periodic report (Forms 10-K and 10-Q)."""

    transition_report: bool | None = None
    """Whether the "TRANSITION REPORT" box is checked (None where the cover has none)."""
    transition_period: str | None = None
    """"from ... to ..." of a transition report, as printed (None where left blank)."""
    securities_12g: tuple[str, ...] | None = None
    """The classes registered under Section 12(g) (empty for "None"), or None where the
    cover has no such line."""
    filer_category: tuple[str, ...] = ()
    """The checked boxes of the filer's category, as printed ("Large accelerated filer")."""
    shell_company: bool | None = None
    """The answer to "Indicate by check mark whether the registrant is a shell company"."""
    shares_outstanding: tuple[SharesOutstanding, ...] = ()
    """Shares outstanding of each class, with the date they were counted on."""


# "186,473,040 shares of common stock, par value $0.01 per share, of the registrant were
# outstanding", "257,960,636 shares of the registrant's Class A common stock outstanding".
_SHARES = re.compile(
    r"(?P<shares>\d{1,3}(?:,\d{3})+)\s+(?:common\s+|ordinary\s+)?(?:shares|units)"
    r"(?:\s+of\s+(?:the\s+\w+['\u2019]s\s+)?(?P<title>(?:[^,.;]|\.(?=\d))*?))?"
    r"(?=\s+(?:were|was|are|is|issued|outstanding|of\s+the|and|on|as\s+of)\b|[,;]|\.(?!\d)|$)",
    re.I,
)
# The count after its class: "Number of shares of common stock, $1.00 par value,
# outstanding as of February 14, 2013:   129,872,017"; before it in parentheses:
# "909,287,673 (Number of shares of common stock outstanding as of January 23, 2024)";
# and "296,627,443 of the registrant's ordinary shares, par value ..., were outstanding".
_NUMBER_OF_SHARES = re.compile(
    r"number\s+of\s+shares\s+of\s+(?P<title>[^:()]*?),?\s+outstanding\b[^:()\d]*"
    r"(?:\d[^:()]*?)?:\s*(?P<shares>\d{1,3}(?:,\d{3})+)",
    re.I,
)
_SHARES_BEFORE = re.compile(
    r"(?<![$\d,.])(?P<shares>\d{1,3}(?:,\d{3})+)\s*(?:\(\s*number\s+of\s+shares\s+of\s+"
    r"(?P<title>[^()]*?)\s+outstanding|of\s+the\s+\w+['\u2019]s\s+(?P<kind>[^,.;]*?shares)"
    r"(?:\s+of\s+(?P<of>[^,.;]*?)(?=\s+(?:were|are|outstanding)\b|[,.;]))?)",
    re.I,
)
# A count in millions or billions after its class: "The number of shares of common stock
# outstanding as of February 17, 2023 was 2.47 billion."
_SHARES_SCALED = re.compile(
    r"number\s+of\s+shares\s+of\s+(?P<title>[^:()]*?),?\s+outstanding\b[^:()]*?"
    r"\b(?:was|were|is|are|totaled)\s+(?P<shares>\d{1,3}(?:\.\d{1,3})?\s+(?:billion|million))\b",
    re.I,
)
# The count last, after "the number of outstanding shares": "the number of outstanding
# shares of the registrant's common stock, par value $0.0001 per share, was 267,639,590".
_OUTSTANDING_SHARES_WAS = re.compile(
    r"number\s+of\s+outstanding\s+shares\s+of\s+(?:the\s+\w+['\u2019]s\s+)?"
    r"(?P<title>[^,:()]*?),?(?:\s+par\s+value[^,]*,)?\s+(?:was|were|is|are)\s+"
    r"(?P<shares>\d{1,3}(?:,\d{3})+)",
    re.I,
)
# A count in millions or billions before its class: "821.2 million shares of Common Stock
# outstanding as of February 24, 1996".
_SCALED_SHARES = re.compile(
    r"(?<![$\d,.])(?P<shares>\d{1,3}(?:\.\d{1,3})?\s+(?:billion|million))\s+shares\s+of\s+"
    r"(?P<title>[^,.;()]*?)\s+outstanding\b",
    re.I,
)
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+")
# A sentence of a paragraph: to a period before the next sentence's capital, or the end.
_SENTENCE = re.compile(r"[^.]*(?:\.(?!\s+[A-Z])[^.]*)*(?:\.|$)")


def _shares(found: FoundValue, span: Span) -> list[SharesOutstanding]:
    """The classes and counts in a shares-outstanding paragraph (or its table's rows)."""
    lines = found.lines()
    text = " ".join(lines)
    date = parse_date(text)[0]
    out = [
        SharesOutstanding(clean(m["title"]) or None, m["shares"], date, span)
        for m in _NUMBER_OF_SHARES.finditer(text)
    ]
    out += [
        SharesOutstanding(
            clean(m["title"] or m["of"] or m["kind"]) or None, m["shares"], date, span
        )
        for m in _SHARES_BEFORE.finditer(text)
    ]
    for pattern in (_SHARES_SCALED, _OUTSTANDING_SHARES_WAS, _SCALED_SHARES):
        out += [
            SharesOutstanding(clean(m["title"]) or None, m["shares"], date, span)
            for m in pattern.finditer(text)
        ]
    if out:
        return out
    out = [
        SharesOutstanding(
            clean(m["title"]) or None if m["title"] else None, m["shares"], date, span
        )
        for m in _SHARES.finditer(text)
    ]
    if out:
        return out
    # A table: "Class ... 15,634,232,000", its rows the paragraph's lines after the first
    # (the rows of the cover's layout, or the lines of one paragraph that holds the table).
    raw = "\n".join(c.text for _, cells in found.value_rows for c in cells)
    rows = [clean(line) for line in raw.splitlines() if line.strip()]
    for line in rows[1:]:
        figure = _FIGURE.search(line)
        if figure:
            title = clean(line[: figure.start()]) or None
            out.append(SharesOutstanding(title, figure.group(), date, span))
    return out


def _shares_in_sentences(text: str, span: Span) -> list[SharesOutstanding]:
    """The counts a paragraph about something else states in a sentence of "outstanding".

    Each sentence is read alone, with its own date; a dollar amount is no count.
    """
    out: list[SharesOutstanding] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        if not re.search(r"(?i)\boutstanding\b", sentence):
            continue
        date = parse_date(sentence)[0]
        for pattern in (_NUMBER_OF_SHARES, _OUTSTANDING_SHARES_WAS, _SCALED_SHARES, _SHARES):
            for m in pattern.finditer(sentence):
                if sentence[: m.start("shares")].rstrip().endswith("$"):
                    continue
                title = clean(m["title"]) if m["title"] else None
                out.append(SharesOutstanding(title or None, m["shares"], date, span))
            if out:
                return out
    return out


class PeriodicDocument(DocumentTransformer):
    """The document rule of the periodic forms' grammars: items know their part."""

    def finish(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """Each item gets the number of the part whose heading comes before it."""
        out: list[Section] = []
        part: str | None = None
        for section in sections:
            if isinstance(section, PartHeading):
                part = section.number
            elif isinstance(section, Item) and part is not None:
                section = replace(section, part=part)
            out.append(section)
        return tuple(out)

    def cover(self, layout: CoverLayout) -> PeriodicCover:
        """The periodic report's cover page."""
        return PeriodicCover(**{**self.cover_values(layout), **periodic_cover_values(layout)})


def periodic_cover_values(layout: CoverLayout) -> dict[str, Any]:
    """The periodic cover's own attributes, from what its rows hold."""
    values: dict[str, list[tuple[FoundValue, Span]]] = {}
    for found, span in layout.values:
        values.setdefault(found.name, []).append((found, span))
    transition = next((f.text for f, _ in values.get("transition_period", [])), None)
    filled = re.sub(r"(?i)\b(?:from|to|the|transition|period)\b", "", transition or "")
    if transition is not None and not re.search(r"[A-Za-z]{3}|\d", filled):
        transition = None  # "from ______ to ______": left blank
    classes_12g = None
    if "securities_12g" in values:
        found = values["securities_12g"][0][0]
        lines = [line for line in found.lines() if line]
        classes_12g = () if all(is_not_applicable(line) for line in lines) else tuple(lines)
    categories = tuple(b.label for b in layout.boxes if b.field == "filer_category" and b.checked)
    if not categories and box_answer(layout.boxes, "accelerated_filer"):
        categories = ("Accelerated filer",)
    transition_box = box_answer(layout.boxes, "transition_report")
    if transition_box is None and any(
        b.checked for b in layout.boxes if b.field in ("annual_report", "quarterly_report")
    ):
        transition_box = False  # "(Mark One)": the other box is the one marked
    shares = [
        s for found, span in values.get("shares_outstanding", []) for s in _shares(found, span)
    ]
    if not shares:
        # "As of February 26, 2002, Ford had outstanding 1,735,756,535 shares of Common
        # Stock ... Based on ... the aggregate market value ...": one paragraph for both.
        for found, span in values.get("aggregate_market_value", []):
            shares += _shares_in_sentences(" ".join(found.lines()), span)
    return {
        "transition_report": transition_box,
        "transition_period": transition,
        "securities_12g": classes_12g,
        "filer_category": categories,
        "shell_company": box_answer(layout.boxes, "shell_company"),
        "shares_outstanding": tuple(shares),
    }


class PeriodicForm(Form):
    """What the periodic forms share (registers no form of its own)."""

    document = PeriodicDocument
    cover = PeriodicCover
    parts: ClassVar[tuple[type[PartTransformer], ...]] = (*DOCUMENT_PARTS, PeriodicTransformer)
    rules: ClassVar[tuple[type[Rule], ...]] = (*REGISTRANT_RULES, *SIGNATURE_RULES)
