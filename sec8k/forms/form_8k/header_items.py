"""The items EDGAR's header names by title (ITEM INFORMATION) or code (<ITEMS>), as numbers.

The SEC header of an 8-K lists the items it reports; sec8k compares them with the items
the body prints (HDR001). Only the number is compared, so the title is read as the item
it meant in the filing's era: "Other Events" is Item 5 before 2004-08-23, Item 8.01 after.
"""

from __future__ import annotations

import datetime
import re

from sec8k.forms.form_8k.dates import NEW_ITEMS_FROM

__all__ = ["header_item_number"]

# Item titles as EDGAR prints them, to item numbers: (pattern, before 2004-08-23, after).
_ITEM_TITLES: tuple[tuple[re.Pattern[str], str | None, str | None], ...] = tuple(
    (re.compile(pattern, re.I), old, new)
    for pattern, old, new in (
        (r"entry into a material definitive", None, "1.01"),
        (r"termination of a material definitive", None, "1.02"),
        (r"bankruptcy or receivership", "3", "1.03"),
        (r"mine safety", None, "1.04"),
        (r"cybersecurity", None, "1.05"),
        (r"acquisition or disposition of assets", "2", "2.01"),
        (r"results of operations and financial condition", "12", "2.02"),
        (r"creation of a direct financial obligation", None, "2.03"),
        (r"triggering events", None, "2.04"),
        (r"exit or disposal", None, "2.05"),
        (r"material impairments", None, "2.06"),
        (r"delisting|continued listing", None, "3.01"),
        (r"unregistered sales? of equity", None, "3.02"),
        (r"material modifications? to (?:the )?rights", None, "3.03"),
        (r"certifying accountant", "4", "4.01"),
        (r"non-?reliance", None, "4.02"),
        (r"changes? in control of registrant", "1", "5.01"),
        (r"departure of directors|resignations? of registrant", "6", "5.02"),
        (r"amendments? to articles|change in fiscal year", "8", "5.03"),
        (r"suspension of trading", "11", "5.04"),
        (r"code of ethics", "10", "5.05"),
        (r"shell company status", None, "5.06"),
        (r"submission of matters to a vote", None, "5.07"),
        (r"shareholder director nominations", None, "5.08"),
        (r"abs informational", None, "6.01"),
        (r"change of servicer", None, "6.02"),
        (r"change in credit enhancement", None, "6.03"),
        (r"failure to make a required distribution", None, "6.04"),
        (r"securities act updating", None, "6.05"),
        (r"static pool", None, "6.06"),
        (r"regulation fd|sales of equity securities pursuant to regulation s", "9", "7.01"),
        (r"^other events", "5", "8.01"),
        (r"financial statements", "7", "9.01"),
    )
)
_CODE = re.compile(r"^\s*(\d{1,2})(?:\.(\d{2}))?\s*$")


def header_item_number(text: str, filed: datetime.date | None) -> str | None:
    """The item an ITEM INFORMATION title or <ITEMS> code means for a filing of ``filed``.

    "Other Events" is Item 5 before 2004-08-23 and Item 8.01 after; "2.02" is 2.02.
    """
    code = _CODE.match(text)
    if code:
        major, minor = code.groups()
        return f"{int(major)}.{minor}" if minor else str(int(major))
    old_era = filed is not None and filed < NEW_ITEMS_FROM
    for pattern, old, new in _ITEM_TITLES:
        if pattern.search(text):
            return old if old_era else new
    return None
