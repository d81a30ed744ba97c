"""Cover pages in the shapes unseen filings print them.

Each case edits, in memory, the cover of the ImmunoGen 2002 8-K in ``examples/`` into one
shape and checks every registrant field, so that a field read from the wrong place shows.
"""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest

import sec8k
from sec8k.forms.form_8k.cover import A2_BOXES
from tests.conftest import CORPUS, requires_corpus

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "tests" / "filings"
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


def test_combined_filing_table_with_a_column_of_states() -> None:
    # Spire's 2023 10-Q (three registrants): "Name of Registrant, Address of Principal
    # Executive Offices and Telephone Number", the state of incorporation a column of its
    # own.
    block = IMMUNOGEN[IMMUNOGEN.index(NAME) : IMMUNOGEN.index("(617) 995-2500") + 15]
    table = (
        "Commission       Name of Registrant, Address of Principal      State of Incorporation"
        "      I.R.S. Employer Identification Number\n"
        "File Number      Executive Offices and Telephone Number\n"
        "\n"
        "0-17999          ImmunoGen, Inc.                               Massachusetts"
        "               04-2726691\n"
        "                 128 Sidney Street\n"
        "                 Cambridge, MA 02139\n"
        "                 617-995-2500\n"
        "\n"
        "333-101234       ImmunoGen Securities Corp.                    Delaware"
        "                    04-3300000\n"
        "                 1 Federal Street\n"
        "                 Boston, MA 02110\n"
        "                 617-555-1212\n"
    )
    assert _registrants(_edit((block, table))) == [
        (
            "ImmunoGen, Inc.",
            "Massachusetts",
            "0-17999",
            "04-2726691",
            "128 Sidney Street Cambridge, MA",
            "02139",
            "617-995-2500",
        ),
        (
            "ImmunoGen Securities Corp.",
            "Delaware",
            "333-101234",
            "04-3300000",
            "1 Federal Street Boston, MA",
            "02110",
            "617-555-1212",
        ),
    ]


def test_a_street_where_the_name_would_be_is_no_name() -> None:
    # Macy's 2013 (10-K) prints its name as a logo and its address uncaptioned: the first
    # line of text after the title is "7 West Seventh Street", no name.
    filing = sec8k.parse(_edit((NAME, "                                 7 West Seventh Street\n")))
    assert [r.name for r in filing.cover.registrants] == [None]
    assert "7 West Seventh Street" in [u.text for u in filing.unrecognized]


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
        # Each date beside a label of its own, the second label on one row or wrapped
        # over two (Apple 1996 and 2000).
        "       Date of Report:                     November 12, 2002\n"
        "       Date of earliest event reported:    November 8, 2002\n",
        "       Date of Report:      November 12, 2002\n"
        "       Date of earliest\n"
        "       event reported:      November 8,2002\n",
    ],
    ids=["caption-shape", "own-label", "numeric", "two-labels", "two-labels-wrapped"],
)
def test_date_of_report_with_a_second_date_in_parentheses(date_line: str) -> None:
    cover = sec8k.parse(_edit((DATE, date_line))).cover
    assert (cover.date_of_report, cover.date_of_report_text, cover.date_of_earliest_event) == (
        datetime.date(2002, 11, 12),
        "November 12, 2002",
        datetime.date(2002, 11, 8),
    )


PHONE = "       Registrant's telephone number, including area code: (617) 995-2500\n"
HEADINGS = (
    "\nSecurities registered pursuant to Section 12(b) of the Act:\n\n"
    "Title of each class                       Trading Symbol(s)  "
    "Name of each exchange on which registered\n"
)
UNITS = "Units, each consisting of one share of Class A common stock and one-half of one warrant"
WARRANTS = "Redeemable warrants, each exercisable for one share of Class A common stock"
NASDAQ = "Nasdaq Stock Market"


@pytest.mark.parametrize(
    "rows",
    [
        # Titles wrapped under their first line, which holds the symbol and exchange.
        "Units, each consisting of one share of    ABCDU              Nasdaq Stock Market\n"
        "  Class A common stock and one-half of\n"
        "  one warrant\n"
        "Class A common stock                      ABCD               Nasdaq Stock Market\n"
        "Redeemable warrants, each exercisable     ABCDW              Nasdaq Stock Market\n"
        "  for one share of Class A common stock\n",
        # Cells aligned to their bottom line: the title's first lines stand alone.
        "Units, each consisting of one share of\n"
        "Class A common stock and one-half of\n"
        "one warrant                               ABCDU              Nasdaq Stock Market\n"
        "Class A common stock                      ABCD               Nasdaq Stock Market\n"
        "Redeemable warrants, each exercisable\n"
        "for one share of Class A common stock     ABCDW              Nasdaq Stock Market\n",
        # Rows set apart by blank lines.
        "\n"
        "Units, each consisting of one share of    ABCDU              Nasdaq Stock Market\n"
        "Class A common stock and one-half of\n"
        "one warrant\n"
        "\n"
        "Class A common stock                      ABCD               Nasdaq Stock Market\n"
        "\n"
        "Redeemable warrants, each exercisable     ABCDW              Nasdaq Stock Market\n"
        "for one share of Class A common stock\n",
    ],
    ids=["top-aligned", "bottom-aligned", "blank-lines-between"],
)
def test_securities_12b_table_with_several_rows(rows: str) -> None:
    # A SPAC's units, shares and warrants: three securities, not one.
    cover = sec8k.parse(_edit((PHONE, PHONE + HEADINGS + rows))).cover
    assert [(s.title, s.trading_symbol, s.exchange) for s in cover.securities_12b or ()] == [
        (UNITS, "ABCDU", NASDAQ),
        ("Class A common stock", "ABCD", NASDAQ),
        (WARRANTS, "ABCDW", NASDAQ),
    ]


