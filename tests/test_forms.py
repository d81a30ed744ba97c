"""The forms sec8k ships besides the 8-K, on real filings: Forms 10-K, 10-Q and 6-K.

The filings are the twelve of ``shared/other-forms`` (1994-2025: PEM-wrapped text
submissions, HTML, inline XBRL); the eight under 600 KB are copied into ``tests/forms/``,
the four larger ones are read from ``../shared`` where it is present. Each is checked
three ways: a golden summary (what sec8k makes of it, hash-guarded), what a careful reader
found in it (``tests/forms/labels.jsonl``, read by hand), and the form's detection.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest

import sec8k
from sec8k.transform.values import parse_date
from tests.conftest import ROOT, Golden

FORMS = Path(__file__).resolve().parent / "forms"
SHARED = Path(ROOT.parent / "shared" / "other-forms" / "files")
LABELS = {
    label["file"]: label
    for label in map(json.loads, (FORMS / "labels.jsonl").read_text().splitlines())
}


def _path(name: str) -> Path | None:
    """The filing called ``name``: its copy in tests/forms, else the shared one, else None."""
    local = FORMS / Path(name).stem / name
    if local.is_file():
        return local
    shared = SHARED / name
    return shared if shared.is_file() else None


FILES = sorted(LABELS)


def _filing(name: str) -> sec8k.Filing:
    path = _path(name)
    if path is None:
        pytest.skip(f"{name} is in ../shared/other-forms, which is not present")
    return _parse(path)


_CACHE: dict[Path, sec8k.Filing] = {}


def _parse(path: Path) -> sec8k.Filing:
    if path not in _CACHE:
        _CACHE[path] = sec8k.parse(path)
    return _CACHE[path]


def summary(filing: sec8k.Filing) -> dict[str, Any]:
    """What a golden keeps: the cover without its parts, the sections without their text."""
    data = filing.to_dict()
    cover = data["cover"] or {}
    cover.pop("parts", None)
    sections = [
        {k: v for k, v in section.items() if k not in ("text", "exhibits", "signatures")}
        for section in data["sections"]
    ]
    return {
        "form": data["form"],
        "document_type": data["document_type"],
        "cover": cover,
        "sections": sections,
        "exhibits": [e["number"] for e in data["exhibits"]],
        "signatures": [
            {"name": s["name"], "title": s["title"], "span": s["span"]} for s in data["signatures"]
        ],
        "signature_date": data["signature_date"],
        "diagnostics": [[d["code"], d["line"], d["message"]] for d in data["diagnostics"]],
    }


@pytest.mark.golden
@pytest.mark.parametrize("name", FILES)
def test_summary_matches_golden(name: str, golden: Golden) -> None:
    filing = _filing(name)
    source = _path(name)
    assert source is not None
    golden.check_json(FORMS / "goldens" / f"{name}.json", source.read_bytes(), summary(filing))


# ---- what a careful reader found ----

_FORM = {"10-K": "10-K", "10-Q": "10-Q", "6-K": "6-K"}


def _form_of(document_type: str) -> str:
    return next(form for prefix, form in _FORM.items() if document_type.startswith(prefix))


def _words(value: str | None) -> str:
    return " ".join((value or "").split()).lower()


@pytest.mark.parametrize("name", FILES)
def test_form_is_detected(name: str) -> None:
    filing = _filing(name)
    label = LABELS[name]
    assert (filing.form, filing.document_type) == (_form_of(label["form_type"]), label["form_type"])
    assert not filing.errors, [d.to_dict() for d in filing.errors]


# Fields a reader may write otherwise: an address's lead-in "Of our subsidiary ...", a
# foreign postcode inside the address.
_REGISTRANT_FIELDS = ("name", "jurisdiction", "irs_employer_id", "commission_file_number", "phone")


@pytest.mark.parametrize("name", FILES)
def test_registrant_as_labelled(name: str) -> None:
    got = _filing(name).cover
    assert got is not None
    want = LABELS[name]["registrants"][0]
    registrant = got.registrants[0]
    for field in _REGISTRANT_FIELDS:
        assert _words(getattr(registrant, field)) == _words(want[field]), field
    if want.get("zip") and re.fullmatch(r"\d{5}(?:-\d{4})?", want["zip"]):
        assert registrant.zip == want["zip"]
        assert _words(registrant.address) == _words(want["address"])


@pytest.mark.parametrize("name", [n for n in FILES if not LABELS[n]["form_type"].startswith("6")])
def test_periodic_cover_as_labelled(name: str) -> None:
    cover = _filing(name).cover
    label = LABELS[name]
    assert cover is not None
    assert str(cover.period_of_report) == label["period_of_report"]
    assert getattr(cover, "transition_report") == label["transition_report"]  # noqa: B009
    assert getattr(cover, "shell_company") == label["shell_company"]  # noqa: B009
    categories = [_words(c).removesuffix(" filer") for c in getattr(cover, "filer_category")]  # noqa: B009
    assert categories == (label["filer_category"] or [])
    classes = getattr(cover, "securities_12g")  # noqa: B009
    want_12g = label["securities_12g"]
    if want_12g is None or _words(want_12g) == "none":
        assert not classes
    else:
        assert _words(" ".join(classes)) == _words(want_12g)
    shares = [(s.shares, s.date) for s in getattr(cover, "shares_outstanding")]  # noqa: B009
    want_shares = [
        (s["shares"], parse_date(s["date"])[0]) for s in label["shares_outstanding"] or []
    ]
    assert shares == want_shares


@pytest.mark.parametrize("name", [n for n in FILES if LABELS[n]["form_type"].startswith("6")])
def test_6k_cover_as_labelled(name: str) -> None:
    cover = _filing(name).cover
    label = LABELS[name]
    assert cover is not None
    assert getattr(cover, "report_month") == label["period_of_report"]  # noqa: B009
    assert getattr(cover, "annual_report_form") == label["annual_report_form"]  # noqa: B009


# Items a reader placed in a part the document does not print: the 10-Q/A amends Part II
# but prints no part heading before its Item 4.
_PART_NOT_PRINTED = {"0000320193-97-000021.txt"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=pytest.mark.xfail(
                strict=True, reason="the reader put Item 4 in Part II; no part heading is printed"
            ),
        )
        if n in _PART_NOT_PRINTED
        else n
        for n in FILES
        if not LABELS[n]["form_type"].startswith("6")
    ],
)
def test_parts_and_items_as_labelled(name: str) -> None:
    filing = _filing(name)
    want = [(i["part"], i["number"]) for i in LABELS[name]["parts_and_items"] if i["number"]]
    assert [(i.part, i.number) for i in filing.items] == want


# The 1994 10-K prints its signers in two columns, their rows side by side, right under
# an attestation with no "authorized" in it.
@pytest.mark.parametrize("name", FILES)
def test_signers_as_labelled(name: str) -> None:
    filing = _filing(name)
    label = LABELS[name]
    assert [_words(s.name) for s in filing.signatures] == [
        _words(s["name"]) for s in label["signers"]
    ]
    # The titles as the reader wrote them (Philips prints "(Chief Legal Officer)").
    assert [_words(s.title) for s in filing.signatures] == [
        _words(s["title"]) for s in label["signers"]
    ]
    assert str(filing.signature_date) == label["signature_date"]


def test_forced_form_reads_another_forms_document() -> None:
    # A 10-Q read as an 8-K, on request: parsed, and FRM001 says the cover names another form.
    path = _path("0000320193-98-000006.txt")
    assert path is not None
    filing = sec8k.parse(path, form="8-K")
    assert filing.form == "8-K" and "ENV001" in {d.code for d in filing.errors}
    with pytest.raises(sec8k.UnknownFormError, match="10-Q"):
        sec8k.parse(path, form="20-F")


def test_an_underlined_12b_table() -> None:
    # Merck's 1995 10-K: headings over an underline, a title wrapped onto a second line.
    filing = sec8k.parse(FORMS / "0000950130-96-000896" / "0000950130-96-000896.txt")
    assert filing.form == "10-K" and filing.cover is not None
    assert [(s.title, s.trading_symbol, s.exchange) for s in filing.cover.securities_12b or ()] == [
        ("Common Stock (no par value)", None, "New York and Philadelphia Stock Exchanges")
    ]
    (security,) = filing.cover.securities_12b or ()
    printed = filing.source.text[security.span.start : security.span.end]
    assert printed.lstrip().startswith("Common Stock") and printed.rstrip().endswith(
        "(no par value)"
    )
    # Nothing of the table is left unplaced: the underline belongs to the table.
    table = filing.source.text.index("SECURITIES REGISTERED PURSUANT TO SECTION 12(b)")
    assert not [u for u in filing.unrecognized if table <= u.span.start < security.span.end]


_APPLE_1994 = FORMS / "0000320193-94-000016" / "0000320193-94-000016.txt"


def _after_signatures(filing: sec8k.Filing) -> list[sec8k.model.Section]:
    """The sections between the (first) signature block and the exhibit index."""
    kinds = [type(s) for s in filing.sections]
    first = kinds.index(sec8k.model.SignatureBlock) + 1
    return list(filing.sections[first : kinds.index(sec8k.model.ExhibitIndex)])


def test_financial_schedules_after_the_signatures() -> None:
    # Apple's 1994 10-K prints five schedules of Regulation S-X after its signature page.
    filing = sec8k.parse(_APPLE_1994)
    after = _after_signatures(filing)
    assert all(isinstance(s, sec8k.model.FinancialStatement) for s in after)
    titles = [s.title for s in after if isinstance(s, sec8k.model.FinancialStatement)]
    assert titles == ["SCHEDULE II", "SCHEDULE II", "SCHEDULE VIII", "SCHEDULE IX", "SCHEDULE X"]
    text = filing.source.text
    for section in after:
        assert isinstance(section, sec8k.model.FinancialStatement)
        assert text[section.span.start :].lstrip().startswith(section.title.split()[0])
    # None of their lines is unplaced any more.
    start, end = after[0].span.start, after[-1].span.end
    assert not [d for d in filing.diagnostics if d.span and start <= d.span.start < end]


def test_a_statement_under_the_company_name_and_an_index_line() -> None:
    # The same filing, with one schedule printed as Ford's 2002 10-K prints its statements
    # (the company's name over the title), and a line of an index of the statements (a page
    # number after the title), which is no statement of its own.
    text = _APPLE_1994.read_text(encoding="latin-1")
    edited = text.replace(
        "SCHEDULE VIII\n",
        "Apple Computer, Inc. and Subsidiaries\n      CONSOLIDATED BALANCE SHEETS\n",
        1,
    ).replace("SCHEDULE IX\n", "Balance Sheets                       F-2\n", 1)
    # And one titled as Commonwealth Income & Growth Fund's 2016 10-K titles its statements.
    edited = edited.replace("SCHEDULE  X\n", "Financial Statements\n", 1)
    filing = sec8k.parse(edited)
    after = _after_signatures(filing)
    titles = [s.title for s in after if isinstance(s, sec8k.model.FinancialStatement)]
    assert titles == [
        "SCHEDULE II",
        "SCHEDULE II",
        "CONSOLIDATED BALANCE SHEETS",
        "Financial Statements",
    ]
    (sheets,) = (s for s in after if getattr(s, "title", "") == "CONSOLIDATED BALANCE SHEETS")
    assert isinstance(sheets, sec8k.model.FinancialStatement)
    assert sheets.text.startswith("Apple Computer, Inc. and Subsidiaries")
    assert "Balance Sheets F-2" in " ".join(sheets.text.split())


def test_a_statement_title_before_the_signatures_is_text() -> None:
    # A 10-K's pages often carry a link "Index to Financial Statements" at their top, and
    # its parts and items print statement titles. Before the signatures they are text of
    # the section they are in: an unseen 10-K (Vulcan, 2010) had three parse errors where
    # such a line followed its front matter. Here, such lines in the part's text before
    # Item 1 and in the text above the part's heading.
    text = _APPLE_1994.read_text(encoding="latin-1")
    titles = "\nIndex to Financial Statements\n\nCONSOLIDATED BALANCE SHEETS\n\n"
    edited = text.replace(" PART I\n", " PART I\n" + titles, 1)
    edited = edited.replace("into Parts I and III.\n", "into Parts I and III.\n" + titles, 1)
    assert edited.count("Index to Financial Statements") == 2
    before, after = sec8k.parse(_APPLE_1994), sec8k.parse(edited)
    assert [d.code for d in after.errors] == [d.code for d in before.errors]
    assert [i.number for i in after.items] == [i.number for i in before.items]
    assert not [s for s in after.sections[:5] if isinstance(s, sec8k.model.FinancialStatement)]


_APPLE_1998 = FORMS / "0000320193-98-000006" / "0000320193-98-000006.txt"
_CONTENTS_PAGE = (
    "<PAGE>\n\n{title}\n\n                              TABLE OF CONTENTS\n\n"
    "PART I.  FINANCIAL INFORMATION                                    3\n\n"
    "<PAGE>\n\nPART I. FINANCIAL INFORMATION\n"
)


@pytest.mark.parametrize(
    ("title", "entries"),
    [
        # As modern 10-Qs print it (NVIDIA 2025, Exxon 2023, Apple 2024): the company, the
        # form, the period, each line centred; "Inc." is the only full stop.
        (
            "                          Apple Computer, Inc.\n\n"
            "                               FORM 10-Q\n\n"
            "               For the Fiscal Quarter Ended March 27, 1998",
            1,
        ),
        # The company's name alone (Facebook 2019, NVIDIA's 10-K).
        ("                          APPLE COMPUTER, INC.", 1),
    ],
    ids=["company-form-period", "company"],
)
def test_the_title_over_a_table_of_contents(title: str, entries: int) -> None:
    # Apple's 1998 10-Q with a contents page between its cover and Part I.
    text = _APPLE_1998.read_text(encoding="latin-1")
    edited = text.replace(
        "<PAGE>\n\nPART I. FINANCIAL INFORMATION\n", _CONTENTS_PAGE.format(title=title), 1
    )
    assert edited != text
    filing = sec8k.parse(edited)
    (contents,) = [s for s in filing.sections if isinstance(s, sec8k.model.Contents)]
    printed = filing.source.text[contents.span.start : contents.span.end]
    assert printed.startswith(title.strip()) and "TABLE OF CONTENTS" in printed
    # The entries are the contents' lines: its heading and rows, not the title over it.
    assert contents.entries[0] == "TABLE OF CONTENTS" and len(contents.entries) == 1 + entries
    assert filing.cover is not None and filing.cover.period_of_report == datetime.date(1998, 3, 27)
    assert not [
        d
        for d in filing.diagnostics
        if d.code == "PRS010" and d.span and d.span.start >= text.index("133,040,579")
    ]


@pytest.mark.parametrize(
    ("name", "company"),
    [
        ("GOOG_10k_2012_d260164d10k.htm", "Google Inc."),
        ("0000320193-24-000123_primary-document.html", "Apple Inc."),
    ],
)
def test_the_title_over_a_table_of_contents_in_real_filings(name: str, company: str) -> None:
    filing = _filing(name)
    (contents, *_) = [s for s in filing.sections if isinstance(s, sec8k.model.Contents)]
    printed = filing.source.text[contents.span.start : contents.span.end]
    assert printed.startswith(company)
    assert not [u for u in filing.unrecognized if u.text == company]


_NOTE = (
    "           CAUTIONARY NOTE REGARDING FORWARD-LOOKING STATEMENTS\n\n"
    "This Quarterly Report on Form 10-Q contains forward-looking statements that involve\n"
    "risks and uncertainties.\n\n"
)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_forward_looking_note_before_the_parts(where: str) -> None:
    # Apple's 1998 10-Q with a contents page, and a note under its own heading before it
    # (AEON Biopharma's 2023 10-Q, whose 27 lines of it were the cover's) or after it (C3.ai
    # 2023, GameStop 2024, where the heading right after the contents was a parse error).
    text = _APPLE_1998.read_text(encoding="latin-1")
    page = _CONTENTS_PAGE.format(title="")
    if where == "before":
        page = page.replace("<PAGE>\n\n", "<PAGE>\n\n" + _NOTE, 1)
    else:
        page = page.replace("<PAGE>\n\nPART I.", "<PAGE>\n\n" + _NOTE + "PART I.", 1)
    edited = text.replace("<PAGE>\n\nPART I. FINANCIAL INFORMATION\n", page, 1)
    filing = sec8k.parse(edited)
    assert not filing.errors
    (note,) = [s for s in filing.sections if isinstance(s, sec8k.model.ReportText)]
    assert note.text.startswith("CAUTIONARY NOTE REGARDING FORWARD-LOOKING STATEMENTS")
    kinds = [type(s).__name__ for s in filing.sections[:3]]
    order = ["ReportText", "Contents"] if where == "before" else ["Contents", "ReportText"]
    assert kinds[:2] == order
    assert filing.cover is not None and filing.cover.span.end < note.span.start


def test_a_6k_report_printed_after_its_signature_page() -> None:
    # Philips 2023: the cover, the signature page, then the press release it furnishes.
    filing = _filing("royal-philips_6-K_2023-01-30_phg-20230130.html")
    kinds = [type(s).__name__ for s in filing.sections]
    assert kinds[-2:] == ["SignatureBlock", "ReportText"]
    report = filing.sections[-1]
    assert isinstance(report, sec8k.model.ReportText)
    assert report.text.startswith("Philips presents its plan to create value")
    assert len(report.text) > 10_000
    assert not [u for u in filing.unrecognized if u.context == "after signatures"]


def test_paragraphs_and_cells_whose_end_tags_are_left_out() -> None:
    # Medicis's 1999 10-K closes none of its 314 paragraphs: each ends where the next
    # starts, as browsers read it, and nothing nests past the reader's depth limit.
    path = FORMS / "10k_1999_0000950153-99-001234" / "10k_1999_0000950153-99-001234.html"
    filing = sec8k.parse(path)
    assert "NRM001" not in {d.code for d in filing.diagnostics}
    # (Item 14's subheadings "Item 14(a)(1):" and "Item 14 (a)(2):" cite paragraphs of the
    # item: they are lines of its text, not items of their own.)
    assert [i.number for i in filing.items] == [
        *("1", "2", "3", "4", "5", "6", "7", "7A", "8", "9", "10", "11", "12", "13", "14")
    ]
    assert [s.name for s in filing.signatures][:1] == ["Jonah Shacknai"]
    (schedule,) = [s for s in filing.sections if isinstance(s, sec8k.model.FinancialStatement)]
    assert schedule.title.startswith("SCHEDULE II")


_MEDICIS = FORMS / "10k_1999_0000950153-99-001234" / "10k_1999_0000950153-99-001234.html"


def test_directors_signed_by_an_attorney_in_fact() -> None:
    # AMD's 2017 10-K prints "*" where each director signs, the typed name under it, and
    # "*By: /s/ Devinder Kumar, Attorney-in-Fact" after the table: 26 of its lines were
    # unplaced. Medicis's 1999 10-K has the same table with "/s/"; here, in memory, its
    # directors' signatures are the mark and the attorney's line follows the table.
    html = _MEDICIS.read_text(encoding="latin-1")
    directors = re.findall(r"/s/ ([A-Z][A-Z.,' ]+)<BR>\s*<HR size=\"1\">", html)[2:]
    assert len(directors) == 7
    for name in directors:
        html = html.replace(f"/s/ {name}<BR>", "*<BR>", 1)
    # (Ford's 1994 10-K prints the attorney's name and capacity in parentheses.)
    attorney = "<P>*By: /s/ JONAH SHACKNAI<BR>(Jonah Shacknai, Attorney-in-Fact)"
    html = _after_signers(html, attorney)
    original = sec8k.parse(_MEDICIS)
    filing = sec8k.parse(html)
    marked = [s for s in filing.signatures if s.conformed == "*"]
    assert [(s.name, s.title) for s in marked] == [
        (s.name, s.title) for s in original.signatures if s.conformed in _slashed(directors)
    ]
    assert len(marked) == 7 and all(s.title == "Director" for s in marked)
    last = filing.signatures[-1]
    assert (last.name, last.title) == ("Jonah Shacknai", "Attorney-in-Fact")
    assert not [u for u in filing.unrecognized if u.context == "signature block"]


def test_a_note_marked_with_a_star_after_the_signers_is_no_signature() -> None:
    # Ford's 2017 8-K: "*      Any reference in the attached exhibit(s) to our corporate
    # website(s) ..." under its signer. Printed so under Medicis's signers, it is no signer.
    note = "*&nbsp;&nbsp;&nbsp;&nbsp;Any reference to our website is for convenience only."
    html = _MEDICIS.read_text(encoding="latin-1")
    html = _after_signers(html, f"<P>{note}")
    signers = [s.name for s in sec8k.parse(html).signatures]
    assert signers == [s.name for s in sec8k.parse(_MEDICIS).signatures]


@pytest.mark.parametrize("note", ["Executed by attorney-in-fact", "See Exhibit 24"])
def test_a_star_that_no_name_follows_is_no_signature(note: str) -> None:
    # A "*" in a cell of its own, then words that are no one's name: a note's mark after
    # all. Its line is left unplaced, and the signers are Medicis's own.
    html = _after_signers(_MEDICIS.read_text(encoding="latin-1"), f"<P>*&nbsp;&nbsp;&nbsp;{note}")
    filing = sec8k.parse(html)
    assert [s.name for s in filing.signatures] == [s.name for s in sec8k.parse(_MEDICIS).signatures]
    unplaced = [u.text for u in filing.unrecognized if u.context == "signature block"]
    assert unplaced == ["*", note]


def _after_signers(html: str, printed: str) -> str:
    """Medicis's 10-K with ``printed`` after the table of its signers."""
    at = html.index("</CENTER>", html.index("Lottie Shackelford")) + len("</CENTER>")
    return html[:at] + "\n" + printed + html[at:]


