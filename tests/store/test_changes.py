"""The change table: whose data each write touched, kept in the store, small, and read cheaply.

On a SQLite file, then PostgreSQL; each write is made with an engine of its
own, as another process (the command line beside the web app) would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, func, select, text

from reciprocity.model import Moment, Person, Season
from reciprocity.model.moment import note_moment
from reciprocity.model.person import all_people
from reciprocity.services.patterns import PatternCache, all_patterns
from reciprocity.store import Database, migrate, open_database, revision
from reciprocity.store.revision import Change, changes_since, newest
from reciprocity.vocabulary import Giver, SeasonKind
from tests.databases import Databases

TODAY = date(2026, 11, 1)


@pytest.fixture
def store(databases: Databases) -> Iterator[Database]:
    database = open_database(databases.demo(today=TODAY))
    yield database
    database.close()


def elsewhere(database: Database) -> Database:
    return open_database(str(database.url.render_as_string(hide_password=False)))


def ids(database: Database) -> dict[str, int]:
    with database.transaction() as session:
        return {p.name: p.id for p in all_people(session)}


def note(database: Database, name: str, days_ago: int = 0) -> None:
    other = elsewhere(database)
    try:
        with other.transaction() as session:
            person = next(p for p in all_people(session) if p.name == name)
            on = TODAY - timedelta(days=days_ago)
            session.add(note_moment(person, "a long call", on=on, by=Giver.THEM))
    finally:
        other.close()


def seen(database: Database) -> int:
    with database.transaction() as session:
        return newest(session)


def since(database: Database, last: int) -> tuple[int, frozenset[int] | None]:
    with database.transaction() as session:
        return changes_since(session, last)


def rows(database: Database) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(Change)) or 0


def test_each_write_names_whose_data_it_touched(store: Database) -> None:
    people = ids(store)
    last = seen(store)
    note(store, "Sam")
    note(store, "Rosa")
    now, touched = since(store, last)
    assert now > last and touched == {people["Sam"], people["Rosa"]}
    assert since(store, now) == (now, frozenset())  # nothing since

    other = elsewhere(store)
    with other.transaction() as session:  # a moment moved from Sam to Priya touches both
        moment = session.scalars(select(Moment).where(Moment.person_id == people["Sam"])).first()
        assert moment is not None
        moment.person_id = people["Priya"]
    other.close()
    assert since(store, now)[1] == {people["Sam"], people["Priya"]}

    now = seen(store)
    with store.transaction() as session:  # the user's own season bears on everyone
        session.add(Season(person=None, kind=SeasonKind.MOVE, start=TODAY))
    assert since(store, now)[1] is None


def test_reads_and_writes_rolled_back_record_nothing(store: Database) -> None:
    last = seen(store)
    with store.transaction() as session:
        all_patterns(session, today=TODAY)
    with pytest.raises(RuntimeError), store.transaction() as session:
        person = session.get_one(Person, ids(store)["Sam"])
        session.add(note_moment(person, "not kept", on=TODAY, by=Giver.ME))
        session.flush()
        raise RuntimeError("changed my mind")
    assert since(store, last) == (last, frozenset())


def test_the_table_stays_small_and_a_reader_left_behind_works_out_everyone(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(revision, "KEEP", 4)
    cache = PatternCache()
    with store.transaction() as session:
        cache.all_patterns(session, today=TODAY)
    counted = cache.worked_out
    for days_ago in range(10):
        note(store, "Sam", days_ago)
    assert rows(store) <= 4 + 1
    with store.transaction() as session:  # what it saw last is gone: it cannot know whose
        assert cache.all_patterns(session, today=TODAY) == all_patterns(session, today=TODAY)
    assert cache.last_worked_out is None and cache.worked_out == counted * 2

    note(store, "Theo")  # caught up again: one person at a time
    with store.transaction() as session:
        cache.all_patterns(session, today=TODAY)
    assert cache.last_worked_out == {ids(store)["Theo"]}


def test_a_store_from_before_the_change_table_is_brought_up_to_date(databases: Databases) -> None:
    from alembic import command

    url = databases.new("v5", layout=False)
    engine = create_engine(url)
    cfg = migrate.config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0005")
        for name in ("Ana", "Ben"):
            connection.execute(
                text(
                    "INSERT INTO person (name, kind, my_care, their_care, note) "
                    "VALUES (:name, 'friend', '[]', '[]', '')"
                ),
                {"name": name},
            )
        connection.execute(text("UPDATE store_revision SET number = 41"))
    engine.dispose()

    database = open_database(url)
    try:
        with database.transaction() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0007"
            assert session.execute(select(Change.person_id)).all() == [(None,)]  # one, naming no one
            assert revision.current(session) == 41
        cache = PatternCache()
        with database.transaction() as session:
            assert [p.person for p in cache.all_patterns(session, today=TODAY)] == ["Ana", "Ben"]
        note(database, "Ben")
        with database.transaction() as session:
            assert cache.all_patterns(session, today=TODAY) == all_patterns(session, today=TODAY)
        assert cache.last_worked_out == {ids(database)["Ben"]}
    finally:
        database.close()
