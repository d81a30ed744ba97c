"""The compiled build gives what the Python source gives, on every input at hand.

A wheel built with a C compiler runs sec8k's hot modules compiled by mypyc (see
hatch_build.py). These tests find the sec8k installed in this environment, apart from the
checkout, and compare what it makes of each filing (the model, the diagnostics and the
rules' findings) with what the checkout's Python makes of it. They are skipped where no
compiled sec8k of this checkout is installed, unless ``SEC8K_EXPECT_COMPILED=1`` (CI, which
installs as the README says), where that is a failure.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sec8k
from tests.conftest import CORPUS, FILINGS, ROOT

EXPECTED = os.environ.get("SEC8K_EXPECT_COMPILED", "") not in ("", "0")

# Run by the installed sec8k: one digest per path read from standard input.
_DIGESTS = """
import hashlib, json, sys
import sec8k
from pathlib import Path

def digest(path):
    try:
        filing = sec8k.parse(Path(path))
        found = [(d.code, d.span.start if d.span else None) for d in sec8k.check(filing)]
        made = json.dumps([filing.to_dict(), found], sort_keys=True, default=str)
    except Exception as error:
        made = "raised " + type(error).__name__
    return hashlib.sha256(made.encode()).hexdigest()

print(json.dumps({p: digest(p) for p in sys.stdin.read().split(chr(10)) if p}))
"""


def _run_installed(
    code: str, stdin: str, cwd: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    # -I: neither the current directory nor PYTHONPATH, so the checkout is not imported.
    return subprocess.run(
        [sys.executable, "-I", "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def _installed(tmp_path: Path) -> tuple[str, list[str]]:
    """Where the installed sec8k lives and which of its modules are compiled."""
    done = _run_installed(
        "import json, sec8k; print(json.dumps([sec8k.__file__, sec8k.compiled_modules()]))",
        "",
        tmp_path,
    )
    if done.returncode != 0:
        return "", []
    where, compiled = json.loads(done.stdout)
    return where, compiled


def _source_matches(where: str, compiled: list[str]) -> bool:
    """Whether the installed Python sources of the compiled modules are the checkout's."""
    installed = Path(where).parent
    for name in compiled:
        relative = Path(*name.split(".")[1:])
        for candidate in (relative.with_suffix(".py"), relative / "__init__.py"):
            if (ROOT / "sec8k" / candidate).is_file():
                break
        else:
            return False
        mine = (ROOT / "sec8k" / candidate).read_bytes()
        theirs = installed / candidate
        if not theirs.is_file() or theirs.read_bytes() != mine:
            return False
    return True


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working directory to run the compiled sec8k in (skips where there is none)."""
    cwd = tmp_path_factory.mktemp("compiled")
    where, compiled = _installed(cwd)
    reason = ""
    if not where or Path(where).resolve().is_relative_to(ROOT):
        reason = "sec8k is not installed apart from the checkout"
    elif not compiled:
        reason = "the installed sec8k is pure Python (built without a C compiler?)"
    elif not _source_matches(where, compiled):
        reason = "the installed sec8k was built from other sources than this checkout's"
    if reason:
        if EXPECTED:
            pytest.fail(f"SEC8K_EXPECT_COMPILED is set but {reason}")
        pytest.skip(reason)
    return cwd


def _digest(path: Path) -> str:
    try:
        filing = sec8k.parse(path)
        found = [(d.code, d.span.start if d.span else None) for d in sec8k.check(filing)]
        made = json.dumps([filing.to_dict(), found], sort_keys=True, default=str)
    except Exception as error:
        made = "raised " + type(error).__name__
    return hashlib.sha256(made.encode()).hexdigest()


def _inputs() -> list[Path]:
    suffixes = (".txt", ".htm", ".html")
    found = [p for p in FILINGS.rglob("*") if p.suffix in suffixes and p.name != "SOURCE.md"]
    found += sorted((ROOT / "fuzz" / "regressions").glob("*.*"))
    found += sorted((ROOT / "examples").glob("*.txt"))
    found += sorted((ROOT / "tests" / "envelope").rglob("*.txt"))
    if CORPUS.is_dir():
        found += sorted((CORPUS / "files").iterdir())
        other = CORPUS.parent / "other-forms"
        found += sorted(p for p in other.rglob("*") if p.suffix in suffixes)
    return sorted({p for p in found if p.is_file() and p.suffix != ".md"})


def _hostile(tmp_path: Path) -> list[Path]:
    """Hostile shapes of tests/test_hostile.py, 64 KB each, as files."""
    from tests.test_hostile import MEMORY_SHAPES

    made = []
    for name, shape in MEMORY_SHAPES.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(shape(1 << 16))
        made.append(path)
    return made


def _compare(paths: list[Path], cwd: Path) -> None:
    done = _run_installed(_DIGESTS, "\n".join(map(str, paths)), cwd)
    assert done.returncode == 0, done.stderr[-2000:]
    theirs = json.loads(done.stdout)
    differ = [str(p) for p in paths if theirs[str(p)] != _digest(p)]
    assert not differ, f"{len(differ)} of {len(paths)} inputs differ, first: {differ[:5]}"


@pytest.mark.slow
def test_compiled_reads_every_filing_as_the_source_does(installed: Path) -> None:
    paths = _inputs()
    assert len(paths) >= 60
    _compare(paths, installed)


def test_compiled_reads_hostile_input_as_the_source_does(installed: Path, tmp_path: Path) -> None:
    _compare(_hostile(tmp_path), installed)


# Run by the installed sec8k: peak traced memory growth per added input byte of each
# hostile shape, measured as tests/test_hostile.py measures the checkout's.
_GROWTH = r"""
import json, sys, tracemalloc
import sec8k
sys.path.append(sys.argv[1])  # after the installation: the checkout's tests, for the shapes
from tests.test_hostile import FLOODS, MEMORY_SHAPES

