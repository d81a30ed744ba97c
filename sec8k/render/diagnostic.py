"""Diagnostics shown the way compilers show them: the finding, where, the source, a hint.

::

    warning[CVR006]: the cover page gives no state or other jurisdiction of incorporation
      --> filing.htm:12:5
       |
    12 | <p>ACME, INC.</p>
       |    ^^^^^^^^^^
       = hint: ...

The source lines are those of the ORIGINAL file (for HTML, the HTML the user has). A long
line (inline XBRL documents can be one line) is shown as a window around the finding.
Colours are theme names (``sec8k.error``, ``sec8k.error_range``...), never literals.
"""

from __future__ import annotations

from rich.text import Text

from sec8k.diagnostics import Diagnostic
from sec8k.span import LineIndex, line_index

__all__ = ["render_diagnostic"]

_WINDOW = 76


def _window(line: str, column: int) -> tuple[str, int]:
    """A slice of ``line`` around 0-based ``column``, and the offset of the slice."""
    if len(line) <= _WINDOW:
        return line, 0
    start = max(0, min(column - _WINDOW // 3, len(line) - _WINDOW))
    return line[start : start + _WINDOW], start


def render_diagnostic(
    diagnostic: Diagnostic,
    text: str,
    path: str | None = None,
    *,
    lines: LineIndex | None = None,
    context: int = 1,
) -> Text:
    """One finding with the source lines around it, as a rich :class:`~rich.text.Text`.

    Args:
        diagnostic: the finding.
        text: the original text of the file (``filing.source.text``).
        path: the file name to print in the location line.
        lines: positions in ``text`` (built from it when not given).
        context: source lines to show before and after the finding's line.
    """
    style = f"sec8k.{diagnostic.severity.value}"
    out = Text()
    out.append(diagnostic.severity.value, style=style)
    out.append("[")
    out.append(diagnostic.code, style="sec8k.code")
    out.append("]: ")
    out.append(diagnostic.message)
    out.append("\n")
    name = path or "<input>"
    if diagnostic.span is None or diagnostic.line is None or diagnostic.column is None:
        out.append(f"  --> {name}\n", style="sec8k.span")
        _hint(out, diagnostic, 2)
        return out
    lines = lines or line_index(text)
    line, column = diagnostic.line, diagnostic.column
    end_line, end_column = lines.position(diagnostic.span.end)
    out.append(f"  --> {name}:{line}:{column}\n", style="sec8k.span")
    first = max(1, line - context)
    last = min(lines.line_count, line + context)
    gutter = len(str(last))
    out.append(" " * (gutter + 1) + "|\n", style="sec8k.span")
    for number in range(first, last + 1):
        start = lines.line_start(number)
        stop = text.find("\n", start)
        source = text[start : stop if stop != -1 else len(text)].rstrip("\r").expandtabs(8)
        shown, shift = _window(source, column - 1 if number == line else 0)
        out.append(f"{number:>{gutter}} | ", style="sec8k.span")
        out.append(shown)
        out.append("\n")
        if number == line:
            underline_end = end_column - 1 if end_line == line else len(source)
            begin = max(0, column - 1 - shift)
            finish = max(begin + 1, min(len(shown), underline_end - shift))
            out.append(" " * (gutter + 1) + "| ", style="sec8k.span")
            out.append(" " * begin)
            out.append("^" * (finish - begin), style="sec8k.error_range")
            out.append("\n")
    _hint(out, diagnostic, gutter + 1)
    return out


def _hint(out: Text, diagnostic: Diagnostic, indent: int) -> None:
    if diagnostic.hint:
        out.append(" " * indent + "= hint: ", style="sec8k.span")
        out.append(diagnostic.hint)
        out.append("\n")
