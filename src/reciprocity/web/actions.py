"""What the pages and the JSON API do to the store, written once for both.

Each function takes plain values (as typed), turns them into typed values and
hands them to the model, whose validators hold the rules. Pages and API routes
call these; neither repeats a rule of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import messages
from reciprocity.errors import InputError, NotFoundError
from reciprocity.model import ME, Audit, AuditEntry, DimensionRating, Moment, Person, Season
from reciprocity.model.audit import check_lean, check_rating
from reciprocity.model.moment import note_moment
from reciprocity.model.person import add_person, find_person
from reciprocity.model.season import end_season as model_end_season
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    CareStyle,
    Dimension,
    Direction,
    Giver,
    RelationshipKind,
    SeasonKind,
)
from reciprocity.web import forms


def person_by_id(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(messages.UNKNOWN_PERSON.format(name=str(person_id)))
    return person


def new_person(
    session: Session,
    *,
    name: str,
    kind: str = "friend",
    birthday: str = "",
    my_care: Sequence[str] = (),
    their_care: Sequence[str] = (),
    note: str = "",
    today: date,
) -> Person:
    return add_person(
        session,
        name,
        kind=forms.choice(kind or "friend", RelationshipKind, "kind of relationship"),
        birthday=forms.day(birthday, today=today, default_today=False),
        my_care=forms.choices(my_care, CareStyle, "way of caring"),
        their_care=forms.choices(their_care, CareStyle, "way of caring"),
        note=note.strip(),
    )


def log_moment(
    session: Session,
    person: Person,
    *,
    text: str,
    by: str = "me",
    dimensions: Sequence[str] = (),
    style: str = "",
    energy: str | int | None = None,
    on: str = "",
    today: date,
) -> Moment:
    moment = note_moment(
        person,
        text,
        on=forms.day(on, today=today),
        by=forms.choice(by or "me", Giver, "side (me, them or both)"),
        dimensions=forms.choices(dimensions, Dimension, "dimension"),
        style=forms.optional_choice(style, CareStyle, "way of caring"),
        energy=forms.optional_int(
            "" if energy is None else str(energy),
            low=ENERGY_MIN,
            high=ENERGY_MAX,
            message=messages.ENERGY_RANGE,
        ),
    )
    session.add(moment)
    session.flush()
    return moment


def start_season(
    session: Session, *, whose: str, kind: str, on: str = "", note: str = "", today: date
) -> Season:
    owner = None if whose.strip().casefold() in ("", ME) else find_person(session, whose)
    season = Season(
        person=owner,
        kind=forms.choice(kind, SeasonKind, "kind of season"),
        start=forms.day(on, today=today),
        note=note.strip(),
    )
    session.add(season)
    session.flush()
    return season


def end_season(session: Session, season_id: int, *, on: str = "", today: date) -> Season:
    return model_end_season(session, season_id, forms.day(on, today=today) or today)


def all_seasons(session: Session) -> list[Season]:
    """Ongoing seasons first, then the most recent."""
    found = list(session.scalars(select(Season).order_by(Season.start.desc(), Season.id)))
    return sorted(found, key=lambda s: s.end is not None)


def lean(
    rating: str | int | None, direction: str | None, vision: str | None, label: str
) -> tuple[int, Direction, str | None]:
    """One rating with its direction and vision, checked by the audit's own rules."""
    value = forms.optional_int(
        "" if rating is None else str(rating),
        low=-(10**9),
        high=10**9,
        message=messages.RATING_RANGE,
    )
    if value is None:
        raise InputError(messages.RATING_RANGE.format(value="(blank)"))
    check_rating(value)
    leaning = (
        Direction.MUTUAL
        if value == 5
        else forms.choice(direction or "mutual", Direction, "direction (me or them)")
    )
    words = (vision or "").strip() or None
    check_lean(value, leaning, words, label)
    return value, leaning, words


def build_audit(session: Session, document: dict[str, Any], *, today: date) -> Audit:
    """An audit from its JSON shape (``Audit.as_dict``), checked whole; added to the session."""
    from reciprocity.coach import web as words

    try:
        return _build_audit(session, document, today)
    except (AttributeError, TypeError, KeyError):
        raise InputError(words.AUDIT_DRAFT_BROKEN) from None


def _build_audit(session: Session, document: dict[str, Any], today: date) -> Audit:
    on = forms.day(str(document.get("date") or ""), today=today) or today
    audit = Audit(on=on, note=str(document.get("note") or ""))
    for raw in document.get("entries") or []:
        person = find_person(session, str(raw.get("person", "")))
        rating, direction, vision = lean(
            raw.get("rating"), raw.get("direction"), raw.get("vision"), "overall"
        )
        entry = AuditEntry(
            person=person,
            rating=rating,
            direction=direction,
            vision=vision,
            note=str(raw.get("note") or ""),
        )
        for key, part in (raw.get("dimensions") or {}).items():
            dimension = forms.choice(str(key), Dimension, "dimension")
            value, leaning, words = lean(
                part.get("rating"), part.get("direction"), part.get("vision"), dimension.value
            )
            entry.ratings.append(
                DimensionRating(
                    dimension=dimension,
                    rating=value,
                    direction=leaning,
                    vision=words,
                    answers=[
                        {
                            "key": str(a.get("key", "")),
                            "question": str(a.get("question", "")),
                            "answer": str(a.get("answer", "")),
                        }
                        for a in part.get("answers") or []
                    ],
                )
            )
        audit.entries.append(entry)
    if not audit.entries:
        raise InputError(messages.AUDIT_NEEDS_PEOPLE)
    audit.check_complete()
    session.add(audit)
    session.flush()
    return audit
