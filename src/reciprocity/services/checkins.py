"""Check-ins: preparing one (the agenda), recording it, and the ones held before.

The agenda: what the patterns show, the adjustments agreed last time (and
whether they happened, once asked), recent moments, each side's ways of showing
care, the requests being kept, small wins, and open questions for reflective
listening. The command line prints it and asks the questions; the web app shows
the same and asks on a form. A record keeps each side's answers as written,
with gentle notes on the wording (``wording_notes``) that never change them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import phrasing
from reciprocity.coach import practices as words
from reciprocity.coach.safety import signs_in
from reciprocity.coach.suggestions import DIMENSION_NAMES
from reciprocity.errors import InputError, NotFoundError, hinted
from reciprocity.model import Adjustment, Boundary, CheckIn, Person, Win
from reciprocity.model.base import by_id
from reciprocity.model.checkin import QUESTIONS, SIDES, all_checkins, checkins_with
from reciprocity.model.person import all_people
from reciprocity.services import lookup
from reciprocity.services.data import remove_found
from reciprocity.services.due import latest_checkins
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef
from reciprocity.services.patterns import pattern_of
from reciprocity.store import Database
from reciprocity.vocabulary import AdjustmentOutcome, BoundaryStatus

RECENT_DAYS = 30
RECENT_MOMENTS = 6
INTENT = re.compile(
    r"\b(?:meant to|didn'?t mean|intended|was going to|were going to|tried to)\b", re.IGNORECASE
)
"""Words about what someone meant; a check-in is about what was done and how it landed."""


def last_checkin(session: Session, person: Person) -> CheckIn | None:
    """The person's latest check-in (``due.latest_checkins``, the one query for it)."""
    return latest_checkins(session, person.id).get(person.id)


def agenda(session: Session, person: Person, today: date) -> dict[str, Any]:
    """Everything worth having in front of you before a check-in, as plain data."""
    previous = last_checkin(session, person)
    since = previous.on if previous else today - timedelta(days=RECENT_DAYS)
    pattern = pattern_of(session, person, today=today)
    moments = [m for m in person.moments if since <= m.on <= today][-RECENT_MOMENTS:]
    leaning = [
        str(d)
        for d, reading in pattern.dimensions.items()
        if str(reading.leaning) in ("me", "them")
    ]
    questions = list(words.REFLECTIVE_QUESTIONS)
    for dimension in leaning[:2]:
        questions.append(words.LISTENING_PROMPTS[dimension][0])
    if pattern.safety:
        questions = []  # practices give way to the one note pointing to help (reciprocity.coach.safety)
    boundaries = session.scalars(
        select(Boundary)
        .where(Boundary.person_id == person.id)
        .where(Boundary.status.in_([BoundaryStatus.ACTIVE, BoundaryStatus.RENEGOTIATED]))
        .order_by(Boundary.id)
    )
    wins = session.scalars(
        select(Win).where(Win.person_id == person.id, Win.on >= since).order_by(Win.on)
    )
    return {
        "person": person.name,
        "today": today.isoformat(),
        "last_checkin": previous.on.isoformat() if previous else None,
        "safety": pattern.safety,
        "patterns": {
            "dimensions": {
                str(d): {"name": DIMENSION_NAMES[str(d)], "label": reading.label}
                for d, reading in pattern.dimensions.items()
            },
            "energy": pattern.energy.label,
            "suggestions": [s.text for s in pattern.suggestions],
        },
        "adjustments": [{"id": a.id, **a.as_dict()} for a in previous.adjustments]
        if previous
        else [],
        "moments": [m.as_dict() for m in moments],
        "care": {
            "theirs": [s.value for s in person.their_care],
            "mine": [s.value for s in person.my_care],
        },
        "boundaries": [
            {"id": b.id, "area": b.area.value, "request": b.request} for b in boundaries
        ],
        "wins": [w.as_dict() for w in wins],
        "questions": questions,
        "tip": words.REFLECTIVE_TIP,
    }


