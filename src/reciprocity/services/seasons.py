"""Seasons: a stretch when one side needing more is expected (illness, grief, a move …)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reciprocity.coach import people as people_words
from reciprocity.coach.terms import day_words
from reciprocity.errors import ConflictError, InputError, NotFoundError, hinted
from reciprocity.model import Season
from reciprocity.model.base import by_id
from reciprocity.model.season import end_season
from reciprocity.services.data import remove_found
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef, owner
from reciprocity.store import Database
from reciprocity.vocabulary import SeasonKind


@dataclass(frozen=True)
class SeasonChanges:
    """What ``edit`` changes; ``KEEP`` leaves it (an ``end`` of None makes it ongoing again)."""

    kind: SeasonKind | Keep = KEEP
    start: date | Keep = KEEP
    end: date | Keep | None = KEEP
    note: str | Keep = KEEP


def start(db: Database, whose: PersonRef, kind: SeasonKind, *, on: date, note: str = "") -> Season:
    """Start a season for someone, or for the user (``whose`` is ``"me"``).

    The same ongoing season twice (same person, kind and first day) is refused.
    """
    with db.transaction() as session:
        who = owner(session, whose)
        twin = session.scalars(
            select(Season).where(
                Season.person_id.is_(None) if who is None else Season.person_id == who.id,
                Season.kind == kind,
                Season.start == on,
                Season.end.is_(None),
            )
        ).first()
        if twin is not None:
            raise ConflictError(
                people_words.SEASON_TWICE.format(id=twin.id, kind=kind.value, start=day_words(on))
            )
        season = Season(person=who, kind=kind, start=on, note=note.strip())
        session.add(season)
        session.flush()
        return season


def end(db: Database, season_id: int, *, on: date) -> Season:
    with db.transaction() as session:
        season = end_season(session, season_id, on)
        _ = season.person
        return season


def edit(db: Database, season_id: int, changes: SeasonChanges) -> Season:
    """Change a season: its kind, its days or its note."""
    with db.transaction() as session:
        season = _find(session, season_id)
        if not isinstance(changes.kind, Keep):
            season.kind = changes.kind
        if not isinstance(changes.start, Keep):
            end = season.end if isinstance(changes.end, Keep) else changes.end
            if end is not None and end < changes.start:
                raise InputError(
                    people_words.SEASON_END_BEFORE_START.format(
                        id=season.id, start=changes.start, end=end
                    )
                )
            season.end = None  # set again below, checked against the new start
            season.start = changes.start
            season.end = end
        elif not isinstance(changes.end, Keep):
            season.end = changes.end
        if not isinstance(changes.note, Keep):
            season.note = changes.note.strip()
        session.flush()
        _ = season.person
        return season


def remove(db: Database, season_id: int) -> tuple[Season, Path | None]:
    """Remove a season (roles shared during it go with it); a copy of everything is kept first."""
    return remove_found(db, lambda session: _loaded(_find(session, season_id)))


def get(db: Database, season_id: int) -> Season:
    with db.transaction() as session:
        return _loaded(_find(session, season_id))


def everyone(db: Database) -> list[Season]:
    """Every season: ongoing first, then the most recent."""
    with db.transaction() as session:
        return all_seasons(session)


def all_seasons(session: Session) -> list[Season]:
    query = (
        select(Season).options(selectinload(Season.person)).order_by(Season.start.desc(), Season.id)
    )
    return sorted(session.scalars(query), key=lambda s: s.end is not None)


def _find(session: Session, season_id: int) -> Season:
    found = by_id(session, Season, season_id)
    if found is None:
        raise hinted(
            NotFoundError(people_words.SEASON_UNKNOWN.format(id=season_id)),
            people_words.SEASON_UNKNOWN_CLI,
        )
    return found


def _loaded(season: Season) -> Season:
    _ = season.person
    return season
