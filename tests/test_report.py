"""``sec8k report``: the page's content against to_dict(), its escaping, and a real browser."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import sec8k
from sec8k.cli import main
from sec8k.pipeline import build_filing, run
from sec8k.render.report import filing_report, report_html
from tests.conftest import CORPUS, FILINGS, ROOT, case_input

EXAMPLE = ROOT / "examples" / "immunogen-8k-2002-11-12.txt"
# One filing of each format: 1990s text, 2004 HTML, inline XBRL, a full submission.
FORMATS = {
    "text-1994": FILINGS / "0000950144-94-000277",
    "html-2004": FILINGS / "0001193125-04-169294_d8k",
    "ixbrl-2024": FILINGS / "0000320193-24-000005_aapl-20240201",
    "submission": FILINGS / "0000887919-21-000012",
    "10-k-1994": FILINGS.parent / "forms" / "0000320193-94-000016",
    "6-k-2023": FILINGS.parent / "forms" / "alcon_6-K_2023-02-13_form6-k10feb2023",
}


_VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})


class _Page(HTMLParser):
    """The parts of a report page a test reads: tree entries, marked runs, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: dict[str, dict[str, str]] = {}  # id -> label, detail, kind, pos
        self.runs: list[tuple[list[str], str]] = []  # (node ids, text) of #text, in order
        self.scripts = 0
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._in_text = False
        self._text_depth = 0
        self._node: str | None = None
        self._field: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag not in _VOID:
            self._stack.append((tag, found))
        if tag == "script":
            self.scripts += 1
        if tag == "div" and found.get("id") == "text":
            self._in_text = True
            self._text_depth = len(self._stack)
        if tag == "li" and "data-id" in found:
            self._node = found["data-id"]
            self.nodes[self._node] = {
                "kind": found["class"].removeprefix("node "),
                "pos": found["data-pos"],
                "label": "",
                "detail": "",
            }
        if tag == "span" and self._node and found.get("class") in ("label", "detail"):
            self._field = found["class"]

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self._stack.pop()
        assert opened == tag, (opened, tag)
        if tag == "div" and self._in_text and len(self._stack) < self._text_depth:
            self._in_text = False
        if tag == "li":
            self._node = None
        if tag == "span":
            self._field = None

    def handle_data(self, data: str) -> None:
        if self._in_text:
            ids = next((a["data-n"].split() for t, a in reversed(self._stack) if "data-n" in a), [])
            self.runs.append((ids, data))
        elif self._node and self._field:
            self.nodes[self._node][self._field] += data

    def shown(self) -> str:
        return "".join(text for _, text in self.runs)

    def text_of(self, node: str) -> str:
        return "".join(text for ids, text in self.runs if node in ids)


def _page(path: Path) -> tuple[sec8k.Filing, str, _Page]:
    state = run(path)
    filing = build_filing(state)
    page = filing_report(filing, state.document)
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return filing, page, parsed


def test_the_seed_example_shows_its_cover_items_exhibit_and_signer() -> None:
    filing, _, page = _page(EXAMPLE)
    data = filing.to_dict()
    labels = {(n["label"], n["detail"]) for n in page.nodes.values()}
    registrant = data["cover"]["registrants"][0]
    for name in ("name", "jurisdiction", "commission_file_number", "irs_employer_id", "zip"):
        assert (name.replace("_", " "), registrant[name]) in labels
    headings = [n for n in page.nodes.values() if n["kind"] == "item-heading"]
    assert [n["label"] for n in headings] == ["Item 9", "Item 7"]
    assert [i["number"] for i in data["items"]] == ["9", "7"]
    exhibits = [n for n in page.nodes.values() if n["kind"] == "exhibit"]
    assert [n["label"] for n in exhibits] == ["99.1"]
    signers = [n["label"] for n in page.nodes.values() if n["kind"] == "signature"]
    assert signers == ["Gregg D. Beloff, Chief Financial Officer and Vice President, Finance"]


def test_a_text_filing_is_shown_whole_and_every_node_marks_its_span() -> None:
    filing, _, page = _page(EXAMPLE)
    source = filing.source.text
    assert page.shown() == source[filing.span.start : filing.span.end]
    marks = list(_spans_in_tree_order(filing))
    assert len(marks) == len(page.nodes)
    for node, (start, end) in zip(page.nodes, marks, strict=True):
        assert page.text_of(node) == source[start:end], page.nodes[node]


def _spans_in_tree_order(filing: sec8k.Filing) -> list[tuple[int, int]]:
    """The spans the tree lists, from to_dict(), in the page's order (cover first)."""
    data = filing.to_dict()
    spans: list[tuple[int, int]] = []
    cover = data["cover"]
    for registrant in cover["registrants"]:
        spans += [tuple(span) for _, span in registrant["field_spans"]]
    spans += [tuple(f["span"]) for f in cover["fields"]]
    spans += [tuple(b["span"]) for b in cover["boxes"]]
    spans += [tuple(p["span"]) for p in cover["parts"]]
    for section in data["sections"]:
        if section["node"] == "item":
            spans.append(tuple(section["heading_span"]))
            spans.append((section["heading_span"][1], section["span"][1]))
        elif section["node"] == "signature_block":
            spans.append(tuple(section["span"]))
            spans += [tuple(s["span"]) for s in section["signatures"]]
    spans += [tuple(e["span"]) for e in data["exhibits"]]
    spans += [tuple(n["span"]) for n in data["noise"]]
    spans += [tuple(d["span"]) for d in data["diagnostics"] if d.get("span")]
    return spans  # type: ignore[return-value]


