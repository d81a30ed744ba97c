"""The shared grammar parts, each run on its own: a rule, a snippet of a real filing, a tree.

``grammar/document.lark`` assembles the parts (cover, items, exhibits, signature,
amendment); a parser built from it with the parts' rules as start symbols reads one part at
a time. The snippets are lines cut from the real filings of ``tests/filings`` and
``tests/forms`` (normalised as the parse stage sees them), so each test says what the part
makes of real text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lark import Lark, Token, Tree

from sec8k.grammar import grammar_dir, shipped_grammar
from sec8k.pipeline import run
from tests.conftest import FILINGS, case_input

FORMS = Path(__file__).resolve().parent / "forms"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "immunogen-8k-2002-11-12.txt"
STARTS = ["cover_page", "item", "signature_block", "exhibit_index", "explanatory_note"]


@pytest.fixture(scope="module")
def parts() -> Lark:
    return Lark.open(
        str(grammar_dir() / "document.lark"),
        start=STARTS,
        parser="lalr",
        lexer="contextual",
        import_paths=[shipped_grammar],
    )


def lines(path: Path, first: int, last: int) -> str:
    """Normalised lines ``first`` to ``last`` (1-based) of a real filing."""
    state = run(path, until="normalize")
    assert state.document is not None
    return "\n".join(state.document.text.split("\n")[first - 1 : last]) + "\n"


def bare(name: object) -> str:
    return str(name).rpartition("__")[2]


def kinds(tree: Tree[Token]) -> list[str]:
    return [bare(t.type) for t in tree.scan_values(lambda v: isinstance(v, Token))]


def rows(tree: Tree[Token]) -> list[tuple[str, list[str]]]:
    """Each row of a cover or signature block: its rule, its cells' terminals."""
    out = []
    for child in tree.children:
        if isinstance(child, Tree):
            cells = [bare(t.type) for t in child.children if isinstance(t, Token)]
            out.append((bare(child.data), [c for c in cells if c not in ("EOL_BLANK",)]))
    return out


def test_item_heading_is_word_number_title(parts: Lark) -> None:
    tree = parts.parse(lines(EXAMPLE, 38, 42), start="item")
    assert tree.data == "item"
    heading = [t for t in tree.children if isinstance(t, Token)][:3]
    assert [bare(t.type) for t in heading] == ["ITEM_WORD", "ITEM_NO", "ITEM_TITLE"]
    assert heading[1].strip() == "9" and heading[2].strip(" .\n") == "REGULATION FD DISCLOSURE"
    assert "PARA" in kinds(tree)


def test_item_lists_exhibit_rows(parts: Lark) -> None:
    tree = parts.parse(lines(EXAMPLE, 56, 63), start="item")
    exhibits = [c for c in tree.children if isinstance(c, Tree) and bare(c.data) == "exhibit"]
    assert len(exhibits) == 1 and kinds(exhibits[0]) == ["EXHIBIT_ROW"]


def test_cover_types_its_rows_and_cells(parts: Lark) -> None:
    tree = parts.parse(lines(EXAMPLE, 1, 33), start="cover_page")
    found = rows(tree)
    assert ("form_title", ["FORM_TITLE"]) in found
    assert ("label_row", ["LABEL_DATE_OF_REPORT", "DATE"]) in found
    assert ("caption_row", ["CAPTION_NAME"]) in found
    # The three-column row: state, file number and IRS number, their captions wrapped.
    assert (
        "caption_row",
        ["CAPTION_JURISDICTION", "CAPTION_COMMISSION_FILE_NUMBER", "CAPTION_IRS_EMPLOYER_ID"],
    ) in found
    assert ("caption_row", ["CAPTION_END", "CAPTION_END", "CAPTION_END"]) in found
    assert ("caption_row", ["CAPTION_ADDRESS", "CAPTION_ZIP"]) in found
    assert ("label_row", ["LABEL_PHONE", "CELL"]) in found
    assert sum(kind == "masthead" for kind, _ in found) == 5


