"""A check-in: a short structured conversation with someone close, and what it agreed.

For each side: where they felt supported, what was meaningful, and where they
felt drained, about actions and their impact rather than intentions. The
adjustments both agreed come back at the next check-in, which asks whether
they happened. A check-in may plan the next one (``next_on``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.coach.terms import day_words
from reciprocity.errors import InputError
from reciprocity.model.base import Base, enum_column
from reciprocity.model.moment import TEXT_LIMIT
from reciprocity.vocabulary import CHECKIN_QUESTIONS, CHECKIN_SIDES, AdjustmentOutcome

if TYPE_CHECKING:
    from reciprocity.model.person import Person

SIDES = CHECKIN_SIDES
QUESTIONS = CHECKIN_QUESTIONS


def _clean(value: str | None) -> str:
    text = (value or "").strip()
    if len(text) > TEXT_LIMIT:
        raise InputError(words.TEXT_TOO_LONG.format(length=len(text), limit=TEXT_LIMIT))
    return text


class CheckIn(Base):
    __tablename__ = "checkin"
    __table_args__ = (
        CheckConstraint("next_day IS NULL OR next_day >= day", name="next_after_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column("day", index=True)
    me_supported: Mapped[str] = mapped_column(Text, default="")
    me_meaningful: Mapped[str] = mapped_column(Text, default="")
    me_drained: Mapped[str] = mapped_column(Text, default="")
    them_supported: Mapped[str] = mapped_column(Text, default="")
    them_meaningful: Mapped[str] = mapped_column(Text, default="")
    them_drained: Mapped[str] = mapped_column(Text, default="")
    next_on: Mapped[date | None] = mapped_column("next_day", default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    person: Mapped[Person] = relationship()
    adjustments: Mapped[list[Adjustment]] = relationship(
        back_populates="checkin",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Adjustment.id",
    )

    @validates(
        "me_supported",
        "me_meaningful",
        "me_drained",
        "them_supported",
        "them_meaningful",
        "them_drained",
        "note",
    )
    def _check_text(self, _key: str, value: str | None) -> str:
        return _clean(value)

    @validates("next_on")
    def _check_next(self, _key: str, value: date | None) -> date | None:
        if value is not None and self.on is not None and value < self.on:
            raise InputError(
                words.NEXT_BEFORE_CHECKIN.format(on=day_words(self.on), next=day_words(value))
            )
        return value

    def answer(self, side: str, question: str) -> str:
        return str(getattr(self, f"{side}_{question}"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.name,
            "on": self.on.isoformat(),
            "sides": {side: {q: self.answer(side, q) for q in QUESTIONS} for side in SIDES},
            "adjustments": [a.as_dict() for a in self.adjustments],
            "next_on": self.next_on.isoformat() if self.next_on else None,
            "note": self.note,
        }


class Adjustment(Base):
    """A change both agreed at a check-in; whether it happened is asked at the next one."""

    __tablename__ = "adjustment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkin.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[AdjustmentOutcome | None] = mapped_column(
        enum_column(AdjustmentOutcome, "adjustment_outcome"), default=None
    )
    outcome_note: Mapped[str] = mapped_column(Text, default="")

    checkin: Mapped[CheckIn] = relationship(back_populates="adjustments")

    @validates("text")
    def _check_text(self, _key: str, value: str) -> str:
        text = _clean(value)
        if not text:
            raise InputError(words.ADJUSTMENT_EMPTY)
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "outcome": self.outcome.value if self.outcome else None,
            "outcome_note": self.outcome_note,
        }


def checkins_with(session: Session, person: Person) -> list[CheckIn]:
    """This person's check-ins, oldest first."""
    query = select(CheckIn).where(CheckIn.person_id == person.id).order_by(CheckIn.on, CheckIn.id)
    return list(session.scalars(query))


def all_checkins(session: Session) -> list[CheckIn]:
    return list(session.scalars(select(CheckIn).order_by(CheckIn.on, CheckIn.id)))
