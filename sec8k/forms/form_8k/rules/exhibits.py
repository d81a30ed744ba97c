"""Rules about exhibits and the item that lists them."""

from __future__ import annotations

import re

from sec8k.diagnostics import Severity
from sec8k.forms.form_8k.rules.base import Report, Rule8K
from sec8k.model import Filing
from sec8k.validate import rule

__all__ = ["ExhibitItemEmpty", "ExhibitItemMissing"]

_EXHIBIT_ITEMS = ("7", "9.01")


@rule
class ExhibitItemMissing(Rule8K):
    """Exhibits are filed but there is no Item 9.01 (Item 7 before 2004-08-23).

    Attached XBRL schema and linkbase files (EX-101.SCH, .LAB ...) travel with inline XBRL
    and are not counted.

    **Fix**: list the exhibits under "Item 9.01 Financial Statements and Exhibits" (Item 7
    before 2004-08-23).
    """

    code = "EXH001"
    name = "exhibits.item-missing"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report attached or listed exhibits without the exhibits item."""
        if not filing.items or any(item.number in _EXHIBIT_ITEMS for item in filing.items):
            return  # nothing read (a header alone), or the item is there
        attached = [
            d
            for d in filing.documents
            if (d.type or "").startswith("EX-") and not (d.type or "").startswith("EX-101.")
        ]
        if attached or filing.exhibits:
            count = len(attached)
            what = (
                f"{count} exhibit{' is' if count == 1 else 's are'} attached"
                if attached
                else "exhibits are listed"
            )
            where = filing.items[-1].span
            report(f"{what} but the report has no Item 9.01 (or Item 7)", where)


@rule
class ExhibitItemEmpty(Rule8K):
    """Item 9.01 (or Item 7) lists no exhibits and the report has no exhibit index.

    Not reported where the item says there are none ("None", "Not applicable") or is
    about financial statements (of a business acquired, pro forma, to be filed by
    amendment), which the item may hold without any exhibit.
    """

    code = "EXH002"
    name = "exhibits.item-empty"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report an exhibits item with no exhibit rows and nothing else to say."""
        if filing.exhibits:
            return
        for item in filing.items:
            if item.number in _EXHIBIT_ITEMS and not _NOTHING_TO_LIST.search(item.text):
                report(f"Item {item.number} lists no exhibits", item.heading_span)


_NOTHING_TO_LIST = re.compile(
    r"(?i)\bnone\b|not\s+applicable|financial\s+statements\s+of|pro\s+forma"
    r"|by\s+amendment"
)
