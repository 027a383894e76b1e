"""Moments: noting what happened between you and someone, and reading them back.

Noting a moment is the product's quick capture. When the words speak of fear,
control or harm (``coach.safety``), the result says so, and every face shows
the same note pointing to help.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from reciprocity.coach.safety import signs_in
from reciprocity.model import Moment
from reciprocity.model.moment import note_moment
from reciprocity.services.lookup import PersonRef, person
from reciprocity.store import Database
from reciprocity.vocabulary import CareStyle, Dimension, Giver


@dataclass(frozen=True)
class Noted:
    """A moment just noted; ``safety`` when its words call for the note pointing to help."""

    moment: Moment
    safety: bool

    @property
    def name(self) -> str:
        return self.moment.person.name


def note(
    db: Database,
    who: PersonRef,
    text: str,
    *,
    on: date,
    by: Giver = Giver.ME,
    dimensions: Sequence[Dimension] = (),
    style: CareStyle | None = None,
    energy: int | None = None,
) -> Noted:
    with db.transaction() as session:
        moment = note_moment(
            person(session, who),
            text,
            on=on,
            by=by,
            dimensions=list(dimensions),
            style=style,
            energy=energy,
        )
        session.add(moment)
        session.flush()
        return Noted(moment, bool(signs_in([moment.text])))


def of(db: Database, who: PersonRef) -> list[Moment]:
    """Everything noted with someone, oldest first."""
    with db.transaction() as session:
        found = person(session, who)
        query = select(Moment).where(Moment.person_id == found.id).order_by(Moment.on, Moment.id)
        return list(session.scalars(query))
