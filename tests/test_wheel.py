"""The wheel ships the grammar: build it, install it apart from the checkout, parse with it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _build_wheel(tmp_path: Path, **env: str) -> Path:
    pytest.importorskip(
        "hatchling", reason="building the wheel needs hatchling (pip install '.[test]')"
    )
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        env={**os.environ, **env},
    )
    (wheel,) = wheels.glob("sec8k-*.whl")
    return wheel


@pytest.mark.slow
def test_installed_wheel_parses_the_example(tmp_path: Path) -> None:
    # Pure Python (the compiled build is compared with the sources in test_compiled.py).
    wheel = _build_wheel(tmp_path, SEC8K_PURE_PYTHON="1")
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        headers = archive.read(metadata).decode()
    # Typed for type checkers, licensed in the metadata and with the licence file.
    assert "sec8k/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in headers and "Classifier: Typing :: Typed" in headers
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    assert (target / "sec8k" / "grammar" / "form_8k.lark").is_file()
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import sec8k, sec8k.grammar as g;"
        "assert str(g.grammar_dir()).startswith(sys.argv[1]), g.grammar_dir();"
        "f = sec8k.parse(__import__('pathlib').Path(sys.argv[2]));"
        "print(f.cover.registrants[0].name, [i.number for i in f.items])"
    )
    # -I: no current directory on sys.path, so the checkout's sec8k cannot be imported.
    done = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            script,
            str(target),
            str(ROOT / "examples" / "immunogen-8k-2002-11-12.txt"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "IMMUNOGEN, INC. ['9', '7']"


@pytest.mark.slow
def test_wheel_is_pure_python_where_compiling_fails(tmp_path: Path) -> None:
    # mypyc runs, the C compiler fails: the wheel is built all the same, as pure Python.
    pytest.importorskip("mypyc", reason="compiling needs mypy (pip install '.[dev]')")
    wheel = _build_wheel(tmp_path, CC="false", LDSHARED="false")
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        assert not [n for n in archive.namelist() if n.endswith((".so", ".pyd"))]
