"""Validation: the forms' rules, each a small class whose docstring is its documentation.

A rule has a code that never changes meaning (``ITM003``), a readable name, a default
severity, the forms it applies to, and a ``check`` that reports findings about a parsed
:class:`~sec8k.model.Filing`. Rules register themselves with :func:`rule`; third parties
add theirs through the ``sec8k.rules`` entry-point group. :func:`run_rules` runs the rules
of the filing's form: those that name the form in :attr:`Rule.forms`, and the shared ones
the form lists in :attr:`sec8k.forms.Form.rules`.
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections.abc import Callable, Iterable
from importlib import metadata
from typing import ClassVar, TypeVar

from sec8k.diagnostics import CODES, Diagnostic, DiagnosticSink, Severity, register_code
from sec8k.model import Filing
from sec8k.span import Span, line_index

__all__ = ["RULES", "Rule", "rule", "rules_of", "run_rules"]


class Rule:
    """A rule of one or more forms. Subclasses set the class attributes and write ``check``."""

    code: ClassVar[str] = ""
    """Stable identifier: a prefix for the area (CVR, ITM, SIG, EXH, FRM) and three digits."""
    name: ClassVar[str] = ""
    """Readable name, e.g. "items.not-yet-in-force"."""
    severity: ClassVar[Severity] = Severity.WARNING
    """Default severity of its findings."""
    forms: ClassVar[tuple[str, ...]] = ("*",)
    """Names of the forms it applies to; "*" for every form (the default). A shared
    rule that names none applies to the forms that list it in their ``rules``."""

    def check(self, filing: Filing, report: Callable[[str, Span | None], None]) -> None:
        """Report each finding as ``report(message, span)``."""
        raise NotImplementedError


RULES: dict[str, type[Rule]] = {}
"""Every registered rule, by code."""
_HINTS: dict[str, str] = {}
"""The hint printed under each rule's findings, by code."""

R = TypeVar("R", bound=type[Rule])


def rule(cls: R) -> R:
    """Register a rule class (its docstring becomes the code's documentation)."""
    if cls.code in RULES:
        raise ValueError(f"rule {cls.code} registered twice")
    RULES[cls.code] = cls
    _HINTS[cls.code] = _hint(cls)
    if cls.code not in CODES:
        register_code(cls.code, cls.name, cls.severity, inspect.cleandoc(cls.__doc__ or cls.name))
    return cls


_FIX = re.compile(r"\*\*Fix\*\*:\s*(.+?)(?:\n\s*\n|\Z)", re.S)


def _hint(cls: type[Rule]) -> str:
    """The hint printed under a finding: the rule's **Fix** paragraph, or where to read more."""
    found = _FIX.search(inspect.cleandoc(cls.__doc__ or ""))
    if found:
        return " ".join(found.group(1).split())
    return f"`sec8k explain {cls.code}` says more"


def _load_plugins() -> None:
    """Import the modules listed under the ``sec8k.rules`` entry-point group.

    A plugin that fails to import is skipped with a one-line warning, so a broken
    third-party package cannot stop sec8k from parsing.
    """
    for entry in metadata.entry_points(group="sec8k.rules"):
        try:
            entry.load()
        except Exception as exc:  # any failure of foreign code
            warnings.warn(
                f"sec8k: rule plugin {entry.name!r} ({entry.value}) failed to load: {exc}",
                RuntimeWarning,
                stacklevel=2,
            )


def rules_of(form: str) -> tuple[type[Rule], ...]:
    """The rules of the form named ``form``, by code: its own and the shared ones it lists."""
    from sec8k.forms import get_form  # the forms import this module for Rule

    listed = get_form(form).rules
    return tuple(
        cls
        for _, cls in sorted(RULES.items())
        if "*" in cls.forms or form in cls.forms or cls in listed
    )


def run_rules(
    filing: Filing, *, select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Diagnostic]:
    """Run the rules of ``filing``'s form on it and return their findings.

    Args:
        filing: a parsed filing (its :attr:`~sec8k.model.Filing.form` says whose rules run).
        select: only codes (or code prefixes, "ITM") listed here; all when empty.
        ignore: codes (or prefixes) to leave out.
    """
    chosen = tuple(select)
    skipped = tuple(ignore)
    lines = line_index(filing.source.text)
    sink = DiagnosticSink(lines.position)
    applicable = set(rules_of(filing.form)) if filing.form else set()
    for code, cls in sorted(RULES.items()):
        if cls not in applicable:
            continue
        if chosen and not code.startswith(chosen):
            continue
        if skipped and code.startswith(skipped):
            continue
        instance = cls()

        def report(message: str, span: Span | None, code: str = code) -> None:
            sink.report(code, message, span, hint=_HINTS[code])

        instance.check(filing, report)
    return list(sink.diagnostics)


# The shared rule modules register their rules when imported; each form's own rules are
# imported with the form.
from sec8k.validate import cover, signature  # noqa: E402, F401

_load_plugins()
