"""Cadences of rituals: RFC 5545 recurrence rules, and the friendly words people type.

A cadence is a rule (``FREQ=WEEKLY;BYDAY=SU``), the day it starts, and
optionally a time of day in a named time zone. Occurrences are computed with
python-dateutil's ``rrule``; a time of day is kept as wall-clock time, so a
Sunday call at 19:00 stays at 19:00 across a daylight-saving change.

Friendly forms are turned into the same rules: ``weekly``, ``fortnightly``,
``every other week``, ``monthly``, ``every 3 weeks``, ``every sunday``,
``monthly on the first saturday``, ``last friday of the month``.

``cadence_rule(every, on)`` is the one way the faces build a rule from the
choices a person makes (``every="2 weeks", on="sunday"``; ``every="month",
on="first saturday"``): the command line's ``--every``/``--on`` and the web
form's cadence fields alike. dateutil's ``rrule`` writes the rule;
``friendly_choice`` reads one back into those choices for an edit form.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr, weekday

from reciprocity.coach import practices as words
from reciprocity.coach.terms import day_words
from reciprocity.errors import InputError

_DAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}
_SIMPLE = {
    "daily": "FREQ=DAILY",
    "every day": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "every week": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "every other week": "FREQ=WEEKLY;INTERVAL=2",
    "every two weeks": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "every month": "FREQ=MONTHLY",
    "every other month": "FREQ=MONTHLY;INTERVAL=2",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
    "every year": "FREQ=YEARLY",
}
_UNITS = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_EVERY_N = re.compile(r"^every (\d{1,3}) (day|week|month|year)s?$")
_DAY_NAMES = "|".join(_DAYS)
_WEEKLY_ON = re.compile(rf"^(?:weekly on|every) ({_DAY_NAMES})s?$")
_FORTNIGHTLY_ON = re.compile(rf"^(?:fortnightly on|every other) ({_DAY_NAMES})$")
_MONTHLY_ON = re.compile(
    rf"^(?:monthly on the |every |the )?(first|1st|second|2nd|third|3rd|fourth|4th|last) "
    rf"({_DAY_NAMES})(?: of (?:the|every|each) month| monthly)?$"
)
_ALLOWED_FREQ = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


def parse_rule(text: str) -> str:
    """The RRULE for ``text`` (an RRULE or a friendly form). Raises InputError if unusable."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise InputError(words.RULE_EMPTY)
    friendly = _friendly(cleaned)
    body = friendly if friendly is not None else text.strip().removeprefix("RRULE:").strip()
    parts = _parts(body, text)
    if "DTSTART" in parts:
        raise InputError(words.RULE_DTSTART.format(rule=text))
    if parts.get("FREQ") not in _ALLOWED_FREQ:
        raise InputError(words.RULE_FREQ.format(rule=text))
    try:
        rrulestr(f"RRULE:{body}", dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as error:
        raise InputError(words.RULE_UNREADABLE.format(rule=text, reason=_reason(error))) from None
    return ";".join(f"{k}={v}" for k, v in parts.items())


def _friendly(text: str) -> str | None:
    if text in _SIMPLE:
        return _SIMPLE[text]
    if match := _EVERY_N.match(text):
        count = int(match.group(1))
        if count < 1:
            return None
        unit = _UNITS[match.group(2)]
        return f"FREQ={unit}" if count == 1 else f"FREQ={unit};INTERVAL={count}"
    if match := _WEEKLY_ON.match(text):
        return f"FREQ=WEEKLY;BYDAY={_DAYS[match.group(1)]}"
    if match := _FORTNIGHTLY_ON.match(text):
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={_DAYS[match.group(1)]}"
    if match := _MONTHLY_ON.match(text):
        return f"FREQ=MONTHLY;BYDAY={_ORDINALS[match.group(1)]}{_DAYS[match.group(2)]}"
    return None


# -- choices a person makes: how often, and on which day ---------------------

WEEKDAYS = tuple(_DAYS)
"""``monday`` … ``sunday``, in the week's order."""
ORDINALS = ("first", "second", "third", "fourth", "last")
"""Which weekday of a month: the first … fourth, or the last."""
_ORDINAL_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "other": 2}
_EVERY = re.compile(
    r"^(?:every )?(?:(\d{1,3}|one|two|three|four|six|other) )?(day|week|month|year)s?$"
)
_EVERY_WORDS = {
    "daily": "day",
    "weekly": "week",
    "fortnight": "2 weeks",
    "fortnightly": "2 weeks",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
}
_FREQS: dict[str, Literal[0, 1, 2, 3]] = {
    "day": DAILY,
    "week": WEEKLY,
    "month": MONTHLY,
    "year": YEARLY,
}
_UNIT_OF = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_SHORT_DAYS = {name[:3]: name for name in _DAYS}


