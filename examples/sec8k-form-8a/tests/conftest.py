"""Shared fixture: rich output must not depend on the terminal the tests run in."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES", "TERM", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
