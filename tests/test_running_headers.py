"""The "Table of Contents" link some filer agents print at the top of every HTML page."""

from __future__ import annotations

import sec8k
from tests.conftest import FILINGS, case_input

NUANCE = FILINGS / "0000950135-08-002486_b69523nce8vk"


def test_the_link_on_each_page_is_noise_not_text() -> None:
    filing = sec8k.parse(case_input(NUANCE))
    text = filing.source.text
    headers = [n for n in filing.noise if n.kind == "running-header"]
    assert headers
    # The link on every page, and the contents' own heading, which also opens a page.
    printed = [text[n.span.start : n.span.end] for n in headers]
    assert printed == ["Table of Contents", "TABLE OF CONTENTS", *["Table of Contents"] * 3]
    assert all("Table of Contents" not in u.text for u in filing.unrecognized)
    assert all("Table of Contents" not in item.text for item in filing.items)
