"""The patterns the web app keeps: worked out again only for whom a write touched, never stale.

Each check compares the kept patterns with everyone's worked out afresh from
the same real database (a SQLite file, then PostgreSQL), after writes made the
way the app makes them, or by another process beside it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.model import Moment, Person, Season
from reciprocity.model.moment import note_moment
from reciprocity.model.person import add_person, all_people
from reciprocity.patterns import RelationshipPattern
from reciprocity.services.patterns import PatternCache, all_patterns
from reciprocity.store import Database, open_database
from reciprocity.vocabulary import Dimension, Giver, SeasonKind
from tests.databases import Databases

TODAY = date(2026, 11, 1)


@pytest.fixture
def demo_url(databases: Databases) -> str:
    return databases.demo(today=TODAY)


@pytest.fixture
def store(databases: Databases, demo_url: str) -> Iterator[Database]:
    database = open_database(databases.copy(demo_url, "store"))
    yield database
    database.close()


def fresh(database: Database) -> list[RelationshipPattern]:
    with database.transaction() as session:
        return all_patterns(session, today=TODAY)


def kept(cache: PatternCache, database: Database) -> list[RelationshipPattern]:
    with database.transaction() as session:
        return cache.all_patterns(session, today=TODAY)


def worked_out_again(
    before: list[RelationshipPattern], after: list[RelationshipPattern]
) -> set[str]:
    """Whose patterns are new objects (the others were kept as they were)."""
    kept_ones = {id(pattern) for pattern in before}
    return {pattern.person for pattern in after if id(pattern) not in kept_ones}


def _someone(session: Session, name: str) -> Person:
    return next(p for p in all_people(session) if p.name == name)


def _note(session: Session, person: Person, days_ago: int = 0) -> None:
    session.add(
        note_moment(
            person,
            "a long call",
            on=TODAY - timedelta(days=days_ago),
            by=Giver.THEM,
            dimensions=(Dimension.DEPTH,),
        )
    )


def test_a_moment_works_out_again_only_that_persons_patterns(store: Database) -> None:
    cache = PatternCache()
    before = kept(cache, store)
    assert kept(cache, store) is before  # nothing written: the same list
    with store.transaction() as session:
        _note(session, _someone(session, "Rosa"))
    after = kept(cache, store)
    assert after == fresh(store)
    assert worked_out_again(before, after) == {"Rosa"}


def test_moving_a_moment_to_someone_else_touches_both(store: Database) -> None:
    cache = PatternCache()
    before = kept(cache, store)
    with store.transaction() as session:
        moment = session.scalars(
            select(Moment).where(Moment.person_id == _someone(session, "Sam").id)
        ).first()
        assert moment is not None
        moment.person = _someone(session, "Priya")
    after = kept(cache, store)
    assert after == fresh(store)
    assert worked_out_again(before, after) == {"Sam", "Priya"}


def test_a_write_from_another_process_works_out_again_only_that_persons_patterns(
    store: Database,
) -> None:
    cache = PatternCache()
    before = kept(cache, store)
    elsewhere = open_database(str(store.url))  # its own engine and sessions, as the CLI has
    with elsewhere.transaction() as session:
        _note(session, _someone(session, "Sam"))
    elsewhere.close()
    after = kept(cache, store)
    assert after == fresh(store)
    assert worked_out_again(before, after) == {"Sam"}
    assert cache.worked_out == len(after) + 1

    with store.transaction() as session:  # the user's own season bears on everyone
        session.add(Season(person=None, kind=SeasonKind.ILLNESS, start=TODAY - timedelta(days=3)))
    again = kept(cache, store)
    assert again == fresh(store)
    assert worked_out_again(after, again) == {p.person for p in again}
    assert cache.last_worked_out is None


def test_someone_added_renamed_or_removed_is_kept_in_order(store: Database) -> None:
    cache = PatternCache()
    kept(cache, store)
    with store.transaction() as session:
        add_person(session, "Aaron")
    assert [p.person for p in kept(cache, store)] == [p.person for p in fresh(store)]
    with store.transaction() as session:
        _someone(session, "Aaron").name = "Zoe"
    assert kept(cache, store) == fresh(store)
    with store.transaction() as session:
        session.delete(_someone(session, "Rosa"))
    assert kept(cache, store) == fresh(store)
    assert "Rosa" not in {p.person for p in kept(cache, store)}


# A random run of writes: after each, what is kept is what working it all out gives.
_EXAMPLES = itertools.count(1)  # each example writes to its own copy of the demo
_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["note", "move", "season", "own season", "rename", "energy", "nothing"]),
        st.integers(0, 20),
        st.integers(0, 400),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


def _step(session: Session, action: str, pick: int, days: int) -> None:
    people = all_people(session)
    person = people[pick % len(people)]
    moments = list(session.scalars(select(Moment).order_by(Moment.id)))
    moment = moments[(pick * 7919) % len(moments)]
    if action == "note":
        _note(session, person, days)
    elif action == "move":
        moment.person = person
    elif action == "season":
        session.add(Season(person=person, kind=SeasonKind.GRIEF, start=TODAY - timedelta(days)))
    elif action == "own season":
        session.add(Season(person=None, kind=SeasonKind.MOVE, start=TODAY - timedelta(days)))
    elif action == "rename":
        person.name = f"{person.name} {days}"
    elif action == "energy":
        moment.energy = days % 5 - 2


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=_STEPS)
def test_whatever_is_written_what_is_kept_is_what_working_it_all_out_gives(
    databases: Databases, demo_url: str, steps: list[tuple[str, int, int, bool]]
) -> None:
    database = open_database(databases.copy(demo_url, f"store-{next(_EXAMPLES)}"))
    other = open_database(str(database.url.render_as_string(hide_password=False)))
    try:
        cache = PatternCache()
        kept(cache, database)
        for action, pick, days, from_elsewhere in steps:  # by this app, or another process
            with (other if from_elsewhere else database).transaction() as session:
                _step(session, action, pick, days)
            assert kept(cache, database) == fresh(database), (action, pick, days, from_elsewhere)
    finally:
        other.close()
        database.close()
