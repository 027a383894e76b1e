"""What needs attention: rituals, check-ins, boundary reviews, follow-ups, dates, rhythm.

Loads what is stored and asks the pure ``reciprocity.practices`` functions
where each practice stands, so ``reciprocity due``, the calendar, and later
the web dashboard give the same answer. Nothing here is an alarm: each item is
a gentle invitation, with whose go it is next said plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reciprocity.coach import practices as words
from reciprocity.model import (
    ME,
    Boundary,
    CheckIn,
    Evidence,
    Moment,
    Occasion,
    Occurrence,
    Person,
    Rhythm,
    Ritual,
    RoleRotation,
)
from reciprocity.model.occasion import all_occasions
from reciprocity.model.person import all_people
from reciprocity.model.rhythm import all_rhythms
from reciprocity.model.ritual import all_rituals
from reciprocity.practices.calendar import PlannedCheckIn
from reciprocity.practices.schedule import standing
from reciprocity.vocabulary import BoundaryStatus, OccurrenceStatus

DEFAULT_DAYS = 7
FOLLOW_UP_AFTER_DAYS = 7
"""Adjustments come up as follow-ups once a week has passed since they were agreed."""


@dataclass(frozen=True)
class DueItem:
    kind: str
    """``ritual``, ``checkin``, ``boundary``, ``follow-up``, ``birthday``, ``date``, ``rhythm``, ``roles``."""
    day: date
    people: tuple[str, ...]
    text: str
    state: str = "soon"
    """``today``, ``waiting`` (planned for a day that has passed), ``soon`` or ``now``."""
    details: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "day": self.day.isoformat(),
            "state": self.state,
            "people": list(self.people),
            "text": self.text,
            **self.details,
        }


def host_words(host: str | None) -> str | None:
    if host is None:
        return None
    return words.YOU_HOST_NEXT if host == ME else words.HOSTS_NEXT.format(name=host)


def host_sentence(host: str | None) -> str:
    """ "Jordan hosts next." or "You host next.", or nothing when no one takes turns."""
    said = host_words(host)
    return f"{said[0].upper()}{said[1:]}." if said else ""


def cadence_words(rule: str) -> str:
    """``FREQ=MONTHLY;BYDAY=1SA`` as "every month on the first Saturday"; unusual rules as they are."""
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    if (
        not set(parts) <= {"FREQ", "INTERVAL", "BYDAY"}
        or parts.get("FREQ") not in words.CADENCE_UNITS
    ):
        return rule
    unit = words.CADENCE_UNITS[parts["FREQ"]]
    count = int(parts.get("INTERVAL", "1"))
    if count == 1:
        every = words.CADENCE_EVERY.format(unit=unit)
    elif count == 2:
        every = words.CADENCE_EVERY_OTHER.format(unit=unit)
    else:
        every = words.CADENCE_EVERY_N.format(count=count, unit=unit)
    if "BYDAY" not in parts:
        return every
    days = []
    for code in parts["BYDAY"].split(","):
        match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", code)
        if match is None or match.group(2) not in words.CADENCE_DAYS:
            return rule
        ordinal = match.group(1)
        if ordinal is not None and ordinal.lstrip("+") not in words.CADENCE_ORDINALS:
            return rule
        name = words.CADENCE_DAYS[match.group(2)]
        days.append(
            name if ordinal is None else f"{words.CADENCE_ORDINALS[ordinal.lstrip('+')]} {name}"
        )
    return words.CADENCE_ON.format(every=every, days=" and ".join(days))


def kept_words(kept: dict[str, object]) -> str:
    """ "kept 5 of 6 since 2026-05-03 (1 skipped by choice)", from ``Kept.as_dict``."""
    done, missed, skipped = (
        int(str(kept["done"])),
        int(str(kept["missed"])),
        int(str(kept["skipped"])),
    )
    if done + missed + skipped == 0:
        return words.KEPT_NONE
    text = words.KEPT_SHARE.format(done=done, counted=done + missed, since=kept["since"])
    if skipped:
        text += f" ({words.KEPT_SKIPPED.format(count=skipped)})"
    return text


def names_of(ritual: Ritual) -> str:
    return " and ".join(p.name for p in ritual.people)


def ritual_row(ritual: Ritual, today: date) -> dict[str, object]:
    """One ritual as ``ritual list --json`` and ``GET /api/rituals`` show it.

    Its stored shape, who it is with, the cadence in words, who hosts next (as a
    name and as a sentence), the occurrence waiting and the next one, and how
    well it has been kept (as numbers and in words).
    """
    where = standing(ritual.cadence, ritual.records, today)
    kept = where.kept.as_dict()
    return {
        "id": ritual.id,
        **ritual.as_dict(),
        "people": [p.name for p in ritual.people],
        "cadence": cadence_words(ritual.rule),
        "hosts_next": ritual.next_host,
        "host_sentence": host_sentence(ritual.next_host),
        **where.as_dict(),
        "kept_words": kept_words(kept),
    }


def ritual_items(ritual: Ritual, today: date, until: date) -> list[DueItem]:
    if ritual.end is not None and ritual.end < today:
        return []  # it has ended: nothing waits and nothing comes up
    where = standing(ritual.cadence, ritual.records, today)
    host = ritual.next_host
    details: dict[str, object] = {"ritual": ritual.id, "title": ritual.title, "hosts_next": host}
    names = names_of(ritual)
    people = tuple(p.name for p in ritual.people)
    items = []
    if where.waiting is not None:
        template = words.DUE_RITUAL_TODAY if where.waiting == today else words.DUE_RITUAL_WAITING
        state = "today" if where.waiting == today else "waiting"
        text = template.format(title=ritual.title, names=names, day=where.waiting.isoformat())
        items.append(
            DueItem("ritual", where.waiting, people, _with_host(text, host), state, details)
        )
    if where.upcoming is not None and where.upcoming <= until and where.waiting != today:
        text = words.DUE_RITUAL_SOON.format(
            title=ritual.title, names=names, day=where.upcoming.isoformat()
        )
        if not items:
            items.append(
                DueItem("ritual", where.upcoming, people, _with_host(text, host), "soon", details)
            )
    return items


def _with_host(text: str, host: str | None) -> str:
    said = host_words(host)
    return text if said is None else f"{text}; {said}"


def planned_checkins(session: Session) -> list[PlannedCheckIn]:
    """The next check-in planned with each person, from their latest check-in."""
    latest: dict[int, CheckIn] = {}
    for checkin in session.scalars(select(CheckIn).order_by(CheckIn.on, CheckIn.id)):
        latest[checkin.person_id] = checkin
    return [
        PlannedCheckIn(c.person.name, c.next_on) for c in latest.values() if c.next_on is not None
    ]


def last_contact(session: Session) -> dict[int, date]:
    """The last day of any contact with each person: a moment, check-in, ritual done or chat.

    Every conversation in a chat leaves evidence on the day it started.
    """
    found: dict[int, date] = {}

    def keep(person_id: int | None, day: date | None) -> None:
        if person_id is not None and day is not None and day > found.get(person_id, date.min):
            found[person_id] = day

    for model in (Moment, Evidence, CheckIn):
        query = select(model.person_id, func.max(model.on)).group_by(model.person_id)
        for person_id, day in session.execute(query):
            keep(person_id, day)
    done = (
        select(Occurrence.ritual_id, func.max(Occurrence.on))
        .where(Occurrence.status == OccurrenceStatus.DONE)
        .group_by(Occurrence.ritual_id)
    )
    for ritual_id, done_on in session.execute(done):
        ritual = session.get(Ritual, ritual_id)
        for person in ritual.people if ritual is not None else []:
            keep(person.id, done_on)
    return found


def _anniversary(day: date, today: date) -> date:
    """The next time ``day``'s month and day come round, today included (29 Feb → 28 Feb)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


