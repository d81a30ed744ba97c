"""The local engine: parse inputs in worker processes, write their rows part by part.

Each input is parsed in a worker (``jobs`` of them; none with ``jobs=1``) under a time
limit (an interval timer) and a memory cap (the worker's address-space limit): an input
that exceeds either, or that breaks sec8k, gets a ``failed`` row with the reason, and the
run goes on. The parent keeps at most a few inputs per worker in flight, gathers their
rows and writes a part every ``part_size`` filings (and at the end), so a killed run
loses at most the unwritten part, which the next run redoes.
"""

from __future__ import annotations

import concurrent.futures as futures
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import sec8k
from sec8k.batch.inputs import Input, find_inputs, read_input
from sec8k.batch.pages import write_index, write_report
from sec8k.batch.store import Store
from sec8k.batch.tables import TABLES, failed_rows, rows_of
from sec8k.forms import default_form
from sec8k.grammar import get_parser
from sec8k.load import DEFAULT_MAX_BYTES

__all__ = ["BatchResult", "Limits", "Rows", "parse_input", "parse_inputs", "run_batch"]

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may cost."""

    seconds: float | None = 120.0
    """Wall-clock seconds for reading and parsing it (None: no limit)."""
    memory_mb: int | None = 4096
    """Address space of a worker process, in MiB (None: no limit; not applied in-process)."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Inputs larger than this are not parsed (their row says so: LOD004)."""
    reports: Path | None = None
    """Besides its rows, an input with error diagnostics gets a report page
    (:mod:`sec8k.render.report`) in this folder; None: no pages."""


@dataclass(slots=True)
class BatchResult:
    """What a run did."""

    inputs: int = 0
    """Inputs named (after expansion of folders, patterns and archives)."""
    skipped: int = 0
    """Inputs already done by an earlier run into the same folder."""
    statuses: Counter[str] = field(default_factory=Counter)
    """Inputs parsed by this run, by status (parsed, errors, failed, unreadable)."""
    forms: Counter[str] = field(default_factory=Counter)
    """Inputs parsed by this run, by form."""
    eras: Counter[str] = field(default_factory=Counter)
    """Inputs parsed by this run, by the decade of the period they report on ("1990s";
    "unknown" where the cover gives none)."""
    codes: Counter[str] = field(default_factory=Counter)
    """Diagnostics by code."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(input, reason) of each failed or unreadable input."""
    slowest: list[tuple[float, str]] = field(default_factory=list)
    """The slowest inputs: (seconds, input), slowest first."""
    bytes_read: int = 0
    """Bytes of the inputs parsed."""
    seconds: float = 0.0
    """Wall-clock seconds of the run."""

    @property
    def exit_code(self) -> int:
        """0: every input parsed cleanly; 1: some have errors or failed; 4: some unreadable."""
        if self.statuses["unreadable"]:
            return 4
        return 1 if self.statuses["errors"] or self.statuses["failed"] else 0


