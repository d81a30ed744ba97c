"""Signature blocks (``grammar/signature.lark``): signers assembled by column.

A signer starts at a conformed signature ("/s/ Name", "By: /s/ Name") or at "By:". The
lines under it, in its column and up to the next blank line, are its typed name and its
title; "Name:" and "Title:" fields say so outright, and a title may wrap over several
lines. Lines above a signer that belong to no one name the registrant signed for. The
first date printed anywhere in the block is the signature date.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar, Final

from lark import Token
from lark.tree import Meta
from lark.visitors import v_args
from mypy_extensions import mypyc_attr

from sec8k.diagnostics import PRS_UNRECOGNIZED, TRN_BAD_DATE
from sec8k.model import Signature, SignatureBlock, Unrecognized
from sec8k.transform.base import (
    Cell,
    Context,
    PartTransformer,
    Row,
    extent,
    kind_of,
    row_of,
    stripped,
    token_cell,
)
from sec8k.transform.values import clean, parse_date

__all__ = ["SignatureTransformer"]

_CONFORMED: Final = re.compile(r"(?i)^(?:\*\s*)?(?:by\s*:?\s*)?(?:/s/|\\s\\|//)\s*")
_FIELD_LABEL: Final = re.compile(r"(?i)^(?:name|title|its|by|dated?)\s*:?\s*")
# A person's name as signature tables print it: two to six words, each capitalised (or a
# particle: "de", "van"), with initials, "Jr.", "III" and a "*" for a power of attorney.
_PERSON: Final = re.compile(
    r"^(?:(?:[A-Z][\w.'\u2019\-]*|de|del|der|di|da|du|la|le|van|von)[,*]*\s+){1,5}"
    r"(?:[A-Z][\w.'\u2019\-]*)[,.*]*$"
)
# Words that name a company, not a person: "Acme Holdings, Inc.".
# (Each alternative's first letter is asked first, in one class: a search tries the pattern
# at every word's start, and the engine enters each case-blind alternative in turn.)
_COMPANY: Final = re.compile(
    r"(?i)\b(?=[abcfghilnpt])(?:inc|corp|corporation|company|co|llc|l\.?l\.?c|ltd|limited|plc|l\.?p|n\.?a"
    r"|trust|bank|bancorp|holdings?|group|partners|fund|association)\b"
)
# The headings of a table of signers' columns: "Signature   Title   Date", "Name
# Capacity", "Signatures   Position(s)".
_COLUMN_HEADING: Final = re.compile(
    r"(?i)^(?:signatures?|names?|titles?|capacit(?:y|ies)(?:\s+in\s+which\s+signed)?"
    r"|positions?(?:\(s\))?|dated?)\s*:?$"
)
# "A Nevada Corporation" under the registrant's name: a kind of entity, as the cover's
# "(A Delaware Corporation)" names it.
_ENTITY: Final = r"corporation|company|limited\s+liability\s+company|limited\s+partnership|trust"
_INCORPORATED: Final = re.compile(rf"(?i)^\(?\s*an?\s+[a-z][\w .]{{0,40}}?\s+(?:{_ENTITY})\s*\)?$")
# "By" alone on its line or in its cell, colon or not: the line a signature goes on.
_BARE_BY: Final = re.compile(r"(?i)^\s*by\s*:?\s*$")
# Lines that name no registrant: the caption "(Registrant)" and a lone "by".
_REGISTRANT_CAPTION: Final = re.compile(r"(?i)^(?:\(?\s*registrants?\s*\)?|by:?)$")
# The end of a title that goes on on the next line: "... and Chief", "Vice President,".
_DANGLING: Final = re.compile(
    r"(?i)(?:\b(?:and|of|for|the|to|chief|vice|senior|executive|principal|assistant)|[,&/-])\s*$"
)
_ITS: Final = re.compile(r"(?i)^its\b[\s:]*")
# A line with nothing written on it: the rule a signature goes on ("By______", "- -----"),
# the caption under it ("(Signature)"), and the brackets that tie a column of signers to
# one date (")").
_DRAWN: Final = re.compile(r"(?i)^(?:by(?![a-z]):?)?[\s\-_=()*|]*(?:\(signature\)[\s)]*)?$")
# The characters a drawn line can start with (besides white space).
_DRAWN_FIRST: Final = frozenset("bB-_=()*|")


def _drawn(text: str) -> bool:
    """Whether ``text`` is a drawn line (``_DRAWN``), its first character told first.

    Most lines are words, which cannot start one: they skip the regex call.
    """
    if text and text[0] not in _DRAWN_FIRST and not text[0].isspace():
        return False
    return _DRAWN.match(text) is not None


# A line that goes on with the title above it: "and Chief Financial Officer".
_CONTINUED: Final = re.compile(r"(?i)(?:and|&)\s")
# How far (in columns) a line may sit left of its signer's column and still be its.
_SLACK: Final = 8
# Words that begin an officer's title ("President", "Chief Financial Officer", "EVP"), and
# the words that may come before them ("Associate General Counsel", "Interim CEO").
# (The first letters first, in one class, as in _COMPANY: half the time of a failed search.)
_TITLE_WORD: Final = re.compile(
    r"(?i)\b(?=[acdeghimopstv])(?:(?:associate|deputy|interim|acting|co)[\s-]+)*"
    r"(?:president|vice|chief|executive|senior|officer|director|chair(?:man|woman|person)?"
    r"|secretary|treasurer|controller|comptroller|general|counsel|principal|managing|manager"
    r"|partner|member|trustee|assistant|corporate|ceo|cfo|coo|evp|svp|head)\b"
)


@dataclass(slots=True, init=False)
class _Signer:
    col: int
    start: int
    end: int
    registrant: str | None
    conformed: str | None
    signed_name: str | None
    typed_name: str | None
    field_name: str | None
    title: list[str]
    title_col: int | None
    open: bool
    bare: bool  # started by a "By" with nothing after it: the line to sign on
    # Started by a row of a typed name and title (no "/s/", no "By"): its cells, so that
    # a row that turns out not to be a signer's can be left unplaced; None otherwise.
    typed_cells: list[Cell] | None
    # Started by a "*" where a signature goes: its cells, so that a mark that no name
    # follows can be left unplaced; None otherwise.
    marked_cells: list[Cell] | None
    # Started by a "By:" that names a company ("By: CarMax Auto Funding LLC, as Depositor"):
    # its cells, so that a company signing through a person below is no signer; None
    # otherwise.
    entity_cells: list[Cell] | None
    centre: int  # twice the middle column of his last line (-1: none yet)

    # Written out: the __init__ that dataclass() generates is interpreted even in the compiled
    # build (see ARCHITECTURE.md, "Compiled modules"); this one compiles.
    def __init__(self, col: int, start: int, end: int, registrant: str | None) -> None:
        self.col = col
        self.start = start
        self.end = end
        self.registrant = registrant
        self.conformed = None
        self.signed_name = None
        self.typed_name = None
        self.field_name = None
        self.title = []
        self.title_col = None
        self.open = True
        self.bare = False
        self.typed_cells = None
        self.marked_cells = None
        self.entity_cells = None
        self.centre = -1

    def takes(self, cell: Cell, flowed: bool = False) -> bool:
        """Whether a line in ``cell``'s column may be this signer's.

        ``flowed``: the line is alone on its row in HTML laid out by its tags, where a
        line outside a table starts at the margin wherever it was printed; at the margin,
        such a line may be anyone's.
        """
        if not self.open:
            return False
        if cell.col >= self.col - _SLACK or (flowed and cell.col == 0):
            return True
        # A line centred under the last one of his, however wide: "Fred D. Anderson"
        # over "Executive Vice President and Chief Financial Officer".
        return self.centre >= 0 and abs(cell.col + cell.end_col - self.centre) <= 2

    def add(self, cell: Cell) -> None:
        self.end = max(self.end, cell.end)
        self.centre = cell.col + cell.end_col
        if self.typed_cells is not None:
            self.typed_cells.append(cell)
        if self.marked_cells is not None:
            self.marked_cells.append(cell)
        if self.entity_cells is not None:
            self.entity_cells.append(cell)

    def nameless(self) -> bool:
        """Whether no name of his was read, signed, typed or in a "Name:" field."""
        return not (self.field_name or self.typed_name or self.signed_name or "").strip(" ,;*")

    def signature(self, ctx: Context) -> Signature:
        typed, signed = self.typed_name, self.signed_name
        if (
            typed
            and signed
            and typed != signed
            and not signed.isupper()
            and _letters(typed) == _letters(signed)
        ):
            # One name printed twice, differing only in case or stops ("TIMOTHY D. COOK"
            # under "/s/ Timothy D. Cook", "Daniel. E. Jackson" under "/s/ Daniel E.
            # Jackson"): the signature's, unless that one is in capitals.
            typed = signed
        # "*": signed for him by an attorney-in-fact, a mark by the name, not of it.
        name = (self.field_name or typed or signed or "").strip(" ,;*") or None
        if name is not None and name.startswith("(") and name.endswith(")"):
            name = name[1:-1].strip() or None  # "(Matthew W. Janzaruk)" under the signature
        # "Its President and Chief Executive Officer": the title, after the word that
        # says whose officer the signer is.
        # (Lines joined by a space: none before a comma a line starts with, as a cell of
        # its own after "(Principal Executive Officer)".)
        joined = clean(" ".join(self.title))
        if ")" in joined:
            joined = _SPACED_COMMA.sub(",", joined)
        # (Only a title that starts with a letter "i" can start with "its": the others
        # skip the regex call.)
        if joined[:1] in _I_LETTERS:
            joined = _ITS.sub("", joined)
        title = joined or None
        if title is not None and title[0] == "(" and title[-1] == ")":
            inner = title[1:-1]
            if "(" not in inner and ")" not in inner:
                title = inner.strip() or None  # "(Chief Legal Officer)" under the name
        return Signature(
            name, title, self.registrant, self.conformed, ctx.span(self.start, self.end)
        )


# What the regex engine takes for "i" case-blind: the letters a title with "Its" starts with.
_I_LETTERS: Final = frozenset(("i", "I", "\u0130", "\u0131"))
# A comma after a space, where two pieces of a title were joined.
_SPACED_COMMA: Final = re.compile(r"(?<=\))\s+,")
# The words after a name that are no part of it: "Jr.", "III".
_SUFFIXES: Final = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _name_letter(char: int) -> bool:
    """Whether a character (its code) is one a name's word is made of: A-Z, a-z, ' and -."""
    return 97 <= char <= 122 or 65 <= char <= 90 or char == 39 or char == 45


def _last_name_word(text: str) -> str:
    """The last word of ``text`` that is no suffix, lower-cased ("" where there is none).

    A word is a run of ASCII letters, apostrophes and hyphens. Read from the end, a
    character at a time: the last word or two are all it needs, where finding every
    word with a regex took five times as long (twice per line of a signer).
    """
    end = len(text)
    while end > 0:
        while end > 0 and not _name_letter(ord(text[end - 1])):
            end -= 1
        start = end
        while start > 0 and _name_letter(ord(text[start - 1])):
            start -= 1
        if start == end:
            break
        word = text[start:end].lower()
        if word not in _SUFFIXES:
            return word
        end = start
    return ""


def _same_person(line: str, signed: str | None) -> bool:
    """Whether a typed line names the person who signed ("William A. Freeman" / "W.A. Freeman")."""
    if not signed:
        return False
    # Compared without a suffix: "EDGAR S. WOOLARD, JR." names who signed "EDGAR S. WOOLARD,".
    last = _last_name_word(line)
    return bool(last) and last == _last_name_word(signed)


def _letters(name: str) -> str:
    """A name's letters, lower case: what two printings of one name have in common."""
    return "".join(ch for ch in name.casefold() if ch.isalpha())


