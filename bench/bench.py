"""Benchmark ``sec8k.parse`` on the real EDGAR filings of the shared corpus.

What it measures, for the 8-K documents of the corpus (one per file):

* wall time of ``sec8k.parse(text)`` per document: the parser is built by one warm-up parse
  first, each document is parsed ``--repeat`` times and its fastest run is kept; printed as
  the median, 90th percentile and maximum per document, and as throughput (total size over
  the sum of the per-document times);
* the split of that time over the pipeline stages (``sec8k.pipeline.STAGES``), from one
  pass that runs each stage on a fresh ``ParseState``;
* memory: the peak traced by ``tracemalloc`` during one pass, and the process's peak RSS;
* with ``--profile``: the top 25 functions by cumulative time under ``cProfile``;
* with ``--by-kind``: instead of the above, one row per kind of input: plain-text, HTML
  and inline XBRL 8-K documents, and whole submissions (every file with ``<DOCUMENT>``
  blocks, as bytes), each with its median and 95th percentile ms per input, throughput,
  the split of its time into a fixed cost per input and a marginal throughput (the
  least-squares line of time on size: "fixed ms" and "+MB/s"), and, for its largest
  input, the peak traced memory and the growth of peak RSS (in a fresh process) per byte
  of that input; and, when edgartools is installed in the same environment, its median
  and throughput on the same inputs in the same run and how many times faster sec8k is
  (bench/peer.py says how it is run offline); then a row for the three kinds of document
  together (the times of their rows, not a new run), as the documents of a mixed set of
  filings would be measured.

The 8-K document of a file is the ``<TEXT>`` of its first ``<DOCUMENT>`` whose ``<TYPE>``
starts with ``8-K`` (files with ``<DOCUMENT>`` blocks but no such one are skipped), or the
whole file when it has no ``<DOCUMENT>`` blocks. Documents are classed as HTML or text by
their first 20,000 characters; ``--kind`` picks which are measured. Sizes are the UTF-8
bytes of the document text; 1 MB is 2**20 bytes.

Run from the project root::

    python bench/bench.py [--corpus PATH] [--kind text|html|all] [--repeat N] [--profile]
    python bench/bench.py --by-kind [--corpus PATH] [--repeat N] [--installed]

It measures the checkout's sec8k, which is always pure Python; ``--installed`` measures the
one installed in the environment instead (a wheel built with a C compiler runs its hot
modules compiled: see hatch_build.py). The header line says which it measured.

``--corpus`` defaults to ``../shared/corpus`` next to the project root; the filings are read
from its ``files/`` folder. Exits 2 when the corpus folder does not exist.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import math
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Import sec8k from this project root, ahead of any installed copy; with --installed, the
# installed one (a wheel may hold compiled modules, the checkout never does), imported
# before the project root, which holds this package (bench), goes on the path.
INSTALLED = "--installed" in sys.argv[1:]
if INSTALLED:
    import sec8k
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sec8k  # noqa: E402
from bench.peer import peer  # noqa: E402
from sec8k.pipeline import STAGES, ParseState  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
"""The project root."""
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1 << 20
SNIFF_CHARS = 20_000
PROFILE_TOP = 25

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|(?=<DOCUMENT>)|\Z)", re.I | re.S)
_TYPE = re.compile(r"<TYPE>[ \t]*([^\s<]*)", re.I)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.I | re.S)
_HTML = re.compile(r"<html|<body|<p[\s>]|<div|<font|<br\b|<td\b", re.I)


@dataclass(frozen=True, slots=True)
class Document:
    """One 8-K document to parse."""

    name: str
    """The file it came from."""
    kind: str
    """``"html"`` or ``"text"``."""
    text: str
    """What ``sec8k.parse`` is given."""
    size: int
    """UTF-8 bytes of ``text``."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents selected from the corpus, and how many files were looked at."""

    folder: Path
    files: int
    no_8k: int
    """Files with ``<DOCUMENT>`` blocks but none of type 8-K (or an empty one)."""
    documents: list[Document]


# --- corpus -------------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """Decode like ``sec8k.load``: UTF-8 (with or without BOM), then cp1252, then latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def select_document(text: str) -> str | None:
    """The 8-K document of a file's text, or None when it has blocks but no 8-K one."""
    if not _DOCUMENT.search(text):
        return text
    for block in _DOCUMENT.finditer(text):
        body = block.group(1)
        found = _TEXT.search(body)
        head = body[: found.start()] if found else body
        doc_type = _TYPE.search(head)
        if doc_type and doc_type.group(1).upper().startswith("8-K"):
            return found.group(1) if found else None
    return None


