"""Forms: each form sec8k reads is one class here, and a registry finds them.

A :class:`Form` is everything sec8k knows about one form, and nothing outside the form's
own module and grammar file names it: the EDGAR document types it covers, the titles that
name it on a masthead (to detect it in a bare document), its grammar file (which imports
the shared parts of ``grammar/`` and extends their vocabulary), the transformers of its
grammar's rules, the class of its cover page, and its rules.

Subclasses register themselves by ``name``. The built-in forms are imported at the end of
this module; other packages add theirs through the ``sec8k.forms`` entry-point group
(an entry point names a module that defines a :class:`Form` subclass, or the class).
:func:`get_form` finds a form by name or document type, :func:`form_for_type` by an
envelope's ``<TYPE>``, :func:`detect_form` by the title on a masthead.
"""

from __future__ import annotations

import datetime
import functools
import re
import warnings
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

from lark import Lark, Token, Transformer

from sec8k.errors import GrammarError, UnknownFormError
from sec8k.grammar import get_parser, grammar_dir
from sec8k.model import CoverPage
from sec8k.transform import DocumentTransformer
from sec8k.transform.amendment import AmendmentTransformer
from sec8k.transform.base import Context, PartTransformer
from sec8k.transform.cover import CoverTransformer
from sec8k.transform.exhibits import ExhibitsTransformer
from sec8k.transform.items import ItemsTransformer
from sec8k.transform.note import NoteTransformer
from sec8k.transform.signature import SignatureTransformer
from sec8k.validate import Rule

__all__ = [
    "DOCUMENT_PARTS",
    "FORMS",
    "Form",
    "default_form",
    "detect_form",
    "form_for_type",
    "forms",
    "get_form",
    "title_pattern",
]


FORMS: dict[str, type[Form]] = {}
"""Every registered form, by name."""

DOCUMENT_PARTS: tuple[type[PartTransformer], ...] = (
    CoverTransformer,
    ItemsTransformer,
    SignatureTransformer,
    ExhibitsTransformer,
    AmendmentTransformer,
    NoteTransformer,
)
"""The transformers of the parts ``grammar/document.lark`` assembles. A form whose grammar
imports its sections from there names these as its :attr:`Form.parts`, and adds its own."""


