"""Moments: noting what happened between you and someone, and reading them back.

Noting a moment is the product's quick capture. When the words speak of fear,
control or harm (``coach.safety``), the result says so, and every face shows
the same note pointing to help.

A moment noted without a dimension counts toward no reading, so every face
offers the dimensions its words point to (``suggestion``, from
``coach.dimensions``): the web form comes back once with them chosen, a
terminal asks with them as the default answer, and a script or the API is told
them after saving (``Noted.suggested``). The person decides; nothing is tagged
without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from reciprocity.coach import people as people_words
from reciprocity.coach.dimensions import suggest_dimensions
from reciprocity.coach.safety import signs_in
from reciprocity.errors import InputError, NotFoundError, hinted
from reciprocity.model import Moment
from reciprocity.model.base import by_id
from reciprocity.model.moment import moment_text, note_moment
from reciprocity.services.data import remove_found
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef, person
from reciprocity.store import Database
from reciprocity.vocabulary import CareStyle, Dimension, Giver


@dataclass(frozen=True)
class Noted:
    """A moment just noted; ``safety`` when its words call for the note pointing to help.

    ``suggested``: when it was noted with no dimension, the ones its words point to
    (empty otherwise), for a face to offer after the fact."""

    moment: Moment
    safety: bool
    suggested: tuple[Dimension, ...] = ()

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
        offered = () if dimensions else tuple(suggest_dimensions(moment.text))
        return Noted(moment, bool(signs_in([moment.text])), offered)


def suggestion(
    db: Database, who: PersonRef, text: str, dimensions: Sequence[Dimension] = ()
) -> list[Dimension]:
    """What to offer before noting a moment: the dimensions its words point to, likeliest first.

    Empty when ``dimensions`` were chosen, or when the words give no clear hint (then
    nothing is asked: a guess is worse than a gap). Who it is with and the words are
    checked first, as ``note`` checks them, so a face only ever asks about a moment it
    can save.
    """
    with db.transaction() as session:
        person(session, who)
    words = moment_text(text)
    return [] if dimensions else suggest_dimensions(words)


def of(db: Database, who: PersonRef) -> list[Moment]:
    """Everything noted with someone, oldest first."""
    with db.transaction() as session:
        found = person(session, who)
        query = (
            select(Moment)
            .options(selectinload(Moment.person))
            .where(Moment.person_id == found.id)
            .order_by(Moment.on, Moment.id)
        )
        return list(session.scalars(query))


@dataclass(frozen=True)
class MomentChanges:
    """What ``edit`` changes; anything left as ``KEEP`` stays (``None`` clears style or energy)."""

    text: str | Keep = KEEP
    on: date | Keep = KEEP
    by: Giver | Keep = KEEP
    dimensions: Sequence[Dimension] | Keep = KEEP
    style: CareStyle | Keep | None = KEEP
    energy: int | Keep | None = KEEP


@dataclass(frozen=True)
class Found:
    """One page of moments that match, newest first, and how many match in all."""

    moments: list[Moment]
    total: int
    offset: int
    limit: int

    @property
    def more(self) -> bool:
        return self.offset + len(self.moments) < self.total


@dataclass(frozen=True)
class Search:
    """Which moments to find: with someone, holding words, about a dimension, between days."""

    who: PersonRef | None = None
    text: str = ""
    dimension: Dimension | None = None
    since: date | None = None
    until: date | None = None


def get(db: Database, moment_id: int) -> Moment:
    with db.transaction() as session:
        return _loaded(_find(session, moment_id))


def edit(db: Database, moment_id: int, changes: MomentChanges) -> Noted:
    """Change a moment; what ``changes`` leaves out stays. Its words are checked again."""
    with db.transaction() as session:
        moment = _find(session, moment_id)
        if not isinstance(changes.text, Keep):
            if not changes.text.strip():
                raise InputError(people_words.TEXT_EMPTY)
            moment.text = changes.text
        if not isinstance(changes.on, Keep):
            moment.on = changes.on
        if not isinstance(changes.by, Keep):
            moment.by = changes.by
        if not isinstance(changes.dimensions, Keep):
            moment.dimensions = list(changes.dimensions)
        if not isinstance(changes.style, Keep):
            moment.style = changes.style
        if not isinstance(changes.energy, Keep):
            moment.energy = changes.energy
        session.flush()
        return Noted(_loaded(moment), bool(signs_in([moment.text])))


def remove(db: Database, moment_id: int) -> tuple[Moment, Path | None]:
    """Remove a moment, after a copy of everything as it is now is kept (the path, or None)."""
    return remove_found(db, lambda session: _loaded(_find(session, moment_id)))


def search(db: Database, wanted: Search = Search(), *, offset: int = 0, limit: int = 50) -> Found:
    """The moments that match, newest first: a page of ``limit`` from ``offset``."""
    with db.transaction() as session:
        query = select(Moment).options(selectinload(Moment.person))
        if wanted.who is not None:
            query = query.where(Moment.person_id == person(session, wanted.who).id)
        if wanted.since is not None:
            query = query.where(Moment.on >= wanted.since)
        if wanted.until is not None:
            query = query.where(Moment.on <= wanted.until)
        query = query.order_by(Moment.on.desc(), Moment.id.desc())
        if not wanted.text.strip() and wanted.dimension is None:  # a page, straight from SQL
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            page = list(session.scalars(query.offset(offset).limit(limit)))
            return Found(page, total, offset, limit)
        found = list(session.scalars(query))
    # Words and dimensions are matched here, not in SQL: case folding beyond ASCII, and
    # dimensions are a JSON list whose SQL differs from one database to another.
    folded = wanted.text.casefold().split()
    matching = [
        m
        for m in found
        if all(word in m.text.casefold() for word in folded)
        and (wanted.dimension is None or wanted.dimension in m.dimensions)
    ]
    return Found(matching[offset : offset + limit], len(matching), offset, limit)


def _find(session: Session, moment_id: int) -> Moment:
    found = by_id(session, Moment, moment_id)
    if found is None:
        raise hinted(
            NotFoundError(people_words.MOMENT_UNKNOWN.format(id=moment_id)),
            people_words.MOMENT_UNKNOWN_CLI,
        )
    return found


def _loaded(moment: Moment) -> Moment:
    _ = moment.person.name
    return moment