def test_cover_reads_check_boxes_and_questions(parts: Lark) -> None:
    case = case_input(FILINGS / "0000320193-24-000005_aapl-20240201")
    state = run(case, until="normalize")
    assert state.document is not None
    text = state.document.text
    start = text.index("Check the appropriate box")
    end = text.index("\n", text.index("extended transition period")) + 1
    first = text.count("\n", 0, start) + 1
    tree = parts.parse(lines(case, first, text.count("\n", 0, end)), start="cover_page")
    found = rows(tree)
    assert found[0] == ("question", ["QUESTION"])
    assert ("check_box", ["CHECK_BOX", "BOX_WRITTEN_COMMUNICATIONS"]) not in found  # 8-K's words
    assert ("box_row", ["OPTION_EMERGING_GROWTH_COMPANY", "CHECK_BOX"]) in found
    assert ("question", ["QUESTION_EXTENDED_TRANSITION_PERIOD", "CHECK_BOX"]) in found


def test_signature_block_rows(parts: Lark) -> None:
    tree = parts.parse(lines(EXAMPLE, 66, 80), start="signature_block")
    assert next(bare(t.type) for t in tree.children if isinstance(t, Token)) == "SIGNATURE_HEADING"
    assert "ATTESTATION" in kinds(tree) and "CONFORMED" in kinds(tree)


def test_exhibit_index(parts: Lark) -> None:
    case = case_input(FILINGS / "0000891020-98-001352")
    text = lines(case, 1, 10**6)
    first = text[: text.index("EXHIBIT INDEX")].count("\n") + 1
    tree = parts.parse(lines(case, first, first + 12), start="exhibit_index")
    assert kinds(tree)[0] == "EXHIBIT_INDEX_HEADING"
    assert any(bare(c.data) == "exhibit" for c in tree.children if isinstance(c, Tree))


def test_explanatory_note(parts: Lark) -> None:
    case = case_input(FILINGS / "0000950170-23-028931_fdx-20230620")
    text = lines(case, 1, 10**6)
    first = text[: text.index("EXPLANATORY NOTE")].count("\n") + 1
    tree = parts.parse(lines(case, first, first + 4), start="explanatory_note")
    assert kinds(tree)[0] == "EXPLANATORY_NOTE" and "PARA" in kinds(tree)


# ---- a form's own grammar, with the parts its vocabulary extends ----


@pytest.fixture(scope="module")
def periodic() -> Lark:
    return Lark.open(
        str(grammar_dir() / "form_10q.lark"),
        start=["part_heading", "cover_page"],
        parser="lalr",
        lexer="contextual",
        import_paths=[shipped_grammar],
    )


def test_part_heading(periodic: Lark) -> None:
    case = FORMS / "0000320193-98-000006" / "0000320193-98-000006.txt"
    tree = periodic.parse(lines(case, 57, 58), start="part_heading")
    assert kinds(tree) == ["PART_WORD", "PART_NO", "PART_TITLE", "BLANK"]


def test_periodic_cover_words(periodic: Lark) -> None:
    case = FORMS / "0000320193-98-000006" / "0000320193-98-000006.txt"
    found = rows(periodic.parse(lines(case, 2, 54), start="cover_page"))
    # "For the quarterly period ended March 27, 1998 OR": the label inside the box's text.
    period = ["CHECK_BOX", "BOX_QUARTERLY_REPORT", "LABEL_PERIOD_OF_REPORT", "DATE", "LABEL"]
    assert ("check_box", period) in found
    transition = ["MARK", "BOX_TRANSITION_REPORT", "LABEL_TRANSITION_PERIOD", "CELL"]
    assert ("check_box", transition) in found
    assert ("box_row", ["ANSWER", "MARK", "ANSWER", "CELL"]) in found
    assert ("paragraph", ["PARAGRAPH_SHARES_OUTSTANDING"]) in found
    assert any(kind == "securities_12g" for kind, _ in found)


def test_a_shared_terminal_is_extended_where_the_form_says(parts: Lark, periodic: Lark) -> None:
    # "Item 1A" is an item number of the periodic forms only: they extend ITEM_SUFFIX.
    heading = "Item 1A. Risk Factors\n"
    in_10q = Lark.open(
        str(grammar_dir() / "form_10q.lark"),
        start="item",
        parser="lalr",
        lexer="contextual",
        import_paths=[shipped_grammar],
    ).parse(heading)
    number = [t for t in in_10q.children if isinstance(t, Token) and bare(t.type) == "ITEM_NO"]
    assert number[0].strip() == "1A"
    shared = parts.parse(heading, start="item")
    number = [t for t in shared.children if isinstance(t, Token) and bare(t.type) == "ITEM_NO"]
    assert number[0].strip() == "1"


