"""The document model: what a parsed filing is made of, whatever its form.

Plain frozen dataclasses, built by :mod:`sec8k.transform` and read by everything else.
Every node carries a :class:`~sec8k.span.Span` into the original text, so any value can be
traced back to the characters it came from. This module imports neither lark nor rich.

Nothing is lost: the sections of a filing (cover page, items, signature blocks, exhibit
indexes, unrecognized text) and its noise (page markers, page numbers, SGML table tags)
together cover every non-blank character of the document.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import inspect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeAlias

from sec8k.diagnostics import Diagnostic, Severity
from sec8k.serialize import to_data
from sec8k.span import Span

__all__ = [
    "Address",
    "CheckBox",
    "Contents",
    "CoverField",
    "CoverPage",
    "CoverPart",
    "Document",
    "Exhibit",
    "ExhibitDocument",
    "ExhibitIndex",
    "ExplanatoryNote",
    "Filer",
    "Filing",
    "FilingValues",
    "FinancialStatement",
    "FormerName",
    "HeaderField",
    "HeaderItem",
    "Item",
    "Node",
    "Noise",
    "OmittedItems",
    "PartHeading",
    "Registrant",
    "ReportText",
    "SecHeader",
    "Section",
    "SectionHeading",
    "Security",
    "Signature",
    "SignatureBlock",
    "SourceInfo",
    "Unrecognized",
    "box_answer",
]


class Node:
    """What every model node shares: one JSON form, derived from its fields.

    :func:`sec8k.serialize.to_data` writes a node's fields in order; ``node`` names the
    kind of a section in a list of mixed sections, ``json_properties`` adds derived values.
    """

    __slots__ = ()
    node: ClassVar[str] = ""
    """The kind of node, written as ``"node"`` in JSON ("" for none)."""
    json_properties: ClassVar[tuple[str, ...]] = ()
    """Properties written to JSON after the fields."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: every field, nested nodes included (see :mod:`sec8k.serialize`)."""
        data: dict[str, Any] = to_data(self)
        return data


@dataclass(frozen=True, slots=True)
class Noise(Node):
    """Layout debris set aside before parsing: a page marker, page number, table tag."""

    kind: str
    """``"page-marker"``, ``"page-number"``, ``"running-header"`` (a "Table of Contents" line
    first on an HTML page: the link filer agents repeat on each page, or the contents'
    own heading), ``"running-footer"`` (a line last on two or more HTML pages and on at
    least half of them), ``"form-feed"``, ``"table-tag"``, ``"statement-of-differences"``
    (what EDGAR adds at the end of a plain-text document to say how it printed characters
    it could not keep: "The trademark symbol shall be expressed as ...'TM'"), ``"wrapper"``
    or ``"unreadable"`` (text skipped where a submission's wrapper broke off)."""
    span: Span
    """The characters set aside."""


@dataclass(frozen=True, slots=True)
class Unrecognized(Node):
    """Text the grammar read but could not place; kept whole, never dropped."""

    node = "unrecognized"

    text: str
    """The text as it reads after normalisation."""
    span: Span
    """Where it is in the original."""
    context: str
    """Where it was found: ``"cover"``, ``"signature"``, ``"document"``."""


@dataclass(frozen=True, slots=True)
class CoverPart(Node):
    """One recognised piece of the cover page, as printed (masthead line, caption, value)."""

    kind: str
    """``"masthead"``, ``"form-title"``, ``"amendment"``, ``"caption"``, ``"label"``,
    ``"value"``, ``"rule"``, ``"question"``, ``"check-box"``, ``"securities-12b"``,
    ``"securities-12g"``, ``"paragraph"``, ``"contents"`` (a table-of-contents line) or
    ``"page-note"`` (a note of the pages: "Exhibit Index on Page 4", "Total Pages 3")."""
    text: str
    """The piece's text, white space collapsed."""
    span: Span
    """Where it is in the original."""


