"""What the rules of Form 8-K share: the form they apply to."""

from __future__ import annotations

from collections.abc import Callable

from sec8k.span import Span
from sec8k.validate import Rule

__all__ = ["Report", "Rule8K"]

Report = Callable[[str, Span | None], None]
"""How a rule reports a finding: ``report(message, span)``."""


class Rule8K(Rule):
    """A rule of Form 8-K (and 8-K/A, 8-K12B, ...)."""

    forms = ("8-K",)
