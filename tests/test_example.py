"""The design example: examples/immunogen-8k-2002-11-12.txt, field by field."""

from __future__ import annotations

import datetime
from pathlib import Path

import sec8k

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"


def test_example_parses_clean() -> None:
    filing = sec8k.parse(EXAMPLE)
    assert filing.errors == ()
    assert filing.form_type == "8-K"


def test_example_cover_fields_as_printed() -> None:
    cover = sec8k.parse(EXAMPLE).cover
    assert cover is not None
    assert cover.form_type == "8-K"
    assert cover.date_of_report == datetime.date(2002, 11, 12)
    (registrant,) = cover.registrants
    assert registrant.name == "IMMUNOGEN, INC."
    assert registrant.jurisdiction == "Massachusetts"
    assert registrant.jurisdiction_code == "MA"
    assert registrant.commission_file_number == "0-17999"
    assert registrant.irs_employer_id == "04-2726691"
    assert registrant.address == "128 Sidney Street, Cambridge, Massachusetts"
    assert registrant.zip == "02139"
    assert registrant.phone == "(617) 995-2500"
    assert cover.former_name is None


def test_example_items_exhibits_signature() -> None:
    filing = sec8k.parse(EXAMPLE)
    assert [(i.number, i.title) for i in filing.items] == [
        ("9", "REGULATION FD DISCLOSURE"),
        ("7", "FINANCIAL STATEMENTS AND EXHIBITS"),
    ]
    assert [e.number for e in filing.exhibits] == ["99.1"]
    assert filing.exhibits[0].description.startswith("Certification Pursuant to Section 906")
    (signer,) = filing.signatures
    assert signer.name == "Gregg D. Beloff"
    assert signer.title == "Chief Financial Officer and Vice President, Finance"
    assert signer.registrant == "ImmunoGen, Inc."
    assert filing.signature_date == datetime.date(2002, 11, 12)


def test_example_spans_point_at_the_printed_text() -> None:
    filing = sec8k.parse(EXAMPLE)
    text = EXAMPLE.read_text()
    registrant = filing.cover.registrants[0]  # type: ignore[union-attr]
    for name, value in (("commission_file_number", "0-17999"), ("irs_employer_id", "04-2726691")):
        span = registrant.span_of(name)
        assert span is not None and text[span.start : span.end] == value
    item = filing.items[0]
    assert (
        text[item.heading_span.start : item.heading_span.end] == "ITEM 9.  REGULATION FD DISCLOSURE"
    )
    assert filing.source.text == text


def test_example_to_dict_has_the_public_shape() -> None:
    data = sec8k.parse(EXAMPLE).to_dict()
    assert set(data) >= {
        "form_type",
        "cover",
        "items",
        "exhibits",
        "signatures",
        "signature_date",
        "diagnostics",
    }
    assert set(data["cover"]) >= {"form_type", "date_of_report", "registrants", "former_name"}
    assert set(data["cover"]["registrants"][0]) >= {
        "name",
        "jurisdiction",
        "jurisdiction_code",
        "commission_file_number",
        "irs_employer_id",
        "address",
        "zip",
        "phone",
    }
    assert set(data["items"][0]) >= {"number", "title", "text", "span"}
    assert set(data["signatures"][0]) >= {"name", "title", "registrant"}
    assert data["signature_date"] == "2002-11-12"
