"""The ``sec8k`` command: read, check and debug filings; explain codes; list rules and forms.

Exit codes are named in one place (:data:`EXIT_OK` ...). No traceback reaches the user: an
internal failure prints one line and exits :data:`EXIT_INTERNAL` (``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from lark import Token, Tree
from rich.console import Console

import sec8k
from sec8k.batch.store import MissingDependencyError
from sec8k.diagnostics import CODES
from sec8k.errors import InputError, UnknownFormError
from sec8k.grammar import display_name
from sec8k.model import Filing
from sec8k.pipeline import build_filing, run
from sec8k.render import to_rich_tree
from sec8k.render.diagnostic import render_diagnostic
from sec8k.render.theme import SEC8K_THEME
from sec8k.span import line_index

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_IO",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
"""Parsed; no error diagnostics."""
EXIT_FINDINGS = 1
"""Parsed; the filing has error diagnostics."""
EXIT_USAGE = 2
"""Bad command line."""
EXIT_INTERNAL = 3
"""sec8k failed: a bug."""
EXIT_IO = 4
"""A file could not be read, or the output not written."""
EXIT_BROKEN_PIPE = 141
"""The reader of the output went away (``sec8k check ... | head``); as a shell reports a
command ended by SIGPIPE."""


class _Console(Console):
    """A console that leaves a closed pipe to :func:`main` (rich would exit 1 itself)."""

    def on_broken_pipe(self) -> None:
        """Stop writing and let the command end."""
        self.quiet = True
        raise BrokenPipeError


_FILE_HELP = "a filing's document or EDGAR submission; - for standard input"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sec8k",
        description="Parse SEC filings with a grammar; `sec8k forms` lists the forms it reads.",
    )
    compiled = len(sec8k.compiled_modules())
    build = f"{compiled} modules compiled" if compiled else "pure Python"
    parser.add_argument(
        "--version", action="version", version=f"sec8k {sec8k.__version__} ({build})"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = commands.add_parser("show", help="print the filing as a tree")
    show.add_argument(
        "file", type=Path, help="a filing's document or EDGAR submission; - for standard input"
    )
    _form_option(show)
    show.add_argument("--width", type=int, default=None, help="console width (default: terminal)")

    parse = commands.add_parser("parse", help="print the parsed model as JSON, or the parse tree")
    parse.add_argument(
        "file", type=Path, help="a filing's document or EDGAR submission; - for standard input"
    )
    _form_option(parse)
    output = parse.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="the model as JSON (the default)")
    output.add_argument("--tree", action="store_true", help="the raw Lark parse tree")
    output.add_argument("--model", action="store_true", help="the model as a tree")
    parse.add_argument("--width", type=int, default=None, help="console width (default: terminal)")

    check = commands.add_parser("check", help="validate filings against the rules of their form")
    check.add_argument("files", type=Path, nargs="+", metavar="FILE", help="filings to check")
    _form_option(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--select", default="", help="only these codes or prefixes, comma-separated")
    check.add_argument("--ignore", default="", help="leave out these codes or prefixes")
    check.add_argument(
        "--severity",
        choices=("error", "warning", "info"),
        default="warning",
        help="the least severe findings to show (default: warning)",
    )
    check.add_argument("--width", type=int, default=None, help="console width (default: terminal)")

    explain = commands.add_parser("explain", help="print the documentation of a code")
    explain.add_argument("code", help="a diagnostic code, e.g. ITM003")

    rules = commands.add_parser("rules", help="list every diagnostic code and rule")
    rules.add_argument("--form", default=None, metavar="NAME", help="only the rules of this form")

    commands.add_parser("forms", help="list the forms sec8k reads")
    commands.add_parser("schema", help="print the JSON Schema of `sec8k parse --json`")

    batch = commands.add_parser(
        "batch", help="parse many filings into Parquet tables, resumably, on all cores"
    )
    batch.add_argument(
        "inputs", nargs="*", help="files, folders, glob patterns, .tar/.tar.gz/.zip archives"
    )
    batch.add_argument("--out", type=Path, help="the output folder (a run into it resumes)")
    batch.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    batch.add_argument(
        "--time-limit", type=float, default=120.0, metavar="SECONDS", help="per input"
    )
    batch.add_argument(
        "--memory-limit", type=int, default=4096, metavar="MIB", help="per worker process"
    )
    batch.add_argument(
        "--part-size", type=int, default=200, metavar="N", help="filings per part file"
    )
    batch.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local worker processes, or a Dask cluster (pip install 'sec8k[dask]')",
    )
    batch.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="the Dask scheduler to use"
    )
    batch.add_argument(
        "--report",
        action="store_true",
        help="also write OUT/reports/: a report page per filing with errors, and index.html",
    )
    batch.add_argument("--describe", action="store_true", help="print the tables' columns and exit")

    debug = commands.add_parser(
        "debug", help="show the normalised lines, their tokens and where each rule begins"
    )
    debug.add_argument(
        "file", type=Path, help="a filing's document or EDGAR submission; - for standard input"
    )
    _form_option(debug)
    debug.add_argument(
        "--lines", default="", metavar="A-B", help="only normalised lines A to B (e.g. 30-60)"
    )
    debug.add_argument("--width", type=int, default=None, help="console width (default: terminal)")

    report = commands.add_parser(
        "report", help="write one HTML page with the filing's text beside its parse tree"
    )
    report.add_argument(
        "file", type=Path, help="a filing's document or EDGAR submission; - for standard input"
    )
    _form_option(report)
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="PATH",
        help="where to write the page (default: FILE's stem + .report.html here; - for stdout)",
    )
    report.add_argument("--open", action="store_true", help="open the page in a web browser")
    return parser


def _form_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--form",
        default=None,
        metavar="NAME",
        help="read the filing as this form (default: detect it; `sec8k forms` lists them)",
    )


def _console(width: int | None) -> Console:
    return _Console(theme=SEC8K_THEME, width=width, highlight=False, soft_wrap=False)


def _exit_code(filing: Filing) -> int:
    return EXIT_FINDINGS if filing.errors else EXIT_OK


def _input(path: Path) -> Path | BinaryIO:
    """The file to read: a path, or standard input for "-"."""
    return sys.stdin.buffer if str(path) == "-" else path


def _show(args: argparse.Namespace) -> int:
    filing = sec8k.parse(_input(args.file), form=args.form)
    _console(args.width).print(to_rich_tree(filing))
    return _exit_code(filing)


def _readable(tree: Tree[Token]) -> Tree[Token]:
    """A copy of a parse tree with each rule named by its grammar part ("cover.masthead")."""
    children = [_readable(c) if isinstance(c, Tree) else c for c in tree.children]
    return Tree(display_name(str(tree.data)), children, tree.meta)


def _parse(args: argparse.Namespace) -> int:
    if args.tree:
        state = run(_input(args.file), form=args.form, until="parse")
        console = _console(args.width)
        if state.tree is None:
            for diagnostic in state.sink.diagnostics:
                console.print(f"{diagnostic.code} {diagnostic.message}", markup=False)
            return EXIT_FINDINGS
        console.print(_readable(state.tree))
        return EXIT_FINDINGS if state.sink.has_errors() else EXIT_OK
    filing = sec8k.parse(_input(args.file), form=args.form)
    if args.model:
        _console(args.width).print(to_rich_tree(filing))
    else:
        sys.stdout.write(json.dumps(filing.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return _exit_code(filing)


_RANK = {"error": 0, "warning": 1, "info": 2}


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _check(args: argparse.Namespace) -> int:
    console = _console(args.width)
    select, ignore = _codes(args.select), _codes(args.ignore)
    unknown = sec8k.unknown_codes((*select, *ignore))
    if unknown:
        names = ", ".join(unknown)
        print(
            f"sec8k: no code is or starts with {names}; `sec8k rules` lists them", file=sys.stderr
        )
        return EXIT_USAGE
    worst = EXIT_OK
    shown = {"error": 0, "warning": 0, "info": 0}
    unreadable = 0
    for path in args.files:
        try:
            filing = sec8k.parse(_input(path), form=args.form)
        except InputError as exc:  # say so and go on with the other files
            unreadable += 1
            print(f"sec8k: {exc}", file=sys.stderr)
            if args.format == "json":
                sys.stdout.write(json.dumps({"path": str(path), "unreadable": str(exc)}) + "\n")
            continue
        found = sec8k.check(filing, select=select, ignore=ignore)
        lines = line_index(filing.source.text)
        for diagnostic in found:
            severity = diagnostic.severity.value
            if severity == "error":
                worst = EXIT_FINDINGS
            if _RANK[severity] > _RANK[args.severity]:
                continue
            shown[severity] += 1
            if args.format == "json":
                record = {"path": str(path), **diagnostic.to_dict()}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                console.print(
                    render_diagnostic(diagnostic, filing.source.text, str(path), lines=lines)
                )
    if args.format == "text":
        summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in shown.items())
        if unreadable:
            summary += f", {unreadable} unreadable"
        console.print(
            f"{len(args.files)} file{'s' if len(args.files) != 1 else ''} checked: {summary}"
        )
    return EXIT_IO if unreadable else worst


def _explain(args: argparse.Namespace) -> int:
    import sec8k.validate  # noqa: F401 - registers the rules' codes

    code = CODES.get(args.code.upper())
    if code is None:
        print(f"sec8k: no code {args.code!r}; `sec8k rules` lists them", file=sys.stderr)
        return EXIT_USAGE
    console = _console(None)
    severity = code.severity.value
    console.print(f"[sec8k.code]{code.code}[/] {code.name} ([sec8k.{severity}]{severity}[/])")
    console.print()
    for paragraph in _paragraphs(code.doc):
        console.print(paragraph, markup=False)
        console.print()
    return EXIT_OK


def _paragraphs(doc: str) -> list[str]:
    """A docstring's paragraphs, each joined into one line for the console to wrap."""
    blocks = inspect.cleandoc(doc).split("\n\n")
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks]


