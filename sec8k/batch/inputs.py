"""What a batch reads: files, folders, glob patterns and archives, each filing one Input.

A folder is walked recursively (in sorted order, hidden files left out) for the files whose
names end like a filing's (:data:`FILING_SUFFIXES`: a folder of filings often holds notes
and indexes too). A pattern with ``*``, ``?`` or ``[`` that names no existing path is
expanded here (for shells that pass it on, and for ``**``). A ``.tar``, ``.tar.gz``,
``.tgz`` or ``.zip`` file is read in place: each regular member with a filing's suffix is
one input, named ``ARCHIVE!MEMBER``, read from the archive when its turn comes, never
unpacked to disk. A file named on its own (or matched by a pattern) is one input whatever
its name; a path that cannot be read is still one input, which fails with its reason, so
that every input gets its row.
"""

from __future__ import annotations

import glob
import os
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ARCHIVE_SUFFIXES", "FILING_SUFFIXES", "Input", "find_inputs", "read_input"]

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".zip")
"""File names that are read as archives of filings."""

FILING_SUFFIXES = (".txt", ".htm", ".html", ".xhtml", ".nc", ".sgml", ".pdsgml")
"""The files of a folder or an archive that are read: EDGAR submissions (``.txt``, the
feeds' ``.nc``), documents (``.htm``) and SGML."""

SEPARATOR = "!"
"""Between an archive's path and a member's name in an input's name."""


@dataclass(frozen=True, slots=True)
class Input:
    """One filing to read: a file, or a member of an archive."""

    name: str
    """The file's path as given, or ``ARCHIVE!MEMBER``: the input's identity in a run."""
    path: Path
    """The file, or the archive holding the member."""
    member: str | None = None
    """The member's name inside the archive; None for a file."""
    size: int | None = None
    """Its size in bytes where known before reading (None for an unreadable path)."""
    problem: str | None = None
    """Why it cannot be read, when that is known already (an archive that is broken)."""


def _is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES) and path.is_file()


def find_inputs(specs: Iterable[str | os.PathLike[str]]) -> list[Input]:
    """The inputs that ``specs`` (paths, folders, patterns, archives) name, each once."""
    seen: set[str] = set()
    found: list[Input] = []
    for spec in specs:
        for item in _expand(str(spec)):
            if item.name not in seen:
                seen.add(item.name)
                found.append(item)
    return found


def _expand(spec: str) -> Iterator[Input]:
    path = Path(spec)
    if not path.exists() and any(c in spec for c in "*?["):
        for match in sorted(glob.glob(spec, recursive=True)):
            yield from _expand(match)
        return
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and _filing_name(name):
                    yield from _expand(os.path.join(root, name))
        return
    if _is_archive(path):
        yield from _members(path)
        return
    try:
        size: int | None = path.stat().st_size
    except OSError:
        size = None
    yield Input(spec, path, size=size)


def _members(path: Path) -> Iterator[Input]:
    """The regular members of an archive; the archive itself when it cannot be read."""
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                infos = [i for i in archive.infolist() if not i.is_dir()]
                listed = [(i.filename, i.file_size) for i in infos]
        else:
            with tarfile.open(path) as archive:
                listed = [(m.name, m.size) for m in archive.getmembers() if m.isfile()]
    except (OSError, tarfile.TarError, zipfile.BadZipFile, EOFError) as exc:
        yield Input(str(path), path, problem=f"cannot read the archive: {exc}")
        return
    for member, size in sorted(listed):
        if _filing_name(member):
            yield Input(f"{path}{SEPARATOR}{member}", path, member, size)


def _filing_name(name: str) -> bool:
    return name.lower().endswith(FILING_SUFFIXES + ARCHIVE_SUFFIXES)


def read_input(item: Input, max_bytes: int) -> bytes:
    """The bytes of an input, at most ``max_bytes + 1`` of them.

    Raises:
        OSError: the input cannot be read (its message says why).
    """
    if item.problem is not None:
        raise OSError(item.problem)
    if item.member is None:
        with open(item.path, "rb") as file:
            return file.read(max_bytes + 1)
    try:
        if item.path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(item.path) as zipped, zipped.open(item.member) as member:
                return member.read(max_bytes + 1)
        with tarfile.open(item.path) as tarred:
            extracted = tarred.extractfile(item.member)
            if extracted is None:
                raise OSError(f"{item.member} is not a file")
            with extracted:
                data: bytes = extracted.read(max_bytes + 1)
                return data
    except (tarfile.TarError, zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise OSError(f"cannot read {item.member} from {item.path}: {exc}") from exc
