"""Where a batch's rows go: one Parquet dataset per table, written part by part, atomically.

An output folder holds a folder per table (``filings/``, ``items/`` ...) and a
``README.md`` describing the columns. Rows are written in parts: each part is one file in
every table's folder, all named ``part-ID.parquet``, each written under a temporary name
and renamed into place, the ``filings`` file last. So a part whose ``filings`` file exists
is whole, and the inputs named in ``filings`` are exactly the inputs done: a run killed at
any moment (``kill -9`` included) leaves at most temporary files and the other tables'
files of one unfinished part, which :meth:`Store.resume` removes before the run goes on.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from pathlib import Path
from typing import Any

from sec8k.batch.tables import TABLES, describe
from sec8k.errors import Sec8kError

__all__ = ["MissingDependencyError", "Store", "arrow_schema"]

_SUFFIX = ".parquet"
_TEMPORARY = ".tmp"


class MissingDependencyError(Sec8kError):
    """A batch feature needs a package that is not installed (the message names it)."""


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingDependencyError(
            "sec8k batch writes Parquet with pyarrow: pip install 'sec8k[batch]'"
        ) from exc
    return pyarrow


def arrow_schema(table: str) -> Any:
    """The Arrow schema of ``table``, each field documented with its column's text."""
    pa = _arrow()
    return pa.schema(
        [pa.field(c.name, getattr(pa, c.type)(), metadata={"doc": c.doc}) for c in TABLES[table]]
    )


class Store:
    """An output folder of tables, written part by part."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Fail before any work when pyarrow is missing, without importing it yet (it
        # takes a third of a second, which the workers can spend parsing).
        if importlib.util.find_spec("pyarrow") is None:
            _arrow()

    def resume(self) -> set[str]:
        """Tidy the folder after an interrupted run; return the names of the inputs done."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            (self.folder / table).mkdir(exist_ok=True)
        (self.folder / "README.md").write_text(describe(), encoding="utf-8")
        whole = {p.stem for p in self._parts("filings")}
        for table in TABLES:
            for path in (self.folder / table).iterdir():
                unfinished = path.name.endswith(_TEMPORARY)
                if unfinished or (path.suffix == _SUFFIX and path.stem not in whole):
                    path.unlink()
        if not whole:
            return set()
        return set(self.column("filings", "input"))

    def _parts(self, table: str) -> list[Path]:
        return sorted((self.folder / table).glob(f"part-*{_SUFFIX}"))

    def write(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Write one part: the rows of every table, ``filings`` last."""
        pa = _arrow()
        name = f"part-{uuid.uuid4().hex}{_SUFFIX}"
        for table in [t for t in TABLES if t != "filings"] + ["filings"]:
            data = pa.Table.from_pylist(rows.get(table, []), schema=arrow_schema(table))
            target = self.folder / table / name
            temporary = target.with_name(target.name + _TEMPORARY)
            pa.parquet.write_table(data, temporary)
            os.replace(temporary, target)

    def read(self, table: str) -> Any:
        """The whole table as a ``pyarrow.Table`` (the parts in name order)."""
        pa = _arrow()
        parts = [pa.parquet.read_table(p) for p in self._parts(table)]
        if not parts:
            return arrow_schema(table).empty_table()
        return pa.concat_tables(parts)

    def column(self, table: str, column: str) -> list[Any]:
        """One column of a table, as Python values."""
        values: list[Any] = self.read(table).column(column).to_pylist()
        return values
