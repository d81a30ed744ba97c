"""The text-era filings of ../shared/corpus against the facts their SEC headers state.

Runs when the shared corpus is present (CI has it). The 8-K body is parsed alone (the SEC
header is never read by the parser here); its items, date of report and cover fields are
then compared with the header. Where the header and the body disagree and a reading of
the body shows the body's value is the one printed, the case is a strict xfail that says
why: sec8k reports what the document says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import sec8k
from tests.conftest import CORPUS, corpus_files

HTML = re.compile(r"<html|<body|<p[\s>]|<div|<font|<br\b|<td\b", re.I)


def _expected() -> dict[str, dict[str, Any]]:
    path = CORPUS / "expected.jsonl"
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {row["file"]: row for row in rows}


def body_of(raw: str) -> str | None:
    """The <TEXT> of the first 8-K-family <DOCUMENT>, or the whole file if it has none."""
    if "<DOCUMENT>" not in raw.upper():
        return raw
    for block in re.finditer(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|$)", raw, re.S | re.I):
        kind = re.search(r"<TYPE>\s*([^\s<]+)", block.group(1), re.I)
        if kind and kind.group(1).upper().startswith("8-K"):
            text = re.search(r"<TEXT>(.*?)(?:</TEXT>|$)", block.group(1), re.S | re.I)
            return text.group(1) if text else block.group(1)
    return None


def _text_bodies() -> dict[str, str]:
    bodies = {}
    for path in corpus_files():
        body = body_of(path.read_bytes().decode("utf-8", "replace"))
        if body is not None and not HTML.search(body[:20_000]):
            bodies[path.name] = body
    return bodies


EXPECTED = _expected()
BODIES = _text_bodies()


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def _file_number(value: str | None) -> tuple[int, int] | str:
    match = re.search(r"(\d+)-(\d+)", value or "")
    return (int(match.group(1)), int(match.group(2))) if match else _digits(value)


def _company(value: str | None) -> str:
    text = re.sub(r"[^A-Z0-9& ]", " ", (value or "").upper().replace("&AMP;", "&"))
    for long, short in (("INCORPORATED", "INC"), ("CORPORATION", "CORP"), ("COMPANY", "CO")):
        text = text.replace(long, short)
    text = re.sub(r"^THE |(^| )(AND|&)( |$)", " ", text)
    return " ".join(text.split())


def _item(number: str) -> str:
    match = re.fullmatch(r"(\d+)\.\s*(\d{1,2})", number.strip().rstrip("."))
    return f"{int(match.group(1))}.{int(match.group(2)):02d}" if match else number.lstrip("0")


# Header and body disagree; the body was read by hand and sec8k gives what it prints.
HEADER_WRONG: dict[tuple[str, str], str] = {
    (
        "items",
        "0000891092-03-002843.txt",
    ): "body furnishes Item 12 too; 2003 header lists only Item 7",
    (
        "items",
        "0001125282-04-000379.txt",
    ): "body furnishes Item 12 too; 2004 header lists only Item 7",
    (
        "items",
        "0001125282-04-003595.txt",
    ): "body furnishes Item 12 too; 2004 header lists only Item 7",
    ("date", "0000109446-94-000008.txt"): "body prints only April 19, 1994; header says 1994-03-22",
    ("date", "0000703901-98-000003.txt"): "body prints January 26, 1998; header says 1997-12-16",
    (
        "date",
        "0000723533-04-000001.txt",
    ): "body prints April 30, 2003; header gives the signature date",
    (
        "date",
        "0001004963-96-000004.txt",
    ): "body prints AUGUST 23, 1996; header gives the month reported on",
    ("date", "0001125282-04-000379.txt"): "body prints February 11, 2004; header says 2004-02-10",
    ("date", "0001125282-05-004198.txt"): "body prints August 10, 2005; header says 2005-08-09",
    ("date", "0000912057-00-043726.txt"): "body prints 'October 3, 2000 (September 21, 2000)'; "
    "the header took the earliest event's date; sec8k reports both (date_of_earliest_event)",
    ("date", "0001275287-05-000056.txt"): "body prints 'January 10, 2005 (January 7, 2005)'; "
    "the header took the earliest event's date; sec8k reports both (date_of_earliest_event)",
    ("irs", "0000899243-96-000861.txt"): "body prints 94-3173918; header 943234049",
    ("irs", "0001004963-96-000004.txt"): "body prints 94-3173918; header 943234049",
    ("irs", "0001004963-96-000010.txt"): "body prints 94-3173918; header 943234049",
    ("irs", "0001104540-02-000064.txt"): "body prints 76-0528600; header 880403762",
    ("file", "0000703901-98-000003.txt"): "the cover prints no Commission File Number",
    ("file", "0000723533-04-000001.txt"): "body prints 0-11596; header 001-16851",
    ("file", "0000899243-96-000861.txt"): "body prints 0-25372; header 000-27412",
    ("file", "0001004963-96-000004.txt"): "body prints 0-25372; header 000-27412",
    ("file", "0001004963-96-000010.txt"): "body prints 0-25372; header 000-27412",
    ("file", "0000950124-00-005735.txt"): "body prints 0-22247; header 001-16029",
    ("file", "0000950124-01-000024.txt"): "body prints 0-22247; header 001-16029",
    ("file", "0000950144-94-000103.txt"): "body prints 0-9334; header 001-08911",
    ("file", "0000950144-94-000177.txt"): "body prints 0-9334; header 001-08911",
    ("file", "0000950144-94-000277.txt"): "body prints 0-9334; header 001-08911",
    (
        "name",
        "0000950124-01-000024.txt",
    ): "body prints the new name Stockwalk Group, Inc.; header the old",
    ("name", "0001000685-98-000002.txt"): "header's conformed name carries the suffix \\PA\\",
    ("name", "0001000685-98-000008.txt"): "header's conformed name carries the suffix \\PA\\",
    ("name", "0001104540-02-000064.txt"): "header drops the apostrophe of ENTERTAINMENT'S",
}


def _cases(kind: str, wanted: Callable[[dict[str, Any]], bool]) -> list[Any]:
    params = []
    for name in sorted(BODIES):
        header = EXPECTED.get(name, {}).get("header")
        if not header or not wanted(header):
            continue
        reason = HEADER_WRONG.get((kind, name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


_parsed: dict[str, dict[str, Any]] = {}


def parsed(name: str) -> dict[str, Any]:
    if name not in _parsed:
        _parsed[name] = sec8k.parse(BODIES[name]).to_dict()
    return _parsed[name]


def first_filer(name: str) -> dict[str, Any]:
    return (EXPECTED[name]["header"].get("filers") or [{}])[0]


def registrant(name: str) -> dict[str, Any]:
    return ((parsed(name)["cover"] or {}).get("registrants") or [{}])[0]


pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_every_corpus_file_parses_as_given(path: Path) -> None:
    filing = sec8k.parse(path)
    assert "INT001" not in {d.code for d in filing.diagnostics}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_text_bodies_parse_without_errors(name: str) -> None:
    data = parsed(name)
    assert [d for d in data["diagnostics"] if d["severity"] == "error"] == []


def _lists_items(header: dict[str, Any]) -> bool:
    return bool(header.get("items")) and not any(i.startswith("?") for i in header["items"])


@pytest.mark.parametrize("name", _cases("items", _lists_items))
def test_items_equal_header_item_information(name: str) -> None:
    want = sorted({_item(i) for i in EXPECTED[name]["header"]["items"]})
    assert sorted({_item(i["number"]) for i in parsed(name)["items"]}) == want


@pytest.mark.parametrize("name", _cases("date", lambda h: bool(h.get("period_of_report"))))
def test_date_of_report_equals_header(name: str) -> None:
    want = EXPECTED[name]["header"]["period_of_report"]
    assert parsed(name)["cover"]["date_of_report"] == want


def _has_irs(header: dict[str, Any]) -> bool:
    irs = (header.get("filers") or [{}])[0].get("irs_number")
    return _digits(irs) not in ("", "000000000")


@pytest.mark.parametrize("name", _cases("irs", _has_irs))
def test_irs_number_equals_header(name: str) -> None:
    assert _digits(registrant(name).get("irs_employer_id")) == _digits(
        first_filer(name)["irs_number"]
    )


def _has(field: str) -> Callable[[dict[str, Any]], bool]:
    return lambda header: bool((header.get("filers") or [{}])[0].get(field))


@pytest.mark.parametrize("name", _cases("file", _has("sec_file_number")))
def test_file_number_equals_header(name: str) -> None:
    got = _file_number(registrant(name).get("commission_file_number"))
    assert got == _file_number(first_filer(name)["sec_file_number"])


@pytest.mark.parametrize("name", _cases("jurisdiction", _has("state_of_incorporation")))
def test_jurisdiction_equals_header(name: str) -> None:
    assert registrant(name).get("jurisdiction_code") == first_filer(name)["state_of_incorporation"]


@pytest.mark.parametrize("name", _cases("name", _has("name")))
def test_registrant_name_equals_header(name: str) -> None:
    assert _company(registrant(name).get("name")) == _company(first_filer(name)["name"])


def _labels() -> dict[str, dict[str, Any]]:
    path = CORPUS / "labels.jsonl"
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {row["file"]: row for row in rows if row["file"] in BODIES}


LABELS = _labels()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_hand_labels(name: str) -> None:
    label, data = LABELS[name], parsed(name)
    assert [_item(i["number"]) for i in data["items"]] == [
        _item(i["number"]) for i in label["items"]
    ]
    assert data["cover"]["date_of_report"] == label["date_of_report"]
    assert [e["number"] for e in data["exhibits"]] == label["exhibits"]
    assert data["signature_date"] == label["signature_date"]
    assert [_company(s["name"]) for s in data["signatures"]] == [
        _company(s["name"]) for s in label["signatures"]
    ]
    want, got = label["registrants"][0], registrant(name)
    assert _company(got.get("name")) == _company(want["name"])
    assert _digits(got.get("irs_employer_id")) == _digits(want["irs_employer_id"])
    assert _file_number(got.get("commission_file_number")) == _file_number(
        want["commission_file_number"]
    )
    assert _digits(got.get("zip")) == _digits(want["zip"])
    assert _digits(got.get("phone")) == _digits(want["phone"])
    assert re.sub(r"[^A-Z0-9]", "", (got.get("address") or "").upper()) == re.sub(
        r"[^A-Z0-9]", "", want["address"].upper()
    )


def _dei_files() -> list[str]:
    return sorted(name for name, row in EXPECTED.items() if row.get("dei"))


@pytest.mark.parametrize("name", _dei_files())
def test_inline_xbrl_dei_facts_equal_the_expected(name: str) -> None:
    xbrl = sec8k.parse(CORPUS / "files" / name).xbrl
    want = EXPECTED[name]["dei"]
    # As sets: whether a fact printed twice counts twice is a matter of policy, which the
    # expected data does not apply consistently.
    got = {key: set(value) if isinstance(value, list) else {value} for key, value in xbrl.items()}
    assert {k: got.get(k) for k in want} == {k: set(v) for k, v in want.items()}
