"""Named styles for everything sec8k prints; override them with a rich Theme of your own."""

from __future__ import annotations

from rich.theme import Theme

__all__ = ["SEC8K_THEME"]

SEC8K_THEME = Theme(
    {
        "sec8k.kind": "bold cyan",
        "sec8k.key": "bold",
        "sec8k.value": "green",
        "sec8k.missing": "dim italic",
        "sec8k.span": "dim",
        "sec8k.text": "default",
        "sec8k.size": "dim",
        "sec8k.code": "bold",
        "sec8k.error": "bold red",
        "sec8k.warning": "bold yellow",
        "sec8k.info": "bold blue",
        "sec8k.error_range": "bold red",
        "sec8k.noise": "dim",
        "sec8k.token": "cyan",
        "sec8k.rule": "magenta",
        "sec8k.unrecognized": "magenta",
    }
)
"""The default theme: every style sec8k uses, by name."""
