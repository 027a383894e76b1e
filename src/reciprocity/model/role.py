"""Roles under stress: during a season, who plans and who listens, and switching.

A rotation of roles (planner, listener, …) between the user and one person,
tied to a season. Every ``every_days`` days (or when asked) the roles move on
by one, so no one is always the planner. Setting, switching and stopping go
through ``set_roles``, ``switch_roles`` and ``stop_roles``: one copy of the
rules, for the command line, the pages and the JSON API.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import people as people_words
from reciprocity.coach import practices as words
from reciprocity.coach.terms import day_words
from reciprocity.errors import ConflictError, InputError, NotFoundError, RangeError, hinted
from reciprocity.model.base import Base, by_id
from reciprocity.model.season import Season
from reciprocity.vocabulary import ME, ROLES_EVERY_MAX

if TYPE_CHECKING:
    from reciprocity.model.person import Person

ROLE_LENGTH = 40
EVERY_MAX = ROLES_EVERY_MAX


class RoleRotation(Base):
    __tablename__ = "role_rotation"
    __table_args__ = (
        CheckConstraint("every_days IS NULL OR every_days >= 1", name="every_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    """The other side: the user and this person share the roles."""
    roles: Mapped[list[str]] = mapped_column(JSON)
    """The roles in order; at the start the user holds the first, the person the second."""
    start: Mapped[date] = mapped_column("starts")
    every_days: Mapped[int | None] = mapped_column(default=None)
    shift: Mapped[int] = mapped_column(Integer, default=0)
    """Switches asked for by hand, on top of the ones by ``every_days``."""

    season: Mapped[Season] = relationship()
    person: Mapped[Person] = relationship()

    @validates("roles")
    def _check_roles(self, _key: str, value: list[str]) -> list[str]:
        roles = [" ".join(r.split()).lower() for r in value if r.strip()]
        if len(roles) != 2 or roles[0] == roles[1]:
            raise InputError(words.ROLES_TWO)
        if any(len(r) > ROLE_LENGTH for r in roles):
            raise InputError(words.ROLE_TOO_LONG.format(limit=ROLE_LENGTH))
        return roles

    @validates("every_days")
    def _check_every(self, _key: str, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= EVERY_MAX:
            raise RangeError(words.ROLES_EVERY_RANGE.format(value=value, limit=EVERY_MAX))
        return value

    def holders(self, day: date) -> dict[str, str]:
        """Who holds each role on ``day``: role → ``"me"`` or the person's name."""
        steps = self.shift
        if self.every_days and day >= self.start:
            steps += (day - self.start).days // self.every_days
        people = [ME, self.person.name]
        if steps % 2:
            people.reverse()
        return dict(zip(self.roles, people, strict=True))

    def next_switch(self, day: date) -> date | None:
        """The first day after ``day`` on which the roles switch by themselves; None: by hand."""
        if not self.every_days:
            return None
        done = max((day - self.start).days, 0) // self.every_days + 1
        return self.start + timedelta(days=done * self.every_days)

    def as_dict(self) -> dict[str, Any]:
        return {
            "season": self.season.id,
            "person": self.person.name,
            "roles": list(self.roles),
            "start": self.start.isoformat(),
            "every_days": self.every_days,
            "shift": self.shift,
        }


def all_rotations(session: Session) -> list[RoleRotation]:
    return list(session.scalars(select(RoleRotation).order_by(RoleRotation.id)))


def find_rotation(session: Session, rotation_id: int) -> RoleRotation:
    found = by_id(session, RoleRotation, rotation_id)
    if found is None:
        raise hinted(
            NotFoundError(words.ROLES_UNKNOWN.format(id=rotation_id)), words.ROLES_UNKNOWN_CLI
        )
    return found


def set_roles(
    session: Session,
    season_id: int,
    roles: Sequence[str],
    *,
    today: date,
    every_days: int | None = None,
    someone: Person | None = None,
) -> RoleRotation:
    """Share two roles during a season: the user holds the first, ``someone`` the second.

    ``someone`` defaults to the season's person; the user's own season needs one.
    Set again for the same season and person, the roles start afresh from today.
    A season that is over is refused: roles are for the hard stretch itself.
    """
    season = by_id(session, Season, season_id)
    if season is None:
        raise hinted(
            NotFoundError(people_words.SEASON_UNKNOWN.format(id=season_id)),
            people_words.SEASON_UNKNOWN_CLI,
        )
    if season.end is not None and season.end < today:
        raise ConflictError(words.ROLES_SEASON_OVER.format(id=season.id, end=day_words(season.end)))
    other = someone if someone is not None else season.person
    if other is None:
        raise hinted(
            InputError(words.ROLES_NEED_PERSON.format(id=season.id)), words.ROLES_NEED_PERSON_CLI
        )
    start = max(season.start, today)
    rotation = session.scalars(
        select(RoleRotation).where(
            RoleRotation.season_id == season.id, RoleRotation.person_id == other.id
        )
    ).first()
    if rotation is None:
        rotation = RoleRotation(
            season=season, person=other, roles=list(roles), start=start, every_days=every_days
        )
        session.add(rotation)
    else:
        rotation.roles = list(roles)
        rotation.every_days = every_days
        rotation.start, rotation.shift = start, 0
    session.flush()
    return rotation


def switch_roles(rotation: RoleRotation) -> RoleRotation:
    """Switch now, by hand; automatic switches go on from here."""
    rotation.shift += 1
    return rotation


def stop_roles(session: Session, rotation: RoleRotation) -> None:
    """Stop sharing these roles; the season itself goes on."""
    session.delete(rotation)
    session.flush()