def wording_notes(text: str) -> list[str]:
    """Gentle notes on an answer's wording; the answer itself is always kept as written."""
    notes = []
    if INTENT.search(text):
        notes.append(words.CHECKIN_INTENT_NOTE)
    offer = phrasing.offer(text)
    if offer is not None:
        notes.append(offer.note())
    return notes


def notes_on(texts: Iterable[str]) -> list[str]:
    """The gentle notes on several answers' wording, each said once."""
    return list(dict.fromkeys(note for text in texts for note in wording_notes(text)))


def default_next(day: date) -> date:
    """When to suggest meeting again, if nothing else is said."""
    return day + timedelta(days=words.CHECKIN_DEFAULT_GAP_DAYS)


def record_checkin(
    person: Person,
    *,
    on: date,
    sides: Mapping[str, Mapping[str, str]],
    adjustments: Sequence[str] = (),
    outcomes: Mapping[int, AdjustmentOutcome] = {},
    previous: CheckIn | None = None,
    next_on: date | None = None,
) -> CheckIn:
    """A check-in as held: each side's answers, what both agreed, and how last time's went.

    ``sides`` maps ``"me"``/``"them"`` to answers by question (supported,
    meaningful, drained); ``outcomes`` maps the id of an adjustment agreed at
    ``previous`` to whether it happened; an id that is not waiting there (not
    agreed then, or already looked at) is refused. Not yet added to a session.
    """
    agreed = [] if previous is None else previous.adjustments
    waiting = {a.id: a for a in agreed if a.outcome is None}
    for adjustment_id, outcome in outcomes.items():
        if adjustment_id not in waiting:
            raise InputError(
                words.OUTCOME_NOT_WAITING.format(
                    id=adjustment_id,
                    name=person.name,
                    waiting=", ".join(str(i) for i in waiting) or "none",
                )
            )
        waiting[adjustment_id].outcome = outcome
    record = CheckIn(person=person, on=on)
    for side in SIDES:
        for question in QUESTIONS:
            setattr(record, f"{side}_{question}", sides.get(side, {}).get(question, ""))
    for text in adjustments:
        record.adjustments.append(Adjustment(text=text))
    record.next_on = next_on
    return record


# -- the services the faces call ----------------------------------------------


@dataclass(frozen=True)
class Preparation:
    """What a check-in with someone starts from.

    ``agenda`` is plain data (``checkin PERSON --json``, ``GET
    /api/people/{id}/checkin-agenda``); ``waiting`` are last time's
    adjustments not yet looked at; ``past`` every check-in held, oldest first.
    """

    person: Person
    agenda: dict[str, Any]
    waiting: list[Adjustment]
    past: list[CheckIn]


@dataclass(frozen=True)
class Held:
    """A check-in as it was held: each side's answers by question (``me``/``them`` →
    supported, meaningful, drained), what both agreed, how last time's adjustments went
    (by id), and when to meet next."""

    on: date
    sides: Mapping[str, Mapping[str, str]]
    adjustments: Sequence[str] = ()
    outcomes: Mapping[int, AdjustmentOutcome] = field(default_factory=dict)
    next_on: date | None = None


@dataclass(frozen=True)
class Recorded:
    """A check-in just kept; ``safety`` when its words call for the note pointing to help."""

    checkin: CheckIn
    safety: bool


@dataclass(frozen=True)
class Standing:
    """Someone's check-ins at a glance: the last one held and the next one planned."""

    person_id: int
    name: str
    last: date | None
    planned: date | None


def prepare(db: Database, who: PersonRef, *, on: date) -> Preparation:
    with db.transaction() as session:
        person = lookup.person(session, who)
        previous = last_checkin(session, person)
        waiting = [] if previous is None else [a for a in previous.adjustments if a.outcome is None]
        past = [_loaded(c) for c in checkins_with(session, person)]
        return Preparation(person, agenda(session, person, on), waiting, past)


