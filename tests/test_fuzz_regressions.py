"""Every input the fuzzers (fuzz/) found, kept in fuzz/regressions/ and checked as they were.

Each file goes through the library and the command line with the invariants of
fuzz/checks.py: no exception, spans inside the source, no text that no node accounts
for, the same result twice, never an internal error (exit 3) from the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz.checks import check_cli, check_parse

REGRESSIONS = Path(__file__).resolve().parents[1] / "fuzz" / "regressions"
CASES = sorted(p for p in REGRESSIONS.iterdir() if p.is_file() and p.name != "README.md")

# Inputs the library still fails on, with why: each a strict xfail, so a fix shows.
KNOWN: dict[str, str] = {}
# Inputs the command line still fails on.
KNOWN_CLI: dict[str, str] = {}


def _cases(known: dict[str, str]) -> list[object]:
    params = []
    for path in CASES:
        reason = known.get(path.name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(path, id=path.name, marks=marks))
    return params


@pytest.mark.parametrize("path", _cases(KNOWN))
def test_library(path: Path) -> None:
    check_parse(path.read_bytes())


@pytest.mark.parametrize("path", _cases(KNOWN_CLI))
def test_command_line(path: Path) -> None:
    check_cli(path.read_bytes())