def _slashed(names: list[str]) -> set[str]:
    return {f"/s/ {name.strip()}" for name in names}


def test_an_asset_backed_cover_and_its_parties() -> None:
    # CarMax Auto Owner Trust 2019-3's 10-K: "Central Index Key Number of issuing entity:
    # 0001779026" was read as the label "... Number of i" and the value "ssuing entity: ...".
    path = FORMS / "0001779026-23-000027" / "0001779026-23-000027.txt"
    cover = sec8k.parse(path).cover
    assert cover is not None
    labels = [p.text for p in cover.parts if p.kind == "label"]
    for entity in ("issuing entity", "depositor"):
        assert f"Commission File Number of {entity}:" in labels
        assert f"Central Index Key Number of {entity}:" in labels
    assert "Central Index Key Number of sponsor (if applicable):" in labels
    values = [p.text for p in cover.parts if p.kind == "value"]
    assert {"333-228379-03", "0001779026", "333-228379", "0001259380"} <= set(values)
    # The depositor and the sponsor are named under the issuing entity; the state, the
    # IRS number, the address and the telephone after them are the issuing entity's.
    (trust,) = cover.registrants
    assert (trust.name, trust.commission_file_number) == (
        "CARMAX AUTO OWNER TRUST 2019-3",
        "333-228379-03",
    )
    assert (trust.jurisdiction, trust.irs_employer_id, trust.zip, trust.phone) == (
        "Delaware",
        "36-7736028",
        "23238",
        "(804) 935-4512",
    )
    parties = {f.name: f.text for f in cover.fields if f.name.endswith("_name")}
    assert parties == {
        "depositor_name": "CARMAX AUTO FUNDING LLC",
        "sponsor_name": "CARMAX BUSINESS SERVICES, LLC",
    }


