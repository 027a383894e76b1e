"""The Reciprocity Audit: its rules, saving one, and the audits kept.

The rules every face follows: a rating of 5 means the dimension feels roughly
mutual (so it leans neither way); a lower one says which way it leans; a
rating of 1 or 2 carries a vision. The notes said before a person is rated
(seasons at the audit's date, each side's ways of caring) are made here once.
An audit is built whole from a draft (``AuditDraft``) and checked by the
model's own rules before anything is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import audit as audit_words
from reciprocity.coach.safety import signs_in
from reciprocity.errors import InputError
from reciprocity.model import Audit, AuditEntry, DimensionRating, Season
from reciprocity.model.audit import all_audits, check_lean, check_rating, find_audit
from reciprocity.services.data import remove_found
from reciprocity.services.lookup import PersonRef, person
from reciprocity.store import Database
from reciprocity.vocabulary import RATING_MAX, VISION_AT_OR_BELOW, Dimension, Direction

OVERALL = "overall"


def on_scale(rating: int) -> int:
    """The rating itself, when it lies on the scale of 1 to 5; a clear error otherwise."""
    return check_rating(rating)


def needs_direction(rating: int) -> bool:
    """Below 5, a rating says which way it leans; 5 is roughly mutual."""
    return rating < RATING_MAX


def needs_vision(rating: int) -> bool:
    """A rating of 1 or 2 carries a vision of the mutual pattern to build."""
    return rating <= VISION_AT_OR_BELOW


@dataclass(frozen=True)
class Lean:
    """One rating with which way it leans and, for a low one, its vision."""

    rating: int
    direction: Direction
    vision: str | None = None


def settle(rating: int, direction: Direction | None, vision: str | None, label: str) -> Lean:
    """A rating checked by the audit's rules: 5 leans neither way; low ones need a vision."""
    check_rating(rating)
    leaning = Direction.MUTUAL if not needs_direction(rating) else direction or Direction.MUTUAL
    words = (vision or "").strip() or None
    check_lean(rating, leaning, words, label)
    return Lean(rating, leaning, words)


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    answer: str


@dataclass(frozen=True)
class DimensionDraft:
    lean: Lean
    answers: Sequence[Answer] = ()


@dataclass(frozen=True)
class EntryDraft:
    """One person's part: the overall rating and each dimension rated."""

    person: PersonRef
    overall: Lean
    dimensions: Mapping[Dimension, DimensionDraft] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class AuditDraft:
    on: date
    entries: Sequence[EntryDraft]
    note: str = ""


@dataclass(frozen=True)
class Saved:
    """An audit just kept; ``safety``: whose entries' words call for the note pointing to help."""

    audit: Audit
    safety: tuple[str, ...]


def context_notes(db: Database, who: PersonRef, on: date) -> list[str]:
    """What to keep in mind before rating someone: seasons at ``on``, and ways of caring."""
    with db.transaction() as session:
        found = person(session, who)
        notes = [
            audit_words.season_note(s.kind, s.start, None if s.person is None else found.name)
            for s in session.scalars(select(Season).order_by(Season.start, Season.id))
            if s.contains(on) and s.person_id in (None, found.id)
        ]
        if found.my_care and found.their_care:
            notes.append(audit_words.styles_reminder(found.name, found.their_care, found.my_care))
        return notes


def save(db: Database, draft: AuditDraft) -> Saved:
    """Keep an audit, checked whole; nothing is kept if any part breaks a rule."""
    with db.transaction() as session:
        audit = _build(session, draft)
        session.add(audit)
        session.flush()
        return Saved(_loaded(audit), safety_of(audit))


def safety_of(audit: Audit) -> tuple[str, ...]:
    """Whose entries in ``audit`` speak, in the user's own visions, of fear, control or harm."""
    return tuple(
        e.person.name
        for e in audit.entries
        if signs_in([v for v in (e.vision, *(r.vision for r in e.ratings)) if v])
    )


def everyone(db: Database) -> list[Audit]:
    """Every audit, oldest first."""
    with db.transaction() as session:
        return all_audits(session)


def get(db: Database, audit_id: int) -> Audit:
    with db.transaction() as session:
        return _loaded(find_audit(session, audit_id))


def remove(db: Database, audit_id: int) -> tuple[Audit, Path | None]:
    """Remove an audit with its ratings and visions; a copy of everything is kept first."""
    return remove_found(db, lambda session: _loaded(find_audit(session, audit_id)))


def compare(db: Database, who: PersonRef | None = None) -> list[dict[str, Any]]:
    """How each relationship's ratings moved from audit to audit (one person's, or everyone's)."""
    with db.transaction() as session:
        only = person(session, who).name if who is not None else None
        trends: dict[str, list[dict[str, Any]]] = {}
        for audit in all_audits(session):
            for entry in audit.entries:
                if only is None or entry.person.name == only:
                    trends.setdefault(entry.person.name, []).append(
                        {
                            "id": audit.id,
                            "date": audit.on.isoformat(),
                            "overall": {"rating": entry.rating, "direction": entry.direction.value},
                            "dimensions": {
                                r.dimension.value: {
                                    "rating": r.rating,
                                    "direction": r.direction.value,
                                }
                                for r in entry.ratings
                            },
                        }
                    )
    return [{"person": name, "audits": audits} for name, audits in trends.items()]


def _build(session: Session, draft: AuditDraft) -> Audit:
    if not draft.entries:
        raise InputError(audit_words.AUDIT_NEEDS_PEOPLE)
    audit = Audit(on=draft.on, note=draft.note)
    for part in draft.entries:
        entry = AuditEntry(
            person=person(session, part.person),
            rating=part.overall.rating,
            direction=part.overall.direction,
            vision=part.overall.vision,
            note=part.note,
        )
        for dimension, rated in part.dimensions.items():
            entry.ratings.append(
                DimensionRating(
                    dimension=dimension,
                    rating=rated.lean.rating,
                    direction=rated.lean.direction,
                    vision=rated.lean.vision,
                    answers=[
                        {"key": a.key, "question": a.question, "answer": a.answer}
                        for a in rated.answers
                    ],
                )
            )
        audit.entries.append(entry)
    audit.check_complete()
    return audit


def _loaded(audit: Audit) -> Audit:
    """The audit with its entries, their people and ratings read, for use after the transaction."""
    for entry in audit.entries:
        _ = entry.person.name, entry.ratings
    return audit
