"""Unit tests for sec8k.load.load and the load-stage behaviour of sec8k.parse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sec8k
from sec8k.diagnostics import DiagnosticSink, Severity
from sec8k.load import Source, load

FILING_TEXT = "FORM 8-K\n\nITEM 5.  OTHER EVENTS\n\nNone.\n"


def _load(source: object, **kwargs: int) -> tuple[Source, list[tuple[str, Severity]]]:
    sink = DiagnosticSink()
    result = load(source, sink, **kwargs)  # type: ignore[arg-type]
    return result, [(d.code, d.severity) for d in sink.diagnostics]


# --------------------------------------------------------------------------- text and bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "immunogen-8k-2002-11-12.txt"


def test_a_str_naming_a_file_is_an_error_and_a_warning() -> None:
    # The easy mistake: sec8k.parse("filing.txt") parses the nine characters of the name.
    with pytest.warns(UserWarning, match=r"pass pathlib\.Path"):
        filing = sec8k.parse(str(EXAMPLE))
    assert filing.diagnostics[0].code == "LOD006"
    assert filing.diagnostics[0].severity is Severity.ERROR
    with pytest.raises(sec8k.FilingError), pytest.warns(UserWarning):
        sec8k.parse(f"  {EXAMPLE}\n", strict=True)
    # The file's text, a Path, a name that is no file and a folder are no such mistake.
    for fine in (EXAMPLE.read_text(encoding="latin-1"), EXAMPLE, "no/such/file.txt"):
        assert "LOD006" not in {d.code for d in sec8k.parse(fine).diagnostics}
    assert "LOD006" not in {d.code for d in sec8k.parse(str(EXAMPLE.parent)).diagnostics}


def test_str_is_the_text_itself() -> None:
    source, diagnostics = _load(FILING_TEXT)
    assert source.text == FILING_TEXT
    assert source.encoding == "str"
    assert source.path is None
    assert source.readable is True
    assert diagnostics == []


def test_str_that_names_a_file_is_still_text(tmp_path: Path) -> None:
    file = tmp_path / "filing.txt"
    file.write_text(FILING_TEXT)
    source, _ = _load(str(file))
    assert source.text == str(file)
    assert source.path is None


@pytest.mark.parametrize(
    "raw",
    [FILING_TEXT.encode("utf-8"), bytearray(FILING_TEXT.encode("utf-8"))],
    ids=["bytes", "bytearray"],
)
def test_utf8_bytes(raw: bytes) -> None:
    source, diagnostics = _load(raw)
    assert source.text == FILING_TEXT
    assert source.encoding == "utf-8"
    assert source.readable is True
    assert diagnostics == []


def test_utf8_bytes_with_non_ascii_characters() -> None:
    text = "Officer\u2019s certificate \u2014 Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n"
    source, diagnostics = _load(text.encode("utf-8"))
    assert source.text == text
    assert source.encoding == "utf-8"
    assert diagnostics == []


def test_cp1252_bytes_fall_back_with_an_info_diagnostic() -> None:
    source, diagnostics = _load(b"Chief Executive Officer\x92s certification\r\n")
    assert source.text == "Chief Executive Officer\u2019s certification\r\n"
    assert source.encoding == "cp1252"
    assert source.readable is True
    assert diagnostics == [("LOD003", Severity.INFO)]


@pytest.mark.parametrize(
    "raw",
    [b"Officer\x81s report\n", b"\x93Quoted\x94 \x8d text\n"],
    ids=["0x81", "0x8d-among-cp1252"],
)
def test_bytes_undecodable_in_cp1252_fall_back_to_latin1(raw: bytes) -> None:
    source, diagnostics = _load(raw)
    assert source.encoding == "latin-1"
    assert source.text == raw.decode("latin-1")
    assert len(source.text) == len(raw)
    assert source.readable is True
    assert diagnostics == [("LOD003", Severity.INFO)]


def test_utf8_bom_is_dropped() -> None:
    source, diagnostics = _load(b"\xef\xbb\xbf" + FILING_TEXT.encode("utf-8"))
    assert source.text == FILING_TEXT
    assert not source.text.startswith("\ufeff")
    assert source.encoding == "utf-8-sig"
    assert source.readable is True
    assert diagnostics == []


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"], ids=["bom", "bom-ws"])
def test_bom_only_input_is_empty(raw: bytes) -> None:
    source, diagnostics = _load(raw)
    assert source.readable is False
    assert diagnostics == [("LOD001", Severity.ERROR)]


# --------------------------------------------------------------------------- unreadable input


@pytest.mark.parametrize(
    "given",
    ["", "   \n\t\r\n  ", b"", b"  \r\n\t \n", bytearray()],
    ids=["empty-str", "blank-str", "empty-bytes", "blank-bytes", "empty-bytearray"],
)
def test_empty_input(given: object) -> None:
    source, diagnostics = _load(given)
    assert source.readable is False
    assert diagnostics == [("LOD001", Severity.ERROR)]


@pytest.mark.parametrize(
    "given",
    [
        b"FORM 8-K\x00\x00\x00ITEM 5",
        b"\x00",
        bytes(range(1, 9)) * 10 + b"text",
    ],
    ids=["nul-bytes", "single-nul", "mostly-control-bytes"],
)
def test_binary_input(given: object) -> None:
    source, diagnostics = _load(given)
    assert source.readable is False
    assert diagnostics == [("LOD002", Severity.ERROR)]


def test_a_nul_in_text_is_read() -> None:
    # Issue 10: one NUL does not make a filing binary; the pipeline warns of it (LOD005).
    source, diagnostics = _load("FORM 8-K\x00ITEM 5")
    assert source.readable and diagnostics == []


def test_binary_bytes_report_binary_encoding() -> None:
    source, _ = _load(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert source.encoding == "binary"
    assert source.text == ""


def test_a_few_control_characters_are_not_binary() -> None:
    raw = b"FORM 8-K\x0b\n" + b"ITEM 5.  OTHER EVENTS\n" * 5
    source, diagnostics = _load(raw)
    assert source.readable is True
    assert source.encoding == "utf-8"
    assert diagnostics == []


def test_bytes_over_max_bytes() -> None:
    raw = FILING_TEXT.encode()
    source, diagnostics = _load(raw, max_bytes=len(raw) - 1)
    assert source.readable is False
    assert source.text == ""
    assert diagnostics == [("LOD004", Severity.ERROR)]


def test_bytes_exactly_max_bytes_are_read() -> None:
    raw = FILING_TEXT.encode()
    source, diagnostics = _load(raw, max_bytes=len(raw))
    assert source.readable is True
    assert source.text == FILING_TEXT
    assert diagnostics == []


def test_file_over_max_bytes(tmp_path: Path) -> None:
    file = tmp_path / "big-8k.txt"
    file.write_bytes(FILING_TEXT.encode() * 10)
    source, diagnostics = _load(file, max_bytes=100)
    assert source.readable is False
    assert source.path == str(file)
    assert diagnostics == [("LOD004", Severity.ERROR)]


# --------------------------------------------------------------------------- paths


def test_path_is_read_and_recorded(tmp_path: Path) -> None:
    file = tmp_path / "0000950135-02-004567.txt"
    file.write_bytes(FILING_TEXT.replace("\n", "\r\n").encode("ascii"))
    source, diagnostics = _load(file)
    assert source.text == FILING_TEXT.replace("\n", "\r\n")
    assert source.path == str(file)
    assert source.encoding == "utf-8"
    assert source.readable is True
    assert diagnostics == []


def test_cp1252_file(tmp_path: Path) -> None:
    file = tmp_path / "old.txt"
    file.write_bytes(b"Officer\x92s certificate\n")
    source, diagnostics = _load(file)
    assert source.encoding == "cp1252"
    assert source.text == "Officer\u2019s certificate\n"
    assert diagnostics == [("LOD003", Severity.INFO)]


def test_empty_file(tmp_path: Path) -> None:
    file = tmp_path / "empty.txt"
    file.write_bytes(b"")
    source, diagnostics = _load(file)
    assert source.readable is False
    assert source.path == str(file)
    assert diagnostics == [("LOD001", Severity.ERROR)]


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-filing.txt"
    with pytest.raises(sec8k.InputError, match=r"no-such-filing\.txt"):
        _load(missing)


def test_directory_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(sec8k.InputError):
        _load(tmp_path)


def test_input_error_is_a_sec8k_error(tmp_path: Path) -> None:
    with pytest.raises(sec8k.Sec8kError):
        _load(tmp_path / "missing.txt")


# --------------------------------------------------------------------------- via sec8k.parse

_CODE_AT_START = re.compile(r"^(?:\d+:\d+: )?[A-Z]{3}\d{3} ")


def _codes(filing: sec8k.Filing) -> list[str]:
    return [d.code for d in filing.diagnostics]


def test_parse_empty_bytes_returns_a_filing_with_lod001() -> None:
    filing = sec8k.parse(b"")
    assert isinstance(filing, sec8k.Filing)
    assert "LOD001" in _codes(filing)
    assert filing.errors
    assert all(d.severity is Severity.ERROR for d in filing.errors)
    assert filing.items == ()
    assert filing.cover is None
    assert filing.source.length == 0


@pytest.mark.parametrize(
    ("given", "code"),
    [("", "LOD001"), ("  \n ", "LOD001"), (b"\x00\x01binary", "LOD002")],
    ids=["empty-str", "blank-str", "binary"],
)
def test_parse_unreadable_input_never_raises(given: str | bytes, code: str) -> None:
    filing = sec8k.parse(given)
    assert code in _codes(filing)
    assert filing.errors
    assert filing.sections == ()


def test_parse_too_large_bytes() -> None:
    filing = sec8k.parse(FILING_TEXT.encode(), max_bytes=10)
    assert _codes(filing) == ["LOD004"]
    assert filing.errors


def test_parse_cp1252_bytes_reports_encoding() -> None:
    filing = sec8k.parse(b"FORM 8-K\n\nITEM 5.  OTHER EVENTS\n\nThe Officer\x92s report.\n")
    assert filing.source.encoding == "cp1252"
    assert "LOD003" in _codes(filing)
    assert not any(d.code == "LOD003" for d in filing.errors)


def test_parse_strict_empty_raises_filing_error() -> None:
    with pytest.raises(sec8k.FilingError) as info:
        sec8k.parse(b"", strict=True)
    message = str(info.value)
    assert _CODE_AT_START.match(message), message
    assert message.startswith("LOD001")
    assert [d.code for d in info.value.diagnostics] == ["LOD001"]


def test_parse_missing_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(sec8k.InputError):
        sec8k.parse(tmp_path / "missing.txt")