class _TimeUpError(Exception):
    """The input's time ran out."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeUpError


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()  # where signals arrive
    )
    if usable:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def parse_input(item: Input, limits: Limits) -> Rows:
    """Read and parse one input; its rows, or its one failed row with the reason."""
    start = time.perf_counter()
    try:
        data = read_input(item, limits.max_bytes)
    except OSError as exc:
        return failed_rows(item.name, "unreadable", str(exc.strerror or exc))
    try:
        with _time_limit(limits.seconds):
            filing = sec8k.parse(data, max_bytes=limits.max_bytes)
            rows = rows_of(item.name, data, filing, time.perf_counter() - start)
            if limits.reports is not None and filing.errors:
                write_report(limits.reports, item.name, data, limits.max_bytes)
            return rows
    except _TimeUpError:
        reason = f"took longer than {limits.seconds:g} s"
    except MemoryError:
        reason = f"ran out of memory (limit {limits.memory_mb} MiB)"
    except Exception as exc:  # a bug in sec8k: this input fails, the run goes on
        reason = f"internal error: {type(exc).__name__}: {str(exc)[:200]}"
    return failed_rows(item.name, "failed", reason, data, time.perf_counter() - start)


def parse_inputs(items: list[Input], limits: Limits) -> list[Rows]:
    """:func:`parse_input` on each of ``items`` (one task of the Dask engine)."""
    return [parse_input(item, limits) for item in items]


# How often a worker asks whether the process that started it is still there, in seconds.
_PARENT_CHECK_SECONDS = 1.0


def _worker_start(memory_mb: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _end_with_parent()
    if memory_mb is not None:
        import resource

        cap = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _end_with_parent() -> None:
    """End this worker soon after the process that started it is gone (POSIX).

    A parent killed outright (SIGKILL, the system out of memory) cannot shut its pool
    down, and its workers wait for work on a queue that their siblings keep open: they
    would stay for good, each with its copy of the parsers. A thread asks every second
    whether the worker has been handed to another parent, and ends it if so. (Its stack
    is kept small: it counts against a worker's memory limit.)
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    size = threading.stack_size(1 << 18)
    try:
        threading.Thread(target=watch, name="sec8k-parent", daemon=True).start()
    finally:
        threading.stack_size(size)


def run_batch(
    specs: list[str],
    out: Path,
    *,
    jobs: int | None = None,
    limits: Limits | None = None,
    part_size: int = 200,
    progress: Callable[[BatchResult, int], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> BatchResult:
    """Parse every input that ``specs`` name into the tables in folder ``out``.

    Inputs that an earlier run into ``out`` finished are skipped. ``progress`` is called
    after each input with the result so far and the number of inputs to do. ``engine``
    "dask" parses on a Dask cluster (:mod:`sec8k.batch.dask_engine`): a local one of
    ``jobs`` workers, or the one at ``scheduler``.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"no engine {engine!r}: local or dask")
    limits = limits or Limits()
    store = Store(out)
    done = store.resume()
    inputs = find_inputs(specs)
    todo = [item for item in inputs if item.name not in done]
    result = BatchResult(inputs=len(inputs), skipped=len(inputs) - len(todo))
    started = time.perf_counter()
    pending: Rows = {table: [] for table in TABLES}
    in_part = 0

    def gather(rows: Rows) -> None:
        nonlocal in_part
        for table, table_rows in rows.items():
            pending[table].extend(table_rows)
        _count(result, rows)
        in_part += 1
        if in_part >= part_size:
            flush()
        if progress is not None:
            progress(result, len(todo))

    def flush() -> None:
        nonlocal in_part
        if in_part:
            store.write(pending)
            for table_rows in pending.values():
                table_rows.clear()
            in_part = 0

    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    try:
        if engine == "dask":
            from sec8k.batch.dask_engine import in_dask

            in_dask(todo, limits, workers, gather, scheduler)
        elif workers <= 1:
            for item in todo:
                gather(parse_input(item, limits))
        else:
            _in_workers(todo, limits, workers, gather)
    finally:
        flush()
        if limits.reports is not None:
            write_index(limits.reports)
        result.seconds = time.perf_counter() - started
    return result


def _in_workers(
    todo: list[Input], limits: Limits, workers: int, gather: Callable[[Rows], None]
) -> None:
    """Parse ``todo`` in a pool of worker processes, starting a new pool if one dies.

    A worker killed from outside (the system out of memory, a signal) takes the pool
    with it. The inputs in flight then are tried again one at a time in a new pool; one
    that kills its worker again gets a failed row.
    """
    # Build the wrapper's and the default form's parsers before the workers fork, so that
    # none builds them again (another form's is built by each worker that meets one).
    get_parser("envelope.lark")
    default_form().parser()
    gc.freeze()  # what exists now is shared with the workers: no collection touches it
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    queue: deque[Input] = deque(todo)
    suspects: deque[Input] = deque()  # in flight when a pool died: alone, once more
    tried: set[str] = set()
    while queue or suspects:
        with futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_worker_start, initargs=(limits.memory_mb,)
        ) as pool:
            lost = _drain(pool, queue, suspects, limits, workers, gather)
        for item in lost:
            if item.name in tried:
                reason = "its worker process died (killed from outside, or out of memory)"
                gather(failed_rows(item.name, "failed", reason))
            else:
                tried.add(item.name)
                suspects.append(item)


# Inputs per task of the local engine, at most: a task per input cost the parent process
# (which shares the cores with the workers) and the workers 0.3 to 0.4 ms of pickling and
# queue handling each, a tenth of a filing's parse (measured on the 426 corpus filings).
CHUNK = 8


def _drain(
    pool: futures.ProcessPoolExecutor,
    queue: deque[Input],
    suspects: deque[Input],
    limits: Limits,
    workers: int,
    gather: Callable[[Rows], None],
) -> list[Input]:
    """Run inputs in ``pool`` until none is left; the inputs in flight if the pool dies.

    Inputs go to the workers a few at a time (up to :data:`CHUNK`, fewer as the queue runs
    short so that every worker has some to the end), and the rows of each come back in
    order. A chunk whose rows cannot come back is run again one input at a time.
    """
    running: dict[futures.Future[list[Rows]], list[Input]] = {}

    def submit() -> None:
        if suspects and not running:  # a suspect runs alone
            chunk = [suspects.popleft()]
            running[pool.submit(parse_inputs, chunk, limits)] = chunk
            return
        while queue and not suspects and len(running) < workers * 2:
            size = max(1, min(CHUNK, len(queue) // (workers * 2)))
            chunk = [queue.popleft() for _ in range(size)]
            running[pool.submit(parse_inputs, chunk, limits)] = chunk

    submit()
    while running:
        finished, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
        for future in finished:
            chunk = running.pop(future)
            try:
                results = future.result()
            except futures.process.BrokenProcessPool:
                return [*chunk, *(item for lost in running.values() for item in lost)]
            except Exception as exc:  # the rows could not come back (pickling)
                if len(chunk) > 1:
                    suspects.extend(chunk)  # find which input it was: each on its own
                    continue
                results = [failed_rows(chunk[0].name, "failed", f"worker error: {exc}")]
            for rows in results:
                gather(rows)
        submit()
    return []


def _count(result: BatchResult, rows: Rows) -> None:
    (row,) = rows["filings"]
    status = row["status"]
    result.statuses[status] += 1
    if row["form"]:
        result.forms[row["form"]] += 1
    period = row["period_of_report"]
    if status in ("parsed", "errors"):
        result.eras[f"{period.year // 10 * 10}s" if period else "unknown"] += 1
    result.codes.update(d["code"] for d in rows["diagnostics"])
    if status in ("failed", "unreadable"):
        result.failures.append((row["input"], row["reason"]))
    result.bytes_read += row["size"] or 0
    seconds = row["parse_seconds"]
    if seconds is not None:
        result.slowest.append((seconds, row["input"]))
        result.slowest.sort(reverse=True)
        del result.slowest[10:]
