"""`sec8k debug`: the normalised lines, their tokens, the rules, and where a parse stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from sec8k import cli
from sec8k.debug import debug_lines
from sec8k.pipeline import run
from tests.conftest import Golden, case_input, filing_cases

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/immunogen-8k-2002-11-12.txt"
UNION_CAMP = ROOT / "tests" / "filings" / "0000950117-94-000182" / "0000950117-94-000182.txt"
GOLDEN = ROOT / "tests" / "goldens" / "immunogen-debug-14-40.txt"


def test_debug_matches_golden(
    golden: Golden, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert cli.main(["debug", EXAMPLE, "--lines", "14-40", "--width", "140"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    golden.check_text(GOLDEN, (ROOT / EXAMPLE).read_bytes(), out)


def test_rows_name_tokens_and_rules_of_the_example() -> None:
    rows = debug_lines(run(ROOT / EXAMPLE, until="parse"))
    assert len(rows) == 80
    heading = rows[37]
    assert heading.text.startswith("ITEM 9.  REGULATION FD DISCLOSURE")
    assert (heading.tokens, heading.begins, heading.origin) == (
        ["document__items__ITEM_WORD", "document__items__ITEM_NO", "document__items__ITEM_TITLE"],
        ["item"],
        (38, 1),
    )
    assert rows[0].begins[:2] == ["start", "cover_page"]
    assert rows[40].inside == "document__PARA"  # the paragraph's second line
    assert "signature_block" in rows[65].begins


def test_every_row_points_at_its_text_in_the_original() -> None:
    """The file position of each row holds the row's first character (HTML included).

    Check boxes are the exception by design: a Wingdings "o" or a "&#9744;" is shown as
    "[ ]"; an entity ("&amp;") stands for its character.
    """
    checked = 0
    for case in filing_cases():
        state = run(case_input(case), until="parse")
        assert state.source is not None and state.lines is not None
        for row in debug_lines(state):
            if row.origin is None or row.text.lstrip().startswith("["):
                continue
            line, column = row.origin
            char = state.source.text[state.lines.line_start(line) + column - 1]
            assert char in (row.text.lstrip()[0], "&"), (case.name, row.number, row.text)
            checked += 1
    assert checked > 4000


def test_a_broken_wrapper_shows_where_and_what_was_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = UNION_CAMP.read_text()
    cut = text.index("SIGNATURE")
    damaged = tmp_path / "damaged.txt"
    damaged.write_text(text[:cut] + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\nstray\n" + text[cut:])
    assert cli.main(["debug", str(damaged), "--width", "140"]) == cli.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "error[ENV005]: the EDGAR wrapper breaks off here" in out
    assert "= hint: expected " in out
    assert "the grammar read the whole document" not in out


def test_bad_line_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["debug", str(ROOT / EXAMPLE), "--lines", "x-3"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err.startswith("sec8k: --lines wants A-B")


@pytest.mark.parametrize(
    ("lines", "numbers"),
    [("38", [38]), ("78-", [78, 79, 80]), ("38-40", [38, 39, 40])],
)
def test_line_ranges(lines: str, numbers: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["debug", str(ROOT / EXAMPLE), "--lines", lines, "--width", "140"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert [int(row.split()[0]) for row in rows if row[:6].strip().isdigit()] == numbers
