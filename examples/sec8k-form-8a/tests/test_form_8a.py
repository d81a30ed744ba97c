"""Form 8-A through the installed plug-in, against the hand labels of three real filings."""

from __future__ import annotations

import functools
import json
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import sec8k
from sec8k import cli
from sec8k.forms import PLUGINS, form_for_type, get_form
from sec8k.model import Filing, Item, ReportText

import sec8k_form_8a

FILINGS = Path(__file__).resolve().parent / "filings"
LABELS: dict[str, dict[str, Any]] = {
    label["file"]: label
    for label in map(json.loads, (FILINGS / "labels.jsonl").read_text("utf-8").splitlines())
}
NAMES = sorted(LABELS)

APPLE = "0001193125-19-292825.txt"
NVIDIA = ("0001012870-98-000716.txt", "0001012870-99-000093.txt")
CHECKED = {"[X]": True, "\u2612": True, "[_]": False, "\u2610": False}
BOX_FIELDS = ("section_12b", "section_12g", "regulation_a")


def _label(name: str) -> dict[str, Any]:
    return LABELS[name]


@functools.cache
def parsed(name: str) -> Filing:
    """The filing, parsed once; sec8k finds the form from the envelope's <TYPE>."""
    return sec8k.parse(FILINGS / name)


# ---- The plug-in is installed and registered ----


def test_the_entry_point_registers_the_form() -> None:
    (entry,) = [e for e in metadata.entry_points(group="sec8k.forms") if e.name == "8-A"]
    assert entry.value == "sec8k_form_8a"
    assert "8-A" in PLUGINS
    form = get_form("8-A")
    assert form is sec8k_form_8a.Form8A
    assert form.package() == "sec8k_form_8a"
    for kind in ("8-A12B", "8-A12G", "8-A12B/A", "8-A12G/A"):
        assert form_for_type(kind) is form
    assert form.grammar_path() == sec8k_form_8a.GRAMMAR
    assert form.grammar_path().is_file()


def test_sec8k_forms_lists_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["forms"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("8-A "))
    assert "8-A12B, 8-A12G" in line
    assert "grammar form_8a.lark" in out
    assert "from sec8k_form_8a:" in out


# ---- Each filing against its labels ----


@pytest.mark.parametrize("name", NAMES)
def test_the_form_is_found_from_the_envelope(name: str) -> None:
    filing = parsed(name)
    assert filing.form == "8-A"
    assert filing.document_type == _label(name)["form_type"]
    assert isinstance(filing.cover, sec8k_form_8a.Cover8A)
    assert filing.cover.form_type == "8-A"  # "FORM 8-A", as printed
    assert not filing.errors
    assert not filing.unrecognized


@pytest.mark.parametrize("name", NAMES)
def test_the_registrant(name: str) -> None:
    cover = _label(name)["cover"]
    filing = parsed(name)
    assert filing.cover is not None
    (registrant,) = filing.cover.registrants
    assert registrant.name == cover["registrant_name"]
    assert registrant.jurisdiction == cover["state_of_incorporation"]
    assert registrant.irs_employer_id == cover["irs_employer_id"]
    assert registrant.address == cover["address"]
    assert registrant.zip == cover["zip"]


@pytest.mark.parametrize("name", NAMES)
def test_the_items(name: str) -> None:
    items = _label(name)["items"]
    filing = parsed(name)
    assert [item.number for item in filing.items] == [item["number"] for item in items]
    # sec8k keeps a title as printed, its final period too; the labels leave it out.
    assert [item.title.rstrip(".") for item in filing.items] == [item["title"] for item in items]


@pytest.mark.parametrize("name", NAMES)
def test_the_signer(name: str) -> None:
    label = _label(name)["signature"]
    filing = parsed(name)
    (block,) = filing.signature_blocks
    (signer,) = block.signatures
    assert block.heading == label["heading"]
    assert block.registrant == label["registrant"]
    assert signer.name == label["signer_name"]
    assert signer.title == label["signer_title"]
    assert filing.signature_date is not None
    signed = filing.signature_date
    assert f"{signed:%B} {signed.day}, {signed.year}" == label["date_signed"]
    # The conformed signature as printed: the block prints "By:" before it.
    assert signer.conformed is not None
    assert signer.conformed.endswith(label["signature"])


# ---- What the 8-A's cover adds ----


