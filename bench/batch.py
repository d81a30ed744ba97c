"""Throughput of ``sec8k batch`` against the in-process library loop, and Dask's overhead.

Over the filings of a folder (default: ../shared/corpus/files, else tests/filings) it
times, each once after a warm-up:

* the library loop: ``sec8k.parse`` on each file in one process (one core);
* ``sec8k batch --jobs N`` (the local engine) into a fresh folder;
* with ``--dask``, ``sec8k batch --engine dask --jobs N`` on a local cluster.

Each is timed ``--repeat`` times (default 3), the runs of each interleaved, and the best
kept, since other work on the machine only ever adds time. It prints seconds, files/s and
MB/s for each, the local engine's time over the library loop's divided by N (1.0 is
perfect scaling), and the Dask engine's overhead per task over the local engine's. Run
from the project root::

    python bench/batch.py [FOLDER] [--jobs 2] [--dask] [--repeat 3] [--installed]

It measures the checkout's sec8k, which is always pure Python; ``--installed`` measures the
one installed in the environment instead, as users run it (a wheel built with a C compiler
runs its hot modules compiled). Batch workers import what the parent imported.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The checkout's sec8k ahead of any installed copy; with --installed, the installed one,
# imported before the project root goes on the path.
INSTALLED = "--installed" in sys.argv[1:]
if INSTALLED:
    import sec8k
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sec8k  # noqa: E402 - after the path
from sec8k.batch.inputs import find_inputs  # noqa: E402
from sec8k.batch.run import run_batch  # noqa: E402

MB = 1 << 20


def _folder() -> Path:
    shared = ROOT.parent / "shared" / "corpus" / "files"
    return shared if shared.is_dir() else ROOT / "tests" / "filings"


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=_folder())
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="time the Dask engine too")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed sec8k (a wheel may be compiled), not the checkout's",
    )
    args = parser.parse_args()
    paths = [item.path for item in find_inputs([str(args.folder)])]
    size = sum(p.stat().st_size for p in paths) / MB
    print(f"{len(paths)} filings, {size:.1f} MB, in {args.folder}")
    compiled = sec8k.compiled_modules()
    print(f"sec8k from {Path(sec8k.__file__).parent}, {len(compiled)} modules compiled")
    sec8k.parse(paths[0])  # build the parsers

    engines = ("local", "dask") if args.dask else ("local",)
    runs: dict[str, list[float]] = {"library": [], **{engine: [] for engine in engines}}
    for _ in range(args.repeat):  # interleaved: a slow spell of the machine hits all alike
        runs["library"].append(_time(lambda: [sec8k.parse(path) for path in paths]))
        for engine in engines:
            runs[engine].append(
                _time(functools.partial(_batch, args.folder, args.jobs, engine, len(paths)))
            )
    library = min(runs["library"])
    _line("library loop, 1 process", library, len(paths), size)
    timings = {engine: min(runs[engine]) for engine in engines}
    for engine in engines:
        _line(f"sec8k batch, {engine}, --jobs {args.jobs}", timings[engine], len(paths), size)
    scaled = timings["local"] / (library / args.jobs)
    print(f"local engine / (library loop / {args.jobs}) = {scaled:.2f}")
    if "dask" in timings:
        overhead = (timings["dask"] - timings["local"]) / len(paths) * 1000 * args.jobs
        print(f"Dask overhead over the local engine: {overhead:.1f} ms per task per worker")


def _time(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _batch(folder: Path, jobs: int, engine: str, expected: int) -> None:
    out = Path(tempfile.mkdtemp(prefix=f"sec8k-bench-{engine}-"))
    try:
        result = run_batch([str(folder)], out, jobs=jobs, engine=engine)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    assert sum(result.statuses.values()) == expected, result.statuses


def _line(what: str, seconds: float, files: int, size: float) -> None:
    print(
        f"{what:<34} {seconds:7.2f} s  {files / seconds:7.1f} files/s  {size / seconds:6.2f} MB/s"
    )


if __name__ == "__main__":
    main()
