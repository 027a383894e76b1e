"""Roles under stress: during a season, who plans and who listens, and switching.

A rotation of roles (planner, listener, …) between the user and one person,
tied to a season. Every ``every_days`` days (or when asked) the roles move on
by one, so no one is always the planner.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.errors import InputError, NotFoundError
from reciprocity.model.base import Base
from reciprocity.model.person import ME

if TYPE_CHECKING:
    from reciprocity.model.person import Person
    from reciprocity.model.season import Season

ROLE_LENGTH = 40


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

    def holders(self, day: date) -> dict[str, str]:
        """Who holds each role on ``day``: role → ``"me"`` or the person's name."""
        steps = self.shift
        if self.every_days and day >= self.start:
            steps += (day - self.start).days // self.every_days
        people = [ME, self.person.name]
        if steps % 2:
            people.reverse()
        return dict(zip(self.roles, people, strict=True))

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
    found = session.get(RoleRotation, rotation_id)
    if found is None:
        raise NotFoundError(words.ROLES_UNKNOWN.format(id=rotation_id))
    return found
