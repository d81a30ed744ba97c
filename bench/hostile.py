"""Time and memory of ``sec8k.parse`` on hostile input shapes, against ordinary filings.

Each shape is built at each size (``--sizes``, in MB) and parsed once in a fresh Python
process, after a warm-up parse there, so that a run's peak RSS is its own. Printed per
shape and size: seconds, seconds per MB, and the peak RSS the parse added per input
byte; per shape, how the seconds per MB grow from the smallest to the largest size
(about 1.0 for linear time, 4.0 for quadratic time over a 4x larger input). The first
rows are ordinary filings (``examples/`` and ``tests/filings/``), for the "fixed multiple
of an ordinary filing's time per MB" that hostile input must stay within.

Run from the project root::

    python bench/hostile.py [--sizes 1,4] [--shapes NAME,...] [--timeout SECONDS] [--installed]

The shapes are those that once took super-linear time or unbounded memory (issue 10).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1 << 20

# Each shape: bytes of about ``n`` bytes.
SHAPES: dict[str, Callable[[int], bytes]] = {
    "nested-tables": lambda n: b"<html><body>" + b"<table><tr><td>" * (n // 15) + b"x",
    "item-headings": lambda n: b"Item 1.01\n" * (n // 10),
    "dash-run-then-x": lambda n: b"-" * n + b"x",
    "dot-run": lambda n: b"." * n,
    "form-feed-lines": lambda n: b"\f\n" * (n // 2),
    "sgml-s-tags-one-line": lambda n: b"<S>" * (n // 3),
    "one-long-line": lambda n: b"word " * (n // 5),
    "boxes-one-line": lambda n: b"[ ] x  " * (n // 7),
    "captions-one-line": lambda n: b"(a) " * (n // 4),
    "html-row-of-cells": lambda n: b"<html><body><table><tr>" + b"<td>x</td>" * (n // 10),
    "envelope-big-text": lambda n: (
        b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n"
        + b"The company announced results for the quarter.\n" * (n // 48)
        + b"</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    ),
    "nul-and-controls": lambda n: b"ITEM 5.  OTHER EVENTS\n\x00\x01\x1b text\x7f\n" * (n // 38),
    # What the envelope's search for wrapper tags finds and must pass over, a million times.
    "wrapper-near-misses": lambda n: b"</DOCUMENT> SEC-HEADER> " * (n // 24),
    "tabbed-label-rows": lambda n: b"FORM 8-K\n" + b"\tName\t\tValue\n" * (n // 13),
    "tab-flood-one-line": lambda n: b"FORM 8-K\n" + b"\ta" * (n // 2),
    "html-long-paragraph": lambda n: b"<html><body><p>" + b"<b>word</b> " * (n // 12),
    # Thousands of CSS page breaks, each page's one line set aside as its footer.
    "css-page-breaks": lambda n: (
        b"<html><body><p>FORM 8-K</p>"
        + b'<p>Text.</p><div style="page-break-after:always"></div>' * (n // 56)
    ),
    # A cover of captions that never close: each row went on the ones above it.
    "open-captions": lambda n: (
        b"FORM 8-K\n"
        + b"(State or other jurisdiction   (Commission File   (IRS Employer\n" * (n // 64)
    ),
    # A signature block of thousands of signers, and a "*" before one long word in it.
    "signer-rows": lambda n: (
        b"FORM 8-K\nItem 8.01 Other\nText.\nSIGNATURES\n/s/ Jo Doe   President\n"
        + b"*   Director   March 1, 2020\n" * (n // 29)
    ),
    "star-long-word": lambda n: (
        b"FORM 8-K\nItem 8.01 Other\nText.\nSIGNATURES\n/s/ Jo Doe   President\n*   "
        + b"a" * n
        + b"\n"
    ),
}

# Ordinary filings: the four largest documents of tests/filings, text and HTML.
ORDINARY = sorted(
    (p for p in (ROOT / "tests" / "filings").glob("*/*") if p.suffix in (".txt", ".htm", ".html")),
    key=lambda p: p.stat().st_size,
)[-4:]

INSTALLED = False
"""Whether the children import the installed sec8k (``--installed``) or the checkout's."""

# The child process: warm up (a bare text document, a full submission and an HTML
# document, so that every parser a shape needs is built before the baseline), measure
# the baseline RSS, parse, report as JSON.
CHILD = """
import json, resource, sys, time
if {root!r}:
    sys.path.insert(0, {root!r})
import sec8k
sec8k.parse(b"FORM 8-K\\nITEM 5.  OTHER EVENTS\\nNone.\\n")
sec8k.parse(b"<DOCUMENT>\\n<TYPE>8-K\\n<TEXT>\\nITEM 5.  OTHER\\n</TEXT>\\n</DOCUMENT>\\n")
sec8k.parse(b"<html><body><p>FORM 8-K</p><p>Item 8.01 Other Events</p></body></html>")
data = {data}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
sec8k.parse(data)
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "before_kb": before, "after_kb": after}}))
"""


def run_child(data_expr: str, timeout: float) -> dict[str, float] | None:
    """Run one measurement in a fresh interpreter; None when it timed out or failed."""
    code = CHILD.format(root="" if INSTALLED else str(ROOT), data=data_expr)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(f"    failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def row(name: str, size: int, result: dict[str, float] | None, timeout: float) -> float | None:
    """Print one measurement; return its seconds per MB."""
    mb = size / MB
    if result is None:
        print(f"{name:24} {mb:8.2f} {'> ' + str(timeout):>9} {'-':>9} {'-':>12}")
        return None
    seconds = result["seconds"]
    added = max(0.0, result["after_kb"] - result["before_kb"]) * 1024
    print(f"{name:24} {mb:8.2f} {seconds:9.3f} {seconds / mb:9.3f} {added / size:12.2f}")
    return seconds / mb


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the ordinary filings, then every shape at every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4", help="input sizes in MB (default 1,4)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes to run")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed sec8k (a wheel may be compiled), not the checkout's",
    )
    args = parser.parse_args(argv)
    global INSTALLED
    INSTALLED = args.installed
    sizes = [int(float(s) * MB) for s in args.sizes.split(",")]
    print(f"{'input':24} {'MB':>8} {'seconds':>9} {'s/MB':>9} {'RSS B/byte':>12}")
    seconds = megabytes = 0.0
    for path in ORDINARY:
        size = path.stat().st_size
        per_mb = row(path.name[:24], size, run_child(f"open({str(path)!r}, 'rb').read()", 60), 60)
        if per_mb is not None:
            seconds += per_mb * size / MB
            megabytes += size / MB
    base = seconds / megabytes if megabytes else None
    if base is not None:
        print(f"{'ordinary, all':24} {megabytes:8.2f} {seconds:9.3f} {base:9.3f}")
    print()
    summary = []
    for name in args.shapes.split(","):
        rates = []
        for size in sizes:
            expr = f"__import__('bench.hostile', fromlist=['SHAPES']).SHAPES[{name!r}]({size})"
            rates.append(row(name, size, run_child(expr, args.timeout), args.timeout))
        summary.append((name, rates))
    print()
    print(f"{'shape':24} {'growth':>8} {'worst s/MB':>11} {'x ordinary':>11}")
    for name, rates in summary:
        known = [r for r in rates if r is not None]
        if len(known) < len(rates) or not known:
            print(f"{name:24} {'timeout':>8}")
            continue
        growth = known[-1] / known[0] if known[0] else float("nan")
        ratio = f"{max(known) / base:11.1f}" if base else f"{'-':>11}"
        print(f"{name:24} {growth:8.2f} {max(known):11.3f} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
