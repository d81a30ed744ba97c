"""atheris harness: ``sec8k.parse`` on arbitrary bytes, with the invariants of fuzz/checks.py.

    python fuzz/make_seeds.py fuzz/work/seeds
    python fuzz/fuzz_parse.py fuzz/work/found fuzz/work/seeds -max_len=65536 -timeout=10

libFuzzer's flags apply (-runs=N, -jobs=N, -dict=fuzz/sec8k.dict); crashes and inputs
slower than -timeout seconds are written as crash-*/timeout-* files. Make each a
regression: copy it to fuzz/regressions/ with a name that says what it is.
"""

from __future__ import annotations

import sys
import zlib

import atheris

with atheris.instrument_imports(include=["sec8k"]):
    from fuzz.checks import check_parse


def test_one_input(data: bytes) -> None:
    """One execution: parse the bytes and check the invariants.

    Every sixteenth input (by its checksum, so a crash reproduces) is parsed twice.
    """
    check_parse(data, repeat=zlib.crc32(data) % 16 == 0)


def main() -> None:
    """Run the fuzzer with the command line's libFuzzer arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
