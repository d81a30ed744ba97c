"""Signature blocks in the shapes unseen filings print them.

The edited cases start from the ImmunoGen 2002 8-K in ``examples/`` and change, in memory,
only how its one signer is printed; the corpus cases are the real filings that print
each shape.
"""

from __future__ import annotations

import datetime
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
# ImmunoGen's signature block, from its date line on: the tests print others in its place.
BLOCK = IMMUNOGEN[IMMUNOGEN.index("Date:    November 12, 2002") :]


def _with_block(rows: str) -> sec8k.Filing:
    """The ImmunoGen 8-K with ``rows`` printed in place of its signature block."""
    return sec8k.parse(IMMUNOGEN.replace(BLOCK, rows))


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


def test_the_name_after_two_blanks_and_typed_again_under_the_rule() -> None:
    # Westell 1999: "/s/  Stephen J. Hawrysz", two blanks after the "/s/", then the rule,
    # the name typed again, the title. The second printing of the name began the title.
    text = IMMUNOGEN.replace(SIGNED, "/s/  Gregg D. Beloff", 1)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, "/s/")]


@pytest.mark.parametrize(
    ("signature_line", "name", "conformed"),
    [
        # The name typed in capitals, signed in mixed case: the signature's spelling.
        (SIGNED, "Gregg D. Beloff", SIGNED),
        ("By:________________", "GREGG D BELOFF", None),
    ],
    ids=["signed", "unsigned"],
)
def test_name_and_title_on_one_line(signature_line: str, name: str, conformed: str | None) -> None:
    text = IMMUNOGEN.replace(SIGNED, signature_line, 1).replace(TYPED, ONE_LINE, 1)
    assert _signers(text) == [(name, "CHIEF FINANCIAL OFFICER", conformed)]


@pytest.mark.parametrize(
    ("signed", "typed", "name"),
    [
        # Apple 2024 (10-K): "/s/ Timothy D. Cook" over "TIMOTHY D. COOK".
        ("/s/ Gregg D. Beloff", "GREGG D. BELOFF", "Gregg D. Beloff"),
        # 1996: "/s/ Daniel E. Jackson" over "Daniel. E. Jackson", a stray stop.
        ("/s/ Gregg D. Beloff", "Gregg. D. Beloff", "Gregg D. Beloff"),
        # Google 2012: "/S/ LARRY PAGE" over "Larry Page".
        ("/s/ GREGG D. BELOFF", "Gregg D. Beloff", "Gregg D. Beloff"),
        # Ford 2002: "I. Martin Inglis*", signed for him by an attorney-in-fact.
        ("/s/ Gregg D. Beloff*", "Gregg D. Beloff*", "Gregg D. Beloff"),
    ],
    ids=["typed-in-capitals", "typed-with-a-stray-stop", "signed-in-capitals", "asterisk"],
)
def test_one_name_printed_twice(signed: str, typed: str, name: str) -> None:
    text = IMMUNOGEN.replace(SIGNED, signed, 1).replace(
        "                                                    Gregg D. Beloff\n",
        f"                                                    {typed}\n",
        1,
    )
    assert [s.name for s in sec8k.parse(text).signatures] == [name]


def test_title_after_a_comma_on_the_signature_line() -> None:
    # Home Health 1997: "By: /s/ Bruce J. Feldman, President, Chief" and the title's rest
    # on the lines under it.
    text = IMMUNOGEN.replace(SIGNED, SIGNED + ", Chief Financial", 1).replace(
        TYPED, " " * 52 + "Officer and Vice President,\n" + " " * 52 + "Finance", 1
    )
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED + ", Chief Financial")]


def test_its_before_the_title() -> None:
    # Pericom 2002: "Its President and Chief Executive" / "Officer".
    text = IMMUNOGEN.replace("Chief Financial Officer\n", "Its Chief Financial Officer\n", 1)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED)]


def test_by_with_the_name_and_title_under_the_conformed_signature() -> None:
    # GAINSCO 2010: "/s/ Glenn W. Anderson" over "By:  Glenn W. Anderson, President".
    rows = (
        "Date:    November 12, 2002                          /s/ Gregg D. Beloff\n"
        "                                                    By:  Gregg D. Beloff, Chief"
        " Financial Officer\n"
    )
    text = IMMUNOGEN.replace(BLOCK, rows)
    assert _signers(text) == [("Gregg D. Beloff", "Chief Financial Officer", SIGNED)]


