"""Wheel build hook: compile sec8k's hot modules with mypyc, or ship them as Python.

The modules below are where a filing's time goes outside Lark (the HTML reader, the source
map, the plain-text normaliser, the transformers). mypyc compiles their type-annotated
Python to C extension modules; the ``.py`` files stay in the wheel beside them, and Python
imports the extension where there is one. Where compiling fails (no C compiler, no Python
headers, a platform mypyc does not support), the wheel is built as pure Python: the same
code, slower, and nothing else changes. ``SEC8K_PURE_PYTHON=1`` skips compiling.

``sec8k.compiled_modules()`` tells which modules an installation runs compiled.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Compiled, in the order mypyc is given them (one shared library holds them all).
COMPILED = (
    "sec8k/span.py",
    "sec8k/html.py",
    "sec8k/normalize.py",
    "sec8k/runtime.py",
    "sec8k/transform/__init__.py",
    "sec8k/transform/base.py",
    "sec8k/transform/values.py",
    "sec8k/transform/cover.py",
    "sec8k/transform/items.py",
    "sec8k/transform/exhibits.py",
    "sec8k/transform/signature.py",
)

# Run in a directory of its own, so neither mypy's cache nor the C sources land in the tree.
_SETUP = """
import sys
from mypyc.build import mypycify
from setuptools import setup

sources = sys.argv[1].split(",")
del sys.argv[1]
setup(
    name="sec8k-compiled",
    ext_modules=mypycify(sources, opt_level="3", group_name="sec8k"),
    py_modules=[],
)
"""


class MypycHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds the compiled modules to a standard wheel; editable installs stay Python."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile, then hand the extension modules to the wheel (or warn and skip)."""
        self._workdir: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("SEC8K_PURE_PYTHON", "") not in ("", "0"):
            self.app.display_info("sec8k: SEC8K_PURE_PYTHON is set, building pure Python")
            return
        workdir = tempfile.mkdtemp(prefix="sec8k-mypyc-")
        built = self._compile(Path(workdir))
        if not built:
            shutil.rmtree(workdir, ignore_errors=True)
            return
        self._workdir = workdir
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path in built:
            relative = path.relative_to(Path(workdir) / "lib").as_posix()
            build_data["force_include"][str(path)] = relative

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the build directory once the wheel holds its files."""
        if getattr(self, "_workdir", None):
            shutil.rmtree(self._workdir or "", ignore_errors=True)

    def _compile(self, workdir: Path) -> list[Path]:
        """The extension modules built in ``workdir / "lib"``, or none where compiling failed."""
        root = Path(self.root)
        (workdir / "setup.py").write_text(_SETUP, encoding="utf-8")
        sources = ",".join(str(root / name) for name in COMPILED)
        command = [
            sys.executable,
            "setup.py",
            sources,
            "build_ext",
            "--build-lib",
            str(workdir / "lib"),
            "--build-temp",
            str(workdir / "tmp"),
        ]
        # mypy finds the sources' imports (sec8k's other modules) from the project root.
        env = {**os.environ, "MYPYPATH": str(root)}
        try:
            done = subprocess.run(
                command,
                cwd=workdir,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                check=False,
            )
        except OSError as error:
            self._fall_back(str(error))
            return []
        if done.returncode != 0:
            output = done.stdout.decode("utf-8", "replace").strip().splitlines()
            self._fall_back("\n".join(output[-15:]))
            return []
        return sorted(p for p in (workdir / "lib").rglob("*") if p.is_file())

    def _fall_back(self, why: str) -> None:
        self.app.display_warning(
            "sec8k: mypyc could not compile the hot modules; building pure Python "
            f"(the same results, slower):\n{why}"
        )
