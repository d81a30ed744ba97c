"""Nothing is lost: every non-blank character of the document lies in some node's span.

For an HTML document the characters are those of its visible text (markup is no text):
every non-blank character the normaliser produced maps to an original offset inside some
node's span.

The nodes that own text are the cover page's parts, the sections after it (items, omitted
item lines, signature blocks, exhibit indexes, attached exhibits, unrecognized text), the
unrecognized text inside the cover and the signature blocks, and the noise set aside
before parsing (page markers, page numbers, SGML tags, the <DOCUMENT> wrapper).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k
from sec8k.model import Filing
from sec8k.pipeline import run
from tests.conftest import case_input, corpus_files, filing_cases, requires_corpus

CASES = filing_cases()


def uncovered(filing: Filing) -> list[tuple[int, str]]:
    """Non-blank characters of the document that no text node's span covers."""
    text = filing.source.text
    covered = bytearray(len(text))
    for node in filing.text_nodes():
        covered[node.span.start : node.span.end] = b"\x01" * (node.span.end - node.span.start)
    state = run(text, until="normalize")
    document = state.document
    if document is not None and document.kind == "html":
        return [
            (i, char)
            for i, char in enumerate(document.text)
            if not char.isspace() and not covered[document.source_map.to_original(i)]
        ]
    missing = []
    for i in range(filing.span.start, filing.span.end):
        if not covered[i] and not text[i].isspace():
            missing.append((i, text[i]))
    return missing


def _show(filing: Filing, missing: list[tuple[int, str]]) -> str:
    first = missing[0][0]
    sample = "".join(char for _, char in missing[:60])
    return f"{len(missing)} characters uncovered, first at {first}: {sample!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_curated_filings_lose_nothing(case: Path) -> None:
    filing = sec8k.parse(case_input(case))
    missing = uncovered(filing)
    assert not missing, _show(filing, missing)


def _corpus_documents() -> list[Path]:
    return [p for p in corpus_files() if "index-headers" not in p.name]


@pytest.mark.corpus
@requires_corpus
def test_every_filing_of_the_corpus_loses_nothing() -> None:
    failures = {}
    files = _corpus_documents()
    assert files, "no filings found in the corpus"
    for path in files:
        filing = sec8k.parse(path)
        missing = uncovered(filing)
        if missing:
            failures[path.name] = _show(filing, missing)
    assert not failures, failures
