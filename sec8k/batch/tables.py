"""The tables a batch writes: one row per thing, every column typed and documented.

Each table is a list of :class:`Column` (name, Arrow type, what it holds); every row of
every table carries ``filing_id``, the key of its filing's row in ``filings``. The same
tables serve every form: a column a form has no value for is null. :func:`rows_of` turns
a parsed filing into rows, :func:`failed_rows` an input that could not be parsed; the
rows are plain dicts of Python values, so that a worker process can send them back
without pyarrow, and :mod:`sec8k.batch.store` makes them Parquet.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sec8k.model import Filing

__all__ = ["TABLES", "Column", "describe", "failed_rows", "filing_id", "rows_of"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, its type (an Arrow type name) and what it holds."""

    name: str
    type: str
    """``string``, ``int64``, ``int32``, ``float64``, ``bool`` or ``date32``."""
    doc: str


_KEY = Column(
    "filing_id",
    "string",
    "The filing's key: the first 16 hex digits of the "
    "SHA-256 of its input name (stable across runs).",
)
_SPAN = (
    Column("start", "int64", "Offset of its first character in the decoded input."),
    Column("end", "int64", "Offset after its last character."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "filings": (
        _KEY,
        Column("input", "string", "The input's name: the path as given, or ARCHIVE!MEMBER."),
        Column("size", "int64", "Its size in bytes (null when it could not be read)."),
        Column("sha256", "string", "SHA-256 of its bytes (null when it could not be read)."),
        Column(
            "status",
            "string",
            "parsed (no error diagnostics), errors (parsed, with "
            "error diagnostics), failed (the parse ran out of time or memory, or broke) "
            "or unreadable.",
        ),
        Column("reason", "string", "Why it failed or was unreadable; null otherwise."),
        Column("form", "string", "The form that read it (`sec8k forms` lists them)."),
        Column("document_type", "string", "The exact document type (an amendment's ends in /A)."),
        Column("accession_number", "string", "From the SEC header of a full submission."),
        Column("filed_as_of", "date32", "The SEC header's FILED AS OF DATE."),
        Column("period_of_report", "date32", "From the cover: the period or date it reports on."),
        Column("registrant_name", "string", "The first registrant's name on the cover."),
        Column("irs_employer_id", "string", "The first registrant's IRS number."),
        Column("commission_file_number", "string", "The first registrant's file number."),
        Column("jurisdiction", "string", "The first registrant's state or country."),
        Column("registrants", "int32", "Registrants on the cover (combined filings: more)."),
        Column("items", "int32", "Rows in the items table."),
        Column("exhibits", "int32", "Rows in the exhibits table."),
        Column("signatures", "int32", "Rows in the signatures table."),
        Column("errors", "int32", "Error diagnostics."),
        Column("warnings", "int32", "Warning diagnostics."),
        Column("infos", "int32", "Info diagnostics."),
        Column("parse_seconds", "float64", "Time to read and parse it, in the worker."),
    ),
    "items": (
        _KEY,
        Column("position", "int32", "Its place among the filing's items, from 0."),
        Column("number", "string", "As the form numbers items: 2.02, 5, 1A."),
        Column("title", "string", "The title printed in the heading."),
        Column("part", "string", "The part holding it (I, II ... on forms with parts), else null."),
        Column("status", "string", "reported, or none (the body says there is nothing)."),
        Column("text_length", "int64", "Characters of its body."),
        *_SPAN,
    ),
    "exhibits": (
        _KEY,
        Column("position", "int32", "Its place in the filing's exhibit list, from 0."),
        Column("number", "string", "The exhibit number as printed: 99.1, 10(a)."),
        Column("description", "string", "Its description."),
        Column("listed_in", "string", "Where it was listed: index, item or text."),
        *_SPAN,
    ),
    "signatures": (
        _KEY,
        Column("position", "int32", "Its place among the filing's signers, from 0."),
        Column("name", "string", "The signer's name."),
        Column("title", "string", "The signer's title."),
        Column("registrant", "string", "The registrant the block signs for."),
        Column("conformed", "string", "The /s/ line as printed."),
        *_SPAN,
    ),
    "securities_12b": (
        _KEY,
        Column("position", "int32", "Its row in the cover's Section 12(b) table, from 0."),
        Column("title", "string", "Title of each class."),
        Column("trading_symbol", "string", "Trading symbol."),
        Column("exchange", "string", "Name of each exchange on which registered."),
        *_SPAN,
    ),
    "diagnostics": (
        _KEY,
        Column("position", "int32", "Its place among the filing's diagnostics, from 0."),
        Column("code", "string", "The code: `sec8k explain CODE` says what it means."),
        Column("severity", "string", "error, warning or info."),
        Column("line", "int32", "1-based line in the decoded input (null: no position)."),
        Column("column", "int32", "1-based column."),
        Column("message", "string", "What was found."),
    ),
}
"""Every table's columns, in order."""


def filing_id(name: str) -> str:
    """The key of the filing read from the input named ``name``."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def rows_of(
    name: str, data: bytes, filing: Filing, seconds: float
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for the filing parsed from input ``name`` (``data``)."""
    key = filing_id(name)
    cover = filing.cover
    registrants = cover.registrants if cover else ()
    first = registrants[0] if registrants else None
    header = filing.header
    counts = Counter(d.severity.value for d in filing.diagnostics)
    items = filing.items
    blocks = filing.signature_blocks
    signatures = [(s, b) for b in blocks for s in b.signatures]
    securities = (cover.securities_12b or ()) if cover else ()
    filing_row = {
        "filing_id": key,
        "input": name,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "status": "errors" if counts["error"] else "parsed",
        "reason": None,
        "form": filing.form,
        "document_type": filing.document_type,
        "accession_number": header.accession_number if header else None,
        "filed_as_of": header.filed_as_of if header else None,
        "period_of_report": cover.period_of_report if cover else None,
        "registrant_name": first.name if first else None,
        "irs_employer_id": first.irs_employer_id if first else None,
        "commission_file_number": first.commission_file_number if first else None,
        "jurisdiction": first.jurisdiction if first else None,
        "registrants": len(registrants),
        "items": len(items),
        "exhibits": len(filing.exhibits),
        "signatures": len(signatures),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "parse_seconds": seconds,
    }
    return {
        "filings": [filing_row],
        "items": [
            {
                "filing_id": key,
                "position": k,
                "number": item.number,
                "title": item.title,
                "part": item.part,
                "status": item.status,
                "text_length": len(item.text),
                "start": item.span.start,
                "end": item.span.end,
            }
            for k, item in enumerate(items)
        ],
        "exhibits": [
            {
                "filing_id": key,
                "position": k,
                "number": exhibit.number,
                "description": exhibit.description,
                "listed_in": exhibit.listed_in,
                "start": exhibit.span.start,
                "end": exhibit.span.end,
            }
            for k, exhibit in enumerate(filing.exhibits)
        ],
        "signatures": [
            {
                "filing_id": key,
                "position": k,
                "name": signature.name,
                "title": signature.title,
                "registrant": signature.registrant or block.registrant,
                "conformed": signature.conformed,
                "start": signature.span.start,
                "end": signature.span.end,
            }
            for k, (signature, block) in enumerate(signatures)
        ],
        "securities_12b": [
            {
                "filing_id": key,
                "position": k,
                "title": security.title,
                "trading_symbol": security.trading_symbol,
                "exchange": security.exchange,
                "start": security.span.start,
                "end": security.span.end,
            }
            for k, security in enumerate(securities)
        ],
        "diagnostics": [
            {
                "filing_id": key,
                "position": k,
                "code": diagnostic.code,
                "severity": diagnostic.severity.value,
                "line": diagnostic.line,
                "column": diagnostic.column,
                "message": diagnostic.message,
            }
            for k, diagnostic in enumerate(filing.diagnostics)
        ],
    }


def failed_rows(
    name: str, status: str, reason: str, data: bytes | None = None, seconds: float | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The one ``filings`` row of an input that could not be read or parsed."""
    row: dict[str, Any] = dict.fromkeys(column.name for column in TABLES["filings"])
    row.update(
        filing_id=filing_id(name),
        input=name,
        status=status,
        reason=reason,
        size=len(data) if data is not None else None,
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        parse_seconds=seconds,
    )
    return {"filings": [row], **{table: [] for table in TABLES if table != "filings"}}


def describe() -> str:
    """The tables and their columns, as Markdown (the README.md of an output folder)."""
    lines = [
        "# sec8k batch tables",
        "",
        "One Parquet dataset per table (a folder of part files); every row carries",
        "`filing_id`, the key of its filing's row in `filings`. Offsets (`start`, `end`)",
        "are character offsets in the decoded input.",
    ]
    for table, columns in TABLES.items():
        lines += ["", f"## {table}", "", "| column | type | holds |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in columns]
    return "\n".join(lines) + "\n"
