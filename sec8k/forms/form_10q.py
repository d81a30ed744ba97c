"""Form 10-Q, the quarterly report (and 10-QSB, 10-QT and their amendments)."""

from __future__ import annotations

from sec8k.forms.periodic import PeriodicDocument, PeriodicForm

__all__ = ["Form10Q", "Form10QDocument"]


class Form10QDocument(PeriodicDocument):
    """The document rule of ``form_10q.lark``."""

    exhibit_items = ("6",)  # Part II, Item 6


class Form10Q(PeriodicForm):
    """Form 10-Q: the quarterly report (Part I Items 1-4, Part II Items 1-6)."""

    name = "10-Q"
    document_types = (
        "10-Q",
        "10-Q/A",
        "10-QT",
        "10-QT/A",
        "10-QSB",
        "10-QSB/A",
        "10QSB",
        "10QSB/A",
    )
    titles = (r"10-?Q(?:SB|T)?(?:[ \t]*/[ \t]*A)?",)
    mastheads = (r"QUARTERLY[ \t]+REPORT[ \t]+PURSUANT[ \t]+TO[ \t]+SECTION[ \t]+13",)
    grammar_file = "form_10q.lark"
    document = Form10QDocument
