"""Input that is not of the form asked for gets a Filing with a diagnostic, not an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
CISCO = (
    Path(__file__).resolve().parent
    / "filings"
    / "0000891618-95-000727"
    / "0000891618-95-000727.txt"
)


def codes(filing: sec8k.Filing) -> set[str]:
    return {d.code for d in filing.errors}


@pytest.mark.parametrize(
    ("source", "code"),
    [
        (b"", "LOD001"),
        ("   \n\n  ", "LOD001"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "LOD002"),
        ("just some words\nand more words\n", "FRM001"),
    ],
    ids=["empty", "blank", "binary", "prose"],
)
def test_not_a_filing(source: str | bytes, code: str) -> None:
    filing = sec8k.parse(source)
    assert code in codes(filing)
    with pytest.raises(sec8k.FilingError, match=code):
        sec8k.parse(source, strict=True)


def test_another_forms_cover() -> None:
    # A real 8-K with one documented edit: its title made "FORM 10-K". Detected, it reads
    # as a 10-K; asked to read it as an 8-K, sec8k says the title names another form.
    text = EXAMPLE.read_text().replace("FORM 8-K", "FORM 10-K", 1)
    detected = sec8k.parse(text)
    assert (detected.form, detected.document_type) == ("10-K", "10-K")
    assert "FRM001" not in codes(detected)
    forced = sec8k.parse(text, form="8-K")
    assert forced.form == "8-K"
    (error,) = forced.errors
    assert error.code == "FRM001" and "Form 10-K, not Form 8-K" in error.message
    assert (error.line, error.column) == (7, 37)


def test_another_forms_document_type() -> None:
    # A real submission with one documented edit: its 8-K <TYPE> made 10-K.
    text = CISCO.read_text().replace("<TYPE>8-K", "<TYPE>10-K", 1)
    detected = sec8k.parse(text)
    assert (detected.form, detected.document_type) == ("10-K", "10-K")
    assert "ENV001" not in codes(detected)
    forced = sec8k.parse(text, form="8-K")
    assert "ENV001" in codes(forced)
    assert forced.form == "8-K" and forced.document_type == "10-K"


def test_truncated_submission_still_parses() -> None:
    # A real submission cut in the middle of its 8-K document.
    text = CISCO.read_text()
    cut = text[: text.index("SIGNATURES")]
    filing = sec8k.parse(cut)
    assert "ENV002" in {d.code for d in filing.diagnostics}
    assert [item.number for item in filing.items] == ["2", "7"]
