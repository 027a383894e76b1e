"""Seasons: a stretch when one side needing more is expected (illness, grief, a move …)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reciprocity.model import Season
from reciprocity.model.season import end_season
from reciprocity.services.lookup import PersonRef, owner
from reciprocity.store import Database
from reciprocity.vocabulary import SeasonKind


def start(db: Database, whose: PersonRef, kind: SeasonKind, *, on: date, note: str = "") -> Season:
    """Start a season for someone, or for the user (``whose`` is ``"me"``)."""
    with db.transaction() as session:
        season = Season(person=owner(session, whose), kind=kind, start=on, note=note.strip())
        session.add(season)
        session.flush()
        return season


def end(db: Database, season_id: int, *, on: date) -> Season:
    with db.transaction() as session:
        season = end_season(session, season_id, on)
        _ = season.person
        return season


def everyone(db: Database) -> list[Season]:
    """Every season: ongoing first, then the most recent."""
    with db.transaction() as session:
        return all_seasons(session)


def all_seasons(session: Session) -> list[Season]:
    query = (
        select(Season)
        .options(selectinload(Season.person))
        .order_by(Season.start.desc(), Season.id)
    )
    return sorted(session.scalars(query), key=lambda s: s.end is not None)