@dataclass(frozen=True)
class FriendlyChoice:
    """A rule as the choices that make it: how often, on which weekday, which one in a month.

    ``every`` is ``week``, ``2 weeks``, ``month`` or ``year``; ``day`` a weekday
    (``sunday``) for weekly rules and a month's weekday; ``which`` is ``date``
    (a month's same date as the first day) or one of ``ORDINALS``.
    """

    every: str
    day: str = ""
    which: str = "date"

    @property
    def on(self) -> str | None:
        """The ``on`` that ``cadence_rule`` takes for these choices."""
        if self.every in ("week", "2 weeks"):
            return self.day
        if self.every == "month" and self.which != "date":
            return f"{self.which} {self.day}"
        return None


def cadence_rule(every: str, on: str | None = None) -> str:
    """The RRULE for "every ``every``, on ``on``": ``("2 weeks", "sunday")``, ``("month", "first saturday")``.

    ``every`` is a unit with an optional count (``week``, ``2 weeks``, ``month``,
    ``year``, ``3 months``; also ``weekly``, ``fortnightly``, ``monthly``,
    ``yearly``). ``on`` is a weekday for weeks, ``first saturday`` or a date
    (``15``) for months, and nothing for days and years, which repeat from the
    first day. Raises InputError saying what was not understood.
    """
    unit, interval = _every(every)
    by_weekday, by_date = _on(unit, on)
    rule = rrule(
        _FREQS[unit],
        interval=interval,
        dtstart=datetime(2000, 1, 1),
        byweekday=by_weekday,
        bymonthday=by_date,
    )
    lines = [line for line in str(rule).splitlines() if line.startswith("RRULE:")]
    return parse_rule(lines[0].removeprefix("RRULE:").replace("=+", "="))


def _every(text: str) -> tuple[str, int]:
    cleaned = " ".join(text.strip().lower().split())
    cleaned = _EVERY_WORDS.get(cleaned, cleaned)
    match = _EVERY.match(cleaned)
    if match is None:
        raise InputError(words.EVERY_UNKNOWN.format(every=text))
    count, unit = match.groups()
    interval = 1 if count is None else _NUMBER_WORDS.get(count) or int(count)
    if interval < 1:
        raise InputError(words.EVERY_UNKNOWN.format(every=text))
    return unit, interval


def _on(unit: str, text: str | None) -> tuple[weekday | None, int | None]:
    """The weekday or the date of the month ``on`` names, checked against the unit."""
    cleaned = " ".join((text or "").strip().lower().split()).removeprefix("the ")
    if not cleaned:
        return None, None
    if unit in ("day", "year"):
        raise InputError(words.ON_NOT_HERE.format(on=text, unit=unit))
    *ordinal, day = cleaned.split(" ")
    day = day.removesuffix("s") if day.endswith("days") else day
    name = day if day in _DAYS else _SHORT_DAYS.get(day)
    unknown = words.ON_UNKNOWN_WEEK if unit == "week" else words.ON_UNKNOWN_MONTH
    if unit == "month" and not ordinal and cleaned.isdigit():
        if not 1 <= int(cleaned) <= 31:
            raise InputError(unknown.format(on=text))
        return None, int(cleaned)
    if name is None or len(ordinal) > 1 or (unit == "week" and ordinal):
        raise InputError(unknown.format(on=text))
    code = weekday(WEEKDAYS.index(name))
    if unit == "week":
        return code, None
    number = _ORDINALS.get(ordinal[0]) if ordinal else None
    if number is None:
        raise InputError(words.ON_WHICH.format(on=text, day=name))
    return code(number), None


