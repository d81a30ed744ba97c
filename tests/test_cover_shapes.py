"""Cover pages in the shapes unseen filings print them.

Each case edits, in memory, the cover of the ImmunoGen 2002 8-K in ``examples/`` into one
shape and checks every registrant field, so that a field read from the wrong place shows.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import sec8k

ROOT = Path(__file__).resolve().parents[1]
IMMUNOGEN = (ROOT / "examples" / "immunogen-8k-2002-11-12.txt").read_text(encoding="utf-8")
ADDRESS = (
    "             128 Sidney Street, Cambridge, Massachusetts       02139\n"
    "              (Address of principal executive offices)       (Zip Code)\n"
)
NAME = (
    "                                 IMMUNOGEN, INC.\n"
    "               (Exact name of registrant as specified in its Charter)\n"
)
NUMBERS = "       Massachusetts                 0-17999                 04-2726691\n"
DATE = "       Date of Report (Date of earliest event reported): November 12, 2002\n"
FIRST = (
    "IMMUNOGEN, INC.",
    "Massachusetts",
    "0-17999",
    "04-2726691",
    "128 Sidney Street, Cambridge, Massachusetts",
    "02139",
    "(617) 995-2500",
)


def _edit(*replacements: tuple[str, str]) -> str:
    text = IMMUNOGEN
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _registrants(text: str) -> list[tuple[str | None, ...]]:
    filing = sec8k.parse(text)
    assert not filing.unrecognized, "the cover left text unplaced"
    return [
        (
            r.name,
            r.jurisdiction,
            r.commission_file_number,
            r.irs_employer_id,
            r.address,
            r.zip,
            r.phone,
        )
        for r in filing.cover.registrants
    ]


def test_the_example_as_printed() -> None:
    assert _registrants(IMMUNOGEN) == [FIRST]


@pytest.mark.parametrize(
    "address",
    [
        # The zip caption printed on the address line, after a single space.
        "             128 Sidney Street, Cambridge, Massachusetts 02139 (Zip Code)\n"
        "              (Address of principal executive offices)\n",
        # Both captions beside their values, on one row, with no caption row under it.
        "   128 Sidney Street, Cambridge, Massachusetts  "
        "(Address of principal executive offices)  02139 (Zip Code)\n",
    ],
    ids=["zip-caption-on-the-address-line", "captions-beside-values"],
)
def test_zip_caption_on_the_address_line(address: str) -> None:
    assert _registrants(_edit((ADDRESS, address))) == [FIRST]


SECOND = ("IMMUNOGEN SECURITIES CORP.", "Delaware", "333-101234", "04-3300000")


def test_combined_filing_one_row_per_registrant() -> None:
    # Two registrants named one above the other over a shared caption, and their state,
    # file number and IRS number on one row each under the shared captions: each row is
    # its registrant's (no name "IMMUNOGEN, INC. IMMUNOGEN SECURITIES CORP.", no file
    # number lost). The address and telephone are printed once, for the first.
    text = _edit(
        (
            NAME,
            "                                 IMMUNOGEN, INC.\n"
            "                           IMMUNOGEN SECURITIES CORP.\n"
            "          (Exact name of registrants as specified in their Charters)\n",
        ),
        (
            NUMBERS,
            NUMBERS + "       Delaware                      333-101234              04-3300000\n",
        ),
    )
    assert _registrants(text) == [FIRST, (*SECOND, None, None, None)]


def test_combined_filing_block_per_registrant() -> None:
    # The second registrant's own block under the first: name, numbers, address, phone.
    block = IMMUNOGEN[IMMUNOGEN.index(NAME) : IMMUNOGEN.index("(617) 995-2500") + 15]
    second = (
        block.replace("IMMUNOGEN, INC.", "IMMUNOGEN SECURITIES CORP.")
        .replace(NUMBERS, "       Delaware                    333-101234              04-3300000\n")
        .replace("128 Sidney Street, Cambridge", "  1 Federal Street, Boston")
        .replace("02139", "02110")
        .replace("(617) 995-2500", "(617) 555-1212")
    )
    text = _edit((block, block + "\n\n\n" + second))
    assert _registrants(text) == [
        FIRST,
        (*SECOND, "1 Federal Street, Boston, Massachusetts", "02110", "(617) 555-1212"),
    ]


def test_a_wrapped_name_stays_one_name() -> None:
    # A name over two rows is one registrant's, not two.
    text = _edit(
        (
            NAME,
            NAME.replace("IMMUNOGEN, INC.", "IMMUNOGEN RESEARCH\n          AND DEVELOPMENT, INC."),
        )
    )
    assert _registrants(text)[0][0] == "IMMUNOGEN RESEARCH AND DEVELOPMENT, INC."


@pytest.mark.parametrize(
    "date_line",
    [
        "       Date of Report (Date of earliest event reported): November 12, 2002 "
        "(November 8, 2002)\n",
        "       Date of Report: November 12, 2002 "
        "(Date of earliest event reported: November 8, 2002)\n",
        "       Date of Report: November 12, 2002 (11/8/2002)\n",
    ],
    ids=["caption-shape", "own-label", "numeric"],
)
def test_date_of_report_with_a_second_date_in_parentheses(date_line: str) -> None:
    cover = sec8k.parse(_edit((DATE, date_line))).cover
    assert (cover.date_of_report, cover.date_of_report_text, cover.date_of_earliest_event) == (
        datetime.date(2002, 11, 12),
        "November 12, 2002",
        datetime.date(2002, 11, 8),
    )
