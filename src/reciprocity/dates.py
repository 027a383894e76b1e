"""Reading the dates people type: ``2026-03-14``, ``14 Mar 2026``, ``yesterday``, ``3 days ago``.

Numeric dates whose day and month could swap (``03/04/2026``) are refused with
both readings offered, rather than guessed: a moment filed a month off is
worse than a second of typing.

A birthday may come without its year (``15 March``, or ``--03-15`` as address
books write it): a ``PartialDate`` holds a day and month, and the year when it
is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reciprocity.coach import people as people_words
from reciprocity.coach.terms import day_words
from reciprocity.errors import DateError

_AGO = re.compile(r"^(\d{1,4})\s+(day|week|month)s?\s+ago$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})\.?$")
_YEAR = re.compile(r"\d{3,4}")
LEAP_YEAR = 2000
"""A year with a 29 February, to check a day and month that come without a year."""
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def parse_date(value: str, *, today: date, allow_future: bool = False) -> date:
    """Read a date typed by a person. Raises DateError with a suggestion when it cannot."""
    text = " ".join(value.strip().lower().split())
    found = _relative(text, today)
    if found is None:
        found = _absolute(value.strip(), text, today)
    if found > today and not allow_future:
        raise DateError(people_words.DATE_IN_FUTURE.format(value=value))
    return found


def _relative(text: str, today: date) -> date | None:
    if text in ("today", "now"):
        return today
    if text == "yesterday":
        return today - timedelta(days=1)
    if text in ("tomorrow",):
        return today + timedelta(days=1)
    if match := _AGO.match(text):
        count, unit = int(match.group(1)), match.group(2)
        days = {"day": 1, "week": 7, "month": 30}[unit] * count
        return today - timedelta(days=days)
    name = text.removeprefix("last ")
    if name in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS.index(name)) % 7 or 7
        return today - timedelta(days=back)
    return None


def _absolute(value: str, text: str, today: date) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        year = year + 2000 if year < 100 else year
        if first <= 12 and second <= 12 and first != second:
            one = _safe(year, second, first)
            two = _safe(year, first, second)
            if one and two:
                raise DateError(
                    people_words.DATE_AMBIGUOUS.format(
                        value=value, first=day_words(one), second=day_words(two)
                    )
                )
        day, month = (first, second) if first > 12 or first == second else (second, first)
        found = _safe(year, month, day)
        if found is None:
            raise DateError(people_words.DATE_UNREADABLE.format(value=value))
        return found
    from dateutil import parser  # imported here: only unusual forms need it

    try:
        parsed = parser.parse(value, default=datetime(today.year, today.month, today.day))
    except (ValueError, OverflowError, TypeError):
        raise DateError(people_words.DATE_UNREADABLE.format(value=value)) from None
    if not re.search(r"\d", value) or not re.search(r"[a-z]", text):
        raise DateError(people_words.DATE_UNREADABLE.format(value=value))
    return parsed.date()


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, order=True)
class PartialDate:
    """A day of the year, and the year when it is known: a birthday, an anniversary."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        date(self.year or LEAP_YEAR, self.month, self.day)  # ValueError for 31 April

    @classmethod
    def of(cls, day: date, *, year_known: bool = True) -> PartialDate:
        return cls(day.month, day.day, day.year if year_known else None)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """``1990-03-15``, or ``--03-15`` without a year; ValueError for anything else."""
        if found := _NO_YEAR.match(text.strip()):
            return cls(int(found.group(1)), int(found.group(2)))
        return cls.of(date.fromisoformat(text.strip()))

    def isoformat(self) -> str:
        """``1990-03-15``, or ``--03-15`` when the year is not known (as vCard writes it)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def in_year(self, year: int) -> date:
        """This day in ``year`` (29 February is 28 February in a year without one)."""
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return date(year, 2, 28)

    def latest(self, today: date) -> date:
        """The last time this day came round, today included."""
        this_year = self.in_year(today.year)
        return this_year if this_year <= today else self.in_year(today.year - 1)


def parse_birthday(value: str, *, today: date) -> PartialDate:
    """A birthday typed by a person: a date (not in the future), or a day and month alone
    (``15 March``, ``March 15``, ``15/03``, ``--03-15``) when the year is not known."""
    text = " ".join(value.strip().split())
    try:
        if _NO_YEAR.match(text):
            return PartialDate.from_iso(text)
        if found := _DAY_MONTH.match(text):
            return _day_and_month(value, int(found.group(1)), int(found.group(2)))
        if re.search(r"[^\W\d_]", text) and re.search(r"\d", text) and not _YEAR.search(text):
            return _named_month(value, text)
    except ValueError:
        raise DateError(people_words.BIRTHDAY_UNREADABLE.format(value=value)) from None
    try:
        return PartialDate.of(parse_date(value, today=today))
    except DateError as error:
        if str(error) == people_words.DATE_UNREADABLE.format(value=value):
            raise DateError(people_words.BIRTHDAY_UNREADABLE.format(value=value)) from None
        raise


def _day_and_month(value: str, first: int, second: int) -> PartialDate:
    if first <= 12 and second <= 12 and first != second:
        one, two = PartialDate(second, first), PartialDate(first, second)
        raise DateError(
            people_words.DATE_AMBIGUOUS.format(
                value=value,
                first=one.in_year(LEAP_YEAR).strftime("%d %B"),
                second=two.in_year(LEAP_YEAR).strftime("%d %B"),
            )
        )
    day, month = (first, second) if first > 12 or first == second else (second, first)
    return PartialDate(month, day)


def _named_month(value: str, text: str) -> PartialDate:
    from dateutil import parser

    try:
        parsed = parser.parse(text, default=datetime(LEAP_YEAR, 1, 1))
    except (ValueError, OverflowError, TypeError):
        raise ValueError(value) from None
    return PartialDate(parsed.month, parsed.day)
