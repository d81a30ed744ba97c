"""Diagnostics: what sec8k found wrong or odd in a filing, with codes and positions.

Problems in a filing are data, not exceptions. Every stage reports them to a
:class:`DiagnosticSink`; the finished :class:`~sec8k.model.Filing` carries them. Each code
is registered once in :data:`CODES` with its default severity and its documentation, and
never changes meaning. Prefixes name the stage or area: ``LOD`` (loading the input),
``ENV`` (envelope), ``NRM`` (normalise), ``PRS`` (grammar), ``TRN`` (values), ``FRM`` (the
form as a whole).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from sec8k.serialize import to_data
from sec8k.span import Span

__all__ = [
    "CODES",
    "Code",
    "Diagnostic",
    "DiagnosticSink",
    "ErrorLevel",
    "Severity",
    "register_code",
]


class Severity(enum.StrEnum):
    """How bad a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class ErrorLevel(enum.Enum):
    """What to do with error diagnostics while parsing."""

    COLLECT = "collect"
    """Keep going; the filing carries every diagnostic (the default)."""
    IMMEDIATE = "immediate"
    """Raise :class:`~sec8k.errors.FilingError` when parsing finished with errors."""


@dataclass(frozen=True, slots=True)
class Code:
    """A registered diagnostic code."""

    code: str
    """Stable identifier, e.g. ``"PRS001"``."""
    name: str
    """Readable name, e.g. ``"parse.unexpected-text"``."""
    severity: Severity
    """Default severity."""
    doc: str
    """What the code means and what to do about it."""


CODES: dict[str, Code] = {}


def register_code(code: str, name: str, severity: Severity, doc: str) -> str:
    """Register a diagnostic code (a validation rule's, a plug-in's); codes are unique."""
    if code in CODES:
        raise ValueError(f"diagnostic code {code} registered twice")
    CODES[code] = Code(code, name, severity, doc)
    return code


_register = register_code