def test_securities_12b_not_applicable_symbol_and_a_note_under_the_table() -> None:
    rows = (
        "Common Stock, $0.01 par value             ABCD               New York Stock Exchange\n"
        "5.25% Senior Notes due 2028               N/A                New York Stock Exchange\n"
        "\n"
        "Class B stock is not listed on any exchange; it converts into Class A share for share.\n"
    )
    filing = sec8k.parse(_edit((PHONE, PHONE + HEADINGS + rows)))
    assert [(s.title, s.trading_symbol) for s in filing.cover.securities_12b or ()] == [
        ("Common Stock, $0.01 par value", "ABCD"),
        ("5.25% Senior Notes due 2028", None),
    ]


WRAPPED_HEADINGS = (
    "\nSecurities registered pursuant to Section 12(b) of the Act:\n\n"
    "Title of each class                       Trading Symbol(s)  Name of each exchange\n"
    "                                                             on which registered\n"
)


LINE_12B = "\nSecurities registered pursuant to Section 12(b) of the Act:\n"
ROW_12B = "Common Stock, no par value per share      ABCD               The Nasdaq Capital Market\n"
CAPTIONS_12B = (
    "(Title of class)                          (Trading Symbol)   (Name of each exchange on"
    " which registered)\n"
)


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(LINE_12B + "\n" + CAPTIONS_12B + ROW_12B, id="captions-in-parentheses-above"),
        # Riot Platforms 2023: the captions under the values, and the line printed twice.
        pytest.param(LINE_12B + LINE_12B + ROW_12B + CAPTIONS_12B, id="captions-under-the-row"),
    ],
)
def test_securities_12b_captions_in_parentheses(table: str) -> None:
    filing = sec8k.parse(_edit((PHONE, PHONE + table)))
    assert [(s.title, s.trading_symbol, s.exchange) for s in filing.cover.securities_12b or ()] == [
        ("Common Stock, no par value per share", "ABCD", "The Nasdaq Capital Market")
    ]


def test_securities_12b_heading_that_wraps_is_no_security() -> None:
    rows = "Common Stock, $0.01 par value             ABCD               New York Stock Exchange\n"
    filing = sec8k.parse(_edit((PHONE, PHONE + WRAPPED_HEADINGS + rows)))
    assert [(s.title, s.trading_symbol, s.exchange) for s in filing.cover.securities_12b or ()] == [
        ("Common Stock, $0.01 par value", "ABCD", "New York Stock Exchange")
    ]


def test_securities_12b_headings_and_an_exchange_wrapped_over_lines() -> None:
    # Wells Fargo 2025 (10-K): "Name of" over "Each Exchange on Which Registered", and the
    # exchange's name over three lines, the middle one a masthead word alone.
    table = (
        "\nSecurities registered pursuant to Section 12(b) of the Act:\n\n"
        "Title of Each Class                       Trading Symbols    Name of\n"
        "                                                             Each Exchange on Which"
        " Registered\n"
        "Common Stock, par value $1-2/3            WFC                New York Stock\n"
        "                                                             Exchange\n"
        "                                                             (NYSE)\n"
        "7.5% Preferred Stock, Series L            WFC.PRL            NYSE\n"
    )
    filing = sec8k.parse(_edit((PHONE, PHONE + table)))
    assert [(s.title, s.trading_symbol, s.exchange) for s in filing.cover.securities_12b or ()] == [
        ("Common Stock, par value $1-2/3", "WFC", "New York Stock Exchange (NYSE)"),
        ("7.5% Preferred Stock, Series L", "WFC.PRL", "NYSE"),
    ]


def test_securities_12b_heading_that_wraps_in_a_real_filing() -> None:
    # Oracle 2019: "Name of each exchange" over "on which registered", then three classes.
    path = FILINGS / "0001193125-19-191922_d776427d8k" / "0001193125-19-191922_d776427d8k.htm"
    cover = sec8k.parse(path).cover
    assert [(s.title, s.trading_symbol) for s in cover.securities_12b or ()] == [
        ("Common Stock, par value $0.01 per share", "ORCL"),
        ("2.25% senior notes due January 2021", None),
        ("3.125% senior notes due July 2025", None),
    ]


@pytest.mark.parametrize(
    ("more", "exchange"),
    [
        pytest.param(
            "                                                             NYSE Texas, Inc.\n",
            "New York Stock Exchange; NYSE Texas, Inc.",
            id="a-second-exchange",
        ),
        pytest.param(
            "                                                             Chicago Stock Exchange\n"
            "                                                             Pacific Stock Exchange\n",
            "New York Stock Exchange; Chicago Stock Exchange; Pacific Stock Exchange",
            id="three-exchanges",
        ),
        pytest.param(
            "                                                             (NYSE Global Market)\n",
            "New York Stock Exchange (NYSE Global Market)",
            id="the-part-of-the-exchange",
        ),
    ],
)
def test_securities_12b_exchange_column_going_on_under_a_class(more: str, exchange: str) -> None:
    rows = (
        "Common Stock, $0.01 par value             ABCD               New York Stock Exchange\n"
        + more
        + "5.25% Senior Notes due 2028               ABCD28             New York Stock Exchange\n"
    )
    filing = sec8k.parse(_edit((PHONE, PHONE + HEADINGS + rows)))
    assert [(s.title, s.trading_symbol, s.exchange) for s in filing.cover.securities_12b or ()] == [
        ("Common Stock, $0.01 par value", "ABCD", exchange),
        ("5.25% Senior Notes due 2028", "ABCD28", "New York Stock Exchange"),
    ]


