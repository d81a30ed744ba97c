"""Signature blocks in the shapes unseen filings print them.

The edited cases start from the ImmunoGen 2002 8-K in ``examples/`` and change, in memory,
only how its one signer is printed; the corpus cases are the real filings that print
each shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k
from tests.conftest import CORPUS, requires_corpus

ROOT = Path(__file__).resolve().parents[1]
IMMUNOGEN = (ROOT / "examples" / "immunogen-8k-2002-11-12.txt").read_text(encoding="utf-8")
SIGNED = "/s/ Gregg D. Beloff"
TYPED = (
    "                                                    Gregg D. Beloff\n"
    "                                                    Chief Financial Officer\n"
    "                                                    and Vice President, Finance"
)
ONE_LINE = (
    "                                                    GREGG D BELOFF CHIEF FINANCIAL OFFICER"
)
TITLE = "Chief Financial Officer and Vice President, Finance"


def _signers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    filing = sec8k.parse(text)
    assert not filing.unrecognized, "the signature block left lines unplaced"
    return [(s.name, s.title, s.conformed) for s in filing.signatures]


def test_the_example_as_printed() -> None:
    assert _signers(IMMUNOGEN) == [("Gregg D. Beloff", TITLE, SIGNED)]


@pytest.mark.parametrize(
    ("signature_line", "conformed"),
    [
        ("By: Gregg D. Beloff", None),  # the name typed after "By:", nobody signed
        ("By:________________", None),  # a blank line to sign on, the name typed below
        ("                   ", None),  # no signature line at all
        ("/s/                ", "/s/"),  # an "/s/" with no name after it
    ],
    ids=["by-typed", "by-blank", "nothing", "empty-s"],
)
def test_a_typed_name_without_a_conformed_signature(
    signature_line: str, conformed: str | None
) -> None:
    text = IMMUNOGEN.replace(SIGNED, signature_line, 1)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, conformed)]


@pytest.mark.parametrize(
    ("signature_line", "conformed"),
    [(SIGNED, SIGNED), ("By:________________", None)],
    ids=["signed", "unsigned"],
)
def test_name_and_title_on_one_line(signature_line: str, conformed: str | None) -> None:
    text = IMMUNOGEN.replace(SIGNED, signature_line, 1).replace(TYPED, ONE_LINE, 1)
    assert _signers(text) == [("GREGG D BELOFF", "CHIEF FINANCIAL OFFICER", conformed)]


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("accession", "signers"),
    [
        # Typed name and title, no "/s/" and no "By:": "Bruce J. Feldman, President and ...".
        ("0001000685-98-000008", [("Bruce J. Feldman", "President and Chief Executive Officer")]),
        # "Mitchell Herman Chief Financial Officer" on one line under "By:".
        ("0001125282-04-003595", [("Mitchell Herman", "Chief Financial Officer")]),
        # Two signers, each name repeated at the start of its title line.
        (
            "0001275287-06-004445",
            [
                ("Alex Hui", "President, Chief Executive Officer"),
                ("Angela Chen", "Vice President, Chief Financial Officer"),
            ],
        ),
    ],
)
def test_signers_of_real_filings(accession: str, signers: list[tuple[str, str]]) -> None:
    filing = sec8k.parse(CORPUS / "files" / f"{accession}.txt")
    assert [(s.name, s.title) for s in filing.signatures] == signers
