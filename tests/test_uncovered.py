"""Filing.uncovered(): what it counts as text, and that every real filing loses nothing.

The unit cases take nodes away from a parsed filing (``dataclasses.replace``) and check
that exactly their text comes back as uncovered: markup, hidden HTML, blanks and the
submission's header lie outside what is counted. Then every curated filing, and every
filing of the shared corpus when it is present, must have nothing uncovered.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import sec8k
from sec8k.model import Filing
from sec8k.span import Span
from tests.conftest import case_input, corpus_files, filing_cases, requires_corpus

TEXT = """\
                       SECURITIES AND EXCHANGE COMMISSION
                             WASHINGTON, D.C. 20549

                                    FORM 8-K

                                 CURRENT REPORT

Date of Report (Date of earliest event reported): March 3, 2003

                              ACME WIDGETS, INC.
             (Exact name of registrant as specified in its charter)

ITEM 5.  OTHER EVENTS.

     On March 3, 2003 the company moved.

                                   SIGNATURES

     Pursuant to the requirements of the Securities Exchange Act of 1934, the
registrant has duly caused this report to be signed on its behalf by the
undersigned hereunto duly authorized.

                                        ACME WIDGETS, INC.

                                        By: /s/ Jane Doe
                                            Jane Doe, President
"""

HTML = (
    "<html><head><title>8-K</title><style>p {margin: 0}</style></head><body>"
    '<div style="display:none">HIDDEN WORDS</div>'
    "<p>FORM 8-K</p><p>CURRENT REPORT</p>"
    "<p>Item 8.01 <b>Other</b> Events</p>"
    "<p>Smith &amp; Jones bought the <i>widgets</i>.</p>"
    "</body></html>"
)


def bare(filing: Filing) -> Filing:
    """The filing with no node that owns text inside the document."""
    return replace(filing, cover=None, sections=(), unrecognized=(), noise=())


def texts(filing: Filing, spans: tuple[Span, ...]) -> list[str]:
    return [filing.source.text[s.start : s.end] for s in spans]


def test_a_parsed_text_filing_loses_nothing() -> None:
    assert sec8k.parse(TEXT).uncovered() == ()


def test_a_dropped_item_comes_back_whole() -> None:
    filing = sec8k.parse(TEXT)
    (item,) = filing.items
    without = replace(filing, sections=tuple(s for s in filing.sections if s is not item))
    assert texts(without, without.uncovered()) == [
        "ITEM 5.  OTHER EVENTS.\n\n     On March 3, 2003 the company moved."
    ]


def test_plain_text_counts_every_non_blank_character() -> None:
    filing = bare(sec8k.parse("  \x0c one\t\x00two \u200b\n\n three \xa0 \n"))
    assert texts(filing, filing.uncovered()) == ["one\t\x00two \u200b\n\n three"]


def test_blank_characters_alone_are_no_text() -> None:
    filing = bare(sec8k.parse(" \t\x01\x1f\x7f\x85\u200b\u200d\ufeff\xa0\u3000\n"))
    assert filing.uncovered() == ()


def test_a_parsed_html_filing_loses_nothing() -> None:
    assert sec8k.parse(HTML).uncovered() == ()


def test_html_counts_visible_text_only() -> None:
    filing = bare(sec8k.parse(HTML))
    (run,) = texts(filing, filing.uncovered())
    assert run.startswith("FORM 8-K</p>")
    assert run.endswith("bought the <i>widgets</i>.")
    assert "HIDDEN" not in run


def test_an_entity_counts_whole() -> None:
    filing = bare(sec8k.parse("<html><body><p>A</p><p>&amp;</p></body></html>"))
    filing = replace(filing, noise=())
    assert texts(filing, filing.uncovered()) == ["A</p><p>&amp;"]


def test_a_node_splits_the_runs() -> None:
    filing = bare(sec8k.parse(TEXT))
    (item,) = sec8k.parse(TEXT).items
    filing = replace(filing, sections=(item,))
    before, after = filing.uncovered()
    assert before.end <= item.span.start and item.span.end <= after.start
    assert texts(filing, (before,))[0].endswith(
        "(Exact name of registrant as specified in its charter)"
    )
    assert texts(filing, (after,))[0].startswith("SIGNATURES")


SUBMISSION = """\
<SEC-DOCUMENT>0000000000-03-000001.txt : 20030303
<SEC-HEADER>0000000000-03-000001.hdr.sgml : 20030303
ACCESSION NUMBER:\t\t0000000000-03-000001
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t2
FILED AS OF DATE:\t\t20030303
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
{body}</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<TEXT>
Press release words.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_a_submission_counts_its_parsed_document_only() -> None:
    filing = sec8k.parse(SUBMISSION.format(body=TEXT))
    assert filing.header is not None and len(filing.documents) == 2
    assert filing.uncovered() == ()
    lost = bare(filing).uncovered()
    assert lost and all(filing.span.contains(span) for span in lost)
    assert "Press release" not in "".join(texts(filing, lost))


CASES = filing_cases()


def _show(filing: Filing) -> str:
    lost = filing.uncovered()
    sample = [filing.source.text[s.start : s.end][:80] for s in lost[:5]]
    return f"{len(lost)} uncovered runs, first at {lost[0].start if lost else None}: {sample}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_curated_filing_has_nothing_uncovered(case: Path) -> None:
    filing = sec8k.parse(case_input(case))
    assert filing.uncovered() == (), _show(filing)


# Corpus files with uncovered text, and why (strict: a fix must remove the entry).
CORPUS_XFAIL: dict[str, str] = {}


def _corpus_params() -> list[object]:
    return [
        pytest.param(
            path,
            id=path.name,
            marks=[pytest.mark.xfail(strict=True, reason=CORPUS_XFAIL[path.name])]
            if path.name in CORPUS_XFAIL
            else [],
        )
        for path in corpus_files()
    ]


@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize("path", _corpus_params())
def test_corpus_filing_has_nothing_uncovered(path: Path) -> None:
    filing = sec8k.parse(path)
    assert filing.uncovered() == (), _show(filing)