def classify(text: str) -> str:
    """``"html"`` when the start of ``text`` has HTML tags, else ``"text"``."""
    return "html" if _HTML.search(text, 0, SNIFF_CHARS) else "text"


def corpus_files(corpus: Path) -> tuple[Path, list[Path]]:
    """The folder holding the filings (``files/`` when present) and its files, sorted."""
    folder = corpus / "files" if (corpus / "files").is_dir() else corpus
    return folder, sorted(path for path in folder.iterdir() if path.is_file())


def load_corpus(corpus: Path, kind: str) -> Corpus:
    """Select the 8-K document of every file and keep those of ``kind`` (or all)."""
    folder, files = corpus_files(corpus)
    documents: list[Document] = []
    no_8k = 0
    for path in files:
        text = select_document(decode(path.read_bytes()))
        if text is None or not text.strip():
            no_8k += 1
            continue
        doc_kind = classify(text)
        if kind in ("all", doc_kind):
            documents.append(Document(path.name, doc_kind, text, len(text.encode("utf-8"))))
    return Corpus(folder, len(files), no_8k, documents)


# --- measurements -------------------------------------------------------------------------


def parse_all(documents: Sequence[Document]) -> None:
    """One pass of ``sec8k.parse`` over every document."""
    for document in documents:
        sec8k.parse(document.text)


def time_documents(documents: Sequence[Document], repeat: int) -> list[float]:
    """Seconds per document: the fastest of ``repeat`` runs, after one warm-up parse."""
    sec8k.parse(documents[0].text)  # builds (and caches) the Lark parser
    best = [math.inf] * len(documents)
    for _ in range(repeat):
        for i, document in enumerate(documents):
            start = time.perf_counter()
            sec8k.parse(document.text)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def time_stages(documents: Sequence[Document]) -> dict[str, float]:
    """Seconds per pipeline stage, summed over one pass (stopping where ``run`` stops)."""
    totals = dict.fromkeys((name for name, _ in STAGES), 0.0)
    for document in documents:
        state = ParseState(document.text)
        for name, stage in STAGES:
            start = time.perf_counter()
            stage(state)
            totals[name] += time.perf_counter() - start
            if state.stopped:
                break
    return totals