LOD_EMPTY = _register(
    "LOD001", "load.empty", Severity.ERROR, "The input is empty or holds only white space."
)
LOD_BINARY = _register(
    "LOD002",
    "load.binary",
    Severity.ERROR,
    "The input is binary data (NUL bytes or mostly control characters), not a text or HTML "
    "filing. Nothing was parsed.",
)
LOD_FALLBACK_ENCODING = _register(
    "LOD003",
    "load.fallback-encoding",
    Severity.INFO,
    "The input is not valid UTF-8; it was decoded as cp1252 (or latin-1 where cp1252 has no "
    "character for a byte). Offsets are counted in the decoded characters.",
)
LOD_TOO_LARGE = _register(
    "LOD004",
    "load.too-large",
    Severity.ERROR,
    "The input is larger than the size limit (``max_bytes``); it was not read. Raise the "
    "limit if the file really is a filing.",
)
LOD_NUL = _register(
    "LOD005",
    "load.nul",
    Severity.WARNING,
    "The input holds NUL characters, which no text filing has (a damaged transfer, a file "
    "padded with zeros). The filing was read anyway; each NUL counts as a space.",
)
LOD_FILE_NAME = _register(
    "LOD006",
    "load.file-name-as-text",
    Severity.ERROR,
    "The text given to parse is one line that names an existing file: a ``str`` is always "
    "read as the filing's text, so the name itself was parsed. Pass a ``pathlib.Path`` "
    "(or the file's bytes) to read the file. ``sec8k.parse`` also issues a UserWarning.",
)
ENV_OTHER_TYPE = _register(
    "ENV001",
    "envelope.no-document-of-form",
    Severity.ERROR,
    "No <DOCUMENT> of the submission has a <TYPE> of the form asked for (``--form``), or "
    "of any form sec8k knows when none was asked for. The first document was parsed "
    "anyway. `sec8k forms` lists the forms and their document types.",
)
ENV_TRUNCATED = _register(
    "ENV002",
    "envelope.truncated",
    Severity.WARNING,
    "A <DOCUMENT> or <TEXT> block never closes: the file was probably cut short. The text up "
    "to the end of the file was parsed.",
)
ENV_UNREADABLE = _register(
    "ENV003",
    "envelope.unreadable",
    Severity.ERROR,
    "The file looks like an EDGAR submission but its wrapper does not follow the grammar "
    "at this point; the whole file is parsed as one document.",
)
ENV_HEADER_ONLY = _register(
    "ENV004",
    "envelope.header-only",
    Severity.INFO,
    "The file is a SEC header alone (a .hdr.sgml file or an -index-headers page): there is "
    "no document to parse.",
)
ENV_RESUMED = _register(
    "ENV005",
    "envelope.stray-wrapper",
    Severity.ERROR,
    "The wrapper stops following the grammar at this point (a stray or repeated tag, text "
    "after the closing </SEC-DOCUMENT>). What came before it was read as usual; the text "
    "from its line up to the next <DOCUMENT> block is kept whole as unreadable wrapper "
    "text, and reading resumes there.",
)
NRM_TOO_DEEP = _register(
    "NRM001",
    "normalize.too-deep",
    Severity.WARNING,
    "HTML elements are nested deeper than sec8k follows (a few hundred levels; real "
    "filings stay far below). Tags below that depth are read as if absent: their text "
    "is kept, in the lines of the element that holds them.",
)
PRS_UNEXPECTED = _register(
    "PRS001",
    "parse.unexpected-text",
    Severity.ERROR,
    "The grammar could not continue at this point. The text from here on is kept as an "
    "unrecognized node.",
)
PRS_TOO_LONG = _register(
    "PRS002",
    "parse.too-many-tokens",
    Severity.WARNING,
    "The document holds more pieces than the grammar reads in one document (tens of "
    "thousands of headings, cells or lines; the largest real filings have under two "
    "thousand). What came before this line was read as usual; the rest is kept whole as "
    "one unrecognized node, so that time and memory stay bounded.",
)
PRS_UNRECOGNIZED = _register(
    "PRS010",
    "parse.unrecognized",
    Severity.INFO,
    "Text that the grammar read but could not place as any part of the form (a cover line "
    "that is no cover field, a line in the signature block that belongs to no signer). It "
    "is kept as an unrecognized node with its span.",
)
TRN_BAD_DATE = _register(
    "TRN001",
    "value.bad-date",
    Severity.WARNING,
    "A date was printed that is not a calendar date (e.g. 'February 30, 2004', or a "
    "misspelt month: 'Marcxh 12, 2002').",
)
INTERNAL = _register(
    "INT001",
    "internal.error",
    Severity.ERROR,
    "sec8k itself failed on this input (a bug: please report it with the file). The text "
    "is kept whole as an unrecognized node.",
)
HDR_ITEMS = _register(
    "HDR001",
    "header.items-differ",
    Severity.WARNING,
    "The SEC header's ITEM INFORMATION names other items than the body's headings. Either "
    "may be wrong. A line with no title (2003-04 headers print one for Item 12) stands for "
    "one item the other lines do not name.",
)
HDR_PERIOD = _register(
    "HDR002",
    "header.period-differs",
    Severity.WARNING,
    "CONFORMED PERIOD OF REPORT differs from the cover's period of report (the value of "
    "the cover that the form says is its period: a fiscal period's end, an event's date).",
)
HDR_IRS = _register(
    "HDR003",
    "header.irs-differs",
    Severity.WARNING,
    "The header's IRS NUMBER differs from the cover's I.R.S. Employer Identification No.",
)
HDR_FILE_NUMBER = _register(
    "HDR004",
    "header.file-number-differs",
    Severity.WARNING,
    "The header's SEC FILE NUMBER differs from the cover's Commission File Number "
    "(zero padding aside).",
)
HDR_STATE = _register(
    "HDR005",
    "header.state-differs",
    Severity.WARNING,
    "The header's STATE OF INCORPORATION differs from the cover's jurisdiction.",
)
HDR_NAME = _register(
    "HDR006",
    "header.name-differs",
    Severity.INFO,
    "The header's COMPANY CONFORMED NAME differs from the cover's registrant name beyond "
    "case, punctuation and the usual abbreviations (a renamed company, a state suffix).",
)
HDR_DOCUMENT_COUNT = _register(
    "HDR007",
    "header.document-count",
    Severity.WARNING,
    "The submission holds more documents than PUBLIC DOCUMENT COUNT declares. (Fewer is "
    "normal: the count includes documents EDGAR renders, which the file does not carry.)",
)
HDR_EXHIBIT_MISSING = _register(
    "HDR008",
    "header.exhibit-not-attached",
    Severity.INFO,
    "An exhibit the body lists has no attached document of that type (it may be "
    "incorporated by reference to an earlier filing).",
)
HDR_EXHIBIT_UNLISTED = _register(
    "HDR009",
    "header.exhibit-not-listed",
    Severity.INFO,
    "An attached EX- document is not in the body's exhibit list.",
)
XBR_DIFFERS = _register(
    "XBR001",
    "xbrl.fact-differs",
    Severity.WARNING,
    "An inline XBRL dei: fact of the cover (registrant name, file number, IRS number, date "
    "of report, state, trading symbols, check boxes) says something other than the "
    "visible text the grammar read.",
)
FRM_OTHER_FORM = _register(
    "FRM001",
    "form.not-this-form",
    Severity.ERROR,
    "The document does not look like the form it was parsed as: its cover's title names "
    "another form, or it has neither a form title nor any section of the form (items, "
    "signatures).",
)
FRM_ASSUMED = _register(
    "FRM003",
    "form.assumed",
    Severity.INFO,
    "Neither the envelope (a <TYPE>) nor the document's masthead (a title: 'FORM' and the "
    "form's number) named a form sec8k knows, so the document was parsed as the default "
    "form. Pass the form (``form=`` or ``--form``) to choose another.",
)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, positioned in the original file."""

    code: str
    """Registered code, e.g. ``"PRS001"``."""
    severity: Severity
    """Error, warning or info."""
    message: str
    """One sentence, lower-case start, no trailing period."""
    span: Span | None = None
    """Where in the original text; None for whole-file findings."""
    line: int | None = None
    """1-based line of the span's start in the original file."""
    column: int | None = None
    """1-based column of the span's start."""
    hint: str | None = None
    """What would fix it, or what the grammar expected."""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form with a stable shape (:func:`sec8k.serialize.to_data`)."""
        data: dict[str, object] = to_data(self)
        return data

    def check_tuple(self) -> tuple[str, int, int]:
        """``(code, line, column)``, for compact assertions in tests."""
        return self.code, self.line or 0, self.column or 0


class DiagnosticSink:
    """Collects diagnostics from every stage, positioning each in the original text."""

    __slots__ = ("_items", "_locate")

    def __init__(self, locate: Callable[[int], tuple[int, int]] | None = None) -> None:
        self._items: list[Diagnostic] = []
        self._locate = locate

    def set_locator(self, locate: Callable[[int], tuple[int, int]]) -> None:
        """Use ``locate(offset) -> (line, column)`` for the diagnostics reported from now on."""
        self._locate = locate

    def report(
        self,
        code: str,
        message: str,
        span: Span | None = None,
        *,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Record a finding under a registered ``code`` and return it."""
        registered = CODES[code]
        line = column = None
        if span is not None and self._locate is not None:
            line, column = self._locate(span.start)
        diagnostic = Diagnostic(
            code, severity or registered.severity, message, span, line, column, hint
        )
        self._items.append(diagnostic)
        return diagnostic

    def withdraw(self, code: str, spans: set[Span]) -> None:
        """Take back the findings under ``code`` at ``spans``: a later pass resolved them."""
        self._items = [d for d in self._items if d.code != code or d.span not in spans]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Everything reported so far, in order."""
        return tuple(self._items)

    def has_errors(self) -> bool:
        """Whether an error-severity finding was reported."""
        return any(d.severity is Severity.ERROR for d in self._items)
