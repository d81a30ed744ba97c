"""Rules about exhibits and the item that lists them."""

from __future__ import annotations

from collections.abc import Callable

from sec8k.diagnostics import Severity
from sec8k.model import Filing
from sec8k.span import Span
from sec8k.validate import Rule, rule

__all__ = ["ExhibitItemEmpty", "ExhibitItemMissing"]

Report = Callable[[str, Span | None], None]
_EXHIBIT_ITEMS = ("7", "9.01")


@rule
class ExhibitItemMissing(Rule):
    """Exhibits are filed but there is no Item 9.01 (Item 7 before 2004-08-23).

    **Fix**: list the exhibits under "Item 9.01 Financial Statements and Exhibits".
    """

    code = "EXH001"
    name = "exhibits.item-missing"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report attached or listed exhibits without the exhibits item."""
        if any(item.number in _EXHIBIT_ITEMS for item in filing.items):
            return
        attached = [d for d in filing.documents if (d.type or "").startswith("EX-")]
        if attached or filing.exhibits:
            what = f"{len(attached)} exhibits are attached" if attached else "exhibits are listed"
            where = filing.items[-1].span if filing.items else None
            report(f"{what} but the report has no Item 9.01 (or Item 7)", where)


@rule
class ExhibitItemEmpty(Rule):
    """Item 9.01 (or Item 7) lists no exhibits and the report has no exhibit index."""

    code = "EXH002"
    name = "exhibits.item-empty"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Report an exhibits item with no exhibit rows."""
        if filing.exhibits:
            return
        for item in filing.items:
            if item.number in _EXHIBIT_ITEMS:
                report(f"Item {item.number} lists no exhibits", item.heading_span)