@dataclass(frozen=True, slots=True)
class Registrant(Node):
    """A registrant as its cover page names it. Values are as printed."""

    name: str | None = None
    """Exact name of registrant as specified in its charter."""
    jurisdiction: str | None = None
    """State or other jurisdiction of incorporation, as printed ("Massachusetts")."""
    jurisdiction_code: str | None = None
    """EDGAR's two-character code for the jurisdiction ("MA"), where it is known."""
    commission_file_number: str | None = None
    """Commission File Number, e.g. "0-17999"."""
    irs_employer_id: str | None = None
    """I.R.S. Employer Identification No., e.g. "04-2726691"."""
    address: str | None = None
    """Address of principal executive offices, without the zip code."""
    zip: str | None = None
    """Zip code."""
    phone: str | None = None
    """Registrant's telephone number, including area code."""
    span: Span | None = None
    """From the first to the last piece of the cover that names this registrant."""
    field_spans: tuple[tuple[str, Span], ...] = ()
    """Where each field's value was printed: ``(field name, span)`` pairs."""

    def span_of(self, name: str) -> Span | None:
        """Return the span of field ``name``'s value, or None."""
        for key, span in self.field_spans:
            if key == name:
                return span
        return None


@dataclass(frozen=True, slots=True)
class CheckBox(Node):
    """A check box on the cover, with what it answers."""

    field: str | None
    """The field it answers, as the grammar names it (the FIELD of an OPTION_FIELD,
    BOX_FIELD or QUESTION_FIELD terminal), or None where nothing names it."""
    label: str
    """Its label as printed ("Yes", "No", an option's words), or the text printed after
    it when the box comes first."""
    checked: bool
    """Whether it is checked."""
    span: Span
    """The label and the box."""


@dataclass(frozen=True, slots=True)
class CoverField(Node):
    """A value the cover prints for a field that is no registrant field."""

    name: str
    """The field, as the grammar names it ("former_name", "period_of_report", "date")."""
    text: str
    """The value as printed, white space collapsed."""
    span: Span
    """Where it is."""


@dataclass(frozen=True, slots=True)
class Security(Node):
    """A class of securities in the cover's Section 12(b) table."""

    title: str | None
    """Title of each class ("Common Stock, $0.01 par value")."""
    trading_symbol: str | None
    """Trading symbol ("AAPL"), None where the table prints none or a dash."""
    exchange: str | None
    """Name of each exchange on which registered: a class listed on several prints them
    one under another, and they are kept apart by "; " ("New York Stock Exchange; NYSE
    Texas, Inc.")."""
    span: Span
    """The row."""


@dataclass(frozen=True, slots=True)
class CoverPage(Node):
    """The cover page: the fields every form's cover shares; forms subclass it for theirs.

    Every value comes from the printed cover. ``fields`` and ``boxes`` hold everything
    the grammar typed, so a form's own words are there even before it gives them a typed
    attribute of its own.
    """

    span: Span
    """The whole cover, from its first printed line to the line before the first section."""
    form_type: str | None = None
    """The form named in the title, as printed after "FORM"."""
    registrants: tuple[Registrant, ...] = ()
    """One per registrant on the cover (combined filings name several)."""
    period_of_report: datetime.date | None = None
    """The period the report is for, as EDGAR's CONFORMED PERIOD OF REPORT has it: the end
    of the fiscal period a periodic report covers, the date of the event an event report
    reports (each form says which of its cover's values it is)."""
    amendment_number: int | None = None
    """"Amendment No. 2" on the cover of an amended report: 2."""
    emerging_growth_company: bool | None = None
    """The emerging growth company box (2017 on), or None where absent."""
    securities_12b: tuple[Security, ...] | None = None
    """Section 12(b) table rows, or None where there is no table."""
    fields: tuple[CoverField, ...] = ()
    """The values of the cover's other typed fields, in document order."""
    boxes: tuple[CheckBox, ...] = ()
    """Every check box, in document order."""
    parts: tuple[CoverPart, ...] = ()
    """Every recognised piece of the cover, in document order."""

    def period_dates(self) -> tuple[datetime.date, ...]:
        """The printed dates EDGAR may have taken for the period of report.

        ``period_of_report``, and any other date the form's cover prints for the same
        thing (a form's cover class adds it): the header is checked against all of them.
        """
        return (self.period_of_report,) if self.period_of_report is not None else ()

    def checked(self, field: str) -> tuple[str, ...]:
        """The labels of the checked boxes of ``field``."""
        return tuple(b.label for b in self.boxes if b.field == field and b.checked)

    def answer(self, field: str) -> bool | None:
        """A yes/no field's answer (see :func:`box_answer`)."""
        return box_answer(self.boxes, field)


