"""Exceptions: misuse of the library and failures of sec8k itself.

Problems *in a filing* are :class:`~sec8k.diagnostics.Diagnostic` records, not exceptions.
The one exception about a filing is :class:`FilingError`, raised only when the caller asks
for it with ``parse(..., strict=True)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sec8k.diagnostics import Diagnostic

__all__ = ["FilingError", "GrammarError", "InputError", "Sec8kError", "UnknownFormError"]


class Sec8kError(Exception):
    """Base class of every exception sec8k raises on purpose."""


class InputError(Sec8kError):
    """The input cannot be read at all (a missing file, a directory)."""


class GrammarError(Sec8kError):
    """A grammar file is missing or does not compile: a packaging or extension bug."""


class UnknownFormError(Sec8kError, ValueError):
    """A form was asked for by a name that no registered form has (``sec8k forms`` lists them)."""


class FilingError(Sec8kError):
    """Parsing with ``strict=True`` found error diagnostics.

    ``diagnostics`` holds every diagnostic found; ``str()`` gives the first error.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        first = next((d for d in self.diagnostics if d.severity.value == "error"), None)
        if first is None:
            message = "the filing has errors"
        else:
            where = f"{first.line}:{first.column}: " if first.line is not None else ""
            message = f"{where}{first.code} {first.message}"
        super().__init__(message)


# ---- Lark's exceptions, as diagnostics (the one place they are converted) ----

# Layout terminals (namespace stripped) in plain English, for "expected ..." hints. The
# grammar parts name their own terminals (PartTransformer.terminal_names).
TERMINAL_NAMES = {
    "CELL": "text",
    "DATE": "a date such as 'March 3, 2024'",
    "CAPTION": "a caption in parentheses",
    "CAPTION_END": "the end of a caption",
    "LABEL": "a label",
    "MASTHEAD": "the masthead 'SECURITIES AND EXCHANGE COMMISSION'",
    "FORM_TITLE": "the form's title ('FORM' and its number)",
    "PARA": "a paragraph",
    "PROSE": "a paragraph",
    "LINE": "a line of text",
    "BLANK": "a blank line",
    "RULE": "a horizontal rule",
    "EOL_BLANK": "the end of the line",
    "_EOL": "the end of the line",
    "$END": "the end of the document",
}

# A typed cell's name says what it is (cover.lark): "CAPTION_ZIP" is the caption of a zip.
_TYPED = {
    "CAPTION": "the caption of",
    "LABEL": "the label of",
    "QUESTION": "the question of",
    "OPTION": "a check box for",
    "BOX": "a check box for",
    "COLUMN": "the column heading of",
}


def _plain(name: str, names: Mapping[str, str]) -> str:
    bare = name.rpartition("__")[2]
    if bare in names:
        return names[bare]
    if bare in TERMINAL_NAMES:
        return TERMINAL_NAMES[bare]
    kind, _, field = bare.partition("_")
    if kind in _TYPED and field:
        return f"{_TYPED[kind]} the {field.removeprefix('END_').lower().replace('_', ' ')}"
    return bare


def describe_expected(names: Iterable[str], more: Mapping[str, str] | None = None) -> str:
    """Plain English for a set of expected terminal names (namespaces stripped).

    ``more`` names a form's own terminals (see :meth:`sec8k.forms.Form.terminal_names`).
    """
    plain = sorted({_plain(n, more or {}) for n in names})
    if not plain:
        return "nothing more"
    return ", ".join(plain[:6]) + (" ..." if len(plain) > 6 else "")


def parse_error_position(
    exc: Exception, text_length: int, names: Mapping[str, str] | None = None
) -> tuple[int, str]:
    """Where a Lark parse error happened (offset in the parsed text) and what was expected."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    if isinstance(exc, UnexpectedToken):
        if exc.token.type == "$END":
            return text_length, describe_expected(exc.expected, names)
        return exc.token.start_pos or 0, describe_expected(exc.expected, names)
    if isinstance(exc, UnexpectedCharacters):
        position = getattr(exc, "pos_in_stream", None)
        allowed = exc.allowed or ()
        return (position if isinstance(position, int) else 0), describe_expected(allowed, names)
    if isinstance(exc, UnexpectedEOF):
        return text_length, describe_expected(exc.expected, names)
    return 0, "nothing more"
