"""A ritual: a recurring shared practice with a cadence, and who hosts next.

A weekly call, a monthly coffee, dinner with alternating hosts. The cadence is
an RFC 5545 recurrence rule; the members, in order, are the rotation of who
hosts or starts it (``None`` as a member's person means the user). Each planned
occurrence can be marked done, skipped or moved; unmarked ones simply stay open.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.errors import InputError, NotFoundError
from reciprocity.model.base import NAME_LENGTH, Base, enum_column
from reciprocity.model.person import ME
from reciprocity.practices.recurrence import Cadence, parse_rule, zone_named
from reciprocity.practices.schedule import Record
from reciprocity.vocabulary import OccurrenceStatus

if TYPE_CHECKING:
    from reciprocity.model.person import Person

TITLE_LENGTH = 200


def new_uid() -> str:
    return uuid.uuid4().hex


class Ritual(Base):
    __tablename__ = "ritual"
    __table_args__ = (CheckConstraint("ends IS NULL OR ends >= starts", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True, default=new_uid)
    """Stable across exports and restores, so a calendar updates the event instead of adding one."""
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(TITLE_LENGTH))
    rule: Mapped[str] = mapped_column(String(500))
    start: Mapped[date] = mapped_column("starts")
    end: Mapped[date | None] = mapped_column("ends", default=None)
    at: Mapped[time | None] = mapped_column(Time, default=None)
    zone: Mapped[str | None] = mapped_column(String(64), default=None)
    rotates: Mapped[bool] = mapped_column(Boolean, default=True)
    next_position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    person: Mapped[Person] = relationship()
    members: Mapped[list[RitualMember]] = relationship(
        back_populates="ritual",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="RitualMember.position",
    )
    occurrences: Mapped[list[Occurrence]] = relationship(
        back_populates="ritual",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Occurrence.due",
    )

    @validates("title")
    def _check_title(self, _key: str, value: str) -> str:
        title = " ".join(value.split())
        if not title:
            raise InputError(words.RITUAL_TITLE_EMPTY)
        if len(title) > TITLE_LENGTH:
            raise InputError(words.TITLE_TOO_LONG.format(length=len(title), limit=TITLE_LENGTH))
        return title

    @validates("rule")
    def _check_rule(self, _key: str, value: str) -> str:
        return parse_rule(value)

    @validates("zone")
    def _check_zone(self, _key: str, value: str | None) -> str | None:
        if value is not None:
            zone_named(value)
        return value

    @validates("end")
    def _check_end(self, _key: str, value: date | None) -> date | None:
        if value is not None and self.start is not None and value < self.start:
            raise InputError(words.END_BEFORE_START.format(start=self.start, end=value))
        return value

    @property
    def cadence(self) -> Cadence:
        return Cadence(self.rule, self.start, self.end, self.at, self.zone if self.at else None)

    @property
    def records(self) -> list[Record]:
        return [Record(o.due, o.status, o.on) for o in self.occurrences]

    @property
    def rotation(self) -> list[str]:
        """Who hosts, in order: ``"me"`` or a person's name."""
        return [m.who for m in self.members]

    @property
    def next_host(self) -> str | None:
        names = self.rotation
        if self.rotates is False or not names:  # None before the first flush: the default
            return None
        return names[(self.next_position or 0) % len(names)]

    @property
    def people(self) -> list[Person]:
        """Everyone the ritual is with: its person first, then the others in the rotation."""
        found = [self.person]
        found += [m.person for m in self.members if m.person is not None and m.person not in found]
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "person": self.person.name,
            "title": self.title,
            "rule": self.rule,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "at": self.at.strftime("%H:%M") if self.at else None,
            "zone": self.zone,
            "rotates": self.rotates,
            "rotation": self.rotation,
            "next_position": self.next_position,
            "note": self.note,
            "occurrences": [o.as_dict() for o in self.occurrences],
        }

    def __repr__(self) -> str:
        return f"Ritual({self.title!r}, {self.rule})"


class RitualMember(Base):
    """One place in a ritual's rotation; no person means the user."""

    __tablename__ = "ritual_member"
    __table_args__ = (UniqueConstraint("ritual_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ritual_id: Mapped[int] = mapped_column(ForeignKey("ritual.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    position: Mapped[int] = mapped_column(Integer)

    ritual: Mapped[Ritual] = relationship(back_populates="members")
    person: Mapped[Person | None] = relationship()

    @property
    def who(self) -> str:
        return ME if self.person is None else self.person.name


class Occurrence(Base):
    """What became of the occurrence planned for ``due``."""

    __tablename__ = "ritual_occurrence"
    __table_args__ = (UniqueConstraint("ritual_id", "due"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ritual_id: Mapped[int] = mapped_column(ForeignKey("ritual.id", ondelete="CASCADE"), index=True)
    due: Mapped[date]
    status: Mapped[OccurrenceStatus] = mapped_column(
        enum_column(OccurrenceStatus, "occurrence_status")
    )
    on: Mapped[date | None] = mapped_column("day", default=None)
    """When it happened (done), or the day it was moved to (moved)."""
    host: Mapped[str | None] = mapped_column(String(NAME_LENGTH), default=None)
    """Who hosted, as it was at the time: ``"me"`` or a name."""
    note: Mapped[str] = mapped_column(Text, default="")

    ritual: Mapped[Ritual] = relationship(back_populates="occurrences")

    def as_dict(self) -> dict[str, Any]:
        return {
            "due": self.due.isoformat(),
            "status": self.status.value,
            "on": self.on.isoformat() if self.on else None,
            "host": self.host,
            "note": self.note,
        }


def all_rituals(session: Session) -> list[Ritual]:
    return list(session.scalars(select(Ritual).order_by(Ritual.start, Ritual.id)))


def find_ritual(session: Session, ritual_id: int) -> Ritual:
    ritual = session.get(Ritual, ritual_id)
    if ritual is None:
        raise NotFoundError(words.RITUAL_UNKNOWN.format(id=ritual_id))
    return ritual
