"""Reading the dates people type: ``2026-03-14``, ``14 Mar 2026``, ``yesterday``, ``3 days ago``.

Numeric dates whose day and month could swap (``03/04/2026``) are refused with
both readings offered, rather than guessed: a moment filed a month off is
worse than a second of typing.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from reciprocity.coach import people as people_words
from reciprocity.coach.terms import day_words
from reciprocity.errors import DateError

_AGO = re.compile(r"^(\d{1,4})\s+(day|week|month)s?\s+ago$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
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