def friendly_choice(rule: str, start: date) -> FriendlyChoice | None:
    """The choices that make ``rule`` (as ``cadence_rule`` writes it), or None for a rule of its own.

    A weekly rule with no weekday repeats on the first day's weekday, so it reads
    back as that weekday.
    """
    parts = _parts(rule, rule)
    unit = _UNIT_OF.get(parts.pop("FREQ", ""))
    interval = int(parts.pop("INTERVAL", "1")) if parts.get("INTERVAL", "1").isdigit() else 0
    by_day = parts.pop("BYDAY", "")
    if parts or unit is None:
        return None
    start_day = WEEKDAYS[start.weekday()]
    if unit == "week" and interval in (1, 2):
        every = "week" if interval == 1 else "2 weeks"
        if not by_day:
            return FriendlyChoice(every, start_day)
        if by_day in _CODES:
            return FriendlyChoice(every, _CODES[by_day])
        return None
    if unit == "month" and interval == 1:
        if not by_day:
            return FriendlyChoice("month", start_day, "date")
        match = re.fullmatch(r"\+?(-1|[1-4])([A-Z]{2})", by_day)
        if match is None or match.group(2) not in _CODES:
            return None
        which = {v: k for k, v in _ORDINAL_NUMBER.items()}[int(match.group(1))]
        return FriendlyChoice("month", _CODES[match.group(2)], which)
    if unit == "year" and interval == 1 and not by_day:
        return FriendlyChoice("year", start_day)
    return None


_CODES = {code: name for name, code in _DAYS.items()}


def _parts(body: str, original: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in body.split(";"):
        if not piece.strip():
            continue
        key, sep, value = piece.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError(
                words.RULE_UNREADABLE.format(rule=original, reason=words.RULE_NOT_RRULE)
            )
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def zone_named(name: str) -> ZoneInfo:
    """The IANA time zone called ``name`` (``Europe/London``), or an InputError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(words.ZONE_UNKNOWN.format(zone=name)) from None


def parse_time(text: str) -> time:
    match = re.fullmatch(r"(\d{1,2})[:.h](\d{2})", text.strip())
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InputError(words.TIME_UNREADABLE.format(value=text))
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class Cadence:
    """When a ritual happens: ``rule`` from ``start``, optionally at a time in a zone."""

    rule: str
    start: date
    end: date | None = None
    at: time | None = None
    zone: str | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InputError(
                words.END_BEFORE_START.format(start=day_words(self.start), end=day_words(self.end))
            )
        if self.zone is not None:
            zone_named(self.zone)

    def first_start(self) -> datetime:
        """The DTSTART of the rule: the start day, at the time of day if there is one."""
        moment = datetime.combine(self.start, self.at or time(0, 0))
        if self.at is not None and self.zone is not None:
            moment = moment.replace(tzinfo=zone_named(self.zone))
        return moment

    def _rule(self) -> rrule:
        start = self.first_start()
        try:
            found = rrulestr(f"RRULE:{self.rule}", dtstart=start)
        except (ValueError, TypeError) as error:
            raise InputError(
                words.RULE_UNREADABLE.format(rule=self.rule, reason=_reason(error))
            ) from None
        assert isinstance(found, rrule)
        return found

    def times(self, first: date, last: date) -> list[datetime]:
        """Each occurrence from ``first`` to ``last`` (inclusive) as a datetime.

        Aware in the cadence's zone when it has a time and a zone; otherwise naive.
        """
        low = max(first, self.start)
        high = last if self.end is None else min(last, self.end)
        if high < low:
            return []
        start = self.first_start()
        after = datetime.combine(low, time(0, 0), tzinfo=start.tzinfo)
        before = datetime.combine(high, time(23, 59, 59), tzinfo=start.tzinfo)
        return list(self._rule().between(after, before, inc=True))

    def dates(self, first: date, last: date) -> list[date]:
        """The days of the occurrences from ``first`` to ``last`` (inclusive)."""
        return [moment.date() for moment in self.times(first, last)]

    def next_after(self, day: date) -> date | None:
        """The first occurrence strictly after ``day``, or None when the rule has ended."""
        start = self.first_start()
        after = datetime.combine(day, time(23, 59, 59), tzinfo=start.tzinfo)
        found = self._rule().after(after)
        if found is None or (self.end is not None and found.date() > self.end):
            return None
        return found.date()

    def ics_rule(self) -> str:
        """The rule for a calendar, with the end day folded in as UNTIL."""
        if self.end is None or "UNTIL=" in self.rule or "COUNT=" in self.rule:
            return self.rule
        until = self.end
        if self.at is not None and self.zone is not None:
            stamp = datetime.combine(until, time(23, 59, 59), tzinfo=zone_named(self.zone))
            return f"{self.rule};UNTIL={stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        if self.at is not None:
            return f"{self.rule};UNTIL={until:%Y%m%d}T235959"
        return f"{self.rule};UNTIL={until:%Y%m%d}"
