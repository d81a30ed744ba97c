"""What must hold for any input, checked the same way by the fuzzers and by the tests.

:func:`check_parse` parses bytes with the library, :func:`check_cli` runs the command line
on them in this process. Each raises :class:`AssertionError` with a one-line reason when
an invariant fails, and lets any other exception out: to a fuzzer both are crashes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator

import sec8k
from sec8k.cli import EXIT_INTERNAL, main
from sec8k.model import Filing, Node
from sec8k.span import Span

# Inputs up to this size are parsed twice to check that the result is the same.
DETERMINISM_LIMIT = 64 * 1024


def _spans(value: object, seen: set[int]) -> Iterator[Span]:
    """Every span in a node tree (nodes, tuples and lists of them, their fields)."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _spans(item, seen)
    elif isinstance(value, Node) and id(value) not in seen:
        seen.add(id(value))
        for name in getattr(value, "__dataclass_fields__", {}):
            yield from _spans(getattr(value, name), seen)


def check_filing(filing: Filing) -> None:
    """The invariants of one parse: spans inside the source, nothing uncovered, JSON."""
    size = len(filing.source.text)
    for span in _spans(filing, set()):
        assert 0 <= span.start <= span.end <= size, f"span {span} outside the source (0, {size})"
    uncovered = filing.uncovered()
    assert not uncovered, f"{len(uncovered)} runs of text no node accounts for: {uncovered[:3]}"
    json.dumps(filing.to_dict())


def check_parse(data: bytes, *, repeat: bool = True) -> Filing:
    """Parse ``data`` and check the invariants.

    With ``repeat``, an input of up to :data:`DETERMINISM_LIMIT` bytes is parsed a second
    time, which must give the same result.
    """
    filing = sec8k.parse(data)
    check_filing(filing)
    if repeat and len(data) <= DETERMINISM_LIMIT:
        again = sec8k.parse(data)
        assert again.to_dict() == filing.to_dict(), "two parses of the same bytes differ"
    return filing


def check_cli(data: bytes, commands: tuple[str, ...] = ("parse", "check")) -> None:
    """Run ``sec8k COMMAND FILE`` on ``data`` in this process: never an internal error."""
    handle, path = tempfile.mkstemp(prefix="sec8k-fuzz-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        for command in commands:
            args = [command, "--json", path] if command == "parse" else [command, path]
            sink = io.StringIO()
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                code = main(args)
            assert code != EXIT_INTERNAL, f"sec8k {command} exited {code}: {sink.getvalue()[-200:]}"
    finally:
        os.unlink(path)