def box_answer(boxes: tuple[CheckBox, ...], field: str) -> bool | None:
    """What the check boxes of ``field`` answer, or None where they give no answer.

    A checked "No" is False, any other checked box True. With nothing checked, a lone box
    (or a set of options) is False, an unanswered "Yes"/"No" pair None.
    """
    mine = [b for b in boxes if b.field == field]
    checked = [b for b in mine if b.checked]
    if checked:
        return checked[0].label.strip().lower() != "no"
    if not mine or any(b.label.strip().lower() in ("yes", "no") for b in mine):
        return None
    return False


@dataclass(frozen=True, slots=True)
class Item(Node):
    """One item of the report: its heading and its body."""

    node = "item"

    number: str
    """Item number, normalised: "5", "1A", "2.02" (a heading's "2. 02" or "2.02." too)."""
    title: str
    """Title as printed, white space collapsed ("" when the heading has none)."""
    text: str
    """The body, from the line after the heading to the next section."""
    span: Span
    """Heading and body."""
    heading_span: Span
    """The heading alone."""
    exhibits: tuple[Exhibit, ...] = ()
    """Exhibit rows printed in this item (the items of a form that list exhibits); in an
    item whose title names exhibits and that prints no rows, the exhibits its text names
    (``listed_in="text"``)."""
    part: str | None = None
    """The part of the report it is in ("I", "II"), where the form has parts."""
    status: str = "reported"
    """"reported", or "none" where the item says only that it has nothing to report (its
    body, or the end of its heading, is "None." or "Not applicable.")."""


@dataclass(frozen=True, slots=True)
class SectionHeading(Node):
    """The heading of one of the groups a form's items are numbered in, printed above them.

    "Section 5 - Corporate Governance and Management" above Items 5.01 to 5.08, where a
    form's items are numbered by section and its filers print the section's heading.
    """

    node = "section_heading"

    number: str
    """The section's number as printed: "5"; "" for the heading the form prints over all
    its sections ("INFORMATION TO BE INCLUDED IN THE REPORT")."""
    title: str
    """Its title as printed: "Corporate Governance and Management"."""
    span: Span
    """The heading line."""


@dataclass(frozen=True, slots=True)
class PartHeading(Node):
    """The heading of a part of the report: "PART II - OTHER INFORMATION"."""

    node = "part"

    number: str
    """The part's number as printed: "I", "II", "IV"."""
    title: str
    """Its title ("" when the heading has none)."""
    span: Span
    """The heading, and the text before the part's first item."""
    text: str = ""
    """What the part prints before its first item."""


@dataclass(frozen=True, slots=True)
class ExplanatoryNote(Node):
    """An amendment's explanatory note: what it amends and why."""

    node = "explanatory_note"

    heading: str
    """The heading as printed ("EXPLANATORY NOTE")."""
    text: str
    """The note."""
    span: Span
    """Heading and note."""


@dataclass(frozen=True, slots=True)
class FinancialStatement(Node):
    """A financial statement, schedule or accountant's report printed after the signatures.

    A form may have its financial statements and schedules filed as part of the report,
    and many filers print them after the signature page.
    """

    node = "financial_statement"

    title: str
    """Its title as printed: "CONSOLIDATED STATEMENT OF INCOME", "Schedule II"."""
    text: str
    """The statement: the company's name over the title, the title, and what follows."""
    span: Span
    """Where it is."""


@dataclass(frozen=True, slots=True)
class ReportText(Node):
    """Text of the report outside its items, up to the next section.

    What a report without items reports (a press release), a note printed before a
    report's first part.
    """

    node = "report_text"

    text: str
    """The text."""
    span: Span
    """Where it is."""


