"""The parse's own findings, each failed and passed on real filings like the rules.

The SEC header against the body (HDR), inline XBRL against the visible cover (XBR), a
printed date that is no date (TRN), unplaced text (PRS010), and a wrapper that cannot be
read (ENV003). ``sec8k check`` reports these with the rules' findings.
"""

from __future__ import annotations

import pytest

import sec8k
from tests.test_rules import TYSON, UNION_CAMP, Case

TAG_NAME = (
    '<span style="font-size:17pt;font-weight:bold;">TYSON FOODS, INC.</span></ix:nonNumeric>',
    '<span style="font-size:17pt;font-weight:bold;">TYSON</span></ix:nonNumeric>'
    '<span style="font-size:17pt;font-weight:bold;"> FOODS, INC.</span>',
)

PERICOM = "0001012870-02-001163"
APPLE = "0001193125-19-292676_d828969d8k"
# The common stock's symbol with its tag around three of its four letters.
TAG_SYMBOL = (
    'CommonStockMember">AAPL</ix:nonNumeric>',
    'CommonStockMember">AAP</ix:nonNumeric>L',
)

FAILING = [
    Case(
        "HDR001",
        "0000891092-03-002843",
        ("ITEM INFORMATION:\t\t\n", ""),
        "the header's untitled line taken away: Item 12 is listed nowhere",
    ),
    Case("HDR002", "0000703901-98-000003", None, "header period 1997-12-16; cover 1998-01-26"),
    Case(
        "HDR002",
        PERICOM,
        ("March 14, 2002 (March 6, 2002)", "March 14, 2002 (March 7, 2002)"),
        "header period 2002-03-06; cover 2002-03-14 (2002-03-07)",
    ),
    Case("HDR003", "0001004963-96-000004", None, "header IRS 943234049; cover 94-3173918"),
    Case("HDR004", "0000723533-04-000001", None, "header 001-16851; cover 0-11596"),
    Case(
        "HDR005",
        UNION_CAMP,
        ("VIRGINIA                   1-4001", "DELAWARE                   1-4001"),
        "a Virginia company's cover printing Delaware",
    ),
    Case(
        "HDR006",
        UNION_CAMP,
        (
            "   UNION CAMP CORPORATION                   ",
            "   WAYNE PAPER CORPORATION                  ",
        ),
        "the cover names another company",
    ),
    Case(
        "HDR007",
        UNION_CAMP,
        ("PUBLIC DOCUMENT COUNT:\t\t2", "PUBLIC DOCUMENT COUNT:\t\t1"),
        "two documents, one declared",
    ),
    Case("HDR008", "0000109446-94-000005", None, "exhibit 20 listed, none attached"),
    Case(
        "HDR008",
        PERICOM,
        (
            "March 7, 2002 [Incorporated by\n         reference to Exhibit 99",
            "March 7, 2002 [Attached as\n         Exhibit 99",
        ),
        "exhibit 99 listed as attached, none attached",
    ),
    Case(
        "HDR009",
        UNION_CAMP,
        (
            ("Exhibit 99     Press Release, dated August 9, 1994 of Union Camp", "Press Release"),
            ("Exhibit 99     Press Release, dated August 9, 1994          4", "Press Release"),
        ),
        "EX-99 attached and no longer listed",
    ),
    Case("XBR001", TYSON, TAG_NAME, "the name's tag covers only 'TYSON'"),
    Case("XBR001", APPLE, TAG_SYMBOL, "the symbol's tag covers only 'AAP'"),
    Case(
        "TRN001",
        "immunogen",
        ("reported): November 12, 2002", "reported): February 30, 2002"),
        "February 30",
    ),
    Case(
        "PRS010",
        "0000092122-19-000063_soga8-kpscdecision12x19",
        None,
        "a combined filing's note on its cover: text the form does not print",
    ),
]

PASSING = [
    Case("HDR001", UNION_CAMP),
    # "ITEM INFORMATION:" with no title, then "... Financial statements and exhibits":
    # the untitled line is Item 12, which EDGAR's 2003-04 list had no title for.
    Case("HDR001", "0000891092-03-002843"),
    Case("HDR002", UNION_CAMP),
    # "March 14, 2002 (March 6, 2002)": the header took the earliest event's date.
    Case("HDR002", PERICOM),
    Case("HDR003", UNION_CAMP),
    Case("HDR004", UNION_CAMP),
    Case("HDR005", UNION_CAMP),
    Case("HDR006", UNION_CAMP),
    Case("HDR007", UNION_CAMP),
    Case("HDR008", UNION_CAMP),
    # Both exhibits listed as "[Incorporated by reference to Exhibit 4 to ... Form 8-A]".
    Case("HDR008", PERICOM),
    Case("HDR009", UNION_CAMP),
    Case("XBR001", TYSON),
    # Notes without a trading symbol, "&#8212;" both printed and tagged.
    Case("XBR001", APPLE),
    Case("TRN001", "immunogen"),
    Case("PRS010", "immunogen"),
]


def codes(case: Case) -> set[str]:
    return {d.code for d in sec8k.check(case.text(), select=(case.code,))}


@pytest.mark.parametrize("case", FAILING, ids=[f"{c.code}-{c.why}" for c in FAILING])
def test_finding_fails(case: Case) -> None:
    assert case.code in codes(case)


@pytest.mark.parametrize("case", PASSING, ids=[c.code for c in PASSING])
def test_finding_passes(case: Case) -> None:
    assert case.code not in codes(case)


def test_an_envelope_unreadable_from_its_first_line_is_parsed_whole() -> None:
    text = Case("ENV003", UNION_CAMP).text()
    broken = "<SEC-DOCUMENT>\n<SEC-DOCUMENT>\n" + text
    filing = sec8k.parse(broken)
    assert "ENV003" in {d.code for d in filing.diagnostics}, [d.code for d in filing.diagnostics]
    assert [i.number for i in filing.items] == [i.number for i in sec8k.parse(text).items]
