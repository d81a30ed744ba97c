"""Rules of the Form 8-K signature: the signing date against the date of report."""

from __future__ import annotations

from sec8k.diagnostics import Severity
from sec8k.forms.form_8k.rules.base import Report, Rule8K, cover_8k
from sec8k.model import Filing
from sec8k.validate import rule

__all__ = ["SignatureBeforeReport"]


@rule
class SignatureBeforeReport(Rule8K):
    """The signature is dated before the date of report: the report was signed before the event."""

    code = "SIG003"
    name = "signature.before-report"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Compare the signature date with the date of report."""
        cover = cover_8k(filing)
        signed = filing.signature_date
        if cover is None or cover.date_of_report is None or signed is None:
            return
        if signed < cover.date_of_report:
            where = next((b.span for b in filing.signature_blocks if b.date), None)
            report(
                f"signed on {signed.isoformat()}, before the date of report "
                f"{cover.date_of_report.isoformat()}",
                where,
            )
