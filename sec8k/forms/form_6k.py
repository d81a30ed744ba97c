"""Form 6-K, the report of a foreign private issuer (and 6-K/A)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args

from sec8k.forms import Form
from sec8k.model import CoverPage, Registrant, ReportText
from sec8k.transform import DocumentTransformer
from sec8k.transform.base import PartTransformer, extent
from sec8k.transform.cover import CoverLayout, CoverTransformer
from sec8k.transform.exhibits import ExhibitsTransformer
from sec8k.transform.signature import SignatureTransformer
from sec8k.transform.values import parse_date
from sec8k.validate import Rule
from sec8k.validate.cover import MissingFileNumber, MissingRegistrantName
from sec8k.validate.signature import SIGNATURE_RULES

__all__ = ["Cover6K", "Form6K", "Form6KDocument", "ReportTransformer"]

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_YEAR = re.compile(r"(?i)\b([a-z]{3,9})\.?,?\s+(\d{4})\b")
_ANNUAL_FORM = re.compile(r"(?i)\b(20|40)\s*[-\u2011]\s*F\b")


@dataclass(frozen=True, slots=True)
class Cover6K(CoverPage):
    """The cover page of Form 6-K."""

    report_month: str | None = None
    """The month of the report, "YYYY-MM", from "For the month of February 2025"."""
    annual_report_form: str | None = None
    """The annual report form the issuer files, "20-F" or "40-F", as its checked box says."""


def _month(text: str) -> str | None:
    match = _MONTH_YEAR.search(text)
    if match is None:
        return None
    name = match.group(1).lower()
    month = next((i for i, m in enumerate(_MONTHS, 1) if m.startswith(name[:3])), None)
    return f"{match.group(2)}-{month:02d}" if month else None


class ReportTransformer(PartTransformer):
    """The 6-K's report: the text after the cover."""

    terminal_names: ClassVar[dict[str, str]] = {
        "REPORT_START": "the first sentence of the report",
    }

    @v_args(meta=True)
    def report(self, meta: Meta, children: list[Token]) -> ReportText:
        """What the issuer reports."""
        text, start, end = extent(self.ctx, meta)
        return ReportText(text, self.ctx.span(start, end))

    @v_args(meta=True)
    def furnished(self, meta: Meta, children: list[Token]) -> ReportText:
        """What the issuer reports after the signature page."""
        text, start, end = extent(self.ctx, meta)
        return ReportText(text, self.ctx.span(start, end))


class Form6KDocument(DocumentTransformer):
    """The document rule of ``form_6k.lark``."""

    def cover(self, layout: CoverLayout) -> Cover6K:
        """The 6-K's cover: its month, its annual report form, the registrant.

        The registrant's name is the translation into English where only that is printed.
        """
        values = self.cover_values(layout)
        month = layout.first("report_month")
        printed = layout.first("date")
        translated = layout.first("translated_name")
        registrants = layout.registrants
        if translated and registrants and not registrants[0].name:
            registrants = (replace(registrants[0], name=translated[0].text), *registrants[1:])
        elif translated and not registrants:
            registrants = (Registrant(name=translated[0].text, span=translated[1]),)
        checked = [b.label for b in layout.boxes if b.field == "annual_report_form" and b.checked]
        form = _ANNUAL_FORM.search(checked[0]) if checked else None
        own: dict[str, Any] = {
            "registrants": registrants,
            "report_month": _month(month[0].text) if month else None,
            "annual_report_form": f"{form.group(1)}-F" if form else None,
        }
        if values["period_of_report"] is None and printed is not None:
            own["period_of_report"] = parse_date(printed[0].text)[0]
        return Cover6K(**{**values, **own})


class Form6K(Form):
    """Form 6-K: the report of a foreign private issuer (no items; a report and exhibits)."""

    name = "6-K"
    document_types = ("6-K", "6-K/A")
    titles = (r"6-K(?:[ \t]*/[ \t]*A)?",)
    mastheads = (r"REPORT[ \t]+OF[ \t]+FOREIGN[ \t]+(?:PRIVATE[ \t]+)?ISSUER",)
    grammar_file = "form_6k.lark"
    document = Form6KDocument
    cover = Cover6K
    parts: ClassVar[tuple[type[PartTransformer], ...]] = (
        CoverTransformer,
        SignatureTransformer,
        ExhibitsTransformer,
        ReportTransformer,
    )
    rules: ClassVar[tuple[type[Rule], ...]] = (
        MissingRegistrantName,
        MissingFileNumber,
        *SIGNATURE_RULES,
    )
