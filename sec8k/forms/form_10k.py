"""Form 10-K, the annual report (and 10-K405, 10-KSB, 10-KT and their amendments)."""

from __future__ import annotations

from dataclasses import replace

from sec8k.forms.periodic import PeriodicDocument, PeriodicForm
from sec8k.model import Item, Section

__all__ = ["PARTS", "Form10K", "Form10KDocument"]

PARTS = {
    **dict.fromkeys(("1", "1A", "1B", "1C", "2", "3", "4"), "I"),
    **dict.fromkeys(("5", "6", "7", "7A", "8", "9", "9A", "9B", "9C"), "II"),
    **dict.fromkeys(("10", "11", "12", "13", "14"), "III"),
    **dict.fromkeys(("15", "16"), "IV"),
}
"""The part each item of Form 10-K belongs to (General Instruction G; Regulation S-K)."""


class Form10KDocument(PeriodicDocument):
    """The document rule of ``form_10k.lark``."""

    # Item 15 lists the exhibits (Item 14 before the 2003 renumbering).
    exhibit_items = ("15", "14")

    def finish(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """An item no part heading precedes is in the part the form puts it in.

        So is an item the form puts in a later part than the last heading printed: that
        part's heading was left out (Items 10-14 under "PART II", no "PART III" printed).
        """
        out: list[Section] = []
        for section in super().finish(sections):
            if isinstance(section, Item):
                form_part = PARTS.get(section.number)
                if section.part is None or (
                    form_part is not None
                    and section.part in _ORDER
                    and _ORDER[form_part] > _ORDER[section.part]
                ):
                    section = replace(section, part=form_part)
            out.append(section)
        return tuple(out)


_ORDER = {"I": 1, "II": 2, "III": 3, "IV": 4}


class Form10K(PeriodicForm):
    """Form 10-K: the annual report (Parts I-IV, Items 1-16)."""

    name = "10-K"
    document_types = (
        "10-K",
        "10-K/A",
        "10-K405",
        "10-K405/A",
        "10-KT",
        "10-KT/A",
        "10-KSB",
        "10-KSB/A",
        "10-KSB40",
        "10-KSB40/A",
        "10KSB",
        "10KSB/A",
        "10KSB40",
        "10-KT405",
    )
    titles = (r"10-?K(?:405|SB40|SB|T405|T)?(?:[ \t]*/[ \t]*A)?",)
    mastheads = (r"ANNUAL[ \t]+REPORT[ \t]+PURSUANT[ \t]+TO[ \t]+SECTION[ \t]+13",)
    grammar_file = "form_10k.lark"
    document = Form10KDocument