@dataclass(frozen=True, slots=True)
class OmittedItems(Node):
    """A line that declares several items empty: "Items 1-4. Not applicable."."""

    node = "omitted_items"

    numbers: tuple[str, ...]
    """The item numbers the line names (a range is expanded: "1-4" gives 1, 2, 3, 4)."""
    text: str
    """The line and any text after it up to the next section."""
    span: Span
    """Where it is."""


@dataclass(frozen=True, slots=True)
class Contents(Node):
    """A table of contents: item headings listed before the items themselves."""

    node = "contents"

    entries: tuple[str, ...]
    """The listed headings, as printed."""
    span: Span
    """First entry to last."""


@dataclass(frozen=True, slots=True)
class Exhibit(Node):
    """An exhibit as an exhibit list or index names it."""

    number: str
    """Exhibit number as printed, without "Exhibit" and trailing marks ("99.1")."""
    description: str
    """Its description, wrapped lines joined."""
    span: Span
    """The row."""
    listed_in: str = "item"
    """``"item"`` (a list in an item that lists exhibits), ``"index"`` (a separate
    exhibit index) or ``"text"`` (named only in the prose of an item that lists exhibits,
    which prints no list; the description is then empty and the span is the number's)."""
    document: int | None = None
    """<SEQUENCE> of the attached document of this exhibit's type, in a full submission."""


@dataclass(frozen=True, slots=True)
class ExhibitIndex(Node):
    """A separate exhibit index section."""

    node = "exhibit_index"

    exhibits: tuple[Exhibit, ...]
    """Its rows."""
    text: str
    """Everything the section prints."""
    span: Span
    """Heading to the end of the section."""


@dataclass(frozen=True, slots=True)
class ExhibitDocument(Node):
    """An exhibit printed inside the document itself, after its title "Exhibit 99.1"."""

    node = "exhibit_document"

    number: str
    """The exhibit number from the title."""
    text: str
    """Everything up to the next attached exhibit or the end of the document."""
    span: Span
    """Title to end."""


@dataclass(frozen=True, slots=True)
class Signature(Node):
    """One signer."""

    name: str | None
    """The signer's name (from "Name:", the typed line under the signature, or "/s/")."""
    title: str | None
    """The signer's title, wrapped lines joined."""
    registrant: str | None
    """The registrant signed for, as the block prints it."""
    conformed: str | None
    """The conformed signature as printed, "By:" and all ("By: /s/ Gregg D. Beloff"), if any."""
    span: Span
    """From the signature line to the signer's last line."""


@dataclass(frozen=True, slots=True)
class SignatureBlock(Node):
    """The signature section: heading, attestation, registrant, date, signers."""

    node = "signature_block"

    span: Span
    """Heading (or attestation) to the end of the section."""
    heading: str | None = None
    """"SIGNATURE" or "SIGNATURES" as printed, or None without a heading."""
    attestation: str | None = None
    """The "Pursuant to the requirements of the Securities Exchange Act" sentence."""
    registrant: str | None = None
    """The registrant named above the first signer."""
    date: datetime.date | None = None
    """The date printed in the block."""
    signatures: tuple[Signature, ...] = ()
    """The signers, in order."""


@dataclass(frozen=True, slots=True)
class SourceInfo(Node):
    """Where the input came from and how it was read."""

    path: str | None
    """File path, or None for text or bytes given directly."""
    encoding: str
    """Encoding used to decode it: "utf-8", "cp1252", "latin-1" or "str"."""
    length: int
    """Length of the decoded text in characters."""
    text: str = field(default="", repr=False, compare=False, metadata={"json": False})
    """The decoded text itself: ``text[span.start:span.end]`` is what a span covers."""


@dataclass(frozen=True, slots=True)
class HeaderField(Node):
    """One line of the SEC header, as printed: a label (or tag) and its value."""

    label: str
    """Label as printed, without the colon ("COMPANY CONFORMED NAME") or the tag's name."""
    value: str
    """The value, white space around it removed ("" when the line has none)."""
    depth: int
    """Nesting: leading tabs in the label dialect, open containers in the tagged one."""
    span: Span
    """The line."""