# The 8-K's four boxes as first written: a lazy window of 400 characters of the box's text
# (wrapped onto indented lines), then the words that name the box. The grammar reads the
# window possessively now; it must match exactly where these do.
_BOX_WINDOW = r"(?:[^\n]|\n(?![ \t]*(?:\[|\||_|[\u2610\u2612]))(?=[ \t])){0,400}?"
_BOX_CITATION = (
    r"(?:\n(?:[ \t]*\n)?[ \t]*(?:\(?17[ \t]*(?i:c\.?f\.?r\.?)[ \t]*)?"
    r"2[34]0\.\d+[\w()-]*[ \t]*(?=\n))?"
)
_BOX_WORDS = {
    "BOX_WRITTEN_COMMUNICATIONS": r"rule\s*425|230\.425|written\s+communication",
    "BOX_SOLICITING_MATERIAL": r"14a-12|soliciting",
    "BOX_PRE_COMMENCEMENT_TENDER_OFFER": r"14d-2|240\.14d",
    "BOX_PRE_COMMENCEMENT_ISSUER_TENDER_OFFER": r"13e-4|240\.13e",
}
_BOX_PIECES = [
    *("rule", "Rule 425", "RULE\n425", "425", "230.425", "written", "Written communications"),
    *("\u017foliciting", "soliciting", "14a-12", "14A-12", "14d-2", "240.14d", "240.13e"),
    *("13e-4", "13E-4", "r", "w", "s", "1", "2", "x", " ", "\t", "\n", "\n  ", "\n[", "\n_"),
    *("\n \u2610", "a" * 50, "b" * 190, "(17 CFR 240.14d-2(b))", "240.13e-4(c))", "17 C.F.R."),
]


@pytest.mark.parametrize("name", sorted(_BOX_WORDS))
def test_the_8k_boxes_match_where_their_lazy_definition_does(name: str) -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (terminal,) = [t for t in Form8K.parser().terminals if t.name.rpartition("__")[2] == name]
    fast = re.compile(terminal.pattern.to_regexp())
    lazy = re.compile(
        rf"[ \t]*(?=\S)(?={_BOX_WINDOW}(?i:{_BOX_WORDS[name]}))\S[^\n]*{_BOX_CITATION}"
    )
    rng = random.Random(name)
    for _ in range(4000):
        text = "".join(rng.choice(_BOX_PIECES) for _ in range(rng.randint(0, 25)))
        expected, found = lazy.match(text), fast.match(text)
        assert (found and found.group()) == (expected and expected.group()), repr(text)


# A caption's rest as first written, a character at a time with a way back at each; the
# grammar reads it a run at a time, possessively, and must match exactly where this does.
_PLAIN_CAPTION_REST = r"(?:[^()\[\]\n ]| (?! )|\([^()\n]*\))*(?:[)\]](?:[ \t]*:)?)?"
_CAPTION_PIECES = [
    *("(", ")", "[", "]", " ", "  ", "\t", "\n", ":", " :", "x", "Exact", "name", "Zip"),
    *("(Commission", "File No.)", "(a)", "(b", "of registrant", "I.R.S.", "\u017f", "Code)"),
]


def test_captions_match_where_their_plain_rest_does() -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    captions = [t for t in Form8K.parser().terminals if "CAPTION" in t.name]
    rest = r"(?:[^()\[\]\n ]++| (?! )|\([^()\n]*+\))*+(?:[)\]](?:[ \t]*:)?)?"
    rng = random.Random("captions")
    texts = [
        "".join(rng.choice(_CAPTION_PIECES) for _ in range(rng.randint(0, 16))) for _ in range(1500)
    ]
    read = 0
    for terminal in captions:
        # Lark writes "\n" and "\t" out as the characters.
        source = terminal.pattern.to_regexp().replace("\n", r"\n").replace("\t", r"\t")
        if not source.endswith(rest):
            continue
        read += 1
        fast = re.compile(source)
        plain = re.compile(source[: -len(rest)] + _PLAIN_CAPTION_REST)
        for text in texts:
            expected, found = plain.match(text), fast.match(text)
            assert (found and found.span()) == (expected and expected.span()), (terminal, text)
    assert read >= 14  # CAPTION and every typed caption


