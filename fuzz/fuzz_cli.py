"""atheris harness: the command line on arbitrary bytes written to a file.

``sec8k parse --json`` and ``sec8k check`` must never end in an internal error (exit 3).

    python fuzz/fuzz_cli.py fuzz/work/found-cli fuzz/work/seeds -max_len=65536 -timeout=20
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["sec8k"]):
    from fuzz.checks import check_cli


def test_one_input(data: bytes) -> None:
    """One execution: run both commands on the bytes."""
    check_cli(data)


def main() -> None:
    """Run the fuzzer with the command line's libFuzzer arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
