"""Patterns of the stored relationships: the one place that feeds the analysis.

Loads each person's moments and the evidence from their imported chats, the
seasons that bear on them (theirs and the user's own) and the felt ratings of
the latest audit that included them, and hands them to the pure
``reciprocity.patterns.analyse``. The CLI, the web app and the reports call
these functions rather than repeating the loading.

Moments and evidence are read as plain columns, not as model objects: the
analysis needs five values of each, and building tens of thousands of
objects would take several times longer than the analysis itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from itertools import groupby, repeat
from threading import Lock
from typing import Any, NamedTuple

from sqlalchemy import String, null, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from reciprocity import collector
from reciprocity.coach.safety import signs_in
from reciprocity.model import AuditEntry, CheckIn, DimensionRating, Evidence, Moment, Person, Season
from reciprocity.patterns import FeltRating, PatternSettings, RelationshipPattern, analyse
from reciprocity.services import lookup
from reciprocity.services.lookup import PersonRef
from reciprocity.store import Database, revision
from reciprocity.vocabulary import CareStyle, Dimension, Giver


class Flow(NamedTuple):
    """A stored moment or piece of chat evidence, as the analysis reads it (a ``FlowItem``)."""

    on: date
    by: Giver
    dimensions: tuple[Dimension, ...]
    style: CareStyle | None
    energy: int | None


def felt_ratings(person: Person) -> dict[Dimension, FeltRating]:
    """The dimension ratings of the latest audit that included this person."""
    entries: list[AuditEntry] = sorted(person.audit_entries, key=lambda e: (e.audit.on, e.audit.id))
    if not entries:
        return {}
    return {r.dimension: FeltRating(r.rating, r.direction) for r in entries[-1].ratings}


def pattern_of(
    session: Session, person: Person, *, today: date, settings: PatternSettings | None = None
) -> RelationshipPattern:
    with collector.paused():
        return _patterns_by_person(session, today, settings, only=[person.id])[person.id]


def all_patterns(
    session: Session, *, today: date, settings: PatternSettings | None = None
) -> list[RelationshipPattern]:
    with collector.paused():
        return _in_order(_patterns_by_person(session, today, settings))


def _in_order(by_person: dict[int, RelationshipPattern]) -> list[RelationshipPattern]:
    """By name, as ``all_people`` orders people, for any script."""
    return sorted(by_person.values(), key=lambda p: p.person.casefold())


def _patterns_by_person(
    session: Session, today: date, settings: PatternSettings | None, only: Iterable[int] = ()
) -> dict[int, RelationshipPattern]:
    """Each person's patterns by person id: everyone's, or (given ``only``) those people's."""
    wanted = set(only)
    query = select(Person).options(
        selectinload(Person.seasons),
        selectinload(Person.audit_entries).selectinload(AuditEntry.ratings),
        selectinload(Person.audit_entries).selectinload(AuditEntry.audit),
    )
    if wanted:
        query = query.where(Person.id.in_(wanted))
    people = list(session.scalars(query))
    mine = list(session.scalars(select(Season).where(Season.person_id.is_(None))))
    if wanted:  # a few people: their rows only
        flows: dict[int, list[Flow]] = {}
        worried: set[int] = set()
        for person in people:
            flows.update(load_flows(session, person.id))
            worried |= people_with_safety_signs(session, person.id)
    else:
        flows, worried = load_flows(session), people_with_safety_signs(session)
    return {
        p.id: _analyse(p, flows.get(p.id, []), mine, today, settings, p.id in worried)
        for p in people
    }


def people_with_safety_signs(session: Session, person_id: int | None = None) -> set[int]:
    """Who the user's own words (moments, check-ins, audit visions) speak of fear or harm about."""
    texts: dict[int, list[str]] = defaultdict(list)
    queries = [
        select(Moment.person_id, Moment.text),
        select(
            CheckIn.person_id,
            CheckIn.note,
            CheckIn.me_supported,
            CheckIn.me_meaningful,
            CheckIn.me_drained,
            CheckIn.them_supported,
            CheckIn.them_meaningful,
            CheckIn.them_drained,
        ),
        select(AuditEntry.person_id, DimensionRating.vision).join(DimensionRating.entry),
    ]
    for query in queries:
        if person_id is not None:
            query = query.where(query.selected_columns[0] == person_id)
        for row in session.execute(query):
            owner, written = row[0], row[1:]
            if owner is not None:
                texts[int(owner)].extend(str(w) for w in written if w)
    return {owner for owner, written in texts.items() if signs_in(written)}


