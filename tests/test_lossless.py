"""Nothing is lost: every non-blank character of the document lies in some node's span.

The nodes that own text are the cover page's parts, the sections after it (items, omitted
item lines, signature blocks, exhibit indexes, attached exhibits, unrecognized text), the
unrecognized text inside the cover and the signature blocks, and the noise set aside
before parsing (page markers, page numbers, SGML tags, the <DOCUMENT> wrapper).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sec8k
from sec8k.model import Filing
from tests.conftest import case_input, corpus_files, filing_cases, requires_corpus

CASES = filing_cases()
TEXT_BODY = re.compile(r"<html|<body|<p[\s>]|<div|<font|<br\b|<td\b", re.I)


def uncovered(filing: Filing) -> list[tuple[int, str]]:
    """Non-blank characters of the document that no text node's span covers."""
    text = filing.source.text
    covered = bytearray(len(text))
    for node in filing.text_nodes():
        covered[node.span.start : node.span.end] = b"\x01" * (node.span.end - node.span.start)
    missing = []
    for i in range(filing.span.start, filing.span.end):
        if not covered[i] and not text[i].isspace():
            missing.append((i, text[i]))
    return missing


def _show(filing: Filing, missing: list[tuple[int, str]]) -> str:
    first = missing[0][0]
    sample = filing.source.text[first : first + 60]
    return f"{len(missing)} characters uncovered, first at {first}: {sample!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_curated_filings_lose_nothing(case: Path) -> None:
    filing = sec8k.parse(case_input(case))
    missing = uncovered(filing)
    assert not missing, _show(filing, missing)


def _text_corpus() -> list[Path]:
    chosen = []
    for path in corpus_files():
        head = path.read_bytes()[:200_000].decode("utf-8", "replace")
        body = head.split("<TEXT>", 1)[1] if "<TEXT>" in head else head
        if not TEXT_BODY.search(body[:20_000]):
            chosen.append(path)
    return chosen


@pytest.mark.corpus
@requires_corpus
def test_every_text_filing_of_the_corpus_loses_nothing() -> None:
    failures = {}
    files = _text_corpus()
    assert files, "no text filings found in the corpus"
    for path in files:
        filing = sec8k.parse(path)
        missing = uncovered(filing)
        if missing:
            failures[path.name] = _show(filing, missing)
    assert not failures, failures
