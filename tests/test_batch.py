"""`sec8k batch`: real filings into typed tables, archives read in place, resume after kill -9."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

import sec8k
from sec8k import cli
from sec8k.batch.inputs import Input, find_inputs
from sec8k.batch.run import Limits, Rows, parse_input, run_batch
from sec8k.batch.tables import TABLES, filing_id
from tests.conftest import FILINGS, case_input, filing_cases

pytest.importorskip("pyarrow", reason="pip install '.[test]' installs pyarrow")

from sec8k.batch.store import Store

ROOT = Path(__file__).resolve().parents[1]
CASES = [case_input(c) for c in filing_cases()]
FEW = CASES[:6]


def table_rows(out: Path, table: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = Store(out).read(table).to_pylist()
    return rows


def test_the_tables_say_what_the_library_says(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch([str(FILINGS)], out, jobs=2, part_size=10)
    assert result.inputs == len(CASES) and result.exit_code == 0
    assert sum(result.eras.values()) == len(CASES) and {"1990s", "2020s"} <= set(result.eras)
    filings = {r["input"]: r for r in table_rows(out, "filings")}
    assert sorted(filings) == sorted(str(p) for p in CASES)
    per_table = {t: Counter(r["filing_id"] for r in table_rows(out, t)) for t in TABLES}
    for path in CASES:
        filing = sec8k.parse(path)
        row = filings[str(path)]
        key = filing_id(str(path))
        assert row["filing_id"] == key and row["form"] == filing.form
        assert row["registrant_name"] == filing.cover.registrants[0].name  # type: ignore[union-attr]
        assert row["period_of_report"] == filing.cover.period_of_report  # type: ignore[union-attr]
        assert row["size"] == path.stat().st_size
        assert per_table["items"][key] == len(filing.items) == row["items"]
        assert per_table["exhibits"][key] == len(filing.exhibits) == row["exhibits"]
        assert per_table["signatures"][key] == len(filing.signatures) == row["signatures"]
        assert per_table["diagnostics"][key] == len(filing.diagnostics)
    # Items keep their order and numbers.
    first = next(p for p in CASES if sec8k.parse(p).items)
    key = filing_id(str(first))
    numbers = [r["number"] for r in table_rows(out, "items") if r["filing_id"] == key]
    assert numbers == [i.number for i in sec8k.parse(first).items]


def test_archives_are_read_in_place(tmp_path: Path) -> None:
    tarred, zipped = tmp_path / "few.tar.gz", tmp_path / "few.zip"
    with tarfile.open(tarred, "w:gz") as archive:
        for path in FEW:
            archive.add(path, arcname=f"filings/{path.name}")
    with zipfile.ZipFile(zipped, "w") as archive:
        for path in FEW:
            archive.write(path, arcname=path.name)
        archive.writestr("notes/README.md", "not a filing")
    names = [item.name for item in find_inputs([str(tarred), str(zipped)])]
    assert names == [f"{tarred}!filings/{p.name}" for p in sorted(FEW, key=lambda p: p.name)] + [
        f"{zipped}!{p.name}" for p in sorted(FEW, key=lambda p: p.name)
    ]
    out = tmp_path / "out"
    run_batch([str(tarred), str(zipped)], out, jobs=1)
    rows = table_rows(out, "filings")
    assert len(rows) == 2 * len(FEW)
    by_hash = Counter(r["sha256"] for r in rows)
    assert set(by_hash.values()) == {2}  # each filing read whole from both archives
    assert {r["status"] for r in rows} == {"parsed"}


def test_every_input_gets_one_row_even_unreadable(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is no zip archive")
    missing = tmp_path / "missing.txt"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    out = tmp_path / "out"
    argv = ["batch", str(FEW[0]), str(missing), str(broken), str(dangling), "--out", str(out)]
    assert cli.main([*argv, "--jobs", "1"]) == cli.EXIT_IO
    rows = {Path(str(r["input"])).name: r for r in table_rows(out, "filings")}
    assert rows[FEW[0].name]["status"] == "parsed"
    for name in ("missing.txt", "broken.zip", "dangling.txt"):
        assert rows[name]["status"] == "unreadable" and rows[name]["reason"], name


def test_an_input_over_the_time_limit_fails_with_its_reason(tmp_path: Path) -> None:
    biggest = max(CASES, key=lambda p: p.stat().st_size)
    out = tmp_path / "out"
    result = run_batch([str(biggest)], out, jobs=1, limits=Limits(seconds=0.001))
    (row,) = table_rows(out, "filings")
    assert row["status"] == "failed" and "longer than 0.001 s" in str(row["reason"])
    assert result.exit_code == 1 and result.failures == [(str(biggest), row["reason"])]


def test_a_run_resumes_and_an_unfinished_part_is_dropped(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(p) for p in FEW[:3]], out, jobs=1)
    # What a kill between two renames leaves: another table's file of a part whose
    # filings file was never written, and a temporary file.
    orphan = out / "items" / "part-orphan.parquet"
    shutil.copy(next((out / "items").glob("part-*.parquet")), orphan)
    (out / "filings" / "part-x.parquet.tmp").write_bytes(b"half")
    result = run_batch([str(p) for p in FEW], out, jobs=1)
    assert (result.skipped, sum(result.statuses.values())) == (3, len(FEW) - 3)
    assert not orphan.exists() and not list(out.glob("*/*.tmp"))
    inputs = [r["input"] for r in table_rows(out, "filings")]
    assert sorted(inputs) == sorted(str(p) for p in FEW)


@pytest.mark.slow
def test_kill_minus_9_and_resume_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    command = [sys.executable, "-m", "sec8k", "batch", str(FILINGS), "--jobs", "2"]
    subprocess.run([*command, "--out", str(whole)], check=True, capture_output=True, cwd=ROOT)
    # Kill at about a quarter, then at about a half and three quarters of the rest.
    for fraction in (0.25, 0.5, 0.9):
        process = subprocess.Popen(
            [*command, "--out", str(killed), "--part-size", "3"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        goal = max(1, int(len(CASES) * fraction) // 3)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if len(list((killed / "filings").glob("part-*.parquet"))) >= goal:
                break
            time.sleep(0.01)
        workers = _children(process.pid)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        _wait_gone(workers)  # the pool's workers end with their parent, not live on
    before = len(table_rows(killed, "filings"))
    assert 0 < before < len(CASES)  # the kills stopped it part way, with parts written
    done = subprocess.run([*command, "--out", str(killed)], capture_output=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    inputs = [r["input"] for r in table_rows(killed, "filings")]
    assert len(inputs) == len(set(inputs)) == len(CASES)
    for table in TABLES:
        assert len(table_rows(killed, table)) == len(table_rows(whole, table)), table


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started that are running (Linux; none found elsewhere)."""
    found = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(child) for child in children.read_text().split()]
    return found