def due(session: Session, today: date, days: int = DEFAULT_DAYS) -> list[DueItem]:
    """Everything that could use attention from today up to ``days`` ahead, by day."""
    until = today + timedelta(days=days)
    items: list[DueItem] = []
    for ritual in all_rituals(session):
        items += ritual_items(ritual, today, until)
    latest: dict[int, CheckIn] = {}
    for checkin in session.scalars(select(CheckIn).order_by(CheckIn.on, CheckIn.id)):
        latest[checkin.person_id] = checkin
    for checkin in latest.values():
        name = checkin.person.name
        planned = checkin.next_on
        if planned is not None and planned <= until:
            template = words.DUE_CHECKIN if planned < today else words.DUE_CHECKIN_SOON
            state = "waiting" if planned < today else ("today" if planned == today else "soon")
            items.append(
                DueItem("checkin", planned, (name,), template.format(name=name, day=planned), state)
            )
        elif (today - checkin.on).days >= FOLLOW_UP_AFTER_DAYS:
            for adjustment in checkin.adjustments:
                if adjustment.outcome is None:
                    text = words.DUE_FOLLOW_UP.format(
                        name=name, on=checkin.on.isoformat(), text=adjustment.text
                    )
                    items.append(DueItem("follow-up", today, (name,), text, "now"))
    for boundary in session.scalars(select(Boundary).order_by(Boundary.review_on, Boundary.id)):
        if (
            boundary.review_on is not None
            and boundary.review_on <= until
            and boundary.status in (BoundaryStatus.ACTIVE, BoundaryStatus.RENEGOTIATED)
        ):
            whose = words.YOUR_OWN if boundary.person is None else boundary.person.name
            text = words.DUE_BOUNDARY.format(whose=whose, request=boundary.request, id=boundary.id)
            state = "waiting" if boundary.review_on < today else "soon"
            people = () if boundary.person is None else (boundary.person.name,)
            items.append(
                DueItem(
                    "boundary", boundary.review_on, people, text, state, {"boundary": boundary.id}
                )
            )
    for person in all_people(session):
        if person.birthday is not None:
            day = _anniversary(person.birthday, today)
            if day <= until:
                text = words.DUE_BIRTHDAY.format(name=person.name, day=day.isoformat())
                items.append(DueItem("birthday", day, (person.name,), text, _state(day, today)))
    for occasion in session.scalars(select(Occasion)):
        day = occasion_day(occasion, today)
        if today <= day <= until:
            whose = words.YOUR_OWN if occasion.person is None else occasion.person.name
            text = words.DUE_OCCASION.format(title=occasion.title, whose=whose, day=day.isoformat())
            people = () if occasion.person is None else (occasion.person.name,)
            items.append(DueItem("date", day, people, text, _state(day, today)))
    items += rhythm_items(session, today)
    items += role_items(session, today)
    order = {"waiting": 0, "today": 1, "now": 2, "soon": 3}
    return sorted(items, key=lambda i: (i.day, order.get(i.state, 9), i.kind, i.text))


