"""A table of contents that lists "SIGNATURE" does not end the report."""

from __future__ import annotations

import pytest

import sec8k
from sec8k.model import Contents
from tests.conftest import CORPUS, requires_corpus


@pytest.mark.corpus
@requires_corpus
def test_items_after_a_contents_signature_line_keep_their_text() -> None:
    # Nuance 2008: the contents list Items 1.01, 2.01, 9.01 and "SIGNATURE"; the report
    # follows. The SIGNATURE entry used to open a signature block whose trailing text
    # swallowed the whole report.
    filing = sec8k.parse(CORPUS / "files" / "0000950135-08-006311_b72447nce8vk.htm")
    assert isinstance(filing.sections[0], Contents)
    assert [i.number for i in filing.items] == ["1.01", "2.01", "9.01"]
    assert all(item.text for item in filing.items)
    assert {d.code for d in sec8k.check(filing)}.isdisjoint({"ITM006", "SIG002"})
