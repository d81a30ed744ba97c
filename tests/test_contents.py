"""Tables of contents that list more than item headings: "SIGNATURE", exhibit lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k
from sec8k.model import Contents
from tests.conftest import CORPUS, requires_corpus


@pytest.mark.corpus
@requires_corpus
def test_items_after_a_contents_signature_line_keep_their_text() -> None:
    # Nuance 2008: the contents list Items 1.01, 2.01, 9.01 and "SIGNATURE"; the report
    # follows. The SIGNATURE entry used to open a signature block whose trailing text
    # swallowed the whole report.
    filing = sec8k.parse(CORPUS / "files" / "0000950135-08-006311_b72447nce8vk.htm")
    contents = filing.sections[0]
    assert isinstance(contents, Contents)
    assert [i.number for i in filing.items] == ["1.01", "2.01", "9.01"]
    assert all(item.text for item in filing.items)
    assert {d.code for d in sec8k.check(filing)}.isdisjoint({"ITM006", "SIG002"})
    # The exhibits' lines after the SIGNATURE entry, once text after the signatures.
    assert contents.entries[-2:] == (
        "EX-2.1 - Share Purchase Agreement, dated September 26, 2008",
        "EX-99.1 - Press Release dated October 1, 2008",
    )
    assert not filing.unrecognized


@pytest.mark.corpus
@requires_corpus
def test_contents_that_list_exhibits_by_document_type() -> None:
    # Nuance 2008: "ITEM 8.01 Other Events / ITEM 9.01 ... / Ex-5.1 Opinion of ..." before
    # the report. The exhibit line under the 9.01 entry made it look like an item with a
    # body, so the contents were read as two items and the report's items came twice.
    filing = sec8k.parse(CORPUS / "files" / "0000950135-08-003871_b702008ke8vk.htm")
    contents = filing.sections[0]
    assert isinstance(contents, Contents)
    assert contents.entries[-1] == "Ex-5.1 Opinion of Garrison R. Smith, Esq."
    assert [i.number for i in filing.items] == ["8.01", "9.01"]


CONTENTS = Path(__file__).resolve().parent / "contents"


def _items(name: str) -> tuple[sec8k.Filing, list[tuple[str | None, str]]]:
    filing = sec8k.parse(CONTENTS / name / f"{name}.htm")
    return filing, [(i.part, i.number) for i in filing.items]


def test_a_contents_entry_without_a_page_over_rows_with_pages() -> None:
    # National American University 2014 (10-Q): "ITEM 1. FINANCIAL STATEMENTS" over the
    # statements' rows, each with its page; the other entries end in their pages.
    filing, items = _items("d778787d10q")
    part_1 = [("I", n) for n in ("1", "2", "3", "4")]
    assert items == part_1 + [("II", n) for n in ("1", "1A", "2", "3", "4", "5", "6")]
    entries = [e for s in filing.sections if isinstance(s, Contents) for e in s.entries]
    assert any(e.upper().startswith("ITEM 2.") for e in entries)
    assert any(e.upper().startswith("ITEM 6.") for e in entries)


def test_contents_rows_under_part_lines_are_no_items() -> None:
    # Southwest Iowa Renewable Energy 2008 (10-K): "Item 5.   Market for ...   31" and
    # the like under each part's line, after a row of column headings; the report's
    # items follow, Part I's under no heading of its own.
    filing, items = _items("form10k_122308")
    assert isinstance(filing.sections[0], Contents)
    assert filing.sections[0].entries[1].startswith("Item Number")
    # (1A's text wraps "... as discussed under" / "Item 13--Certain Relationships ...":
    # no heading.)
    part_1 = [("I", n) for n in ("1", "1A", "2", "3", "4")]
    part_2 = [("II", n) for n in ("5", "6", "7", "7A", "8", "9", "9A", "9B")]
    part_3 = [("III", n) for n in ("10", "11", "12", "13", "14")]
    assert items == [*part_1, *part_2, *part_3, ("IV", "15")]


APPLE_1994 = Path(__file__).resolve().parent / "forms" / "0000320193-94-000016"


def test_contents_without_pages_with_titles_under_an_entry() -> None:
    # Dell 2006 and Norfolk Southern 2008 (10-K) list their items with no page numbers,
    # the titles of the financial statements under the Item 8 entry. Here Apple's 1994
    # 10-K is given such a table of contents before its PART I.
    path = APPLE_1994 / "0000320193-94-000016.txt"
    text = path.read_text(encoding="utf-8", errors="replace")
    expected = [(i.part, i.number) for i in sec8k.parse(text).items]
    contents = (
        "                              TABLE OF CONTENTS\n\n"
        "PART I\n"
        "ITEM 1 -- BUSINESS\n"
        "ITEM 2 -- PROPERTIES\n"
        "PART II\n"
        "ITEM 7 -- MANAGEMENT'S DISCUSSION AND ANALYSIS\n"
        "ITEM 8 -- FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA\n"
        "Report of Independent Auditors\n"
        "Consolidated Balance Sheets\n"
        "ITEM 9 -- CHANGES IN AND DISAGREEMENTS WITH ACCOUNTANTS\n"
        "PART IV\n"
        "ITEM 14 -- EXHIBITS, FINANCIAL STATEMENT SCHEDULES\n"
        "Schedule VIII\n\n"
    )
    anchor = "                                     PART I\n"
    assert text.count(anchor) == 1
    filing = sec8k.parse(text.replace(anchor, contents + anchor))
    assert [(i.part, i.number) for i in filing.items] == expected
    entries = [e for s in filing.sections if isinstance(s, Contents) for e in s.entries]
    assert "Consolidated Balance Sheets" in entries


def test_exhibit_lines_after_a_contents_signature_entry_are_entries() -> None:
    # Nuance 2007: the contents end "SIGNATURE" / "Ex-99.1 Press Release dated April 25,
    # 2007". The exhibit's line was left over by the signature block the SIGNATURE entry
    # opens, as unrecognized text of a signature block; it is the contents' last entry.
    path = Path(__file__).resolve().parent / "filings" / "0000950135-07-002616_b65301nce8vk"
    filing = sec8k.parse(path / "0000950135-07-002616_b65301nce8vk.htm")
    contents = filing.sections[0]
    assert isinstance(contents, Contents)
    assert contents.entries[-2:] == ("SIGNATURE", "Ex-99.1 Press Release dated April 25, 2007")
    assert not filing.unrecognized
    assert "PRS010" not in {d.code for d in filing.diagnostics}


def test_contents_whose_first_entry_has_a_line_under_it() -> None:
    # Stockwalk.com's 8-K of 28 September 2001 lists "ITEM 3. Bankruptcy or Receivership",
    # then "FORWARD LOOKING STATEMENTS", "SIGNATURES" and "Press Release", with no page
    # numbers: the first entry has a line under it, and it was read as an item of the
    # report before the real one. Here its 26 September 8-K, whose contents are of the
    # same making, lists the same line under its first entry.
    path = Path(__file__).resolve().parent / "filings" / "0000950137-01-503742_c65172e8-k"
    text = (path / "0000950137-01-503742_c65172e8-k.htm").read_text(encoding="utf-8")
    entry = '<A HREF="#000">Item&nbsp;5. OTHER EVENTS.</A></TD></TR>\n'
    under = '<TR><TD colspan="9"><A HREF="#003">FORWARD LOOKING STATEMENTS</A></TD></TR>\n'
    assert text.count(entry) == 1
    filing = sec8k.parse(text.replace(entry, entry + under))
    contents = filing.sections[0]
    assert isinstance(contents, Contents)
    assert contents.entries[:3] == (
        "Item 5 OTHER EVENTS.",
        "FORWARD LOOKING STATEMENTS",
        "SIGNATURES",
    )
    assert [i.number for i in filing.items] == ["5"]
    assert filing.items[0].text.startswith("The registrant has announced")
