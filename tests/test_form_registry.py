"""The registry of forms: the built-in ones, plug-ins through ``sec8k.forms``, choosing one."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import sec8k
from sec8k import cli, forms
from sec8k.validate import rules_of
from tests.conftest import FILINGS, case_input

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
FORMS = Path(__file__).resolve().parent / "forms"
TEN_Q = FORMS / "0000320193-98-000006" / "0000320193-98-000006.txt"


def test_the_built_in_forms() -> None:
    names = [f.name for f in forms.forms()]
    assert names[:4] == ["6-K", "8-K", "10-K", "10-Q"]
    assert forms.default_form().name == "8-K"
    assert forms.get_form("10-q/a").name == "10-Q"  # a document type names its form
    assert forms.form_for_type("10-K405").name == "10-K"  # type: ignore[union-attr]
    assert forms.form_for_type("S-1") is None


def test_an_unknown_form_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(sec8k.UnknownFormError, match="registered forms are 6-K, 8-K, 10-K, 10-Q"):
        sec8k.parse(EXAMPLE, form="S-1")
    assert cli.main(["show", "--form", "S-1", str(EXAMPLE)]) == cli.EXIT_USAGE
    assert "no form 'S-1'" in capsys.readouterr().err


def test_sec8k_forms_lists_each_form(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["forms"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    for name, grammar in (("6-K", "form_6k"), ("8-K", "form_8k"), ("10-K", "form_10k")):
        line = next(line for line in out.splitlines() if line.startswith(f"{name} "))
        assert f"{name}/A" in line
        assert f"grammar {grammar}.lark" in out
    assert "from sec8k (default)" in out
    assert f"{len(rules_of('8-K'))} rules" in out


def test_rules_of_a_form(capsys: pytest.CaptureFixture[str]) -> None:
    eight = {rule.code for rule in rules_of("8-K")}
    ten_q = {rule.code for rule in rules_of("10-Q")}
    assert {"ITM001", "CVR004", "SIG003", "CVR003", "SIG001"} <= eight
    assert {"CVR003", "CVR007", "SIG001"} <= ten_q and not ten_q & {"ITM001", "CVR004"}
    assert not {rule.code for rule in rules_of("6-K")} & {"CVR006", "CVR007"}  # no state, no IRS
    assert cli.main(["rules", "--form", "10-Q"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "CVR003" in out and "ITM001" not in out


def test_a_form_runs_its_own_rules_only() -> None:
    found = {d.code for d in sec8k.check(TEN_Q)}
    assert not any(code.startswith(("ITM", "EXH")) for code in found)
    eight = {d.code for d in sec8k.check(case_input(FILINGS / "0000950124-00-003635"))}
    assert "EXH001" in eight


def test_form_option_on_every_reading_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("show", "parse", "check", "debug"):
        code = cli.main([command, "--form", "10-Q", str(TEN_Q)])
        assert code in (cli.EXIT_OK, cli.EXIT_FINDINGS), command
    capsys.readouterr()
    assert cli.main(["parse", "--form", "10-Q", str(TEN_Q)]) == cli.EXIT_OK
    assert '"form": "10-Q"' in capsys.readouterr().out


# ---- a form from another package ----


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[metadata.EntryPoint]]:
    listed: list[metadata.EntryPoint] = []

    def fake(*, group: str) -> list[metadata.EntryPoint]:
        return listed if group == "sec8k.forms" else []

    monkeypatch.setattr(forms.metadata, "entry_points", fake)
    yield listed
    forms.FORMS.pop("ITEMS-ONLY", None)
    sys.modules.pop("tests.plugin.demo_form", None)


def test_a_plugin_form_registers_and_reads(entry_points: list[metadata.EntryPoint]) -> None:
    entry_points.append(metadata.EntryPoint("ITEMS-ONLY", "tests.plugin.demo_form", "sec8k.forms"))
    assert list(forms._load_plugins()) == ["ITEMS-ONLY"]
    form = forms.get_form("ITEMS-ONLY")
    assert form.package() == "tests" and form.grammar_path().name == "items_only.lark"
    # Its grammar reads nothing but items: the example's cover is text it cannot place.
    filing = sec8k.parse(EXAMPLE, form="ITEMS-ONLY")
    assert [item.number for item in filing.items] == ["9", "7"]
    (error,) = filing.errors
    assert (error.code, error.line, error.column) == ("PRS001", 1, 1)
    assert error.hint is not None and "an item heading" in error.hint
    skipped = filing.sections[0]
    assert isinstance(skipped, sec8k.model.Unrecognized)
    assert filing.source.text[skipped.span.start : skipped.span.end].startswith("UNITED STATES")
    assert "(617) 995-2500" in skipped.text  # the whole cover, kept


def test_a_broken_plugin_warns_and_is_skipped(entry_points: list[metadata.EntryPoint]) -> None:
    entry_points.append(metadata.EntryPoint("broken", "tests.plugin.missing", "sec8k.forms"))
    with pytest.warns(RuntimeWarning, match="form plugin 'broken'"):
        assert list(forms._load_plugins()) == []
    assert "broken" not in forms.FORMS


def test_terminal_methods_are_called_only_where_a_form_has_them() -> None:
    # Lark hands each token to the transformer method named after its terminal; looking
    # one up that no form has cost a failed getattr per token, so it is only done for a
    # form whose transformers have one.
    from lark import Token

    from sec8k.forms import _reads_terminals
    from sec8k.forms.form_8k import Form8K, Form8KDocument
    from sec8k.pipeline import STAGES, ParseState

    assert not any(_reads_terminals(form) for form in forms.forms())
    numbers: list[str] = []

    class Counting(Form8KDocument):
        def ITEM_NO(self, token: Token) -> Token:  # noqa: N802 (Lark's naming)
            numbers.append(str(token).strip())
            return token

    class Counted(Form8K):
        name = "8-K counted"
        document = Counting

    try:
        assert _reads_terminals(Counted)
        state = ParseState(EXAMPLE.read_bytes(), Counted, 1 << 31)
        for _, stage in STAGES:
            stage(state)
    finally:
        del forms.FORMS[Counted.name]
    items = [item.number for item in sec8k.parse(EXAMPLE).items]
    assert numbers == items and len(items) >= 2


def test_the_walk_makes_what_lark_walk_makes() -> None:
    # sec8k walks the tree itself, each method looked up once; Lark's own walk with the
    # transformer Form.transformer builds makes the same parts of a real filing.
    from sec8k.pipeline import STAGES, ParseState
    from sec8k.transform import DocumentParts, transform
    from sec8k.transform.base import Context

    state = ParseState(EXAMPLE.read_bytes(), None, 1 << 31)
    for name, stage in STAGES:
        if name == "transform":
            break
        stage(state)
    assert state.tree is not None and state.form is not None and state.document is not None
    walked = transform(
        state.tree, *state.form.transformer_routes(Context(state.document, state.sink))
    )
    by_lark = state.form.transformer(Context(state.document, state.sink)).transform(state.tree)
    assert isinstance(by_lark, DocumentParts)
    assert walked.cover == by_lark.cover and walked.cover is not None
    assert walked.sections == by_lark.sections and len(walked.sections) >= 3
    assert walked.exhibits == by_lark.exhibits


def test_a_transformer_that_walks_its_own_way_is_left_to_it() -> None:
    # A form's transformer may change how Lark walks the tree; sec8k then hands the tree
    # to the transformer's own walk, with every name routed as Form.transformer sets it.
    from typing import Any

    from sec8k.forms.form_8k import Form8K, Form8KDocument

    visited: list[str] = []

    class Walking(Form8KDocument):
        def _call_userfunc(self, tree: Any, new_children: Any = None) -> Any:
            visited.append(str(tree.data))
            return super()._call_userfunc(tree, new_children)

    class Walked(Form8K):
        name = "8-K walked"
        document = Walking

    try:
        filing = sec8k.parse(EXAMPLE, form="8-K walked")
    finally:
        del forms.FORMS[Walked.name]
    assert visited[-1] == "start" and any("item" in name for name in visited)
    expected = sec8k.parse(EXAMPLE)
    assert [i.number for i in filing.items] == [i.number for i in expected.items]
    assert filing.cover == expected.cover


def test_kind_of_names_every_terminal_of_a_real_filing_as_rpartition_does() -> None:
    # kind_of keeps its answers by terminal name, in a table cleared when full: the answer
    # stays the name after the last "__", for every token of a real parse and past the bound.
    from lark import Token

    from sec8k.pipeline import STAGES, ParseState
    from sec8k.transform import base

    state = ParseState(EXAMPLE.read_bytes(), None, 1 << 31)
    for name, stage in STAGES:
        if name == "transform":
            break
        stage(state)
    assert state.tree is not None
    tokens = list(state.tree.scan_values(lambda value: isinstance(value, Token)))
    assert len({token.type for token in tokens}) >= 20
    for _ in range(2):  # asked again: answered from the table
        assert [base.kind_of(t) for t in tokens] == [t.type.rpartition("__")[2] for t in tokens]
    made_up = [Token(f"part{i}__KIND{i}", "x") for i in range(base._KINDS_KEPT + 10)]
    assert [base.kind_of(t) for t in made_up] == [f"KIND{i}" for i in range(len(made_up))]
    assert len(base._KINDS) <= base._KINDS_KEPT
    assert [base.kind_of(t) for t in tokens] == [t.type.rpartition("__")[2] for t in tokens]


def test_field_of_names_the_field_of_every_typed_terminal_as_its_pattern_does() -> None:
    # field_of keeps its answers by terminal name, in a table cleared when full.
    from sec8k.grammar import get_parser
    from sec8k.transform import cover

    def by_pattern(kind: str) -> str | None:
        match = cover._TYPED.match(kind)
        return match["field"].lower() if match else None

    kinds = sorted(
        {
            t.name.rpartition("__")[2]
            for form in forms.forms()
            for t in get_parser(form.grammar_file).terminals
        }
    )
    assert sum(by_pattern(kind) is not None for kind in kinds) >= 40
    for _ in range(2):  # asked again: answered from the table
        assert [cover.field_of(kind) for kind in kinds] == [by_pattern(kind) for kind in kinds]
    made_up = [f"CAPTION_F{i}" for i in range(cover._FIELDS_KEPT + 10)] + ["CAPTION_END", ""]
    assert [cover.field_of(kind) for kind in made_up] == [by_pattern(kind) for kind in made_up]
    assert len(cover._FIELDS) <= cover._FIELDS_KEPT
