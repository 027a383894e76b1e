"""A birthday with or without its year: read as people type it, kept, shown and exported."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.dates import PartialDate, parse_birthday
from reciprocity.errors import DateError

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15 March", PartialDate(3, 15)),
        ("March 15", PartialDate(3, 15)),
        ("15 mar", PartialDate(3, 15)),
        ("--03-15", PartialDate(3, 15)),
        ("--0315", PartialDate(3, 15)),
        ("29 February", PartialDate(2, 29)),
        ("15/03", PartialDate(3, 15)),
        ("03/15", PartialDate(3, 15)),
        ("1990-03-15", PartialDate(3, 15, 1990)),
        ("15 March 1990", PartialDate(3, 15, 1990)),
        ("31/12/1985", PartialDate(12, 31, 1985)),
    ],
)
def test_birthdays_as_people_type_them(typed: str, expected: PartialDate) -> None:
    assert parse_birthday(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("30 February", "not a birthday"),
        ("banana", "not a birthday"),
        ("--13-01", "not a birthday"),
        ("03/04", "could be read two ways"),
        ("2030-01-01", "in the future"),
    ],
)
def test_birthdays_that_cannot_be_read(typed: str, says: str) -> None:
    with pytest.raises(DateError, match=says):
        parse_birthday(typed, today=TODAY)


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)), st.booleans())
def test_the_iso_form_reads_back(day: date, known: bool) -> None:
    born = PartialDate.of(day, year_known=known)
    assert PartialDate.from_iso(born.isoformat()) == born


def test_the_last_time_a_day_came_round() -> None:
    assert PartialDate(3, 15).latest(TODAY) == date(2026, 3, 15)
    assert PartialDate(12, 1).latest(TODAY) == date(2025, 12, 1)
    assert PartialDate(2, 29).latest(TODAY) == date(2026, 2, 28)
    assert PartialDate(11, 24).latest(TODAY) == TODAY
