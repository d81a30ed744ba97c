"""The core names no form: what a form is lives in its own module and grammar file.

Load, envelope, normalise, the parse driver, transform, render, diagnostics, the rules'
machinery and the CLI read a form only through :mod:`sec8k.forms`. This test is the
command

    grep -rnEi "$FORM_WORDS" sec8k --include=*.py --exclude-dir=forms

finding nothing, where FORM_WORDS are the forms' numbers and the words only one form's
cover or items print.
"""

from __future__ import annotations

import re
from pathlib import Path

import sec8k

PACKAGE = Path(sec8k.__file__).resolve().parent

FORM_WORDS = re.compile(
    r"\b\d{1,2}-(?:K|Q|F|A)(?:SB|T|405)?\b"  # 8-K, 10-Q, 6-K, 20-F, 8-A, 10-KSB
    r"|date.of.report|current.report|earliest.event|fiscal.year.ended|quarterly.period"
    r"|for.the.month.of|foreign.private|annual.report|shell.company|accelerated.filer"
    r"|written.communications|soliciting.material|item\s+\d\.\d\d",
    re.IGNORECASE,
)


def core_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "forms" not in p.relative_to(PACKAGE).parts)


def test_the_core_is_the_package_less_its_forms() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in core_files()}
    assert {"load.py", "envelope.py", "normalize.py", "pipeline.py", "cli.py"} <= names
    assert not any(name.startswith("forms/") for name in names)


def test_no_form_is_named_in_the_core() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in core_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORM_WORDS.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_looks_for() -> None:
    # The same search over the forms' own modules finds their words.
    forms = "\n".join(p.read_text() for p in (PACKAGE / "forms").rglob("*.py"))
    for word in ("8-K", "10-K", "10-Q", "6-K", "20-F", "date of report", "shell company"):
        assert FORM_WORDS.search(word), word
    assert FORM_WORDS.search(forms)
