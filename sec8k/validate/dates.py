"""The dates the rules of Form 8-K turn on (SPEC.md section 3.3)."""

from __future__ import annotations

import datetime

from sec8k.model import Filing

__all__ = [
    "CHECK_BOXES_FROM",
    "EGC_BOXES_FROM",
    "NEW_ITEMS_FROM",
    "NEW_ITEM_DATES",
    "OLD_ITEM_DATES",
    "TABLE_12B_FROM",
    "filed",
    "reference_date",
]

NEW_ITEMS_FROM = datetime.date(2004, 8, 23)
"""Release 33-8400: items 1.01-9.01 replace items 1-12."""

# Items that came into force after the others (FR2005, PDE2010, PA2011, MINE, CYBER; the
# asset-backed items with Regulation AB, effective 2005-03-08, and its 2014 revision).
NEW_ITEM_DATES = {
    "5.06": datetime.date(2005, 11, 7),
    "5.07": datetime.date(2010, 2, 28),
    "5.08": datetime.date(2011, 9, 20),
    "1.04": datetime.date(2012, 1, 27),
    "1.05": datetime.date(2023, 12, 18),
    "6.01": datetime.date(2005, 3, 8),
    "6.02": datetime.date(2005, 3, 8),
    "6.03": datetime.date(2005, 3, 8),
    "6.04": datetime.date(2005, 3, 8),
    "6.05": datetime.date(2005, 3, 8),
    "6.06": datetime.date(2014, 11, 23),
}
NEW_ITEMS = frozenset(
    {"1.01", "1.02", "1.03", "2.01", "2.02", "2.03", "2.04", "2.05", "2.06", "3.01", "3.02"}
    | {"3.03", "4.01", "4.02", "5.01", "5.02", "5.03", "5.04", "5.05", "7.01", "8.01", "9.01"}
    | set(NEW_ITEM_DATES)
)
"""Every item number of the form since 2004."""

# Old items added late: Item 12, earnings releases, after 2003-03-28 (KJK03).
OLD_ITEM_DATES = {"12": datetime.date(2003, 3, 28)}
OLD_ITEMS = frozenset(str(n) for n in range(1, 13))

CHECK_BOXES_FROM = NEW_ITEMS_FROM
"""The four General Instruction A.2 boxes: on the cover since the 2004 form."""
EGC_BOXES_FROM = datetime.date(2017, 4, 12)
"""Release 33-10332: the emerging growth company boxes."""
TABLE_12B_FROM = datetime.date(2019, 5, 2)
"""Release 33-10618 (FAST Act): the Section 12(b) table with trading symbols."""


def filed(filing: Filing) -> datetime.date | None:
    """The filing date, from the SEC header's FILED AS OF DATE, where there is a header."""
    return filing.header.filed_as_of if filing.header is not None else None


def reference_date(filing: Filing) -> datetime.date | None:
    """The date the form's rules apply as of: the filing date, else the date of report."""
    date = filed(filing)
    if date is None and filing.cover is not None:
        date = filing.cover.date_of_report
    return date
