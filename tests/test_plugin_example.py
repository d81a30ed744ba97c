"""The example plug-in adds Form 8-A from outside sec8k: install it fresh, use it, run its tests.

``examples/sec8k-form-8a/`` is a package a third party could publish. sec8k and the
plug-in are built as wheels and installed with pip into a fresh virtual environment, as a
user would; there the plug-in must register through the ``sec8k.forms`` entry point
alone, parse its three real filings with sec8k's shipped grammar parts, and pass its own
test suite. (Nothing is installed into this environment, so the other tests never see
Form 8-A.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sec8k-form-8a"
APPLE = EXAMPLE / "tests" / "filings" / "0001193125-19-292825.txt"


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh virtual environment with sec8k and the plug-in."""
    pytest.importorskip(
        "hatchling", reason="building the wheels needs hatchling (pip install '.[test]')"
    )
    where = tmp_path_factory.mktemp("plugin")
    wheels = where / "wheels"
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    for project in (ROOT, EXAMPLE):
        subprocess.run(
            [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(project)],
            check=True,
        )
    subprocess.run([sys.executable, "-m", "venv", str(where / "venv")], check=True)
    bin_dir = where / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [
            bin_dir / "python",
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            *wheels.glob("*.whl"),
            "pytest",
        ],
        check=True,
    )
    return bin_dir


def run(venv: Path, command: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one of the environment's commands, away from the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run(
        [str(venv / command), *args],
        capture_output=True,
        text=True,
        cwd=venv.parent.parent,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_the_plugin_is_installed_from_its_wheel(venv: Path) -> None:
    where = "import sec8k, sec8k_form_8a; print(sec8k.__file__); print(sec8k_form_8a.__file__)"
    done = run(venv, "python", "-c", where)
    assert done.returncode == 0, done.stderr
    for path in done.stdout.split():
        assert Path(path).is_relative_to(venv.parent), path  # not the checkout's copies
    assert Path(done.stdout.split()[1]).with_name("form_8a.lark").is_file()


@pytest.mark.slow
def test_sec8k_forms_lists_the_plugin(venv: Path) -> None:
    done = run(venv, "sec8k", "forms")
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("8-A "))
    assert "8-A12B" in line and "8-A12G" in line
    assert "from sec8k_form_8a" in done.stdout
    assert not done.stderr  # no warning of a plug-in that failed to load


@pytest.mark.slow
def test_show_reads_a_real_8a_with_the_plugin(venv: Path) -> None:
    done = run(venv, "sec8k", "show", "--form", "8-A", "--width", "100", str(APPLE))
    assert done.returncode == 0, done.stderr
    assert "Filing 8-A12B" in done.stdout
    assert "Apple Inc." in done.stdout
    assert "333-228159" in done.stdout  # the Securities Act file number the 8-A adds
    assert "Item 1" in done.stdout and "Item 2" in done.stdout


@pytest.mark.slow
def test_the_plugin_passes_its_own_tests(venv: Path) -> None:
    done = run(
        venv,
        "python",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(EXAMPLE),
        str(EXAMPLE / "tests"),
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