def test_securities_12b_name_of_an_exchange_that_wraps_stays_one_name() -> None:
    rows = (
        "Common Stock, $0.01 par value             ABCD               The Nasdaq Stock\n"
        "                                                             Market LLC\n"
    )
    filing = sec8k.parse(_edit((PHONE, PHONE + HEADINGS + rows)))
    exchanges = [s.exchange for s in filing.cover.securities_12b or ()]
    assert exchanges == ["The Nasdaq Stock Market LLC"]


def test_securities_12b_class_on_two_exchanges_in_a_real_filing() -> None:
    # WaterBridge 2025: "NYSE Texas, Inc." in the exchange's cell, under the NYSE.
    cover = sec8k.parse(FILINGS / "WBI_8K_2025-12-15" / "WBI_8K_2025-12-15.html").cover
    assert [(s.title, s.trading_symbol, s.exchange) for s in cover.securities_12b or ()] == [
        (
            "Class A shares representing limited liability company interests",
            "WBI",
            "New York Stock Exchange; NYSE Texas, Inc.",
        )
    ]


@pytest.mark.parametrize(
    ("address", "street"),
    [
        pytest.param(
            # Sears 2004: the zip right of the street, its caption beside the city.
            "           128 Sidney Street                             02139\n"
            "       Cambridge, Massachusetts                       (Zip Code)\n"
            "(Address of principal executive offices)\n",
            "128 Sidney Street Cambridge, Massachusetts",
            id="zip-caption-on-the-next-line",
        ),
        pytest.param(
            # GameStop 2024 (10-K): "625 Westport Parkway | 76051" over "Grapevine, |
            # Texas", the state in a table cell of its own, far left of the zip's column.
            "128 Sidney Street                                   02139\n"
            "Cambridge,   Massachusetts\n"
            "(Address of principal executive offices)            (Zip Code)\n",
            "128 Sidney Street Cambridge, Massachusetts",
            id="city-and-state-in-two-cells",
        ),
        pytest.param(
            # PerkinElmer 2001 (10-K405): "02481" alone at the right, over the address and
            # the "(ZIP CODE)" caption beside it. A lone five-digit line is no masthead.
            "                                                    02139\n"
            "128 Sidney Street, Cambridge, Massachusetts         (Zip Code)\n"
            "(Address of principal executive offices)\n",
            "128 Sidney Street, Cambridge, Massachusetts",
            id="zip-on-a-row-of-its-own",
        ),
        pytest.param(
            # Caterpillar 2022, Tyson 2019: the state in a cell of its own nearer the zip
            # code's caption than the address's; no zip code has letters.
            "   128 Sidney Street,   Cambridge,             Massachusetts   02139\n"
            "   (Address of principal executive offices)                  (Zip Code)\n",
            "128 Sidney Street, Cambridge, Massachusetts",
            id="state-near-the-zip-caption",
        ),
        pytest.param(
            # A foreign filer's "N/A" under the zip code's caption is no part of the address.
            "   128 Sidney Street, Cambridge, Massachusetts             N/A\n"
            "   (Address of principal executive offices)                  (Zip Code)\n",
            "128 Sidney Street, Cambridge, Massachusetts",
            id="no-zip-code",
        ),
    ],
)
def test_address_and_zip_code_in_the_shapes_covers_print_them(address: str, street: str) -> None:
    zip_code = "02139" if "02139" in address else None
    assert _registrants(_edit((ADDRESS, address))) == [(*FIRST[:4], street, zip_code, FIRST[6])]


@pytest.mark.parametrize(
    ("under_name", "former"),
    [
        # Liaoning Shuiyun 2024: the former name between the name and its caption.
        ("(Formerly known as Evergreen International Corp.)", "Evergreen International Corp."),
        ("(f/k/a ImmunoGen Holdings, Inc.)", "ImmunoGen Holdings, Inc."),
        # The state of incorporation there: no part of the name either.
        ("(A Massachusetts Corporation)", None),
    ],
    ids=["formerly-known-as", "fka", "a-state-corporation"],
)
def test_a_value_in_parentheses_between_the_name_and_its_caption(
    under_name: str, former: str | None
) -> None:
    text = _edit((NAME, NAME.replace("(Exact", f"{under_name}\n(Exact")))
    assert _registrants(text) == [FIRST]
    assert sec8k.parse(text).cover.former_name == former


def test_a_canadian_postal_code() -> None:
    address = (
        "     83 Stanley Road, Woodville, Ontario K0M 2T0\n"
        "              (Address of principal executive offices)\n"
    )
    assert _registrants(_edit((ADDRESS, address)))[0][4:6] == (
        "83 Stanley Road, Woodville, Ontario",
        "K0M 2T0",
    )


def test_values_on_tab_stops_that_are_not_the_captions() -> None:
    # Apple 1996 prints "\tCalifornia\t\t\t0-10030\t\t94-2404110" over captions set with
    # spaces; expanded to 8-column stops, a value can sit under the caption before its
    # own. Here the file number lands under the state's caption.
    numbers = "\tMassachusetts\t0-17999\t\t\t\t\t04-2726691\n"
    assert _registrants(_edit((NUMBERS, numbers))) == [FIRST]