def test_a_company_signing_through_a_person_below_it_is_no_signer() -> None:
    # Commonwealth Income & Growth Fund V 2016: "By: <its general partner>, General Partner"
    # over "By: /s/ <person>".
    rows = (
        "IMMUNOGEN, INC.\n"
        "By: IMMUNOGEN HOLDINGS, INC., General Partner\n"
        "By: /s/ Gregg D. Beloff\n"
        "Gregg D. Beloff\n"
        "Chief Financial Officer\n"
    )
    filing = _with_block(rows)
    assert [(s.name, s.title, s.registrant) for s in filing.signatures] == [
        ("Gregg D. Beloff", "Chief Financial Officer", "IMMUNOGEN, INC.")
    ]
    # Its line is kept, unplaced, with its span.
    assert "By: IMMUNOGEN HOLDINGS, INC., General Partner" in [u.text for u in filing.unrecognized]


def test_a_depositor_signing_for_an_asset_backed_trust_in_a_real_filing() -> None:
    # CarMax Auto Owner Trust 2019-3's 10-K: "By: CarMax Auto Funding LLC," / "as Depositor
    # on behalf of CarMax Auto Owner Trust 2019-3" over "By: /s/ Andrew J. McMonigle".
    path = ROOT / "tests" / "forms" / "0001779026-23-000027" / "0001779026-23-000027.txt"
    filing = sec8k.parse(path)
    assert [(s.name, s.registrant) for s in filing.signatures] == [
        ("Andrew J. McMonigle", "CARMAX AUTO OWNER TRUST 2019-3")
    ]


def test_a_suffix_wrapped_under_the_conformed_signature() -> None:
    # Apple's 1997 10-K: "/s/ EDGAR S. WOOLARD," over "JR.", the name typed under the rule.
    rows = (
        "Date:    November 12, 2002                          /s/ Gregg D. Beloff,\n"
        "                                                              Jr.\n"
        "                                                    ---------------------------\n"
        "                                                    Gregg D. Beloff, Jr.\n"
        "                                                    Chief Financial Officer\n"
    )
    text = IMMUNOGEN.replace(BLOCK, rows)
    assert _signers(text) == [
        ("Gregg D. Beloff, Jr.", "Chief Financial Officer", "/s/ Gregg D. Beloff, Jr.")
    ]


def test_an_attestation_that_ends_with_the_city_and_date_on_the_next_line() -> None:
    # Microsoft 1995: "... thereunto duly authorized, in the City of" / "Redmond, State of
    # Washington, on September 13, 1995." over the registrant and "By  /s/ ...".
    text = IMMUNOGEN.replace(
        "undersigned hereto duly authorized.\n",
        "undersigned hereto duly authorized, in the City of\n"
        "Cambridge, Commonwealth of Massachusetts, on November 12, 2002.\n",
        1,
    )
    filing = sec8k.parse(text)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED)]
    assert [s.registrant for s in filing.signatures] == ["ImmunoGen, Inc."]


def test_a_rule_drawn_left_of_the_signature_is_the_signers() -> None:
    # Microsoft 1995: "/s/ WILLIAM H. GATES" over "- ------   and Chief Executive Officer"
    # (a PEM-stuffed rule at the margin), the signers' table after it.
    rows = (
        "         /s/ GREGG D. BELOFF                        Chief Financial Officer\n"
        "- ---------------------------------------------           and Vice President, Finance\n"
        "              Gregg D. Beloff\n"
        "\n"
        "         /s/ MITCHEL SAYARE                         Director\n"
        "- ---------------------------------------------\n"
        "              Mitchel Sayare\n"
    )
    filing = _with_block(rows)
    assert [(s.name, s.title, s.registrant) for s in filing.signatures] == [
        ("Gregg D. Beloff", TITLE, "ImmunoGen, Inc."),
        ("Mitchel Sayare", "Director", "ImmunoGen, Inc."),
    ]
    assert not filing.unrecognized