@dataclass(frozen=True, slots=True)
class Address(Node):
    """A business or mail address of the SEC header."""

    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class FilingValues(Node):
    """A FILING VALUES block: the form under one Act."""

    form_type: str | None = None
    sec_act: str | None = None
    file_number: str | None = None
    film_number: str | None = None


@dataclass(frozen=True, slots=True)
class FormerName(Node):
    """A FORMER COMPANY block: a name the entity used before."""

    name: str
    date_changed: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class Filer(Node):
    """An entity of the SEC header: a filer, a subject company, a filer-by, an owner."""

    role: str
    """"filer", "subject company", "filed by", "reporting owner", "issuer", ..."""
    span: Span
    """From the entity's label to its last line."""
    name: str | None = None
    """COMPANY CONFORMED NAME."""
    cik: str | None = None
    """CENTRAL INDEX KEY (10 digits)."""
    sic: str | None = None
    """STANDARD INDUSTRIAL CLASSIFICATION as printed ("STATE COMMERCIAL BANKS [6022]")."""
    sic_code: str | None = None
    """The four-digit SIC code from it, where there is one."""
    organization_name: str | None = None
    """ORGANIZATION NAME (the SEC office, from the 2020s)."""
    irs_number: str | None = None
    """IRS NUMBER, or EIN in files from 2025 on."""
    state_of_incorporation: str | None = None
    """STATE OF INCORPORATION (EDGAR's two-character code)."""
    fiscal_year_end: str | None = None
    """FISCAL YEAR END, MMDD."""
    filing_values: tuple[FilingValues, ...] = ()
    """One per Act the form is filed under."""
    business_address: Address | None = None
    mail_address: Address | None = None
    former_names: tuple[FormerName, ...] = ()
    """Newest first, as printed."""

    json_properties = ("form_type", "sec_act", "sec_file_number", "film_number")

    @property
    def _first_values(self) -> FilingValues:
        return self.filing_values[0] if self.filing_values else FilingValues()

    @property
    def form_type(self) -> str | None:
        """FORM TYPE of the first FILING VALUES block."""
        return self._first_values.form_type

    @property
    def sec_act(self) -> str | None:
        """SEC ACT of the first FILING VALUES block."""
        return self._first_values.sec_act

    @property
    def sec_file_number(self) -> str | None:
        """SEC FILE NUMBER of the first FILING VALUES block."""
        return self._first_values.file_number

    @property
    def film_number(self) -> str | None:
        """FILM NUMBER of the first FILING VALUES block."""
        return self._first_values.film_number


@dataclass(frozen=True, slots=True)
class HeaderItem(Node):
    """One ITEM INFORMATION line (a title) or <ITEMS> tag (a code)."""

    text: str
    """As printed: an item's title, or its code ("2.02")."""
    number: str | None
    """The item this means in the filing's era ("5" before 2004-08-23, "8.01" after), or
    None where the text names no item sec8k knows."""
    span: Span
    """The line."""


@dataclass(frozen=True, slots=True)
class SecHeader(Node):
    """The SEC header of a submission."""

    span: Span
    """From <SEC-HEADER> to </SEC-HEADER>."""
    dialect: str
    """"label" (``LABEL:<tabs>value`` lines) or "tagged" (``<TAG>value`` lines)."""
    accession_number: str | None = None
    form_type: str | None = None
    """CONFORMED SUBMISSION TYPE."""
    public_document_count: int | None = None
    period_of_report: datetime.date | None = None
    """CONFORMED PERIOD OF REPORT."""
    filed_as_of: datetime.date | None = None
    """FILED AS OF DATE: the official filing date."""
    date_as_of_change: datetime.date | None = None
    acceptance_datetime: str | None = None
    """<ACCEPTANCE-DATETIME> as printed, YYYYMMDDHHMMSS."""
    items: tuple[HeaderItem, ...] = ()
    """ITEM INFORMATION, one per line (empty lines left out)."""
    filers: tuple[Filer, ...] = ()
    """Every entity, in order: filers, subject company, filed by, owners."""
    fields: tuple[HeaderField, ...] = ()
    """Every line of the header, in order, unknown labels included."""