# A typed caption's search for its words as first written: try them at every place a
# caption's characters can stop. The grammar steps over runs of characters that none of the
# caption's words can start with, and must find the words exactly where this does.
_PLAIN_IN_CAPTION = r"(?:[^()\[\]\n ]| (?! )|\([^()\n]*\))*?"
_TYPED_CAPTION_PIECES = [
    *("(", ")", "[", "]", " ", "  ", "\t", "\n", ":", "x", "of", "the", "(a)", "(b", "No."),
    *("Exact", "name", "names", "Registrant", "registrant's", "issuer", "depositor", "Sponsors"),
    *("Translation", "Date", "report", "earliest", "Event", "Former", "Address", "address"),
    *("zip", "Zip", "ZIP-", "telephone", "Phone", "(zip)", "(Telephone)", "Jurisdiction", "State"),
    *("state", "\u017ftate", "incorporation", "\u0131ncorporation", "Organization", "Commission"),
    *("file", "File", "number", "I.R.S.", "i. r. s", "IRS", "\u0130RS", "Employer"),
    *("identification",),
    *("Executive", "offices", "Zipper", "capital", "en", "re", "sta", "com", "ide", "zi", "pho"),
]


def test_typed_captions_find_their_words_where_a_plain_search_does() -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    captions = [t for t in Form8K.parser().terminals if "CAPTION_" in t.name]
    rng = random.Random("typed captions")
    texts = [
        rng.choice(["(", "[", "  (", "\t[", "", "(Z"])
        + "".join(rng.choice(_TYPED_CAPTION_PIECES) for _ in range(rng.randint(0, 14)))
        for _ in range(3000)
    ]
    read = matched = 0
    for terminal in captions:
        # Lark writes "\n" and "\t" out as the characters.
        source = terminal.pattern.to_regexp().replace("\n", r"\n").replace("\t", r"\t")
        opened = source.find(r"(?=(?:[^()\[\]\n ")
        if opened < 0:
            continue
        at = opened + len("(?=")
        read += 1
        first = source[at + len(r"(?:[^()\[\]\n ") : source.index("]++", at)]
        scan = rf"(?:[^()\[\]\n {first}]++| (?! )|\([^()\n]*+\)|[{first}])*?"
        assert source[at : at + len(scan)] == scan, terminal
        end = at + len(scan)
        fast = re.compile(source)
        plain = re.compile(source[:at] + _PLAIN_IN_CAPTION + source[end:])
        for text in texts:
            expected, got = plain.match(text), fast.match(text)
            assert (got and got.span()) == (expected and expected.span()), (terminal, text)
            matched += expected is not None
    assert read >= 14  # every typed caption of the cover
    assert matched > 1000


# The masthead's words as first listed, one alternative a word; the grammar groups them
# by their first letters, and must read every masthead line as this list does.
_LISTED_MASTHEAD_WORDS = (
    r"(?i:u\.[ ]?s\.|united|states|securities|and|exchange|commission|washington|d\.[ ]?c\.|dc"
    r"|20[0-5]\d\d|pursuant|to|section|13|or|15[ ]?\(d\)|l3|l5\(d\)|of|the|act|1934|l934|as"
    r"|amended)"
)
_MASTHEAD_WORDS = [
    *("U.S.", "u. s.", "UNITED", "United", "States", "\u017fTATES", "SECURITIES", "Section"),
    *("AND", "act", "as", "Amended", "EXCHANGE", "Commission", "WASHINGTON", "D.C.", "d. c."),
    *("DC", "20549", "PURSUANT", "TO", "the", "The", "13", "15(d)", "15 (d)", "l5(d)", "l3"),
    *("l934", "1934", "OR", "of", "Of", "CURRENT", "Report"),
]
# What is not a masthead word, or only its start.
_NOT_MASTHEAD_WORDS = [
    *("U.S", "D.C", "2069", "20", "15  (d)", "19", "l", "d", "u", "t", "o", "a", "s", "sec"),
    *("amend", "ACTS", "x", "Washingtonian", "10-K"),
]
_MASTHEAD_SPACES = [" ", "  ", "\t", ",", ", ", " ,", "", ".", ". "]
_MASTHEAD_ENDS = ["\n", ".\n", " \n", ",\n", "", " x\n", "\t\n"]


