"""Write a seed corpus for the fuzzers from real filings.

    python fuzz/make_seeds.py OUT_DIR [--max-len 65536]

The filings are those of tests/filings, tests/envelope and examples/, and of
../shared/corpus when it is there. Each gives its first ``--max-len`` bytes and, for
longer ones, the stretches around its item headings, signature and exhibit index, so
that short inputs still reach every part of the grammar.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "filings", ROOT / "tests" / "envelope", ROOT / "examples"]
SHARED = ROOT.parent / "shared" / "corpus" / "files"
LANDMARKS = re.compile(rb"(?im)^[ \t]*(?:items?[ \t]*\d|signatures?\b|exhibit[ \t]+index)")
FILING_SUFFIXES = {".txt", ".htm", ".html", ".nc"}


def filings() -> Iterator[Path]:
    """Every filing file of the sources."""
    for folder in [*SOURCES, SHARED]:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix.lower() in FILING_SUFFIXES:
                    yield path


def pieces(data: bytes, max_len: int) -> Iterator[bytes]:
    """The head of a filing and the stretches from its landmarks on."""
    yield data[:max_len]
    if len(data) > max_len:
        for match in LANDMARKS.finditer(data):
            yield data[match.start() : match.start() + max_len // 4]


def main() -> None:
    """Write the seeds, one file per distinct piece, named by its hash."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--max-len", type=int, default=65536)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in filings():
        for piece in pieces(path.read_bytes(), args.max_len):
            name = hashlib.sha1(piece).hexdigest()[:16]
            target = args.out / name
            if not target.exists():
                target.write_bytes(piece)
                count += 1
    print(f"{count} seeds in {args.out}")


if __name__ == "__main__":
    main()
