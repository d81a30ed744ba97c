"""A third-party rule module, loaded through the ``sec8k.rules`` entry point in a test."""

from __future__ import annotations

from collections.abc import Callable

from sec8k.diagnostics import Severity
from sec8k.model import Filing
from sec8k.span import Span
from sec8k.validate import Rule, rule


@rule
class NoForwardLooking(Rule):
    """A filing whose items never mention forward-looking statements (a house rule)."""

    code = "ZZZ001"
    name = "house.no-forward-looking"
    severity = Severity.INFO

    def check(self, filing: Filing, report: Callable[[str, Span | None], None]) -> None:
        """Report the first item when no item says "forward-looking"."""
        if filing.items and not any("forward-looking" in i.text.lower() for i in filing.items):
            report("no item mentions forward-looking statements", filing.items[0].heading_span)