def test_telephone_label_alone_with_its_number_below() -> None:
    # "Registrant's telephone number, including area code" on its own row, the number on
    # the next, then the former name and its caption: the number is no former name.
    phone = (
        "       Registrant's telephone number, including area code\n\n"
        "                              (617) 995-2500\n\n"
        "                              Not Applicable\n"
        "         (Former name or former address, if changed since last report)\n"
    )
    filing = sec8k.parse(_edit((PHONE, phone)))
    assert filing.cover.registrants[0].phone == "(617) 995-2500"
    assert filing.cover.former_name is None


@pytest.mark.corpus
@requires_corpus
def test_telephone_label_alone_in_a_real_filing() -> None:
    # Estee Lauder 2012 (HTML) prints that shape.
    filing = sec8k.parse(CORPUS / "files" / "0000909518-12-000231_mm07-1812_8k.htm")
    assert filing.cover.registrants[0].phone == "212-572-4200"
    assert filing.cover.former_name is None


def test_inline_xbrl_facts_in_inline_divs() -> None:
    # NexPoint (edgartools' fixture): every cover fact in <div style="display:inline">, the
    # commas of the address and the parentheses of the telephone between them.
    path = Path(__file__).parent / "filings" / "edgartools_NextPoint.8K"
    cover = sec8k.parse(path / "edgartools_NextPoint.8K.html").cover
    registrant = cover.registrants[0]
    assert (cover.form_type, registrant.address, registrant.zip, registrant.phone) == (
        "8-K",
        "300 Crescent Court, Suite 700 Dallas, Texas",
        "75201",
        "(972) 934-4700",
    )
    assert cover.former_name is None


def test_double_spaced_cover_with_a_wrapped_date_label_above_the_name() -> None:
    # The ImmunoGen cover double-spaced (a blank line after every line, so blank lines are
    # paragraph spacing) with Apple 1996's wrapped second date label above the name: the
    # name's caption takes the name, not the date line above it.
    dates = (
        "       Date of Report:   November 12, 2002\n"
        "       Date of earliest\n"
        "       event reported:   November 8, 2002\n"
    )
    text = _edit((DATE, dates))
    head, rest = text.split("ITEM 9.", 1)
    double = "\n".join(line + "\n" if line.strip() else line for line in head.split("\n"))
    filing = sec8k.parse(double + "ITEM 9." + rest)
    assert filing.cover.registrants[0].name == "IMMUNOGEN, INC."


def test_a_second_address_block_over_the_former_name_caption_is_the_former_address() -> None:
    # SPACEHAB's 2004 covers: the former address printed with its own address and zip
    # captions, and the former-name caption under them.
    former = (
        "\n        601 13th Street, NW, Suite 900 South, Washington, DC      20005\n"
        "        (Address of principal executive offices)                  (Zip Code)\n\n"
        "        (Former name or address, if changed since last report)\n"
    )
    filing = sec8k.parse(_edit((ADDRESS, ADDRESS + former)))
    assert _registrants(_edit((ADDRESS, ADDRESS + former))) == [FIRST]
    assert filing.cover.former_name == "601 13th Street, NW, Suite 900 South, Washington, DC 20005"


def test_an_address_block_alone_over_a_blank_former_name_stays_the_address() -> None:
    # The former name left blank under the registrant's one address: no former name.
    blank = "\n        (Former name or former address, if changed since last report)\n"
    assert _registrants(_edit((ADDRESS, ADDRESS + blank))) == [FIRST]
    assert sec8k.parse(_edit((ADDRESS, ADDRESS + blank))).cover.former_name is None


@pytest.mark.corpus
@requires_corpus
def test_a_second_address_block_as_former_address_in_a_real_filing() -> None:
    filing = sec8k.parse(CORPUS / "files" / "0001193125-04-084786_d8k.htm")
    assert filing.cover.registrants[0].address == (
        "12130 Galveston Road (Hwy 3), Building 1, Webster, Texas"
    )
    assert filing.cover.former_name == "601 13th Street, NW, Suite 900 South, Washington, DC 20005"


@pytest.mark.parametrize("dash", ["\u2013", "-", "\u2014"])
def test_a_dash_between_the_date_label_and_the_date(dash: str) -> None:
    # "Date of Report (date of Earliest Event Reported) <en dash> February 10, 2004" (SPACEHAB).
    line = f"       Date of Report (Date of earliest event reported) {dash} November 12, 2002\n"
    cover = sec8k.parse(_edit((DATE, line))).to_dict()["cover"]
    assert cover["date_of_report_text"] == "November 12, 2002"
    assert cover["date_of_report"] == "2002-11-12"


@pytest.mark.parametrize(
    "phone",
    [
        # Westell 1999: the caption in parentheses, the number after it on its line.
        "(Registrant's telephone number, including area code)       (617) 995-2500\n",
        # 3M 2024 (HTML): one space between them.
        "(Registrant's Telephone Number, Including Area Code) (617) 995-2500\n",
    ],
)
def test_phone_printed_after_its_caption_on_one_line(phone: str) -> None:
    text = _edit(
        ("       Registrant's telephone number, including area code: (617) 995-2500\n", phone)
    )
    assert _registrants(text) == [FIRST]


@pytest.mark.parametrize(
    "phone",
    [
        # Milestone Scientific 2022 (HTML): the number, with its label, over the caption.
        "Tel. (617) 995-2500\n\n(Registrant's Telephone Number, Including Area Code)\n",
        # Seagate 2017 (a 10-Q): "Telephone:", and the number in the caption's column.
        "              Telephone: (617) 995-2500\n"
        "              (Registrant's telephone number, including area code)\n",
    ],
)
def test_phone_with_a_label_over_its_caption(phone: str) -> None:
    text = _edit(
        ("       Registrant's telephone number, including area code: (617) 995-2500\n", phone)
    )
    assert _registrants(text) == [FIRST]


