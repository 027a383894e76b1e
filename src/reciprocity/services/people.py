"""The people in your life: adding, changing and removing them, and seeing them.

A person is one relationship with the user. What is kept about them (moments,
seasons, audit entries, chats) goes with them when they are removed, and a
removal says first what would go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from reciprocity.dates import PartialDate
from reciprocity.model import AuditEntry, Moment, Occasion, Person, Season
from reciprocity.model.occasion import TITLE_LENGTH
from reciprocity.model.person import add_person, all_people, rename_person
from reciprocity.patterns import RelationshipPattern
from reciprocity.services.data import remove_found
from reciprocity.services.lookup import PersonRef, person
from reciprocity.services.patterns import pattern_of
from reciprocity.store import Database
from reciprocity.vocabulary import CareStyle, RelationshipKind

RECENT_MOMENTS = 12
"""The newest moments ``detail`` carries."""


@dataclass(frozen=True)
class PersonRow:
    """Someone in the list, with how many moments are noted and the latest one's day."""

    person: Person
    moments: int
    last_moment: date | None


@dataclass(frozen=True)
class PersonDetail:
    """One person: their row, recent moments (newest first), seasons and latest audit entry."""

    row: PersonRow
    recent_moments: list[Moment]
    seasons: list[Season]
    latest_entry: AuditEntry | None


@dataclass(frozen=True)
class PersonPage:
    """What a person's page shows: their patterns, the seasons bearing on them (theirs and
    the user's own, latest first) and their audit entries (latest first). Their moments
    come a page at a time from ``services.moments.search``."""

    person: Person
    pattern: RelationshipPattern
    seasons: list[Season]
    entries: list[AuditEntry]


@dataclass(frozen=True)
class Removal:
    """What goes with someone who is removed."""

    name: str
    moments: int
    seasons: int
    ratings: int


@dataclass(frozen=True)
class Changes:
    """What ``edit`` changes; ``None`` leaves a detail as it is (``clear_birthday`` clears it)."""

    name: str | None = None
    kind: RelationshipKind | None = None
    birthday: PartialDate | None = None
    clear_birthday: bool = False
    my_care: Sequence[CareStyle] | None = None
    their_care: Sequence[CareStyle] | None = None
    note: str | None = None


def everyone(db: Database) -> list[Person]:
    """Everyone, by name."""
    with db.transaction() as session:
        return all_people(session)


def rows(db: Database) -> list[PersonRow]:
    """Everyone, by name, with their moments counted."""
    with db.transaction() as session:
        stats = _moment_stats(session)
        return [PersonRow(p, *stats.get(p.id, (0, None))) for p in all_people(session)]


def get(db: Database, ref: PersonRef) -> Person:
    with db.transaction() as session:
        return person(session, ref)


def detail(db: Database, ref: PersonRef) -> PersonDetail:
    with db.transaction() as session:
        found = person(session, ref)
        stats = _moment_stats(session, found.id)
        recent = list(
            session.scalars(
                select(Moment)
                .options(selectinload(Moment.person))
                .where(Moment.person_id == found.id)
                .order_by(Moment.on.desc(), Moment.id.desc())
                .limit(RECENT_MOMENTS)
            )
        )
        seasons = list(
            session.scalars(
                select(Season)
                .where(Season.person_id == found.id)
                .options(selectinload(Season.person))
                .order_by(Season.start, Season.id)
            )
        )
        return PersonDetail(
            PersonRow(found, *stats.get(found.id, (0, None))),
            recent,
            seasons,
            latest_entry(found),
        )


def page(db: Database, ref: PersonRef, *, today: date) -> PersonPage:
    """A person's page: their patterns, the seasons bearing on them and their audits."""
    with db.transaction() as session:
        found = person(session, ref)
        pattern = pattern_of(session, found, today=today)
        bearing = select(Season).where((Season.person_id == found.id) | Season.person_id.is_(None))
        seasons = list(
            session.scalars(
                bearing.options(selectinload(Season.person)).order_by(
                    Season.start.desc(), Season.id
                )
            )
        )
        entries = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.person_id == found.id)
                .options(selectinload(AuditEntry.audit), selectinload(AuditEntry.ratings))
            )
        )
        entries.sort(key=lambda e: (e.audit.on, e.audit.id), reverse=True)
        return PersonPage(found, pattern, seasons, entries)


def add(
    db: Database,
    name: str,
    *,
    kind: RelationshipKind = RelationshipKind.FRIEND,
    birthday: PartialDate | None = None,
    my_care: Sequence[CareStyle] = (),
    their_care: Sequence[CareStyle] = (),
    note: str = "",
) -> Person:
    with db.transaction() as session:
        return add_person(
            session,
            name,
            kind=kind,
            born=birthday,
            my_care=list(my_care),
            their_care=list(their_care),
            note=note.strip(),
        )


