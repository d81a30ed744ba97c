"""Item headings and bodies in the shapes unseen filings print them.

Each test reads a real filing of ``tests/filings`` (or ``examples/``); where the shape
needs a heading the filing does not print, the test edits a copy in memory and says how.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sec8k
from sec8k.model import Item, ReportText, SectionHeading
from tests.conftest import CORPUS, requires_corpus

ROOT = Path(__file__).resolve().parents[1]
IMMUNOGEN = ROOT / "examples" / "immunogen-8k-2002-11-12.txt"
ROCK_OF_AGES = (
    ROOT
    / "tests"
    / "filings"
    / "0000084581-00-500009_formacqui"
    / "0000084581-00-500009_formacqui.htm"
)
HEADING_9 = re.compile(r"(?m)^ITEM 9\.  REGULATION FD DISCLOSURE\n")


def test_items_that_say_none_are_items_with_status_none() -> None:
    # Rock of Ages 2000: Items 1 to 8 each under its own heading, all but Item 5 "None."
    # or "Not applicable." (Item 4's and Item 8's are followed by the repeated page header).
    filing = sec8k.parse(ROCK_OF_AGES)
    assert [(i.number, i.status) for i in filing.items] == [
        ("1", "none"),
        ("2", "none"),
        ("3", "none"),
        ("4", "none"),
        ("5", "reported"),
        ("6", "none"),
        ("7", "none"),
        ("8", "none"),
    ]
    assert [i["status"] for i in filing.to_dict()["items"]].count("reported") == 1
    # The SEC header lists Item 5 only: the "none" items are no disagreement.
    assert "HDR001" not in {d.code for d in filing.diagnostics}


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        ("ITEM9.  REGULATION FD DISCLOSURE", "9", "REGULATION FD DISCLOSURE"),  # no space
        ("ITEM 9.REGULATION FD DISCLOSURE", "9", "REGULATION FD DISCLOSURE"),  # title glued
        ("Item 9.01Financial Statements", "9.01", "Financial Statements"),
        # A dash or colon between the word and the number (a 2024 filing: "Item - 5.02").
        ("Item - 9 Regulation FD Disclosure", "9", "Regulation FD Disclosure"),
        ("ITEM: 9. REGULATION FD DISCLOSURE", "9", "REGULATION FD DISCLOSURE"),
    ],
)
def test_headings_with_their_spaces_missing(heading: str, number: str, title: str) -> None:
    # ImmunoGen 2002 with its "ITEM 9.  REGULATION FD DISCLOSURE" heading printed without
    # the space after "ITEM" or before the title.
    text = HEADING_9.sub(heading + "\n", IMMUNOGEN.read_text(encoding="utf-8"), count=1)
    filing = sec8k.parse(text)
    assert (filing.items[0].number, filing.items[0].title) == (number, title)


def test_a_heading_printed_twice_is_one_item_and_loses_nothing() -> None:
    # ImmunoGen 2002 with its Item 9 heading printed a second time right above itself (a
    # page break between a heading and its body does this in real filings).
    original = IMMUNOGEN.read_text(encoding="utf-8")
    heading = HEADING_9.search(original)
    assert heading is not None
    text = original[: heading.start()] + heading.group() + "\n" + original[heading.start() :]
    filing = sec8k.parse(text)
    assert [i.number for i in filing.items] == ["9", "7"]
    item = filing.items[0]
    assert item.title == "REGULATION FD DISCLOSURE" and item.status == "reported"
    # Both headings lie in the item's heading span.
    assert text[item.heading_span.start : item.heading_span.end].count("ITEM 9.") == 2
    assert item.span.start == item.heading_span.start


def test_text_run_in_after_the_title() -> None:
    # ImmunoGen 2002 with its Item 9 text run in after the title, as HTML filings print a
    # bold heading and the first sentence in one paragraph.
    text = IMMUNOGEN.read_text(encoding="utf-8").replace(
        "ITEM 9.  REGULATION FD DISCLOSURE\n\nOn November",
        "ITEM 9.  REGULATION FD DISCLOSURE. On November",
        1,
    )
    item = sec8k.parse(text).items[0]
    assert item.title == "REGULATION FD DISCLOSURE."
    assert item.text.startswith("On November 12, 2002, the Registrant filed")


@pytest.mark.parametrize(
    "title",
    [
        # A title's own next clause is no run-in text.
        "Departure of Directors or Certain Officers; Election of Directors; Appointment of "
        "Certain Officers. Compensatory Arrangements of Certain Officers.",
        "Results of Operations and Financial Condition.",
    ],
)
def test_titles_with_periods_stay_whole(title: str) -> None:
    text = IMMUNOGEN.read_text(encoding="utf-8").replace(
        "ITEM 9.  REGULATION FD DISCLOSURE\n", f"Item 5.02  {title}\n", 1
    )
    assert sec8k.parse(text).items[0].title == title


@pytest.mark.parametrize(
    ("title", "joined"),
    [
        # Words that end in a connective's letters ("Conditi-on", "Direct-or") end no line
        # that goes on: the body's first line stays the body's.
        ("Results of Operations and Financial Condition", False),
        ("Departure of Directors or Principal Officers; Appointment of a Director", False),
        # A connective itself does go on to the next line.
        ("Results of Operations and", True),
    ],
)
def test_a_title_goes_on_only_after_a_whole_connective(title: str, joined: bool) -> None:
    # ImmunoGen 2002 with its Item 9 heading retitled and the blank line after it gone,
    # so the body's first line follows the heading directly.
    text = IMMUNOGEN.read_text(encoding="utf-8").replace(
        "ITEM 9.  REGULATION FD DISCLOSURE\n\nOn November", f"Item 2.02  {title}\nOn November", 1
    )
    item = sec8k.parse(text).items[0]
    first_line = "On November 12, 2002, the Registrant filed its Quarterly Report on Form 10-Q"
    if joined:
        assert item.title == f"{title} {first_line}"
        assert item.text.startswith("for the fiscal quarter ended September 30, 2002")
    else:
        assert item.title == title
        assert item.text.startswith(first_line)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # A long title cut where a line ends, its last line in the same hand and closed.
        (
            "NON-RELIANCE ON PREVIOUSLY ISSUED FINANCIAL STATEMENTS OR A RELATED",
            "AUDIT REPORT OR COMPLETED INTERIM REVIEW.",
            True,
        ),
        (
            "Non-Reliance on Previously Issued Financial Statements or a Related",
            "Audit Report or Completed Interim Review.",
            True,
        ),
        # Closed by a blank line instead, or over an underline.
        (
            "Management's Discussion and Analysis of Financial Condition",
            "and Results of Operations",
            True,
        ),
        (
            "MARKET FOR THE REGISTRANT'S COMMON EQUITY AND RELATED STOCKHOLDER",
            "MATTERS",
            True,
        ),
        (
            "Changes in and Disagreements With Accountants on Accounting and",
            "---------------------------------------------------------------\nFinancial Disclosure",
            True,
        ),
        # Not the body's first line, nor "None." under a title, nor a short title's line,
        # nor a line that the body goes on from with no blank line between.
        (
            "Non-Reliance on Previously Issued Financial Statements or a Related",
            "On November 12, the Company said so.",
            False,
        ),
        (
            "Non-Reliance on Previously Issued Financial Statements or a Related",
            "Audit Committee Findings\nThe Board met on November 11 and found so.",
            False,
        ),
        ("Non-Reliance on Previously Issued Financial Statements or a Related", "None.", False),
        ("Other Events", "Dividend Declaration.", False),
        ("OTHER EVENTS AND REGULATION FD DISCLOSURE OF THE REGISTRANT", "(A) EXHIBITS.", False),
    ],
)
def test_a_long_title_wrapped_onto_a_line_that_closes_it(
    first: str, second: str, joined: bool
) -> None:
    text = IMMUNOGEN.read_text(encoding="utf-8").replace(
        "ITEM 9.  REGULATION FD DISCLOSURE\n", f"Item 4.02  {first}\n{second}\n", 1
    )
    item = sec8k.parse(text).items[0]
    second_line = second.rsplit("\n", 1)[-1] if "---" in second else second
    assert item.title == (f"{first} {second_line}" if joined else first)


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "number", "title"),
    [
        (
            "0001125282-05-004041.txt",
            "2.03",
            "CREATION OF A DIRECT FINANCIAL OBLIGATION OR AN OBLIGATION UNDER AN OFF-BALANCE "
            "SHEET ARRANGEMENT OF A REGISTRANT.",
        ),
        (
            "0001275287-05-002977.txt",
            "4.02",
            "NON-RELIANCE ON PREVIOUSLY ISSUED FINANCIAL STATEMENTS OR A RELATED AUDIT REPORT "
            "OR COMPLETED INTERIM REVIEW.",
        ),
    ],
)
def test_long_titles_wrapped_in_real_filings(name: str, number: str, title: str) -> None:
    items = sec8k.parse(CORPUS / "files" / name).items
    assert [(i.number, i.title) for i in items if i.number == number] == [(number, title)]


def test_a_title_wrapped_onto_a_line_a_blank_line_closes_in_a_real_filing() -> None:
    # Apple's 1994 10-K: "Item 5. Market for the Registrant's Common Equity and Related
    # Stockholder" over "Matters", then a blank line.
    path = ROOT / "tests" / "forms" / "0000320193-94-000016" / "0000320193-94-000016.txt"
    items = sec8k.parse(path).items
    assert [i.title for i in items if i.number == "5"] == [
        "Market for the Registrant's Common Equity and Related Stockholder Matters"
    ]


@pytest.mark.parametrize(
    ("under", "title", "body"),
    [
        # Vulcan Materials 2012 (10-K): "ITEM 1A" over "RISK FACTORS".
        ("\nREGULATION FD DISCLOSURE\n", "REGULATION FD DISCLOSURE", "On November 12, 2002"),
        # IBM 2025 (10-Q): the title's lines that start with a connective go on with it,
        # not the line after them.
        (
            "\nMANAGEMENT'S DISCUSSION AND ANALYSIS\n\nOF RESULTS OF OPERATIONS\n\n"
            "FOR THE THREE MONTHS ENDED SEPTEMBER 30, 2002\n",
            "MANAGEMENT'S DISCUSSION AND ANALYSIS OF RESULTS OF OPERATIONS",
            "FOR THE THREE MONTHS",
        ),
        # Not a line of the body, nor a paragraph's letter.
        ("", "", "On November 12, 2002"),
        ("\n(a) Exhibits.\n", "", "(a) Exhibits."),
    ],
)
def test_a_title_under_its_number(under: str, title: str, body: str) -> None:
    text = IMMUNOGEN.read_text(encoding="utf-8").replace(
        "ITEM 9.  REGULATION FD DISCLOSURE\n", "ITEM 9.\n" + under, 1
    )
    item = sec8k.parse(text).items[0]
    assert (item.number, item.title) == ("9", title)
    assert item.text.startswith(body)


@pytest.mark.parametrize("ending", ["referred to in", "described in the", "as set forth under"])
def test_an_item_named_at_the_start_of_a_wrapped_line_is_no_heading(ending: str) -> None:
    # Cotelligent 1996: "... the business acquired by the registrant referred to in" /
    # "Item 2.  The registrant will file the required pro forma financial" was a second
    # Item 2. Here ImmunoGen 2002's paragraph wraps so after the line that ends a phrase.
    original = IMMUNOGEN.read_text(encoding="utf-8")
    old = "Exchange Commission. In connection with the filing of the Form 10-Q, attached\n"
    new = f"Exchange Commission, {ending}\nItem 2.  The Registrant also attached\n"
    assert original.count(old) == 1
    filing = sec8k.parse(original.replace(old, new))
    assert [i.number for i in filing.items] == ["9", "7"]
    assert "Item 2.  The Registrant also attached" in filing.items[0].text


def test_a_paragraph_after_a_title_ending_in_a_semicolon_is_the_body() -> None:
    # Astrotech 2010 (HTML): "Item 1.01 Entry into a Material Definitive Agreement;" over
    # its first paragraph, one line of 400 characters, which became the title's second
    # line. Here ImmunoGen 2002's Item 9 retitled so, its paragraph on one line as HTML
    # prints it.
    original = IMMUNOGEN.read_text(encoding="utf-8")
    start = original.index("On November 12, 2002, the Registrant filed")
    end = original.index("\n\n", start)
    paragraph = " ".join(original[start:end].split())
    text = original.replace(
        "ITEM 9.  REGULATION FD DISCLOSURE\n\n" + original[start:end],
        "Item 1.01  Entry into a Material Definitive Agreement;\n" + paragraph,
        1,
    )
    assert len(paragraph) > 300 and paragraph in text
    item = sec8k.parse(text).items[0]
    assert item.title == "Entry into a Material Definitive Agreement;"
    assert item.text.startswith("On November 12, 2002, the Registrant filed")


@pytest.mark.corpus
@requires_corpus
def test_run_in_text_in_a_real_filing() -> None:
    # Disney 2015 (HTML): "Other Events. On March 13, 2015 the Registrant entered into ..."
    filing = sec8k.parse(CORPUS / "files" / "0001001039-15-000094_fy2015_q2x8kxannualmeeting.htm")
    (item,) = [i for i in filing.items if i.number == "8.01"]
    assert item.title == "Other Events."
    assert item.text.startswith("On March 13, 2015 the Registrant entered into")


ORACLE = ROOT / "tests" / "filings" / "oracle-8k-2024-11-14" / "oracle-8k-2024-11-14.html"


def test_a_forward_looking_note_between_the_cover_and_the_first_item() -> None:
    # Concierge Technologies 2022: "Cautionary Note Regarding Forward-Looking Statements"
    # and its paragraph after the cover's boxes were two cover rows that were not the form's.
    case = ROOT / "tests" / "filings" / "0001171200-22-000059_primary"
    filing = sec8k.parse(case / "0001171200-22-000059_primary.htm")
    assert not [d for d in filing.diagnostics if d.code == "PRS010"]
    note, first, *_ = filing.sections
    assert isinstance(note, ReportText)
    assert note.text.startswith("Cautionary Note Regarding Forward-Looking Statements\n")
    assert "forward-looking statements" in note.text.split("\n", 2)[2]
    assert isinstance(first, Item) and first.number == "5.03"
    assert filing.cover is not None and filing.cover.span.end <= note.span.start


def test_a_section_heading_above_the_items_is_a_section_of_its_own() -> None:
    # Oracle 2024 prints "Section 5—Corporate Governance and Management" above Item 5.07.
    filing = sec8k.parse(ORACLE)
    heading, item = filing.sections[:2]
    assert isinstance(heading, SectionHeading)
    assert (heading.number, heading.title) == ("5", "Corporate Governance and Management")
    assert isinstance(item, Item)
    assert item.number == "5.07" and "Section 5" not in item.text
    assert "PRS010" not in {d.code for d in filing.diagnostics}
    assert filing.uncovered() == ()


def _with_line_before_item_7(line: str) -> tuple[str, sec8k.Filing]:
    """ImmunoGen 2002 with ``line`` and a blank line printed before its Item 7, parsed."""
    original = IMMUNOGEN.read_text(encoding="utf-8")
    at = original.index("ITEM 7.")
    text = original[:at] + line + "\n\n" + original[at:]
    return text, sec8k.parse(text)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("SECTION 8. OTHER EVENTS.", "8"),
        ("Section 8 - Other Events", "8"),
        ("Section 8 \u2013 Other Events", "8"),
        ("SECTION 9 \u2014 FINANCIAL STATEMENTS AND EXHIBITS", "9"),
        # Prose that names a section, and a section with a title the form does not have:
        # no heading, and the line stays the item's text.
        ("Section 8 Other Events of the Agreement were amended on the same day.", None),
        ("Section 10 - Other Events", None),
        ("Section 3.2 Financial Information", None),
    ],
)
def test_a_section_heading_between_items_ends_the_item_before_it(
    line: str, number: str | None
) -> None:
    # ImmunoGen 2002 with the line printed between its Item 9 body and Item 7.
    text, filing = _with_line_before_item_7(line)
    item_9 = filing.items[0]
    assert item_9.number == "9" and (line in item_9.text) == (number is None)
    headings = [s for s in filing.sections if isinstance(s, SectionHeading)]
    assert [(h.number, text[h.span.start : h.span.end]) for h in headings] == (
        [(number, line)] if number else []
    )


def test_a_dash_between_item_and_its_number_in_a_real_filing() -> None:
    case = ROOT / "tests" / "filings" / "liaoning-shuiyun-8k-2024-12-20"
    filing = sec8k.parse(case / "liaoning-shuiyun-8k-2024-12-20.html")
    assert [(i.number, i.title.split(";")[0]) for i in filing.items] == [
        ("5.02", "Departure of Directors of Principal Officers")
    ]
    assert filing.items[0].text.startswith("Based on the meticulous deliberation")


@pytest.mark.parametrize(
    "repeat",
    [
        "ITEM 9.  REGULATION FD DISCLOSURE (Continued)\n",
        "Item 9.  Regulation FD\n         Disclosure (continued)\n",
    ],
    ids=["one-line", "second-line"],
)
def test_a_heading_repeated_at_a_page_top_as_continued_is_the_items_text(repeat: str) -> None:
    # Ford's 10-Ks of 1994 and 2002 print "Item 1. Business (Continued)" (or the title's
    # second line ending so) at the top of each page of an item: 62 and 76 items were read
    # for 15 and 16. Here ImmunoGen 2002 gets such a line after a page break inside Item 9.
    original = IMMUNOGEN.read_text(encoding="utf-8")
    paragraph = "\nThese certifications are being furnished herewith"
    assert paragraph in original
    text = original.replace(paragraph, "\n<PAGE>\n" + repeat + paragraph, 1)
    filing = sec8k.parse(text)
    assert [i.number for i in filing.items] == ["9", "7"]
    assert repeat.split()[-1].rstrip() in filing.items[0].text


def test_item_9a_t_of_a_smaller_company() -> None:
    # Southwest Iowa Renewable Energy 2008 (10-K): "Item 9A(T). Controls and Procedures."
    case = ROOT / "tests" / "contents" / "form10k_122308" / "form10k_122308.htm"
    filing = sec8k.parse(case)
    (item,) = [i for i in filing.items if i.number.startswith("9A")]
    assert (item.number, item.title) == ("9A", "Controls and Procedures.")


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        # Peoples Bancorp 2021 copies the form's "INFORMATION TO BE INCLUDED IN THE REPORT".
        ("0000887919-21-000012", "INFORMATION TO BE INCLUDED IN THE REPORT"),
        # Apple 2000: "INFORMATION INCLUDED IN THIS REPORT" over "Items 1 through 4 ...".
        ("0000912057-00-002128", "INFORMATION INCLUDED IN THIS REPORT"),
    ],
)
def test_the_forms_heading_over_its_sections(name: str, heading: str) -> None:
    folder = Path(__file__).parent / "filings" / name
    (path,) = [p for p in folder.iterdir() if p.name.startswith(name) and p.suffix != ".json"]
    filing = sec8k.parse(path)
    headings = [s for s in filing.sections if isinstance(s, SectionHeading)]
    assert [(h.number, h.title) for h in headings] == [("", heading)]
    assert not [u for u in filing.unrecognized if heading in u.text]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        # Paragraphs of Item 9 cited on lines of their own (Medicis's 1999 10-K prints
        # "Item 14(a)(1):" and "Item 14 (a)(2):" under its Item 14): text of the item.
        ("Item 9(a)(1):", None),
        ("Item 9 (a)(2):", None),
        # A heading with its paragraph letter and no title is still a heading.
        ("Item 9(d)", ("9", "")),
        ("Item 9 (d)", ("9", "(d)")),
    ],
)
def test_a_cited_paragraph_of_an_item_is_no_heading(
    line: str, heading: tuple[str, str] | None
) -> None:
    _, filing = _with_line_before_item_7(line)
    numbers = [(i.number, i.title) for i in filing.items]
    if heading is None:
        assert numbers == [
            ("9", "REGULATION FD DISCLOSURE"),
            ("7", "FINANCIAL STATEMENTS AND EXHIBITS"),
        ]
        assert line in filing.items[0].text
    else:
        assert heading in numbers
