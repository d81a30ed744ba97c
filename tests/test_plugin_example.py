"""The example plug-in adds Form 8-A from outside sec8k: install it apart, use it, run its tests.

``examples/sec8k-form-8a/`` is a package a third party could publish. Built as a wheel and
installed into a folder of its own (not into this environment, so the other tests never
see Form 8-A), it must register through the ``sec8k.forms`` entry point alone, parse its
three real filings with sec8k's shipped grammar parts, and pass its own test suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sec8k-form-8a"
APPLE = EXAMPLE / "tests" / "filings" / "0001193125-19-292825.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed plug-in, and nothing else."""
    pytest.importorskip(
        "hatchling", reason="building the plug-in needs hatchling (pip install '.[test]')"
    )
    where = tmp_path_factory.mktemp("plugin")
    wheels, target = where / "wheels", where / "site"
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(EXAMPLE)],
        check=True,
    )
    (wheel,) = wheels.glob("sec8k_form_8a-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    return target


def run_with_plugin(site: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that sees the installed plug-in first."""
    # -I: neither the current directory nor PYTHON* variables reach sys.path, so the
    # plug-in comes from its wheel, not from the example's source folder.
    script = f"import sys; sys.path.insert(0, sys.argv[1]); del sys.argv[1]\n{code}"
    return subprocess.run(
        [sys.executable, "-I", "-c", script, str(site), *args],
        capture_output=True,
        text=True,
        cwd=site.parent,
        check=False,
    )


@pytest.mark.slow
def test_the_wheel_ships_the_grammar(site: Path) -> None:
    assert (site / "sec8k_form_8a" / "form_8a.lark").is_file()
    (dist,) = site.glob("sec8k_form_8a-*.dist-info")
    assert "[sec8k.forms]\n8-A = sec8k_form_8a" in (dist / "entry_points.txt").read_text()


@pytest.mark.slow
def test_sec8k_forms_lists_the_plugin(site: Path) -> None:
    done = run_with_plugin(site, "from sec8k.cli import main; sys.exit(main(['forms']))")
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("8-A "))
    assert "8-A12B" in line and "8-A12G" in line
    assert "from sec8k_form_8a" in done.stdout
    assert not done.stderr  # no warning of a plug-in that failed to load


@pytest.mark.slow
def test_show_reads_a_real_8a_with_the_plugin(site: Path) -> None:
    done = run_with_plugin(
        site,
        "from sec8k.cli import main; sys.exit(main(['show', '--form', '8-A', '--width', '100',"
        " sys.argv[1]]))",
        str(APPLE),
    )
    assert done.returncode == 0, done.stderr
    assert "Filing 8-A12B" in done.stdout
    assert "Apple Inc." in done.stdout
    assert "333-228159" in done.stdout  # the Securities Act file number the 8-A adds
    assert "Item 1" in done.stdout and "Item 2" in done.stdout


@pytest.mark.slow
def test_the_plugin_passes_its_own_tests(site: Path) -> None:
    done = run_with_plugin(
        site,
        "import pytest; sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '--rootdir',"
        " sys.argv[1], sys.argv[1] + '/tests']))",
        str(EXAMPLE),
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
