"""Stage 6, cross-check: the SEC header and the inline XBRL facts against the body.

The header is never used to fill in what the body parse missed; where the two disagree,
a diagnostic says so and both values stay as printed. Comparisons forgive what EDGAR
changes in transit: zero padding of file numbers, the hyphen of IRS numbers, case and
abbreviations of company names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Final

from sec8k.diagnostics import (
    HDR_DOCUMENT_COUNT,
    HDR_EXHIBIT_MISSING,
    HDR_EXHIBIT_UNLISTED,
    HDR_FILE_NUMBER,
    HDR_IRS,
    HDR_ITEMS,
    HDR_NAME,
    HDR_PERIOD,
    HDR_STATE,
    XBR_DIFFERS,
    DiagnosticSink,
)
from sec8k.model import CoverPage, Document, Exhibit, ExhibitDocument, Item, Registrant, SecHeader
from sec8k.transform.values import is_not_applicable, parse_date

__all__ = ["check_xbrl", "cross_check", "exhibit_key", "link_exhibits"]


_ALPHANUMERIC = re.compile(r"[A-Za-z0-9]")


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def _number(digits: str) -> str:
    # Numbers compare as their digits without leading zeros: "01" is "1". A string, not an
    # int, so that a number of thousands of digits (which int() refuses) still compares.
    if not digits.isascii():
        digits = "".join(str(unicodedata.digit(c)) for c in digits)
    return digits.lstrip("0") or "0"


def _file_number(value: str | None) -> tuple[str, ...]:
    return tuple(_number(part) for part in re.findall(r"\d+", value or ""))


def _company(value: str | None) -> str:
    # EDGAR suffixes a conformed name with a state to tell companies apart: "/MD/", "\PA\".
    value = re.sub(r"\s*[/\\][A-Z]{2,3}[/\\]?\s*$", "", value or "")
    text = re.sub(r"[^A-Z0-9 ]", " ", value.upper().replace("&", " AND "))
    for long, short in (("INCORPORATED", "INC"), ("CORPORATION", "CORP"), ("COMPANY", "CO")):
        text = re.sub(rf"\b{long}\b", short, text)
    text = re.sub(r"\b(THE|AND)\b", " ", text)
    return "".join(text.split())


def exhibit_key(number: str) -> tuple[str, ...]:
    """An exhibit number as its first two numbers, leading zeros dropped.

    "99.1", "EX-99.01" and "99.01" are all ("99", "1"). Strings rather than ints, so that a
    number of any length compares (``int()`` refuses thousands of digits).
    """
    return tuple(_number(part) for part in re.findall(r"\d+", number)[:2])


def cross_check(
    header: SecHeader,
    cover: CoverPage | None,
    items: tuple[Item, ...],
    exhibits: tuple[Exhibit, ...],
    documents: tuple[Document, ...],
    inside: tuple[ExhibitDocument, ...],
    sink: DiagnosticSink,
) -> None:
    """Report each disagreement between ``header`` and the parsed body."""
    header_items = {i.number for i in header.items if i.number}
    body_items = {i.number for i in items if i.status != "none"}  # "None." is not reported
    # An ITEM INFORMATION line with no title is an item EDGAR had no title for (Item 12
    # in 2003-04): it stands for one body item the titled lines do not name.
    untitled = sum(1 for f in header.fields if f.label == "ITEM INFORMATION" and not f.value)
    unlisted = len(body_items - header_items)
    if header_items and body_items and (not header_items <= body_items or unlisted > untitled):
        sink.report(
            HDR_ITEMS,
            f"the header lists items {', '.join(sorted(header_items))}; the body has "
            f"{', '.join(sorted(body_items))}",
            header.items[0].span,
        )
    period = header.period_of_report
    reported = cover.period_of_report if cover is not None else None
    if period and reported and cover is not None and period not in cover.period_dates():
        sink.report(
            HDR_PERIOD,
            f"the header's period of report is {period.isoformat()}; "
            f"the cover's is {reported.isoformat()}",
            header.span,
        )
    if cover is not None and cover.registrants and header.filers:
        _registrant(header, cover.registrants[0], sink)
    count = header.public_document_count
    if count is not None and len(documents) > count:
        message = f"the file holds {len(documents)} documents; the header declares {count}"
        sink.report(HDR_DOCUMENT_COUNT, message, header.span)
    if documents:
        _exhibits(exhibits, documents, inside, sink)


def _registrant(header: SecHeader, registrant: Registrant, sink: DiagnosticSink) -> None:
    filer = header.filers[0]
    where = registrant.span or header.span
    irs_header, irs_body = _digits(filer.irs_number), _digits(registrant.irs_employer_id)
    if irs_header and irs_body and irs_header != "000000000" and irs_header != irs_body:
        message = (
            f"the header's IRS number is {filer.irs_number}; "
            f"the cover prints {registrant.irs_employer_id}"
        )
        sink.report(HDR_IRS, message, registrant.span_of("irs_employer_id") or where)
    file_header = filer.filing_values[0].file_number if filer.filing_values else None
    printed = registrant.commission_file_number
    if file_header and printed and _file_number(file_header) != _file_number(printed):
        message = f"the header's SEC file number is {file_header}; the cover prints {printed}"
        where_printed = registrant.span_of("commission_file_number") or where
        sink.report(HDR_FILE_NUMBER, message, where_printed)
    state = filer.state_of_incorporation
    if state and registrant.jurisdiction_code and state != registrant.jurisdiction_code:
        message = (
            f"the header's state of incorporation is {state}; "
            f"the cover prints {registrant.jurisdiction}"
        )
        sink.report(HDR_STATE, message, registrant.span_of("jurisdiction") or where)
    if filer.name and registrant.name and _company(filer.name) != _company(registrant.name):
        message = f"the header names {filer.name!r}; the cover prints {registrant.name!r}"
        sink.report(HDR_NAME, message, registrant.span_of("name") or where)


# An exhibit row that says the exhibit is not attached: incorporated by reference, filed
# before, included in another exhibit, inapplicable or none ("1.  Inapplicable", "9.  None").
_ELSEWHERE: Final = re.compile(
    r"(?i)incorporated\s+(?:herein\s+)?by\s+reference|previously\s+filed|"
    r"filed\s+as\s+(?:an\s+)?exhibit|\bincluded\s+in\b[^()]{0,60}?\bexhibit|"
    r"\binapplicable\b|^\W*(?:none|not\s+applicable)\W*$"
)


def _exhibits(
    exhibits: tuple[Exhibit, ...],
    documents: tuple[Document, ...],
    inside: tuple[ExhibitDocument, ...],
    sink: DiagnosticSink,
) -> None:
    attached = {
        exhibit_key(d.type[3:]): d for d in documents if d.type and d.type.startswith("EX-")
    }
    printed_inside = {exhibit_key(d.number) for d in inside}
    listed = {exhibit_key(e.number): e for e in exhibits if exhibit_key(e.number)}
    for key, exhibit in listed.items():
        # Exhibits 101 and 104 (interactive data) are embedded or generated, never attached
        # under their own number.
        if key[:1] in (("101",), ("104",)):
            continue
        if key not in attached and key not in printed_inside:
            if _ELSEWHERE.search(exhibit.description):
                continue  # the list says where it is, or that there is none
            message = f"exhibit {exhibit.number} is listed; no EX-{exhibit.number} is attached"
            sink.report(HDR_EXHIBIT_MISSING, message, exhibit.span)
    for key, document in attached.items():
        if key not in listed and not (document.type or "").startswith("EX-101"):
            message = f"the attached {document.type} is not in the body's exhibit list"
            sink.report(HDR_EXHIBIT_UNLISTED, message, document.span)


def link_exhibits(
    exhibits: tuple[Exhibit, ...], documents: tuple[Document, ...]
) -> tuple[Exhibit, ...]:
    """The exhibits, each with the <SEQUENCE> of the attached EX- document of its number."""
    sequences = {
        exhibit_key(d.type[3:]): d.sequence
        for d in documents
        if d.type and d.type.startswith("EX-") and d.sequence is not None
    }
    return tuple(
        replace(e, document=sequences[exhibit_key(e.number)])
        if exhibit_key(e.number) in sequences
        else e
        for e in exhibits
    )


_CHECKED_FACT = {"☒": True, "☑": True, "true": True, "☐": False, "false": False}


def _first(value: str | list[str] | None) -> str | None:
    return value[0] if isinstance(value, list) else value


def check_xbrl(
    xbrl: dict[str, str | list[str]], cover: CoverPage | None, sink: DiagnosticSink
) -> None:
    """Report each dei: fact that disagrees with the cover the grammar read."""
    if not xbrl or cover is None:
        return
    where = cover.span
    registrant = cover.registrants[0] if cover.registrants else None

    def differs(element: str, tagged: object, printed: object) -> None:
        message = f"dei:{element} is {tagged!r}; the cover reads {printed!r}"
        sink.report(XBR_DIFFERS, message, where)

    if registrant is not None:
        name = _first(xbrl.get("EntityRegistrantName"))
        if name and registrant.name and _company(name) != _company(registrant.name):
            differs("EntityRegistrantName", name, registrant.name)
        number = _first(xbrl.get("EntityFileNumber"))
        if number and _file_number(number) != _file_number(registrant.commission_file_number):
            differs("EntityFileNumber", number, registrant.commission_file_number)
        irs = _first(xbrl.get("EntityTaxIdentificationNumber"))
        if irs and _digits(irs) != _digits(registrant.irs_employer_id):
            differs("EntityTaxIdentificationNumber", irs, registrant.irs_employer_id)
    period = _first(xbrl.get("DocumentPeriodEndDate"))
    if period and cover.period_of_report is not None:
        tagged, _ = parse_date(period)
        if tagged is not None and tagged != cover.period_of_report:
            differs("DocumentPeriodEndDate", period, cover.period_of_report.isoformat())
    symbols = xbrl.get("TradingSymbol")
    if symbols and cover.securities_12b is not None:
        # A dash or "N/A" tagged for a class without a symbol (notes) is no symbol, as
        # the cover's reading of the same cell is none.
        tagged_symbols = sorted(
            {
                s.upper()
                for s in ([symbols] if isinstance(symbols, str) else symbols)
                if _ALPHANUMERIC.search(s) and not is_not_applicable(s)
            }
        )
        printed = sorted({(r.trading_symbol or "").upper() for r in cover.securities_12b} - {""})
        if tagged_symbols != printed:
            differs("TradingSymbol", tagged_symbols, printed)
    egc = _CHECKED_FACT.get((_first(xbrl.get("EntityEmergingGrowthCompany")) or "").lower())
    if (
        egc is not None
        and cover.emerging_growth_company is not None
        and egc != cover.emerging_growth_company
    ):
        differs("EntityEmergingGrowthCompany", egc, cover.emerging_growth_company)