def due_document(session: Session, today: date, days: int = DEFAULT_DAYS) -> dict[str, object]:
    """``due`` as ``reciprocity due --json`` prints it and ``GET /api/due`` answers."""
    return {
        "today": today.isoformat(),
        "until": (today + timedelta(days=days)).isoformat(),
        "items": [item.as_dict() for item in due(session, today, days)],
    }


def _state(day: date, today: date) -> str:
    return "today" if day == today else "soon"


def rhythm_items(session: Session, today: date) -> list[DueItem]:
    contact = last_contact(session)
    items = []
    for rhythm in session.scalars(select(Rhythm)):
        item = rhythm_item(rhythm, contact.get(rhythm.person_id), today)
        if item is not None:
            items.append(item)
    return items


def rhythm_item(rhythm: Rhythm, last: date | None, today: date) -> DueItem | None:
    """The gentle nudge for one rhythm once the ideal gap has passed; None before, or with no contact."""
    if last is None:
        return None
    gap = (today - last).days
    name = rhythm.person.name
    if gap >= rhythm.longest_days:
        text = words.DUE_RHYTHM_LONG.format(days=gap, name=name, longest=rhythm.longest_days)
    elif gap >= rhythm.ideal_days:
        text = words.DUE_RHYTHM.format(days=gap, name=name)
    else:
        return None
    return DueItem(
        "rhythm", today, (name,), text, "now", {"last_contact": last.isoformat(), "gap_days": gap}
    )


def rhythm_rows(session: Session, today: date) -> list[dict[str, object]]:
    """Each rhythm as ``rhythm list --json`` and ``GET /api/rhythms`` show it.

    Its gaps, the last contact and the days since, and ``nudge``: the words
    ``due`` says about it now, or None when nothing needs saying.
    """
    contact = last_contact(session)
    rows = []
    for rhythm in all_rhythms(session):
        last = contact.get(rhythm.person_id)
        item = rhythm_item(rhythm, last, today)
        rows.append(
            {
                "id": rhythm.id,
                **rhythm.as_dict(),
                "last_contact": None if last is None else last.isoformat(),
                "days_since": None if last is None else (today - last).days,
                "nudge": None if item is None else item.text,
            }
        )
    return rows


