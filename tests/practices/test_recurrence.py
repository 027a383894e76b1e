"""Cadences against occurrences listed by hand, friendly words, and bad rules."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta

import pytest

from reciprocity.errors import InputError
from reciprocity.practices.recurrence import (
    ORDINALS,
    WEEKDAYS,
    Cadence,
    FriendlyChoice,
    cadence_rule,
    friendly_choice,
    parse_rule,
)
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
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every two weeks on Friday"),
        ("FREQ=MONTHLY;BYDAY=1SA", "every month on the first Saturday"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "every 3 weeks on Monday and Thursday"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
        ("FREQ=MONTHLY;BYMONTHDAY=22", "every month on the 22nd"),
        ("FREQ=YEARLY;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTHDAY=15"),
    ],
)
def test_cadences_in_words(rule: str, said: str) -> None:
    from reciprocity.coach.practices import cadence_words

    assert cadence_words(rule) == said


@pytest.mark.parametrize(
    ("rule", "start", "said"),
    [
        ("FREQ=WEEKLY", date(2026, 3, 1), "every week on Sunday"),
        ("FREQ=MONTHLY", date(2026, 3, 1), "every month on the 1st"),
        ("FREQ=MONTHLY", date(2026, 3, 13), "every month on the 13th"),
        ("FREQ=MONTHLY;INTERVAL=3", date(2026, 3, 23), "every 3 months on the 23rd"),
        ("FREQ=YEARLY", date(2026, 3, 7), "every year on 7 March"),
        ("FREQ=DAILY", date(2026, 3, 7), "every day"),
        ("FREQ=WEEKLY;BYDAY=TU", date(2026, 3, 1), "every week on Tuesday"),
    ],
)
def test_a_rule_from_its_first_day_says_when(rule: str, start: date, said: str) -> None:
    from reciprocity.coach.practices import cadence_words

    assert cadence_words(rule, start) == said


# -- the choices a person makes: --every and --on, the web form's fields -------------


@pytest.mark.parametrize(
    ("every", "on", "rule"),
    [
        ("week", "sunday", "FREQ=WEEKLY;BYDAY=SU"),
        ("week", None, "FREQ=WEEKLY"),
        ("2 weeks", "Sunday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"),
        ("two weeks", "sun", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"),
        ("fortnightly", "tuesdays", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every 3 weeks", "mon", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO"),
        ("month", None, "FREQ=MONTHLY"),
        ("month", "first saturday", "FREQ=MONTHLY;BYDAY=1SA"),
        ("month", "the last friday", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("month", "2nd wednesday", "FREQ=MONTHLY;BYDAY=2WE"),
        ("month", "15", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("2 months", None, "FREQ=MONTHLY;INTERVAL=2"),
        ("year", None, "FREQ=YEARLY"),
        ("yearly", "", "FREQ=YEARLY"),
        ("day", None, "FREQ=DAILY"),
    ],
)
def test_choices_make_a_rule(every: str, on: str | None, rule: str) -> None:
    assert cadence_rule(every, on) == rule
    assert parse_rule(rule) == rule  # what the model keeps, unchanged


@pytest.mark.parametrize(
    ("every", "on", "said"),
    [
        ("fortnightish", None, "'fortnightish' is not a way of saying how often"),
        ("0 weeks", None, "'0 weeks' is not a way of saying how often"),
        ("week", "first sunday", "'first sunday' is not a day of the week"),
        ("week", "funday", "'funday' is not a day of the week"),
        ("month", "saturday", "'saturday' comes more than once a month; say which one"),
        ("month", "fifth saturday", "say which one, for example 'first saturday'"),
        ("month", "32", "'32' is not a day of the month"),
        ("month", "someday", "'someday' is not a day of the month"),
        ("year", "sunday", "'sunday' does not go with every year"),
        ("day", "monday", "does not go with every day"),
    ],
)
def test_choices_that_make_no_rule_say_what_and_where(
    every: str, on: str | None, said: str
) -> None:
    with pytest.raises(InputError) as caught:
        cadence_rule(every, on)
    assert said in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


def _every_choice() -> list[FriendlyChoice]:
    found = [FriendlyChoice("month", day, "date") for day in ("saturday",)]
    for every in ("week", "2 weeks"):
        found += [FriendlyChoice(every, day) for day in WEEKDAYS]
    found += [FriendlyChoice("month", day, which) for day in WEEKDAYS for which in ORDINALS]
    return found


@pytest.mark.parametrize("choice", _every_choice(), ids=str)
def test_each_choice_reads_back_from_its_rule(choice: FriendlyChoice) -> None:
    start = date(2026, 3, 7)  # a Saturday
    assert friendly_choice(cadence_rule(choice.every, choice.on), start) == choice


def test_rules_of_their_own_read_back_as_none_and_repeating_rules_as_their_first_day() -> None:
    saturday = date(2026, 3, 7)
    assert friendly_choice("FREQ=YEARLY", saturday) == FriendlyChoice("year", "saturday")
    assert friendly_choice("FREQ=WEEKLY", saturday) == FriendlyChoice("week", "saturday")
    assert friendly_choice("FREQ=MONTHLY;BYDAY=+1SA", saturday) == FriendlyChoice(
        "month", "saturday", "first"
    )
    for own in (
        "FREQ=DAILY",
        "FREQ=WEEKLY;INTERVAL=3",
        "FREQ=WEEKLY;BYDAY=TU,TH",
        "FREQ=MONTHLY;BYMONTHDAY=15",
        "FREQ=MONTHLY;INTERVAL=2",
        "FREQ=MONTHLY;BYDAY=5SA",
        "FREQ=WEEKLY;COUNT=4",
    ):
        assert friendly_choice(own, saturday) is None, own


def test_every_two_weeks_on_sunday_falls_on_sundays_two_weeks_apart() -> None:
    cadence = Cadence(cadence_rule("2 weeks", "sunday"), date(2026, 3, 4))  # a Wednesday
    assert cadence.dates(date(2026, 3, 1), date(2026, 4, 15)) == [
        date(2026, 3, 8),
        date(2026, 3, 22),
        date(2026, 4, 5),
    ]