def _rules(args: argparse.Namespace) -> int:
    from sec8k.forms import get_form
    from sec8k.validate import rules_of

    codes = sorted(CODES.values(), key=lambda c: c.code)
    if args.form is not None:
        form = get_form(args.form)
        own = {cls.code for cls in rules_of(form.name)}
        codes = [code for code in codes if code.code in own]
    console = _console(None)
    for code in codes:
        summary = _paragraphs(code.doc)[0]
        console.print(
            f"[sec8k.code]{code.code}[/]  [sec8k.{code.severity.value}]{code.severity.value:<7}[/] "
            f"{code.name:<34} {summary}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
    return EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from sec8k.batch import report
    from sec8k.batch.run import Limits, run_batch
    from sec8k.batch.tables import describe

    if args.describe:
        sys.stdout.write(describe())
        return EXIT_OK
    if not args.inputs or args.out is None:
        print("sec8k: batch needs inputs and --out DIR (or --describe)", file=sys.stderr)
        return EXIT_USAGE
    console = _console(None)
    reports = args.out / "reports" if args.report else None
    limits = Limits(seconds=args.time_limit, memory_mb=args.memory_limit, reports=reports)
    run = functools.partial(
        run_batch,
        args.inputs,
        args.out,
        jobs=args.jobs,
        limits=limits,
        part_size=max(1, args.part_size),
        engine=args.engine,
        scheduler=args.scheduler,
    )
    if console.is_terminal:
        with report.live_progress(console) as progress:
            result = run(progress=progress)
    else:
        result = run(progress=report.plain_progress(console))
    report.summary(console, result)
    return result.exit_code


def _schema(args: argparse.Namespace) -> int:
    from sec8k.schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _forms(args: argparse.Namespace) -> int:
    from sec8k.forms import forms
    from sec8k.validate import rules_of

    console = _console(None)
    for form in forms():
        default = " (default)" if form.default else ""
        console.print(
            f"[sec8k.code]{form.name:<6}[/] {', '.join(form.document_types)}\n"
            f"       grammar {form.grammar_path().name}, {len(rules_of(form.name))} rules, "
            f"from {form.package()}{default}: {form.summary()}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
    return EXIT_OK


def _line_range(value: str) -> tuple[int, int | None] | None:
    """``--lines``: "30-60", "30-" (to the end), "30" (one line), "" (all); None if bad."""
    if not value:
        return 1, None
    first, dash, last = value.partition("-")
    if not first.isdigit() or (last and not last.isdigit()):
        return None
    if not dash:
        return int(first), int(first)
    return int(first), int(last) if last else None


def _debug(args: argparse.Namespace) -> int:
    from sec8k.debug import render_debug

    lines = _line_range(args.lines)
    if lines is None:
        print(f"sec8k: --lines wants A-B, e.g. 30-60, not {args.lines!r}", file=sys.stderr)
        return EXIT_USAGE
    state = run(_input(args.file), form=args.form, until="parse")
    report = render_debug(state, str(args.file), first=lines[0], last=lines[1])
    _console(args.width).print(report, soft_wrap=True)
    return EXIT_FINDINGS if state.sink.has_errors() else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from sec8k.render.report import filing_report

    state = run(_input(args.file), form=args.form)
    filing = build_filing(state)
    page = filing_report(filing, state.document)
    output = args.output
    if output is None:
        stem = "stdin" if str(args.file) == "-" else args.file.stem
        output = Path(f"{stem}.report.html")
    if str(output) == "-":
        sys.stdout.write(page)
        return _exit_code(filing)
    output.write_text(page, encoding="utf-8")
    print(output)
    if args.open:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())
    return _exit_code(filing)


_COMMANDS = {
    "show": _show,
    "parse": _parse,
    "check": _check,
    "explain": _explain,
    "rules": _rules,
    "forms": _forms,
    "schema": _schema,
    "batch": _batch,
    "debug": _debug,
    "report": _report,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage and 0 on --help
        return int(exc.code or 0)
    if sys.stdout is None:  # started with standard output closed (`sec8k ... >&-`)
        print("sec8k: standard output is closed; nothing can be written", file=sys.stderr)
        return EXIT_IO
    try:
        return _COMMANDS[args.command](args)
    except InputError as exc:
        print(f"sec8k: {exc}", file=sys.stderr)
        return EXIT_IO
    except (UnknownFormError, MissingDependencyError) as exc:
        print(f"sec8k: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`sec8k check ... | head`): nothing more to say to it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        # Reading is InputError; this is the output failing (closed, full disk).
        print(f"sec8k: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_IO
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        else:
            message = str(exc).splitlines()[0] if str(exc) else ""
            print(
                f"sec8k: internal error ({type(exc).__name__}: {message}); please report it "
                "with the file (--debug shows the traceback)",
                file=sys.stderr,
            )
        return EXIT_INTERNAL
