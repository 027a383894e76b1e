"""A moment: something that happened between you and someone close.

Who reached out or gave, which dimensions of the audit it speaks to, the style
of care, and whether it left you drained (-2) or nourished (+2). Moments are
the raw material of patterns; a single one is never a verdict.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from reciprocity.coach import people as people_words
from reciprocity.errors import InputError, RangeError
from reciprocity.model.base import Base, EnumList, enum_column
from reciprocity.vocabulary import ENERGY_MAX, ENERGY_MIN, CareStyle, Dimension, Giver

if TYPE_CHECKING:
    from reciprocity.model.person import Person

TEXT_LIMIT = 10_000


class Moment(Base):
    __tablename__ = "moment"
    __table_args__ = (
        CheckConstraint(f"energy BETWEEN {ENERGY_MIN} AND {ENERGY_MAX}", name="energy_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column("day", index=True)
    by: Mapped[Giver] = mapped_column("giver", enum_column(Giver, "giver"))
    dimensions: Mapped[list[Dimension]] = mapped_column(EnumList(Dimension), default=list)
    style: Mapped[CareStyle | None] = mapped_column(
        enum_column(CareStyle, "care_style"), default=None
    )
    energy: Mapped[int | None] = mapped_column(default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    person: Mapped[Person] = relationship(back_populates="moments")

    @validates("energy")
    def _check_energy(self, _key: str, value: int | None) -> int | None:
        if value is not None and not ENERGY_MIN <= value <= ENERGY_MAX:
            raise RangeError(people_words.ENERGY_RANGE.format(value=value))
        return value

    @validates("text")
    def _check_text(self, _key: str, value: str) -> str:
        return moment_text(value, needed=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "by": self.by.value,
            "dimensions": [d.value for d in self.dimensions],
            "style": self.style.value if self.style else None,
            "energy": self.energy,
            "text": self.text,
        }

    def __repr__(self) -> str:
        return f"Moment({self.on}, by={self.by}, {self.text[:30]!r})"


def moment_text(value: str, *, needed: bool = True) -> str:
    """A moment's words as kept (trimmed, within ``TEXT_LIMIT``); ``needed``: not empty either."""
    text = value.strip()
    if needed and not text:
        raise InputError(people_words.TEXT_EMPTY)
    if len(text) > TEXT_LIMIT:
        raise InputError(people_words.MOMENT_TOO_LONG.format(length=len(text), limit=TEXT_LIMIT))
    return text


def note_moment(person: Person, text: str, **fields: Any) -> Moment:
    """A moment the user is noting now: unlike a restored one, it needs a few words."""
    return Moment(person=person, text=moment_text(text), **fields)
