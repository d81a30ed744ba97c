"""atheris harness: ``sec8k.parse`` on arbitrary bytes, with the invariants of fuzz/checks.py.

    python fuzz/make_seeds.py fuzz/work/seeds
    python fuzz/fuzz_parse.py fuzz/work/found fuzz/work/seeds -max_len=65536 -timeout=10

libFuzzer's flags apply (-runs=N, -jobs=N, -dict=fuzz/sec8k.dict); crashes and inputs
slower than -timeout seconds are written as crash-*/timeout-* files. Make each a
regression: copy it to fuzz/regressions/ with a name that says what it is. To keep
going after a failure, set SEC8K_FUZZ_FAILURES to a folder (see below).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import zlib
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["sec8k"]):
    from fuzz.checks import check_parse


# With SEC8K_FUZZ_FAILURES=DIR, a failing input is written to DIR (named by its hash, with
# the reason beside it) and the run goes on: a long run counts all its executions and
# gathers every distinct failure instead of stopping at the first.
FAILURES = os.environ.get("SEC8K_FUZZ_FAILURES")


def test_one_input(data: bytes) -> None:
    """One execution: parse the bytes and check the invariants.

    Every sixteenth input (by its checksum, so a crash reproduces) is parsed twice.
    """
    if FAILURES is None:
        check_parse(data, repeat=zlib.crc32(data) % 16 == 0)
        return
    try:
        check_parse(data, repeat=zlib.crc32(data) % 16 == 0)
    except Exception as exc:  # record any failure and go on
        keep(Path(FAILURES), data, exc)


def keep(folder: Path, data: bytes, exc: BaseException) -> None:
    """Write a failing input and its one-line reason, once per distinct reason."""
    reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    key = hashlib.sha1(re.sub(r"\d+", "N", reason).encode()).hexdigest()[:12]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"failure-{key}"
    if not target.exists():
        target.write_bytes(data)
        (folder / f"failure-{key}.txt").write_text(reason + "\n", encoding="utf-8")


def main() -> None:
    """Run the fuzzer with the command line's libFuzzer arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
