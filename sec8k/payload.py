"""Decoding document payloads: uuencoded binaries, <PDF> blocks, XBRL and XML wrappers."""

from __future__ import annotations

import binascii
import re

__all__ = ["decode_payload", "payload_encoding", "unstuff_pem", "uudecode"]

_UU_BEGIN = re.compile(r"^begin [0-7]{3,4} [^\n]*\n", re.M)
_WRAPPER = re.compile(r"^\s*<(XBRL|XML|PDF)>[ \t]*\r?\n?(.*?)\r?\n?</\1>\s*$", re.S)


def payload_encoding(payload: str, filename: str | None = None) -> str:
    """How a payload is carried: "empty", "xbrl", "xml", "pdf", "uuencoded", "html" or "text"."""
    head = payload[:2048].lstrip()
    if not head:
        return "empty"
    for tag, kind in (("<XBRL>", "xbrl"), ("<XML>", "xml"), ("<PDF>", "pdf")):
        if head.startswith(tag):
            return kind
    if head.startswith("begin ") and _UU_BEGIN.match(head):
        return "uuencoded"
    if re.match(r"(?i)<(?:!doctype\s+html|html|body|\?xml[^>]*>\s*<html)", head) or (
        filename is not None and filename.lower().endswith((".htm", ".html"))
    ):
        return "html"
    return "text"


def unstuff_pem(text: str) -> str:
    """Undo RFC 934 dash-stuffing: a PEM wrapper prints a line starting with "-" as "- -"."""
    return re.sub(r"(?m)^- (?=-)", "", text)


def uudecode(text: str) -> bytes:
    """Decode a ``begin 644 name`` ... ``end`` block.

    Lines whose trailing blanks were stripped in transit (EDGAR copies often lose them)
    are padded back to the length their first character announces.

    Raises:
        ValueError: no ``begin`` line, or a line that is not uuencoding.
    """
    begin = _UU_BEGIN.search(text)
    if begin is None:
        raise ValueError("no 'begin' line in the uuencoded payload")
    out = bytearray()
    for line in text[begin.end() :].splitlines():
        if line.strip() == "end":
            break
        if not line:
            continue
        count = (ord(line[0]) - 32) & 63
        if count == 0:
            continue
        groups = (count + 2) // 3
        body = line[1 : 1 + groups * 4].ljust(groups * 4, " ")
        try:
            # Decode whole groups, then keep the bytes the line announces: encoders leave
            # junk, not zeros, in the padding of a last group, which a2b_uu refuses.
            out += binascii.a2b_uu(chr(32 + groups * 3) + body)[:count]
        except binascii.Error as exc:
            raise ValueError(f"bad uuencoded line {line[:20]!r}: {exc}") from exc
    return bytes(out)


def decode_payload(payload: str, encoding: str, pem: bool = False) -> str | bytes:
    """The content of a payload of the given encoding (see :func:`payload_encoding`)."""
    if pem:
        payload = unstuff_pem(payload)
    wrapped = _WRAPPER.match(payload)
    if wrapped:
        payload = wrapped.group(2)
    if encoding in ("uuencoded", "pdf") and _UU_BEGIN.search(payload):
        return uudecode(payload)
    if encoding == "pdf":
        return payload.encode("latin-1", "replace")
    return payload