def record(db: Database, who: PersonRef, held: Held) -> Recorded:
    """Keep a check-in as held, and how last time's adjustments went."""
    with db.transaction() as session:
        person = lookup.person(session, who)
        checkin = record_checkin(
            person,
            on=held.on,
            sides=held.sides,
            adjustments=held.adjustments,
            outcomes=held.outcomes,
            previous=last_checkin(session, person),
            next_on=held.next_on,
        )
        session.add(checkin)
        session.flush()
        texts = [checkin.answer(side, q) for side in SIDES for q in QUESTIONS]
        texts += [a.text for a in checkin.adjustments]
        return Recorded(_loaded(checkin), bool(signs_in([t for t in texts if t])))


def standings(db: Database) -> list[Standing]:
    """Everyone, by name, with their last check-in and the next one planned."""
    with db.transaction() as session:
        latest = latest_checkins(session)
        return [
            Standing(
                p.id,
                p.name,
                latest[p.id].on if p.id in latest else None,
                latest[p.id].next_on if p.id in latest else None,
            )
            for p in all_people(session)
        ]


def everyone(db: Database) -> list[CheckIn]:
    """Every check-in, oldest first."""
    with db.transaction() as session:
        return [_loaded(c) for c in all_checkins(session)]


def of(db: Database, who: PersonRef) -> list[CheckIn]:
    """Someone's check-ins, oldest first."""
    with db.transaction() as session:
        return [_loaded(c) for c in checkins_with(session, lookup.person(session, who))]


def _loaded(checkin: CheckIn) -> CheckIn:
    _ = checkin.person, checkin.adjustments
    return checkin


@dataclass(frozen=True)
class CheckInChanges:
    """What ``edit`` changes in a check-in as it was recorded: its day, answers, next day, note."""

    on: date | Keep = KEEP
    sides: Mapping[str, Mapping[str, str]] | Keep = KEEP
    next_on: date | Keep | None = KEEP
    note: str | Keep = KEEP


def get(db: Database, checkin_id: int) -> CheckIn:
    with db.transaction() as session:
        return _loaded(_find(session, checkin_id))


def edit(db: Database, checkin_id: int, changes: CheckInChanges) -> Recorded:
    """Change a check-in's day, answers, next day or note (what was agreed stays)."""
    with db.transaction() as session:
        checkin = _find(session, checkin_id)
        if not isinstance(changes.on, Keep):
            following = checkin.next_on if isinstance(changes.next_on, Keep) else changes.next_on
            checkin.next_on = None  # checked again below, against the new day
            checkin.on = changes.on
            checkin.next_on = following
        elif not isinstance(changes.next_on, Keep):
            checkin.next_on = changes.next_on
        if not isinstance(changes.sides, Keep):
            for side in SIDES:
                for question in QUESTIONS:
                    answer = changes.sides.get(side, {}).get(question)
                    if answer is not None:
                        setattr(checkin, f"{side}_{question}", answer)
        if not isinstance(changes.note, Keep):
            checkin.note = changes.note
        session.flush()
        texts = [checkin.answer(side, q) for side in SIDES for q in QUESTIONS]
        return Recorded(_loaded(checkin), bool(signs_in([t for t in texts if t])))


def remove(db: Database, checkin_id: int) -> tuple[CheckIn, Path | None]:
    """Remove a check-in with what was agreed at it; a copy of everything is kept first."""
    return remove_found(db, lambda session: _loaded(_find(session, checkin_id)))


def _find(session: Session, checkin_id: int) -> CheckIn:
    found = by_id(session, CheckIn, checkin_id)
    if found is None:
        raise hinted(
            NotFoundError(words.CHECKIN_UNKNOWN.format(id=checkin_id)), words.CHECKIN_UNKNOWN_CLI
        )
    return found