def test_the_masthead_reads_as_its_listed_words_do() -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (masthead,) = [t for t in Form8K.parser().terminals if t.name.endswith("__MASTHEAD")]
    source = masthead.pattern.to_regexp()
    grouped = source[source.index("(?i:u(?:") : source.index(")|(?i:current") + 1]
    assert source.count(grouped) == 2
    fast = re.compile(source)
    plain = re.compile(source.replace(grouped, _LISTED_MASTHEAD_WORDS))
    rng = random.Random("masthead")
    read = 0
    for _ in range(4000):
        words = [
            rng.choice(_NOT_MASTHEAD_WORDS if rng.random() < 0.05 else _MASTHEAD_WORDS)
            for _ in range(rng.randint(1, 10))
        ]
        text = rng.choice(["", " ", "\t "]) + "".join(
            word + rng.choice(_MASTHEAD_SPACES) for word in words[:-1]
        )
        text += words[-1] + rng.choice(_MASTHEAD_ENDS)
        for start in range(min(len(text), 3)):
            expected, found = plain.match(text, start), fast.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), repr(text)
            read += expected is not None
    assert read > 300


def test_a_contents_entry_matches_where_its_plain_definition_does() -> None:
    # CONTENTS_ENTRY first scans for four dots in a row; the lines it matches are those
    # its pattern without that test matches.
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (terminal,) = [
        t for t in Form8K.parser().terminals if t.name.rpartition("__")[2] == "CONTENTS_ENTRY"
    ]
    fast = re.compile(terminal.pattern.to_regexp(), re.M)
    plain = re.compile(r"^(?:[^\n]*?[^ \t.\n]|[ \t]*\.)(?:[ \t]*\.){4,}[ \t]*\d{1,3}[ \t]*\n", re.M)
    pieces = ["Item 5", " ", "\t", ".", "..", "...", "....", ". . . . .", "3", "12", "1234"]
    pieces += ["\n", "x", "Other Events", "a" * 80]
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for pos in (0, text.find("\n") + 1):
            expected, found = plain.match(text, pos), fast.match(text, pos)
            assert (found and found.group()) == (expected and expected.group()), repr(text)


_LABEL_PIECES = [
    *("State", "of", "Incorporation", "IRS", "I.R.S.", "Employer", "Identification", "No."),
    *("Zip", "Code", "Address", "Telephone", "Number", "Exact", "name", "Commission", "File"),
    *("Registrant\u2019s", "charter", "The", "company", "Delaware", "1-2345", "(", ")", ":"),
    *(" ", "  ", "\t", "\n", "x" * 45),
]


def test_labels_match_where_they_did_before_their_first_word_test() -> None:
    # The labels typed by one of their words first test that the cell starts with a label
    # word; with that test taken out, each pattern is the one the grammar had before, and
    # it must match exactly where the pattern with the test does.
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    terminals = {t.name.rpartition("__")[2]: t for t in Form8K.parser().terminals}
    # _LABEL_WORD is inlined into the terminals that use it: its pattern is the grammar's,
    # with the escape Lark decodes.
    source = (Path(__file__).resolve().parents[1] / "grammar" / "cover.lark").read_text()
    word = re.search(r"^_LABEL_WORD: /(.*)/$", source, re.M)[1]  # type: ignore[index]
    gate = "(?=" + word.replace("\\u2019", "\u2019") + ")"
    gated = {n: t for n, t in terminals.items() if gate in t.pattern.to_regexp()}
    assert len(gated) >= 8, sorted(gated)
    rng = random.Random(8)
    for name, terminal in sorted(gated.items()):
        fast = re.compile(terminal.pattern.to_regexp())
        plain = re.compile(terminal.pattern.to_regexp().replace(gate, ""))
        for _ in range(3000):
            text = "".join(rng.choice(_LABEL_PIECES) for _ in range(rng.randint(0, 14)))
            expected, found = plain.match(text), fast.match(text)
            assert (found and found.group()) == (expected and expected.group()), (name, text)