@dataclass(frozen=True, slots=True)
class Document(Node):
    """One <DOCUMENT> block of a submission."""

    span: Span
    """From <DOCUMENT> to </DOCUMENT> (or the end of a truncated file)."""
    type: str | None = None
    """<TYPE>: a form's type, "EX-99.1", "GRAPHIC", "EX-101.SCH", ..."""
    sequence: int | None = None
    filename: str | None = None
    description: str | None = None
    payload: Span | None = None
    """Between <TEXT> and </TEXT>, None for a block without text."""
    encoding: str = "text"
    """How the payload is carried: "text", "html", "xbrl", "xml", "pdf", "uuencoded", "empty",
    or "listed" (an -index-headers page lists the document; its payload is elsewhere)."""
    truncated: bool = False
    """Whether its <TEXT> never closes."""
    source: str = field(default="", repr=False, compare=False, metadata={"json": False})
    """The submission's text (shared, not copied), for :meth:`content`."""
    pem: bool = field(default=False, repr=False, compare=False, metadata={"json": False})
    """Whether the submission is PEM-wrapped (its lines starting with "-" are stuffed)."""

    json_properties = ("size",)

    @property
    def size(self) -> int:
        """Length of the payload in characters (0 without one)."""
        return len(self.payload) if self.payload else 0

    def content(self) -> str | bytes:
        """The decoded payload: text for text, bytes for uuencoded binaries and <PDF> blocks.

        Raises:
            ValueError: a uuencoded payload that does not decode.
        """
        if self.payload is None:
            return ""
        from sec8k.payload import decode_payload  # here, to keep the model plain data

        return decode_payload(
            self.source[self.payload.start : self.payload.end], self.encoding, self.pem
        )


Section: TypeAlias = (
    Item
    | OmittedItems
    | PartHeading
    | SectionHeading
    | ExplanatoryNote
    | FinancialStatement
    | ReportText
    | SignatureBlock
    | ExhibitIndex
    | ExhibitDocument
    | Contents
    | Unrecognized
)


