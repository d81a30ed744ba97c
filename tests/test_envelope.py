"""The EDGAR envelope: container shapes, the SEC header in both dialects, document blocks."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sec8k
from tests.conftest import CORPUS, FILINGS, TESTS, Golden, case_input, requires_corpus

CASES = sorted(p for p in (TESTS / "envelope").iterdir() if p.is_dir())
# Larger submissions read from the shared corpus when it is present.
CORPUS_CASES = {
    "0001493152-25-001317.nc": "the feed form <SUBMISSION>, tagged header, bare CR line ends",
    "0001628280-25-058337.txt": "a 2025 header that says EIN: where older ones say IRS NUMBER:",
    "0000943374-24-000509.txt": "a 2024 inline XBRL submission",
    "0001769628-26-000154.txt": "a 2026 submission",
}
GOLDENS = TESTS / "goldens" / "envelope"


def envelope_of(filing: sec8k.Filing) -> dict[str, Any]:
    return {
        "header": filing.header.to_dict() if filing.header else None,
        "documents": [d.to_dict() for d in filing.documents],
        "envelope_diagnostics": [
            d.to_dict() for d in filing.diagnostics if d.code.startswith(("ENV", "HDR"))
        ],
    }


@pytest.mark.golden
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_header_golden(case: Path, golden: Golden) -> None:
    source = case_input(case).read_bytes()
    golden.check_json(case / "header.json", source, envelope_of(sec8k.parse(source)))


@pytest.mark.golden
@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_corpus_header_golden(name: str, golden: Golden) -> None:
    source = (CORPUS / "files" / name).read_bytes()
    GOLDENS.mkdir(parents=True, exist_ok=True)
    golden.check_json(GOLDENS / f"{name}.json", source, envelope_of(sec8k.parse(source)))


def parse_case(name: str) -> sec8k.Filing:
    folder = TESTS / "envelope" / name if (TESTS / "envelope" / name).exists() else FILINGS / name
    return sec8k.parse(case_input(folder))


def test_pem_wrapped_ims_document_of_1994() -> None:
    filing = parse_case("0000950117-94-000182")
    header = filing.header
    assert header is not None and header.dialect == "label"
    assert header.accession_number == "0000950117-94-000182"
    assert header.filed_as_of == datetime.date(1994, 8, 17)
    assert [(i.text, i.number) for i in header.items] == [
        ("Other events", "5"),
        ("Financial statements and exhibits", "7"),
    ]
    (filer,) = header.filers
    assert (filer.name, filer.cik, filer.irs_number, filer.state_of_incorporation) == (
        "UNION CAMP CORP",
        "0000100783",
        "135652423",
        "VA",
    )
    assert filer.sic == "2621" and filer.sic_code == "2621"
    assert filer.business_address is not None and filer.business_address.phone == "2016282000"
    assert [d.type for d in filing.documents] == ["8-K", "EX-99"]


def test_multi_filer_header_and_era_mapping() -> None:
    header = parse_case("0000092122-13-000080").header
    assert header is not None
    assert [f.name for f in header.filers] == ["SOUTHERN CO", "GEORGIA POWER CO"]
    assert [f.filing_values[0].file_number for f in header.filers] == ["001-03526", "001-06468"]
    assert [(i.text, i.number) for i in header.items] == [("Other Events", "8.01")]


def test_six_filers_in_a_pem_wrapper() -> None:
    filing = parse_case("0000092122-07-000008")
    assert filing.header is not None and len(filing.header.filers) == 6
    assert filing.header.acceptance_datetime == "20070125102211"


def test_index_headers_page_reads_the_tagged_header() -> None:
    filing = parse_case("0000905729-24-000095-index-headers")
    header = filing.header
    assert header is not None and header.dialect == "tagged"
    assert header.form_type == "8-K" and header.public_document_count == 13
    assert [(i.text, i.number) for i in header.items] == [("5.07", "5.07")]
    (filer,) = header.filers
    assert filer.name == "CHOICEONE FINANCIAL SERVICES INC"
    assert filer.sic_code == "6022" and filer.organization_name == "02 Finance"
    assert filer.former_names[0].name == "1ST COMMUNITY BANCORP INC"
    assert filer.former_names[0].date_changed == datetime.date(1992, 7, 3)
    assert "ENV004" in {d.code for d in filing.diagnostics}
    assert filing.cover is None and not filing.errors


def test_uuencoded_graphic_decodes_to_an_image() -> None:
    filing = parse_case("0000092122-13-000080")
    (graphic,) = [d for d in filing.documents if d.type == "GRAPHIC"]
    assert graphic.encoding == "uuencoded"
    content = graphic.content()
    assert isinstance(content, bytes)
    assert content[:3] in (b"GIF", b"\xff\xd8\xff") or content[:8] == b"\x89PNG\r\n\x1a\n"


def test_text_payload_content_is_the_document_text() -> None:
    filing = parse_case("0000950117-94-000182")
    exhibit = filing.documents[1]
    content = exhibit.content()
    assert isinstance(content, str) and "Union Camp" in content
    assert not content.startswith("<TEXT>")


@pytest.mark.corpus
@requires_corpus
def test_submission_feed_with_bare_carriage_returns() -> None:
    filing = sec8k.parse(CORPUS / "files" / "0001493152-25-001317.nc")
    header = filing.header
    assert header is not None and header.dialect == "tagged"
    assert header.accession_number == "0001493152-25-001317"
    assert [i.number for i in header.items] == ["5.02", "9.01"]
    assert filing.documents and filing.documents[0].type == "8-K"


@pytest.mark.corpus
@requires_corpus
def test_ein_label_of_2025() -> None:
    header = sec8k.parse(CORPUS / "files" / "0001628280-25-058337.txt").header
    assert header is not None and header.filers[0].irs_number == "201665019"


def _submission() -> str:
    return case_input(FILINGS / "0000950144-94-000277").read_text()


def test_truncated_submission() -> None:
    text = _submission()
    filing = sec8k.parse(text[: text.index("ITEM 7.")])
    assert "ENV002" in {d.code for d in filing.diagnostics}
    assert filing.documents[0].truncated
    assert [i.number for i in filing.items] == ["2"]


def test_garbage_before_the_envelope() -> None:
    filing = sec8k.parse("HTTP/1.1 200 OK\nContent-Type: text/plain\n\n" + _submission())
    assert filing.header is not None and filing.header.accession_number == "0000950144-94-000277"
    assert [i.number for i in filing.items] == ["2", "7"]


def test_unknown_and_repeated_labels_are_kept() -> None:
    # A real header with two documented edits: an unknown label, and a label repeated.
    extra = "NEW LABEL OF 2031:\tsomething\nFILED AS OF DATE:\t\t19990101\n"
    text = _submission().replace("FILED AS OF DATE:", extra + "FILED AS OF DATE:", 1)
    header = sec8k.parse(text).header
    assert header is not None
    labels = [f.label for f in header.fields]
    assert "NEW LABEL OF 2031" in labels and labels.count("FILED AS OF DATE") == 2
    assert header.filed_as_of == datetime.date(1999, 1, 1)  # the first one printed


def test_header_only_file() -> None:
    text = _submission().replace("IMS-HEADER>", "SEC-HEADER>")
    header_only = text[text.index("<SEC-HEADER>") : text.index("</SEC-HEADER>") + 14]
    filing = sec8k.parse(header_only)
    assert filing.header is not None and filing.header.filers[0].name
    assert {d.code for d in filing.diagnostics} == {"ENV004"}


def _without_spans(data: object) -> object:
    """JSON data with every "span" left out: positions move when lines are added."""
    if isinstance(data, dict):
        return {k: _without_spans(v) for k, v in data.items() if k != "span"}
    if isinstance(data, list):
        return [_without_spans(v) for v in data]
    return data


def test_blank_line_after_every_header_line() -> None:
    # A real header with one documented edit: a blank line after each of its lines.
    text = _submission()
    start, end = text.index("ACCESSION NUMBER:"), text.index("</IMS-HEADER>")
    spaced = text[:start] + text[start:end].replace("\n", "\n\n") + text[end:]
    original, edited = sec8k.parse(text).header, sec8k.parse(spaced).header
    assert original is not None and edited is not None
    assert _without_spans(edited.to_dict()["filers"]) == _without_spans(
        original.to_dict()["filers"]
    )
    assert [(f.label, f.value) for f in edited.fields] == [
        (f.label, f.value) for f in original.fields
    ]


def test_pem_dash_stuffing_is_undone_in_content() -> None:
    filing = parse_case("0000950124-00-003635")
    raw = filing.source.text
    document = filing.documents[0]
    assert document.payload is not None
    stuffed = raw[document.payload.start : document.payload.end]
    assert "\n- ---" in stuffed
    content = document.content()
    assert isinstance(content, str) and "\n- ---" not in content and "\n---" in content


_WRAPPER_TAG = re.compile(
    r"<(?:SEC|IMS)-DOCUMENT>|<(?:SEC|IMS)-HEADER>|<SUBMISSION>|<DOCUMENT>|"
    r"-----BEGIN PRIVACY-ENHANCED MESSAGE-----|&lt;SEC-HEADER&gt;"
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("<SEC-DOCUMENT>", "<IMS-HEADER>", "<SUBMISSION>", "<DOCUMENT>", "<DOC", "<"),
                *("-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "&lt;SEC-HEADER&gt;", "&lt;"),
                *("<html>", "text ", "\n", "<TEXT>", "<sec-document>"),
                # near misses that share the part the search looks for
                *("</DOCUMENT>", "DOCUMENT>", "SEC-HEADER>", "-HEADER>", "&lt;IMS-HEADER&gt;"),
                *("<SEC-", "<SUBMISSION", "-----BEGIN PRIVACY-ENHANCED ", "<IMS-DOCUMENT>"),
            ]
        ),
        max_size=12,
    )
)
def test_the_first_wrapper_tag_is_found_where_any_starts_first(pieces: list[str]) -> None:
    from sec8k.envelope import _first_wrapper_tag

    text = "".join(pieces)
    first = _WRAPPER_TAG.search(text)
    assert _first_wrapper_tag(text) == (first.start() if first else -1)
