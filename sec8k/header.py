"""The SEC header: from its lines (either dialect) to :class:`~sec8k.model.SecHeader`.

The envelope grammar gives the header's lines with their nesting; this module knows what
the labels mean (SPEC.md section 1.3). Both dialects meet in one table: a label and a tag
name are the same key once "-" is read as a space ("ACCESSION-NUMBER" and "ACCESSION
NUMBER"), and the few that differ are listed. Entities (FILER, SUBJECT COMPANY, ...) and
their sections (COMPANY DATA, FILING VALUES, ...) are recognised by name wherever they
sit, so a header whose indentation drifted (seen in 1999-2000 files) still reads right.
Unknown labels are kept in ``fields``, never fatal.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from sec8k.model import (
    Address,
    Filer,
    FilingValues,
    FormerName,
    HeaderField,
    HeaderItem,
    SecHeader,
)
from sec8k.span import Span

__all__ = ["build_header"]

# Tag names of the tagged dialect that differ from the label dialect's words.
_TAG_KEYS = {
    "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT",
    "ITEMS": "ITEM INFORMATION",
    "FILING DATE": "FILED AS OF DATE",
    "DATE OF FILING DATE CHANGE": "DATE AS OF CHANGE",
    "CONFORMED NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY",
    "ASSIGNED SIC": "STANDARD INDUSTRIAL CLASSIFICATION",
    "EIN": "IRS NUMBER",
    "ACT": "SEC ACT",
    "FILE NUMBER": "SEC FILE NUMBER",
    "STREET1": "STREET 1",
    "STREET2": "STREET 2",
    "PHONE": "BUSINESS PHONE",
    "DATE CHANGED": "DATE OF NAME CHANGE",
    "OWNER DATA": "COMPANY DATA",
}
_ENTITIES = {
    "FILER": "filer",
    "SUBJECT COMPANY": "subject company",
    "FILED BY": "filed by",
    "REPORTING OWNER": "reporting owner",
    "ISSUER": "issuer",
    "SERIAL COMPANY": "serial company",
    "FILED FOR": "filed for",
    "DEPOSITOR": "depositor",
    "SECURITIZER": "securitizer",
    "ISSUING ENTITY": "issuing entity",
    "UNDERWRITER": "underwriter",
}
_SECTIONS = {
    "COMPANY DATA",
    "FILING VALUES",
    "BUSINESS ADDRESS",
    "MAIL ADDRESS",
    "FORMER COMPANY",
    "FORMER NAME",
}
_ADDRESS_FIELDS = {
    "STREET 1": "street1",
    "STREET 2": "street2",
    "CITY": "city",
    "STATE": "state",
    "ZIP": "zip",
    "BUSINESS PHONE": "phone",
}


def _key(label: str) -> str:
    name = " ".join(label.replace("-", " ").upper().split())
    return _TAG_KEYS.get(name, name)


def _date(value: str) -> datetime.date | None:
    match = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})\s*", value)
    if not match:
        return None
    try:
        return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@dataclass(slots=True)
class _Entity:
    role: str
    start: int
    end: int
    values: dict[str, str] = field(default_factory=dict)
    filing_values: list[dict[str, str]] = field(default_factory=list)
    addresses: dict[str, dict[str, str]] = field(default_factory=dict)
    former: list[dict[str, str]] = field(default_factory=list)

    def build(self) -> Filer:
        sic = self.values.get("STANDARD INDUSTRIAL CLASSIFICATION")
        code = re.search(r"(\d{4})\s*\]?\s*$", sic or "")

        def address(kind: str) -> Address | None:
            found = self.addresses.get(kind)
            return Address(**found) if found else None

        return Filer(
            role=self.role,
            span=Span(self.start, self.end),
            name=self.values.get("COMPANY CONFORMED NAME"),
            cik=self.values.get("CENTRAL INDEX KEY"),
            sic=sic,
            sic_code=code.group(1) if code else None,
            organization_name=self.values.get("ORGANIZATION NAME"),
            irs_number=self.values.get("IRS NUMBER"),
            state_of_incorporation=self.values.get("STATE OF INCORPORATION"),
            fiscal_year_end=self.values.get("FISCAL YEAR END"),
            filing_values=tuple(
                FilingValues(
                    v.get("FORM TYPE"),
                    v.get("SEC ACT"),
                    v.get("SEC FILE NUMBER"),
                    v.get("FILM NUMBER"),
                )
                for v in self.filing_values
            ),
            business_address=address("BUSINESS ADDRESS"),
            mail_address=address("MAIL ADDRESS"),
            former_names=tuple(
                FormerName(
                    f.get("FORMER CONFORMED NAME") or f.get("FORMER NAME", ""),
                    _date(f.get("DATE OF NAME CHANGE", "")),
                )
                for f in self.former
                if f
            ),
        )


def build_header(fields: list[HeaderField], span: Span, dialect: str) -> SecHeader:
    """Read a header's lines, in order, into a :class:`~sec8k.model.SecHeader`."""
    top: dict[str, str] = {}
    items: list[tuple[str, Span]] = []
    entities: list[_Entity] = []
    entity: _Entity | None = None
    section: str | None = None
    for line in fields:
        key = _key(line.label)
        value = line.value
        if line.label.startswith("/"):  # a closing tag: </FILER>, </COMPANY-DATA>
            closing = _key(line.label[1:])
            if closing in _ENTITIES:
                entity, section = None, None
            elif closing in _SECTIONS:
                section = None
            continue
        if key in _ENTITIES and not value:
            entity = _Entity(_ENTITIES[key], line.span.start, line.span.end)
            entities.append(entity)
            section = None
            continue
        if entity is None:
            if key == "ITEM INFORMATION":
                if value:
                    items.append((value, line.span))
            elif value and key not in top:
                top[key] = value
            continue
        entity.end = line.span.end
        if key in _SECTIONS and not value:
            section = key
            if key == "FILING VALUES":
                entity.filing_values.append({})
            elif key in ("FORMER COMPANY", "FORMER NAME"):
                entity.former.append({})
            continue
        if not value:
            continue
        if section in ("BUSINESS ADDRESS", "MAIL ADDRESS") and key in _ADDRESS_FIELDS:
            entity.addresses.setdefault(section, {})[_ADDRESS_FIELDS[key]] = value
        elif section == "FILING VALUES" and entity.filing_values:
            entity.filing_values[-1][key] = value
        elif section in ("FORMER COMPANY", "FORMER NAME") and entity.former:
            entity.former[-1][key] = value
        elif key in ("FORM TYPE", "SEC ACT", "SEC FILE NUMBER", "FILM NUMBER"):
            if not entity.filing_values:
                entity.filing_values.append({})
            entity.filing_values[-1].setdefault(key, value)
        else:
            entity.values.setdefault(key, value)
    filed = _date(top.get("FILED AS OF DATE", ""))
    count = top.get("PUBLIC DOCUMENT COUNT", "")
    return SecHeader(
        span=span,
        dialect=dialect,
        accession_number=top.get("ACCESSION NUMBER"),
        form_type=top.get("CONFORMED SUBMISSION TYPE"),
        public_document_count=int(count) if count.isdigit() else None,
        period_of_report=_date(top.get("CONFORMED PERIOD OF REPORT", "")),
        filed_as_of=filed,
        date_as_of_change=_date(top.get("DATE AS OF CHANGE", "")),
        acceptance_datetime=top.get("ACCEPTANCE DATETIME"),
        items=tuple(HeaderItem(text, None, where) for text, where in items),
        filers=tuple(e.build() for e in entities),
        fields=tuple(fields),
    )
