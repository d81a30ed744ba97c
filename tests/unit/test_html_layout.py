"""How the normalisers lay out text: a plain-text filing in <pre>, spacing, page headers."""

from __future__ import annotations

from sec8k.html import normalize_html
from sec8k.normalize import NormalizedDocument, normalize_text
from sec8k.span import Span


def _html(document: str) -> NormalizedDocument:
    return normalize_html(document, Span(0, len(document)))


PRE = (
    "<html><body><pre>ACME WIDGETS, INC.\n"
    "&lt;TABLE&gt;\n"
    "&lt;S&gt;                &lt;C&gt;\n"
    "DELAWARE           1-2345\n"
    "&lt;/TABLE&gt;\n"
    "                          2\n"
    "&lt;PAGE&gt;\n"
    "ITEM 5.  OTHER EVENTS.\n"
    "&lt;/page&gt;</pre></body></html>"
)


def test_sgml_lines_in_pre_are_set_aside_as_in_plain_text() -> None:
    document = _html(PRE)
    assert document.text.split("\n") == [
        "ACME WIDGETS, INC.",
        "DELAWARE           1-2345",
        "",  # the page number, set aside; HTML blanks its line
        "ITEM 5.  OTHER EVENTS.",
        "",
        "",
    ]
    kinds = sorted(n.kind for n in document.noise)
    assert kinds == ["page-marker"] * 2 + ["page-number"] + ["table-tag"] * 3
    assert [PRE[n.span.start : n.span.end] for n in document.noise][:2] == [
        "&lt;TABLE&gt;",
        "&lt;S&gt;                &lt;C&gt;",
    ]


def test_a_last_pre_line_without_a_line_end_keeps_its_indent() -> None:
    assert _html("<pre>one\n    two</pre>").text == "one\n    two\n\n"


def test_blank_lines_are_paragraph_spacing_in_html_but_not_in_pre() -> None:
    assert _html("<p>One</p><p>Two</p>").paragraph_spacing
    assert not _html(PRE).paragraph_spacing


def test_double_spaced_text_has_paragraph_spacing() -> None:
    lines = ["ACME WIDGETS, INC.", "(Exact name of registrant)", "Delaware", "(State)"] * 2
    typed = "\n".join(lines) + "\n"
    assert not normalize_text(typed, Span(0, len(typed))).paragraph_spacing
    double = "\n\n".join(lines) + "\n"
    assert normalize_text(double, Span(0, len(double))).paragraph_spacing


BREAK = '<div style="page-break-before:always"></div>'


def _pages(*pages: str) -> str:
    return "<html><body>" + BREAK.join(pages) + "</body></html>"


def test_a_line_opening_every_page_is_a_running_header() -> None:
    header = "<p>Acme Widgets, Inc. - Form 8-K</p>"
    document = _html(
        _pages(
            "<p>FORM 8-K</p>",
            header + "<p>Table of Contents</p><p>Item 8.01</p>",
            header + "<p>SIGNATURES</p>",
        )
    )
    assert "Acme" not in document.text and "Table of Contents" not in document.text
    assert [n.kind for n in document.noise] == ["running-header"] * 3


def test_a_heading_on_a_few_pages_of_many_is_no_header() -> None:
    pages = ["<p>Report</p><p>one</p>"] * 2 + [f"<p>Page text {i}</p>" for i in range(4)]
    document = _html(_pages("<p>FORM 10-K</p>", *pages))
    assert document.text.count("Report") == 2
    assert not document.noise


def test_tabs_in_pre_go_to_eight_column_stops_as_in_plain_text() -> None:
    text = "ab\tc\t\td\n\tx  y\tz\n"
    html = f"<pre>{text}</pre>"
    assert _html(html).text == normalize_text(text, Span(0, len(text))).text + "\n"


def test_table_text_outside_cells_is_kept() -> None:
    # Browsers print text a table holds outside its cells; so does sec8k, as rows.
    document = _html(
        "<table>Before the rows<tr>Before the cell<td>In a cell</td></tr>After a row</table>"
    )
    lines = [line.strip() for line in document.text.split("\n") if line.strip()]
    assert [" ".join(line.split()) for line in lines] == [
        "Before the rows",
        "Before the cell In a cell",
        "After a row",
    ]


def test_an_inline_styled_block_breaks_no_line() -> None:
    # Inline XBRL tools wrap facts in <div style="display:inline">.
    document = _html(
        '<p>FORM <div style="display: inline;"><ix:nonNumeric name="dei:DocumentType">'
        "8-K</ix:nonNumeric></div></p><div>Next</div>"
    )
    assert [line for line in document.text.split("\n") if line.strip()] == ["FORM 8-K", "Next"]


def test_sgml_lines_written_with_entities_outside_pre_are_set_aside() -> None:
    # A text filing turned into HTML with its page markers kept as text (Horizon 2006).
    document = _html(
        "<p>Item 1.01 Entry</p>"
        '<p><font size="2">&lt;PAGE&gt;</font></p>'
        "<p>&lt;PAGE&gt; is how a text filing marks a page.</p>"
        "<div>Signed</div>"
    )
    lines = [line for line in document.text.split("\n") if line]
    assert lines == ["Item 1.01 Entry", "<PAGE> is how a text filing marks a page.", "Signed"]
    assert [n.kind for n in document.noise] == ["page-marker"]


def test_the_wp_typographic_symbols_g_is_an_unchecked_box() -> None:
    box = '<font style="FONT-FAMILY: wp typographicsymbols">G</font>'
    document = _html(f"<div>{box} Written communications</div><div>G is a letter</div>")
    lines = [line for line in document.text.split("\n") if line]
    assert lines == ["[ ]  Written communications", "G is a letter"]
    wingdings = _html('<div><font face="Wingdings">G</font> pointing hand</div>')
    assert not wingdings.text.startswith("[")


def test_a_wingdings_check_mark_alone_is_a_checked_box() -> None:
    # Verizon 2009: "Large accelerated filer" and a Wingdings "ü" (0xFC, a check mark).
    document = _html(
        '<p>Large accelerated filer <font face="Wingdings">ü</font> Accelerated filer</p>'
        "<p>ü is a letter here</p>"
    )
    lines = [line for line in document.text.split("\n") if line]
    assert lines == ["Large accelerated filer   [X]  Accelerated filer", "ü is a letter here"]
