"""Form 10-Q, the quarterly report (and 10-QSB, 10-QT and their amendments)."""

from __future__ import annotations

from dataclasses import replace

from sec8k.forms.periodic import PeriodicDocument, PeriodicForm
from sec8k.model import Item, PartHeading, Section

__all__ = ["Form10Q", "Form10QDocument"]


class Form10QDocument(PeriodicDocument):
    """The document rule of ``form_10q.lark``."""

    exhibit_items = ("6",)  # Part II, Item 6

    def finish(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The items before a first part heading that is "PART II" are Part I's.

        The report's financial information (Items 1-4) comes first; some print no "PART
        I" over it.
        """
        headings = [s.number for s in sections if isinstance(s, PartHeading)]
        finished = super().finish(sections)
        if not headings or headings[0] != "II":
            return finished
        return tuple(
            replace(s, part="I") if isinstance(s, Item) and s.part is None else s for s in finished
        )


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