class Form:
    """One form: its document types, titles, grammar, transformers, cover and rules.

    Subclass it and set the class attributes; the subclass registers itself under
    :attr:`name`. Extend a form by subclassing it and spreading its tables, as in
    ``parts = (*Form8K.parts, AmendmentTransformer)``.
    """

    name: ClassVar[str] = ""
    """The form's name, e.g. "10-Q"."""
    document_types: ClassVar[tuple[str, ...]] = ()
    """The EDGAR ``<TYPE>`` values it reads ("10-Q", "10-Q/A", "10-QSB", ...)."""
    titles: ClassVar[tuple[str, ...]] = ()
    """Regular expressions for what follows "FORM" in its title line ("10-Q(?:/A)?")."""
    mastheads: ClassVar[tuple[str, ...]] = ()
    """Regular expressions for other masthead lines that name it ("QUARTERLY REPORT
    PURSUANT TO SECTION 13"), matched at the start of a line."""
    grammar_file: ClassVar[str] = ""
    """Its grammar: a file name in sec8k's ``grammar/`` folder, or an absolute path (a
    plug-in's own file). The grammar's start rule is ``start``."""
    document: ClassVar[type[DocumentTransformer]] = DocumentTransformer
    """The transformer of the grammar's own rules; its ``start`` builds the document."""
    parts: ClassVar[tuple[type[PartTransformer], ...]] = ()
    """Transformers of the shared parts the grammar imports (cover, items, ...)."""
    cover: ClassVar[type[CoverPage]] = CoverPage
    """The class of its cover page: :class:`~sec8k.model.CoverPage` or a subclass."""
    rules: ClassVar[tuple[type[Rule], ...]] = ()
    """Shared rules it opts into; rules of its own name it in :attr:`Rule.forms`."""
    default: ClassVar[bool] = False
    """Whether this is the form assumed when nothing names one (one form is)."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            FORMS[cls.name] = cls

    @classmethod
    def header_item(cls, text: str, filed: datetime.date | None) -> str | None:
        """The item number an ITEM INFORMATION line of the SEC header means.

        None where the form's header lists no items, or not this one.
        """
        return None

    @classmethod
    def terminal_names(cls) -> dict[str, str]:
        """The plain-English names of the terminals of the form's grammar."""
        names: dict[str, str] = {}
        for part in (cls.document, *cls.parts):
            names.update(part.terminal_names)
        return names

    @classmethod
    def summary(cls) -> str:
        """The first line of the form's docstring."""
        return (cls.__doc__ or cls.name).strip().splitlines()[0]

    @classmethod
    def package(cls) -> str:
        """The top-level package that defines the form ("sec8k" for the built-in ones)."""
        return cls.__module__.split(".", 1)[0]

    @classmethod
    def grammar_path(cls) -> Path:
        """The form's grammar file."""
        return grammar_dir() / cls.grammar_file

    @classmethod
    def parser(cls) -> Lark:
        """The cached LALR parser of the form's grammar."""
        # Per class, so that a parse does not make the grammar's path again to find it.
        found = _PARSERS.get(cls)
        if found is None:
            found = _PARSERS[cls] = get_parser(str(cls.grammar_path()))
        return found

    @classmethod
    def transformer(cls, ctx: Context) -> Transformer[Token, Any]:
        """The merged transformer for one parse.

        Every rule and terminal of the parser is handed to the transformer method of the
        same name without its namespace (``cover__caption_row`` -> ``caption_row``), so
        a part's transformer serves its rules however the grammar imported them.
        """
        merged, routes = cls.transformer_routes(ctx)
        for qualified, (owner, method) in routes.items():
            setattr(merged, qualified, getattr(owner, method))
        return merged

    @classmethod
    def transformer_routes(
        cls, ctx: Context
    ) -> tuple[Transformer[Token, Any], dict[str, tuple[object, str]]]:
        """The form's own transformer for one parse, and where each namespaced name goes.

        The routes are what :meth:`transformer` sets on the transformer: each name to
        the transformer (its own method by its plain name) or a part's, and which method.
        :func:`sec8k.transform.transform` looks up only the names a tree holds.
        """
        merged = cls.document(ctx)
        instances = [part(ctx) for part in cls.parts]
        routes: dict[str, tuple[object, str]] = {
            qualified: (merged if index < 0 else instances[index], method)
            for qualified, index, method in _dispatch(cls)
        }
        # Lark looks each token's terminal up as a method (a failed getattr per token,
        # 5% of the transform): only where a terminal has one.
        merged.__visit_tokens__ = _reads_terminals(cls)
        return merged, routes


_DISPATCH: dict[str, tuple[tuple[str, int, str], ...]] = {}


def _dispatch(form: type[Form]) -> tuple[tuple[str, int, str], ...]:
    """Which transformer serves each namespaced name: (name, part index or -1, method)."""
    key = f"{form.__module__}.{form.__qualname__}"
    if key not in _DISPATCH:
        _DISPATCH[key] = _dispatch_table(form)
    return _DISPATCH[key]


_READS_TERMINALS: dict[str, bool] = {}


def _reads_terminals(form: type[Form]) -> bool:
    """Whether a transformer of the form has a method for one of its parser's terminals."""
    key = f"{form.__module__}.{form.__qualname__}"
    if key not in _READS_TERMINALS:
        methods = {t.name.rpartition("__")[2] for t in form.parser().terminals}
        _READS_TERMINALS[key] = any(
            _serves(owner, method)
            for method in methods
            if not method.startswith("_")
            for owner in (form.document, *form.parts)
        )
    return _READS_TERMINALS[key]


def _dispatch_table(form: type[Form]) -> tuple[tuple[str, int, str], ...]:
    parser = form.parser()
    names = {str(rule.origin.name) for rule in parser.rules}
    names.update(terminal.name for terminal in parser.terminals)
    found: list[tuple[str, int, str]] = []
    for qualified in sorted(names):
        method = qualified.rpartition("__")[2]
        if method.startswith("_"):
            continue  # inlined: no tree node of its own
        owners = [i for i, part in enumerate(form.parts) if _serves(part, method)]
        if _serves(form.document, method):
            owners.insert(0, -1)
        if len(owners) > 1:
            classes = ", ".join(
                (form.document if i < 0 else form.parts[i]).__name__ for i in owners
            )
            raise GrammarError(f"{form.__name__}: {classes} all transform {method!r}")
        if owners and not (owners[0] < 0 and qualified == method):
            found.append((qualified, owners[0], method))
    return tuple(found)


