"""`sec8k schema`: the JSON Schema of `sec8k parse --json`, checked against real filings."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import sec8k
from sec8k import cli
from sec8k.schema import json_schema
from tests.conftest import case_input, corpus_files, filing_cases, requires_corpus

jsonschema = pytest.importorskip("jsonschema", reason="pip install '.[test]' installs jsonschema")

TESTS = Path(__file__).resolve().parent
# The 10-K, 10-Q and 6-K filings of tests/forms/, one folder each.
OTHER_FORMS = [
    case_input(d) for d in sorted((TESTS / "forms").iterdir()) if d.is_dir() and d.name != "goldens"
]


@cache
def validator() -> Any:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator().iter_errors(data)
    ]


def filing_json(path: Path) -> Any:
    """What `sec8k parse --json` prints for the file, read back."""
    return json.loads(json.dumps(sec8k.parse(path).to_dict(), ensure_ascii=False))


def test_the_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == cli.EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema()
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # Every form's own cover class is described, with its own fields.
    defs = printed["$defs"]
    assert {"Cover8K", "PeriodicCover", "Cover6K"} <= set(defs)
    assert "date_of_report" in defs["Cover8K"]["properties"]
    assert "report_month" in defs["Cover6K"]["properties"]
    assert defs["Item"]["properties"]["status"]["description"]


@pytest.mark.parametrize(
    "path",
    [case_input(c) for c in filing_cases()] + OTHER_FORMS,
    ids=lambda p: p.name,
)
def test_curated_filings_validate(path: Path) -> None:
    assert problems(filing_json(path)) == []


@pytest.mark.corpus
@requires_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_filings_validate(path: Path) -> None:
    assert problems(filing_json(path)) == []


def test_the_schema_rejects_what_the_model_cannot_produce() -> None:
    # A real filing's JSON, changed in one place each time: each change must be caught.
    example = TESTS.parent / "examples" / "immunogen-8k-2002-11-12.txt"
    good = filing_json(example)
    assert problems(good) == []

    def changed(edit: Any) -> Any:
        data = copy.deepcopy(good)
        edit(data)
        return data

    edits = {
        "a name that is a number": lambda d: d["cover"]["registrants"][0].update(name=5),
        "a key the model has no field for": lambda d: d["items"][0].update(colour="red"),
        "a missing field": lambda d: d["items"][0].pop("status"),
        "a span of three numbers": lambda d: d["items"][0].update(span=[1, 2, 3]),
        "a severity that is none": lambda d: d["diagnostics"].append(
            {**good["cover"]["registrants"][0], "severity": "fatal"}
        ),
        "a date that is a number": lambda d: d["cover"].update(date_of_report=20021112),
        "a section of no known kind": lambda d: d["sections"].append({"node": "poem"}),
    }
    for what, edit in edits.items():
        assert problems(changed(edit)), what
