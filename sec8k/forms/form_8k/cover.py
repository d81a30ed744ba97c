"""The cover page of Form 8-K: the date of report, the former name, the A.2 check boxes."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from sec8k.diagnostics import TRN_BAD_DATE
from sec8k.model import CheckBox, CoverPage, Node, box_answer
from sec8k.span import Span
from sec8k.transform.base import Context, new_node
from sec8k.transform.cover import CoverLayout
from sec8k.transform.values import is_not_applicable, parse_date

__all__ = ["A2_BOXES", "CheckBoxes", "Cover8K", "cover_8k_values"]

A2_BOXES = (
    "written_communications",
    "soliciting_material",
    "pre_commencement_tender_offer",
    "pre_commencement_issuer_tender_offer",
)
"""The fields of the four General Instruction A.2 boxes, as form_8k.lark names them."""

# A date in parentheses after the date of report, perhaps after its own label: "(November
# 8, 2002)", "(Date of earliest event reported: November 8, 2002)", "(11/8/2002)".
_PAREN_DATE = re.compile(
    r"\((?:[^():]{1,60}:\s*)?(\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s*\d{4}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))\s*)\)"
)

# The words before a former name printed under the name: "(Formerly known as X)".
_FORMERLY = re.compile(r"(?i)^\(?\s*(?:formerly(?:\s+known\s+as)?|f/k/a)[\s:]+")


@dataclass(frozen=True, slots=True)
class CheckBoxes(Node):
    """The four General Instruction A.2 check boxes (Rule 425, 14a-12, 14d-2(b), 13e-4(c))."""

    written_communications: bool | None = None
    """Rule 425 under the Securities Act."""
    soliciting_material: bool | None = None
    """Rule 14a-12 under the Exchange Act."""
    pre_commencement_tender_offer: bool | None = None
    """Rule 14d-2(b) under the Exchange Act."""
    pre_commencement_issuer_tender_offer: bool | None = None
    """Rule 13e-4(c) under the Exchange Act."""
    span: Span | None = None
    """From the first box to the last."""

    def answers(self) -> dict[str, bool | None]:
        """Each box by name: checked, unchecked, or None where it was not found."""
        return {name: getattr(self, name) for name in A2_BOXES}


@dataclass(frozen=True, slots=True)
class Cover8K(CoverPage):
    """The cover page of Form 8-K."""

    date_of_report: datetime.date | None = None
    """Date of report (date of earliest event reported)."""
    date_of_report_text: str | None = None
    """The date as printed."""
    date_of_report_span: Span | None = None
    """Where the date of report was printed."""
    date_of_earliest_event: datetime.date | None = None
    """A second date printed in parentheses after the date of report, where a cover prints
    both ("October 3, 2000 (September 21, 2000)"): the earliest event's."""
    former_name: str | None = None
    """Former name or former address, if changed since last report (None for "N/A")."""
    checkboxes: CheckBoxes | None = None
    """The four A.2 check boxes, or None where the cover has none."""
    extended_transition_period: bool | None = None
    """The extended transition period box (2017 on), or None where absent."""

    def period_dates(self) -> tuple[datetime.date, ...]:
        """The date of report, and the earliest event's where the cover prints both.

        Filers who print "March 14, 2002 (March 6, 2002)" give EDGAR either date as the
        period of report (4 of 9 such filings read by hand took the second).
        """
        dates = (self.period_of_report, self.date_of_earliest_event)
        return tuple(date for date in dates if date is not None)


def _check_boxes(boxes: tuple[CheckBox, ...]) -> CheckBoxes | None:
    found: dict[str, bool] = {}
    spans: list[Span] = []
    for box in boxes:
        if box.field in A2_BOXES and box.field not in found:
            found[box.field] = box.checked
            spans.append(box.span)
    if not found:
        return None
    return new_node(CheckBoxes, {**found, "span": Span.enclosing(spans)})


def cover_8k_values(layout: CoverLayout, ctx: Context) -> dict[str, Any]:
    """The 8-K's own cover attributes.

    The date of report is the first printed (a date in parentheses after it, or in a
    caption just under it, is the earliest event's); then the former name unless "N/A",
    the A.2 boxes, the extended transition period box.
    """
    date = event = None
    text = span = None
    date_row = -2
    names = ("date_of_report", "event_date")
    reports = [(f, s) for f, s in layout.values if f.name in names]
    reports = reports or [(f, s) for f, s in layout.values if f.name == "date"][:1]
    for found, where in reports:
        if found.name == "event_date":
            # "(September 21, 2000)" on the row under the date of report, or a date beside
            # its own label ("Date of earliest event reported: December 20, 1996").
            captioned = any(
                c.kind.startswith("CAPTION") for _, row in found.value_rows for c in row
            )
            if (found.order == date_row + 1 or not captioned) and event is None:
                event = parse_date(found.text)[0]
            continue
        if text is not None:
            continue
        printed = found.text
        # "July 14, 2000 (July 14, 2000)": the date of report, then in the caption's
        # "X (Y)" shape the date of the earliest event.
        paren = _PAREN_DATE.search(printed)
        first = printed[: paren.start()] if paren and paren.start() > 0 else printed
        parsed, is_date = parse_date(first)
        if parsed is None and is_date:
            message = f"date of report {first.strip()!r} is not a calendar date"
            ctx.sink.report(TRN_BAD_DATE, message, where)
        date, text, span, date_row = parsed, first.strip(" ()"), where, found.order
        if paren and paren.start() > 0:
            event = parse_date(paren.group(1))[0]
    former = next(
        (
            _FORMERLY.sub("", f.text).strip(" ()") or f.text
            for f, _ in layout.values
            if f.name == "former_name" and f.text and not is_not_applicable(f.text)
        ),
        None,
    )
    return {
        "period_of_report": date,
        "date_of_report": date,
        "date_of_report_text": text,
        "date_of_report_span": span,
        "date_of_earliest_event": event,
        "former_name": former,
        "checkboxes": _check_boxes(layout.boxes),
        "extended_transition_period": box_answer(layout.boxes, "extended_transition_period"),
    }
