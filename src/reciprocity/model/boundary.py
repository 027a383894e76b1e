"""A boundary, written as a specific request rather than an ultimatum.

What it protects (time, energy, emotional labour, topics), the request in the
user's words, where it stands (active, respected, renegotiated, retired) and
when to look at it again. A boundary is with one person, or the user's own
(no person): a limit they keep for themself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, ForeignKey, Integer, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import practices as words
from reciprocity.coach.terms import day_words
from reciprocity.errors import InputError, NotFoundError, hinted
from reciprocity.model.base import Base, by_id, enum_column
from reciprocity.model.moment import TEXT_LIMIT
from reciprocity.vocabulary import ME, BoundaryArea, BoundaryStatus

if TYPE_CHECKING:
    from reciprocity.model.person import Person


class Boundary(Base):
    __tablename__ = "boundary"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    area: Mapped[BoundaryArea] = mapped_column(enum_column(BoundaryArea, "boundary_area"))
    request: Mapped[str] = mapped_column(Text)
    status: Mapped[BoundaryStatus] = mapped_column(
        enum_column(BoundaryStatus, "boundary_status"), default=BoundaryStatus.ACTIVE
    )
    since: Mapped[date] = mapped_column("day")
    review_on: Mapped[date | None] = mapped_column("review_day", default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    person: Mapped[Person | None] = relationship()

    @property
    def whose(self) -> str:
        return ME if self.person is None else self.person.name

    @validates("request")
    def _check_request(self, _key: str, value: str) -> str:
        text = " ".join(value.split())
        if not text:
            raise InputError(words.BOUNDARY_EMPTY)
        if len(text) > TEXT_LIMIT:
            raise InputError(words.TEXT_TOO_LONG.format(length=len(text), limit=TEXT_LIMIT))
        return text

    @validates("review_on")
    def _check_review(self, _key: str, value: date | None) -> date | None:
        if value is not None and self.since is not None and value < self.since:
            raise InputError(
                words.REVIEW_BEFORE_START.format(
                    since=day_words(self.since), review=day_words(value)
                )
            )
        return value

    def as_dict(self) -> dict[str, Any]:
        return {
            "whose": self.whose,
            "area": self.area.value,
            "request": self.request,
            "status": self.status.value,
            "since": self.since.isoformat(),
            "review_on": self.review_on.isoformat() if self.review_on else None,
            "note": self.note,
        }


def all_boundaries(session: Session, *, retired: bool = True) -> list[Boundary]:
    """Every boundary, oldest first; ``retired=False`` leaves out the retired ones."""
    found = session.scalars(select(Boundary).order_by(Boundary.since, Boundary.id))
    return [b for b in found if retired or b.status is not BoundaryStatus.RETIRED]


def find_boundary(session: Session, boundary_id: int) -> Boundary:
    found = by_id(session, Boundary, boundary_id)
    if found is None:
        raise hinted(
            NotFoundError(words.BOUNDARY_UNKNOWN.format(id=boundary_id)), words.BOUNDARY_UNKNOWN_CLI
        )
    return found


SPECIFIC_WORDS = 4
"""A request of fewer words gets a gentle nudge to say what, when, and what instead."""


def add_boundary(
    owner: Person | None,
    *,
    area: BoundaryArea,
    request: str,
    since: date,
    review_on: date | None = None,
    note: str = "",
) -> Boundary:
    """A new boundary (``owner`` None: the user's own), to look at again in six weeks by default."""
    if review_on is None:
        review_on = since + timedelta(days=words.BOUNDARY_DEFAULT_REVIEW_DAYS)
    return Boundary(
        person=owner,
        area=area,
        request=request,
        since=since,
        review_on=review_on,
        note=note.strip(),
    )


def review_boundary(
    boundary: Boundary,
    *,
    status: BoundaryStatus,
    today: date,
    request: str | None = None,
    next_review: date | None = None,
    note: str | None = None,
) -> Boundary:
    """Where a boundary stands now; the next review is in six weeks unless given or retired."""
    boundary.status = status
    if request is not None:
        boundary.request = request
    if note is not None:
        boundary.note = note.strip()
    if next_review is not None:
        boundary.review_on = next_review
    elif status is BoundaryStatus.RETIRED:
        boundary.review_on = None
    else:
        boundary.review_on = today + timedelta(days=words.BOUNDARY_DEFAULT_REVIEW_DAYS)
    return boundary


def is_vague(request: str) -> bool:
    """Too few words to be a specific request (what, when, what instead)."""
    return len(request.split()) < SPECIFIC_WORDS
