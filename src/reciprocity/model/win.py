"""A small win: something that went well between you and someone, noticed and kept."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, ForeignKey, Integer, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.errors import InputError
from reciprocity.model.base import Base
from reciprocity.model.moment import TEXT_LIMIT
from reciprocity.vocabulary import ME

if TYPE_CHECKING:
    from reciprocity.model.person import Person


class Win(Base):
    __tablename__ = "win"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    """Who the win is with; None means one of the user's own."""
    on: Mapped[date] = mapped_column("day", index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    person: Mapped[Person | None] = relationship()

    @property
    def whose(self) -> str:
        return ME if self.person is None else self.person.name

    @validates("text")
    def _check_text(self, _key: str, value: str) -> str:
        text = value.strip()
        if not text:
            raise InputError(words.WIN_EMPTY)
        if len(text) > TEXT_LIMIT:
            raise InputError(words.TEXT_TOO_LONG.format(length=len(text), limit=TEXT_LIMIT))
        return text

    def as_dict(self) -> dict[str, Any]:
        return {"whose": self.whose, "on": self.on.isoformat(), "text": self.text}


def recent_wins(session: Session, since: date | None = None) -> list[Win]:
    query = select(Win).order_by(Win.on.desc(), Win.id.desc())
    if since is not None:
        query = query.where(Win.on >= since)
    return list(session.scalars(query))


def wins_with(session: Session, owner: Person | None) -> list[Win]:
    """The small wins with ``owner``, newest first; with None, the user's own."""
    shared = Win.person_id.is_(None) if owner is None else Win.person_id == owner.id
    query = select(Win).where(shared).order_by(Win.on.desc(), Win.id.desc())
    return list(session.scalars(query))


def note_win(owner: Person | None, *, text: str, on: date) -> Win:
    """A small win with ``owner`` (None: one of the user's own); not yet added to a session."""
    return Win(person=owner, on=on, text=text)