def test_directors_listed_under_their_power_of_attorney_are_signers() -> None:
    # Wells Fargo 2025 (10-K): the directors who gave powers of attorney, four names to a
    # row, then the attorney's own signature.
    rows = (
        "Date:    November 12, 2002                          /s/ Gregg D. Beloff\n"
        "                                                    Gregg D. Beloff\n"
        "                                                    Chief Financial Officer\n"
        "\n"
        "The Directors of ImmunoGen, Inc. listed below have duly executed powers of attorney"
        " empowering Mitchel Sayare to sign this document on their behalf.\n"
        "\n"
        "Mitchel Sayare          Walter A. Blattler     Stuart F. Feiner\n"
        "David W. Carter\n"
        "\n"
        "                                                    By: /s/ Mitchel Sayare\n"
        "                                                    Mitchel Sayare\n"
        "                                                    Director and Attorney-in-fact\n"
    )
    filing = _with_block(rows)
    assert [(s.name, s.title) for s in filing.signatures] == [
        ("Gregg D. Beloff", "Chief Financial Officer"),
        ("Mitchel Sayare", None),
        ("Walter A. Blattler", None),
        ("Stuart F. Feiner", None),
        ("David W. Carter", None),
        ("Mitchel Sayare", "Director and Attorney-in-fact"),
    ]
    assert {s.registrant for s in filing.signatures} == {"ImmunoGen, Inc."}


def test_a_date_with_a_misspelt_month_is_the_date_unread() -> None:
    text = IMMUNOGEN.replace("Date:    November 12, 2002", "Date:    Novembr 12, 2002", 1)
    filing = sec8k.parse(text)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED)]
    assert filing.signature_date is None
    assert [(d.code, d.message) for d in filing.diagnostics if d.code == "TRN001"] == [
        ("TRN001", "signature date 'Novembr 12, 2002' is not a calendar date")
    ]


def test_a_misspelt_date_beside_the_registrant_in_a_real_filing() -> None:
    # Pericom 2002: "Date:  Marcxh 12, 2002" then the registrant's name on the same row.
    path = ROOT / "tests" / "filings" / "0001012870-02-001163" / "0001012870-02-001163.txt"
    filing = sec8k.parse(path)
    assert [(s.name, s.registrant) for s in filing.signatures] == [
        ("Alex Chi-Ming Hui", "Pericom Semiconductor Corporation")
    ]
    assert filing.signature_date is None
    assert [d.code for d in filing.diagnostics] == ["TRN001"]


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "signer"),
    [
        # HTML tables: a rule under "By: /s/ ..." prints as a blank line.
        (
            "0000950135-08-002847_b69848nce8vk.htm",
            ("James R. Arnold, Jr.", "Chief Financial Officer"),
        ),
        # HTML paragraphs: a blank line between name and title; the conformed signature
        # misspells the name ("/S/ Nicolas Gerber") that the typed line spells right.
        (
            "0001437749-22-020734_mgld20220815_8k.htm",
            ("Nicholas Gerber", "Chief Executive Officer"),
        ),
        # The title cut after "and Chief", its rest after a blank line.
        (
            "0001002517-14-000003_nuanceform8-kjanuary212014.htm",
            ("Thomas L. Beaudoin", "Executive Vice President and Chief Financial Officer"),
        ),
        # "By:" and nothing after it (the line to sign on), then a blank line, then the
        # typed name and title in the signer's column (Pericom 2005, 2006).
        ("0001275287-05-003384_ps3498.htm", ("Michael D. Craighead", "Chief Financial Officer")),
        ("0001275287-06-000560_ps4682.htm", ("Alex Hui", "President and CEO")),
        # The caption "(Signature)" under the rule, then the typed name and title (1996).
        (
            "0000899243-96-000861.txt",
            (
                "Daniel E. Jackson",
                "Senior Vice President, Corporate Development and General Counsel",
            ),
        ),
        # HTML: "/s/V. Lawrence Evans" in a table's right column, the typed name and
        # title under it in paragraphs at the margin (Horizon 2006).
        (
            "0000939057-06-000084_k832806b.htm",
            (
                "V. Lawrence Evans",
                "President and Chief Executive Officer (Principal Executive Officer)",
            ),
        ),
    ],
)
def test_name_and_title_after_blank_lines(name: str, signer: tuple[str, str]) -> None:
    filing = sec8k.parse(CORPUS / "files" / name)
    assert [(s.name, s.title) for s in filing.signatures] == [signer]


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


FILINGS = ROOT / "tests" / "filings"


def test_a_title_in_paragraphs_of_its_own() -> None:
    # Disney 2014: name, title and a second title line, each an indented <div>.
    case = FILINGS / "0001001039-14-000258" / "0001001039-14-000258.htm"
    filing = sec8k.parse(case)
    assert [(s.name, s.title) for s in filing.signatures] == [
        (
            "Roger J. Patterson",
            "Associate General Counsel and Assistant Secretary Registered In-House Counsel",
        )
    ]
    assert not filing.unrecognized


