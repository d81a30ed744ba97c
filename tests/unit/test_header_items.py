"""The item that an ITEM INFORMATION title of EDGAR's header means, by era."""

from __future__ import annotations

import datetime

import pytest

from sec8k.forms.form_8k.header_items import header_item_number

AFTER = datetime.date(2010, 1, 1)
BEFORE = datetime.date(2000, 1, 1)

# Form 8-K's item titles since 2004-08-23 (SPEC.md section 3.3), as the header prints them.
TITLES = {
    "Entry into a Material Definitive Agreement": "1.01",
    "Termination of a Material Definitive Agreement": "1.02",
    "Bankruptcy or Receivership": "1.03",
    "Mine Safety - Reporting of Shutdowns and Patterns of Violations": "1.04",
    "Material Cybersecurity Incidents": "1.05",
    "Completion of Acquisition or Disposition of Assets": "2.01",
    "Results of Operations and Financial Condition": "2.02",
    "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
    "Arrangement of a Registrant": "2.03",
    "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an "
    "Obligation under an Off-Balance Sheet Arrangement": "2.04",
    "Costs Associated with Exit or Disposal Activities": "2.05",
    "Material Impairments": "2.06",
    "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; "
    "Transfer of Listing": "3.01",
    "Unregistered Sales of Equity Securities": "3.02",
    "Material Modification to Rights of Security Holders": "3.03",
    "Changes in Registrant's Certifying Accountant": "4.01",
    "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
    "Completed Interim Review": "4.02",
    "Changes in Control of Registrant": "5.01",
    "Departure of Directors or Certain Officers; Election of Directors; Appointment of "
    "Certain Officers; Compensatory Arrangements of Certain Officers": "5.02",
    "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year": "5.03",
    "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans": "5.04",
    "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code "
    "of Ethics": "5.05",
    "Change in Shell Company Status": "5.06",
    "Submission of Matters to a Vote of Security Holders": "5.07",
    "Shareholder Director Nominations": "5.08",
    "ABS Informational and Computational Material": "6.01",
    "Change of Servicer or Trustee": "6.02",
    "Change in Credit Enhancement or Other External Support": "6.03",
    "Failure to Make a Required Distribution": "6.04",
    "Securities Act Updating Disclosure": "6.05",
    "Static Pool": "6.06",
    "Regulation FD Disclosure": "7.01",
    "Other Events": "8.01",
    "Financial Statements and Exhibits": "9.01",
}

# Items 1 to 12 before 2004-08-23.
OLD_TITLES = {
    "Changes in Control of Registrant": "1",
    "Acquisition or Disposition of Assets": "2",
    "Bankruptcy or Receivership": "3",
    "Changes in Registrant's Certifying Accountant": "4",
    "Other Events": "5",
    "Resignations of Registrant's Directors": "6",
    "Financial Statements and Exhibits": "7",
    "Change in Fiscal Year": "8",
    "Regulation FD Disclosure": "9",
    "Sales of Equity Securities Pursuant to Regulation S": "9",
    "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code "
    "of Ethics": "10",
    "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans": "11",
    "Results of Operations and Financial Condition": "12",
}


@pytest.mark.parametrize(("title", "number"), TITLES.items())
def test_titles_since_2004(title: str, number: str) -> None:
    assert header_item_number(title, AFTER) == number


@pytest.mark.parametrize(("title", "number"), OLD_TITLES.items())
def test_titles_before_2004(title: str, number: str) -> None:
    assert header_item_number(title, BEFORE) == number


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("Material Modifications to Rights of Security Holders", "3.03"),  # plural
        ("MATERIAL MODIFICATION TO THE RIGHTS OF SECURITY HOLDERS", "3.03"),
        ("Departure of Directors or Principal Officers; Election of Directors", "5.02"),  # 2004
        ("Amendment to Registrant's Code of Ethics", "5.05"),
        ("Change in Control", "5.01"),
        ("Financial Statements, Pro Forma Financial Information and Exhibits", "9.01"),
        ("9.01", "9.01"),  # an <ITEMS> code
        ("05", "5"),
    ],
)
def test_variants_mean_the_same_item(title: str, number: str) -> None:
    assert header_item_number(title, AFTER if "." in number else BEFORE) == number


def test_a_title_of_no_item() -> None:
    assert header_item_number("Something else entirely", AFTER) is None
