"""Tables of contents that list more than item headings: "SIGNATURE", exhibit lines."""

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


@pytest.mark.corpus
@requires_corpus
def test_contents_that_list_exhibits_by_document_type() -> None:
    # Nuance 2008: "ITEM 8.01 Other Events / ITEM 9.01 ... / Ex-5.1 Opinion of ..." before
    # the report. The exhibit line under the 9.01 entry made it look like an item with a
    # body, so the contents were read as two items and the report's items came twice.
    filing = sec8k.parse(CORPUS / "files" / "0000950135-08-003871_b702008ke8vk.htm")
    contents = filing.sections[0]
    assert isinstance(contents, Contents)
    assert contents.entries[-1] == "Ex-5.1 Opinion of Garrison R. Smith, Esq."
    assert [i.number for i in filing.items] == ["8.01", "9.01"]
