"""sec8k: a grammar-driven parser for SEC filings, one registered form at a time.

    >>> import sec8k
    >>> filing = sec8k.parse(pathlib.Path("filing.txt"))
    >>> filing.form, filing.cover.registrants[0].name, [item.number for item in filing.items]

:func:`parse` reads a bare document, one inside a ``<DOCUMENT>`` block, or a full EDGAR
submission, finds its form (:mod:`sec8k.forms`), and returns a :class:`Filing`: cover
page, sections, exhibits, signatures, each with its span in the original text, plus every
problem found as a :class:`Diagnostic`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from sec8k.diagnostics import CODES, Diagnostic, Severity
from sec8k.errors import FilingError, GrammarError, InputError, Sec8kError, UnknownFormError
from sec8k.load import DEFAULT_MAX_BYTES, SourceLike
from sec8k.model import Filing
from sec8k.pipeline import build_filing, run

__all__ = [
    "Diagnostic",
    "Filing",
    "FilingError",
    "GrammarError",
    "InputError",
    "Sec8kError",
    "Severity",
    "UnknownFormError",
    "__version__",
    "check",
    "compiled_modules",
    "parse",
    "unknown_codes",
]

__version__ = "0.1.0"


def parse(
    source: SourceLike,
    *,
    form: str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Filing:
    """Parse one filing.

    Args:
        source: a path (:class:`os.PathLike`), the raw bytes, or the text as a ``str``
            (a ``str`` is always the filing's text, never a file name: one that names an
            existing file gets error LOD006 and a :class:`UserWarning`).
        form: the name of the form to read it as (a document type names its form too;
            ``sec8k forms`` lists them). None detects it: from the envelope's ``<TYPE>``,
            else from the title on the masthead, else the default form (with an info
            diagnostic saying so).
        strict: raise :class:`FilingError` when the parse has error diagnostics, instead of
            returning the filing with them. The form's rules are not run here (they judge
            what a filing says, and a filing that breaks one still reads): :func:`check`
            runs them and returns their findings.
        max_bytes: inputs larger than this are not read (error diagnostic ``LOD004``).

    Returns:
        The parsed filing. A malformed input, or one of another form, still returns a
        :class:`Filing`, with diagnostics that say what is wrong.

    Raises:
        InputError: a path that cannot be read.
        UnknownFormError: ``form`` names no registered form.
        FilingError: ``strict=True`` and the filing has errors.
    """
    filing = build_filing(run(source, form=form, max_bytes=max_bytes))
    if isinstance(source, str) and any(d.code == "LOD006" for d in filing.diagnostics):
        # The mistake is easy to make and the diagnostic easy to miss: say it out loud.
        warnings.warn(
            f"sec8k.parse() read the str {source.strip()!r} as the filing's text; it names "
            "a file: pass pathlib.Path(...) to read the file",
            UserWarning,
            stacklevel=2,
        )
    if strict and filing.errors:
        raise FilingError(filing.diagnostics)
    return filing


def check(
    source: SourceLike | Filing,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Diagnostic]:
    """Validate a filing against the rules of its form.

    Args:
        source: what :func:`parse` takes, or a :class:`Filing` already parsed.
        select: only codes (or prefixes: "ITM") listed here; all when empty.
        ignore: codes (or prefixes) to leave out.

    Returns:
        The parse's diagnostics and the rules' findings, in the order of the file.

    Raises:
        ValueError: a code or prefix in ``select`` or ``ignore`` that no code has (a typo
            would otherwise select nothing, or ignore nothing, without a word).
    """
    from sec8k.validate import run_rules  # the rules import the model, not this module

    chosen, skipped = tuple(select), tuple(ignore)
    unknown = unknown_codes((*chosen, *skipped))
    if unknown:
        raise ValueError(f"no code is or starts with {', '.join(map(repr, unknown))}")
    filing = source if isinstance(source, Filing) else parse(source)
    found = [
        d
        for d in filing.diagnostics
        if (not chosen or d.code.startswith(chosen))
        and not (skipped and d.code.startswith(skipped))
    ]
    found += run_rules(filing, select=chosen, ignore=skipped)  # it selects the same way
    return sorted(found, key=lambda d: d.span.start if d.span else -1)


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The entries of ``codes`` that no diagnostic code is or starts with ("XYZ", "ITM9")."""
    import sec8k.validate  # noqa: F401 - registers the rules' codes

    return [code for code in codes if not any(known.startswith(code) for known in CODES)]


def compiled_modules() -> list[str]:
    """The modules of sec8k this installation runs as compiled code (mypyc), by name.

    A wheel built where a C compiler is found holds the hot modules (the HTML reader, the
    source map, the transformers) compiled as well as in Python, and Python imports the
    compiled ones. Empty for a checkout, an editable install, or a wheel built without a
    compiler (or with ``SEC8K_PURE_PYTHON=1``): the results are the same, only slower.
    """
    package = Path(__file__).resolve().parent
    found = []
    for path in package.rglob("*"):
        suffix = next((s for s in EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is not None:
            parts = path.relative_to(package).as_posix()[: -len(suffix)].split("/")
            if parts[-1] == "__init__":
                parts.pop()
            found.append(".".join(["sec8k", *parts]))
    return sorted(found)