class PatternCache:
    """Everyone's patterns, worked out again only for the people whose data has changed.

    Each write, from this process or any other (the command line beside the
    web app), records whose data it touched in the store (``store.revision``).
    On each call the cache reads the changes after the last one it saw (one
    small query) and works out again only those people's patterns; a change
    that touched everyone's (a restore, the user's own season), a new day, or
    falling too far behind works out everyone's. The patterns are frozen, so
    callers share them safely.

    ``worked_out`` counts the patterns worked out so far, and ``last_worked_out``
    says whose the last call worked out (None: everyone's), for whoever wants
    to see what a write cost.
    """

    def __init__(self) -> None:
        self._lock = Lock()
        self._key: tuple[int, date] | None = None
        self._by_person: dict[int, RelationshipPattern] = {}
        self._patterns: list[RelationshipPattern] = []
        self.worked_out = 0
        self.last_worked_out: frozenset[int] | None = frozenset()

    def all_patterns(self, session: Session, *, today: date) -> list[RelationshipPattern]:
        with self._lock:
            seen, by_person, patterns = self._key, self._by_person, self._patterns
        touched: frozenset[int] | None = None
        if seen is None or seen[1] != today:
            newest = revision.newest(session)
        else:
            newest, touched = revision.changes_since(session, seen[0])
            if touched is not None and not touched:  # nothing written since
                with self._lock:
                    if self._key == seen:
                        self._key = (newest, today)
                    self.last_worked_out = touched
                return patterns
        with collector.paused():
            if touched is None:
                by_person = _patterns_by_person(session, today, None)
                done = len(by_person)
            else:
                again = _patterns_by_person(session, today, None, only=touched)
                by_person = {
                    pid: again.get(pid, pattern)
                    for pid, pattern in by_person.items()
                    if pid not in touched or pid in again
                }
                by_person.update(again)
                done = len(again)
        found = _in_order(by_person)
        with self._lock:
            self._key, self._by_person, self._patterns = (newest, today), by_person, found
            self.worked_out += done
            self.last_worked_out = touched
        return found


def load_flows(session: Session, person_id: int | None = None) -> dict[int, list[Flow]]:
    """Every moment and piece of evidence (of one person, or of all), by person id.

    Logged moments and chat evidence count alike. Rows come straight from the
    driver as plain tuples, column by column; each distinct value (there are
    few distinct days, givers and dimension lists) is converted once, and the
    flows are built in C. Works the same whether the driver hands back text
    (SQLite) or typed values (PostgreSQL).
    """
    day = _Converted(lambda raw: raw if isinstance(raw, date) else date.fromisoformat(raw))
    giver = _Converted(Giver)
    dimensions = _Converted(lambda raw: tuple(map(Dimension, json.loads(raw))))
    style = _Converted(lambda raw: None if raw is None else CareStyle(raw))
    found: dict[int, list[Flow]] = defaultdict(list)
    connection = session.connection()
    for model in (Moment, Evidence):
        energy = model.energy if model is Moment else null()
        query = select(
            model.person_id,
            type_coerce(model.on, String),
            type_coerce(model.by, String),
            type_coerce(model.dimensions, String),
            type_coerce(model.style, String),
            energy,
        ).order_by(model.person_id)
        if person_id is not None:
            query = query.where(model.person_id == person_id)
        sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql)
            rows = cursor.fetchall()
        finally:
            cursor.close()
        if not rows:
            continue
        owners, days, givers, dims, styles, levels = zip(*rows, strict=True)
        if not isinstance(dims[0], str):  # a driver that decodes JSON itself
            dims = tuple(map(json.dumps, dims))
        flows = list(
            map(
                tuple.__new__,
                repeat(Flow),
                zip(
                    map(day.__getitem__, days),
                    map(giver.__getitem__, givers),
                    map(dimensions.__getitem__, dims),
                    map(style.__getitem__, styles),
                    levels,
                    strict=True,
                ),
            )
        )
        at = 0
        for owner, same in groupby(owners):
            size = len(list(same))
            found[owner].extend(flows[at : at + size])
            at += size
    return found


class _Converted(dict[Any, Any]):
    """Each distinct raw value converted once, on first sight (so a column converts in C)."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, raw: Any) -> Any:
        value = self[raw] = self.convert(raw)
        return value


def _analyse(
    person: Person,
    flows: list[Flow],
    mine: list[Season],
    today: date,
    settings: PatternSettings | None,
    safety: bool,
) -> RelationshipPattern:
    seasons = [*person.seasons, *mine]
    felt = felt_ratings(person)
    if settings is None:
        return analyse(person.name, flows, seasons, felt, today=today, safety=safety)
    return analyse(person.name, flows, seasons, felt, today=today, settings=settings, safety=safety)


# -- the services the faces call ----------------------------------------------


def of(db: Database, who: PersonRef, *, today: date) -> RelationshipPattern:
    """One relationship's patterns: ``patterns NAME --json`` and ``GET /api/patterns/{id}``."""
    with db.transaction() as session:
        return pattern_of(session, lookup.person(session, who), today=today)


def everyone(
    db: Database, *, today: date, cache: PatternCache | None = None
) -> list[RelationshipPattern]:
    """Everyone's patterns, by name; ``cache`` (the web app's) works out only what changed."""
    with db.transaction() as session:
        if cache is None:
            return all_patterns(session, today=today)
        return cache.all_patterns(session, today=today)
