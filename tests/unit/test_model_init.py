"""The model nodes' ``__init__``: the dataclass's parameters, stored through the slots."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from sec8k import model
from sec8k.span import Span

NODES = [
    value
    for value in vars(model).values()
    if isinstance(value, type) and issubclass(value, model.Node) and dataclasses.is_dataclass(value)
]


def _stores_through_slots(cls: type) -> bool:
    return any(name.startswith("_set_") for name in cls.__init__.__code__.co_names)  # type: ignore[misc]


def test_every_node_class_but_one_with_a_default_factory_stores_through_its_slots() -> None:
    assert len(NODES) >= 25
    kept = [cls.__name__ for cls in NODES if not _stores_through_slots(cls)]
    assert kept == ["Filing"]  # its xbrl dict has a default factory


@pytest.mark.parametrize("cls", NODES, ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type[model.Node]) -> None:
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    parameters = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in parameters] == [f.name for f in fields]
    for p, f in zip(parameters, fields, strict=True):
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        if f.default_factory is dataclasses.MISSING:
            expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
            assert p.default == expected
        assert p.annotation == f.type


@pytest.mark.parametrize("cls", NODES, ids=lambda cls: cls.__name__)
def test_init_stores_every_field_and_the_node_stays_frozen(cls: type[model.Node]) -> None:
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    # A distinct value per field, given by keyword and then by position.
    values = {f.name: f"value {i}" for i, f in enumerate(fields)}
    by_keyword = cls(**values)
    by_position = cls(*values.values())
    for node in (by_keyword, by_position):
        assert {f.name: getattr(node, f.name) for f in fields} == values
    assert by_keyword == by_position
    assert pickle.loads(pickle.dumps(by_keyword)) == by_keyword
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_keyword, fields[0].name, "changed")
    with pytest.raises(TypeError):
        cls(*values.values(), "one too many")
    with pytest.raises(TypeError):
        cls(**values, not_a_field=1)


def test_a_node_with_defaults_takes_them() -> None:
    registrant = model.Registrant(name="ACME CORP")
    assert registrant.name == "ACME CORP"
    assert registrant.zip is None
    assert registrant.field_spans == ()
    part = model.CoverPart("caption", "(Exact name of registrant)", Span(3, 29))
    assert dataclasses.replace(part, text="x") == model.CoverPart("caption", "x", Span(3, 29))