@pytest.mark.parametrize("case", FORMATS.values(), ids=FORMATS.keys())
def test_the_page_lists_what_to_dict_holds(case: Path) -> None:
    filing, _, page = _page(case_input(case))
    data = filing.to_dict()
    kinds = [n["kind"] for n in page.nodes.values()]
    items = [n["label"] for n in page.nodes.values() if n["kind"] == "item-heading"]
    assert items == [f"Item {i['number']}" for i in data["items"]]
    assert kinds.count("exhibit") == len(data["exhibits"])
    assert kinds.count("signature") == len(filing.signatures)
    spanned = [d for d in data["diagnostics"] if d.get("span")]
    assert sum(k.startswith("diag-") for k in kinds) == len(spanned)
    # Every item heading and cover field is marked on text that holds what it says.
    for node in page.nodes.values():
        assert node["pos"].startswith("line ")
    for number, n in zip(
        data["items"],
        [x for x in page.nodes if page.nodes[x]["kind"] == "item-heading"],
        strict=True,
    ):
        shown = " ".join(page.text_of(n).split())
        assert number["number"].split(".")[0] in shown, (number, shown)
    for registrant in data["cover"]["registrants"]:
        for name, _ in registrant["field_spans"]:
            value = " ".join(str(registrant[name]).split())
            found = [
                " ".join(page.text_of(x).split())
                for x, n in page.nodes.items()
                if n["kind"] == "cover-field" and n["label"] == name.replace("_", " ")
            ]
            # (a value laid out around another column's text holds that text too)
            words = [_loose(word) for word in value.split()]
            assert any(all(w in _loose(f) for w in words) for f in found), (name, value, found)


def _loose(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def test_a_filing_s_markup_and_scripts_are_shown_not_run() -> None:
    hostile = (
        b"FORM 8-K\n\nITEM 8.01  OTHER EVENTS\n\n"
        b"</pre><script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"\n"
    )
    filing = sec8k.parse(hostile)
    page = filing_report(filing)
    parsed = _Page()
    parsed.feed(page)
    assert parsed.scripts == 1  # the page's own
    assert page.count("<script") == 1 and "<img" not in page
    assert "&lt;/pre&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "</pre><script>alert('x')</script><img" in parsed.shown()  # as text, in the text


def test_an_html_filing_shows_its_normalised_text_with_byte_offsets() -> None:
    case = FORMATS["ixbrl-2024"]
    state = run(case_input(case))
    filing = build_filing(state)
    parsed = _Page()
    parsed.feed(filing_report(filing, state.document))
    assert state.document is not None and parsed.shown() == state.document.text
    assert all(", byte " in n["pos"] for n in parsed.nodes.values())


def test_report_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.html"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", str(EXAMPLE), "-o", "-"]) == 0
    assert "IMMUNOGEN, INC." in capsys.readouterr().out


# ---- In a real browser: Debian's chromium, headless ----

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (.ci/run installs Debian's package)"
)
SCREENSHOTS = Path(os.environ.get("SEC8K_SCREENSHOTS", ROOT / "build" / "report-screenshots"))


