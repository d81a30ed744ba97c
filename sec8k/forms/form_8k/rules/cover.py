"""Rules of the Form 8-K cover page: its dates, boxes and tables, and the 8-K/A."""

from __future__ import annotations

import re

from sec8k.diagnostics import Severity
from sec8k.forms.form_8k.dates import (
    CHECK_BOXES_FROM,
    EGC_BOXES_FROM,
    NEW_ITEMS_FROM,
    TABLE_12B_FROM,
    business_days,
    filed,
)
from sec8k.forms.form_8k.rules.base import Report, Rule8K, cover_8k, cover_since
from sec8k.model import Filing
from sec8k.validate import rule

__all__ = [
    "AmendmentUnexplained",
    "CheckBoxesMissing",
    "EgcBoxMissing",
    "FiledLate",
    "MissingDateOfReport",
    "ReportAfterFiling",
    "Table12bMissing",
]


@rule
class ReportAfterFiling(Rule8K):
    """The date of report is after the filing date: an event cannot be reported before it happens.

    **Fix**: print the date of the earliest event reported.
    """

    code = "CVR001"
    name = "cover.report-after-filing"
    severity = Severity.ERROR

    def check(self, filing: Filing, report: Report) -> None:
        """Compare the cover's date of report with FILED AS OF DATE."""
        date = filed(filing)
        cover = cover_8k(filing)
        if date is None or cover is None or cover.date_of_report is None:
            return
        if cover.date_of_report > date:
            report(
                f"the date of report {cover.date_of_report.isoformat()} is after the filing "
                f"date {date.isoformat()}",
                cover.date_of_report_span or cover.span,
            )


# Items without the four-business-day deadline: Regulation FD sets 7.01's timing, 8.01
# is voluntary, 9.01 goes with another item.
_NO_DEADLINE = frozenset({"7.01", "8.01", "9.01"})


@rule
class FiledLate(Rule8K):
    """The report was filed more than four business days after the event.

    General Instruction B.1 (since 2004-08-23) gives four business days, federal holidays
    not counted. Reports under Items 7.01, 8.01 and 9.01 alone have no such deadline, and
    some items allow more, so this is for information only.
    """

    code = "CVR002"
    name = "cover.filed-late"
    severity = Severity.INFO

    def check(self, filing: Filing, report: Report) -> None:
        """Count the business days between the date of report and the filing date."""
        date = filed(filing)
        cover = cover_8k(filing)
        if date is None or cover is None or cover.date_of_report is None:
            return
        if cover.date_of_report < NEW_ITEMS_FROM:
            return  # the deadlines were 5 business or 15 calendar days by item then
        if all(item.number in _NO_DEADLINE for item in filing.items):
            return
        days = business_days(cover.date_of_report, date)
        if days > 4:
            report(
                f"filed {days} business days after the date of report",
                cover.date_of_report_span or cover.span,
            )


@rule
class MissingDateOfReport(Rule8K):
    """The cover page has no "Date of Report (Date of earliest event reported)"."""

    code = "CVR004"
    name = "cover.missing-date-of-report"
    severity = Severity.ERROR

    def check(self, filing: Filing, report: Report) -> None:
        """Report a cover without a date of report."""
        cover = cover_8k(filing)
        if cover is not None and cover.date_of_report is None:
            report("the cover page gives no date of report", cover.span)


@rule
class CheckBoxesMissing(Rule8K):
    """A cover filed since 2004-08-23 without the four General Instruction A.2 check boxes."""

    code = "CVR010"
    name = "cover.missing-check-boxes"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report a recent cover whose boxes were not found."""
        cover = cover_since(filing, CHECK_BOXES_FROM)
        if cover is None:
            return
        boxes = cover.checkboxes.answers() if cover.checkboxes else {}
        if not boxes or any(value is None for value in boxes.values()):
            report("the cover page lacks one or more of the four A.2 check boxes", cover.span)


@rule
class EgcBoxMissing(Rule8K):
    """A cover filed since 2017-04-12 without the emerging growth company check box."""

    code = "CVR011"
    name = "cover.missing-egc-box"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report a recent cover without the EGC box."""
        cover = cover_since(filing, EGC_BOXES_FROM)
        if cover is None:
            return
        if cover.emerging_growth_company is None:
            report("the cover page lacks the emerging growth company check box", cover.span)


@rule
class Table12bMissing(Rule8K):
    """A cover filed since 2019-05-02 without the Section 12(b) table.

    Reported where the registrant has securities listed: its inline XBRL names a trading
    symbol.
    """

    code = "CVR012"
    name = "cover.missing-12b-table"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report a recent cover of a listed registrant without the table."""
        cover = cover_since(filing, TABLE_12B_FROM)
        if cover is None:
            return
        if cover.securities_12b is None and filing.xbrl.get("TradingSymbol"):
            report("the cover page lacks the Section 12(b) table", cover.span)


# "The Securities Exchange Act of 1934, as amended" names a statute, not this report.
_AS_AMENDED = re.compile(r"(?i)\bas\s+amended\b")
_EXPLAINS_AMENDMENT = re.compile(r"(?i)\bamend")


@rule
class AmendmentUnexplained(Rule8K):
    """An 8-K/A that does not say what it amends.

    An amendment states which report it amends and why; look for the word "amend" (not
    the statutory "as amended") in the cover and the start of the first item.
    """

    code = "FRM002"
    name = "form.amendment-unexplained"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Look for an explanation in the cover's text and the first item."""
        if not (filing.form_type or "").endswith("/A"):
            return
        texts = [u.text for u in filing.unrecognized]
        if filing.cover is not None:
            texts.extend(part.text for part in filing.cover.parts)
        if filing.items:
            texts.append(filing.items[0].text[:2000])
        if not any(_EXPLAINS_AMENDMENT.search(_AS_AMENDED.sub("", text)) for text in texts):
            report(
                "the 8-K/A does not say which report it amends",
                filing.cover.span if filing.cover else None,
            )
