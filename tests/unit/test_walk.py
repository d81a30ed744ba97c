"""sec8k.transform.walk binds each method as getattr would, Lark's v_args wrappers aside."""

from __future__ import annotations

from typing import Any

from lark import Lark, Transformer, Tree, v_args
from lark.visitors import _vargs_inline

from sec8k.transform import _unwrapped, walk

_GRAMMAR = r"""
start: pair+
pair: WORD NUMBER
WORD: /[a-z]+/
NUMBER: /\d+/
%ignore " "
"""
_TREE = Lark(_GRAMMAR, parser="lalr").parse("a 1 b 2")


class _Inline(Transformer[Any, Any]):
    @v_args(inline=True)
    def pair(self, word: Any, number: Any) -> tuple[str, int]:
        return str(word), int(number)

    def start(self, children: list[Any]) -> dict[str, int]:
        return dict(children)


def _custom(f: Any, data: Any, children: list[Any], meta: Any) -> Any:
    # A wrapper of one's own sees what Lark hands it: the decorated method's wrapper.
    return (type(f).__name__, f(*children))


class _Custom(_Inline):
    @v_args(wrapper=_custom)
    def pair(self, word: Any, number: Any) -> str:
        return f"{word}={number}"

    def start(self, children: list[Any]) -> list[Any]:
        return children


def test_a_v_args_method_is_bound_plainly_with_its_wrapper_kept() -> None:
    found = _unwrapped(_Inline, "pair")
    assert found is not None and found[1] is _vargs_inline
    assert walk(_TREE, _Inline()) == _Inline().transform(_TREE) == {"a": 1, "b": 2}


def test_a_wrapper_of_ones_own_gets_what_lark_gives_it() -> None:
    assert _unwrapped(_Custom, "pair") is None
    expected = _Custom().transform(_TREE)
    assert walk(_TREE, _Custom()) == expected
    assert expected[0] == ("_VArgsWrapper", "a=1")


def test_an_attribute_of_the_object_wins_over_its_class() -> None:
    transformer = _Inline()
    transformer.pair = lambda children: ("o", "w")  # type: ignore[method-assign]
    assert walk(_TREE, transformer) == transformer.transform(_TREE) == {"o": "w"}


def test_a_property_is_found_by_getattr() -> None:
    class _Property(_Inline):
        @property
        def pair(self) -> Any:  # type: ignore[override]
            return lambda children: ("p", len(children))

    assert _unwrapped(_Property, "pair") is None
    assert walk(_TREE, _Property()) == _Property().transform(_TREE) == {"p": 2}
    assert isinstance(_TREE, Tree)
