"""Benchmark the envelope stage: EDGAR wrapper, SEC header and document blocks.

Measures `sec8k.envelope.find_document` alone (no 8-K body parse) over the full
submissions of the shared corpus, and over one generated submission of about 200 MB made
by repeating the documents of a real one. Prints MB/s and peak memory (tracemalloc) as a
multiple of the file size.

    python bench/envelope.py [--corpus ../shared/corpus] [--size-mb 200] [--installed]

``--installed`` measures the sec8k installed in the environment (a compiled wheel) instead
of the checkout's sources.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The installed sec8k is imported before the project root goes on the path.
if "--installed" in sys.argv[1:]:
    import sec8k  # noqa: F401
sys.path.insert(0, str(ROOT))

from sec8k.diagnostics import DiagnosticSink  # noqa: E402
from sec8k.envelope import find_document  # noqa: E402
from sec8k.grammar import get_parser  # noqa: E402

WRAPPED = re.compile(r"<SEC-DOCUMENT>|<IMS-DOCUMENT>|<SEC-HEADER>|<SUBMISSION>|&lt;SEC-HEADER")


def submissions(corpus: Path) -> list[str]:
    """The corpus files that carry an EDGAR wrapper, decoded."""
    texts = []
    for path in sorted((corpus / "files").iterdir()):
        text = path.read_bytes().decode("utf-8", "replace")
        if WRAPPED.search(text[:20_000]):
            texts.append(text)
    return texts


def throughput(texts: list[str], repeat: int = 3) -> tuple[float, float]:
    """Best total seconds over ``repeat`` passes, and MB of text."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            find_document(text, DiagnosticSink())
        best = min(best, time.perf_counter() - start)
    return best, sum(len(t) for t in texts) / 1e6


def generated(texts: list[str], size_mb: int) -> str:
    """A submission of about ``size_mb`` MB: the largest real one, its documents repeated."""
    base = max(texts, key=len)
    head, _, rest = base.partition("<DOCUMENT>")
    body, _, tail = ("<DOCUMENT>" + rest).rpartition("</DOCUMENT>")
    block = body + "</DOCUMENT>\n"
    copies = max(1, int(size_mb * 1e6 // len(block)))
    return head + block * copies + tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument(
        "--installed", action="store_true", help="measure the installed sec8k, not the checkout"
    )
    args = parser.parse_args()
    if not (args.corpus / "files").is_dir():
        print(f"bench: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    get_parser("envelope.lark")
    print(f"sec8k from {Path(sys.modules['sec8k'].__file__ or '').parent}")
    texts = submissions(args.corpus)
    seconds, mb = throughput(texts)
    ms, rate = seconds * 1000, mb / seconds
    print(f"corpus submissions  {len(texts)} files, {mb:.1f} MB, {ms:.1f} ms, {rate:.0f} MB/s")

    big = generated(texts, args.size_mb)
    size = len(big) / 1e6
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    envelope = find_document(big, DiagnosticSink())
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"generated           {size:.0f} MB, {len(envelope.documents)} documents, "
        f"{elapsed:.2f} s, {size / elapsed:.0f} MB/s, "
        f"peak {peak / 1e6:.0f} MB above the text ({peak / 1e6 / size:.2f}x its size)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
