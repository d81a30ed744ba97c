"""Property tests: sec8k.parse never raises on any text or bytes, and its spans are in range."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import sec8k
import sec8k.model
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


def _spans(node: object, name: str = "filing") -> Iterator[tuple[str, Span]]:
    """Every span a node holds, at any depth, named by the path to it."""
    if isinstance(node, Span):
        yield name, node
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from _spans(item, f"{name}[{index}]")
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        if isinstance(node, (sec8k.model.SourceInfo, sec8k.Diagnostic)):
            return  # the source holds no spans; a diagnostic's may point into the header
        for field in dataclasses.fields(node):
            yield from _spans(getattr(node, field.name), f"{name}.{field.name}")


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
    assert not filing.uncovered(), "text that no node accounts for"


def test_sample_filing_has_spans_to_check() -> None:
    # The span walk is meaningful: a real 8-K yields cover parts, sections and noise.
    filing = sec8k.parse(SAMPLE)
    names = {name for name, _ in _spans(filing)}
    assert "filing.sections[1].heading_span" in names  # Item 7's heading
    assert any(name.startswith("filing.cover.parts[") for name in names)
    assert any(name.startswith("filing.noise[") for name in names)
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


@pytest.mark.property
@SETTINGS
@given(eight_k_like)
@example(SAMPLE)
def test_parse_is_deterministic(text: str) -> None:
    # The same input twice, in one process: no state leaks from one parse to the next.
    assert sec8k.parse(text).to_dict() == sec8k.parse(text).to_dict()


@pytest.mark.property
@settings(max_examples=100, deadline=None)
@given(st.one_of(eight_k_like, st.text(), st.text().map(lambda t: f"<html><body>{t}")))
@example("</pre><script>alert(1)</script>\nITEM 5.  OTHER EVENTS\n")
@example("<html><body><p>FORM 8-K</p><p>]]></script><!--</p></body></html>")
def test_report_never_raises_and_runs_no_filing_script(text: str) -> None:
    from sec8k.render.report import report_html

    page = report_html(text)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<script") == 1  # the page's own: whatever the filing holds is text
