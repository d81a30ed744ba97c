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


# ---- the compact displays: repr, IPython, Jupyter ----


class _Printer:
    """The one method of IPython's pretty printer that _repr_pretty_ uses."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def text(self, text: str) -> None:
        self.out.append(text)


def test_repr_is_one_line_that_says_what_the_filing_is() -> None:
    filing = sec8k.parse(EXAMPLE)
    assert repr(filing) == (
        "<Filing 8-K 'IMMUNOGEN, INC.' 2002-11-12: items 9, 7; 0 errors, 0 warnings, 0 infos>"
    )


def test_notebook_displays_show_the_summary() -> None:
    filing = sec8k.parse(EXAMPLE)
    printer = _Printer()
    filing._repr_pretty_(printer, cycle=False)
    lines = "".join(printer.out).splitlines()
    assert [line.split()[0] for line in lines] == [
        "form", "registrant", "period", "items", "exhibits", "signers", "diagnostics", "source"
    ]  # fmt: skip
    assert "exhibits  99.1" in lines[4] and "Gregg D. Beloff" in lines[5]
    shown = filing._repr_html_()
    assert len(shown) < 2000 and shown.count("<tr>") == 8 and "IMMUNOGEN, INC." in shown


def test_the_html_display_escapes_the_filing_text() -> None:
    # A registrant name is the filing's text: markup in it must stay text in a notebook.
    text = EXAMPLE.read_text(encoding="latin-1").replace(
        "IMMUNOGEN, INC.", "<script>alert(1)</script> INC.", 1
    )
    filing = sec8k.parse(text)
    assert "<script>" in filing.summary()[1][1]
    shown = filing._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
