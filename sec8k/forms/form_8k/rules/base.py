"""What the rules of Form 8-K share: the form they apply to."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from sec8k.forms.form_8k.cover import Cover8K
from sec8k.forms.form_8k.dates import reference_date
from sec8k.model import Filing
from sec8k.span import Span
from sec8k.validate import Rule

__all__ = ["Report", "Rule8K", "cover_8k", "cover_since"]

Report = Callable[[str, Span | None], None]
"""How a rule reports a finding: ``report(message, span)``."""


class Rule8K(Rule):
    """A rule of Form 8-K (and 8-K/A, 8-K12B, ...)."""

    forms = ("8-K",)


def cover_8k(filing: Filing) -> Cover8K | None:
    """The filing's 8-K cover page, or None where it has none."""
    return filing.cover if isinstance(filing.cover, Cover8K) else None


def cover_since(filing: Filing, since: datetime.date) -> Cover8K | None:
    """The 8-K cover of a filing filed (else dated) on ``since`` or later, else None.

    For the rules of what a cover must print since a release required it.
    """
    cover = cover_8k(filing)
    date = reference_date(filing)
    return cover if cover is not None and date is not None and date >= since else None
