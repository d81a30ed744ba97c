"""Rules about the signatures."""

from __future__ import annotations

from collections.abc import Callable

from sec8k.diagnostics import Severity
from sec8k.model import Filing
from sec8k.span import Span
from sec8k.validate import Rule, rule

__all__ = ["NoSignature", "SignatureBeforeReport", "UnsignedSigner"]

Report = Callable[[str, Span | None], None]


@rule
class NoSignature(Rule):
    """The report has no signature block.

    Every Form 8-K is signed on the registrant's behalf by a duly authorized officer.
    """

    code = "SIG001"
    name = "signature.missing"
    severity = Severity.ERROR

    def check(self, filing: Filing, report: Report) -> None:
        """Report a filing with items and no signature block."""
        if filing.items and not filing.signature_blocks:
            report("the report has no signature block", filing.items[-1].span)


@rule
class UnsignedSigner(Rule):
    """A signer without a conformed signature ("/s/ Name") or without a name."""

    code = "SIG002"
    name = "signature.unsigned"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Check each signer."""
        for block in filing.signature_blocks:
            if not block.signatures:
                report("the signature block names no signer", block.span)
            for signature in block.signatures:
                if not signature.name:
                    report("a signature gives no name", signature.span)
                elif not signature.conformed:
                    report(
                        f"{signature.name} signs without a conformed signature (/s/)",
                        signature.span,
                    )


@rule
class SignatureBeforeReport(Rule):
    """The signature is dated before the date of report: the report was signed before the event."""

    code = "SIG003"
    name = "signature.before-report"
    severity = Severity.WARNING

    def check(self, filing: Filing, report: Report) -> None:
        """Compare the signature date with the date of report."""
        cover = filing.cover
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
