"""Rules from other packages, registered through the ``sec8k.rules`` entry-point group."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import sec8k
from sec8k import validate
from sec8k.diagnostics import CODES
from tests.conftest import FILINGS, case_input

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[metadata.EntryPoint]]:
    listed: list[metadata.EntryPoint] = []

    def fake(*, group: str) -> list[metadata.EntryPoint]:
        return listed if group == "sec8k.rules" else []

    monkeypatch.setattr(validate.metadata, "entry_points", fake)
    yield listed
    validate.RULES.pop("ZZZ001", None)
    CODES.pop("ZZZ001", None)
    sys.modules.pop("tests.plugin.demo_rules", None)


def test_a_plugin_rule_runs_with_the_others(entry_points: list[metadata.EntryPoint]) -> None:
    entry_points.append(metadata.EntryPoint("demo", "tests.plugin.demo_rules", "sec8k.rules"))
    validate._load_plugins()
    found = sec8k.check(EXAMPLE, select=("ZZZ",))
    assert [(d.code, d.line) for d in found] == [("ZZZ001", 38)]  # ITEM 9, the first item
    mentions = FILINGS / "0000950170-23-051964_wor-20231004"
    assert sec8k.check(case_input(mentions), select=("ZZZ",)) == []


def test_a_broken_plugin_warns_and_is_skipped(entry_points: list[metadata.EntryPoint]) -> None:
    entry_points.append(metadata.EntryPoint("broken", "tests.plugin.missing", "sec8k.rules"))
    with pytest.warns(RuntimeWarning, match="rule plugin 'broken'"):
        validate._load_plugins()
    assert "ZZZ001" not in validate.RULES