# Runs of blanks read whole ("[ \t]*+", "[ \t]{2,}+") where what follows cannot start with a
# blank: a failed attempt no longer tries every shorter run (a cover line indented by 70
# spaces cost PROSE 14 us, "Exhibits" and a long gap cost EXHIBIT_ROW 0.7 ms). Each
# terminal, with those marks taken out, is what the grammar had before.
_POSSESSIVE_RUNS = {
    "PROSE": [r"[ \t]*+(?i:by", r"[ \t]*+\/[sS]\/", r"[ ]{0,8}+(?=[^\n]{50})"],
    "EXHIBIT_ROW": [
        r"(?:[ \t]*+[.:\u2013\u2014-])?[ \t]++)?",
        r"exhibit[ \t]++(?:no\.?[ \t]*+)?",
        r"(?:[ \t]*+\.\d",
        r"(?:[ \t]{2,}+|[ \t]*+[-\u2013\u2014]{1,2}[ \t]++|[ \t]++(?=[A-Z]))",
        r"\n(?:[ \t]{3,}+(?!",
    ],
}
_RUN_PIECES = [
    *(" ", "  ", " " * 70, "\t", "\n", "\n\n", "Exhibits", "EXHIBIT", "Exhibit No.", "No."),
    *("99", "1", "10.1", ".", ":", "-", "--", "\u2014", "(a)", "(1)", "*", "A", "Press Release"),
    *("by", "Name:", "Title", "/s/", "Dated", "x" * 55, "Item 2.02", "Signature"),
]


@pytest.mark.parametrize("name", sorted(_POSSESSIVE_RUNS))
def test_blank_runs_read_whole_match_where_they_did(name: str) -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (terminal,) = [t for t in Form8K.parser().terminals if t.name.rpartition("__")[2] == name]
    source = terminal.pattern.to_regexp()
    before = source
    for piece in _POSSESSIVE_RUNS[name]:
        # As Lark hands the pattern over: its escapes of blanks and dashes decoded.
        possessive = piece
        for escape, char in (
            ("\\t", "\t"),
            ("\\n", "\n"),
            ("\\u2013", "\u2013"),
            ("\\u2014", "\u2014"),
        ):
            possessive = possessive.replace(escape, char)
        assert possessive in before, possessive
        plain = possessive.replace("*+", "*").replace("}+", "}").replace("++", "+")
        before = before.replace(possessive, plain)
    flags = sum(getattr(re, f.upper()) for f in terminal.pattern.flags)
    fast, slow = re.compile(source, flags), re.compile(before, flags)
    rng = random.Random(name)
    indents = ["", " ", "   ", "\t", " " * 12, " " * 70]
    for _ in range(3000):
        lines = (
            rng.choice(indents) + "".join(rng.choice(_RUN_PIECES) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 5))
        )
        text = "\n".join(lines) + rng.choice(["", "\n"])
        for pos in range(len(text)):
            expected, found = slow.match(text, pos), fast.match(text, pos)
            assert (found and found.group()) == (expected and expected.group()), repr(text[pos:])


# The attestation reads its first 800 characters at once, up to the first "authori[sz]ed"
# or the paragraph's end, where it read them lazily, testing for the word at every
# character: it ends where the lazy reading ended, on every input.
_LAZY_ATTESTATION = "(?:[^\n]|(?<![.:])\n(?![ \t]*\n)){0,800}?"
_ATTESTATION_PIECES = [
    *("Pursuant to the requirements", "PURSUANT TO THE REQUIREMENTS", "of the Act", " "),
    *("authorized", "AUTHORISED", "aUtHoRiZeD", "authoriz", "a", "A", "au", "ed", "sed"),
    *("\n", "\n\n", "\n  \n", "\n\t", "x" * 50, "y" * 300, "\u0131", "\u212a", "\u017f"),
    *(".", ":", ". ", "indicated:", "1995.", "City of", "  Redmond, on May 1, 1995."),
]


