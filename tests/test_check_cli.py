"""`sec8k check`, `explain` and `rules`: output shapes, filters and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sec8k
from sec8k import cli
from sec8k.diagnostics import CODES
from tests.conftest import Golden

ROOT = Path(__file__).resolve().parents[1]
# Stockwalk.com, 2000: Item 5 with a press release attached as EX-99.1 and no Item 7.
STOCKWALK = "tests/filings/0000950124-00-003635/0000950124-00-003635.txt"
EXAMPLE = ROOT / "examples" / "immunogen-8k-2002-11-12.txt"
GOLDEN = ROOT / "tests" / "goldens" / "check-exh001-90.txt"


@pytest.fixture
def unsigned(tmp_path: Path) -> Path:
    """The example with its signature cut off: SIG001, an error."""
    text = EXAMPLE.read_text()
    path = tmp_path / "unsigned.txt"
    path.write_text(text[: text.index("                                    SIGNATURE\n")])
    return path


def test_check_text_matches_golden(
    golden: Golden, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    argv = ["check", "--width", "90", STOCKWALK]
    assert cli.main(argv) == cli.EXIT_OK  # a warning is no error
    out = capsys.readouterr().out
    assert out.startswith(
        "warning[EXH001]: 1 exhibit is attached but the report has no Item 9.01 (or Item 7)\n"
    )
    golden.check_text(GOLDEN, (ROOT / STOCKWALK).read_bytes(), out)


def test_default_severity_hides_info(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(EXAMPLE)]) == cli.EXIT_OK  # ITM005 is info
    assert capsys.readouterr().out == "1 file checked: 0 errors, 0 warnings, 0 infos\n"


def test_an_error_exits_1_and_points_at_the_last_item(
    unsigned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", "--width", "100", str(unsigned)]) == cli.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert out.startswith("error[SIG001]: the report has no signature block\n")
    assert f"--> {unsigned}:56:1" in out  # ITEM 7, the last item
    assert out.endswith("1 file checked: 1 error, 0 warnings, 0 infos\n")


def test_json_lines_carry_path_code_and_position(
    unsigned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", "--format", "json", "--severity", "info", str(unsigned), str(EXAMPLE)]
    assert cli.main(argv) == cli.EXIT_FINDINGS
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    found = {(Path(r["path"]).name, r["code"]) for r in records}
    assert found == {
        ("unsigned.txt", "SIG001"),
        ("unsigned.txt", "ITM005"),
        (EXAMPLE.name, "ITM005"),
    }
    sig = next(r for r in records if r["code"] == "SIG001")
    assert (sig["severity"], sig["line"], sig["column"]) == ("error", 56, 1)


def test_select_and_ignore_take_codes_and_prefixes(
    unsigned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["check", "--format", "json", "--severity", "info", str(unsigned)]
    assert cli.main([*base, "--select", "itm"]) == cli.EXIT_OK
    assert {json.loads(x)["code"] for x in capsys.readouterr().out.splitlines()} == {"ITM005"}
    assert cli.main([*base, "--ignore", "SIG001,ITM"]) == cli.EXIT_OK
    assert capsys.readouterr().out == ""


def test_an_unknown_code_in_select_or_ignore_exits_2(
    unsigned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A typo would otherwise select nothing (or ignore nothing) and pass silently.
    assert cli.main(["check", "--select", "SIG001,XYZ", str(unsigned)]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "XYZ" in err and "SIG001" not in err and len(err.splitlines()) == 1
    assert cli.main(["check", "--ignore", "ITM99", str(unsigned)]) == cli.EXIT_USAGE
    with pytest.raises(ValueError, match="'ITM99'"):
        sec8k.check(unsigned, ignore=["ITM99"])


def test_check_goes_on_past_an_unreadable_file_and_counts_it(
    unsigned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    argv = ["check", str(missing), str(unsigned), str(tmp_path)]  # a folder is unreadable too
    assert cli.main(argv) == cli.EXIT_IO
    out, err = capsys.readouterr()
    assert "SIG001" in out  # the readable file between them was checked
    assert out.rstrip().endswith("3 files checked: 1 error, 0 warnings, 0 infos, 2 unreadable")
    assert len(err.splitlines()) == 2 and "missing.txt" in err
    assert cli.main(["check", "--format", "json", str(missing), str(unsigned)]) == cli.EXIT_IO
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0] == {"path": str(missing), "unreadable": records[0]["unreadable"]}
    assert any(r.get("code") == "SIG001" for r in records[1:])


def test_explain_prints_the_rule_with_paragraphs_joined(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["explain", "cvr002"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("CVR002 cover.filed-late (info)\n\n")
    # The docstring's hard line breaks are gone: the console wraps whole paragraphs.
    assert "federal holidays not counted" in " ".join(out.split())
    assert "more than four business days after the event." in out


def test_explain_unknown_code_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["explain", "XYZ999"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err == "sec8k: no code 'XYZ999'; `sec8k rules` lists them\n"


def test_rules_lists_every_code_once_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["rules"]) == cli.EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(CODES)
    assert "ITM003  error   items.not-yet-in-force" in "\n".join(lines)


def test_a_reader_that_stops_early_gets_no_error() -> None:
    """`sec8k check ... | head -1`: the closed pipe ends the command quietly."""
    import subprocess
    import sys

    files = [str(ROOT / STOCKWALK)] * 400  # far more output than a pipe buffers
    process = subprocess.Popen(
        [sys.executable, "-m", "sec8k", "check", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"warning[EXH001]")
    process.stdout.close()
    assert process.wait(timeout=60) == cli.EXIT_BROKEN_PIPE
    assert process.stderr.read() == b""
