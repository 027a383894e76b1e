"""Keep-in-touch rhythm: how often you would like to be in touch with someone.

An ideal gap and a longest comfortable gap, in days. Any contact already made
resets it: a logged moment, a check-in, a ritual done, an imported
conversation. It is shown gently, as a nudge, never as an alarm.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.errors import InputError, NotFoundError, RangeError, hinted
from reciprocity.model.base import Base, by_id

if TYPE_CHECKING:
    from reciprocity.model.person import Person

LONGEST_GAP = 3660


class Rhythm(Base):
    __tablename__ = "rhythm"
    __table_args__ = (
        CheckConstraint("ideal_days >= 1", name="ideal_positive"),
        CheckConstraint("longest_days >= ideal_days", name="longest_after_ideal"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    ideal_days: Mapped[int]
    longest_days: Mapped[int]

    person: Mapped[Person] = relationship()

    @validates("ideal_days", "longest_days")
    def _check_days(self, key: str, value: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= LONGEST_GAP:
            raise RangeError(words.GAP_RANGE.format(value=value, limit=LONGEST_GAP))
        if key == "longest_days" and self.ideal_days is not None and value < self.ideal_days:
            raise InputError(
                words.GAP_LONGEST_SHORTER.format(
                    longest=words.days_words(value), ideal=words.days_words(self.ideal_days)
                )
            )
        return value

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.name,
            "ideal_days": self.ideal_days,
            "longest_days": self.longest_days,
        }


def all_rhythms(session: Session) -> list[Rhythm]:
    return list(session.scalars(select(Rhythm).order_by(Rhythm.id)))


def rhythm_with(session: Session, person: Person) -> Rhythm | None:
    return session.scalar(select(Rhythm).where(Rhythm.person_id == person.id))


def find_rhythm(session: Session, rhythm_id: int) -> Rhythm:
    found = by_id(session, Rhythm, rhythm_id)
    if found is None:
        raise hinted(
            NotFoundError(words.RHYTHM_UNKNOWN.format(id=rhythm_id)), words.RHYTHM_UNKNOWN_CLI
        )
    return found


def set_rhythm(session: Session, person: Person, *, ideal: int, longest: int | None) -> Rhythm:
    """Set or change the rhythm with ``person``; the longest gap defaults to twice the ideal.

    The ideal gap is set first, so the validator can hold the longest one against it.
    """
    rhythm = rhythm_with(session, person)
    if rhythm is None:
        rhythm = Rhythm(person=person)
        session.add(rhythm)
    rhythm.ideal_days = ideal
    rhythm.longest_days = longest if longest is not None else min(ideal * 2, LONGEST_GAP)
    session.flush()
    return rhythm
