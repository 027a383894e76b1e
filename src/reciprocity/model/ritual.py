"""A ritual: a recurring shared practice with a cadence, and who hosts next.

A weekly call, a monthly coffee, dinner with alternating hosts. The cadence is
an RFC 5545 recurrence rule; the members, in order, are the rotation of who
hosts or starts it (``None`` as a member's person means the user). Each planned
occurrence can be marked done, skipped or moved; unmarked ones simply stay open.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
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
from reciprocity.coach.terms import day_words
from reciprocity.errors import ConflictError, InputError, NotFoundError, hinted
from reciprocity.model.base import NAME_LENGTH, Base, by_id, enum_column
from reciprocity.practices.recurrence import Cadence, parse_rule, zone_named
from reciprocity.practices.schedule import Record, rotate, target
from reciprocity.vocabulary import ME, OccurrenceStatus

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
            raise InputError(
                words.END_BEFORE_START.format(start=day_words(self.start), end=day_words(value))
            )
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
    ritual = by_id(session, Ritual, ritual_id)
    if ritual is None:
        raise hinted(
            NotFoundError(words.RITUAL_UNKNOWN.format(id=ritual_id)), words.RITUAL_UNKNOWN_CLI
        )
    return ritual


# -- changing a ritual: one copy, for the command line and the web app -------


def add_ritual(
    person: Person,
    *,
    title: str,
    rule: str,
    start: date,
    end: date | None = None,
    at: time | None = None,
    zone: str | None = None,
    others: Sequence[Person] = (),
    first: str | None = None,
    rotates: bool = True,
    note: str = "",
) -> Ritual:
    """A new ritual with ``person`` (and ``others``); the rotation starts with the user.

    ``first`` is who hosts first: ``"me"`` or a name in the rotation (default: the user).
    Not yet added to a session.
    """
    if zone is not None and at is None:
        raise InputError(words.ZONE_NEEDS_TIME)
    ritual = Ritual(
        person=person,
        title=title,
        rule=rule,
        start=start,
        end=end,
        at=at,
        zone=zone,
        rotates=rotates,
        note=note.strip(),
    )
    members: list[Person | None] = [None, person, *[o for o in others if o is not person]]
    for position, member in enumerate(dict.fromkeys(members)):
        ritual.members.append(RitualMember(person=member, position=position))
    if first is not None:
        ritual.next_position = ritual.rotation.index(in_rotation(ritual, first))
    return ritual


def in_rotation(ritual: Ritual, name: str) -> str:
    """``name`` as the rotation spells it (``"me"`` or a person's name); refused if not in it."""
    wanted = " ".join(name.split()).casefold()
    for who in ritual.rotation:
        if who.casefold() == wanted:
            return who
    raise InputError(
        words.ROTATION_HOST_UNKNOWN.format(name=name, names=", ".join(ritual.rotation))
    )


def first_day(ritual: Ritual, day: date) -> date | None:
    """The first occurrence on or after ``day``."""
    found = ritual.cadence.dates(day, day)
    return found[0] if found else ritual.cadence.next_after(day)


def planned_for(ritual: Ritual, day: date, wanted: date | None = None) -> date:
    """Which planned occurrence a mark made on ``day`` is about (``schedule.target``), or a clear refusal."""
    due = target(ritual.cadence, ritual.records, day, wanted)
    if due is None:
        if wanted is not None:
            raise ConflictError(
                words.RITUAL_NOT_PLANNED.format(title=ritual.title, day=day_words(wanted))
            )
        raise ConflictError(words.RITUAL_NOTHING_OPEN.format(title=ritual.title))
    return due


def mark_done(
    ritual: Ritual,
    *,
    on: date,
    planned: date | None = None,
    host: str | None = None,
    note: str = "",
) -> date:
    """Mark an occurrence done on ``on``; hosting moves on from whoever hosted. Returns its planned day."""
    due = planned_for(ritual, on, planned)
    hosted = ritual.next_host if host is None else in_rotation(ritual, host)
    _mark(ritual, due, OccurrenceStatus.DONE, on, hosted, note)
    if ritual.rotates and hosted is not None and ritual.rotation:
        ritual.next_position = rotate(len(ritual.rotation), ritual.rotation.index(hosted))
    return due


def mark_skipped(
    ritual: Ritual, *, today: date, planned: date | None = None, note: str = ""
) -> date:
    """Skip one occurrence by choice; whoever was to host still hosts next. Returns its planned day."""
    due = planned_for(ritual, today, planned)
    _mark(ritual, due, OccurrenceStatus.SKIPPED, None, None, note)
    return due


def mark_moved(ritual: Ritual, *, today: date, to: date, planned: date | None = None) -> date:
    """Move one occurrence to ``to``. Returns its planned day."""
    due = planned_for(ritual, today, planned)
    _mark(ritual, due, OccurrenceStatus.MOVED, to, None, "")
    return due


def end_ritual(ritual: Ritual, *, on: date) -> date:
    """Let a ritual end: ``on`` is its last day (a day before it began is refused).

    Its history is kept; nothing is planned after ``on``. Ending it again moves the last day.
    """
    ritual.end = on
    return on


def _mark(
    ritual: Ritual,
    due: date,
    status: OccurrenceStatus,
    on: date | None,
    host: str | None,
    note: str,
) -> None:
    existing = next((o for o in ritual.occurrences if o.due == due), None)
    if existing is None:
        ritual.occurrences.append(
            Occurrence(due=due, status=status, on=on, host=host, note=note.strip())
        )
    else:
        existing.status, existing.on, existing.host = status, on, host
        existing.note = note.strip() or existing.note