def test_name_and_title_on_one_line_after_a_blank_line_and_the_rest_after_another() -> None:
    # Peoples Bancorp 2021: "/s/ Brien M. Chase", then "Date: ...   Brien M. Chase,
    # Senior Vice President", then "and Chief Financial Officer".
    case = FILINGS / "0000887919-21-000012" / "0000887919-21-000012.html"
    filing = sec8k.parse(case)
    assert [(s.name, s.title) for s in filing.signatures] == [
        ("Brien M. Chase", "Senior Vice President and Chief Financial Officer")
    ]


def test_a_blank_line_under_by_then_the_typed_name() -> None:
    text = IMMUNOGEN.replace(SIGNED, "By:", 1).replace(TYPED, "\n" + TYPED, 1)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, None)]


@requires_corpus
@pytest.mark.corpus
def test_a_footnote_beside_the_signer_in_a_table_is_not_his() -> None:
    # SPACEHAB 2004: "* Print name and title of the signing officer ..." at the margin
    # of a table row whose other cell is the signer's title: at the margin of a table,
    # a line is in a column of its own, not anyone's whose column is to its right.
    filing = sec8k.parse(CORPUS / "files" / "0001193125-04-169294_d8k.htm")
    (signer,) = filing.signatures
    assert signer.title == "Senior Vice President, Finance and Chief Financial Officer"
    assert [u.text[:10] for u in filing.unrecognized] == ["* Print na"]


def test_a_typed_name_in_parentheses() -> None:
    # Procter & Gamble 2025 (10-Q): "(Matthew W. Janzaruk)" under the signature line.
    text = IMMUNOGEN.replace(SIGNED, "By:________________", 1).replace(
        "Gregg D. Beloff\n", "(Gregg D. Beloff)\n", 1
    )
    assert _signers(text) == [("Gregg D. Beloff", TITLE, None)]


# A signature table as 10-K filings print it: the signature and its rule on the left, the
# title on the right, the typed name under the rule in the signature's column.
TABLE = (
    "Signature                          Title                           Date\n"
    "{first}\n"
    "- --------------------------       Chief Financial Officer         )\n"
    "{second}\n"
    "                                   and Vice President, Finance     )\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The title's first line beside the signature, the name under the rule
        # (Apple 1997, PerkinElmer 2001).
        ("/s/ Gregg D. Beloff", "    Gregg D. Beloff"),
        # The name in parentheses beside the rest of the title (Norfolk Southern 2008).
        ("/s/ Gregg D. Beloff", "    (Gregg D. Beloff)"),
        # "By______" as the line to sign on, the signature over it (WMX 1994).
        ("          /s/ Gregg D. Beloff", "By______________________\n    Gregg D. Beloff"),
    ],
    ids=["name-under-rule", "name-in-parentheses", "by-underscores"],
)
def test_a_signature_table_keeps_the_name_and_the_rules_out_of_the_title(
    first: str, second: str
) -> None:
    rows = TABLE.format(first=first, second=second)
    filing = _with_block(rows)
    assert [(s.name, s.title) for s in filing.signatures] == [("Gregg D. Beloff", TITLE)]


def test_a_signer_named_again_before_the_title() -> None:
    # Texas Instruments 2024 (10-K): "By:   /s/   Rafael R. Lizardi", the name in a cell
    # of its own, then "Rafael R. Lizardi, Senior Vice President and Chief Financial
    # Officer". The name, once read, does not begin the title.
    text = IMMUNOGEN.replace(SIGNED, "By:      /s/      Gregg D. Beloff", 1).replace(
        TYPED,
        "                                                    Gregg D. Beloff, " + TITLE,
        1,
    )
    assert _signers(text) == [("Gregg D. Beloff", TITLE, "By: /s/")]


@pytest.mark.parametrize("by", ["By:", "By"])
def test_by_over_the_conformed_signature_is_one_signer(by: str) -> None:
    text = IMMUNOGEN.replace(SIGNED, f"{by}\n{' ' * 52}{SIGNED}", 1)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED)]


