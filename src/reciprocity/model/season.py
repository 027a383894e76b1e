"""A season: a stretch of time when one side legitimately needs more.

Illness, grief, a move, a new baby, job loss, exams. Imbalance inside a season
is expected; only imbalance that is the resting state outside seasons is
ever called chronic. A season belongs to a person, or to the user (no person).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import people as people_words
from reciprocity.coach.terms import day_words
from reciprocity.errors import ConflictError, InputError, NotFoundError, hinted
from reciprocity.model.base import Base, by_id, enum_column
from reciprocity.vocabulary import ME, SeasonKind

if TYPE_CHECKING:
    from reciprocity.model.person import Person


class Season(Base):
    __tablename__ = "season"
    __table_args__ = (CheckConstraint("ends IS NULL OR ends >= starts", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    """Whose season it is; None means the user's own."""
    kind: Mapped[SeasonKind] = mapped_column(enum_column(SeasonKind, "season_kind"))
    start: Mapped[date] = mapped_column("starts")
    end: Mapped[date | None] = mapped_column("ends", default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person | None] = relationship(back_populates="seasons")

    @property
    def whose(self) -> str:
        """``"me"`` or the person's name."""
        return ME if self.person is None else self.person.name

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @validates("end")
    def _check_end(self, _key: str, value: date | None) -> date | None:
        if value is not None and self.start is not None and value < self.start:
            raise InputError(
                people_words.SEASON_END_BEFORE_START.format(
                    id=self.id, start=day_words(self.start), end=day_words(value)
                )
            )
        return value

    def as_dict(self) -> dict[str, Any]:
        return {
            "whose": self.whose,
            "kind": self.kind.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "note": self.note,
        }

    def __repr__(self) -> str:
        return f"Season({self.kind}, {self.whose}, {self.start}..{self.end})"


def end_season(session: Session, season_id: int, end: date) -> Season:
    """End a season by id; one that is unknown or already over is said plainly."""
    season = by_id(session, Season, season_id)
    if season is None:
        raise hinted(
            NotFoundError(people_words.SEASON_UNKNOWN.format(id=season_id)),
            people_words.SEASON_UNKNOWN_CLI,
        )
    if season.end is not None:
        raise ConflictError(
            people_words.SEASON_ALREADY_ENDED.format(id=season_id, end=day_words(season.end))
        )
    season.end = end
    session.flush()
    return season