@dataclass(frozen=True)
class Newcomer:
    """Someone from an address book: their name, birthday, dates to remember and note."""

    name: str
    birthday: PartialDate | None = None
    dates: Sequence[tuple[str, PartialDate]] = ()
    note: str = ""


@dataclass(frozen=True)
class BroughtIn:
    """What ``bring_in`` did: who was added, who had blanks filled in, who was already whole."""

    added: list[str]
    filled: list[str]
    unchanged: list[str]
    dates: int
    """Dates to remember added, to the people added and to the ones filled in."""


def bring_in(db: Database, newcomers: Sequence[Newcomer], *, today: date) -> BroughtIn:
    """Add people from an address book, all in one transaction (a problem adds no one).

    Someone already in the list (the same name, case and spacing aside) is never added
    twice: only what they lack is filled in (a birthday, a note, a date to remember not
    already kept). A yearly date without its year is kept from its latest return.
    """
    added: list[str] = []
    filled: list[str] = []
    unchanged: list[str] = []
    dates = 0
    with db.transaction() as session:
        present = {p.name.casefold(): p for p in all_people(session)}
        for newcomer in newcomers:
            found = present.get(" ".join(newcomer.name.split()).casefold())
            if found is None:
                found = add_person(
                    session, newcomer.name, born=newcomer.birthday, note=newcomer.note.strip()
                )
                present[found.name.casefold()] = found
                added.append(found.name)
                dates += _add_dates(session, found, newcomer.dates, today)
                continue
            more = _add_dates(session, found, newcomer.dates, today)
            changed = bool(more)
            if found.born is None and newcomer.birthday is not None:
                found.born, changed = newcomer.birthday, True
            if not found.note and newcomer.note:
                found.note, changed = newcomer.note, True
            (filled if changed else unchanged).append(found.name)
            dates += more
        session.flush()
    return BroughtIn(added, filled, unchanged, dates)


def _add_dates(
    session: Session, found: Person, dates: Sequence[tuple[str, PartialDate]], today: date
) -> int:
    """Add the dates ``found`` does not keep yet (the same title on the same day)."""
    kept = {
        (o.title.casefold(), o.on.month, o.on.day)
        for o in session.scalars(select(Occasion).where(Occasion.person_id == found.id))
    }
    count = 0
    for title, day in dates:
        short = " ".join(title.split())[:TITLE_LENGTH]
        if (short.casefold(), day.month, day.day) in kept:
            continue
        on = day.latest(today) if day.year is None else day.in_year(day.year)
        session.add(Occasion(person=found, title=short, on=on, yearly=True))
        kept.add((short.casefold(), day.month, day.day))
        count += 1
    return count


def edit(db: Database, ref: PersonRef, changes: Changes) -> Person:
    """Change someone's details; what ``changes`` leaves out stays as it is."""
    with db.transaction() as session:
        found = person(session, ref)
        if changes.name is not None:
            rename_person(session, found, changes.name)
        if changes.kind is not None:
            found.kind = changes.kind
        if changes.clear_birthday:
            found.born = None
        elif changes.birthday is not None:
            found.born = changes.birthday
        if changes.my_care is not None:
            found.my_care = list(changes.my_care)
        if changes.their_care is not None:
            found.their_care = list(changes.their_care)
        if changes.note is not None:
            found.note = changes.note
        session.flush()
        return found


def removal(db: Database, ref: PersonRef) -> Removal:
    """What removing someone would take with them; nothing is changed."""
    with db.transaction() as session:
        return removal_of(person(session, ref))


def remove(db: Database, ref: PersonRef) -> tuple[Removal, Path | None]:
    """Remove someone and everything kept about them; a copy of everything is kept first."""
    gone = removal(db, ref)
    _, copy = remove_found(db, lambda session: person(session, ref))
    return gone, copy


def latest_entry(found: Person) -> AuditEntry | None:
    """The person's entry in the latest audit that included them."""
    entries = sorted(found.audit_entries, key=lambda e: (e.audit.on, e.audit.id))
    if not entries:
        return None
    latest = entries[-1]
    _ = latest.audit, latest.ratings, latest.person  # loaded for the caller
    return latest


def removal_of(found: Person) -> Removal:
    return Removal(
        name=found.name,
        moments=len(found.moments),
        seasons=len(found.seasons),
        ratings=len(found.audit_entries),
    )


def _moment_stats(
    session: Session, person_id: int | None = None
) -> dict[int, tuple[int, date | None]]:
    query = select(Moment.person_id, func.count(Moment.id), func.max(Moment.on)).group_by(
        Moment.person_id
    )
    if person_id is not None:
        query = query.where(Moment.person_id == person_id)
    return {pid: (count, last) for pid, count, last in session.execute(query)}
