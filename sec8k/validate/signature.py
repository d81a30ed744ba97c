"""Rules about the signatures, shared by the forms that are signed (they opt in)."""

from __future__ import annotations

from collections.abc import Callable

from sec8k.diagnostics import Severity
from sec8k.model import Filing
from sec8k.span import Span
from sec8k.validate import Rule, rule

__all__ = ["SIGNATURE_RULES", "NoSignature", "UnsignedSigner"]

Report = Callable[[str, Span | None], None]


@rule
class NoSignature(Rule):
    """The report has no signature block.

    A report is signed on the registrant's behalf by a duly authorized officer.
    """

    forms = ()
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

    forms = ()
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


SIGNATURE_RULES: tuple[type[Rule], ...] = (NoSignature, UnsignedSigner)
"""The rules for a document that the registrant signs."""
