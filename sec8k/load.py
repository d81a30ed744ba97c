"""Stage 1, load: turn a path, bytes or text into decoded text, never raising on bad bytes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sec8k.diagnostics import (
    LOD_BINARY,
    LOD_EMPTY,
    LOD_FALLBACK_ENCODING,
    LOD_TOO_LARGE,
    DiagnosticSink,
)
from sec8k.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "Source", "SourceLike", "load"]

DEFAULT_MAX_BYTES = 1 << 30
"""Inputs larger than this (1 GiB) are not read: a filing is rarely over 200 MB."""

_SNIFF = 1 << 16
# Control characters other than TAB, LF, CR and FF: text filings do not have them.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))

SourceLike = str | bytes | bytearray | os.PathLike[str]


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
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    return controls > len(sample) // 10


def _decode(raw: bytes) -> tuple[str, str]:
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


def load(source: SourceLike, sink: DiagnosticSink, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read ``source``: a path (``os.PathLike``), raw bytes, or text (``str``).

    A ``str`` is always taken as the filing's text, never as a file name; pass a
    :class:`pathlib.Path` to read a file. Bytes are decoded as UTF-8, then cp1252, then
    latin-1, which cannot fail; the encoding used is recorded. Empty, binary and oversized
    inputs give an error diagnostic and an unreadable :class:`Source`.

    Raises:
        InputError: the path cannot be read (missing file, a directory, no permission).
    """
    path: str | None = None
    if isinstance(source, str):
        text, encoding = source, "str"
        if not text.strip():
            sink.report(LOD_EMPTY, "the input is empty")
            return Source(text, encoding, path, readable=False)
        if "\x00" in text[:_SNIFF]:
            sink.report(LOD_BINARY, "the input holds NUL characters: it is binary, not a filing")
            return Source(text, encoding, path, readable=False)
        return Source(text, encoding, path)
    if isinstance(source, (bytes, bytearray)):
        raw = bytes(source)
    else:
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
            raw = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        sink.report(
            LOD_TOO_LARGE, f"the input is {len(raw):,} bytes, over the limit of {max_bytes:,}"
        )
        return Source("", "utf-8", path, readable=False)
    if _looks_binary(raw[:_SNIFF]):
        sink.report(LOD_BINARY, "the input is binary data, not a text or HTML filing")
        return Source("", "binary", path, readable=False)
    text, encoding = _decode(raw)
    if not text.strip():
        sink.report(LOD_EMPTY, "the input is empty")
        return Source(text, encoding, path, readable=False)
    if encoding in ("cp1252", "latin-1"):
        sink.report(LOD_FALLBACK_ENCODING, f"the input is not valid UTF-8; decoded as {encoding}")
    return Source(text, encoding, path)
