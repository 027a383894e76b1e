"""Keep-in-touch rhythms and dates to remember.

A rhythm is how often the user would like to be in touch with someone; any
contact (a moment, a check-in, a ritual kept, a chat) resets it, and
``services.due`` nudges gently once the ideal gap has passed. Dates to
remember (besides birthdays) come round every year, or once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reciprocity.coach import practices as words
from reciprocity.errors import NotFoundError
from reciprocity.model import Occasion, Rhythm
from reciprocity.model.occasion import all_occasions, find_occasion
from reciprocity.model.rhythm import find_rhythm, rhythm_with, set_rhythm
from reciprocity.services.data import remove_found
from reciprocity.services.due import DueItem, last_contact, occasion_day, rhythm_item
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef, owner, person
from reciprocity.store import Database


@dataclass(frozen=True)
class RhythmStanding:
    """A rhythm, the last contact with its person, and the nudge ``due`` gives now (if any)."""

    rhythm: Rhythm
    last_contact: date | None
    days_since: int | None
    nudge: DueItem | None


@dataclass(frozen=True)
class DateStanding:
    """A date to remember and when it next comes round (None once a one-off date has passed)."""

    occasion: Occasion
    next: date | None
    days_until: int | None


def set_(db: Database, who: PersonRef, *, ideal: int, longest: int | None = None) -> Rhythm:
    """Set or change the rhythm with someone; the longest gap defaults to twice the ideal."""
    with db.transaction() as session:
        rhythm = set_rhythm(session, person(session, who), ideal=ideal, longest=longest)
        _ = rhythm.person
        return rhythm


def clear(db: Database, rhythm_id: int) -> Rhythm:
    """Clear a rhythm by its id; what was noted with the person stays."""
    with db.transaction() as session:
        rhythm = find_rhythm(session, rhythm_id)
        _ = rhythm.person
        session.delete(rhythm)
        return rhythm


def clear_with(db: Database, who: PersonRef) -> Rhythm:
    """Clear the rhythm with someone; a clear refusal when there is none."""
    with db.transaction() as session:
        someone = person(session, who)
        rhythm = rhythm_with(session, someone)
        if rhythm is None:
            raise NotFoundError(words.RHYTHM_NONE_WITH.format(name=someone.name))
        _ = rhythm.person
        session.delete(rhythm)
        return rhythm


def get(db: Database, rhythm_id: int) -> Rhythm:
    with db.transaction() as session:
        rhythm = find_rhythm(session, rhythm_id)
        _ = rhythm.person
        return rhythm


def standings(db: Database, *, today: date) -> list[RhythmStanding]:
    """Each rhythm with the last contact, the days since and any nudge, by id."""
    with db.transaction() as session:
        contact = last_contact(session)
        query = select(Rhythm).options(selectinload(Rhythm.person)).order_by(Rhythm.id)
        found = []
        for rhythm in session.scalars(query):
            last = contact.get(rhythm.person_id)
            found.append(
                RhythmStanding(
                    rhythm,
                    last,
                    None if last is None else (today - last).days,
                    rhythm_item(rhythm, last, today),
                )
            )
        return found


def add_date(
    db: Database, whose: PersonRef, title: str, on: date, *, yearly: bool = True
) -> Occasion:
    """A date to remember, someone's or the user's own (``whose`` is ``"me"``)."""
    with db.transaction() as session:
        occasion = Occasion(person=owner(session, whose), title=title, on=on, yearly=yearly)
        session.add(occasion)
        session.flush()
        return occasion


@dataclass(frozen=True)
class DateChanges:
    title: str | Keep = KEEP
    on: date | Keep = KEEP
    yearly: bool | Keep = KEEP


def edit_date(db: Database, occasion_id: int, changes: DateChanges) -> Occasion:
    with db.transaction() as session:
        occasion = find_occasion(session, occasion_id)
        if not isinstance(changes.title, Keep):
            occasion.title = changes.title
        if not isinstance(changes.on, Keep):
            occasion.on = changes.on
        if not isinstance(changes.yearly, Keep):
            occasion.yearly = changes.yearly
        session.flush()
        _ = occasion.person
        return occasion


def remove_date(db: Database, occasion_id: int) -> tuple[Occasion, Path | None]:
    """Remove a date to remember (a copy of everything is kept first); it stays readable."""

    def found(session: Session) -> Occasion:
        occasion = find_occasion(session, occasion_id)
        _ = occasion.person
        return occasion

    return remove_found(db, found)


def get_date(db: Database, occasion_id: int) -> Occasion:
    with db.transaction() as session:
        occasion = find_occasion(session, occasion_id)
        _ = occasion.person
        return occasion


def dates(db: Database, *, today: date) -> list[DateStanding]:
    """Dates to remember, the next to come round first, then one-off dates already past."""
    with db.transaction() as session:
        found = [date_standing(o, today) for o in all_occasions(session)]
        for standing in found:
            _ = standing.occasion.person
    upcoming = sorted((d for d in found if d.next is not None), key=lambda d: d.next or today)
    past = sorted((d for d in found if d.next is None), key=lambda d: d.occasion.on, reverse=True)
    return upcoming + past


def date_standing(occasion: Occasion, today: date) -> DateStanding:
    day = occasion_day(occasion, today)
    ahead = day >= today
    return DateStanding(occasion, day if ahead else None, (day - today).days if ahead else None)