def _folded(text: str) -> str:
    """``text`` compared case-blind and accent-blind: "THE ESTĒE" is "The Estee"."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).casefold()


def _names(line: str, name: str | None) -> bool:
    """Whether a line is no more than the signer's name: "(Charles W. Moorman)", "JOBS".

    Two to six words, none that begins a title, the last of them the name's last word.
    """
    bare = line.strip("()* ,")
    # (The name's last word first: it fails most often, and costs a tenth of the search.)
    return (
        2 <= len(bare.split()) <= 6
        and _same_person(bare, name)
        and _TITLE_WORD.search(bare) is None
    )


def _name_and_title(line: str, signed: str | None) -> tuple[str, str] | None:
    """A typed line that runs the signer's name into the title: its two halves, or None.

    "Gregg D. Beloff, Chief Financial Officer", "GREGG D BELOFF CHIEF FINANCIAL OFFICER":
    the name is the signed name's words where the line starts with them, else the words
    before the first title word (two to five of them, none a title word).
    """
    words = line.split()
    if signed:
        signed_words = [w.strip(".,").lower() for w in signed.split()]
        typed = [w.strip(".,").lower() for w in words[: len(signed_words)]]
        if typed == signed_words and len(words) > len(signed_words):
            return " ".join(words[: len(signed_words)]).rstrip(","), " ".join(
                words[len(signed_words) :]
            ).lstrip(", ")
        return None
    title = _TITLE_WORD.search(line)
    if title is None:
        return None
    name = line[: title.start()].strip(" ,;-")
    if not 2 <= len(name.split()) <= 5:
        return None
    return name, line[title.start() :].strip()


def _is_title(line: str) -> bool:
    """Whether a line is a title of its own.

    "Chief Financial Officer", "(Principal Executive Officer)", and a short line with a
    title word: "Registered In-House Counsel".
    """
    if _TITLE_WORD.match(line) or line.startswith("("):
        return True
    return len(line.split()) <= 4 and _TITLE_WORD.search(line) is not None


def _looks_like_name(group: list[Cell]) -> bool:
    """Whether a group of lines starts with a person's name.

    Two to eight words, no digits, no title word first, and a title after it: on the
    lines below or on the same line.
    """
    first = clean(group[0].text)
    words = first.split()
    return (
        2 <= len(words) <= 8
        and not any(ch.isdigit() for ch in first)
        and not _TITLE_WORD.match(first)
        and (len(group) > 1 or _name_and_title(first, None) is not None)
    )


def _field_value(cell: Cell) -> tuple[str, int]:
    """A "Name: X" cell's value and the column where the value starts."""
    rest = _FIELD_LABEL.sub("", cell.text, count=1)
    return clean(rest), cell.end_col - len(rest)