@pytest.mark.parametrize("name", NAMES)
def test_the_check_boxes(name: str) -> None:
    boxes = _label(name)["cover"]["check_boxes"]
    cover = parsed(name).cover
    assert isinstance(cover, sec8k_form_8a.Cover8A)
    assert [b.field for b in cover.boxes] == list(BOX_FIELDS[: len(boxes)])
    assert [b.checked for b in cover.boxes] == [CHECKED[box["mark"]] for box in boxes]
    answers = [cover.section_12b, cover.section_12g, cover.regulation_a]
    expected = [CHECKED[box["mark"]] for box in boxes]
    assert answers == expected + [None] * (3 - len(expected))
    # Each box's sentence is one question of the cover, over its wrapped lines.
    questions = [part.text for part in cover.parts if part.kind == "question"]
    assert questions == [box["text"] for box in boxes]


@pytest.mark.parametrize("name", NAMES)
def test_the_check_box_labels_are_their_sentences(name: str) -> None:
    boxes = _label(name)["cover"]["check_boxes"]
    cover = parsed(name).cover
    assert cover is not None
    assert [b.label for b in cover.boxes] == [box["text"] for box in boxes]


@pytest.mark.parametrize("name", NAMES)
def test_the_securities_act_file_number(name: str) -> None:
    cover = parsed(name).cover
    assert isinstance(cover, sec8k_form_8a.Cover8A)
    expected = _label(name)["cover"]["securities_act_file_number"]
    assert cover.securities_act_file_number == expected


@pytest.mark.parametrize("name", NAMES)
def test_the_securities_tables(name: str) -> None:
    label = _label(name)["cover"]
    cover = parsed(name).cover
    assert isinstance(cover, sec8k_form_8a.Cover8A)
    if not label["securities_12b"]:  # the NVIDIA covers print no table at all
        assert cover.securities_12b is None
    else:
        assert cover.securities_12b is not None
        rows = [(row.title, row.exchange, row.trading_symbol) for row in cover.securities_12b]
        expected = [(r["title_of_class"], r["exchange"], None) for r in label["securities_12b"]]
        assert rows == expected
    if label["securities_12g"] == "None":
        assert cover.securities_12g == ()
    else:
        assert cover.securities_12g is None  # no 12(g) line on the cover


def test_the_heading_over_the_items_is_a_section() -> None:
    filing = parsed(APPLE)
    first = filing.sections[0]
    assert isinstance(first, ReportText)
    assert first.text.startswith(_label(APPLE)["pre_item_heading"])
    assert isinstance(filing.sections[1], Item)
    assert filing.cover is not None
    assert first.span.start >= filing.cover.span.end  # the cover stops at the heading


@pytest.mark.parametrize("name", NAMES)
def test_the_exhibits(name: str) -> None:
    exhibits = _label(name)["exhibits"]
    filing = parsed(name)
    assert [(e.number, e.description) for e in filing.exhibits] == [
        (e["number"], e["description"]) for e in exhibits
    ]


@pytest.mark.parametrize("name", NAMES)
def test_the_exhibit_numbers(name: str) -> None:
    filing = parsed(name)
    assert [e.number for e in filing.exhibits] == [e["number"] for e in _label(name)["exhibits"]]
    (listing,) = [item for item in filing.items if item.number == "2"]
    assert listing.exhibits  # Item 2 lists them


# ---- Without the envelope, and from the command line ----


@pytest.mark.parametrize("name", NAMES)
def test_a_bare_document_is_found_by_its_title(name: str) -> None:
    raw = (FILINGS / name).read_text("latin-1")
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    filing = sec8k.parse(body)
    assert filing.form == "8-A"
    assert filing.document_type == "8-A"
    assert not filing.errors, [d.message for d in filing.errors]
    assert [item.number for item in filing.items] == ["1", "2"]


def test_sec8k_show_form_8a(capsys: pytest.CaptureFixture[str]) -> None:
    path = FILINGS / NVIDIA[0]
    assert cli.main(["show", "--form", "8-A", str(path), "--width", "100"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Filing 8-A12B")
    for line in (
        "Registrant NVIDIA Corporation",
        "jurisdiction Delaware",
        "irs employer id 94-3177549",
        "section 12b True",
        "section 12g False",
        "securities act file number 333-47495",
        "Item 1 DESCRIPTION OF REGISTRANT'S SECURITIES TO BE REGISTERED.",
        "Item 2 EXHIBITS.",
        "Signer Geoffrey G. Ribar",
    ):
        assert line in out
    assert "Unrecognized" not in out
    assert "error[" not in out


def test_sec8k_parse_json_has_the_cover_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--form", "8-A", str(FILINGS / APPLE), "--json"]) == cli.EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["form"] == "8-A"
    cover = data["cover"]
    assert cover["section_12b"] is True
    assert cover["securities_act_file_number"] == "333-228159"
    assert cover["securities_12g"] == []
    assert [s["title"] for s in cover["securities_12b"]] == [
        "0.000% Notes due 2025",
        "0.500% Notes due 2031",
    ]
