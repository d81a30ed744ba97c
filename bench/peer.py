"""The peer library, edgartools, reading the items of an 8-K offline, for bench/bench.py.

edgartools (``pip install edgartools``) reads a filing it has downloaded: its
``CurrentReport.items`` unions the sections its HTML parser finds with item numbers found
in the document's text. Here it is given the same document sec8k is given, through a
stand-in for its ``Filing`` that answers ``html()`` and ``text()`` the way a downloaded
filing does (``text()`` renders the HTML with edgartools' own parser; a plain-text
document is its own text), so no network is used. What is timed is the work a user of the
library asks for when reading an 8-K's items.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata


def peer() -> tuple[str, Callable[[str], list[str]]] | None:
    """(name and version, a function from a document's text to its items), or None."""
    try:
        from edgar.company_reports.current_report import CurrentReport
        from edgar.documents import HTMLParser, ParserConfig
    except ImportError:
        return None

    class Offline:
        """A downloaded 8-K as far as CurrentReport reads one."""

        form = "8-K"

        def __init__(self, document: str) -> None:
            self.document = document
            self.is_html = "<html" in document[:20_000].lower() or "<p" in document[:20_000].lower()

        def html(self) -> str | None:
            return self.document if self.is_html else None

        def text(self) -> str:
            if not self.is_html:
                return self.document
            parsed = HTMLParser(ParserConfig(form="8-K")).parse(self.document)
            return "" if parsed.is_empty else parsed.text(table_max_col_width=500)

    def items(document: str) -> list[str]:
        return list(CurrentReport(Offline(document)).items)

    return f"edgartools {metadata.version('edgartools')}", items
