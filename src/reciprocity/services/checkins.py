"""Preparing a check-in: the agenda, gathered from what is stored.

What the patterns show, the adjustments agreed last time (and whether they
happened, once asked), recent moments, each side's ways of showing care, the
requests being kept, small wins, and open questions for reflective listening.
The CLI prints it and asks the questions; the web app can show the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import phrasing
from reciprocity.coach import practices as words
from reciprocity.coach.suggestions import DIMENSION_NAMES
from reciprocity.errors import InputError
from reciprocity.model import Adjustment, Boundary, CheckIn, Person, Win
from reciprocity.model.checkin import QUESTIONS, SIDES, checkins_with
from reciprocity.services import patterns as overview
from reciprocity.vocabulary import AdjustmentOutcome, BoundaryStatus

RECENT_DAYS = 30
RECENT_MOMENTS = 6
INTENT = re.compile(
    r"\b(?:meant to|didn'?t mean|intended|was going to|were going to|tried to)\b", re.IGNORECASE
)
"""Words about what someone meant; a check-in is about what was done and how it landed."""


def last_checkin(session: Session, person: Person) -> CheckIn | None:
    found = checkins_with(session, person)
    return found[-1] if found else None


def agenda(session: Session, person: Person, today: date) -> dict[str, Any]:
    """Everything worth having in front of you before a check-in, as plain data."""
    previous = last_checkin(session, person)
    since = previous.on if previous else today - timedelta(days=RECENT_DAYS)
    pattern = overview.pattern_of(session, person, today=today)
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
        notes.append(words.PHRASING_NOTE.format(why=offer.why, rewrite=offer.rewrite))
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
