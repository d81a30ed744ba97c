"""Throughput of ``sec8k batch`` against the in-process library loop, and Dask's overhead.

Over the filings of a folder (default: ../shared/corpus/files, else tests/filings) it
times, each once after a warm-up:

* the library loop: ``sec8k.parse`` on each file in one process (one core);
* ``sec8k batch --jobs N`` (the local engine) into a fresh folder;
* with ``--dask``, ``sec8k batch --engine dask --jobs N`` on a local cluster.

It prints seconds, files/s and MB/s for each, the local engine's time over the library
loop's divided by N (1.0 is perfect scaling), and the Dask engine's overhead per task
over the local engine's. Run from the project root::

    python bench/batch.py [FOLDER] [--jobs 2] [--dask]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

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
    args = parser.parse_args()
    paths = [item.path for item in find_inputs([str(args.folder)])]
    size = sum(p.stat().st_size for p in paths) / MB
    print(f"{len(paths)} filings, {size:.1f} MB, in {args.folder}")
    sec8k.parse(paths[0])  # build the parsers

    start = time.perf_counter()
    for path in paths:
        sec8k.parse(path)
    library = time.perf_counter() - start
    _line("library loop, 1 process", library, len(paths), size)

    timings = {}
    for engine in ("local", "dask") if args.dask else ("local",):
        out = Path(tempfile.mkdtemp(prefix=f"sec8k-bench-{engine}-"))
        try:
            start = time.perf_counter()
            result = run_batch([str(args.folder)], out, jobs=args.jobs, engine=engine)
            timings[engine] = time.perf_counter() - start
        finally:
            shutil.rmtree(out, ignore_errors=True)
        assert sum(result.statuses.values()) == len(paths), result.statuses
        _line(f"sec8k batch, {engine}, --jobs {args.jobs}", timings[engine], len(paths), size)
    scaled = timings["local"] / (library / args.jobs)
    print(f"local engine / (library loop / {args.jobs}) = {scaled:.2f}")
    if "dask" in timings:
        overhead = (timings["dask"] - timings["local"]) / len(paths) * 1000 * args.jobs
        print(f"Dask overhead over the local engine: {overhead:.1f} ms per task per worker")


def _line(what: str, seconds: float, files: int, size: float) -> None:
    print(
        f"{what:<34} {seconds:7.2f} s  {files / seconds:7.1f} files/s  {size / seconds:6.2f} MB/s"
    )


if __name__ == "__main__":
    main()
