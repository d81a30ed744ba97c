"""Golden model JSON for the curated real filings (tests/filings/*), hash-guarded."""

from __future__ import annotations

from pathlib import Path

import pytest

import sec8k
from tests.conftest import Golden, case_input, filing_cases

CASES = filing_cases()


@pytest.mark.golden
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_model_matches_golden(case: Path, golden: Golden) -> None:
    source = case_input(case).read_bytes()
    model = sec8k.parse(source).to_dict()
    golden.check_json(case / "model.json", source, model)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_parses_without_errors_and_twice_the_same(case: Path) -> None:
    source = case_input(case).read_bytes()
    first = sec8k.parse(source)
    assert not first.errors, [d.to_dict() for d in first.errors]
    assert sec8k.parse(source).to_dict() == first.to_dict()


def test_at_least_fifteen_text_era_goldens() -> None:
    years = set()
    for case in CASES:
        head = case_input(case).read_text(errors="replace")[:4000]
        for year in range(1993, 2005):
            if f", {year}" in head or f",{year}" in head:
                years.add(year)
    assert len([c for c in CASES if (c / "model.json").exists()]) >= 15
    assert {1994, 1995, 1996, 1998, 1999, 2000, 2001, 2002, 2003, 2004} <= years
