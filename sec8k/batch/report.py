"""What ``sec8k batch`` shows: progress while it runs, a summary when it ends."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from sec8k.batch.run import BatchResult

__all__ = ["live_progress", "plain_progress", "summary"]

MB = 1 << 20


def _rates(result: BatchResult, started: float) -> tuple[int, float, float]:
    done = sum(result.statuses.values())
    elapsed = max(time.perf_counter() - started, 1e-9)
    return done, done / elapsed, result.bytes_read / MB / elapsed


def plain_progress(console: Console, every: float = 10.0) -> Callable[[BatchResult, int], None]:
    """A progress callback that prints one line every ``every`` seconds (for logs)."""
    started = time.perf_counter()
    last = [started]

    def show(result: BatchResult, total: int) -> None:
        now = time.perf_counter()
        done = sum(result.statuses.values())
        if now - last[0] < every and done < total:
            return
        last[0] = now
        done, files_per_s, mb_per_s = _rates(result, started)
        failed = result.statuses["failed"] + result.statuses["unreadable"]
        console.print(
            f"{done}/{total} files, {result.bytes_read / MB:.1f} MB, {files_per_s:.1f} files/s, "
            f"{mb_per_s:.2f} MB/s, {result.statuses['errors']} with errors, {failed} failed",
            highlight=False,
        )

    return show


class live_progress:  # noqa: N801 - used as a context manager, like rich's own
    """A rich progress bar (files, MB, rates, ETA, errors so far) for a terminal."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("[bold]parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self.task: Any = None
        self.started = time.perf_counter()

    def __enter__(self) -> Callable[[BatchResult, int], None]:
        self.progress.__enter__()
        return self.update

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def update(self, result: BatchResult, total: int) -> None:
        """The progress callback."""
        done, files_per_s, mb_per_s = _rates(result, self.started)
        failed = result.statuses["failed"] + result.statuses["unreadable"]
        detail = (
            f"{result.bytes_read / MB:.1f} MB  {files_per_s:.1f} files/s  {mb_per_s:.2f} MB/s  "
            f"errors {result.statuses['errors']}  failed {failed}"
        )
        if self.task is None:
            self.task = self.progress.add_task("batch", total=total, detail=detail)
        self.progress.update(self.task, completed=done, detail=detail)


def summary(console: Console, result: BatchResult) -> None:
    """The end of a run: counts by status, form and era, diagnostics, failures, slowest."""
    done = sum(result.statuses.values())
    console.print(
        f"{result.inputs} inputs: {done} parsed now, {result.skipped} done before; "
        f"{result.bytes_read / MB:.1f} MB in {result.seconds:.1f} s",
        highlight=False,
    )
    counts = Table(title="filings", title_justify="left")
    counts.add_column("by status")
    counts.add_column("n", justify="right")
    for status in ("parsed", "errors", "failed", "unreadable"):
        counts.add_row(status, str(result.statuses[status]))
    for form, n in result.forms.most_common():
        counts.add_row(f"form {form}", str(n))
    for era, n in sorted(result.eras.items()):
        counts.add_row(f"reporting on the {era}", str(n))
    console.print(counts)
    if result.codes:
        codes = Table(title="diagnostics (most frequent)", title_justify="left")
        codes.add_column("code")
        codes.add_column("n", justify="right")
        for code, n in result.codes.most_common(10):
            codes.add_row(code, str(n))
        console.print(codes)
    if result.failures:
        failures = Table(title="failed or unreadable", title_justify="left")
        failures.add_column("input", overflow="fold")
        failures.add_column("reason", overflow="fold")
        for name, reason in result.failures[:20]:
            failures.add_row(name, reason)
        console.print(failures)
    if result.slowest:
        slowest = Table(title="slowest", title_justify="left")
        slowest.add_column("seconds", justify="right")
        slowest.add_column("input", overflow="fold")
        for seconds, name in result.slowest[:5]:
            slowest.add_row(f"{seconds:.2f}", name)
        console.print(slowest)
