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
        date = filing.cover.period_of_report  # an 8-K's is its date of report
    return date


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` for the last."""
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = following - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: datetime.date) -> datetime.date:
    """A holiday on a Saturday is observed on Friday, one on a Sunday on Monday."""
    if day.weekday() == 5:
        return day - datetime.timedelta(days=1)
    if day.weekday() == 6:
        return day + datetime.timedelta(days=1)
    return day


def federal_holidays(year: int) -> frozenset[datetime.date]:
    """The days the SEC is closed for federal holidays in ``year`` (5 U.S.C. 6103).

    Martin Luther King Jr. Day from 1986, Juneteenth from 2021; Monday holidays as set by
    the Uniform Monday Holiday Act (in force before the corpus begins).
    """
    fixed = [datetime.date(year, 1, 1), datetime.date(year, 7, 4), datetime.date(year, 11, 11)]
    fixed.append(datetime.date(year, 12, 25))
    if year >= 2021:
        fixed.append(datetime.date(year, 6, 19))
    days = {_observed(day) for day in fixed}
    days.add(_nth_weekday(year, 2, 0, 3))  # Washington's Birthday
    days.add(_nth_weekday(year, 5, 0, -1))  # Memorial Day
    days.add(_nth_weekday(year, 9, 0, 1))  # Labor Day
    days.add(_nth_weekday(year, 10, 0, 2))  # Columbus Day
    days.add(_nth_weekday(year, 11, 3, 4))  # Thanksgiving
    if year >= 1986:
        days.add(_nth_weekday(year, 1, 0, 3))  # Martin Luther King Jr. Day
    # New Year's Day of the next year, observed on this year's December 31.
    days.add(_observed(datetime.date(year + 1, 1, 1)))
    return frozenset(d for d in days if d.year == year)


def business_days(start: datetime.date, end: datetime.date) -> int:
    """Business days after ``start`` up to and including ``end``.

    A business day is a weekday that is not a federal holiday.
    """
    days = 0
    day = start
    holidays: frozenset[datetime.date] = frozenset()
    year = 0
    while day < end:
        day += datetime.timedelta(days=1)
        if day.year != year:
            year, holidays = day.year, federal_holidays(day.year)
        if day.weekday() < 5 and day not in holidays:
            days += 1
    return days
