from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.dates import parse_date
from reciprocity.errors import DateError

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-14", date(2026, 3, 14)),
        ("14 Mar 2026", date(2026, 3, 14)),
        ("March 3, 2026", date(2026, 3, 3)),
        ("today", TODAY),
        ("Yesterday", date(2026, 11, 23)),
        ("3 days ago", date(2026, 11, 21)),
        ("2 weeks ago", date(2026, 11, 10)),
        ("monday", date(2026, 11, 23)),
        ("last tuesday", date(2026, 11, 17)),
        ("31/12/2025", date(2025, 12, 31)),
        ("12/31/2025", date(2025, 12, 31)),
        ("5/5/25", date(2025, 5, 5)),
    ],
)
def test_readable_dates(typed: str, expected: date) -> None:
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize("typed", ["banana", "2026-13-01", "32/01/2026", "", "12 2026"])
def test_unreadable_dates(typed: str) -> None:
    with pytest.raises(DateError, match="not a date"):
        parse_date(typed, today=TODAY)


def test_ambiguous_and_future_dates() -> None:
    with pytest.raises(DateError, match=r"3 Apr 2026 or 4 Mar 2026"):
        parse_date("03/04/2026", today=TODAY)
    with pytest.raises(DateError, match="future"):
        parse_date("tomorrow", today=TODAY)
    assert parse_date("tomorrow", today=TODAY, allow_future=True) == date(2026, 11, 25)


@given(st.dates(max_value=TODAY))
def test_iso_dates_always_round_trip(day: date) -> None:
    assert parse_date(day.isoformat(), today=TODAY) == day


@given(st.text(max_size=30))
def test_anything_typed_gives_a_date_or_a_date_error(typed: str) -> None:
    with contextlib.suppress(DateError):
        parse_date(typed, today=TODAY)
