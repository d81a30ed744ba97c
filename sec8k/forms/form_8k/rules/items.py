"""Rules about the items of the report."""

from __future__ import annotations

import itertools
import re

from sec8k.diagnostics import Severity
from sec8k.forms.form_8k.dates import (
    NEW_ITEM_DATES,
    NEW_ITEMS,
    NEW_ITEMS_FROM,
    OLD_ITEM_DATES,
    OLD_ITEMS,
    reference_date,
)
from sec8k.forms.form_8k.rules.base import Report, Rule8K
from sec8k.model import Filing
from sec8k.validate import rule


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


@rule
class UnknownItem(Rule8K):
    """An item number the form never had.

    **Anti-pattern**: "Item 5.09", "Item 13", "Item 10.01".
    **Fix**: use an item of the form: 1-12 before 2004-08-23, 1.01-9.01 after.
    """

    code = "ITM001"
    name = "items.unknown-number"
    severity = Severity.ERROR

    def check(self, filing: Filing, report: Report) -> None:
        """Report each item number outside both numberings."""
        for item in filing.items:
            if item.number not in NEW_ITEMS and item.number not in OLD_ITEMS:
                report(f"item {item.number} is no item of Form 8-K", item.heading_span)


@rule
class WrongEraItem(Rule8K):
    """An item number of the other numbering for the filing's date.

    Release 33-8400 replaced items 1-12 by items 1.01-9.01 on 2004-08-23. The date is the
    filing date where the SEC header gives it, else the date of report.
    **Fix**: number the item as the form in force on the filing date does.
    """

    code = "ITM002"
    name = "items.wrong-numbering"
    severity = Severity.ERROR

    def check(self, filing: Filing, report: Report) -> None:
        """Report old numbers after 2004-08-23 and new numbers before."""
        date = reference_date(filing)
        if date is None:
            return
        for item in filing.items:
            if date >= NEW_ITEMS_FROM and item.number in OLD_ITEMS:
                report(
                    f"item {item.number} is an old item number, retired on 2004-08-23",
                    item.heading_span,
                )
            elif date < NEW_ITEMS_FROM and item.number in NEW_ITEMS:
                report(f"item {item.number} did not exist before 2004-08-23", item.heading_span)


@rule
class ItemNotYetInForce(Rule8K):
    """An item used before it came into force.

    Item 5.06 from 2005-11-07, 5.07 from 2010-02-28, 5.08 from 2011-09-20, 1.04 from
    2012-01-27, 1.05 from 2023-12-18; 6.01-6.05 with Regulation AB (2005-03-08), 6.06 with
    its revision (2014-11-23); old Item 12 from 2003-03-28.
    **Fix**: report the event under the item in force on the filing date.
    """

    code = "ITM003"
    name = "items.not-yet-in-force"
    severity = Severity.ERROR

    def check(self, filing: Filing, report: Report) -> None:
        """Report each item used before its effective date."""
        date = reference_date(filing)
        if date is None:
            return
        for item in filing.items:
            start = NEW_ITEM_DATES.get(item.number) or OLD_ITEM_DATES.get(item.number)
            if start is not None and date < start:
                report(
                    f"item {item.number} did not exist before {start.isoformat()}",
                    item.heading_span,
                )


@rule
class DuplicateItem(Rule8K):
    """The same item heading twice.

    **Fix**: report everything an item covers under one heading.
    """

    code = "ITM004"
    name = "items.duplicate"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report the second and later headings of an item."""
        seen: set[str] = set()
        for item in filing.items:
            if item.number in seen:
                report(f"item {item.number} appears twice", item.heading_span)
            seen.add(item.number)


@rule
class ItemsOutOfOrder(Rule8K):
    """Items out of numerical order.

    The form lists items in order; filers sometimes put the exhibits item first or an
    earnings item last. Not wrong, but worth a look.
    """

    code = "ITM005"
    name = "items.out-of-order"
    severity = Severity.INFO

    def check(self, filing: Filing, report: Report) -> None:
        """Report the first item that comes after a higher-numbered one."""
        items = filing.items
        for before, after in itertools.pairwise(items):
            if _key(after.number) < _key(before.number):
                report(f"item {after.number} comes after item {before.number}", after.heading_span)
                return


@rule
class EmptyItem(Rule8K):
    """An item heading with nothing under it.

    **Fix**: give the item's information, or leave the heading out.
    """

    code = "ITM006"
    name = "items.empty"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report each heading without a body."""
        for item in filing.items:
            if not item.text.strip():
                report(f"item {item.number} has no text", item.heading_span)


_UNDETERMINED = re.compile(
    r"(?i)ha(?:s|ve)\s+not\s+(?:yet\s+)?(?:determined|concluded)|not\s+(?:yet\s+)?determined"
    r"|does\s+not\s+(?:currently\s+)?believe.{0,80}material|no\s+material\s+impact"
)


@rule
class VoluntaryCybersecurityDisclosure(Rule8K):
    """An incident reported under Item 1.05 that the filer has not found material.

    The SEC's 2024 guidance: Item 1.05 is for incidents the registrant has determined to
    be material; an incident not (yet) found material may be disclosed under Item 8.01.
    """

    code = "ITM007"
    name = "items.voluntary-cybersecurity"
    severity = Severity.INFO

    def check(self, filing: Filing, report: Report) -> None:
        """Report Item 1.05 text that says materiality is undetermined or denied."""
        for item in filing.items:
            if item.number == "1.05" and _UNDETERMINED.search(item.text):
                report(
                    "Item 1.05 reports an incident not determined to be material; "
                    "Item 8.01 is for voluntary disclosures",
                    item.heading_span,
                )


__all__ = [
    "DuplicateItem",
    "EmptyItem",
    "ItemNotYetInForce",
    "ItemsOutOfOrder",
    "UnknownItem",
    "VoluntaryCybersecurityDisclosure",
    "WrongEraItem",
]