def rhythm_sentence(rhythm: Rhythm) -> str:
    """ "With Jordan: ideally in touch every 14 days, …", said after a rhythm is set."""
    return words.RHYTHM_SET.format(
        name=rhythm.person.name, ideal=rhythm.ideal_days, longest=rhythm.longest_days
    )


def occasion_day(occasion: Occasion, today: date) -> date:
    """When a date to remember next comes round (a yearly one), or its one day."""
    return _anniversary(occasion.on, today) if occasion.yearly else occasion.on


def occasion_rows(session: Session, today: date) -> list[dict[str, object]]:
    """Dates to remember, the next to come round first, then one-off dates already past.

    As ``date list --json`` and ``GET /api/dates`` show them: ``next`` is the day
    it next comes round (None once a one-off date has passed), ``days_until``
    how far away that is.
    """
    rows = [occasion_row(occasion, today) for occasion in all_occasions(session)]
    upcoming = sorted((r for r in rows if r["next"] is not None), key=lambda r: str(r["next"]))
    past = sorted((r for r in rows if r["next"] is None), key=lambda r: str(r["on"]), reverse=True)
    return upcoming + past


def occasion_row(occasion: Occasion, today: date) -> dict[str, object]:
    """One date to remember, with when it next comes round (see ``occasion_rows``)."""
    day = occasion_day(occasion, today)
    ahead = day >= today
    return {
        "id": occasion.id,
        **occasion.as_dict(),
        "next": day.isoformat() if ahead else None,
        "days_until": (day - today).days if ahead else None,
    }


def occasion_sentence(occasion: Occasion) -> str:
    """ "Will remember Wedding anniversary (Rosa) on 2026-11-06, every year.", once added."""
    return words.OCCASION_ADDED.format(
        title=occasion.title,
        whose=words.YOUR_OWN if occasion.person is None else occasion.person.name,
        on=occasion.on.isoformat(),
        yearly=words.OCCASION_YEARLY if occasion.yearly else "",
    )


def role_items(session: Session, today: date) -> list[DueItem]:
    items = []
    for rotation in session.scalars(select(RoleRotation)):
        if not rotation.season.contains(today):
            continue
        holders = rotation.holders(today)
        text = words.DUE_ROLES.format(season=rotation.season.id, holders=holders_words(holders))
        items.append(
            DueItem("roles", today, (rotation.person.name,), text, "now", {"holders": holders})
        )
    return items


def holders_words(holders: dict[str, str]) -> str:
    parts = []
    for role, who in holders.items():
        if who == ME:
            parts.append(words.ROLES_HOLDER_YOU.format(role=role))
        else:
            parts.append(words.ROLES_HOLDER.format(who=who, role=role))
    return "; ".join(parts)


def switch_words(rotation: RoleRotation, today: date) -> str:
    """When roles next switch: "by hand", or "every 7 days; next switch on 2026-11-08"."""
    day = rotation.next_switch(today)
    if rotation.every_days is None or day is None:
        return words.ROLES_BY_HAND
    if rotation.every_days == 1:
        return words.ROLES_EVERY_DAY.format(day=day.isoformat())
    return words.ROLES_EVERY.format(days=rotation.every_days, day=day.isoformat())


def rotation_row(rotation: RoleRotation, today: date) -> dict[str, object]:
    """One role rotation as ``roles list --json`` and ``GET /api/roles`` show it.

    Its stored shape, who holds which role today (as a mapping and in words), and
    when the roles next switch by themselves (None: only by hand).
    """
    holders = rotation.holders(today)
    switch = rotation.next_switch(today)
    return {
        "id": rotation.id,
        **rotation.as_dict(),
        "today": holders,
        "holders_words": holders_words(holders),
        "next_switch": None if switch is None else switch.isoformat(),
        "switch_words": switch_words(rotation, today),
    }


def person_named(session: Session, name: str) -> Person | None:
    from reciprocity.model.person import find_person

    return None if name.strip().casefold() == ME else find_person(session, name)
