"""Form 8-A for sec8k: a form added from outside sec8k, through the ``sec8k.forms`` entry point.

Form 8-A registers a class of securities under Section 12(b) (a listing on an exchange) or
Section 12(g) of the Securities Exchange Act of 1934. EDGAR files it as ``8-A12B`` or
``8-A12G`` (and ``/A`` for an amendment). Installed, this package registers the form
``8-A``: ``sec8k.parse(path)`` then reads a submission of those types with the grammar
``form_8a.lark`` next to this module, and builds a :class:`Cover8A`.

    >>> import pathlib, sec8k
    >>> filing = sec8k.parse(pathlib.Path("tests/filings/0001193125-19-292825.txt"))
    >>> filing.form, filing.document_type, filing.cover.section_12b
    ('8-A', '8-A12B', True)
    >>> filing.cover.securities_act_file_number, [i.number for i in filing.items]
    ('333-228159', ['1', '2'])

Nothing here changes sec8k: the grammar imports the shipped parts as ``sec8k.document``
and extends their vocabulary; the transformers of those parts are sec8k's own, and
:class:`Form8ADocument` (the grammar's own rules) builds the cover and the one section
the 8-A adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from lark.tree import Meta
from lark.visitors import v_args
from sec8k.forms import DOCUMENT_PARTS, Form
from sec8k.model import CoverPage, ReportText, box_answer
from sec8k.transform import DocumentTransformer
from sec8k.transform.base import PartTransformer, extent
from sec8k.transform.cover import CoverLayout
from sec8k.transform.values import is_not_applicable
from sec8k.validate import Rule
from sec8k.validate.cover import (
    MalformedIrsNumber,
    MissingIrsNumber,
    MissingJurisdiction,
    MissingRegistrantName,
)
from sec8k.validate.signature import SIGNATURE_RULES

__all__ = ["GRAMMAR", "Cover8A", "Form8A", "Form8ADocument"]

__version__ = "0.1.0"

GRAMMAR = Path(__file__).resolve().parent / "form_8a.lark"
"""The form's grammar file, shipped inside this package."""

# A Securities Act file number: "333-47495", "2-12345", "024-10001" (Regulation A). The
# value cell may carry more on its row ("333-12345 (if applicable)").
_FILE_NUMBER = re.compile(r"\b\d{1,3}-\d{2,6}(?:-\d{1,4})?\b")


@dataclass(frozen=True, slots=True)
class Cover8A(CoverPage):
    """The cover page of Form 8-A: what it adds to the cover every form shares."""

    section_12b: bool | None = None
    """The box "If this form relates to the registration of a class of securities pursuant
    to Section 12(b) of the Exchange Act ... please check the following box" (General
    Instruction A.(c)): whether it is checked, None where the cover prints no such box."""
    section_12g: bool | None = None
    """The same box for Section 12(g) (General Instruction A.(d))."""
    regulation_a: bool | None = None
    """The box for a registration "concurrently with a Regulation A offering" (2015 on)."""
    securities_act_file_number: str | None = None
    """The "Securities Act registration statement file number to which this form relates"
    ("333-228159"), None where the cover leaves it blank or prints none."""
    securities_12g: tuple[str, ...] | None = None
    """The classes "to be registered pursuant to Section 12(g) of the Act" (empty for
    "None"), or None where the cover has no such line."""


class Form8ADocument(DocumentTransformer):
    """The rules of ``form_8a.lark`` itself: the document, its cover, its heading."""

    exhibit_items = ("2",)
    """Item 2 (Exhibits) lists the exhibits."""

    terminal_names: ClassVar[dict[str, str]] = {
        "INFORMATION_REQUIRED": "the heading 'INFORMATION REQUIRED IN REGISTRATION STATEMENT'",
        "QUESTION_SECTION_12B": "the Section 12(b) check box sentence ('If this form relates ...')",
        "QUESTION_SECTION_12G": "the Section 12(g) check box sentence ('If this form relates ...')",
        "QUESTION_REGULATION_A": "the Regulation A check box sentence",
        "LABEL_SECURITIES_ACT_FILE_NUMBER": "'Securities Act registration statement number ...'",
        "CAPTION_SECURITIES_ACT_FILE_NUMBER": "the caption '(if applicable)'",
        "COLUMN_TO_BE_REGISTERED": "a column heading 'to be so registered'",
    }
    """This grammar's own terminals in plain English, for "expected ..." hints."""

    def cover(self, layout: CoverLayout) -> Cover8A:
        """The 8-A's cover: the shared values, its three boxes and its two numbers."""
        return Cover8A(**{**self.cover_values(layout), **cover_8a_values(layout)})

    @v_args(meta=True)
    def information_required(self, meta: Meta, children: list[Any]) -> ReportText:
        """The heading "INFORMATION REQUIRED IN REGISTRATION STATEMENT" and the text under it."""
        text, start, end = extent(self.ctx, meta)
        return ReportText(text, self.ctx.span(start, end))


def cover_8a_values(layout: CoverLayout) -> dict[str, Any]:
    """The attributes :class:`Cover8A` adds, from what the cover's rows hold."""
    found = layout.first("securities_act_file_number")
    number = _FILE_NUMBER.search(found[0].text) if found else None
    classes_12g = None
    found_12g = layout.first("securities_12g")
    if found_12g is not None:
        lines = [line for line in found_12g[0].lines() if line]
        classes_12g = () if all(is_not_applicable(line) for line in lines) else tuple(lines)
    return {
        "section_12b": box_answer(layout.boxes, "section_12b"),
        "section_12g": box_answer(layout.boxes, "section_12g"),
        "regulation_a": box_answer(layout.boxes, "regulation_a"),
        "securities_act_file_number": number.group() if number else None,
        "securities_12g": classes_12g,
    }


class Form8A(Form):
    """Form 8-A: registration of a class of securities under Exchange Act Section 12(b) or (g)."""

    name = "8-A"
    document_types = ("8-A12B", "8-A12G", "8-A12B/A", "8-A12G/A")
    titles = (r"8-A(?:[ \t]*12[ \t]*[BG])?(?:[ \t]*/[ \t]*A)?",)
    mastheads = (
        r"FOR[ \t]+REGISTRATION[ \t]+OF[ \t]+CERTAIN[ \t]+CLASSES[ \t]+OF[ \t]+SECURITIES",
    )
    grammar_file = str(GRAMMAR)
    document = Form8ADocument
    cover = Cover8A
    parts: ClassVar[tuple[type[PartTransformer], ...]] = DOCUMENT_PARTS  # sec8k's own
    rules: ClassVar[tuple[type[Rule], ...]] = (
        MissingRegistrantName,
        MissingJurisdiction,
        MissingIrsNumber,
        MalformedIrsNumber,
        *SIGNATURE_RULES,
    )
