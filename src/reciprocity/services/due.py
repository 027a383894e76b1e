"""What could use attention: rituals, check-ins, boundary reviews, follow-ups, dates, rhythm, roles.

Loads what is stored and asks the pure ``reciprocity.practices`` functions
where each practice stands. The list is sentence-free: each ``DueItem`` says
what kind of thing it is, when, with whom, and the facts its sentence needs;
``coach.practices.due_text`` words it, the same for ``reciprocity due``, the
web app and the calendar. Nothing here is an alarm: each item is an
invitation, with whose go it is next said plainly.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from reciprocity.coach.practices import due_text
from reciprocity.model import (
    Boundary,
    CheckIn,
    Evidence,
    Moment,
    Occasion,
    Occurrence,
    Rhythm,
    Ritual,
    RoleRotation,
)
from reciprocity.model.base import by_id
from reciprocity.model.person import all_people
from reciprocity.model.ritual import all_rituals
from reciprocity.practices.calendar import CalendarRitual, PlannedCheckIn, build
from reciprocity.practices.schedule import standing
from reciprocity.store import Database
from reciprocity.vocabulary import BoundaryStatus, OccurrenceStatus

DEFAULT_DAYS = 7
FOLLOW_UP_AFTER_DAYS = 7
"""Adjustments come up as follow-ups once a week has passed since they were agreed."""
STATE_ORDER = {"waiting": 0, "today": 1, "now": 2, "soon": 3}


@dataclass(frozen=True)
class DueItem:
    kind: str
    """``ritual``, ``checkin``, ``boundary``, ``follow-up``, ``birthday``, ``date``, ``rhythm``, ``roles``."""
    day: date
    people: tuple[str, ...]
    state: str = "soon"
    """``today``, ``waiting`` (planned for a day that has passed), ``soon`` or ``now``."""
    details: dict[str, object] = field(default_factory=dict)
    """What the item's sentence (and a script) needs: a ritual's id, title and next host …"""


@dataclass(frozen=True)
class Due:
    """Everything that could use attention from ``today`` up to ``until``, by day."""

    today: date
    until: date
    items: list[DueItem]


def upcoming(db: Database, *, today: date, days: int = DEFAULT_DAYS) -> Due:
    """``reciprocity due`` and ``GET /api/due``: what could use attention in the next ``days``."""
    with db.transaction() as session:
        return Due(today, today + timedelta(days=days), due(session, today, days))


def calendar_file(db: Database, *, stamp: datetime) -> tuple[bytes, int, int]:
    """Rituals and planned check-ins as an iCalendar file, and how many of each it holds."""
    with db.transaction() as session:
        rituals = [calendar_ritual(r) for r in all_rituals(session)]
        planned = planned_checkins(session)
    return build(rituals, planned, stamp), len(rituals), len(planned)


def calendar_ritual(ritual: Ritual) -> CalendarRitual:
    """A stored ritual as the calendar reads it."""
    return CalendarRitual(
        uid=ritual.uid,
        title=ritual.title,
        names=tuple(p.name for p in ritual.people),
        cadence=ritual.cadence,
        host=ritual.next_host,
        note=ritual.note,
        skipped=tuple(o.due for o in ritual.occurrences if o.status is OccurrenceStatus.SKIPPED),
        moved=tuple(
            (o.due, o.on)
            for o in ritual.occurrences
            if o.status is OccurrenceStatus.MOVED and o.on is not None
        ),
    )


def due(session: Session, today: date, days: int = DEFAULT_DAYS) -> list[DueItem]:
    """Everything that could use attention from today up to ``days`` ahead, by day."""
    until = today + timedelta(days=days)
    items: list[DueItem] = []
    for ritual in all_rituals(session):
        items += ritual_items(ritual, today, until)
    for checkin in latest_checkins(session).values():
        items += checkin_items(checkin, today, until)
    for boundary in session.scalars(
        select(Boundary)
        .options(selectinload(Boundary.person))
        .order_by(Boundary.review_on, Boundary.id)
    ):
        if (
            boundary.review_on is not None
            and boundary.review_on <= until
            and boundary.status in (BoundaryStatus.ACTIVE, BoundaryStatus.RENEGOTIATED)
        ):
            people = () if boundary.person is None else (boundary.person.name,)
            state = "waiting" if boundary.review_on < today else "soon"
            details = {
                "boundary": boundary.id,
                "whose": boundary.whose,
                "request": boundary.request,
            }
            items.append(DueItem("boundary", boundary.review_on, people, state, details))
    for person in all_people(session):
        if person.birthday is not None:
            day = anniversary(person.birthday, today)
            if day <= until:
                items.append(DueItem("birthday", day, (person.name,), _state(day, today)))
    for occasion in session.scalars(select(Occasion).options(selectinload(Occasion.person))):
        day = occasion_day(occasion, today)
        if today <= day <= until:
            people = () if occasion.person is None else (occasion.person.name,)
            details = {"date": occasion.id, "title": occasion.title, "whose": occasion.whose}
            items.append(DueItem("date", day, people, _state(day, today), details))
    items += rhythm_items(session, today)
    items += role_items(session, today)
    return sorted(items, key=lambda i: (i.day, STATE_ORDER.get(i.state, 9), i.kind, due_text(i)))


def ritual_items(ritual: Ritual, today: date, until: date) -> list[DueItem]:
    if ritual.end is not None and ritual.end < today:
        return []  # it has ended: nothing waits and nothing comes up
    where = standing(ritual.cadence, ritual.records, today)
    details: dict[str, object] = {
        "ritual": ritual.id,
        "title": ritual.title,
        "hosts_next": ritual.next_host,
    }
    people = tuple(p.name for p in ritual.people)
    if where.waiting is not None:
        state = "today" if where.waiting == today else "waiting"
        return [DueItem("ritual", where.waiting, people, state, details)]
    if where.upcoming is not None and where.upcoming <= until:
        return [DueItem("ritual", where.upcoming, people, "soon", details)]
    return []


def checkin_items(checkin: CheckIn, today: date, until: date) -> list[DueItem]:
    """The check-in planned next with someone, or the follow-ups of what was agreed."""
    name = checkin.person.name
    planned = checkin.next_on
    if planned is not None and planned <= until:
        state = "waiting" if planned < today else _state(planned, today)
        return [DueItem("checkin", planned, (name,), state)]
    if (today - checkin.on).days < FOLLOW_UP_AFTER_DAYS:
        return []
    return [
        DueItem(
            "follow-up",
            today,
            (name,),
            "now",
            {"agreed_on": checkin.on.isoformat(), "adjustment": adjustment.text},
        )
        for adjustment in checkin.adjustments
        if adjustment.outcome is None
    ]


def latest_checkins(session: Session, person_id: int | None = None) -> dict[int, CheckIn]:
    """Each person's latest check-in (or one person's), by person id: the one query for it."""
    latest: dict[int, CheckIn] = {}
    query = (
        select(CheckIn)
        .options(selectinload(CheckIn.person), selectinload(CheckIn.adjustments))
        .order_by(CheckIn.on, CheckIn.id)
    )
    if person_id is not None:
        query = query.where(CheckIn.person_id == person_id)
    for checkin in session.scalars(query):
        latest[checkin.person_id] = checkin
    return latest


def planned_checkins(session: Session) -> list[PlannedCheckIn]:
    """The next check-in planned with each person, from their latest check-in."""
    return [
        PlannedCheckIn(c.person.name, c.next_on)
        for c in latest_checkins(session).values()
        if c.next_on is not None
    ]


def last_contact(session: Session, people: Collection[int] | None = None) -> dict[int, date]:
    """The last day of any contact with each person (or with ``people``): a moment,
    check-in, ritual done or chat.

    Every conversation in a chat leaves evidence on the day it started.
    """
    found: dict[int, date] = {}

    def keep(person_id: int | None, day: date | None) -> None:
        if person_id is not None and day is not None and day > found.get(person_id, date.min):
            found[person_id] = day

    for model in (Moment, Evidence, CheckIn):
        query = select(model.person_id, func.max(model.on)).group_by(model.person_id)
        if people is not None:
            query = query.where(model.person_id.in_(people))
        for person_id, day in session.execute(query):
            keep(person_id, day)
    done = (
        select(Occurrence.ritual_id, func.max(Occurrence.on))
        .where(Occurrence.status == OccurrenceStatus.DONE)
        .group_by(Occurrence.ritual_id)
    )
    for ritual_id, done_on in session.execute(done):
        ritual = by_id(session, Ritual, ritual_id)
        for person in ritual.people if ritual is not None else []:
            keep(person.id, done_on)
    return found


def anniversary(day: date, today: date) -> date:
    """The next time ``day``'s month and day come round, today included (29 Feb → 28 Feb)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