def _wait_gone(pids: list[int], seconds: float = 20) -> None:
    """Wait until none of ``pids`` runs (a zombie left to be reaped counts as gone)."""
    deadline = time.monotonic() + seconds
    while True:
        alive = []
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            if status.rpartition(")")[2].split()[0] != "Z":
                alive.append(pid)
        if not alive:
            return
        assert time.monotonic() < deadline, f"worker processes outlived their parent: {alive}"
        time.sleep(0.1)


def _parse_or_die(item: Input, limits: Limits) -> Rows:
    """parse_input, except that an input named like "killer" kills its worker process."""
    if "killer" in item.name:
        os.kill(os.getpid(), signal.SIGKILL)
    return parse_input(item, limits)


@pytest.mark.parametrize("inputs", [FEW, CASES], ids=["one-per-task", "chunked"])
def test_a_worker_killed_from_outside_fails_its_input_only(
    inputs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers are forked: they run the patched function (pickled by its name here).
    # With few inputs each task is one; with all of them tasks carry several (CHUNK), and
    # the killer's neighbours in its task must not fail with it.
    monkeypatch.setattr("sec8k.batch.run.parse_input", _parse_or_die)
    killer = tmp_path / "killer.txt"
    shutil.copy(inputs[0], killer)
    out = tmp_path / "out"
    middle = len(inputs) // 2
    given = [*map(str, inputs[:middle]), str(killer), *map(str, inputs[middle:])]
    result = run_batch(given, out, jobs=2)
    rows = {r["input"]: r for r in table_rows(out, "filings")}
    assert len(rows) == len(inputs) + 1
    assert rows[str(killer)]["status"] == "failed"
    assert "worker process died" in str(rows[str(killer)]["reason"])
    assert all(rows[str(p)]["status"] in ("parsed", "errors") for p in inputs)
    assert result.statuses["failed"] == 1


def _parse_unpicklable(item: Input, limits: Limits) -> Rows:
    """parse_input, except that an input named like "unpicklable" gets rows that cannot
    be sent back from the worker."""
    rows = parse_input(item, limits)
    if "unpicklable" in item.name:
        rows["filings"][0]["reason"] = lambda: None
    return rows


def test_rows_that_cannot_come_back_fail_their_input_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows go back from the workers a task (several inputs) at a time; a task whose rows
    # cannot be pickled is run again one input at a time, so only the culprit fails.
    monkeypatch.setattr("sec8k.batch.run.parse_input", _parse_unpicklable)
    inputs = CASES[:20]
    bad = tmp_path / "unpicklable.txt"
    shutil.copy(inputs[0], bad)
    out = tmp_path / "out"
    result = run_batch([str(bad), *map(str, inputs)], out, jobs=2)
    rows = {r["input"]: r for r in table_rows(out, "filings")}
    assert len(rows) == len(inputs) + 1
    assert rows[str(bad)]["status"] == "failed"
    assert "worker error" in str(rows[str(bad)]["reason"])
    assert all(rows[str(p)]["status"] in ("parsed", "errors") for p in inputs)
    assert result.statuses["failed"] == 1


def test_hostile_inputs_each_get_one_row(tmp_path: Path) -> None:
    # The fuzzers' regression inputs, empty and binary files, a NUL-filled one and a
    # flood of headings: the run finishes and every input has exactly one row.
    hostile = tmp_path / "hostile"
    shutil.copytree(ROOT / "fuzz" / "regressions", hostile)
    (hostile / "empty.txt").write_bytes(b"")
    (hostile / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (hostile / "nul.txt").write_bytes(b"\x00" * 10_000)
    (hostile / "headings.txt").write_bytes(b"Item 1.01\n" * 30_000)
    out = tmp_path / "out"
    result = run_batch([str(hostile)], out, jobs=2)
    names = [r["input"] for r in table_rows(out, "filings")]
    expected = find_inputs([str(hostile)])
    assert sorted(names) == sorted(item.name for item in expected) and len(expected) >= 9
    assert result.statuses["failed"] == 0  # each is parsed, with diagnostics saying why
    rows = {Path(str(r["input"])).name: r for r in table_rows(out, "filings")}
    assert rows["empty.txt"]["status"] == rows["binary.txt"]["status"] == "errors"


def test_describe_documents_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["batch", "--describe"]) == cli.EXIT_OK
    printed = capsys.readouterr().out
    for table, columns in TABLES.items():
        assert f"## {table}" in printed
        assert all(f"| `{c.name}` | {c.type} |" in printed for c in columns)
    assert cli.main(["batch", str(FEW[0])]) == cli.EXIT_USAGE  # no --out


def test_without_pyarrow_batch_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pyarrow" else find_spec(name, *a),
    )
    assert cli.main(["batch", str(FEW[0]), "--out", str(tmp_path / "out")]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'sec8k[batch]'" in err