def traced_peak(documents: Sequence[Document]) -> int:
    """Peak bytes allocated (per ``tracemalloc``) during one pass."""
    gc.collect()
    tracemalloc.start()
    try:
        parse_all(documents)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def peak_rss() -> float | None:
    """The process's peak resident set size in MB, or None where ``resource`` is missing."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Kilobytes on Linux, bytes on macOS.
    return maxrss / MB if sys.platform == "darwin" else maxrss / 1024


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` (0-100) percentile of ``values``, by nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def fixed_and_marginal(times: Sequence[float], sizes: Sequence[int]) -> tuple[float, float] | None:
    """The least-squares line of time on size: fixed seconds per input, and marginal MB/s.

    A kind's throughput is its total size over its total time, so on inputs of a few
    tens of KB it is decided as much by what every input costs whatever its size (the
    cover, the signature, the stages' set-up) as by the cost of each byte. The line
    separates the two: its intercept is the fixed cost of an input, its slope the cost
    of one more MB. None when the sizes do not vary or time does not grow with size.
    """
    count = len(times)
    if count < 2:
        return None
    mean_size = sum(sizes) / count
    mean_time = sum(times) / count
    spread = sum((size - mean_size) ** 2 for size in sizes)
    if spread == 0:
        return None
    slope = (
        sum(
            (size - mean_size) * (took - mean_time) for size, took in zip(sizes, times, strict=True)
        )
        / spread
    )
    if slope <= 0:
        return None
    return mean_time - slope * mean_size, 1 / (slope * MB)


# --- output -------------------------------------------------------------------------------


def _build() -> str:
    compiled = sec8k.compiled_modules()
    where = Path(sec8k.__file__).parent
    build = f"{len(compiled)} modules compiled" if compiled else "pure Python"
    return f"{build}, from {where}"


def header() -> str:
    """Python, Lark and machine in one line."""
    try:
        lark_version = metadata.version("lark")
    except metadata.PackageNotFoundError:
        lark_version = "?"
    cpu = platform.processor() or platform.machine() or "unknown cpu"
    return (
        f"python {platform.python_version()} | lark {lark_version} | sec8k {sec8k.__version__}"
        f" ({_build()})"
        f" | {cpu}, {os.cpu_count()} CPUs | {platform.system()}"
    )


def print_corpus(corpus: Corpus, kind: str, repeat: int) -> None:
    """Where the documents came from."""
    print(f"corpus: {corpus.folder} ({corpus.files} files, {corpus.no_8k} without an 8-K document)")
    print(f"kind: {kind}, repeat: {repeat}")


def print_timing(documents: Sequence[Document], times: Sequence[float]) -> None:
    """Size, per-document latency and throughput."""
    total_bytes = sum(document.size for document in documents)
    slowest = max(range(len(times)), key=times.__getitem__)
    rows = [
        ("documents", f"{len(documents)}"),
        ("total", f"{total_bytes / MB:.2f} MB"),
        ("median", f"{statistics.median(times) * 1000:.2f} ms/doc"),
        ("p90", f"{percentile(times, 90) * 1000:.2f} ms/doc"),
        ("max", f"{times[slowest] * 1000:.2f} ms ({documents[slowest].name})"),
        ("throughput", f"{total_bytes / MB / sum(times):.3f} MB/s"),
    ]
    print()
    for label, value in rows:
        print(f"{label:<12} {value}")


def print_stages(totals: dict[str, float]) -> None:
    """Milliseconds and share of each pipeline stage."""
    whole = sum(totals.values()) or 1.0
    print()
    print(f"{'stage':<12} {'ms':>10} {'%':>6}")
    for name, seconds in totals.items():
        print(f"{name:<12} {seconds * 1000:>10.1f} {seconds / whole * 100:>6.1f}")
    print(f"{'total':<12} {sum(totals.values()) * 1000:>10.1f} {100.0:>6.1f}")


def print_memory(traced: int, rss: float | None) -> None:
    """Peak traced allocations and peak RSS."""
    print()
    print(f"{'tracemalloc':<12} {traced / MB:.1f} MB peak (one pass)")
    print(f"{'peak RSS':<12} {'n/a' if rss is None else f'{rss:.1f} MB'} (whole run)")


def print_profile(documents: Sequence[Document]) -> None:
    """The top functions by cumulative time over one pass."""
    profiler = cProfile.Profile()
    profiler.runcall(parse_all, documents)
    print()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats(PROFILE_TOP)


# --- by kind ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Input:
    """One input of a kind: what sec8k is given, and the 8-K document the peer is given."""

    name: str
    given: str | bytes
    """The document's text, or a whole submission's bytes."""
    size: int
    """Bytes of ``given``."""
    document: str
    """The 8-K document itself (the peer reads no submission envelope)."""


def by_kind(corpus: Path) -> dict[str, list[Input]]:
    """The inputs of each kind: text, HTML and inline XBRL documents, whole submissions."""
    kinds: dict[str, list[Input]] = {"text": [], "html": [], "ixbrl": [], "submission": []}
    _, paths = corpus_files(corpus)
    for path in paths:
        raw = path.read_bytes()
        text = decode(raw)
        document = select_document(text)
        if _DOCUMENT.search(text) and document:
            kinds["submission"].append(Input(path.name, raw, len(raw), document))
        if not document:
            continue
        kind = classify(document)
        if kind == "html" and "<ix:" in document[:200_000].lower():
            kind = "ixbrl"
        kinds[kind].append(Input(path.name, document, len(document.encode("utf-8")), document))
    return kinds


def best_times(
    inputs: Sequence[Input], read: Callable[[Input], object], repeat: int
) -> list[float]:
    """The fastest of ``repeat`` runs of ``read`` on each input, in seconds."""
    times = []
    for item in inputs:
        best = math.inf
        for _ in range(repeat):
            start = time.perf_counter()
            read(item)
            best = min(best, time.perf_counter() - start)
        times.append(best)
    return times


_RSS_CHILD = """
import resource, sys
if sys.argv[2]:
    sys.path.insert(0, sys.argv[2])
import sec8k
sec8k.parse("FORM 8-K\\nITEM 8.01  OTHER EVENTS\\nNone.\\n")
sec8k.parse("<html><p>FORM 8-K</p><p>Item 8.01 Other</p></html>")
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sec8k.parse(data)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) * 1024 / len(data))
"""


def rss_per_byte(given: str | bytes) -> float:
    """Peak RSS growth per input byte of parsing ``given`` in a fresh process.

    The process builds the parsers and parses a small filing first; what the input adds
    to its high-water mark beyond that, over the input's size. Pages the process already
    holds are reused, so small inputs show 0.
    """
    data = given.encode("utf-8") if isinstance(given, str) else given
    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        handle.write(data)
        handle.flush()
        found = subprocess.run(
            [sys.executable, "-c", _RSS_CHILD, handle.name, "" if INSTALLED else str(ROOT)],
            capture_output=True,
            text=True,
            check=True,
        )
    return float(found.stdout.strip())


def print_by_kind(kinds: dict[str, list[Input]], repeat: int) -> None:
    """Per kind: median and p95 ms, MB/s, memory per byte, and the peer's times if installed.

    Memory is measured on the largest input of a kind: the peak traced by tracemalloc and
    the growth of peak RSS in a fresh process, each per input byte. The peer library
    (bench/peer.py) is timed on the same inputs in the same run; for submissions it is
    given the 8-K document, since it reads no envelope.
    """
    sec8k.parse("FORM 8-K\nITEM 8.01  OTHER EVENTS\nNone.\n")  # build the parsers
    found = peer()
    print(f"repeat: {repeat} (fastest run of each input kept)")
    print(f"peer: {found[0] if found else 'not installed (pip install edgartools)'}")
    print()
    columns = f"{'kind':<11} {'inputs':>6} {'MB':>7} {'median ms':>10} {'p95 ms':>8} {'MB/s':>7}"
    columns += f" {'fixed ms':>8} {'+MB/s':>7}"
    columns += f" {'traced B/B':>10} {'RSS B/B':>8}"
    if found:
        columns += f" {'peer median':>11} {'peer MB/s':>9} {'x faster':>8}"
    print(columns)
    # The three kinds of 8-K document together, as a release is measured on unseen
    # documents of every era: their times as measured for the rows above.
    document_times: list[float] = []
    peer_times: list[float] = []
    document_sizes: list[int] = []
    for kind, inputs in kinds.items():
        if not inputs:
            continue
        times = best_times(inputs, lambda item: sec8k.parse(item.given), repeat)
        size = sum(item.size for item in inputs)
        largest = max(inputs, key=lambda item: item.size)
        gc.collect()
        tracemalloc.start()
        try:
            sec8k.parse(largest.given)
            traced = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        row = _timing_row(kind, times, [item.size for item in inputs]) + (
            f" {traced / largest.size:>10.1f} {rss_per_byte(largest.given):>8.1f}"
        )
        theirs: list[float] = []
        if found:
            items = found[1]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                items(largest.document)  # its parsers warm up
                theirs = best_times(inputs, lambda item, items=items: items(item.document), repeat)
            row += _peer_columns(times, theirs, size)
        print(row)
        if kind != "submission":
            document_times += times
            peer_times += theirs
            document_sizes += [item.size for item in inputs]
    if document_times:
        row = _timing_row("documents", document_times, document_sizes) + f" {'-':>10} {'-':>8}"
        if found:
            row += _peer_columns(document_times, peer_times, sum(document_sizes))
        print(row)


def _timing_row(kind: str, times: Sequence[float], sizes: Sequence[int]) -> str:
    """A row's first columns: inputs, MB, median and p95 ms, MB/s, fixed ms and +MB/s."""
    size = sum(sizes)
    line = fixed_and_marginal(times, sizes)
    split = f" {line[0] * 1000:>8.2f} {line[1]:>7.1f}" if line else f" {'-':>8} {'-':>7}"
    return (
        f"{kind:<11} {len(times):>6} {size / MB:>7.2f}"
        f" {statistics.median(times) * 1000:>10.2f} {percentile(times, 95) * 1000:>8.2f}"
        f" {size / MB / sum(times):>7.2f}" + split
    )


