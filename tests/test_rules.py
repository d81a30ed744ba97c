"""Every validation rule, passed and failed on real filings.

A failing case is a real filing with one documented, minimal edit, written here: the
files in tests/filings stay untouched. A passing case is a real filing as filed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import sec8k
from sec8k.validate import RULES
from tests.conftest import FILINGS, case_input

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"


def text_of(case: str) -> str:
    if case == "immunogen":
        return EXAMPLE.read_text()
    return case_input(FILINGS / case).read_text(encoding="utf-8", errors="replace")


@dataclass(frozen=True)
class Case:
    code: str
    filing: str
    edit: tuple[str, str] | tuple[tuple[str, str], ...] | None = None
    """(printed text, replacement) pairs, each applied once; None: the filing as filed."""
    why: str = ""
    cut: str | None = None
    """Drop the text from this string to the end of the filing."""
    drop: tuple[str, str] | None = None
    """Drop the text from the first string through the next occurrence of the second."""

    def edits(self) -> tuple[tuple[str, str], ...]:
        if self.edit is None:
            return ()
        if isinstance(self.edit[0], str):
            return (self.edit,)  # type: ignore[return-value]
        return self.edit  # type: ignore[return-value]

    def text(self) -> str:
        text = text_of(self.filing)
        for old, new in self.edits():
            assert text.count(old) == 1, f"{self.filing} holds {old!r} {text.count(old)} times"
            text = text.replace(old, new)
        if self.drop is not None:
            first, last = self.drop
            assert text.count(first) == 1, f"{self.filing} holds {first!r} not once"
            start = text.index(first)
            end = text.index(last, start) + len(last)
            text = text[:start] + text[end:]
        if self.cut is not None:
            assert text.count(self.cut) == 1, f"{self.filing} holds {self.cut!r} not once"
            text = text[: text.index(self.cut)]
        return text


UNION_CAMP = "0000950117-94-000182"
HORIZON = "0000939057-06-000175"
TYSON = "0000100493-20-000014_tsn2020q18k"
JPM = "0000019617-26-000241_jpm-20260624"
ASTA = "0001125282-04-000379"

FAILING = [
    Case("ITM001", "immunogen", ("ITEM 9.  REGULATION", "ITEM 13.  REGULATION"), "no Item 13"),
    Case(
        "ITM002",
        "immunogen",
        ("ITEM 9.  REGULATION", "ITEM 7.01.  REGULATION"),
        "new number in 2002",
    ),
    Case("ITM003", HORIZON, ("Item 1.01 Entry", "Item 1.05 Entry"), "1.05 in 2006"),
    Case("ITM004", "immunogen", ("ITEM 7.  FINANCIAL", "ITEM 9.  FINANCIAL"), "Item 9 twice"),
    Case("ITM005", "immunogen", None, "Item 9 printed before Item 7"),
    Case(
        "ITM006",
        UNION_CAMP,
        ("ITEM 5.   OTHER", "ITEM 3.   BANKRUPTCY.\n\nITEM 5.   OTHER"),
        "empty Item 3",
    ),
    Case(
        "ITM007",
        JPM,
        (
            ("Item 5.02 ", "Item 1.05 "),
            (
                "have been elected Co-Presidents",
                "have been elected Co-Presidents. The Firm has not yet determined whether the "
                "incident is material",
            ),
        ),
        "1.05 in 2026 whose text says the impact is not determined",
    ),
    Case(
        "CVR001",
        UNION_CAMP,
        ("reported) August 9, 1994", "reported) August 29, 1994"),
        "event after the filing date",
    ),
    Case(
        "CVR002",
        HORIZON,
        ("reported): June 27, 2006", "reported): June 20, 2006"),
        "Item 1.01 event on June 20, filed July 3, 2006: 9 business days",
    ),
    Case(
        "CVR003",
        "immunogen",
        ("                                 IMMUNOGEN, INC.\n", "\n"),
        "no name",
    ),
    Case("CVR004", "immunogen", ("reported): November 12, 2002", "reported):"), "no date"),
    Case("CVR005", "0000703901-98-000003", None, "the cover prints no file number"),
    Case(
        "CVR006", "immunogen", ("       Massachusetts    ", "                        "), "no state"
    ),
    Case("CVR007", "immunogen", ("04-2726691", "          "), "no IRS number"),
    Case("CVR008", "immunogen", ("04-2726691", "04-272669 "), "eight digits"),
    Case("CVR009", "immunogen", ("0-17999 ", "0-17999A"), "a letter in the file number"),
    Case("CVR010", HORIZON, ("[ ]  Written", "     Written"), "the Rule 425 box left out"),
    Case(
        "CVR011",
        TYSON,
        drop=("Indicate by check mark whether the registrant is an emerging", "</ix:nonNumeric>"),
        why="the EGC question and its box left out",
    ),
    Case("CVR012", TYSON, ("Section&#160;12(b) of the Act:", "the Act:"), "no 12(b) table heading"),
    Case("FRM002", "immunogen", ("FORM 8-K", "FORM 8-K/A"), "an amendment that says nothing"),
    Case(
        "SIG001",
        "immunogen",
        cut="                                    SIGNATURE\n",
        why="signature cut off",
    ),
    Case("SIG002", "immunogen", ("/s/ Gregg D. Beloff", "    Gregg D. Beloff"), "no /s/"),
    Case(
        "SIG003",
        "immunogen",
        ("Date:    November 12, 2002", "Date:    November 11, 2002"),
        "signed early",
    ),
    Case("EXH001", "0000109446-94-000005", None, "an exhibit index and no Item 7"),
    Case("EXH002", "immunogen", ("99.1     Certification", "Certification"), "Item 7 without rows"),
]

PASSING = [
    Case("ITM001", "immunogen"),
    Case("ITM002", "immunogen"),
    Case("ITM003", HORIZON),
    Case("ITM004", "immunogen"),
    Case("ITM005", UNION_CAMP),
    Case("ITM006", UNION_CAMP),
    Case("ITM007", JPM),
    Case("CVR001", UNION_CAMP),
    Case("CVR002", HORIZON),  # June 27 to July 3, 2006: 4 business days
    Case("CVR003", "immunogen"),
    Case("CVR004", "immunogen"),
    Case("CVR005", "immunogen"),
    Case("CVR006", "immunogen"),
    Case("CVR007", "immunogen"),
    Case("CVR008", "immunogen"),
    Case("CVR009", "immunogen"),
    Case("CVR010", HORIZON),
    Case("CVR011", TYSON),
    Case("CVR012", TYSON),
    Case(
        "FRM002",
        "immunogen",
        ("FORM 8-K\n", "FORM 8-K/A\n                              (Amendment No. 1)\n"),
    ),
    Case("SIG001", "immunogen"),
    Case("SIG002", "immunogen"),
    Case("SIG003", "immunogen"),
    Case("EXH001", "immunogen"),
    Case("EXH002", "immunogen"),
]


def codes(case: Case) -> set[str]:
    return {d.code for d in sec8k.check(case.text(), select=(case.code,))}


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    assert {c.code for c in FAILING} == set(RULES)
    assert {c.code for c in PASSING} == set(RULES)


@pytest.mark.parametrize("case", FAILING, ids=[f"{c.code}-{c.why}" for c in FAILING])
def test_rule_fails(case: Case) -> None:
    assert case.code in codes(case)


@pytest.mark.parametrize("case", PASSING, ids=[c.code for c in PASSING])
def test_rule_passes(case: Case) -> None:
    assert case.code not in codes(case)