def test_items_under_a_part_heading_left_out_are_in_the_forms_part() -> None:
    # Apple's 1994 10-K with its "PART III" heading taken out, as a fund's 2016 10-K prints
    # none: Items 10-13 follow Part II's, and the form puts them in Part III.
    path = FORMS / "0000320193-94-000016" / "0000320193-94-000016.txt"
    text = path.read_text(encoding="latin-1")
    assert text.count("\nPART III\n") == 1
    items = sec8k.parse(text.replace("\nPART III\n", "\n\n", 1)).items
    assert [(i.part, i.number) for i in items][8:] == [
        ("II", "9"),
        ("III", "10"),
        ("III", "11"),
        ("III", "12"),
        ("III", "13"),
        ("IV", "14"),
    ]


def test_a_quarterly_reports_items_before_part_ii_are_part_i() -> None:
    # Apple's 1998 10-Q with no "PART I" heading, as Marathon Digital's 2023 10-Q prints.
    path = FORMS / "0000320193-98-000006" / "0000320193-98-000006.txt"
    text = path.read_text(encoding="latin-1")
    assert text.count("PART I. FINANCIAL INFORMATION\n") == 1
    items = sec8k.parse(text.replace("PART I. FINANCIAL INFORMATION\n", "\n", 1)).items
    assert [(i.part, i.number) for i in items] == [
        ("I", "1"),
        ("I", "2"),
        ("II", "1"),
        ("II", "4"),
        ("II", "6"),
    ]
