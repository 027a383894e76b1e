"""Roles under stress: during a season, one plans and one listens; then they switch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reciprocity.model import RoleRotation
from reciprocity.model.role import all_rotations, find_rotation, set_roles, stop_roles, switch_roles
from reciprocity.services.lookup import PersonRef, person
from reciprocity.store import Database


@dataclass(frozen=True)
class Stopped:
    """Roles no longer shared: which rotation, in which season, with whom."""

    rotation_id: int
    season_id: int
    person_id: int
    name: str


def share(
    db: Database,
    season_id: int,
    mine: str,
    theirs: str,
    *,
    today: date,
    every_days: int | None = None,
    with_whom: PersonRef | None = None,
) -> RoleRotation:
    """Share two roles during a season (set afresh if they were shared already)."""
    with db.transaction() as session:
        someone = None if with_whom is None else person(session, with_whom)
        rotation = set_roles(
            session, season_id, [mine, theirs], today=today, every_days=every_days, someone=someone
        )
        return loaded(rotation)


def switch(db: Database, rotation_id: int) -> RoleRotation:
    """Switch roles now, by hand; switches by the calendar go on from here."""
    with db.transaction() as session:
        rotation = switch_roles(find_rotation(session, rotation_id))
        session.flush()
        return loaded(rotation)


def stop(db: Database, rotation_id: int) -> Stopped:
    """Stop sharing these roles; the season itself goes on."""
    with db.transaction() as session:
        rotation = find_rotation(session, rotation_id)
        stopped = Stopped(rotation.id, rotation.season_id, rotation.person_id, rotation.person.name)
        stop_roles(session, rotation)
        return stopped


def everyone(db: Database) -> list[RoleRotation]:
    with db.transaction() as session:
        return [loaded(r) for r in all_rotations(session)]


def get(db: Database, rotation_id: int) -> RoleRotation:
    with db.transaction() as session:
        return loaded(find_rotation(session, rotation_id))


def loaded(rotation: RoleRotation) -> RoleRotation:
    _ = rotation.season.person, rotation.person
    return rotation
