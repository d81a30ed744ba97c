"""A third-party form module, loaded through the ``sec8k.forms`` entry point in a test.

Its grammar (``items_only.lark``, beside this file) reads nothing but items, so a cover
page is text it cannot place: the parse sets it aside with PRS001 and reads on.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from sec8k.forms import Form
from sec8k.transform.base import PartTransformer
from sec8k.transform.exhibits import ExhibitsTransformer
from sec8k.transform.items import ItemsTransformer


class ItemsOnly(Form):
    """A test form: items and nothing else."""

    name = "ITEMS-ONLY"
    document_types = ("ITEMS-ONLY",)
    grammar_file = str(Path(__file__).with_name("items_only.lark"))
    parts: ClassVar[tuple[type[PartTransformer], ...]] = (ItemsTransformer, ExhibitsTransformer)