def test_a_caption_beside_a_value_keeps_the_value_above_it() -> None:
    # The zip caption with a number after it: the zip printed above it stays the zip.
    text = _edit(
        (
            "              (Address of principal executive offices)       (Zip Code)\n",
            "              (Address of principal executive offices)       (Zip Code)  x\n",
        )
    )
    assert _registrants(text)[0][5] == "02139"


@pytest.mark.corpus
@requires_corpus
def test_phone_after_its_caption_in_a_real_filing() -> None:
    # 3M 2024: "(Registrant's Telephone Number, Including Area Code) (651) 733-1110".
    filing = sec8k.parse(CORPUS / "files" / "0000066740-24-000023.txt")
    assert filing.cover.registrants[0].phone == "(651) 733-1110"


def _boxes(path: Path) -> list[tuple[str | None, bool, str]]:
    cover = sec8k.parse(path).cover
    assert cover is not None
    return [(box.field, box.checked, box.label) for box in cover.boxes]


def test_a_box_whose_rule_citation_wraps_to_the_margin_keeps_it() -> None:
    # Horizon 2006: "... under the Exchange Act <BR> (17 CFR\n240.14d-2(b))", the
    # citation's line at the margin under the box's own text.
    path = FILINGS / "0000939057-06-000083" / "0000939057-06-000083.htm"
    labels = [label for _, _, label in _boxes(path)]
    assert labels[2].endswith("under the Exchange Act (17 CFR 240.14d-2(b))")
    assert labels[3].endswith("under the Exchange Act (17 CFR 240.13e-4(c))")
    assert not sec8k.parse(path).unrecognized


def test_a_box_whose_citation_is_a_paragraph_of_its_own_keeps_it() -> None:
    # Ford 2017: "... under the Exchange Act" and "(17 CFR 240.14d-2(b))" in paragraphs of
    # their own, a blank line between them. Here Horizon's rows are split so.
    path = FILINGS / "0000939057-06-000083" / "0000939057-06-000083.htm"
    html = path.read_text(encoding="latin-1")
    wrapped = "<BR>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; (17 CFR\n240.14d-2(b))</TD></TR>"
    assert html.count(wrapped) == 1
    row = '<TR VALIGN="TOP"><TD COLSPAN="3" width="619">'
    split = f"</TD></TR>{row}&nbsp; </TD></TR>{row}(17 CFR 240.14d-2(b))</TD></TR>"
    cover = sec8k.parse(html.replace(wrapped, split)).cover
    assert cover is not None
    assert cover.boxes[2].label.endswith("under the Exchange Act (17 CFR 240.14d-2(b))")


def test_a_wrapped_box_in_a_table_has_the_span_of_its_own_lines() -> None:
    # Nuance 2016: the citation on the cell's second line; a table row's line end
    # stands for the table's end, which the box's span must not reach.
    path = FILINGS / "0001002517-16-000065_a8-k" / "0001002517-16-000065_a8-k.htm"
    cover = sec8k.parse(path).cover
    assert cover is not None
    spans = [box.span for box in cover.boxes]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    source = path.read_text(encoding="utf-8", errors="replace")
    assert source[spans[2].start : spans[2].end].endswith("(17 CFR 240.14d-2(b))")


def test_a_line_at_the_margin_under_a_box_that_is_no_citation_is_no_part_of_it() -> None:
    path = FILINGS / "0000939057-06-000083" / "0000939057-06-000083.htm"
    text = path.read_text(encoding="latin-1").replace(
        "(17 CFR\n240.14d-2(b))", "(17 CFR 240.14d-2(b))<BR>Something else"
    )
    filing = sec8k.parse(text)
    assert filing.cover is not None
    assert filing.cover.boxes[2].label.endswith("(17 CFR 240.14d-2(b))")
    assert [u.text for u in filing.unrecognized] == ["Something else"]


def test_boxes_printed_in_wordperfect_typographic_symbols() -> None:
    # Horizon 2008: each box is "G" in the font "WP TypographicSymbols".
    path = FILINGS / "0000939057-08-000253" / "0000939057-08-000253.htm"
    boxes = _boxes(path)
    assert [(field, checked) for field, checked, _ in boxes] == [
        ("written_communications", False),
        ("soliciting_material", False),
        ("pre_commencement_tender_offer", False),
        ("pre_commencement_issuer_tender_offer", False),
    ]
    assert boxes[0][2].startswith("Written communications pursuant to Rule 425")


@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize(
    "name", ["0000939057-08-000103_k8328.htm", "0000939057-09-000355_k8hor12409.htm"]
)
def test_boxes_in_wordperfect_typographic_symbols_in_the_corpus(name: str) -> None:
    filing = sec8k.parse(CORPUS / "files" / name)
    assert filing.cover is not None and filing.cover.checkboxes is not None
    assert set(filing.cover.checkboxes.answers().values()) == {False}
    assert not [u for u in filing.unrecognized if u.context == "cover"]


