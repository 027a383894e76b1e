"""Rituals and planned check-ins as an iCalendar file (RFC 5545), for the user's own calendar.

Each ritual is one recurring event carrying its RRULE; skipped occurrences are
excluded (EXDATE) and moved ones become overrides (RECURRENCE-ID) of the same
event. UIDs are stable (a ritual's own ``uid``; a person's next check-in is
keyed by their name), so importing a fresh export updates events rather than
adding copies. No server, cron or mail is needed: the calendar reminds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reciprocity import __version__
from reciprocity.coach import practices as words
from reciprocity.practices.recurrence import Cadence

if TYPE_CHECKING:
    from icalendar import Event

DOMAIN = "reciprocity.local"
PRODID = f"-//reciprocity//reciprocity {__version__}//EN"
EVENT_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class PlannedCheckIn:
    person: str
    day: date


@dataclass(frozen=True)
class CalendarRitual:
    """A ritual as the calendar reads it: plain values, whatever stores them."""

    uid: str
    title: str
    names: tuple[str, ...]
    cadence: Cadence
    host: str | None = None
    """Who hosts next: ``"me"``, a name, or None when no one takes turns."""
    note: str = ""
    skipped: tuple[date, ...] = ()
    moved: tuple[tuple[date, date], ...] = ()
    """(planned day, the day it moved to) for each occurrence moved."""


def ritual_uid(ritual: CalendarRitual) -> str:
    return f"ritual-{ritual.uid}@{DOMAIN}"


def checkin_uid(person: str) -> str:
    key = hashlib.sha1(" ".join(person.split()).casefold().encode(), usedforsecurity=False)
    return f"checkin-{key.hexdigest()[:20]}@{DOMAIN}"


def build(
    rituals: Sequence[CalendarRitual], checkins: Sequence[PlannedCheckIn], stamp: datetime
) -> bytes:
    """The calendar as bytes, ready to be written to a ``.ics`` file."""
    from icalendar import Calendar, Event  # only when a calendar is written

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "reciprocity")
    for ritual in rituals:
        for event in _ritual_events(ritual, stamp):
            calendar.add_component(event)
    for planned in checkins:
        event = Event()
        event.add("uid", checkin_uid(planned.person))
        event.add("dtstamp", stamp)
        event.add("dtstart", planned.day)
        event.add("summary", words.CALENDAR_CHECKIN_TITLE.format(name=planned.person))
        event.add("description", words.CALENDAR_CHECKIN_NOTE)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _start(ritual: CalendarRitual, day: date) -> date | datetime:
    cadence = ritual.cadence
    if cadence.at is None:
        return day
    moment = datetime.combine(day, cadence.at)
    return moment.replace(tzinfo=cadence.first_start().tzinfo)


def _ritual_events(ritual: CalendarRitual, stamp: datetime) -> list[Event]:
    from icalendar import Event, vRecur

    summary = f"{ritual.title} · {' and '.join(ritual.names)}"
    description = words.host_sentence(ritual.host)
    if ritual.note:
        description = f"{description}\n{ritual.note}".strip()
    timed = ritual.cadence.at is not None
    main = Event()
    main.add("uid", ritual_uid(ritual))
    main.add("dtstamp", stamp)
    main.add("dtstart", _start(ritual, ritual.cadence.start))
    if timed:
        main.add("duration", EVENT_LENGTH)
    main.add("rrule", vRecur.from_ical(ritual.cadence.ics_rule()))
    main.add("summary", summary)
    if description:
        main.add("description", description)
    if ritual.skipped:
        main.add("exdate", [_start(ritual, day) for day in ritual.skipped])
    events = [main]
    for planned, to in ritual.moved:
        moved = Event()
        moved.add("uid", ritual_uid(ritual))
        moved.add("dtstamp", stamp)
        moved.add("recurrence-id", _start(ritual, planned))
        moved.add("dtstart", _start(ritual, to))
        if timed:
            moved.add("duration", EVENT_LENGTH)
        moved.add("summary", summary)
        events.append(moved)
    return events
