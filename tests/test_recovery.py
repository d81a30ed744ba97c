"""Recovery: damaged filings still give their tree, lose nothing, and keep what came first.

Each filing is damaged in five seeded ways at a random line: cut off there, lines deleted,
a window of lines shuffled, lines of another filing pasted in, a line of junk inserted.
For every case, ``sec8k.parse`` returns a Filing without raising; every item whose heading
ends before the damage is still found, with the same number at the same offset; and every
non-blank character of the damaged text still lies in some node's span.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import sec8k
from sec8k.span import SourceMap, Span
from tests.conftest import FILINGS, case_input, corpus_files, filing_cases, requires_corpus
from tests.test_lossless import uncovered

SEED = 20261125
JUNK = "<>/&;#[]()|_-=*xX0123456789 \t"


@dataclass(frozen=True)
class Damage:
    kind: str
    line: int
    text: str


def damaged(lines: list[str], donors: list[Path], rng: random.Random) -> list[Damage]:
    """The five damaged versions of one filing."""
    cases = []
    for kind in ("truncate", "delete", "shuffle", "insert", "junk"):
        k = rng.randrange(len(lines))
        if kind == "truncate":
            new = lines[:k]
        elif kind == "delete":
            new = lines[:k] + lines[k + rng.randint(1, 20) :]
        elif kind == "shuffle":
            window = lines[k : k + 30]
            rng.shuffle(window)
            new = lines[:k] + window + lines[k + 30 :]
        elif kind == "insert":
            other = rng.choice(donors).read_text(encoding="utf-8", errors="replace")
            donor = other.splitlines(keepends=True)
            j = rng.randrange(len(donor))
            new = lines[:k] + donor[j : j + rng.randint(1, 40)] + lines[k:]
        else:
            junk = "".join(rng.choice(JUNK) for _ in range(rng.randint(1, 300)))
            new = [*lines[:k], junk + "\n", *lines[k:]]
        cases.append(Damage(kind, k, "".join(new)))
    return cases


def failures(paths: list[Path], rng: random.Random) -> list[str]:
    """Every broken promise over the damaged versions of ``paths``."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines(keepends=True)
        original = sec8k.parse(text)
        for damage in damaged(lines, paths, rng):
            where = f"{path.name} {damage.kind} at line {damage.line + 1}"
            offset = sum(len(line) for line in lines[: damage.line])
            try:
                filing = sec8k.parse(damage.text)
            except Exception as exc:  # the promise under test: never raise
                found.append(f"{where}: raised {exc!r}")
                continue
            before = {
                (i.number, i.heading_span.start)
                for i in original.items
                if i.heading_span.end <= offset
            }
            lost = before - {(i.number, i.heading_span.start) for i in filing.items}
            if lost:
                found.append(f"{where}: lost items {sorted(lost)}")
            missing = uncovered(filing)
            if missing:
                found.append(f"{where}: {len(missing)} characters in no node")
    return found


def _check(paths: list[Path], damage: Callable[[], random.Random]) -> None:
    found = failures(paths, damage())
    assert not found, "\n".join(found[:20])


def test_curated_filings_survive_damage() -> None:
    paths = [case_input(case) for case in filing_cases()]
    assert len(paths) >= 50
    _check(paths, lambda: random.Random(SEED))


@pytest.mark.corpus
@requires_corpus
def test_200_corpus_filings_survive_damage() -> None:
    files = [p for p in corpus_files() if "index-headers" not in p.name]
    rng = random.Random(SEED)
    chosen = rng.sample(files, 200)
    _check(chosen, lambda: rng)


# ---- the fixes the damage found, each on a real filing ----

UNION_CAMP = FILINGS / "0000950117-94-000182" / "0000950117-94-000182.txt"
TYSON = FILINGS / "0000100493-20-000014_tsn2020q18k" / "0000100493-20-000014_tsn2020q18k.htm"


def test_a_stray_closing_tag_resumes_at_the_next_document() -> None:
    text = UNION_CAMP.read_text()
    closing = "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    cut = text.index("SIGNATURE")
    filing = sec8k.parse(text[:cut] + closing + "stray text\n" + text[cut:])
    assert [d.code for d in filing.errors] == ["ENV005"]
    assert filing.header is not None and filing.header.accession_number == "0000950117-94-000182"
    assert [i.number for i in filing.items] == [i.number for i in sec8k.parse(UNION_CAMP).items]
    # Reading resumes at the exhibit's <DOCUMENT>; the stray line is kept as noise.
    assert [d.type for d in filing.documents] == ["8-K", "EX-99"]
    stray = filing.source.text.index("stray text")
    assert any(n.span.start <= stray < n.span.end for n in filing.noise)
    assert not uncovered(filing)


def test_html_pasted_into_a_text_filing_leaves_it_text() -> None:
    text = UNION_CAMP.read_text()
    at = text.index("ITEM 5.")
    pasted = '<div style="font-size:10pt"><font>Not Applicable</font></div>\n'
    filing = sec8k.parse(text[:at] + pasted + text[at:])
    assert [i.number for i in filing.items] == ["5", "7"]


def test_a_document_without_its_text_block_keeps_its_tag_lines() -> None:
    head = TYSON.read_text()
    broken = "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<B>stray markup</B>\n" + head[:200]
    filing = sec8k.parse(broken)
    assert not uncovered(filing)
    assert filing.documents[0].span.end > len("<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n")


def test_source_map_span_of_out_of_order_segments_encloses_them() -> None:
    # Derived "ab" + "cd" where "cd" was copied from before "ab" (a table laid out in
    # columns): the span of the whole derived text holds both pieces.
    source_map = SourceMap([(0, 2, 10, 2), (2, 2, 4, 2)], 4)
    assert source_map.span(0, 4) == Span(4, 12)
    assert source_map.span(0, 2) == Span(10, 12)
