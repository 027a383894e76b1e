"""Cadences against occurrences listed by hand, friendly words, and bad rules."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta

import pytest

from reciprocity.errors import InputError
from reciprocity.practices.recurrence import Cadence, parse_rule
from reciprocity.practices.schedule import Record, kept, standing, target
from reciprocity.vocabulary import OccurrenceStatus


def test_weekly_on_sunday() -> None:
    cadence = Cadence(parse_rule("FREQ=WEEKLY;BYDAY=SU"), date(2026, 3, 1))
    assert cadence.dates(date(2026, 3, 1), date(2026, 3, 31)) == [
        date(2026, 3, 1),
        date(2026, 3, 8),
        date(2026, 3, 15),
        date(2026, 3, 22),
        date(2026, 3, 29),
    ]
    assert parse_rule("every sunday") == "FREQ=WEEKLY;BYDAY=SU"
    assert parse_rule("weekly on Sunday") == "FREQ=WEEKLY;BYDAY=SU"


def test_monthly_on_the_first_saturday() -> None:
    rule = parse_rule("monthly on the first saturday")
    assert rule == "FREQ=MONTHLY;BYDAY=1SA"
    cadence = Cadence(rule, date(2026, 1, 1))
    assert cadence.dates(date(2026, 1, 1), date(2026, 6, 30)) == [
        date(2026, 1, 3),
        date(2026, 2, 7),
        date(2026, 3, 7),
        date(2026, 4, 4),
        date(2026, 5, 2),
        date(2026, 6, 6),
    ]


@pytest.mark.parametrize("typed", ["fortnightly", "every other week", "FREQ=WEEKLY;INTERVAL=2"])
def test_every_other_week(typed: str) -> None:
    cadence = Cadence(parse_rule(typed), date(2026, 1, 7))  # a Wednesday
    assert cadence.dates(date(2026, 1, 1), date(2026, 3, 1)) == [
        date(2026, 1, 7),
        date(2026, 1, 21),
        date(2026, 2, 4),
        date(2026, 2, 18),
    ]


def test_a_time_of_day_stays_put_across_a_daylight_saving_change() -> None:
    # Britain moves its clocks forward on Sunday 29 March 2026.
    cadence = Cadence(
        "FREQ=WEEKLY;BYDAY=SU", date(2026, 3, 15), at=time(19, 0), zone="Europe/London"
    )
    times = cadence.times(date(2026, 3, 15), date(2026, 4, 5))
    assert [t.strftime("%Y-%m-%d %H:%M") for t in times] == [
        "2026-03-15 19:00",
        "2026-03-22 19:00",
        "2026-03-29 19:00",
        "2026-04-05 19:00",
    ]
    in_utc = [t.astimezone(UTC).strftime("%H:%M") for t in times]
    assert in_utc == ["19:00", "19:00", "18:00", "18:00"]


def test_the_end_day_closes_the_rule() -> None:
    cadence = Cadence("FREQ=WEEKLY", date(2026, 1, 1), end=date(2026, 1, 20))
    assert cadence.dates(date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 1, 1),
        date(2026, 1, 8),
        date(2026, 1, 15),
    ]
    assert cadence.next_after(date(2026, 1, 15)) is None
    with pytest.raises(InputError, match="comes before the start"):
        Cadence("FREQ=WEEKLY", date(2026, 1, 10), end=date(2026, 1, 1))


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("weekly", "FREQ=WEEKLY"),
        ("Monthly", "FREQ=MONTHLY"),
        ("every 3 weeks", "FREQ=WEEKLY;INTERVAL=3"),
        ("last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("freq=weekly;byday=mo,th", "FREQ=WEEKLY;BYDAY=MO,TH"),
    ],
)
def test_friendly_words_and_rules(typed: str, rule: str) -> None:
    assert parse_rule(typed) == rule


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "sometimes",
        "FREQ=HOURLY",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;DTSTART=20260101",
        "every 0 weeks",
    ],
)
def test_rules_that_cannot_be_used_are_refused(typed: str) -> None:
    with pytest.raises(InputError):
        parse_rule(typed)


def test_standing_shows_only_the_latest_open_occurrence_and_how_well_kept() -> None:
    cadence = Cadence("FREQ=WEEKLY;BYDAY=SU", date(2026, 3, 1))
    records = [
        Record(date(2026, 3, 1), OccurrenceStatus.DONE, date(2026, 3, 1)),
        Record(date(2026, 3, 8), OccurrenceStatus.SKIPPED),
        Record(date(2026, 3, 15), OccurrenceStatus.DONE, date(2026, 3, 16)),
    ]
    today = date(2026, 4, 1)  # the 22nd and 29th are open
    where = standing(cadence, records, today)
    assert where.waiting == date(2026, 3, 29)
    assert where.upcoming == date(2026, 4, 5)
    assert where.last_done == date(2026, 3, 16)
    assert (where.kept.done, where.kept.skipped, where.kept.missed) == (2, 1, 2)
    assert where.kept.share == pytest.approx(0.5)
    assert target(cadence, records, today) == date(2026, 3, 29)
    assert target(cadence, records, today, date(2026, 3, 22)) == date(2026, 3, 22)
    assert target(cadence, records, today, date(2026, 3, 8)) is None  # already marked
    assert target(cadence, records, today, date(2026, 3, 23)) is None  # not planned


def test_a_moved_occurrence_waits_at_its_new_day() -> None:
    cadence = Cadence("FREQ=WEEKLY;BYDAY=SU", date(2026, 3, 1))
    records = [
        Record(date(2026, 3, 1), OccurrenceStatus.DONE, date(2026, 3, 1)),
        Record(date(2026, 3, 8), OccurrenceStatus.MOVED, date(2026, 3, 10)),
    ]
    assert standing(cadence, records, date(2026, 3, 9)).waiting is None
    assert standing(cadence, records, date(2026, 3, 9)).upcoming == date(2026, 3, 10)
    assert standing(cadence, records, date(2026, 3, 10)).waiting == date(2026, 3, 10)
    assert target(cadence, records, date(2026, 3, 10)) == date(2026, 3, 8)
    assert kept(cadence, records, date(2026, 3, 12)).missed == 1


def test_nothing_planned_yet_is_not_a_miss() -> None:
    start = date(2026, 5, 1)
    cadence = Cadence("FREQ=MONTHLY", start)
    assert kept(cadence, [], start).planned == 0
    assert kept(cadence, [], start).share is None
    assert standing(cadence, [], start - timedelta(days=3)).upcoming == start


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("FREQ=WEEKLY", "every week"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every other week on Friday"),
        ("FREQ=MONTHLY;BYDAY=1SA", "every month on the first Saturday"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "every 3 weeks on Monday and Thursday"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ],
)
def test_cadences_in_words(rule: str, said: str) -> None:
    from reciprocity.coach.practices import cadence_words

    assert cadence_words(rule) == said
