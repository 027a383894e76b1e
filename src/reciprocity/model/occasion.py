"""A date to remember: an anniversary, a hard date, an exam, added by the user.

Birthdays live on the person; these are the other dates. Yearly ones come
back every year on the same day; the others happen once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.errors import InputError, NotFoundError, hinted
from reciprocity.model.base import Base, by_id
from reciprocity.vocabulary import ME

if TYPE_CHECKING:
    from reciprocity.model.person import Person

TITLE_LENGTH = 200


class Occasion(Base):
    __tablename__ = "occasion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    title: Mapped[str] = mapped_column(String(TITLE_LENGTH))
    on: Mapped[date] = mapped_column("day")
    yearly: Mapped[bool] = mapped_column(Boolean, default=True)

    person: Mapped[Person | None] = relationship()

    @property
    def whose(self) -> str:
        return ME if self.person is None else self.person.name

    @validates("title")
    def _check_title(self, _key: str, value: str) -> str:
        title = " ".join(value.split())
        if not title:
            raise InputError(words.OCCASION_TITLE_EMPTY)
        if len(title) > TITLE_LENGTH:
            raise InputError(words.TITLE_TOO_LONG.format(length=len(title), limit=TITLE_LENGTH))
        return title

    def as_dict(self) -> dict[str, Any]:
        return {
            "whose": self.whose,
            "title": self.title,
            "on": self.on.isoformat(),
            "yearly": self.yearly,
        }


def all_occasions(session: Session) -> list[Occasion]:
    return list(session.scalars(select(Occasion).order_by(Occasion.on, Occasion.id)))


def find_occasion(session: Session, occasion_id: int) -> Occasion:
    found = by_id(session, Occasion, occasion_id)
    if found is None:
        raise hinted(
            NotFoundError(words.OCCASION_UNKNOWN.format(id=occasion_id)), words.OCCASION_UNKNOWN_CLI
        )
    return found
