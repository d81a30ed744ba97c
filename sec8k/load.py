"""Stage 1, load: turn a path, bytes or text into decoded text, never raising on bad bytes."""

from __future__ import annotations

import os
import select
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sec8k.diagnostics import (
    LOD_BINARY,
    LOD_EMPTY,
    LOD_FALLBACK_ENCODING,
    LOD_FILE_NAME,
    LOD_NUL,
    LOD_TOO_LARGE,
    DiagnosticSink,
)
from sec8k.errors import InputError
from sec8k.span import Span

__all__ = ["DEFAULT_MAX_BYTES", "Source", "SourceLike", "load", "report_nul"]

DEFAULT_MAX_BYTES = 1 << 30
"""Inputs larger than this (1 GiB) are not read: a filing is rarely over 200 MB."""

FIFO_WAIT = 10.0
"""Seconds a FIFO may stay silent (no writer yet, or a stalled one) before reading stops."""

_SNIFF = 1 << 16
_CHUNK = 1 << 20
# Control characters other than TAB, LF, CR and FF: text filings do not have them.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Byte-order marks, longest first: the UTF-32 little-endian mark begins with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)

SourceLike = str | bytes | bytearray | os.PathLike[str] | BinaryIO
"""Text, raw bytes, a path, or a binary stream (``sys.stdin.buffer``) read to its end."""


@dataclass(frozen=True, slots=True)
class Source:
    """The decoded input."""

    text: str
    """The decoded characters; every span in the model is an offset into this text."""
    encoding: str
    """"utf-8", "utf-8-sig", "cp1252", "latin-1", or "str" for text given as a str."""
    path: str | None
    """The file's path, when a path was given."""
    readable: bool = True
    """False when the input was empty, binary or too large and nothing should be parsed."""


def _looks_binary(sample: bytes) -> bool:
    # Mostly control characters (NUL among them); a few NULs alone are a warning (LOD005).
    if not sample:
        return False
    # One pass that drops them (a count per control byte took 28 passes: 0.3 ms on an
    # 8 KB submission, 40 times as long).
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > len(sample) // 10


