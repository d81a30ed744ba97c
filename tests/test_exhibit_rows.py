"""Exhibit rows in the shapes that used to fall into prose (found by `sec8k check`'s EXH002)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k
from tests.conftest import CORPUS, requires_corpus

PEOPLES = Path(__file__).parent / "filings" / "0000887919-21-000012" / "0000887919-21-000012.html"
ATRINSIC = Path(__file__).parent / "envelope" / "0001144204-16-096273" / "0001144204-16-096273.txt"


def exhibits(path: Path) -> list[tuple[str, str]]:
    return [(e.number, e.description.split()[0]) for e in sec8k.parse(path).exhibits]


def test_numbers_marked_with_an_asterisk() -> None:
    # "99.1*         Audit Committee Charter ..." (the asterisk marks a footnote).
    assert exhibits(ATRINSIC) == [
        ("99.1", "Audit"),
        ("99.2", "Compensation"),
        ("99.3", "Governance"),
    ]


def test_a_row_after_the_paragraph_letter() -> None:
    # Peoples Bancorp 2021: "(c) Exhibit 99.1 (en dash) Joint Press Release ..."
    assert exhibits(PEOPLES) == [("99.1", "Joint")]


@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Turner 1994: "1(c) -   Terms Agreement dated January 27, 1994 ..."
        ("0000950144-94-000177.txt", [("1(c)", "Terms"), ("4(f)", "Form"), ("4(g)", "Form")]),
        # Turner 1994: "12(c) --   Statement re: ..." (two dashes after the number).
        (
            "0000950144-94-000103.txt",
            [
                ("12(c)", "Statement"),
                ("12(d)", "Statement"),
                ("24(d)", "Consent"),
                ("24(e)", "Consent"),
                ("99(a)", "Audited"),
                ("99(b)", "Unaudited"),
            ],
        ),
        # Nuance 2007: an HTML table aligns the numbers on their dot, "2" and ".1*" in two
        # cells, which the normaliser prints "2    .1*".
        (
            "0000950135-07-007239_b67353nce8vk.htm",
            [
                ("2.1", "Agreement"),
                ("23.1", "Consent"),
                ("99.1", "Consolidated"),
                ("99.2", "Consolidated"),
                ("99.3", "Unaudited"),
            ],
        ),
        # Stockwalk.com 2001: "INDEX TO EXHIBIT", the singular, after the signatures.
        ("0000950137-01-503742_c65172e8-k.htm", [("99.1", "Press")]),
    ],
)
def test_corpus_rows(name: str, expected: list[tuple[str, str]]) -> None:
    assert exhibits(CORPUS / "files" / name) == expected


def test_a_number_with_two_dots() -> None:
    # ImmunoGen 2002 with its exhibit "99.1" renumbered "2.1.1" in memory (a shape of
    # merger exhibits: "2.1.1 Amendment No. 1 to the Agreement and Plan of Merger").
    example = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
    text = example.read_text(encoding="utf-8").replace("\n99.1     ", "\n2.1.1    ", 1)
    assert [(e.number, e.description.split()[0]) for e in sec8k.parse(text).exhibits] == [
        ("2.1.1", "Certification")
    ]


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
LIST = "(c)      Exhibits.\n\n99.1     Certification"


def _example(old: str, new: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    return text.replace(old, new)


@pytest.mark.parametrize(
    "notes",
    [
        "*        Furnished herewith.\n",
        "(1)      Furnished herewith and not deemed filed.\n",
        "1        Furnished herewith and not deemed filed.\n",
        "1        Filed herewith.\n2        Incorporated by reference to the Form 10-K.\n",
        "\u2020        Management contract or compensatory plan or arrangement.\n",
    ],
    ids=["star", "parenthesised", "digit", "two-digits", "dagger"],
)
def test_notes_under_the_list_are_no_exhibits(notes: str) -> None:
    # ImmunoGen 2002 with notes printed under its exhibit list: "1  Filed herewith." is a
    # note on the rows marked 1, not an exhibit numbered 1; its text stays in the item.
    code = "         United States Code)\n"
    filing = sec8k.parse(_example(code, code + "\n" + notes))
    assert [e.number for e in filing.exhibits] == ["99.1"]
    assert notes.split()[1] in filing.items[-1].text
    assert not filing.unrecognized


@pytest.mark.parametrize(
    "label",
    [
        "(c)      Exhibits. 99.1 Certification",
        "(c) Exhibits: Exhibit 99.1 - Certification",
        "(c) Exhibits \u2013 99.1  Certification",
    ],
)
def test_the_first_row_on_the_label_line(label: str) -> None:
    filing = sec8k.parse(_example(LIST, label))
    assert [(e.number, e.description.split()[0]) for e in filing.exhibits] == [
        ("99.1", "Certification")
    ]


def test_exhibits_named_only_in_the_text_of_the_exhibits_item() -> None:
    # The list replaced by a sentence: the exhibits of this report it names count, the
    # exhibit of another filing it names (incorporated by reference) does not.
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("(c)      Exhibits."), text.index("United States Code)") + 20
    sentence = (
        "(c) Exhibits. Exhibits 99.1 and 99.2 are furnished with this report. The plan is\n"
        "Exhibit 10.4 to the Company's Annual Report on Form 10-K.\n"
    )
    filing = sec8k.parse(text[:start] + sentence + text[end:])
    assert [(e.number, e.listed_in, e.description) for e in filing.exhibits] == [
        ("99.1", "text", ""),
        ("99.2", "text", ""),
    ]
    first = filing.exhibits[0].span
    assert filing.source.text[first.start : first.end] == "99.1"


def test_a_list_wins_over_the_text() -> None:
    # Item 9.01 of this 2004 filing says only "A copy of the Press Release is attached as
    # Exhibit 99.1."; the exhibit index lists it with its description.
    path = Path(__file__).parent / "filings" / "0001193125-04-169294_d8k"
    filing = sec8k.parse(next(path.glob("*.htm")))
    assert [e.number for e in filing.items[-1].exhibits] == ["99.1"]
    assert [(e.number, e.listed_in) for e in filing.exhibits] == [("99.1", "index")]


@pytest.mark.corpus
@requires_corpus
def test_text_mention_in_a_real_filing() -> None:
    # 2000: "(c) Exhibits.  Exhibit  16,  the  letter  from  PricewaterhouseCoopers ...".
    filing = sec8k.parse(CORPUS / "files" / "0000914260-00-000043.txt")
    assert [(e.number, e.listed_in) for e in filing.exhibits] == [("16", "text")]


_WORD_START_CASES = [
    "furnished as Exhibit 99.1 to this report",
    "Exhibits 99.1 and 99.2, and Exhibit 10.1 to the Company's Form 10-K",
    "XExhibit 99.1 and _Exhibit 99.2 and \u00e9Exhibit 99.3 and 7Exhibit 99.4, Exhibit 99.10",
    "(Exhibit 99.5), Exhibit\n  99.6; \u201cExhibit 99.7\u201d",
    "Exhibit 99.8Exhibit 99.9 Exhibit No. 10(a)",
]


def _mentions_at_word_boundaries(text: str) -> list[str]:
    """The numbers the pattern with a leading \\b finds, as mentioned_exhibits once did."""
    import re

    from sec8k.transform.exhibits import _MENTION, _MENTION_NUMBER, _OTHER_FILING

    numbers: list[str] = []
    for mention in re.compile(r"\b" + _MENTION.pattern).finditer(text):
        if not _OTHER_FILING.match(text, mention.end()):
            numbers += [n.group() for n in _MENTION_NUMBER.finditer(mention["numbers"])]
    return list(dict.fromkeys(numbers))


@pytest.mark.parametrize("text", _WORD_START_CASES)
def test_a_mention_starts_at_a_word_as_the_word_boundary_says(text: str) -> None:
    # mentioned_exhibits looks for the word and checks the character before it; what it
    # finds is what the pattern that starts with \b finds.
    from sec8k.pipeline import run
    from sec8k.transform.base import Context
    from sec8k.transform.exhibits import mentioned_exhibits

    state = run(text.encode(), until="normalize")
    assert state.document is not None
    normalized = state.document.text
    found = mentioned_exhibits(Context(state.document, state.sink), normalized, 0)
    assert [e.number for e in found] == _mentions_at_word_boundaries(normalized)
    assert found  # every case has at least one mention of its own


def test_mentions_in_real_items_are_those_at_word_boundaries() -> None:
    from sec8k.transform.exhibits import mentioned_exhibits

    checked = 0
    for path in sorted((Path(__file__).parent / "filings").glob("*/*")):
        from sec8k.pipeline import run
        from sec8k.transform.base import Context

        state = run(path.read_bytes(), until="normalize")
        if state.document is None:
            continue
        text = state.document.text
        found = mentioned_exhibits(Context(state.document, state.sink), text, 0)
        assert [e.number for e in found] == _mentions_at_word_boundaries(text), path.name
        checked += bool(found)
    assert checked >= 10


IMMUNOGEN = Path(__file__).parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
HORIZON = Path(__file__).parent / "filings" / "0000939057-08-000253" / "0000939057-08-000253.htm"


def test_an_exhibit_printed_after_the_signatures_under_a_title_at_the_margin() -> None:
    # Horizon 2008: the press release follows the signer, under "Exhibit 99.1" and
    # "Press Release dated July 18, 2008" (centred by a style the text does not keep).
    filing = sec8k.parse(HORIZON)
    kinds = [(s.node, getattr(s, "number", None)) for s in filing.sections]
    assert kinds[-2:] == [("signature_block", None), ("exhibit_document", "99.1")]
    release = filing.sections[-1]
    assert release.text.split()[:6] == ["Exhibit", "99.1", "Press", "Release", "dated", "July"]
    assert "Horizon Financial Appoints Richard R. Haggen" in release.text
    assert filing.sections[-2].span.end < release.span.start
    assert not filing.unrecognized


def _signed_then(text: str) -> str:
    source = IMMUNOGEN.read_text(encoding="utf-8")
    return source.replace("</TEXT>", text + "</TEXT>", 1) if "</TEXT>" in source else source + text


def test_a_title_at_the_margin_opens_an_exhibit_only_after_the_signatures() -> None:
    after = sec8k.parse(_signed_then("\nExhibit 99.1\n\nThe certification of the officer.\n"))
    assert [s.node for s in after.sections][-1] == "exhibit_document"
    # Inside an item, the same line is the item's text: it ends no item.
    source = IMMUNOGEN.read_text(encoding="utf-8")
    inside = source.replace("(c)      Exhibits.\n", "Exhibit 99.1\n\n(c)      Exhibits.\n", 1)
    assert inside != source
    filing = sec8k.parse(inside)
    assert [s.node for s in filing.sections] == [s.node for s in sec8k.parse(IMMUNOGEN).sections]
    assert [e.number for e in filing.exhibits] == ["99.1"]


UNION_CAMP = Path(__file__).parent / "filings" / "0000950117-94-000182"
ZURN = Path(__file__).parent / "filings" / "0000109446-94-000005"


@pytest.mark.parametrize(
    ("path", "description"),
    [
        # "99   Press Release, dated August 9, 1994          4" over "of Union Camp ...":
        # the page column in the row's first line.
        (UNION_CAMP, "Press Release, dated August 9, 1994 of Union Camp Corporation"),
        # "News Release dated March 22, 1994          Page 3".
        (
            ZURN,
            "Other Documents or Statements to Security Holders News Release dated March 22, 1994",
        ),
    ],
    ids=["union-camp-1994", "zurn-1994"],
)
def test_the_page_column_of_an_index_is_not_in_the_description(
    path: Path, description: str
) -> None:
    (filed,) = sorted(p for p in path.iterdir() if p.suffix == ".txt")
    assert [e.description for e in sec8k.parse(filed).exhibits] == [description]
