"""Federal holidays and business days, as General Instruction B.1 counts them."""

from __future__ import annotations

import datetime

import pytest

from sec8k.forms.form_8k.dates import business_days, federal_holidays

D = datetime.date


def test_holidays_of_2024() -> None:
    assert sorted(federal_holidays(2024)) == [
        D(2024, 1, 1),
        D(2024, 1, 15),
        D(2024, 2, 19),
        D(2024, 5, 27),
        D(2024, 6, 19),
        D(2024, 7, 4),
        D(2024, 9, 2),
        D(2024, 10, 14),
        D(2024, 11, 11),
        D(2024, 11, 28),
        D(2024, 12, 25),
    ]


@pytest.mark.parametrize(
    ("year", "observed"),
    [
        (2022, D(2022, 12, 26)),  # Christmas on a Sunday
        (2021, D(2021, 12, 31)),  # New Year's Day 2022 on a Saturday
        (2020, D(2020, 7, 3)),  # Independence Day on a Saturday
    ],
)
def test_weekend_holidays_are_observed_on_the_nearest_weekday(
    year: int, observed: datetime.date
) -> None:
    assert observed in federal_holidays(year)


def test_juneteenth_only_from_2021_and_mlk_day_from_1986() -> None:
    assert D(2020, 6, 19) not in federal_holidays(2020)
    assert D(1985, 1, 21) not in federal_holidays(1985)
    assert D(1986, 1, 20) in federal_holidays(1986)


def test_business_days_skip_weekends_and_holidays() -> None:
    # Monday 2024-07-01 to Monday 2024-07-08: the 2nd, 3rd, 5th and 8th (the 4th is a holiday).
    assert business_days(D(2024, 7, 1), D(2024, 7, 8)) == 4
    assert business_days(D(2024, 7, 1), D(2024, 7, 1)) == 0
    # Friday to Monday over a new year: Saturday, Sunday, and New Year's Day 2024 on Monday.
    assert business_days(D(2023, 12, 29), D(2024, 1, 2)) == 1
