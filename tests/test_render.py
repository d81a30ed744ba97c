"""Rendering: exact output from a fixed-width, colour-free console."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

import sec8k
from sec8k.render import SEC8K_THEME, to_rich_tree
from tests.conftest import Golden

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
GOLDEN = Path(__file__).resolve().parent / "goldens" / "immunogen-show-80.txt"


def render(node: object, width: int = 80) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, color_system=None, theme=SEC8K_THEME, legacy_windows=False
    )
    console.print(to_rich_tree(node))
    return out.getvalue()


def test_example_tree_matches_golden(golden: Golden) -> None:
    source = EXAMPLE.read_bytes()
    golden.check_text(GOLDEN, source, render(sec8k.parse(source)))


def test_every_line_fits_80_columns() -> None:
    for path in sorted((Path(__file__).resolve().parent / "filings").glob("*/*.txt")):
        text = render(sec8k.parse(path))
        assert max(len(line) for line in text.splitlines()) <= 80, path.name


def test_unknown_node_types_fall_back_to_their_fields() -> None:
    from dataclasses import dataclass

    @dataclass
    class Novel:
        answer: int

    assert "Novel" in render(Novel(42)) and "42" in render(Novel(42))
