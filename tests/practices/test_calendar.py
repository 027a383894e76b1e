"""The calendar file, read back by the icalendar parser, gives the same occurrences."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from dateutil.rrule import rrulestr
from icalendar import Calendar

from reciprocity.model import Occurrence, Person, Ritual, RitualMember
from reciprocity.practices.calendar import PlannedCheckIn, build, checkin_uid
from reciprocity.services.due import calendar_ritual
from reciprocity.vocabulary import OccurrenceStatus

STAMP = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _ritual(uid: str, rule: str, start: date, **fields: object) -> Ritual:
    jordan = Person(name="Jordan")
    ritual = Ritual(person=jordan, title="Sunday call", rule=rule, start=start, **fields)
    ritual.uid = uid
    ritual.members.extend(
        [RitualMember(person=None, position=0), RitualMember(person=jordan, position=1)]
    )
    ritual.next_position = 1
    return ritual


def _as_day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def occurrences_in(ics: bytes, uid: str, first: date, last: date) -> list[date]:
    """Expand one event's RRULE as a calendar would: minus EXDATEs, with overrides."""
    calendar = Calendar.from_ical(ics)
    events = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid]
    main = next(e for e in events if "RECURRENCE-ID" not in e)
    start = main.decoded("DTSTART")
    if not isinstance(start, datetime):
        start = datetime.combine(start, time())
    rule = rrulestr("RRULE:" + main["RRULE"].to_ical().decode(), dtstart=start)
    excluded: set[date] = set()
    raw = main.get("EXDATE")
    for group in raw if isinstance(raw, list) else ([raw] if raw else []):
        excluded |= {_as_day(d.dt) for d in group.dts}
    overrides = {
        _as_day(e.decoded("RECURRENCE-ID")): _as_day(e.decoded("DTSTART"))
        for e in events
        if "RECURRENCE-ID" in e
    }
    days = []
    for moment in rule:
        day = moment.date()
        if day > last:
            break
        if day < first or day in excluded:
            continue
        days.append(overrides.get(day, day))
    return sorted(days)


def test_an_all_day_ritual_reads_back_with_skips_and_moves() -> None:
    ritual = _ritual("abc", "FREQ=WEEKLY;BYDAY=SU", date(2026, 3, 1))
    ritual.occurrences.extend(
        [
            Occurrence(due=date(2026, 3, 1), status=OccurrenceStatus.DONE, on=date(2026, 3, 1)),
            Occurrence(due=date(2026, 3, 8), status=OccurrenceStatus.SKIPPED),
            Occurrence(due=date(2026, 3, 15), status=OccurrenceStatus.MOVED, on=date(2026, 3, 17)),
        ]
    )
    ics = build([calendar_ritual(ritual)], [PlannedCheckIn("Jordan", date(2026, 4, 2))], STAMP)
    read = occurrences_in(ics, "ritual-abc@reciprocity.local", date(2026, 3, 1), date(2026, 4, 30))
    expected = [d for d in ritual.cadence.dates(date(2026, 3, 1), date(2026, 4, 30))]
    expected = sorted({*expected} - {date(2026, 3, 8), date(2026, 3, 15)} | {date(2026, 3, 17)})
    assert read == expected
    calendar = Calendar.from_ical(ics)
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Check-in with Jordan" in summaries
    main = next(e for e in calendar.walk("VEVENT") if "RRULE" in e)
    assert "Jordan hosts next" in str(main["DESCRIPTION"])
    assert checkin_uid("Jordan") == checkin_uid(" jordan ")


def test_a_timed_ritual_keeps_its_zone_across_daylight_saving_and_its_end() -> None:
    ritual = _ritual(
        "def",
        "FREQ=WEEKLY;BYDAY=SU",
        date(2026, 3, 15),
        end=date(2026, 4, 12),
        at=time(19, 0),
        zone="Europe/London",
    )
    ics = build([calendar_ritual(ritual)], [], STAMP)
    calendar = Calendar.from_ical(ics)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    main = next(e for e in calendar.walk("VEVENT"))
    start = main.decoded("DTSTART")
    assert start.hour == 19 and str(start.tzinfo) == "Europe/London"
    read = occurrences_in(ics, "ritual-def@reciprocity.local", date(2026, 1, 1), date(2026, 12, 31))
    assert read == ritual.cadence.dates(date(2026, 1, 1), date(2026, 12, 31))
    assert read[-1] == date(2026, 4, 12)
    rule = rrulestr("RRULE:" + main["RRULE"].to_ical().decode(), dtstart=start)
    assert [t.astimezone(UTC).hour for t in list(rule)[:3]] == [19, 19, 18]