def _starts_by(text: str) -> bool:
    """Whether ``text`` starts with a "b" after its blanks, as a bare "By" does.

    Asked before ``_BARE_BY`` and ``_REGISTRANT_CAPTION``, which most cells fail at their
    first letter: the regex call costs more than the test.
    """
    head = text.lstrip()[:1]
    return head == "b" or head == "B"


def _may_be_caption(text: str) -> bool:
    """Whether ``text`` starts as ``_REGISTRANT_CAPTION`` can: "(", "r" or "b", any case."""
    head = text.lstrip()[:1]
    return head == "(" or head == "r" or head == "R" or head == "b" or head == "B"


class _Block:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.signers: list[_Signer] = []
        # Signers before this index are all closed: only those from it on are searched,
        # so that a block of thousands of signers is read in time linear in its rows.
        self.closed = 0
        self.date: datetime.date | None = None
        self.date_cell: Cell | None = None
        self.candidates: list[list[Cell]] = []  # unattached lines, grouped by blank lines
        self.new_group = True
        # HTML laid out by its tags (not a text filing in <pre>): its lines have no columns
        # outside tables, and its blank lines are the spacing of its paragraphs.
        self.flowed = ctx.doc.kind == "html" and ctx.doc.paragraph_spacing
        self.alone = False  # the row being placed has one cell: at the margin, no column
        # Whether a line after a blank may still be the last signer's (:meth:`_resumes`):
        # not once a line that is no one's, or a second attestation, came between.
        self.resumable = True
        # After a power of attorney and before anyone signs below it: the names listed
        # there are of those who gave it, each a signer ("Steven D. Black   Richard K.
        # Davis ..." over "By: /s/ STEVEN D. BLACK, Director and Attorney-in-fact").
        self.listing = False

    def _registrant(self) -> str | None:
        if not self.candidates:
            return None
        group = self.candidates.pop()
        # "ExperTelligence, Inc." / "A Nevada Corporation" / "(Registrant)": the line under
        # the name says where it is incorporated; the name is the line (or group) above.
        if len(group) > 1 and _INCORPORATED.match(clean(group[-1].text)):
            group = group[:-1]
        elif self.candidates and _INCORPORATED.match(clean(" ".join(c.text for c in group))):
            group = self.candidates.pop()
        for earlier in self.candidates:
            for cell in earlier:
                self.ctx.unplaced(cell.text, cell.start, cell.end, "signature block")
        self.candidates.clear()
        return clean(" ".join(c.text for c in group)) or None

    def seal(self) -> None:
        """Close the signers so far for good: what follows is not theirs."""
        self.blank()
        self.resumable = False

    def _start(self, cell: Cell) -> _Signer:
        self.resumable = True
        registrant = self._registrant()
        if registrant is None and self.signers:
            registrant = self.signers[-1].registrant  # several signers for one registrant
        signers = self.signers
        for k in range(self.closed, len(signers)):
            above = signers[k]
            if abs(above.col - cell.col) <= _SLACK:
                above.open = False  # a signature under his in his column: he is done
        while self.closed < len(signers) and not signers[self.closed].open:
            self.closed += 1
        signer = _Signer(cell.col, cell.start, cell.end, registrant)
        signer.centre = cell.col + cell.end_col
        self.signers.append(signer)
        return signer

    def _signing(self, cell: Cell) -> _Signer:
        """The signer a conformed signature starts, or the "By" it was signed over.

        "By" with nothing after it is where a signature goes; an "/s/" under it, rather
        than the typed name, is that signature, not a second signer.
        """
        if self.signers:
            last = self.signers[-1]
            empty = last.typed_name is None and last.field_name is None and not last.title
            if last.bare and last.conformed is None and empty:
                last.bare = False
                last.col = cell.col
                last.add(cell)
                self._reopen(last)
                return last
        return self._start(cell)

    def _nearest(self, cell: Cell) -> _Signer | None:
        loose = self.flowed and self.alone
        signers = self.signers
        # Of signers as near, the last one: in a column of signers ("/s/ Alexander Moore"
        # over "Alexander Moore   Director   February 20, 2024") the line is the newest's.
        # (A loop from the last: no list of the open ones, no key function to call.)
        nearest: _Signer | None = None
        distance = 0
        for k in range(len(signers) - 1, self.closed - 1, -1):
            signer = signers[k]
            if signer.takes(cell, loose):
                gap = abs(signer.col - cell.col)
                if nearest is None or gap < distance:
                    nearest, distance = signer, gap
        return nearest

    def blank(self) -> None:
        signers = self.signers
        for k in range(self.closed, len(signers)):
            signers[k].open = False
        self.closed = len(signers)
        self.new_group = True

    def _reopen(self, signer: _Signer) -> None:
        """Let ``signer`` take lines again (the last signer, or one still open)."""
        signer.open = True
        signers = self.signers
        k = len(signers) - 1
        while k >= 0 and signers[k] is not signer:
            k -= 1
        if 0 <= k < self.closed:
            self.closed = k

    def row(self, row: Row) -> None:
        self.alone = len(row.cells) == 1
        cells = row.cells
        if len(cells) > 1 and all(_COLUMN_HEADING.match(clean(cell.text)) for cell in cells):
            return  # "Signature   Title   Date" over a table of signers: no one's, no name
        if len(cells) >= 2 and self._unsigned(cells[0], cells[1]):
            # "Donald M. James   Chairman and Chief Executive Officer   February 28, 2013"
            # in a table of signers that prints no "/s/": a signer, typed.
            signer = self._start(cells[0])
            signer.typed_cells = []
            signer.add(cells[0])
            signer.typed_name = clean(cells[0].text)
            cells = cells[1:]
        for cell in cells:
            self.cell(cell)

    def _unsigned(self, first: Cell, second: Cell) -> bool:
        """Whether a row is a typed signer of its own: a person's name, then a title.

        Not where the name is the line of a signer above: the name he signed typed
        under his signature, or a line in his column before he has a title.
        """
        if first.kind != "CELL" or second.kind != "CELL":
            return False
        name = clean(first.text)
        title = clean(second.text)
        if not _PERSON.match(name) or _TITLE_WORD.search(name) or _COMPANY.search(name):
            return False
        if not _is_title(title) or any(ch.isdigit() for ch in title):
            return False
        above = self._nearest(first)
        if above is None:
            return True
        known = above.field_name or above.typed_name or above.signed_name
        return bool(above.title) and known is not None and not _names(name, known)

    def cell(self, cell: Cell) -> None:
        """Place one cell: a date, a new signer, a signer's field or line, or a candidate."""
        kind = cell.kind
        if kind in ("CONFORMED", "PROXY_MARK", "BY"):
            self.listing = False  # someone signs: the list of names is over
        if kind in ("DATE", "DATE_FIELD"):
            self._date(cell)
        elif kind == "CONFORMED":
            rest = clean(_CONFORMED.sub("", cell.text, count=1))
            signer = self._signing(cell)
            signer.conformed = clean(cell.text)
            name, comma, title = rest.partition(",")
            if comma and _TITLE_WORD.match(title.strip()):
                # "/s/ Bruce J. Feldman, President, Chief": the title follows the name.
                rest = name
                signer.title, signer.title_col = [title.strip()], cell.col
            signer.signed_name = rest or None
        elif kind == "PROXY_MARK":
            # "*" in the signature column: signed by an attorney-in-fact; the typed name
            # is on the row (or under it) with the title.
            signer = self._signing(cell)
            signer.conformed = "*"
            signer.marked_cells = [cell]
        elif kind == "BY" or (_starts_by(cell.text) and _BARE_BY.match(cell.text)):
            value, col = _field_value(cell)
            above = self._nearest(cell)
            name, comma, title = value.partition(",")
            if not (comma and _TITLE_WORD.match(title.strip())):
                name, title = value, ""
            if above is not None and above.typed_name is None and _names(name, above.signed_name):
                # "/s/ Spencer G. Smul" over "By: Spencer G. Smul": his typed name, and the
                # title after it ("By: Glenn W. Anderson, President").
                above.add(cell)
                above.typed_name = name.strip()
                if title and not above.title:
                    at = col + len(name) + 1 + len(title) - len(title.lstrip())
                    above.title, above.title_col = [title.strip()], at
                return
            signer = self._start(cell)
            if any(ch.isalpha() for ch in value):
                signer.signed_name = value
                if _COMPANY.search(value):
                    signer.entity_cells = [cell]
            else:
                signer.bare = True
        elif kind in ("NAME_FIELD", "TITLE_FIELD"):
            self._field(cell)
        elif not (_may_be_caption(cell.text) and _REGISTRANT_CAPTION.match(cell.text)):
            self._line(cell)

    def _date(self, cell: Cell) -> None:
        if self.date_cell is not None:
            return
        if cell.kind == "DATE_FIELD" and not any(ch.isdigit() for ch in cell.text):
            return  # "Date:" with the date left blank
        self.date_cell = cell
        self.date = parse_date(cell.text)[0]
        if self.date is None:
            # A calendar's impossible day, or a label's value with no month ("Marcxh").
            span = self.ctx.span(cell.start, cell.end)
            text = clean(_FIELD_LABEL.sub("", cell.text, count=1))
            message = f"signature date {text!r} is not a calendar date"
            self.ctx.sink.report(TRN_BAD_DATE, message, span)

    def _listed(self, cell: Cell) -> bool:
        """Whether a cell is a person's name alone (in a list under a power of attorney)."""
        name = clean(cell.text)
        return (
            bool(_PERSON.match(name)) and not _TITLE_WORD.search(name) and not _COMPANY.search(name)
        )

    def _field(self, cell: Cell) -> None:
        value, col = _field_value(cell)
        is_name = cell.kind == "NAME_FIELD"
        signer = self._nearest(cell)
        if signer is None and self.signers:
            # "Name:" after a blank line still belongs to the signature above it.
            last = self.signers[-1]
            if (last.field_name if is_name else last.title_col) is None:
                signer = last
        if signer is None:
            signer = self._start(cell)
        self._reopen(signer)
        signer.add(cell)
        if is_name:
            signer.field_name = value or None
        else:
            signer.title = [value] if value else []
            signer.title_col = col

    def _line(self, cell: Cell) -> None:
        if self.listing and self._listed(cell):
            listed = self._start(cell)
            listed.add(cell)
            listed.typed_name = clean(cell.text)
            listed.open = False  # the name under it in its column is another's
            return
        signer = self._nearest(cell)
        if (
            signer is None
            and self.signers
            and self.resumable
            and self._resumes(self.signers[-1], cell)
        ):
            signer = self.signers[-1]
            self._reopen(signer)
        if signer is None and self.signers and _drawn(clean(cell.text)):
            # A rule drawn to sign on, left of the signature's column ("- ------   and
            # Chief Executive Officer" under "/s/ WILLIAM H. GATES"): the signer's line.
            self.signers[-1].add(cell)
            return
        if signer is None:
            self.resumable = False  # a line of no one's between: the signer above is done
            if self.new_group or not self.candidates:
                self.candidates.append([])
                self.new_group = False
            self.candidates[-1].append(cell)
            return
        signer.add(cell)
        text = clean(cell.text)
        if _drawn(text):
            return
        unnamed = signer.typed_name is None and signer.field_name is None
        known = signer.field_name or signer.typed_name or signer.signed_name
        if signer.title_col is not None and _names(text, known):
            # The typed name in a column of its own, under the title's first line or
            # in parentheses: "/s/ Ryan Cohen   President" over "Ryan Cohen   (Principal
            # Executive Officer)". It is not part of the title.
            if unnamed:
                signer.typed_name = text.strip("()* ,")
        elif (
            signer.title_col is not None
            and known is None
            and signer.conformed == "*"
            and _PERSON.match(text)
            and not _TITLE_WORD.search(text)
        ):
            signer.typed_name = text  # "John E. Caldwell" under "*   Director   (date)"
        elif signer.title_col is not None:
            signer.title.append(text)
        elif not unnamed and _same_person(text, known):
            return  # the typed name again, under a rule ("/s/  Stephen J. Hawrysz" / "---")
        elif unnamed and _same_person(text, signer.signed_name):
            signer.typed_name = text
        elif unnamed and (halves := _name_and_title(text, signer.signed_name)):
            signer.typed_name, title = halves
            signer.title, signer.title_col = [title], cell.col
        elif "," in text and _same_person(text.split(",", 1)[0].lstrip("("), known):
            title = text.split(",", 1)[1].strip()
            if text.startswith("(") and title.endswith(")") and "(" not in title:
                title = title[:-1].rstrip()  # "(John M. Rintamaki, Attorney-in-Fact)"
            typed = text.split(",", 1)[0].lstrip("(").strip()
            if unnamed and _letters(typed) == _letters(signer.signed_name or ""):
                signer.typed_name = typed  # the signature's name in capitals, typed here
            signer.title = [title]
            signer.title_col = cell.col
        elif (
            unnamed
            and signer.signed_name is None
            and not _TITLE_WORD.match(text)
            and (signer.conformed != "*" or _PERSON.match(text))
        ):
            signer.typed_name = text  # under "By: ____" or an empty "/s/": the typed name
        else:
            signer.title = [text]
            signer.title_col = cell.col

    def _resumes(self, signer: _Signer, cell: Cell) -> bool:
        """Whether a line after a blank one is the typed name or title of the signer above.

        A rule under "By: /s/ James R. Arnold, Jr." prints as a blank line, and HTML
        prints a blank line between paragraphs; the typed name under it ("James R.
        Arnold, Jr.", or "Brien M. Chase, Senior Vice President"), the name under a "By:"
        left blank, and a title after the name ("Chief Financial Officer") are still his,
        until he has a title. A title goes on where it was cut short ("Executive Vice
        President and Chief" / "Financial Officer"), on a line that starts with "and",
        and, between HTML paragraphs, on a line that is itself a title ("Registered
        In-House Counsel", "(Principal Executive Officer)").
        """
        text = clean(cell.text)
        beside = cell.col >= signer.col - _SLACK or (self.flowed and self.alone and cell.col == 0)
        if not beside or len(text) > 80:
            return False
        if signer.title:
            if text.endswith(":"):
                return False  # "Principal Financial Officer:" over the next signer
            return bool(
                _DANGLING.search(signer.title[-1])
                or _CONTINUED.match(text)
                or (self.flowed and _is_title(text))
            )
        if signer.field_name is not None:
            return False
        if signer.typed_name is None:
            if signer.signed_name is None:
                return True  # "By:" and a blank line where the signature goes
            name = text.split(",", 1)[0]
            if _same_person(text, signer.signed_name) or _same_person(name, signer.signed_name):
                return True
        return (signer.typed_name or signer.signed_name) is not None and bool(
            _TITLE_WORD.match(text)
        )

    def finish(self) -> None:
        """Read a typed signer where no one signed; leave what is left unplaced."""
        signers = self.signers
        for i in range(len(signers) - 2, 0, -1):
            cells = signers[i].typed_cells
            if cells is not None and signers[i - 1].conformed and signers[i + 1].conformed:
                # A typed row between signed ones, in a table where each signer signs:
                # the line of someone who did not sign (Google 2012: "Eric Schmidt
                # Executive Chairman" among "/S/" rows). Not a signer.
                del signers[i]
                for cell in cells:
                    self.ctx.unplaced(cell.text, cell.start, cell.end, "signature block")
        for i in range(len(signers) - 1, -1, -1):
            cells = signers[i].marked_cells
            if cells is not None and signers[i].nameless():
                # A "*" that no name followed ("*   Executed by attorney-in-fact"): a
                # note's mark after all, not a signature.
                del signers[i]
                for cell in cells:
                    self.ctx.unplaced(cell.text, cell.start, cell.end, "signature block")
        for i in range(len(signers) - 2, -1, -1):
            cells = signers[i].entity_cells
            if cells is not None and signers[i].conformed is None and signers[i].field_name is None:
                # "By: COMMONWEALTH INCOME & GROWTH FUND, INC., General Partner" over "By:
                # /s/ Kimberly A. Springsteen-Abbott": a company that signs through the
                # person below it, for the registrant above. No signer of its own.
                del signers[i]
                for cell in cells:
                    self.ctx.unplaced(cell.text, cell.start, cell.end, "signature block")
        if not self.signers and len(self.candidates) > 1 and _looks_like_name(self.candidates[-1]):
            # No "/s/" and no "By:": the last group of lines is the typed name and title
            # of the signer, the group before it the registrant's name.
            first, *rest = self.candidates.pop()
            signer = self._start(first)
            signer.add(first)
            halves = _name_and_title(clean(first.text), None)
            signer.typed_name, title = halves if halves else (clean(first.text), "")
            signer.title = [title] if title else []
            signer.title_col = first.col
            for cell in rest:
                signer.add(cell)
                signer.title.append(clean(cell.text))
        registrant = self.signers[0].registrant if self.signers else None
        for group in self.candidates:
            text = clean(" ".join(cell.text for cell in group))
            if registrant and _folded(text) == _folded(registrant):
                # The registrant's name again after the signers: the title of the page
                # that follows ("THE ESTEE LAUDER COMPANIES INC." over "EXHIBIT INDEX").
                continue
            for cell in group:
                self.ctx.unplaced(cell.text, cell.start, cell.end, "signature block")