@requires_corpus
@pytest.mark.corpus
def test_the_conformed_signature_over_by_and_the_typed_name_is_one_signer() -> None:
    # Estée Lauder 2013: "/s/ Spencer G. Smul", then "Date: ...   By:   Spencer G. Smul".
    filing = sec8k.parse(CORPUS / "files" / "0001104659-13-084555_a13-24281_18k.htm")
    assert [(s.name, s.title) for s in filing.signatures] == [
        ("Spencer G. Smul", "Senior Vice President Deputy General Counsel and Secretary")
    ]


def test_a_long_title_at_the_margin_is_no_text_after_the_signatures() -> None:
    # 1-800-FLOWERS.COM 2023: "By: /s/ William E. Shea" / "William E. Shea" / "Senior
    # Vice President, Treasurer and Chief Financial Officer" / "Date: December 15, 2023",
    # each at the margin. A line of 50 characters there was read as the first line of
    # prose after the signatures, and the title and the date were lost to it.
    rows = (
        "By: /s/ Gregg D. Beloff\n"
        "Gregg D. Beloff\n"
        "Chief Financial Officer and Vice President, Finance and Treasurer\n"
        "Date: November 12, 2002\n"
    )
    filing = _with_block(rows)
    assert [(s.name, s.title) for s in filing.signatures] == [
        ("Gregg D. Beloff", "Chief Financial Officer and Vice President, Finance and Treasurer")
    ]
    assert filing.signature_date == datetime.date(2002, 11, 12)
    assert not filing.unrecognized


def test_an_attestation_in_accordance_with_section_13() -> None:
    # ExperTelligence 2009: "In accordance with Section 13 of the Securities Exchange Act
    # of 1934, the registrant caused this report to be signed ...", then the name, "A
    # Nevada Corporation" and "(Registrant)". The block was read as text after the
    # signatures, with no signer in it.
    text = IMMUNOGEN.replace(
        "         Pursuant to the requirements of the Securities Exchange Act of 1934,\n"
        "the Registrant has duly caused",
        "         In accordance with Section 13 of the Securities Exchange Act of 1934,\n"
        "the Registrant has duly caused",
        1,
    ).replace(
        "ImmunoGen, Inc.\n", "ImmunoGen, Inc.\n" + " " * 52 + "A Massachusetts Corporation\n", 1
    )
    filing = sec8k.parse(text)
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED)]
    assert [s.registrant for s in filing.signatures] == ["ImmunoGen, Inc."]


@pytest.mark.parametrize("again", ["IMMUNOGEN, INC.", "ImmunoGen, Inc.", "IMMUNOGÉN, INC."])
def test_the_registrants_name_again_after_the_signers(again: str) -> None:
    # Estee Lauder 2012-13: the company's name, then "EXHIBIT INDEX", on the page after
    # the signature (printed "ESTĒE" on one page and "ESTEE" on the other).
    text = IMMUNOGEN.replace(BLOCK, BLOCK.rstrip("\n") + f"\n\n\n{' ' * 30}{again}\n")
    assert _signers(text) == [("Gregg D. Beloff", TITLE, SIGNED)]


@pytest.mark.parametrize(
    ("path", "signers"),
    [
        # Apple 1998 (10-Q): "By: /s/ Fred D. Anderson", a blank line, "Fred D. Anderson",
        # then "Executive Vice President and Chief Financial Officer" centred under it,
        # so starting well left of the signature's column.
        (
            ROOT / "tests" / "forms" / "0000320193-98-000006" / "0000320193-98-000006.txt",
            [("Fred D. Anderson", "Executive Vice President and Chief Financial Officer")],
        ),
        # Rock of Ages 2000: "By: /s/ Kurt M. Swenson", a blank line, then "Kurt M.
        # Swenson, Chairman and Chief Executive Officer" (53 characters), once read as
        # prose after the signatures.
        (
            FILINGS / "0000084581-00-500009_formacqui" / "0000084581-00-500009_formacqui.htm",
            [("Kurt M. Swenson", "Chairman and Chief Executive Officer")],
        ),
    ],
    ids=["title-centred-under-the-name", "name-comma-title-at-the-margin"],
)
def test_signers_of_curated_filings(path: Path, signers: list[tuple[str, str]]) -> None:
    filing = sec8k.parse(path)
    assert [(s.name, s.title) for s in filing.signatures] == signers
    assert not [u for u in filing.unrecognized if u.context != "cover"]


