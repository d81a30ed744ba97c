"""The README's "Parse a corpus" commands run as written, on the curated filings."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import filing_cases

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Parse a corpus", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for line in block.splitlines() if line.strip()]


@pytest.mark.slow
def test_the_batch_command_and_the_duckdb_query_run(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pip install '.[test]' installs pyarrow")
    pytest.importorskip("duckdb", reason="pip install '.[test]' installs duckdb")
    install, query = _commands()
    # The install is what the test environment already did; run what follows it.
    batch = install.split("&&", 1)[1].strip()
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    argv = shlex.split(batch)
    assert argv[:2] == ["sec8k", "batch"]
    done = subprocess.run(
        [sys.executable, "-m", "sec8k", *argv[1:]], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    n = len(filing_cases())
    assert f"{n} inputs: {n} parsed now" in done.stdout
    argv = shlex.split(query)
    assert argv[0] == "python"
    shown = subprocess.run(
        [sys.executable, *argv[1:]], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    # The items by year: the 1994 filings' Item 7 and the 2020s' 9.01 among them.
    assert re.search(r"│\s+1994 │ 7\s+│", shown), shown
    assert re.search(r"│\s+20\d\d │ 9\.01\s+│", shown), shown
