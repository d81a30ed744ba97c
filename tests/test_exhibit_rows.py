"""Exhibit rows in the shapes that used to fall into prose (found by `sec8k check`'s EXH002)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k
from tests.conftest import CORPUS, requires_corpus

PEOPLES = Path(__file__).parent / "filings" / "0000887919-21-000012" / "0000887919-21-000012.html"
ATRINSIC = Path(__file__).parent / "envelope" / "0001144204-16-096273" / "0001144204-16-096273.txt"


def exhibits(path: Path) -> list[tuple[str, str]]:
    return [(e.number, e.description.split()[0]) for e in sec8k.parse(path).exhibits]


def test_numbers_marked_with_an_asterisk() -> None:
    # "99.1*         Audit Committee Charter ..." (the asterisk marks a footnote).
    assert exhibits(ATRINSIC) == [
        ("99.1", "Audit"),
        ("99.2", "Compensation"),
        ("99.3", "Governance"),
    ]


def test_a_row_after_the_paragraph_letter() -> None:
    # Peoples Bancorp 2021: "(c) Exhibit 99.1 (en dash) Joint Press Release ..."
    assert exhibits(PEOPLES) == [("99.1", "Joint")]


@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Turner 1994: "1(c) -   Terms Agreement dated January 27, 1994 ..."
        ("0000950144-94-000177.txt", [("1(c)", "Terms"), ("4(f)", "Form"), ("4(g)", "Form")]),
    ],
)
def test_corpus_rows(name: str, expected: list[tuple[str, str]]) -> None:
    assert exhibits(CORPUS / "files" / name) == expected


def test_a_number_with_two_dots() -> None:
    # ImmunoGen 2002 with its exhibit "99.1" renumbered "2.1.1" in memory (a shape of
    # merger exhibits: "2.1.1 Amendment No. 1 to the Agreement and Plan of Merger").
    example = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
    text = example.read_text(encoding="utf-8").replace("\n99.1     ", "\n2.1.1    ", 1)
    assert [(e.number, e.description.split()[0]) for e in sec8k.parse(text).exhibits] == [
        ("2.1.1", "Certification")
    ]