@pytest.mark.parametrize(
    ("font", "glyphs", "checked"),
    [
        # Wingdings 2: "S" a box with an X in it, "£" a white square (Disney 2018).
        ("Wingdings 2", ("S", "&#163;", "&#163;", "&#163;"), [True, False, False, False]),
        ("Wingdings 2", ("&#163;", "&#163;", "T", "&#163;"), [False, False, True, False]),
        # In Wingdings itself "S" is no box: the box is left unread, as printed.
        ("Wingdings", ("S", "o ", "o ", "o "), [False, False, False]),
    ],
    ids=["wingdings-2-s", "wingdings-2-t", "wingdings-s"],
)
def test_boxes_printed_in_wingdings_2(
    font: str, glyphs: tuple[str, ...], checked: list[bool]
) -> None:
    # Nuance 2016 prints each A.2 box as "o" in Wingdings; here in another font's glyphs.
    path = FILINGS / "0001002517-16-000065_a8-k" / "0001002517-16-000065_a8-k.htm"
    html = path.read_text(encoding="utf-8", errors="replace")
    box = '<font style="font-family:Wingdings;font-size:10pt;">o </font>'
    assert html.count(box) == 4
    for glyph in glyphs:
        html = html.replace(
            box, f'<font style="font-family:{font};font-size:10pt;">{glyph}</font>', 1
        )
    cover = sec8k.parse(html).cover
    assert cover is not None
    assert [b.checked for b in cover.boxes if b.field in A2_BOXES] == checked


def test_a_colon_after_a_caption_before_its_value() -> None:
    # Tyson 2017: "(Date of Earliest Event Reported): December 31, 2016" under the date
    # of report's label: the colon is the caption's, the date the caption's value.
    line = "       (Date of earliest event reported): November 12, 2002\n"
    filing = sec8k.parse(_edit((DATE, "       Date of Report\n" + line)))
    assert filing.cover is not None
    assert [(f.name, f.text) for f in filing.cover.fields][:1] == [
        ("date_of_report", "November 12, 2002")
    ]
    assert filing.cover.date_of_report == datetime.date(2002, 11, 12)
    assert not filing.unrecognized


# ---- a 10-K's cover: the shell company question's answer in other layouts ----

SHELL = "Rule 12b-2 of the Exchange Act). Yes [ ] No |X|"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Yes [ ] No |X|", False),  # as printed: each box after its answer
        ("[ ] Yes   [X] No", False),  # each box before its answer (Forward Industries 2008)
        ("[X] Yes   [ ] No", True),
        ("Yes      No    X", False),  # one mark after the answer it marks (Vulcan 2012)
        ("Yes    X    No", True),
    ],
)
def test_the_shell_company_answer_wherever_its_box_is(answer: str, expected: bool) -> None:
    # Southwest Iowa Renewable Energy 2008 (10-K), its one answer line edited.
    path = ROOT / "tests" / "contents" / "form10k_122308" / "form10k_122308.htm"
    original = path.read_text(encoding="latin-1")
    assert original.count(SHELL) == 1
    text = original.replace(SHELL, SHELL.replace("Yes [ ] No |X|", answer))
    cover = sec8k.parse(text).cover
    assert cover is not None
    assert getattr(cover, "shell_company") is expected  # noqa: B009


# ---- a 10-Q's cover: the shares outstanding, in the sentences covers print ----