def _serves(part: type[PartTransformer], method: str) -> bool:
    return callable(getattr(part, method, None)) and method not in _TRANSFORMER_API


# Methods every transformer has, which no grammar name may reach.
_TRANSFORMER_API = frozenset(dir(Transformer))


def forms() -> tuple[type[Form], ...]:
    """Every registered form, the built-in ones first."""
    return tuple(FORMS.values())


def default_form() -> type[Form]:
    """The form assumed when neither the envelope nor the masthead names one."""
    return next(form for form in FORMS.values() if form.default)


# Each form's parser, once asked for (Form.parser).
_PARSERS: dict[type[Form], Lark] = {}


def get_form(name: str) -> type[Form]:
    """The form called ``name`` ("10-Q"), or that reads document type ``name`` ("10-Q/A").

    Raises:
        UnknownFormError: no registered form has that name or document type.
    """
    wanted = name.strip().upper()
    for form in FORMS.values():
        if form.name.upper() == wanted:
            return form
    found = form_for_type(wanted)
    if found is None:
        known = ", ".join(FORMS)
        raise UnknownFormError(f"no form {name!r}; the registered forms are {known}")
    return found


def form_for_type(document_type: str | None) -> type[Form] | None:
    """The form that reads documents of EDGAR type ``document_type``, or None."""
    if not document_type:
        return None
    wanted = document_type.strip().upper()
    return next((f for f in FORMS.values() if wanted in f.document_types), None)


@functools.cache
def _masthead_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the title lines of the forms ``names``, a named group per form."""
    groups = []
    for index, name in enumerate(names):
        form = FORMS[name]
        titles = "|".join(form.titles)
        alternatives = [rf"(?i:form)[ \t]+(?:{titles})(?![\w/-])"] if titles else []
        alternatives.extend(form.mastheads)
        if alternatives:
            groups.append(f"(?P<f{index}>{'|'.join(alternatives)})")
    # A title may follow a check box ("[X] ANNUAL REPORT PURSUANT TO ...").
    return re.compile(
        r"^[ \t]*(?:\[[ xX]?\][ \t]*)?(?:" + "|".join(groups) + ")", re.MULTILINE | re.IGNORECASE
    )


def detect_form(text: str, *, limit: int = 20_000) -> tuple[type[Form], int] | None:
    """The form whose title comes first on a line of ``text``, and where.

    Only the first ``limit`` characters are searched; None when no form's title is there.
    """
    names = tuple(FORMS)
    match = _masthead_pattern(names).search(text, 0, limit)
    if match is None or match.lastgroup is None:
        return None
    return FORMS[names[int(match.lastgroup[1:])]], match.start()


@functools.cache
def _title_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    titles = "|".join(t for name in names for t in FORMS[name].titles)
    if not titles:
        return None
    # In text or HTML: "FORM 8-K", "FORM&#160;10-Q", "Form</b> <b>6-K".
    return re.compile(rf"(?i)\bform(?:\s|&nbsp;|&#160;|<[^>]*>)*(?:{titles})(?![\w/-])")


def title_pattern(form: type[Form] | None = None) -> re.Pattern[str] | None:
    """The title of ``form`` (or of any form) as printed in text or HTML."""
    return _title_pattern((form.name,) if form else tuple(FORMS))


def _load_plugins() -> Iterator[str]:
    """Import the forms listed under the ``sec8k.forms`` entry-point group.

    A plug-in that fails to import is skipped with a one-line warning, so a broken
    third-party package cannot stop sec8k from parsing. Yields the names loaded.
    """
    for entry in metadata.entry_points(group="sec8k.forms"):
        try:
            entry.load()
        except Exception as exc:  # any failure of foreign code
            warnings.warn(
                f"sec8k: form plugin {entry.name!r} ({entry.value}) failed to load: {exc}",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        yield entry.name


# The built-in forms register themselves when imported; then the plug-ins.
from sec8k.forms import form_6k, form_8k, form_10k, form_10q  # noqa: E402, F401

PLUGINS = tuple(_load_plugins())
"""Names of the entry points whose forms were loaded."""