def peak(data):
    tracemalloc.start()
    try:
        sec8k.parse(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

for warm in (b"FORM 8-K\nITEM 5.  OTHER\n", b"<html><p>FORM 8-K</p></html>", b"<S>\n"):
    sec8k.parse(warm)
growth = {}
for name, shape in MEMORY_SHAPES.items():
    sizes = (1 << 20, 2 << 20) if name in FLOODS else (256 << 10, 768 << 10)
    small, large = (shape(n) for n in sizes)
    growth[name] = (peak(large) - peak(small)) / (len(large) - len(small))
print(json.dumps([sec8k.__file__, growth]))
"""


@pytest.mark.slow
def test_compiled_memory_grows_at_most_four_bytes_per_input_byte(installed: Path) -> None:
    done = _run_installed(_GROWTH, "", installed, str(ROOT))
    assert done.returncode == 0, done.stderr[-2000:]
    where, growth = json.loads(done.stdout)
    assert not Path(where).resolve().is_relative_to(ROOT), where
    over = {name: round(value, 1) for name, value in growth.items() if value > 4}
    assert len(growth) >= 18 and not over, over


# Run by the installed sec8k: each filing survives pickling (worker processes, caches).
_PICKLES = """
import pickle, sys
import sec8k
from pathlib import Path

for path in sys.stdin.read().split(chr(10)):
    if path:
        filing = sec8k.parse(Path(path))
        again = pickle.loads(pickle.dumps(filing))
        assert again.to_dict() == filing.to_dict(), path
print("ok")
"""


def test_compiled_filings_pickle(installed: Path) -> None:
    # A compiled frozen dataclass has no slot state for unpickling to set: Span pickles as
    # a call (Span.__reduce__); without it no compiled Filing could be pickled.
    paths = [p for p in _inputs() if FILINGS in p.parents][:20]
    done = _run_installed(_PICKLES, "\n".join(map(str, paths)), installed)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_filings_pickle() -> None:
    import pickle

    for path in [p for p in _inputs() if FILINGS in p.parents][:20]:
        filing = sec8k.parse(path)
        assert pickle.loads(pickle.dumps(filing)).to_dict() == filing.to_dict(), path


def test_compiled_modules_names_modules_that_exist(installed: Path) -> None:
    _, compiled = _installed(installed)
    assert "sec8k.html" in compiled and "sec8k.span" in compiled
    for name in compiled:
        assert (ROOT / Path(*name.split("."))).with_suffix(".py").is_file() or (
            ROOT / Path(*name.split(".")) / "__init__.py"
        ).is_file(), name


def test_checkout_runs_pure_python() -> None:
    # The tests run on the checkout's sources; the compiled build is what the ones above compare.
    assert sec8k.compiled_modules() == []


# Calls that mypyc runs over a generator expression as it goes; handed to any other call,
# or kept in a variable, a generator expression is a list first in compiled code (mypyc
# warns "Treating generator comprehension as list"), which made a tab flood hold 70 bytes
# per input byte.
_LAZY_CALLS = {"all", "any", "dict", "extend", "frozenset", "join", "list", "max", "min"}
_LAZY_CALLS |= {"next", "set", "sorted", "sum", "tuple"}


def test_compiled_modules_hold_no_generator_expression_as_a_list() -> None:
    # The modules hatch_build.py compiles (read off it: importing it needs hatchling).
    build = ast.parse((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    (compiled,) = [
        ast.literal_eval(node.value)
        for node in build.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED"
    ]
    found = []
    for name in compiled:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.GeneratorExp):
                continue
            call = parents[node]
            function = getattr(call, "func", None)
            called = getattr(function, "id", None) or getattr(function, "attr", None)
            if not (isinstance(call, ast.Call) and called in _LAZY_CALLS):
                found.append(f"{name}:{node.lineno}")
    assert not found, f"generator expressions compiled as lists: {found}"
