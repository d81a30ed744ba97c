"""The Dask engine writes the same tables as the local one, on a two-worker local cluster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sec8k.batch.run import run_batch
from sec8k.batch.tables import TABLES
from tests.conftest import FILINGS, filing_cases

pytest.importorskip("pyarrow", reason="pip install '.[test]' installs pyarrow")
pytest.importorskip("distributed", reason="pip install '.[test]' installs dask.distributed")

from sec8k.batch.store import Store


def _sorted(out: Path, table: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = Store(out).read(table).to_pylist()
    for row in rows:
        row.pop("parse_seconds", None)  # the one column that differs run to run
    return sorted(rows, key=lambda r: (r["filing_id"], r.get("position", 0)))


@pytest.mark.slow
def test_dask_and_local_engines_write_equal_tables(tmp_path: Path) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_batch([str(FILINGS)], local, jobs=2)
    result = run_batch([str(FILINGS)], dask, jobs=2, engine="dask")
    assert result.inputs == len(filing_cases()) and result.exit_code == 0
    for table in TABLES:
        assert _sorted(dask, table) == _sorted(local, table), table
    # And a rerun on the cluster resumes: nothing is left to do.
    again = run_batch([str(FILINGS)], dask, jobs=2, engine="dask")
    assert (again.skipped, sum(again.statuses.values())) == (len(filing_cases()), 0)