def _read(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes, in chunks: one more than the limit says "too large"."""
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_path(file: Path, max_bytes: int) -> bytes:
    """Read a file, a FIFO or a device with the same limit, never waiting for ever.

    A plain open of a FIFO waits until a writer opens it, for ever if none does. It is
    opened without blocking instead, and read as data arrives; where nothing arrives for
    :data:`FIFO_WAIT` seconds (no writer, or one that stalls), what was read is the input.
    """
    if not stat.S_ISFIFO(file.stat().st_mode) or not hasattr(os, "O_NONBLOCK"):
        with file.open("rb") as stream:
            return _read(stream, max_bytes)
    fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    try:
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0 and select.select([fd], [], [], FIFO_WAIT)[0]:
            try:
                chunk = os.read(fd, min(_CHUNK, left))
            except BlockingIOError:
                continue
            if not chunk:
                break  # the writer closed its end
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


# Bytes looked at to tell UTF-16 written without a byte-order mark.
_UTF16_SNIFF = 4096


def _unmarked_utf16(raw: bytes) -> str | None:
    """The codec of UTF-16 text written without a byte-order mark, or None.

    Text of ASCII characters in UTF-16 has a NUL in every other byte: at the odd offsets
    in little-endian order, at the even ones in big-endian. Where nine in ten of one side's
    bytes are NUL and almost none of the other's, the bytes are read as that; binary data
    has its NULs on both sides. (Bytes with no NUL near their start, every filing, are
    passed over at the cost of one search: splitting the bytes costs far more.)
    """
    sample = raw[:_UTF16_SNIFF]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nuls = even.count(0)
    odd_nuls = odd.count(0)
    if odd_nuls * 10 >= len(odd) * 9 and even_nuls * 50 <= len(even):
        return "utf-16-le"
    if even_nuls * 10 >= len(even) * 9 and odd_nuls * 50 <= len(odd):
        return "utf-16-be"
    return None


def _decode(raw: bytes, unmarked: str | None) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, "replace"), name
    if unmarked is not None:
        return raw.decode(unmarked, "replace"), "utf-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _names_a_file(text: str) -> bool:
    """Whether ``text`` is one short line that is the name of an existing file."""
    name = text.strip()
    if len(name) > 4096 or "\n" in name:
        return False
    try:
        return os.path.isfile(name)
    except (OSError, ValueError):  # a name the system refuses (NUL, too long)
        return False


def load(source: SourceLike, sink: DiagnosticSink, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read ``source``: a path (``os.PathLike``), raw bytes, or text (``str``).

    A ``str`` is always taken as the filing's text, never as a file name; pass a
    :class:`pathlib.Path` to read a file (a FIFO or a device too), or a binary stream.
    Files and streams are read in chunks, at most ``max_bytes + 1`` bytes whatever size
    they claim. Bytes with a UTF-32 or UTF-16 byte-order mark are decoded as such; others
    as UTF-8, then cp1252, then latin-1, which cannot fail; the encoding used is recorded.
    UTF-16 without a mark is known by its NUL bytes (every other byte, on one side).
    Empty, binary and oversized inputs give an error diagnostic and an unreadable
    :class:`Source`; NUL characters are read (the pipeline warns of them: :func:`report_nul`).

    Raises:
        InputError: the path cannot be read (missing file, a directory, no permission).
    """
    path: str | None = None
    if isinstance(source, str):
        text, encoding = source, "str"
        if not text.strip():
            sink.report(LOD_EMPTY, "the input is empty")
            return Source(text, encoding, path, readable=False)
        if _names_a_file(text):
            sink.report(
                LOD_FILE_NAME,
                f"the text is the name of a file ({text.strip()!r}), parsed as text; "
                "pass pathlib.Path to read the file",
            )
        return Source(text, encoding, path)
    if isinstance(source, (bytes, bytearray)):
        raw = bytes(source)
    elif isinstance(source, os.PathLike):
        file = Path(source)
        path = str(file)
        try:
            size = file.stat().st_size
            if size > max_bytes:
                sink.report(
                    LOD_TOO_LARGE,
                    f"the file is {size:,} bytes, over the limit of {max_bytes:,}",
                )
                return Source("", "utf-8", path, readable=False)
            raw = _read_path(file, max_bytes)
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    else:
        path = (
            getattr(source, "name", None)
            if isinstance(getattr(source, "name", None), str)
            else None
        )
        try:
            raw = _read(source, max_bytes)
        except OSError as exc:
            raise InputError(f"cannot read the input: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        sink.report(
            LOD_TOO_LARGE, f"the input is {len(raw):,} bytes, over the limit of {max_bytes:,}"
        )
        return Source("", "utf-8", path, readable=False)
    unmarked = _unmarked_utf16(raw)
    wide = unmarked is not None or raw.startswith(tuple(bom for bom, _, _ in _BOMS))
    if not wide and _looks_binary(raw[:_SNIFF]):
        sink.report(LOD_BINARY, "the input is binary data, not a text or HTML filing")
        return Source("", "binary", path, readable=False)
    text, encoding = _decode(raw, unmarked)
    del raw  # the bytes are no longer needed: peak memory is the text's, not both
    if not text.strip():
        sink.report(LOD_EMPTY, "the input is empty")
        return Source(text, encoding, path, readable=False)
    if encoding in ("cp1252", "latin-1"):
        sink.report(LOD_FALLBACK_ENCODING, f"the input is not valid UTF-8; decoded as {encoding}")
    return Source(text, encoding, path)


def report_nul(text: str, sink: DiagnosticSink) -> None:
    """Warn (LOD005) where the text holds NUL characters, at the first; they are read."""
    first = text.find("\x00")
    if first != -1:
        count = text.count("\x00")
        sink.report(LOD_NUL, f"the input holds {count:,} NUL character(s)", Span(first, first + 1))