# Signature pages as 10-Ks print them, in place of ImmunoGen's block: the rows, the
# signers read from them, and the lines left as no one's.
PAGES = [
    pytest.param(
        # Palantir 2024: "/s/ Alexander Moore" over "Alexander Moore   Director   February
        # 20, 2024", signer after signer in one column; each row is the newest signer's.
        "Signature                  Title                                  Date\n"
        "/s/ Gregg D. Beloff\n"
        "Gregg D. Beloff            Chief Financial Officer                November 12, 2002\n"
        "/s/ Mitchel Sayare\n"
        "Mitchel Sayare             Chairman and Director                  November 12, 2002\n"
        "/s/ Stuart F. Feiner\n"
        "Stuart F. Feiner           Director                               November 12, 2002\n",
        [
            ("Gregg D. Beloff", "Chief Financial Officer"),
            ("Mitchel Sayare", "Chairman and Director"),
            ("Stuart F. Feiner", "Director"),
        ],
        [],
        id="a-column-of-signed-rows",
    ),
    pytest.param(
        # Vulcan Materials 2013: a second attestation, then one typed row per signer and
        # no "/s/" at all; a title wraps in the title column.
        "By    Gregg D. Beloff\n"
        "      Chief Financial Officer\n\n"
        "Pursuant to the requirements of the Securities Exchange Act of 1934, this report\n"
        "has been signed below by the following persons on behalf of the registrant.\n\n"
        "Signature                     Title                            Date\n\n"
        "Mitchel Sayare                Chairman and Chief Executive     November 12, 2002\n"
        "                              Officer\n\n"
        "Stuart F. Feiner              Director                         November 12, 2002\n"
        "David W. Carter               Director                         November 12, 2002\n",
        [
            ("Gregg D. Beloff", "Chief Financial Officer"),
            ("Mitchel Sayare", "Chairman and Chief Executive Officer"),
            ("Stuart F. Feiner", "Director"),
            ("David W. Carter", "Director"),
        ],
        [],
        id="typed-rows-with-no-conformed-signature",
    ),
    pytest.param(
        # WMX Technologies 1994: each "/s/", its rule, the typed name and title, no blank
        # line between signers, the names centred and a ")" beside every line.
        "      /s/ Gregg D. Beloff                                          )\n"
        "- ------------------------------------                             )\n"
        "          Gregg D. Beloff            Chief Financial Officer       )\n"
        "        /s/ Mitchel Sayare                                         )\n"
        "- ------------------------------------                             )\n"
        "         Mitchel Sayare              Chairman                      )\n",
        [("Gregg D. Beloff", "Chief Financial Officer"), ("Mitchel Sayare", "Chairman")],
        [],
        id="a-bracketed-column-with-no-blank-lines",
    ),
    pytest.param(
        # Google 2012: "Eric Schmidt   Executive Chairman" with no "/S/", between rows
        # that each have one: someone who did not sign; his line stays no one's.
        "/s/ Gregg D. Beloff           Chief Financial Officer          November 12, 2002\n"
        "Gregg D. Beloff\n\n"
        "Mitchel Sayare                Chairman\n\n"
        "/s/ Stuart F. Feiner          Director                         November 12, 2002\n"
        "Stuart F. Feiner\n",
        [("Gregg D. Beloff", "Chief Financial Officer"), ("Stuart F. Feiner", "Director")],
        ["Mitchel Sayare", "Chairman"],
        id="a-typed-row-among-signed-ones",
    ),
    pytest.param(
        # Palantir 2024: "POWER OF ATTORNEY" and "KNOW ALL PERSONS BY THESE PRESENTS, ..."
        # after the registrant's signer, before those who gave it: part of the signatures.
        BLOCK.rstrip("\n") + "\n\nPOWER OF ATTORNEY\n\n"
        "KNOW ALL PERSONS BY THESE PRESENTS, that each person whose signature appears below\n"
        "constitutes and appoints Gregg D. Beloff his true and lawful attorney-in-fact.\n\n"
        "/s/ Mitchel Sayare\n"
        "Mitchel Sayare            Chairman and Director          November 12, 2002\n",
        [("Gregg D. Beloff", TITLE), ("Mitchel Sayare", "Chairman and Director")],
        [],
        id="a-power-of-attorney-between-two-groups",
    ),
]


@pytest.mark.parametrize(("rows", "signers", "unplaced"), PAGES)
def test_signature_pages(rows: str, signers: list[tuple[str, str]], unplaced: list[str]) -> None:
    filing = _with_block(rows)
    assert [(s.name, s.title) for s in filing.signatures] == signers
    assert [u.text for u in filing.unrecognized if u.context != "cover"] == unplaced
