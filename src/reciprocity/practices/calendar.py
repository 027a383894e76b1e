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

from icalendar import Calendar, Event, vRecur

from reciprocity import __version__
from reciprocity.coach import practices as words
from reciprocity.vocabulary import OccurrenceStatus

if TYPE_CHECKING:
    from reciprocity.model.ritual import Ritual

DOMAIN = "reciprocity.local"
PRODID = f"-//reciprocity//reciprocity {__version__}//EN"
EVENT_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class PlannedCheckIn:
    person: str
    day: date


def ritual_uid(ritual: Ritual) -> str:
    return f"ritual-{ritual.uid}@{DOMAIN}"


def checkin_uid(person: str) -> str:
    key = hashlib.sha1(" ".join(person.split()).casefold().encode(), usedforsecurity=False)
    return f"checkin-{key.hexdigest()[:20]}@{DOMAIN}"


def build(rituals: Sequence[Ritual], checkins: Sequence[PlannedCheckIn], stamp: datetime) -> bytes:
    """The calendar as bytes, ready to be written to a ``.ics`` file."""
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


def _start(ritual: Ritual, day: date) -> date | datetime:
    if ritual.at is None:
        return day
    cadence = ritual.cadence
    moment = datetime.combine(day, ritual.at)
    return moment.replace(tzinfo=cadence.first_start().tzinfo)


def _ritual_events(ritual: Ritual, stamp: datetime) -> list[Event]:
    names = " and ".join(p.name for p in ritual.people)
    summary = f"{ritual.title} · {names}"
    host = ritual.next_host
    description = "" if host is None else _host_words(host)
    if ritual.note:
        description = f"{description}\n{ritual.note}".strip()
    main = Event()
    main.add("uid", ritual_uid(ritual))
    main.add("dtstamp", stamp)
    main.add("dtstart", _start(ritual, ritual.start))
    if ritual.at is not None:
        main.add("duration", EVENT_LENGTH)
    main.add("rrule", vRecur.from_ical(ritual.cadence.ics_rule()))
    main.add("summary", summary)
    if description:
        main.add("description", description)
    excluded = [
        _start(ritual, o.due) for o in ritual.occurrences if o.status is OccurrenceStatus.SKIPPED
    ]
    if excluded:
        main.add("exdate", excluded)
    events = [main]
    for occurrence in ritual.occurrences:
        if occurrence.status is OccurrenceStatus.MOVED and occurrence.on is not None:
            moved = Event()
            moved.add("uid", ritual_uid(ritual))
            moved.add("dtstamp", stamp)
            moved.add("recurrence-id", _start(ritual, occurrence.due))
            moved.add("dtstart", _start(ritual, occurrence.on))
            if ritual.at is not None:
                moved.add("duration", EVENT_LENGTH)
            moved.add("summary", summary)
            events.append(moved)
    return events


def _host_words(host: str) -> str:
    from reciprocity.model.person import ME

    if host == ME:
        return words.YOU_HOST_NEXT[0].upper() + words.YOU_HOST_NEXT[1:] + "."
    return words.HOSTS_NEXT.format(name=host) + "."
