"""Patterns of the stored relationships: the one place that feeds the analysis.

Loads each person's moments and the evidence from their imported chats, the seasons that bear on them (theirs and the
user's own) and the felt ratings of the latest audit that included them, and
hands them to the pure ``reciprocity.patterns.analyse``. The CLI, and later the
web app and reports, call these functions rather than repeating the loading.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reciprocity.model import AuditEntry, Person, Season
from reciprocity.patterns import FeltRating, FlowItem, PatternSettings, RelationshipPattern, analyse
from reciprocity.vocabulary import Dimension


def felt_ratings(person: Person) -> dict[Dimension, FeltRating]:
    """The dimension ratings of the latest audit that included this person."""
    entries: list[AuditEntry] = sorted(person.audit_entries, key=lambda e: (e.audit.on, e.audit.id))
    if not entries:
        return {}
    return {r.dimension: FeltRating(r.rating, r.direction) for r in entries[-1].ratings}


def pattern_of(
    session: Session, person: Person, *, today: date, settings: PatternSettings | None = None
) -> RelationshipPattern:
    mine = list(session.scalars(select(Season).where(Season.person_id.is_(None))))
    return _analyse(person, mine, today, settings)


def all_patterns(
    session: Session, *, today: date, settings: PatternSettings | None = None
) -> list[RelationshipPattern]:
    people = list(
        session.scalars(
            select(Person).options(
                selectinload(Person.moments),
                selectinload(Person.evidence),
                selectinload(Person.seasons),
                selectinload(Person.audit_entries).selectinload(AuditEntry.ratings),
                selectinload(Person.audit_entries).selectinload(AuditEntry.audit),
            )
        )
    )
    mine = list(session.scalars(select(Season).where(Season.person_id.is_(None))))
    people.sort(key=lambda p: p.name.casefold())  # as all_people orders them, for any script
    return [_analyse(person, mine, today, settings) for person in people]


def _analyse(
    person: Person, mine: list[Season], today: date, settings: PatternSettings | None
) -> RelationshipPattern:
    seasons = [*person.seasons, *mine]
    flows: list[FlowItem] = [
        *person.moments,
        *person.evidence,
    ]  # logged moments and chat evidence count alike
    if settings is None:
        return analyse(person.name, flows, seasons, felt_ratings(person), today=today)
    return analyse(
        person.name, flows, seasons, felt_ratings(person), today=today, settings=settings
    )