def _peer_columns(times: Sequence[float], theirs: Sequence[float], size: int) -> str:
    """The peer's median and MB/s on the same inputs, and how many times faster sec8k is."""
    return (
        f" {statistics.median(theirs) * 1000:>11.2f} {size / MB / sum(theirs):>9.2f}"
        f" {statistics.median(theirs) / statistics.median(times):>8.1f}"
    )


# --- main ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description="Benchmark sec8k.parse on the EDGAR corpus.")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus folder holding files/ (default: ../shared/corpus from the project root)",
    )
    parser.add_argument(
        "--kind",
        choices=("text", "html", "all"),
        default="text",
        help="which documents to measure (default: text)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed runs per document, fastest kept (default: 3)"
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one pass")
    parser.add_argument(
        "--by-kind", action="store_true", help="one row per kind: text, html, ixbrl, submission"
    )
    parser.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed sec8k (a wheel may be compiled), not the checkout's",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 on success, 2 when the corpus folder is missing."""
    args = parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    print(header())
    if args.by_kind:
        print_by_kind(by_kind(args.corpus), args.repeat)
        return 0
    corpus = load_corpus(args.corpus, args.kind)
    print_corpus(corpus, args.kind, args.repeat)
    documents = corpus.documents
    if not documents:
        print(f"no {args.kind} documents to measure")
        return 0
    print_timing(documents, time_documents(documents, args.repeat))
    print_stages(time_stages(documents))
    print_memory(traced_peak(documents), peak_rss())
    if args.profile:
        print_profile(documents)
    return 0


if __name__ == "__main__":
    sys.exit(main())
