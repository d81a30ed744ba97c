"""The sec8k command: subcommands, output shapes and named exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sec8k
from sec8k import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"


def test_parse_json_prints_exactly_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(EXAMPLE), "--json"]) == cli.EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(sec8k.parse(EXAMPLE).to_dict()))
    assert printed["items"][0]["number"] == "9"


def test_parse_defaults_to_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(EXAMPLE)]) == cli.EXIT_OK
    assert json.loads(capsys.readouterr().out)["form_type"] == "8-K"


def test_parse_tree_prints_the_lark_parse_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(EXAMPLE), "--tree", "--width", "100"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "cover_page" in out and "cover.masthead" in out and "signature_block" in out
    assert "signature.sig_row" in out and "├── item\n" in out


def test_show_prints_the_model_tree_at_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(EXAMPLE), "--width", "80"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "Registrant IMMUNOGEN, INC." in out
    assert "Item 9 REGULATION FD DISCLOSURE" in out
    assert "Signer Gregg D. Beloff" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_error_findings_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert cli.main(["parse", str(empty)]) == cli.EXIT_FINDINGS
    assert json.loads(capsys.readouterr().out)["diagnostics"][0]["code"] == "LOD001"


def test_missing_file_exits_4_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", "/no/such/filing.txt"]) == cli.EXIT_IO
    err = capsys.readouterr().err
    assert err.startswith("sec8k: cannot read") and err.count("\n") == 1


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frobnicate"]) == cli.EXIT_USAGE
    assert "usage" in capsys.readouterr().err


def test_internal_error_exits_3_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(sec8k, "parse", broken)
    assert cli.main(["show", str(EXAMPLE)]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: boom)" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sec8k", "parse", str(EXAMPLE), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["cover"]["registrants"][0]["irs_employer_id"] == "04-2726691"
