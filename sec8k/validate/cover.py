"""Rules about the cover page that every form with registrant fields shares.

A form opts into these by listing them in :attr:`sec8k.forms.Form.rules`; they check the
registrant fields of the generic cover (:class:`~sec8k.model.Registrant`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sec8k.diagnostics import Severity
from sec8k.model import Filing
from sec8k.span import Span
from sec8k.validate import Rule, rule

__all__ = [
    "REGISTRANT_RULES",
    "MalformedFileNumber",
    "MalformedIrsNumber",
    "MissingFileNumber",
    "MissingIrsNumber",
    "MissingJurisdiction",
    "MissingRegistrantName",
]

Report = Callable[[str, Span | None], None]
_IRS = re.compile(r"^\d{2}-\d{7}$")
_FILE_NUMBER = re.compile(r"^\d{1,3}-\d{3,6}(?:-\d{1,4})?$")


def _first_registrant_field(filing: Filing, field: str) -> tuple[str | None, Span | None]:
    cover = filing.cover
    if cover is None or not cover.registrants:
        return None, cover.span if cover else None
    registrant = cover.registrants[0]
    value: str | None = getattr(registrant, field)
    return value, registrant.span_of(field) or registrant.span or cover.span


class _MissingField(Rule):
    field: str = ""
    label: str = ""

    def check(self, filing: Filing, report: Report) -> None:
        """Report a cover without the field."""
        if filing.cover is None:
            return
        value, span = _first_registrant_field(filing, self.field)
        if not value:
            report(f"the cover page gives no {self.label}", span or filing.cover.span)


@rule
class MissingRegistrantName(_MissingField):
    """The cover page has no "Exact name of registrant as specified in its charter"."""

    forms = ()
    code = "CVR003"
    name = "cover.missing-registrant-name"
    severity = Severity.ERROR
    field = "name"
    label = "registrant name"


@rule
class MissingFileNumber(_MissingField):
    """The cover page has no Commission File Number."""

    forms = ()
    code = "CVR005"
    name = "cover.missing-file-number"
    severity = Severity.WARNING
    field = "commission_file_number"
    label = "Commission File Number"


@rule
class MissingJurisdiction(_MissingField):
    """The cover page has no state or other jurisdiction of incorporation."""

    forms = ()
    code = "CVR006"
    name = "cover.missing-jurisdiction"
    severity = Severity.WARNING
    field = "jurisdiction"
    label = "state or other jurisdiction of incorporation"


@rule
class MissingIrsNumber(_MissingField):
    """The cover page has no I.R.S. Employer Identification No."""

    forms = ()
    code = "CVR007"
    name = "cover.missing-irs-number"
    severity = Severity.WARNING
    field = "irs_employer_id"
    label = "I.R.S. Employer Identification No."


@rule
class MalformedIrsNumber(Rule):
    """An IRS Employer Identification Number not printed as NN-NNNNNNN."""

    forms = ()
    code = "CVR008"
    name = "cover.malformed-irs-number"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Check each registrant's IRS number."""
        for registrant in filing.cover.registrants if filing.cover else ():
            value = registrant.irs_employer_id
            if value and not _IRS.match(value):
                report(
                    f"IRS number {value!r} is not written NN-NNNNNNN",
                    registrant.span_of("irs_employer_id"),
                )


@rule
class MalformedFileNumber(Rule):
    """A Commission File Number not written as the SEC numbers files (001-12345, 0-17999)."""

    forms = ()
    code = "CVR009"
    name = "cover.malformed-file-number"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Check each registrant's file number."""
        for registrant in filing.cover.registrants if filing.cover else ():
            value = registrant.commission_file_number
            if value and not _FILE_NUMBER.match(value):
                report(
                    f"Commission File Number {value!r} is not a file number",
                    registrant.span_of("commission_file_number"),
                )


REGISTRANT_RULES: tuple[type[Rule], ...] = (
    MissingRegistrantName,
    MissingFileNumber,
    MissingJurisdiction,
    MissingIrsNumber,
    MalformedIrsNumber,
    MalformedFileNumber,
)
"""The rules for a cover that prints the registrant's name, state, file and IRS numbers."""
