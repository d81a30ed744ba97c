"""Value conversions: dates, jurisdictions, identifiers, as printed on covers."""

from __future__ import annotations

import datetime
import re
from typing import Any, Final

__all__ = [
    "JURISDICTION_CODES",
    "clean",
    "is_not_applicable",
    "jurisdiction_code",
    "parse_date",
]

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DATE_WORDS: Final = re.compile(
    r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"
    # "the 8th day of January, 2025", as attestations date themselves.
    r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+([a-z]{3,9})\.?,?\s+(\d{4})\b"
)


def parse_date(text: str) -> tuple[datetime.date | None, bool]:
    """Read the first date in ``text``.

    Dates as 8-Ks print them: "November 12, 2002", "March 21,2003", "12/17/2013", "the 8th
    day of January, 2025". Returns ``(date, found)``: ``found`` is True when something
    shaped like a date was there, even if it is no calendar date ("February 30, 2004"
    gives ``(None, True)``).
    """
    for match in _DATE_WORDS.finditer(text):
        # The groups read once, as strings: each group() was a method call through Python's
        # protocol, and a value typed Any is lowered and converted through it too.
        groups: tuple[str | None, ...] = match.groups()
        word = groups[0]
        if word:
            month = _MONTHS.get(word.lower())
            if month is None:
                continue
            day, year = int(_group(groups, 1)), int(_group(groups, 2))
        elif groups[6]:
            month = _MONTHS.get(_group(groups, 7).lower())
            if month is None:
                continue
            day, year = int(_group(groups, 6)), int(_group(groups, 8))
        else:
            month, day = int(_group(groups, 3)), int(_group(groups, 4))
            year = int(_group(groups, 5))
            if year < 100:
                year += 1900 if year >= 70 else 2000
        try:
            return datetime.date(year, month, day), True
        except ValueError:
            return None, True
    return None, False


def _group(groups: tuple[str | None, ...], index: int) -> str:
    """A group the date's alternative always fills."""
    value = groups[index]
    assert value is not None
    return value


# Characters a reader does not see: zero-width spaces and joiners, the byte-order mark.
_INVISIBLE_CHARS: Final = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE: Final = str.maketrans(dict.fromkeys(_INVISIBLE_CHARS, " "))


def _visible(text: str) -> str:
    """``text`` with the invisible characters made spaces (most text has none: no copy).

    Each character is looked for on its own first: str.translate reads a text that is
    not ASCII a character at a time through the table (2% of an HTML filing's time).
    """
    if text.isascii() or not any(char in text for char in _INVISIBLE_CHARS):
        return text
    return text.translate(_INVISIBLE)


# str.isprintable, bound once: compiled, text.isprintable() looks the method up on the
# type at every call (isprintable is no method mypyc compiles in).
_isprintable: Final[Any] = str.isprintable
_isascii: Final[Any] = str.isascii
# From this length on, an ASCII text is read by its bytes (see _is_clean).
_LONG: Final = 32
# Each byte itself, but the control characters, which become spaces.
_CONTROLS_CHANGED: Final = b" " * 32 + bytes(range(32, 256))


def _is_clean(text: str) -> bool:
    """Whether clean() gives ``text`` back as it is, as most cells are.

    Printable (so no white space but the space, and no invisible character), no two
    spaces in a row, none at the ends. Told without the list of words that split() makes
    (3,300 instructions a cover cell).
    """
    if not text or "  " in text or text[0] == " " or text[-1] == " ":
        return False
    if len(text) >= _LONG and _isascii(text):
        # Every white space of ASCII but the space is a control character. isprintable
        # reads each character's Unicode record (some 19 instructions a character); the
        # translation of the text's bytes reads a table, and gives the same bytes back
        # where it changed none.
        data = text.encode("ascii")
        return data.translate(_CONTROLS_CHANGED) is data
    printable: bool = _isprintable(text)
    return printable


_CHUNK: Final = 1 << 16
_SPACE: Final = re.compile(r"\s")
# What clean() changes: two white-space characters in a row, white space other than a
# space, an invisible character.
_UNCLEAN: Final = re.compile(r"\s\s|[^\S ]|[\u200b\u200c\u200d\u2060\ufeff]")


def clean(text: str) -> str:
    """Collapse runs of white space (and invisible characters) and strip the ends.

    A long text is cleaned a chunk at a time (chunks end at white space), so that the
    list of its words never holds more than one chunk's: a 50 MB line of words would
    otherwise take some 12 bytes of word objects per character.
    """
    if len(text) <= _CHUNK:
        if _is_clean(text):
            return text
        return " ".join(_visible(text).split())
    if not (text[0].isspace() or text[-1].isspace() or _UNCLEAN.search(text)):
        return text  # already clean: no copy of a long text
    parts = []
    start = 0
    while start < len(text):
        gap = _SPACE.search(text, start + _CHUNK)
        end = gap.start() if gap else len(text)
        part = " ".join(_visible(text[start:end]).split())
        if part:
            parts.append(part)
        start = end
    return " ".join(parts)


_NOT_APPLICABLE: Final = re.compile(
    r"(?i)^\s*(?:n/?a|not\s+applicable|inapplicable|none|no\s+change)\.?\s*$"
)


def is_not_applicable(text: str) -> bool:
    """Whether a printed value says there is none: "N/A", "Not Applicable", "None"."""
    return bool(_NOT_APPLICABLE.match(text))


# EDGAR's codes: the 50 states, DC and the territories, and the foreign codes that EDGAR
# assigns to the Canadian provinces and to the places registrants most often name.
JURISDICTION_CODES: Final = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
    "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
    "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
    "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
    "guam": "GU", "virgin islands": "VI", "u.s. virgin islands": "VI",
    "alberta": "A0", "british columbia": "A1", "manitoba": "A2", "new brunswick": "A3",
    "newfoundland": "A4", "nova scotia": "A5", "ontario": "A6", "prince edward island": "A7",
    "quebec": "A8", "saskatchewan": "A9", "yukon": "B0", "canada": "Z4",
    "bermuda": "D0", "british virgin islands": "D8", "cayman islands": "E9",
    "marshall islands": "1T", "united kingdom": "X0", "england": "X0", "ireland": "L2",
    "israel": "L3", "netherlands": "P7", "the netherlands": "P7", "luxembourg": "N4",
    "switzerland": "V8", "panama": "R1",
}  # fmt: skip
_STATE_PREFIX: Final = re.compile(r"(?i)^(?:the\s+)?(?:state|commonwealth|province)\s+of\s+")
_TWO_LETTER: Final = {code for code in JURISDICTION_CODES.values() if code.isalpha()}


def jurisdiction_code(printed: str | None) -> str | None:
    """EDGAR's code for a jurisdiction as printed ("Delaware", "DELAWARE", "State of New York")."""
    if not printed:
        return None
    name = clean(_STATE_PREFIX.sub("", printed.strip().strip(".,;"))).lower()
    if name.upper() in _TWO_LETTER and len(name) == 2:
        return name.upper()
    return JURISDICTION_CODES.get(name)
