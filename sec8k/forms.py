"""Forms sec8k can read: each a grammar file plus the transformers for its parts.

A new form is a subclass: it names its grammar file (which ``%import``s the shared parts
from ``grammar/``), the document types it reads, and the part transformers, merged under
the namespaces its grammar gives the parts. Subclasses register themselves by ``name``.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from lark import Token, Transformer

from sec8k.envelope import FORM_8K_FAMILY
from sec8k.errors import GrammarError
from sec8k.transform import Form8KTransformer
from sec8k.transform.base import Context, PartTransformer
from sec8k.transform.cover import CoverTransformer
from sec8k.transform.exhibits import ExhibitsTransformer
from sec8k.transform.items import ItemsTransformer
from sec8k.transform.signature import SignatureTransformer

__all__ = ["FORMS", "Form", "Form8K", "form_for"]


FORMS: dict[str, type[Form]] = {}
"""Registered forms by name."""


@functools.cache
def _rule_methods(part_class: type[PartTransformer]) -> tuple[str, ...]:
    """Public methods of a transformer class: its rule and terminal callbacks."""
    return tuple(
        name
        for name in dir(part_class)
        if not name.startswith("_") and name != "transform" and callable(getattr(part_class, name))
    )


class Form:
    """A form: grammar file, document types, transformers."""

    name: ClassVar[str] = ""
    """The form's name, e.g. "8-K"."""
    grammar_file: ClassVar[str] = ""
    """Grammar file in ``grammar/`` whose start rule reads one document of the form."""
    document_types: ClassVar[tuple[str, ...]] = ()
    """EDGAR ``<TYPE>`` values this form reads."""
    base: ClassVar[type[PartTransformer]]
    """Transformer for the form grammar's own rules (its start rule builds the result)."""
    parts: ClassVar[dict[str, type[PartTransformer]]] = {}
    """Transformers for the imported grammar parts, by namespace."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            FORMS[cls.name] = cls

    @classmethod
    def transformer(cls, ctx: Context) -> Transformer[Token, Any]:
        """The merged transformer for one parse.

        Each part's rule methods are attached to the base transformer under the part's
        namespace (``cover__caption_row``), as :func:`lark.visitors.merge_transformers`
        does; the method names are listed once per class, not once per parse.
        """
        merged = cls.base(ctx)
        for prefix, part_class in cls.parts.items():
            part = part_class(ctx)
            for name in _rule_methods(part_class):
                qualified = f"{prefix}__{name}"
                if hasattr(merged, qualified):
                    raise GrammarError(f"two transformers define {qualified}")
                setattr(merged, qualified, getattr(part, name))
        return merged


class Form8K(Form):
    """Form 8-K and the forms that share its layout."""

    name = "8-K"
    grammar_file = "form_8k.lark"
    document_types = FORM_8K_FAMILY
    base = Form8KTransformer
    parts: ClassVar[dict[str, type[PartTransformer]]] = {
        "cover": CoverTransformer,
        "items": ItemsTransformer,
        "signature": SignatureTransformer,
        "exhibits": ExhibitsTransformer,
    }


def form_for(document_type: str | None) -> type[Form]:
    """The form that reads documents of ``document_type`` (Form 8-K when unknown)."""
    if document_type:
        for form in FORMS.values():
            if document_type.upper() in form.document_types:
                return form
    return Form8K