SHARES = "As of September&nbsp;30, 2014, 25,136,514&nbsp;shares of common stock, $0.0001&nbsp;par value were outstanding. "  # noqa: E501


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (SHARES, ("common stock", "25,136,514")),  # as printed
        # Smucker 2023: "common shares" and no class after them.
        (
            "The Company had 25,136,514 common shares outstanding on September 30, 2014.",
            (None, "25,136,514"),
        ),
        # C3.ai 2023: "outstanding" before the count.
        (
            "As of September 30, 2014, the registrant had outstanding 25,136,514 shares of"
            " common stock.",
            ("common stock", "25,136,514"),
        ),
        # Vulcan 2013: the count after a colon.
        (
            "Number of shares of common stock, $0.0001 par value, outstanding as of"
            " September 30, 2014:   25,136,514",
            ("common stock, $0.0001 par value", "25,136,514"),
        ),
        # Texas Instruments 2024: the count, then what it counts in parentheses.
        (
            "25,136,514 (Number of shares of common stock outstanding as of September 30, 2014)",
            ("common stock", "25,136,514"),
        ),
        # Seagate 2017: "of the registrant's ordinary shares".
        (
            "As of September 30, 2014, 25,136,514 of the registrant's ordinary shares, par"
            " value $0.00001 per share, were issued and outstanding.",
            ("ordinary shares", "25,136,514"),
        ),
        # NVIDIA 2023 and 2025: the count in billions.
        (
            "The number of shares of common stock outstanding as of September 30, 2014 was"
            " 2.47 billion.",
            ("common stock", "2.47 billion"),
        ),
        # Intel 1995: a count in millions before its class.
        (
            "821.2 million shares of Common Stock outstanding as of September 30, 2014",
            ("Common Stock", "821.2 million"),
        ),
        # Marathon Digital 2024: "the number of outstanding shares of ..., was" the count.
        (
            "As of September 30, 2014, the number of outstanding shares of the registrant's"
            " common stock, par value $0.0001 per share, was 25,136,514.",
            ("common stock", "25,136,514"),
        ),
        # GAINSCO 2010: the class's par value in parentheses, with its decimal point.
        (
            "As of September 30, 2014, there were 25,136,514 shares of the registrant's"
            " Common Stock ($.10 par value) outstanding.",
            ("Common Stock ($.10 par value)", "25,136,514"),
        ),
        # Visa 2024: the sentence dates the counts, a table of its own under it gives them.
        (
            "As of September 30, 2014, the registrant's shares of common stock outstanding were"
            " as follows.</p><p>&nbsp;</p><table><tr><td>Class</td><td>Shares outstanding</td>"
            "</tr><tr><td>Common stock, $0.0001 par value</td><td>25,136,514</td></tr></table><p>",
            ("Common stock, $0.0001 par value", "25,136,514"),
        ),
        # Exxon Mobil 2023: a table of class and count after the sentence, no count in it.
        (
            "Indicate the number of shares outstanding of each of the issuer's classes of"
            " common stock, as of the latest practicable date.<table><tr><td>Class</td>"
            "<td>Outstanding as of September 30, 2014</td></tr><tr><td>Common stock,"
            " $0.0001 par value</td><td>25,136,514</td></tr></table>",
            ("Common stock, $0.0001 par value", "25,136,514"),
        ),
    ],
)
def test_shares_outstanding_as_covers_print_them(
    sentence: str, expected: tuple[str | None, str]
) -> None:
    # National American University 2014 (10-Q), its one sentence edited.
    path = ROOT / "tests" / "contents" / "d778787d10q" / "d778787d10q.htm"
    original = path.read_text(encoding="latin-1")
    assert original.count(SHARES) == 1
    cover = sec8k.parse(original.replace(SHARES, sentence)).cover
    assert cover is not None
    shares = getattr(cover, "shares_outstanding")  # noqa: B009
    assert [(s.title, s.shares, s.date) for s in shares] == [
        (*expected, datetime.date(2014, 9, 30))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Ford 1994 and 2002: the count in the paragraph of the market value.
        (
            "As of September 30, 2014, the Registrant had outstanding 25,136,514 shares of"
            " Common Stock and 1,250,000 shares of Class B Stock. Based on the closing price"
            " of $12.50 a share, the aggregate market value of the Common Stock held by"
            " non-affiliates was $214,000,000.",
            [("Common Stock", "25,136,514"), ("Class B Stock", "1,250,000")],
        ),
        # The market value's paragraph without a sentence of shares outstanding: none.
        (
            "The aggregate market value of the 12,000,000 shares of common stock held by"
            " non-affiliates, as of September 30, 2014, was $214,000,000.",
            [],
        ),
    ],
)
def test_shares_outstanding_in_the_market_values_paragraph(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    path = ROOT / "tests" / "contents" / "d778787d10q" / "d778787d10q.htm"
    original = path.read_text(encoding="latin-1")
    cover = sec8k.parse(original.replace(SHARES, sentence)).cover
    shares = getattr(cover, "shares_outstanding")  # noqa: B009
    dated = [(*pair, datetime.date(2014, 9, 30)) for pair in expected]
    assert [(s.title, s.shares, s.date) for s in shares] == dated


def test_securities_12b_class_after_the_lines_colon_in_a_real_filing() -> None:
    # Medicis's 1999 10-K: "Securities registered pursuant to Section 12(b) of the Act:  Class
    # A Common Stock, $0.014 par value", the next class under it, "(Title of each Class)".
    folder = ROOT / "tests" / "forms" / "10k_1999_0000950153-99-001234"
    cover = sec8k.parse(folder / "10k_1999_0000950153-99-001234.html").cover
    assert [(s.title, s.trading_symbol, s.exchange) for s in cover.securities_12b or ()] == [
        ("Class A Common Stock, $0.014 par value", None, None),
        ("Preference Share Purchase Rights", None, None),
    ]


def test_shares_outstanding_after_the_market_value_in_a_real_filing() -> None:
    # Medicis's 1999 10-K: "As of September 9,1999, there were outstanding 28,370,478
    # shares of Class A Common Stock $0.014 par value and 422,962 shares of Class B ...",
    # in the paragraph of the aggregate market value.
    folder = ROOT / "tests" / "forms" / "10k_1999_0000950153-99-001234"
    cover = sec8k.parse(folder / "10k_1999_0000950153-99-001234.html").cover
    shares = getattr(cover, "shares_outstanding")  # noqa: B009
    assert [(s.title, s.shares, s.date) for s in shares] == [
        ("Class A Common Stock $0.014 par value", "28,370,478", datetime.date(1999, 9, 9)),
        ("Class B Common Stock $0.014 par value", "422,962", datetime.date(1999, 9, 9)),
    ]


@pytest.mark.parametrize(
    ("rows", "checked"),
    [
        # Forward Industries 2016 (10-K): each box before its own text, two to a row.
        (
            "[ ]  Large accelerated filer                    [ ]  Accelerated filer\n"
            "[ ]  Non-accelerated filer                      [X]  Smaller reporting company\n",
            ["Smaller reporting company"],
        ),
        # Southwest Iowa Renewable Energy 2008: each box after its text, the third's box
        # wrapped to the next line before the fourth's text.
        pytest.param(
            "  Large accelerated filer    [ ] Accelerated filer    [ ] Non-accelerated filer\n"
            "  [ ] Smaller reporting company  [X]\n",
            ["Smaller reporting company"],
            marks=pytest.mark.xfail(
                strict=True,
                reason="a box wrapped to the start of the next line is read as that line's",
            ),
        ),
    ],
)
def test_filer_category_boxes_two_to_a_row(rows: str, checked: list[str]) -> None:
    # Apple's 1994 10-K, its cover given the question and the boxes of a filer's category.
    path = ROOT / "tests" / "forms" / "0000320193-94-000016" / "0000320193-94-000016.txt"
    original = path.read_text(encoding="latin-1")
    anchor = "Form 10-K or any amendment to this Form 10-K.  [   ]\n"
    assert original.count(anchor) == 1
    question = (
        "\nIndicate by check mark whether the registrant is a large accelerated filer, an"
        "\naccelerated filer, a non-accelerated filer, or a smaller reporting company.\n\n"
    )
    cover = sec8k.parse(original.replace(anchor, anchor + question + rows, 1)).cover
    assert list(getattr(cover, "filer_category")) == checked  # noqa: B009


def test_a_street_over_a_table_row_of_city_and_zip_code() -> None:
    # Nuance 2019 and 2021: "1 Wayside Road" in a paragraph, then a table whose rows are
    # "Burlington, MA | 01803" and "(Address of Principal Executive Offices) | (Zip
    # Code)". The table's row stopped the search for the address's lines at its top.
    name = "0001002517-19-000030_a8-kbylawsamendment1"
    html = (FILINGS / name / f"{name}.htm").read_text(encoding="utf-8")
    bold = '<font style="font-family:inherit;font-size:10pt;font-weight:bold;">'
    start = html.index(f"{bold}1 Wayside Road</font></div>")
    end = html.index("(Zip Code)</font></div>", start) + len("(Zip Code)</font></div>")
    table = (
        f"{bold}1 Wayside Road</font></div><table><tr><td>Burlington, MA</td>"
        "<td>01803</td></tr><tr><td>(Address of Principal Executive Offices)</td>"
        "<td>(Zip Code)</td></tr></table>"
    )
    cover = sec8k.parse(html[:start] + table + html[end:]).cover
    assert cover is not None
    registrant = cover.registrants[0]
    assert (registrant.address, registrant.zip) == ("1 Wayside Road Burlington, MA", "01803")


@pytest.mark.parametrize(
    "note",
    [
        "Exhibit Index on Page 4",  # Apple 1996
        "Exhibit index is located on page 5",  # 1997
        "Exhibit Index 2\n                                   Total Pages   3",  # Zurn 1994
        "Page 1 of 5",
    ],
)
def test_a_note_of_the_pages_on_the_cover(note: str) -> None:
    text = _edit((PHONE, PHONE + f"\n                                   {note}\n"))
    assert _registrants(text) == [FIRST]
    cover = sec8k.parse(text).cover
    assert cover is not None
    notes = [p.text for p in cover.parts if p.kind == "page-note"]
    assert notes == [" ".join(line.split()) for line in note.split("\n")]


def test_the_rule_405_citation_in_a_paragraph_of_its_own_is_the_questions() -> None:
    # Apple 2019 ends the emerging growth question's first paragraph at "Securities Act of
    # 1933" and prints "(§230.405 of this chapter) or Rule 12b-2 ..." as the next one.
    # Here JPMorgan's question is split so.
    name = "0000019617-26-000241_jpm-20260624"
    html = (FILINGS / name / f"{name}.htm").read_text(encoding="utf-8")
    whole = "Rule 405 of the Securities Act of 1933 (&#167;230.405"
    assert html.count(whole) == 1
    split = "Rule 405 of the Securities Act of 1933</span></div><div><span>(&#167;230.405"
    filing = sec8k.parse(html.replace(whole, split))
    assert filing.cover is not None
    assert not [u for u in filing.unrecognized if "230.405" in u.text]
    questions = [p.text for p in filing.cover.parts if "emerging growth company as" in p.text]
    assert questions and "(§230.405 of this chapter)" in questions[0]


@pytest.mark.parametrize(("empty", "checked"), [("/ /", "/X/"), ("/  /", "/x/")])
def test_boxes_printed_between_slashes(empty: str, checked: str) -> None:
    # Microsoft's 1995 and Apple's 1997 10-Ks print "/X/ ANNUAL REPORT" and "/ / TRANSITION
    # REPORT", as 1990s typesetters did. Here Horizon's 2006 8-K prints its four boxes so,
    # the first checked.
    path = FILINGS / "0000939057-06-000175" / "0000939057-06-000175.txt"
    text = path.read_text(encoding="latin-1")
    assert text.count("[ ]  ") == 4
    edited = text.replace("[ ]  ", f"{checked}  ", 1).replace("[ ]  ", f"{empty}  ")
    boxes = _parsed_boxes(edited)
    assert [(b.field, b.checked) for b in boxes] == [
        (field, i == 0) for i, field in enumerate(A2_BOXES)
    ]
    assert [b.label for b in boxes] == [b.label for b in _parsed_boxes(text)]


def _parsed_boxes(text: str) -> tuple[sec8k.model.CheckBox, ...]:
    cover = sec8k.parse(text).cover
    assert cover is not None
    return cover.boxes


@pytest.mark.parametrize(
    ("depositor", "sponsor"),
    [
        ("(Exact name of depositor as specified in its charter)", "(Exact name of sponsor"),
        ("(Exact name of the Depositor as specified in its charter)", "(Exact names of sponsors"),
    ],
)
def test_an_asset_backed_issues_depositor_and_sponsor_are_no_registrants(
    depositor: str, sponsor: str
) -> None:
    # Regulation AB 8-Ks (and the CarMax trust's 10-K in tests/forms) name the depositor and
    # the sponsor under the issuing entity, before the state and the numbers, which are the
    # issuing entity's. Here ImmunoGen is the issuing entity, with two parties under it.
    parties = (
        "                        IMMUNOGEN DEPOSITOR CORP.\n"
        f"               {depositor}\n\n"
        "                        IMMUNOGEN SPONSOR LLC\n"
        f"               {sponsor} as specified in its charter)\n"
    )
    text = _edit((NAME, NAME + "\n" + parties))
    assert _registrants(text) == [FIRST]
    cover = sec8k.parse(text).cover
    assert cover is not None
    assert [(f.name, f.text) for f in cover.fields if f.name.endswith("_name")] == [
        ("depositor_name", "IMMUNOGEN DEPOSITOR CORP."),
        ("sponsor_name", "IMMUNOGEN SPONSOR LLC"),
    ]
