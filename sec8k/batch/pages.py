"""``sec8k batch --report``: a report page per filing with errors, and an index of them.

Each worker writes the page of an input it parsed with error diagnostics into the reports
folder, named after the input (made safe for a file system, with a short hash of the
name so that two inputs never share a page). The index is written at the end of every
run from the pages in the folder, so a run that resumes lists the pages of earlier runs
too: each page carries its counts of findings and its input's name in ``<meta>`` tags.
Pages are sorted by findings, most first.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path

from sec8k.render.report import report_html

__all__ = ["INDEX", "page_name", "write_index", "write_report"]

INDEX = "index.html"
"""The index page's name in the reports folder."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_META = re.compile(r'<meta name="sec8k-(findings|input)" content="([^"]*)">')
_HEAD = 4096  # the page's head, where its meta tags are


def page_name(name: str) -> str:
    """The file name of the report page of input ``name``."""
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = _UNSAFE.sub("_", name.rsplit("/", 1)[-1])[:80].strip("._") or "input"
    return f"{stem}-{digest}.html"


def write_report(folder: Path, name: str, data: bytes, max_bytes: int) -> Path:
    """Write the report page of input ``name`` (its bytes ``data``) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / page_name(name)
    page = report_html(data, max_bytes=max_bytes, input_name=name)
    partial = path.with_name(path.name + f".{os.getpid()}.part")
    partial.write_text(page, encoding="utf-8")
    partial.replace(path)  # a reader never sees half a page
    return path


def write_index(folder: Path) -> Path | None:
    """Write ``index.html`` listing the report pages in ``folder``; None if there are none."""
    if not folder.is_dir():
        return None
    rows: list[tuple[int, int, int, str, str]] = []
    for page in folder.glob("*.html"):
        if page.name == INDEX:
            continue
        with page.open(encoding="utf-8", errors="replace") as file:
            meta = dict(_META.findall(file.read(_HEAD)))
        errors, warnings, infos = (int(n) for n in meta.get("findings", "0 0 0").split())
        rows.append((errors, warnings, infos, html.unescape(meta.get("input", "")), page.name))
    rows.sort(key=lambda r: (-r[0], -(r[0] + r[1] + r[2]), r[3]))
    body = "".join(
        f'<tr><td><a href="{html.escape(href)}">{html.escape(name or href)}</a></td>'
        f"<td>{errors}</td><td>{warnings}</td><td>{infos}</td></tr>"
        for errors, warnings, infos, name, href in rows
    )
    index = folder / INDEX
    index.write_text(_INDEX.format(count=len(rows), rows=body), encoding="utf-8")
    return index


_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>sec8k reports</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 16px; }}
table {{ border-collapse: collapse; }} th, td {{ padding: 2px 10px; text-align: left; }}
tr:nth-child(even) {{ background: #f4f4f4; }} td:nth-child(n+2) {{ text-align: right; }}
</style></head>
<body><h1>Filings with errors: {count}</h1>
<table><tr><th>input</th><th>errors</th><th>warnings</th><th>infos</th></tr>{rows}</table>
</body></html>
"""
