"""Cover layouts the three real filings do not show, on a small made-up text cover.

The cover below follows the printed Form 8-A (a 12(b) table with its headings wrapped and
underlined, the file number and "(if applicable)" on one line, a 12(g) class under its
line). The company is invented; the layout is the form's.
"""

from __future__ import annotations

import sec8k

import sec8k_form_8a

COVER = """\
                     SECURITIES AND EXCHANGE COMMISSION
                            WASHINGTON, D.C. 20549

                                  FORM 8-A

              FOR REGISTRATION OF CERTAIN CLASSES OF SECURITIES
                   PURSUANT TO SECTION 12(b) OR 12(g) OF THE
                       SECURITIES EXCHANGE ACT OF 1934

                              EXAMPLE WIDGETS, INC.
            (Exact name of registrant as specified in its charter)

              Delaware                                   12-3456789
  (State of incorporation or organization)     (I.R.S. Employer Identification No.)

    100 Main Street, Springfield, Illinois                 62701
   (Address of principal executive offices)              (Zip Code)

Securities to be registered pursuant to Section 12(b) of the Act:

     Title of each class                  Name of each exchange on which
     to be so registered                  each class is to be registered
{rule}
     Common Stock, $.01 par value         New York Stock Exchange

If this form relates to the registration of a class of securities pursuant
to Section 12(b) of the Exchange Act and is effective pursuant to General
Instruction A.(c), check the following box. [X]

If this form relates to the registration of a class of securities pursuant
to Section 12(g) of the Exchange Act and is effective pursuant to General
Instruction A.(d), check the following box. [ ]

Securities Act registration statement file number to which this form
relates: 333-12345 (if applicable)

Securities to be registered pursuant to Section 12(g) of the Act:

                     Preferred Stock Purchase Rights
                     -------------------------------
                            (Title of class)

                 INFORMATION REQUIRED IN REGISTRATION STATEMENT

Item 1.  Description of Registrant's Securities to be Registered.

     The description is incorporated by reference.

Item 2.  Exhibits.

     Not applicable.

                                   SIGNATURE

     Pursuant to the requirements of Section 12 of the Securities Exchange Act
of 1934, the registrant has duly caused this registration statement to be
signed on its behalf by the undersigned, thereto duly authorized.

                                        EXAMPLE WIDGETS, INC.

Date: May 1, 2001                       By: /s/ Jane Doe
                                            ---------------------
                                            Jane Doe
                                            Secretary
"""
UNDERLINED = COVER.format(
    rule="     -------------------                  ------------------------------"
)
PLAIN = COVER.format(rule="")


def _cover(text: str) -> sec8k_form_8a.Cover8A:
    filing = sec8k.parse(text)
    assert filing.form == "8-A"
    assert isinstance(filing.cover, sec8k_form_8a.Cover8A)
    return filing.cover


def test_the_8a_fields_of_a_text_cover() -> None:
    cover = _cover(PLAIN)
    assert cover.registrants[0].name == "EXAMPLE WIDGETS, INC."
    assert (cover.section_12b, cover.section_12g, cover.regulation_a) == (True, False, None)
    assert cover.securities_act_file_number == "333-12345"  # "(if applicable)" left out
    assert cover.securities_12g == ("Preferred Stock Purchase Rights",)


def test_a_12b_table_with_wrapped_headings() -> None:
    cover = _cover(PLAIN)
    assert cover.securities_12b is not None
    assert [(s.title, s.exchange) for s in cover.securities_12b] == [
        ("Common Stock, $.01 par value", "New York Stock Exchange")
    ]


def test_a_12b_table_with_underlined_headings() -> None:
    cover = _cover(UNDERLINED)
    assert cover.securities_12b is not None
    assert [(s.title, s.exchange) for s in cover.securities_12b] == [
        ("Common Stock, $.01 par value", "New York Stock Exchange")
    ]
