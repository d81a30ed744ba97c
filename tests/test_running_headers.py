"""The "Table of Contents" link some filer agents print at the top of every HTML page."""

from __future__ import annotations

import re

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


# ---- running footers: the same line closing every page ----

INTERNET_AMERICA = FILINGS / "0000930661-02-003342_d8k"
LEGEND = "Internet America, Inc. - Confidential"


def _with_footers(document: str) -> str:
    """A legend paragraph before each of the document's CSS page breaks and at its end."""
    marked = re.sub(
        r"""(<[a-z]+[^>]*style=["'][^"']*page-break-before[^>]*>)""",
        rf"<p>{LEGEND}</p>\1",
        document,
        flags=re.I,
    )
    return marked.replace("</body>", f"<p>{LEGEND}</p></body>").replace(
        "</BODY>", f"<p>{LEGEND}</p></BODY>"
    )


def test_a_legend_closing_every_page_is_noise_not_text() -> None:
    path = case_input(INTERNET_AMERICA)
    document = path.read_text(encoding="latin-1")
    footed = _with_footers(document)
    assert footed.count(LEGEND) >= 3
    before, after = sec8k.parse(document), sec8k.parse(footed)
    footers = [n for n in after.noise if n.kind == "running-footer"]
    assert [footed[n.span.start : n.span.end] for n in footers] == [LEGEND] * footed.count(LEGEND)
    # Nothing else changes: the phone under the cover's last label, the items, the signer.
    assert after.cover is not None and before.cover is not None
    fields = [
        [(r.name, r.phone, r.zip, r.irs_employer_id) for r in filing.cover.registrants]
        for filing in (before, after)
        if filing.cover is not None
    ]
    assert fields[0] == fields[1] and fields[0][0][1] == "(214) 861-2500"
    assert [(i.number, i.title) for i in after.items] == [(i.number, i.title) for i in before.items]
    assert [s.name for s in after.signatures] == [s.name for s in before.signatures]
    assert all(LEGEND not in u.text for u in after.unrecognized)
    assert after.uncovered() == ()


def test_a_line_closing_one_page_only_stays_text() -> None:
    document = case_input(INTERNET_AMERICA).read_text(encoding="latin-1")
    once = document.replace("</body>", f"<p>{LEGEND}</p></body>", 1).replace(
        "</BODY>", f"<p>{LEGEND}</p></BODY>", 1
    )
    filing = sec8k.parse(once)
    assert not [n for n in filing.noise if n.kind == "running-footer"]