def test_the_attestation_ends_where_its_lazy_reading_did() -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (terminal,) = [t for t in Form8K.parser().terminals if t.name.endswith("__ATTESTATION")]
    source = terminal.pattern.to_regexp()
    read_at_once = "(?:[^aA\n]|[aA](?!(?i:uthori[sz]ed))|(?<![.:])\n(?![ \t]*\n)){0,800}+"
    assert read_at_once in source
    flags = sum(getattr(re, f.upper()) for f in terminal.pattern.flags)
    fast = re.compile(source, flags)
    lazy = re.compile(source.replace(read_at_once, _LAZY_ATTESTATION), flags)
    rng = random.Random(800)
    matched = 0
    for _ in range(20_000):
        text = "".join(rng.choice(_ATTESTATION_PIECES) for _ in range(rng.randint(1, 60)))
        if rng.random() < 0.8:
            text = "Pursuant to the requirements" + text
        text += "\n"
        expected, found = lazy.match(text), fast.match(text)
        assert (found and found.end()) == (expected and expected.end()), text
        matched += expected is not None
    assert matched > 10_000  # most inputs are attestations, of every length


# A table-of-contents line ends in a page number: CONTENTS_ENTRY, and ITEM_WORD where it
# tells a heading from a contents line, first ask whether the line ends in a digit or a
# blank, which reads the line in one run. Without that question, each is what it was.
_LINE_END_QUESTION = "(?=[^\n]*+(?<=[\\d \t])\n)"
_CONTENTS_PIECES = [
    *("Item 5", "ITEM 2.02", "Other Events", " ", "  ", "\t", ".", "....", ". . . .", "..."),
    *("3", "12", "123", "1234", "\u0663", "x" * 40, "Results of Operations", "\n", " \n"),
]


@pytest.mark.parametrize("name", ["CONTENTS_ENTRY", "ITEM_WORD"])
def test_a_contents_line_is_told_as_it_was(name: str) -> None:
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (terminal,) = [t for t in Form8K.parser().terminals if t.name.endswith("__" + name)]
    source = terminal.pattern.to_regexp()
    assert _LINE_END_QUESTION in source
    flags = sum(getattr(re, f.upper()) for f in terminal.pattern.flags)
    fast = re.compile(source, flags)
    plain = re.compile(source.replace(_LINE_END_QUESTION, ""), flags)
    rng = random.Random(name)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(_CONTENTS_PIECES) for _ in range(rng.randint(1, 12)))
        text += rng.choice(["", "\n"])
        for pos in range(len(text)):
            expected, found = plain.match(text, pos), fast.match(text, pos)
            assert (found and found.end()) == (expected and expected.end()), (text, pos)
            matched += expected is not None
    assert matched > 50  # contents lines (and, for ITEM_WORD, headings) among them


def test_prose_matches_where_it_did_before_its_margin_test() -> None:
    # PROSE first asks for at most eight spaces and a character that is not blank, which
    # the rest of it asks for anyway: without that test it matches exactly where it does.
    import random
    import re

    from sec8k.forms.form_8k import Form8K

    (terminal,) = [t for t in Form8K.parser().terminals if t.name.rpartition("__")[2] == "PROSE"]
    source = terminal.pattern.to_regexp()
    margin = "(?=[ ]{0,8}+\\S)"
    assert source.startswith(margin)
    flags = Form8K.parser().lexer_conf.g_regex_flags
    fast = re.compile(source, flags)
    plain = re.compile(source[len(margin) :], flags)
    pieces = [" ", "  ", "\t", "        ", " " * 9, " " * 40, "\n", "x", "The", "Company"]
    pieces += ["By:", "/s/ ", "Chief Executive Officer", ", ", "Item 5.02", "SIGNATURE"]
    pieces += ["word " * 12, "a" * 60, "   gap   "]
    rng = random.Random(8)
    read = 0
    for _ in range(10_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for pos in (0, text.find("\n") + 1):
            expected, found = plain.match(text, pos), fast.match(text, pos)
            assert (found and found.span()) == (expected and expected.span()), repr(text)
            read += expected is not None
    assert read > 200
