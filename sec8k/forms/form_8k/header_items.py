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

# Item titles by meaning, to item numbers: (words, before 2004-08-23, after). A title
# means the first entry all of whose words it holds, in any order, singular or plural,
# whatever else it says ("Material Modifications to Rights of Security Holders" and
# "Material Modification to the Rights of Holders" are both 3.03). Earlier entries are
# the more specific ("Non-Reliance on ... Financial Statements" before "Financial
# Statements and Exhibits").
_ITEM_MEANINGS: tuple[tuple[frozenset[str], str | None, str | None], ...] = tuple(
    (frozenset(_word for _word in words.split()), old, new)
    for words, old, new in (
        ("termination material definitive", None, "1.02"),
        ("material definitive agreement", None, "1.01"),
        ("bankruptcy", "3", "1.03"),
        ("receivership", "3", "1.03"),
        ("mine safety", None, "1.04"),
        ("cybersecurity", None, "1.05"),
        ("acquisition disposition", "2", "2.01"),
        ("result operation", "12", "2.02"),
        ("triggering event", None, "2.04"),
        ("direct financial obligation", None, "2.03"),
        ("off balance sheet", None, "2.03"),
        ("exit disposal", None, "2.05"),
        ("material impairment", None, "2.06"),
        ("delisting", None, "3.01"),
        ("continued listing", None, "3.01"),
        ("transfer listing", None, "3.01"),
        ("unregistered sale equity", None, "3.02"),
        ("modification right", None, "3.03"),
        ("certifying accountant", "4", "4.01"),
        ("non reliance", None, "4.02"),
        ("nonreliance", None, "4.02"),
        ("change control", "1", "5.01"),
        ("departure director", "6", "5.02"),
        ("departure officer", "6", "5.02"),
        ("resignation director", "6", "5.02"),
        ("election director", "6", "5.02"),
        ("amendment article", "8", "5.03"),
        ("amendment bylaw", "8", "5.03"),
        ("change fiscal year", "8", "5.03"),
        ("suspension trading", "11", "5.04"),
        ("code ethic", "10", "5.05"),
        ("shell company", None, "5.06"),
        ("submission matter vote", None, "5.07"),
        ("shareholder director nomination", None, "5.08"),
        ("abs informational", None, "6.01"),
        ("servicer", None, "6.02"),
        ("trustee", None, "6.02"),
        ("credit enhancement", None, "6.03"),
        ("failure required distribution", None, "6.04"),
        ("act updating", None, "6.05"),
        ("static pool", None, "6.06"),
        ("regulation fd", "9", "7.01"),
        ("regulation sale equity", "9", "7.01"),
        ("other event", "5", "8.01"),
        ("financial statement", "7", "9.01"),
        ("exhibit", "7", "9.01"),
    )
)
_WORD = re.compile(r"[a-z]+")


def _words(title: str) -> set[str]:
    """A title's words, lower case and singular ("Modifications" -> "modification")."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _WORD.findall(title.lower())}


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
    words = _words(text)
    for meaning, old, new in _ITEM_MEANINGS:
        if meaning <= words:
            return old if old_era else new
    return None