def occasion_day(occasion: Occasion, today: date) -> date:
    """When a date to remember next comes round (a yearly one), or its one day."""
    return anniversary(occasion.on, today) if occasion.yearly else occasion.on


def rhythm_items(session: Session, today: date) -> list[DueItem]:
    rhythms = list(session.scalars(select(Rhythm).options(selectinload(Rhythm.person))))
    if not rhythms:
        return []  # no one's last contact to look up (a scan of every chat's evidence)
    contact = last_contact(session, {r.person_id for r in rhythms})
    items = []
    for rhythm in rhythms:
        item = rhythm_item(rhythm, contact.get(rhythm.person_id), today)
        if item is not None:
            items.append(item)
    return items


def rhythm_item(rhythm: Rhythm, last: date | None, today: date) -> DueItem | None:
    """The gentle nudge for one rhythm once the ideal gap has passed; None before, or with no contact."""
    if last is None:
        return None
    gap = (today - last).days
    if gap < rhythm.ideal_days:
        return None
    details: dict[str, object] = {
        "last_contact": last.isoformat(),
        "gap_days": gap,
        "longest_days": rhythm.longest_days,
        "past_longest": gap >= rhythm.longest_days,
    }
    return DueItem("rhythm", today, (rhythm.person.name,), "now", details)


def role_items(session: Session, today: date) -> list[DueItem]:
    items = []
    query = select(RoleRotation).options(
        selectinload(RoleRotation.season), selectinload(RoleRotation.person)
    )
    for rotation in session.scalars(query):
        if rotation.season.contains(today):
            details = {"season": rotation.season.id, "holders": rotation.holders(today)}
            items.append(DueItem("roles", today, (rotation.person.name,), "now", details))
    return items


def _state(day: date, today: date) -> str:
    return "today" if day == today else "soon"
