"""Boundaries as specific requests, looked at again over time.

The wording of a request gets the same gentle check on every face: a
request-shaped rewrite when it reads as blame or a ledger (``coach.phrasing``),
and a nudge when it is too short to be specific (``is_vague``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reciprocity.coach import phrasing
from reciprocity.model import Boundary
from reciprocity.model.boundary import add_boundary, all_boundaries, find_boundary, is_vague
from reciprocity.model.boundary import review_boundary as review_model
from reciprocity.services.data import remove_found
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef, owner
from reciprocity.store import Database
from reciprocity.vocabulary import BoundaryArea, BoundaryStatus


@dataclass(frozen=True)
class Wording:
    """The gentle check of a request's words: a rewrite to offer, and whether it is vague."""

    offer: phrasing.Offer | None
    vague: bool


def wording(request: str) -> Wording:
    return Wording(phrasing.offer(request), is_vague(request))


def add(
    db: Database,
    whose: PersonRef,
    area: BoundaryArea,
    request: str,
    *,
    since: date,
    review_on: date | None = None,
    note: str = "",
) -> Boundary:
    """A boundary with someone, or the user's own (``whose`` is ``"me"``), as worded."""
    with db.transaction() as session:
        boundary = add_boundary(
            owner(session, whose),
            area=area,
            request=request,
            since=since,
            review_on=review_on,
            note=note,
        )
        session.add(boundary)
        session.flush()
        return _loaded(boundary)


def review(
    db: Database,
    boundary_id: int,
    status: BoundaryStatus,
    *,
    today: date,
    request: str | None = None,
    next_review: date | None = None,
    note: str | None = None,
) -> Boundary:
    """Where a boundary stands now; a request or note left out stays as it was."""
    with db.transaction() as session:
        boundary = review_model(
            find_boundary(session, boundary_id),
            status=status,
            today=today,
            request=request,
            next_review=next_review,
            note=note,
        )
        session.flush()
        return _loaded(boundary)


@dataclass(frozen=True)
class BoundaryChanges:
    """What ``edit`` changes (a fix of what was written; ``review`` says where one stands)."""

    area: BoundaryArea | Keep = KEEP
    request: str | Keep = KEEP
    since: date | Keep = KEEP
    review_on: date | Keep | None = KEEP
    note: str | Keep = KEEP


def edit(db: Database, boundary_id: int, changes: BoundaryChanges) -> Boundary:
    with db.transaction() as session:
        boundary = find_boundary(session, boundary_id)
        if not isinstance(changes.area, Keep):
            boundary.area = changes.area
        if not isinstance(changes.request, Keep):
            boundary.request = changes.request
        if not isinstance(changes.since, Keep):
            boundary.review_on = None  # checked again below, against the new first day
            boundary.since = changes.since
        if not isinstance(changes.review_on, Keep):
            boundary.review_on = changes.review_on
        if not isinstance(changes.note, Keep):
            boundary.note = changes.note.strip()
        session.flush()
        return _loaded(boundary)


def remove(db: Database, boundary_id: int) -> tuple[Boundary, Path | None]:
    """Remove a boundary; a copy of everything is kept first."""
    return remove_found(db, lambda session: _loaded(find_boundary(session, boundary_id)))


def get(db: Database, boundary_id: int) -> Boundary:
    with db.transaction() as session:
        return _loaded(find_boundary(session, boundary_id))


def everyone(db: Database, *, retired: bool = False) -> list[Boundary]:
    """Every boundary, oldest first; retired ones only when asked."""
    with db.transaction() as session:
        return [_loaded(b) for b in all_boundaries(session, retired=retired)]


def _loaded(boundary: Boundary) -> Boundary:
    _ = boundary.person
    return boundary
