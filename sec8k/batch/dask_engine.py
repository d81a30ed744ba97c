"""The Dask engine: the same inputs, parsed on a Dask cluster, the same tables written here.

``sec8k batch --engine dask`` sends each input to a cluster's workers as one task
(:func:`~sec8k.batch.run.parse_input`, as the local engine runs it) and writes the rows
that come back exactly as the local engine does, so the tables are the same. With no
``--scheduler`` address it starts a local cluster of one single-threaded worker process
per job; with one, it uses that cluster, whose workers must be able to import sec8k and
read the input paths (a shared file system or the same archives on every machine).

Limits under Dask: the memory cap is the workers' own (``memory_limit`` of a local
cluster; a worker over it is restarted, and a task that kills workers three times fails
with its reason). The time limit is not applied: Dask runs tasks in worker threads, and
Python cannot interrupt a thread.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable
from typing import Any

from sec8k.batch.inputs import Input
from sec8k.batch.store import MissingDependencyError
from sec8k.batch.tables import failed_rows

__all__ = ["in_dask"]

Rows = dict[str, list[dict[str, Any]]]

CHUNK = 16
"""Inputs per Dask task: one each would cost the scheduler's round trip per filing."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingDependencyError(
            "the Dask engine needs dask.distributed: pip install 'sec8k[dask]'"
        ) from exc
    return distributed


def in_dask(
    todo: list[Input],
    limits: Any,
    workers: int,
    gather: Callable[[Rows], None],
    scheduler: str | None = None,
) -> None:
    """Parse ``todo`` on a Dask cluster; hand each input's rows to ``gather``."""
    from sec8k.batch.run import parse_inputs

    distributed = _distributed()
    if not todo:
        return
    cluster = None
    if scheduler is None:
        memory = f"{limits.memory_mb}MiB" if limits.memory_mb else "auto"
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory,
            dashboard_address=None,
        )
        client = distributed.Client(cluster)
    else:
        client = distributed.Client(scheduler)
    try:
        slots = max(1, sum(client.nthreads().values())) * 2
        queue = deque(todo)
        alone: deque[Input] = deque()  # inputs of a chunk that failed: one task each now
        running: dict[Any, list[Input]] = {}
        untimed = dataclasses.replace(limits, seconds=None)

        def submit() -> list[Any]:
            added = []
            while (queue or alone) and len(running) < slots:
                if alone:
                    chunk = [alone.popleft()]
                else:
                    chunk = [queue.popleft() for _ in range(min(CHUNK, len(queue)))]
                future = client.submit(parse_inputs, chunk, untimed, pure=False)
                running[future] = chunk
                added.append(future)
            return added

        finished = distributed.as_completed(submit())
        for future in finished:
            chunk = running.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # KilledWorker, a lost connection
                if len(chunk) > 1:
                    alone.extend(chunk)  # find which input it was: each on its own
                else:
                    reason = f"on the Dask cluster: {type(exc).__name__}: {str(exc)[:200]}"
                    gather(failed_rows(chunk[0].name, "failed", reason))
                results = []
            future.release()
            for rows in results:
                gather(rows)
            for added in submit():
                finished.add(added)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