def _chromium(*args: str) -> tuple[str, list[str]]:
    """Run headless Chromium; its standard output, and the page's console messages."""
    assert CHROMIUM is not None
    flags = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run")
    done = subprocess.run(
        [CHROMIUM, *flags, "--enable-logging=stderr", "--v=0", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def _browser_page(page: str, tmp_path: Path, name: str) -> dict[str, list[Any]]:
    """What the page's self-test saw: each tree node clicked in turn, and script errors."""
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    dom, console = _chromium(
        "--virtual-time-budget=10000", "--dump-dom", path.as_uri() + "#selftest"
    )
    start = dom.find('<pre id="selftest">')
    assert start != -1, "the page's script did not run"
    end = dom.find("</pre>", start)
    found: dict[str, list[Any]] = json.loads(html.unescape(dom[start + 19 : end]))
    found["console"] = console
    return found


@needs_browser
@pytest.mark.parametrize("case", FORMATS.values(), ids=FORMATS.keys())
def test_in_a_browser_clicking_each_node_highlights_its_text(case: Path, tmp_path: Path) -> None:
    state = run(case_input(case))
    filing = build_filing(state)
    page = filing_report(filing, state.document)
    seen = _browser_page(page, tmp_path, case.name)
    assert seen["errors"] == [] and seen["console"] == []
    results = seen["nodes"]
    # What the browser shows is what to_dict() holds.
    data = filing.to_dict()
    shown = [(r["label"], r["detail"]) for r in results if r["kind"] == "item-heading"]
    assert [label for label, _ in shown] == [f"Item {i['number']}" for i in data["items"]]
    assert [d.split(" [")[0] for _, d in shown] == [i["title"] for i in data["items"]]
    diagnostics = [(d["code"], d["message"]) for d in data["diagnostics"] if d.get("span")]
    assert [(r["label"], r["detail"]) for r in results if r["kind"].startswith("diag-")] == (
        diagnostics
    )
    fields = {(r["label"], r["detail"]) for r in results if r["kind"] == "cover-field"}
    for registrant in data["cover"]["registrants"] if data["cover"] else []:
        for name, _ in registrant["field_spans"]:
            assert (name.replace("_", " "), str(registrant[name])) in fields
    reference = _Page()
    reference.feed(page)
    assert [r["id"] for r in results] == list(reference.nodes)
    for result in results:
        expected = reference.text_of(str(result["id"]))
        assert result["current"] is True
        assert result["text"] == expected, result
        assert (result["highlighted"] > 0) == bool(expected), result


@needs_browser
def test_in_a_browser_two_reports_are_screenshotted(tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, source in (("seed-text", EXAMPLE), ("ixbrl", case_input(FORMATS["ixbrl-2024"]))):
        path = tmp_path / f"{name}.html"
        path.write_text(report_html(source), encoding="utf-8")
        shot = SCREENSHOTS / f"{name}.png"
        shot.unlink(missing_ok=True)
        _, console = _chromium("--window-size=1400,900", f"--screenshot={shot}", path.as_uri())
        assert console == []
        assert shot.stat().st_size > 10_000


def _corpus_sample() -> list[Path]:
    """Every 15th corpus filing and the largest; all of them with SEC8K_REPORT_ALL=1."""
    if not (CORPUS / "files").is_dir():
        return []
    files = sorted((CORPUS / "files").iterdir())
    if os.environ.get("SEC8K_REPORT_ALL"):
        return files
    largest = max(files, key=lambda p: p.stat().st_size)
    return sorted({*files[::15], largest})


@needs_browser
@pytest.mark.skipif(not (CORPUS / "files").is_dir(), reason="the shared corpus is not here")
@pytest.mark.parametrize("path", _corpus_sample(), ids=lambda p: p.name)
def test_in_a_browser_corpus_reports_open_without_script_errors(path: Path, tmp_path: Path) -> None:
    state = run(path)
    page = filing_report(build_filing(state), state.document)
    seen = _browser_page(page, tmp_path, path.stem)
    assert seen["errors"] == [] and seen["console"] == []
    assert all(node["current"] for node in seen["nodes"])


# ---- sec8k batch --report ----


def test_batch_report_writes_a_page_per_filing_with_errors_and_an_index(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from sec8k.batch.pages import INDEX, page_name

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(EXAMPLE.read_bytes())
    # A real submission cut off at a third: its <DOCUMENT> never closes (ENV003, an error).
    whole = case_input(FILINGS / "0000723533-04-000001").read_bytes()
    (inputs / "cut.txt").write_bytes(whole[: len(whole) // 3])
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["batch", str(inputs), "--out", str(out), "--jobs", "1", "--report"]) == 1
    reports = out / "reports"
    pages = sorted(p.name for p in reports.glob("*.html") if p.name != INDEX)
    names = {page_name(str(inputs / n)): n for n in ("cut.txt", "empty.txt")}
    assert pages == sorted(names)
    index = (reports / INDEX).read_text(encoding="utf-8")
    listed = [names[href] for href in re.findall(r'<a href="([^"]+)"', index)]
    assert sorted(listed) == ["cut.txt", "empty.txt"]
    counts = dict(zip(listed, re.findall(r"</a></td><td>(\d+)</td>", index), strict=True))
    assert all(int(n) >= 1 for n in counts.values())
    cut = _Page()
    cut.feed((reports / page_name(str(inputs / "cut.txt"))).read_text(encoding="utf-8"))
    assert any(n["label"] == "ENV003" for n in cut.nodes.values())
    # A second run into the same folder resumes: nothing new, the index still lists both.
    main(["batch", str(inputs), "--out", str(out), "--jobs", "1", "--report"])
    again = (reports / INDEX).read_text(encoding="utf-8")
    assert len(re.findall(r'<a href="', again)) == 2


@needs_browser
def test_in_a_browser_a_5_mb_document_opens_and_every_node_still_selects(tmp_path: Path) -> None:
    # The seed filing's text again and again, to 5 MB: the page lays out only the blocks
    # of lines in view, and clicking any node (scrolling to it) still works.
    seed = EXAMPLE.read_bytes()
    data = seed * (5 * 2**20 // len(seed) + 1)
    state = run(data)
    page = filing_report(build_filing(state), state.document)
    assert page.count('<div class="block">') > 100
    seen = _browser_page(page, tmp_path, "five-mb")
    assert seen["errors"] == [] and seen["console"] == []
    assert seen["nodes"] and all(node["current"] for node in seen["nodes"])