@dataclass(frozen=True, slots=True)
class Filing(Node):
    """A parsed filing: one document of a form, with the submission around it."""

    source: SourceInfo
    """Where it came from."""
    span: Span
    """The parsed document inside the input (the whole input for a bare document)."""
    form: str | None = None
    """The name of the form whose grammar read the document: see :mod:`sec8k.forms`."""
    document_type: str | None = None
    """The exact type: the document's <TYPE>, else the title on its cover (an amendment's
    type ends in "/A")."""
    cover: CoverPage | None = None
    """The cover page, or None where none was found."""
    sections: tuple[Section, ...] = ()
    """Everything after the cover, in document order: items, omitted-item lines, signature
    blocks, exhibit indexes, tables of contents, attached exhibits, unrecognized text."""
    exhibits: tuple[Exhibit, ...] = ()
    """Exhibits the filing lists: the exhibit index where there is one, else the lists in
    the items that list exhibits; each number once."""
    unrecognized: tuple[Unrecognized, ...] = ()
    """Every piece of text the grammar could not place: inside the cover page and the
    signature blocks first, then the document-level pieces (which are sections too)."""
    noise: tuple[Noise, ...] = ()
    """Layout debris set aside before parsing."""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    """Everything found wrong or odd, in order."""
    header: SecHeader | None = None
    """The SEC header of a full submission, or None for a bare document."""
    documents: tuple[Document, ...] = ()
    """Every <DOCUMENT> block of the submission (none for a bare document)."""
    xbrl: dict[str, str | list[str]] = field(default_factory=dict)
    """The inline XBRL ``dei:`` cover facts, by element name without the prefix
    ("EntityRegistrantName"): the text, or a list where the element repeats."""

    json_properties = ("form_type", "items", "signatures", "signature_date")

    @property
    def form_type(self) -> str | None:
        """The same as :attr:`document_type` (the name of earlier releases)."""
        return self.document_type

    @property
    def items(self) -> tuple[Item, ...]:
        """The items, in document order."""
        return tuple(s for s in self.sections if isinstance(s, Item))

    @property
    def signature_blocks(self) -> tuple[SignatureBlock, ...]:
        """The signature sections, in document order."""
        return tuple(s for s in self.sections if isinstance(s, SignatureBlock))

    @property
    def signatures(self) -> tuple[Signature, ...]:
        """Every signer of every signature block."""
        return tuple(sig for block in self.signature_blocks for sig in block.signatures)

    @property
    def signature_date(self) -> datetime.date | None:
        """The first date printed in a signature block."""
        for block in self.signature_blocks:
            if block.date is not None:
                return block.date
        return None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The error-severity diagnostics."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    def text_nodes(self) -> Iterator[Section | CoverPart | Noise | SecHeader | Document]:
        """Every node that owns text: cover parts, sections, unrecognized text, noise.

        Their spans together cover every non-blank character of the document.
        """
        if self.header is not None:
            yield self.header
        yield from (d for d in self.documents if not d.span.contains(self.span))
        if self.cover is not None:
            yield from self.cover.parts
        yield from (s for s in self.sections if not isinstance(s, Unrecognized))
        yield from self.unrecognized
        yield from self.noise

    def uncovered(self) -> tuple[Span, ...]:
        """The runs of the document's text that no node accounts for, in document order.

        The document is :attr:`span`: the payload (between <TEXT> and </TEXT>) of the
        submission's document that was parsed, or the whole input for a bare document and
        for an input where no document was parsed (a header alone). The SEC header, the
        wrapper and the other documents of a submission lie outside it; the header, noise
        and document nodes account for those. What counts as the document's text:

        * plain text: every character of the payload that is not blank (white space, a C0 or
          C1 control character, a zero-width space, joiner, mark or byte-order mark);
        * HTML and inline XBRL: the non-blank characters of the visible text that sec8k's
          HTML normaliser makes of it, each at the original characters it comes from (a
          decoded entity at the whole entity, a check box "[X]" at its glyph). Markup,
          comments and hidden content (scripts, styles, ``display:none``, ``ix:header``) are
          not text, and neither are page numbers and running headers the normaliser set
          aside (they are noise nodes).

        A character is accounted for when the span of a node of :meth:`text_nodes` holds
        it. A returned span runs from the first to the last of a maximal run of characters
        that are not accounted for, with no accounted-for character between them (blanks
        and markup between them are inside it). Empty, as sec8k promises, where nothing
        is lost.
        """
        text = self.source.text
        lo, hi = self.span.start, self.span.end
        counted = _counted_html if _is_html(text, self.span) else _counted_text
        state = counted(text, self.span)
        for node in self.text_nodes():
            start, end = max(node.span.start, lo), min(node.span.end, hi)
            if start < end:
                state[start - lo : end - lo] = state[start - lo : end - lo].translate(_COVER)
        return tuple(Span(lo + m.start(), lo + m.end()) for m in _LOST_RUN.finditer(state))

    def __rich__(self) -> object:
        from sec8k.render import to_rich_tree

        return to_rich_tree(self)

    def summary(self) -> list[tuple[str, str]]:
        """What the filing is, in a few labelled lines: the compact displays show these."""
        cover = self.cover
        names = [r.name for r in cover.registrants if r.name] if cover else []
        period = cover.period_of_report if cover else None
        counts = Counter(d.severity.value for d in self.diagnostics)
        items = ", ".join(i.number for i in self.items) or "none"
        signers = ", ".join(s.name for s in self.signatures if s.name) or "none"
        found = ", ".join(_counted(counts[k], k) for k in ("error", "warning", "info"))
        return [
            ("form", self.document_type or self.form or "unknown"),
            ("registrant", "; ".join(names) or "not found"),
            ("period of report", period.isoformat() if period else "not found"),
            ("items", items),
            ("exhibits", ", ".join(e.number for e in self.exhibits) or "none"),
            ("signers", signers),
            ("diagnostics", found),
            ("source", f"{self.source.path or '<text>'} ({self.source.length:,} characters)"),
        ]

    def __repr__(self) -> str:
        fields = dict(self.summary())
        return (
            f"<Filing {fields['form']} {fields['registrant']!r} {fields['period of report']}: "
            f"items {fields['items']}; {fields['diagnostics']}>"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain display: the summary, one labelled line each."""
        if cycle:
            printer.text("<Filing ...>")
            return
        rows = self.summary()
        width = max(len(label) for label, _ in rows)
        printer.text("\n".join(f"{label:>{width}}  {value}" for label, value in rows))

    def _repr_html_(self) -> str:
        """Jupyter's display: the summary as a small table (the text escaped)."""
        cells = "".join(
            f"<tr><th style='text-align:right'>{html.escape(label)}</th>"
            f"<td style='text-align:left'>{html.escape(value)}</td></tr>"
            for label, value in self.summary()
        )
        return f"<table class='sec8k-filing'>{cells}</table>"


def _set_slots_directly(cls: type[Node]) -> None:
    """Give a frozen dataclass an ``__init__`` that stores through its slot descriptors.

    The ``__init__`` that ``dataclass(frozen=True)`` writes looks ``object.__setattr__`` up
    for every field; calling each slot's own ``__set__``, bound once here, is 40% faster
    (measured on :class:`CoverPart`), and a parse builds thousands of nodes (the model's
    ``__init__`` calls were 4.5% of a plain-text filing's instructions). Same parameters,
    defaults and annotations; a class with a ``__post_init__``, a default factory or
    keyword-only fields keeps the dataclass's own.
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(
        not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING for f in fields
    ):
        return
    namespace: dict[str, Any] = {}
    parameters = ["self"]
    body = []
    for f in fields:
        slot = inspect.getattr_static(cls, f.name)
        namespace[f"_set_{f.name}"] = slot.__set__
        if f.default is dataclasses.MISSING:
            parameters.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__({', '.join(parameters)}):\n" + ("\n".join(body) or "    pass")
    exec(source, namespace)  # the source is built above from the field names
    init = namespace["__init__"]
    generated = cls.__init__
    init.__qualname__ = generated.__qualname__
    init.__annotations__ = generated.__annotations__
    init.__doc__ = generated.__doc__
    init.__module__ = cls.__module__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning a method


for _node_class in [value for value in list(globals().values()) if isinstance(value, type)]:
    if issubclass(_node_class, Node) and dataclasses.is_dataclass(_node_class):
        _set_slots_directly(_node_class)
del _node_class


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# Characters that are no text: white space, C0 and C1 controls, zero-width characters.
_BLANK = r"\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff"
_TEXT_RUN = re.compile(f"[^{_BLANK}]+")
# The state of each character of the document, one byte each: NUL for no text, "u" for
# text no node holds (yet), "c" for text some node holds.
_UNCOVERED, _COVERED = b"u", b"c"
_COVER = bytes.maketrans(_UNCOVERED, _COVERED)
_LOST_RUN = re.compile(rb"u(?:[^c]*u)?")


def _is_html(text: str, document: Span) -> bool:
    """Whether the pipeline read ``document`` as HTML (the same test it applies)."""
    from sec8k.html import looks_like_html  # here: the model stays below the normaliser

    return looks_like_html(text[document.start : min(document.end, document.start + 20_000)])


def _counted_text(text: str, document: Span) -> bytearray:
    """The state of a plain-text document's characters: the non-blank ones uncovered."""
    lo = document.start
    state = bytearray(len(document))
    for match in _TEXT_RUN.finditer(text, lo, document.end):
        state[match.start() - lo : match.end() - lo] = _UNCOVERED * (match.end() - match.start())
    return state


def _counted_html(text: str, document: Span) -> bytearray:
    """The state of an HTML document's characters: the visible text's origins uncovered."""
    from sec8k.html import normalize_html  # here: the model stays below the normaliser

    visible = normalize_html(text, document)
    lo = document.start
    state = bytearray(len(document))
    for match in _TEXT_RUN.finditer(visible.text):
        start, end = match.span()
        whole = visible.span(start, end)
        if len(whole) == end - start:  # copied verbatim: one original character each
            state[whole.start - lo : whole.end - lo] = _UNCOVERED * len(whole)
            continue
        for i in range(start, end):
            one = visible.span(i, i + 1)
            state[one.start - lo : one.end - lo] = _UNCOVERED * len(one)
    return state
