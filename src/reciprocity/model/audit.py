"""The Reciprocity Audit: dated, repeatable, one entry per relationship.

Each entry rates the four dimensions from 1 (heavily one-directional) to
5 (roughly mutual), records which way any imbalance leans, keeps the user's
answers to the guiding questions, and — for every rating of 1 or 2 — a vision:
a concrete picture of the mutual pattern to build or the boundary to set.
The felt rating is primary; evidence is only ever held beside it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload, validates

from reciprocity.coach import audit as audit_words
from reciprocity.errors import InputError, NotFoundError, RangeError, hinted
from reciprocity.model.base import Base, by_id, enum_column
from reciprocity.vocabulary import (
    RATING_MAX,
    RATING_MIN,
    VISION_AT_OR_BELOW,
    Dimension,
    Direction,
)

if TYPE_CHECKING:
    from reciprocity.model.person import Person

_RATING_CHECKS = (
    f"rating BETWEEN {RATING_MIN} AND {RATING_MAX}",
    f"rating > {VISION_AT_OR_BELOW} OR vision IS NOT NULL",
)


class Audit(Base):
    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on: Mapped[date] = mapped_column("day", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    entries: Mapped[list[AuditEntry]] = relationship(
        back_populates="audit",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AuditEntry.id",
    )

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "note": self.note,
            "entries": [entry.as_dict() for entry in self.entries],
        }

    def check_complete(self) -> None:
        seen: set[str] = set()
        for entry in self.entries:
            name = entry.person.name
            if name in seen:
                raise InputError(audit_words.AUDIT_PERSON_TWICE.format(name=name))
            seen.add(name)
            entry.check_complete()


class AuditEntry(Base):
    """One relationship's part of an audit: four dimension ratings and an overall one."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        UniqueConstraint("audit_id", "person_id"),
        CheckConstraint(_RATING_CHECKS[0], name="rating_range"),
        CheckConstraint(_RATING_CHECKS[1], name="vision_for_low_rating"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]
    """The overall rating for the relationship."""
    direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"))
    vision: Mapped[str | None] = mapped_column(Text, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    audit: Mapped[Audit] = relationship(back_populates="entries")
    person: Mapped[Person] = relationship(back_populates="audit_entries")
    ratings: Mapped[list[DimensionRating]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DimensionRating.id",
    )

    @validates("rating")
    def _check_rating(self, _key: str, value: int) -> int:
        return check_rating(value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.name,
            "rating": self.rating,
            "direction": self.direction.value,
            "vision": self.vision,
            "note": self.note,
            "dimensions": {r.dimension.value: r.as_dict() for r in self.ratings},
        }

    def rating_for(self, dimension: Dimension) -> DimensionRating | None:
        return next((r for r in self.ratings if r.dimension == dimension), None)

    def check_complete(self) -> None:
        check_lean(self.rating, self.direction, self.vision, "overall")
        for rating in self.ratings:
            check_lean(rating.rating, rating.direction, rating.vision, rating.dimension.value)


class DimensionRating(Base):
    __tablename__ = "dimension_rating"
    __table_args__ = (
        UniqueConstraint("entry_id", "dimension"),
        CheckConstraint(_RATING_CHECKS[0], name="rating_range"),
        CheckConstraint(_RATING_CHECKS[1], name="vision_for_low_rating"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("audit_entry.id", ondelete="CASCADE"), index=True
    )
    dimension: Mapped[Dimension] = mapped_column(enum_column(Dimension, "dimension"))
    rating: Mapped[int]
    direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"))
    answers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    """The guiding questions as asked, with the user's answers: ``[{key, question, answer}]``."""
    vision: Mapped[str | None] = mapped_column(Text, default=None)

    entry: Mapped[AuditEntry] = relationship(back_populates="ratings")

    def as_dict(self) -> dict[str, Any]:
        return {
            "rating": self.rating,
            "direction": self.direction.value,
            "vision": self.vision,
            "answers": [dict(answer) for answer in self.answers],
        }

    @validates("rating")
    def _check_rating(self, _key: str, value: int) -> int:
        return check_rating(value)


def check_rating(value: int) -> int:
    if not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
        raise RangeError(audit_words.RATING_RANGE.format(value=value))
    return value


def check_lean(rating: int, direction: Direction, vision: str | None, label: str) -> None:
    """A rating below 5 says which way it leans; one of 1 or 2 carries a vision."""
    if rating < RATING_MAX and direction == Direction.MUTUAL:
        raise InputError(audit_words.DIRECTION_NEEDED)
    if rating <= VISION_AT_OR_BELOW and not (vision or "").strip():
        raise InputError(audit_words.VISION_NEEDED.format(rating=rating, dimension=label))


def all_audits(session: Session) -> list[Audit]:
    query = (
        select(Audit)
        .order_by(Audit.on, Audit.id)
        .options(
            selectinload(Audit.entries).selectinload(AuditEntry.ratings),
            selectinload(Audit.entries).selectinload(AuditEntry.person),
        )
    )
    return list(session.scalars(query))


def find_audit(session: Session, audit_id: int) -> Audit:
    audit = by_id(session, Audit, audit_id)
    if audit is None:
        raise hinted(
            NotFoundError(audit_words.AUDIT_UNKNOWN.format(id=audit_id)),
            audit_words.AUDIT_UNKNOWN_CLI,
        )
    return audit
