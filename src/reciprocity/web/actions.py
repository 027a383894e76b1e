"""What the pages and the JSON API do to the store, written once for both.

Each function takes plain values (as typed), turns them into typed values and
hands them to the model, whose validators hold the rules. Pages and API routes
call these; neither repeats a rule of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import messages
from reciprocity.coach import practices as practice_words
from reciprocity.errors import InputError, NotFoundError
from reciprocity.model import (
    ME,
    Audit,
    AuditEntry,
    Boundary,
    CheckIn,
    DimensionRating,
    Moment,
    Occasion,
    Person,
    Rhythm,
    Ritual,
    Season,
    Win,
)
from reciprocity.model.audit import check_lean, check_rating
from reciprocity.model.boundary import add_boundary, find_boundary
from reciprocity.model.boundary import review_boundary as model_review_boundary
from reciprocity.model.checkin import QUESTIONS, SIDES
from reciprocity.model.moment import note_moment
from reciprocity.model.occasion import find_occasion
from reciprocity.model.person import add_person, find_person
from reciprocity.model.rhythm import find_rhythm
from reciprocity.model.rhythm import set_rhythm as model_set_rhythm
from reciprocity.model.ritual import add_ritual, end_ritual, mark_done, mark_moved, mark_skipped
from reciprocity.model.role import EVERY_MAX, RoleRotation, set_roles
from reciprocity.model.season import end_season as model_end_season
from reciprocity.model.win import note_win
from reciprocity.practices.recurrence import parse_time
from reciprocity.services import checkins
from reciprocity.services.due import person_named
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
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


def share_roles(
    session: Session,
    season_id: int,
    *,
    mine: str,
    theirs: str,
    every: str | int | None = None,
    with_whom: str = "",
    today: date,
) -> RoleRotation:
    """Roles during a season, as typed: ``every`` in days (blank: by hand); ``with_whom`` a name."""
    someone = find_person(session, with_whom) if with_whom.strip() else None
    return set_roles(
        session,
        season_id,
        [mine, theirs],
        today=today,
        every_days=every
        if isinstance(every, int)
        else forms.optional_int(
            every or "",
            low=1,
            high=EVERY_MAX,
            message=practice_words.ROLES_EVERY_RANGE.format(value="{value}", limit=EVERY_MAX),
        ),
        someone=someone,
    )


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


# -- the practices: rituals, check-ins, boundaries, small wins ---------------


def later_day(value: str | None, *, today: date) -> date | None:
    """A day that may lie ahead (a ritual's end, a review, a planned check-in); blank is None."""
    return forms.day(value or "", today=today, default_today=False, allow_future=True)


def new_ritual(
    session: Session,
    person: Person,
    *,
    title: str,
    rule: str,
    start: str = "",
    end: str = "",
    at: str = "",
    zone: str = "",
    others: Sequence[Person] = (),
    first: str | None = None,
    rotates: bool = True,
    note: str = "",
    today: date,
) -> Ritual:
    """A ritual with ``person`` (and ``others``); ``first``: ``"me"`` or a name in the rotation."""
    ritual = add_ritual(
        person,
        title=title,
        rule=rule,
        start=forms.day(start, today=today, allow_future=True) or today,
        end=later_day(end, today=today),
        at=parse_time(at) if at.strip() else None,
        zone=zone.strip() or None,
        others=others,
        first=first,
        rotates=rotates,
        note=note,
    )
    session.add(ritual)
    session.flush()
    return ritual


def ritual_done(
    ritual: Ritual, *, on: str = "", planned: str = "", host: str = "", note: str = "", today: date
) -> date:
    """Mark the occurrence planned for ``planned`` (default: the latest open one) done."""
    return mark_done(
        ritual,
        on=forms.day(on, today=today) or today,
        planned=later_day(planned, today=today),
        host=host.strip() or None,
        note=note,
    )


def ritual_skipped(ritual: Ritual, *, planned: str = "", note: str = "", today: date) -> date:
    return mark_skipped(ritual, today=today, planned=later_day(planned, today=today), note=note)


def ritual_moved(ritual: Ritual, *, to: str, planned: str = "", today: date) -> date:
    from reciprocity.coach import web as words

    day = later_day(to, today=today)
    if day is None:
        raise InputError(words.RITUAL_MOVE_NEEDS_DAY)
    return mark_moved(ritual, today=today, to=day, planned=later_day(planned, today=today))


def ritual_ended(ritual: Ritual, *, on: str = "", today: date) -> date:
    """Let a ritual end on ``on`` (blank: today), its last day."""
    return end_ritual(ritual, on=later_day(on, today=today) or today)


def record_checkin(
    session: Session,
    person: Person,
    *,
    sides: Mapping[str, Mapping[str, str]],
    adjustments: Sequence[str] = (),
    outcomes: Mapping[int, str] = {},
    on: str = "",
    next_on: str = "",
    today: date,
) -> CheckIn:
    """A check-in as held, and how last time's adjustments went (a blank outcome: not now)."""
    day = forms.day(on, today=today) or today
    planned = later_day(next_on, today=today)
    checkin = checkins.record_checkin(
        person,
        on=day,
        sides={s: {q: sides.get(s, {}).get(q, "") for q in QUESTIONS} for s in SIDES},
        adjustments=adjustments,
        outcomes={
            key: forms.choice(value, AdjustmentOutcome, "outcome (happened, partly, not-yet)")
            for key, value in outcomes.items()
            if value.strip()
        },
        previous=checkins.last_checkin(session, person),
        next_on=planned,
    )
    session.add(checkin)
    session.flush()
    return checkin


def new_boundary(
    session: Session,
    *,
    whose: str,
    area: str,
    request: str,
    since: str = "",
    review: str = "",
    note: str = "",
    today: date,
) -> Boundary:
    """A boundary with someone, or the user's own (``whose`` is ``"me"``), as worded."""
    boundary = add_boundary(
        person_named(session, whose or ME),
        area=forms.choice(area, BoundaryArea, "area"),
        request=request,
        since=forms.day(since, today=today) or today,
        review_on=later_day(review, today=today),
        note=note,
    )
    session.add(boundary)
    session.flush()
    return boundary


def review_boundary(
    session: Session,
    boundary_id: int,
    *,
    status: str,
    request: str = "",
    next_review: str = "",
    note: str | None = None,
    today: date,
) -> Boundary:
    """Where a boundary stands now; blank request and note keep the ones it has."""
    return model_review_boundary(
        find_boundary(session, boundary_id),
        status=forms.choice(status, BoundaryStatus, "status"),
        today=today,
        request=request.strip() or None,
        next_review=later_day(next_review, today=today),
        note=note or None,
    )


def new_win(session: Session, *, whose: str, text: str, on: str = "", today: date) -> Win:
    """A small win with someone, or one of the user's own (``whose`` is ``"me"``)."""
    if not whose.strip():
        raise InputError(practice_words.WIN_NEEDS_SOMEONE)
    win = note_win(person_named(session, whose), text=text, on=forms.day(on, today=today) or today)
    session.add(win)
    session.flush()
    return win


# -- keep-in-touch rhythms and dates to remember ------------------------------


def gap(value: str | int | None) -> int | None:
    """A gap in days as typed (blank: None); the model holds its range and the two gaps' order."""
    if isinstance(value, int):
        return value
    if value is None or not value.strip():
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InputError(practice_words.GAP_NOT_A_NUMBER.format(value=value)) from None


def set_rhythm(
    session: Session, person: Person, *, ideal: str | int | None, longest: str | int | None = None
) -> Rhythm:
    """Set or change the rhythm with ``person``; a blank longest gap is twice the ideal one."""
    ideal_days = gap(ideal)
    if ideal_days is None:
        raise InputError(practice_words.GAP_NEEDED)
    return model_set_rhythm(session, person, ideal=ideal_days, longest=gap(longest))


def clear_rhythm(session: Session, rhythm_id: int) -> Rhythm:
    """Clear a rhythm; what was noted with the person stays. The cleared rhythm is returned."""
    rhythm = find_rhythm(session, rhythm_id)
    _ = rhythm.person  # still readable once the row is gone
    session.delete(rhythm)
    session.flush()
    return rhythm


def new_occasion(
    session: Session, *, whose: str, title: str, on: str, yearly: bool = True, today: date
) -> Occasion:
    """A date to remember, someone's or the user's own (``whose`` is ``"me"``)."""
    if not whose.strip():
        raise InputError(practice_words.OCCASION_NEEDS_SOMEONE)
    owner = person_named(session, whose)
    day = later_day(on, today=today)
    if day is None:
        raise InputError(practice_words.OCCASION_NEEDS_DAY)
    occasion = Occasion(person=owner, title=title, on=day, yearly=yearly)
    session.add(occasion)
    session.flush()
    return occasion


def remove_occasion(session: Session, occasion_id: int) -> Occasion:
    """Remove a date to remember; the removed one is returned, still readable."""
    occasion = find_occasion(session, occasion_id)
    _ = occasion.person
    session.delete(occasion)
    session.flush()
    return occasion