@mypyc_attr(allow_interpreted_subclasses=True)
class SignatureTransformer(PartTransformer):
    """Turns ``signature.lark`` subtrees into :class:`~sec8k.model.SignatureBlock` nodes."""

    terminal_names: ClassVar[dict[str, str]] = {
        "SIGNATURE_HEADING": "the heading 'SIGNATURES'",
        "ATTESTATION": "the sentence 'Pursuant to the requirements of ...'",
        "CONFORMED": "a conformed signature ('/s/ Name')",
        "PROXY_MARK": "'*' where a signature goes (signed by an attorney-in-fact)",
        "POWER_OF_ATTORNEY": "a power of attorney ('KNOW ALL PERSONS BY THESE PRESENTS ...')",
    }

    # Three rules, one method each: a compiled class has no method aliases.
    def sig_row(self, children: list[Token]) -> Row:
        """One row of cells."""
        return row_of("sig_row", children)

    def plain_row(self, children: list[Token]) -> Row:
        """One row of cells with no conformed signature."""
        return row_of("sig_row", children)

    def signed_row(self, children: list[Token]) -> Row:
        """One row of cells with a conformed signature."""
        return row_of("sig_row", children)

    @v_args(meta=True)
    def after_signatures(self, meta: Meta, children: list[Token]) -> Unrecognized:
        """Text after the signatures that has no title the grammar knows."""
        text, start, end = extent(self.ctx, meta)
        span = self.ctx.span(start, end)
        self.ctx.sink.report(
            PRS_UNRECOGNIZED, "text after the signatures that is not part of the form", span
        )
        return Unrecognized(clean(text), span, "after signatures")

    def attestation(self, children: list[Token]) -> Token:
        """The "Pursuant to the requirements ..." sentence."""
        return children[0]

    @v_args(meta=True)
    def signature_block(self, meta: Meta, children: list[Row | Token]) -> SignatureBlock:
        """A signature section."""
        start, end = stripped(self.ctx.doc.text, meta.start_pos, meta.end_pos)
        heading = attestation = None
        block = _Block(self.ctx)
        for child in children:
            if isinstance(child, Row):
                block.row(child)
                if child.blank_after:
                    block.blank()
                continue
            kind = kind_of(child)
            if kind == "SIGNATURE_HEADING":
                heading = clean(child.value)
            elif kind == "POWER_OF_ATTORNEY":
                block.seal()  # the signers who gave it follow: not those above
                block.listing = True
            elif kind == "ATTESTATION":
                # A second attestation ("... signed below by the following persons")
                # starts the next group of signers: the ones above it are complete.
                attestation = attestation or clean(child.value)
                block.seal()
            elif kind == "BLANK":
                block.blank()
            elif kind == "RULE":
                continue
            else:  # pragma: no cover - the grammar has no other tokens here
                cell = token_cell(child)
                block.candidates.append([cell])
        block.finish()
        if block.date is None and attestation:
            # "... duly authorized on this 8th day of January, 2025."
            block.date = parse_date(attestation)[0]
        signatures = tuple(s.signature(self.ctx) for s in block.signers)
        registrant = signatures[0].registrant if signatures else None
        return SignatureBlock(
            span=self.ctx.span(start, end),
            heading=heading,
            attestation=attestation,
            registrant=registrant,
            date=block.date,
            signatures=signatures,
        )
