"""Property tests: sec8k.parse never raises on any text or bytes, and its spans are in range."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import sec8k
from sec8k.model import (
    Contents,
    ExhibitDocument,
    ExhibitIndex,
    Item,
    OmittedItems,
    SignatureBlock,
    Unrecognized,
)
from sec8k.span import Span

SETTINGS = settings(max_examples=200, deadline=None)

EIGHT_K_LINES = [
    "UNITED STATES",
    "SECURITIES AND EXCHANGE COMMISSION",
    "Washington, D.C. 20549",
    "FORM 8-K",
    "CURRENT REPORT",
    "Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934",
    "Date of Report (Date of earliest event reported): November 12, 2002",
    "IMMUNOGEN, INC.",
    "(Exact name of registrant as specified in its charter)",
    "Massachusetts                 0-17999                 04-2726691",
    "(State or other jurisdiction       (Commission             (IRS Employer",
    "(Commission File Number)",
    "128 Sidney Street, Cambridge, Massachusetts       02139",
    "(Address of principal executive offices)       (Zip Code)",
    "Registrant's telephone number, including area code: (617) 995-2500",
    "Not Applicable",
    "[ ] Written communications pursuant to Rule 425 under the Securities Act",
    "------------------------",
    "ITEM 5.  OTHER EVENTS",
    "Item 2.02 Results of Operations and Financial Condition.",
    "ITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS",
    "Item 9.01. Financial Statements and Exhibits.",
    "Items 1-4. Not applicable.",
    "(c)      Exhibits.",
    "Exhibit 99.1",
    "99.1     Press release dated November 12, 2002",
    "EXHIBIT INDEX",
    "SIGNATURES",
    "SIGNATURE",
    "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has",
    "duly caused this report to be signed on its behalf by the undersigned.",
    "By: /s/ John Doe",
    "/s/ John Doe",
    "Name: John Doe",
    "Title: Chief Executive Officer",
    "Date: February 30, 2004",
    "<PAGE>",
    "- 2 -",
    "-1-<PAGE>",
    "<TABLE>",
    "<S>     <C>",
    "</TABLE>",
    "<DOCUMENT>",
    "<TYPE>8-K",
    "<TEXT>",
    "</TEXT>",
    "\f",
    "\t",
    "   ",
    "",
]

_words = st.text(
    alphabet=st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), max_size=20
)
_line = st.one_of(st.sampled_from(EIGHT_K_LINES), _words, st.tuples(_words, _words).map("\t".join))
eight_k_like = st.builds(
    lambda lines, sep: sep.join(lines),
    st.lists(_line, max_size=40),
    st.sampled_from(["\n", "\r\n"]),
)

SAMPLE = (
    "                                 FORM 8-K\n\n"
    "       Date of Report (Date of earliest event reported): November 12, 2002\n\n"
    "                                 IMMUNOGEN, INC.\n"
    "               (Exact name of registrant as specified in its Charter)\n\n"
    "ITEM 5.  OTHER EVENTS\n\nNone.\n\n2\n<PAGE>\n"
    "ITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS\n\n(c)      Exhibits.\n\n"
    "99.1     Press release\n\n"
    "                                   SIGNATURES\n\n"
    "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has\n"
    "duly caused this report to be signed on its behalf by the undersigned.\n\n"
    "                                     IMMUNOGEN, INC.\n\n"
    "Date: November 12, 2002              By: /s/ John Doe\n"
    "                                         John Doe\n"
    "                                         President\n"
)


def _spans(filing: sec8k.Filing) -> Iterator[tuple[str, Span]]:
    """Every span the filing holds, named for the failure message."""
    yield "filing", filing.span
    cover = filing.cover
    if cover is not None:
        yield "cover", cover.span
        for part in cover.parts:
            yield f"cover part {part.kind}", part.span
        for registrant in cover.registrants:
            if registrant.span is not None:
                yield "registrant", registrant.span
            for name, span in registrant.field_spans:
                yield f"registrant field {name}", span
        if cover.checkboxes is not None and cover.checkboxes.span is not None:
            yield "checkboxes", cover.checkboxes.span
    for section in filing.sections:
        name = type(section).__name__
        yield name, section.span
        if isinstance(section, Item):
            yield "item heading", section.heading_span
            for exhibit in section.exhibits:
                yield "item exhibit", exhibit.span
        elif isinstance(section, SignatureBlock):
            for signature in section.signatures:
                yield "signature", signature.span
        elif isinstance(section, ExhibitIndex):
            for exhibit in section.exhibits:
                yield "index exhibit", exhibit.span
        else:
            assert isinstance(section, (OmittedItems, ExhibitDocument, Contents, Unrecognized))
    for exhibit in filing.exhibits:
        yield "exhibit", exhibit.span
    for unrecognized in filing.unrecognized:
        yield "unrecognized", unrecognized.span
    for noise in filing.noise:
        yield f"noise {noise.kind}", noise.span
    for diagnostic in filing.diagnostics:
        if diagnostic.span is not None:
            yield f"diagnostic {diagnostic.code}", diagnostic.span


def _check(filing: object, length: int) -> None:
    assert isinstance(filing, sec8k.Filing)
    assert filing.source.length == length
    for name, span in _spans(filing):
        assert 0 <= span.start <= span.end <= length, (name, span, length)
    for diagnostic in filing.diagnostics:
        assert diagnostic.code[:3] in {"LOD", "ENV", "NRM", "PRS", "TRN", "FRM", "INT"}
        if diagnostic.span is not None:
            assert diagnostic.line is not None and diagnostic.line >= 1
            assert diagnostic.column is not None and diagnostic.column >= 1


def test_sample_filing_has_spans_to_check() -> None:
    # The span walk is meaningful: a real 8-K yields cover parts, sections and noise.
    filing = sec8k.parse(SAMPLE)
    names = {name for name, _ in _spans(filing)}
    assert "Item" in names
    assert any(name.startswith("cover part") for name in names)
    assert any(name.startswith("noise") for name in names)
    _check(filing, len(SAMPLE))


@pytest.mark.property
@SETTINGS
@given(st.text())
@example("")
@example("\x00")
@example("\r")
@example("\f<PAGE>\t")
@example("ITEM 5.  OTHER EVENTS")
@example("<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nFORM 8-K\n")
@example("<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n")
@example("\ufeff\u2003\xa0\u3000")
@example(SAMPLE)
def test_parse_arbitrary_text_never_raises(text: str) -> None:
    _check(sec8k.parse(text), len(text))


@pytest.mark.property
@SETTINGS
@given(eight_k_like)
@example("ITEM 5.  OTHER EVENTS\r\nSIGNATURES\r\n/s/ John Doe")
@example("FORM 8-K\n\n(Commission File Number)\n\t\n<PAGE>\nExhibit 99.1\n")
@example("SIGNATURES\n-1-<PAGE>\nBy: /s/ John Doe\n\n- 2 -")
@example("Items 1-4. Not applicable.\n\f\nItem 9.01. Financial Statements and Exhibits.\n")
@example(SAMPLE.replace("\n", "\r\n"))
def test_parse_8k_like_text_never_raises(text: str) -> None:
    _check(sec8k.parse(text), len(text))


@pytest.mark.property
@SETTINGS
@given(st.binary())
@example(b"")
@example(b"\x00")
@example(b"\xef\xbb\xbf")
@example(b"\x81\x8d\x8f\x90\x9d")
@example(b"Officer\x92s certificate\r\n")
@example(SAMPLE.encode("cp1252"))
def test_parse_arbitrary_bytes_never_raises(raw: bytes) -> None:
    filing = sec8k.parse(raw)
    assert isinstance(filing, sec8k.Filing)
    _check(filing, filing.source.length)
    assert filing.source.length <= len(raw)
