"""The store on real SQLite files and PostgreSQL databases: creation, migrations, backups, bad addresses.

Copies kept beside a file, the journal mode and files that are not databases
are about SQLite alone; everything else runs on both backends.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from reciprocity.errors import StoreError
from reciprocity.model import Person
from reciprocity.store import migrate, open_database
from reciprocity.store.database import SCHEMA_REVISION, current_revision
from tests.cli_runner import Cli
from tests.databases import Databases, postgresql_only


def test_schema_revision_matches_the_newest_migration() -> None:
    assert migrate.head() == SCHEMA_REVISION


def test_a_new_file_is_created_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    with database.transaction() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert current_revision(database.engine) == SCHEMA_REVISION
    assert database.backup_path is None
    database.close()


def test_a_new_database_is_migrated_and_keeps_its_references_whole(databases: Databases) -> None:
    database = open_database(databases.new("new", layout=False))
    assert current_revision(database.engine) == SCHEMA_REVISION
    assert database.backup_path is None
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO moment (person_id, day, giver, dimensions, text, created_at) "
                "VALUES (99, :day, 'me', '[]', 'a walk', :now)"
            ),
            {"day": date(2026, 11, 1), "now": datetime(2026, 11, 1, 9, 0)},
        )
    database.close()


def test_the_file_is_copied_aside_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:  # pretend an older layout is in place
        connection.execute(
            "INSERT INTO person (name, kind, my_care, their_care, note) VALUES ('Ana', 'friend', '[]', '[]', '')"
        )
        connection.execute("DELETE FROM alembic_version")
    with pytest.raises(StoreError):  # tables exist, so re-creating them fails: said plainly
        open_database(f"sqlite:///{path}")
    copies = list(tmp_path.glob(f"old.before-{SCHEMA_REVISION}.*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as connection:
        assert connection.execute("SELECT name FROM person").fetchall() == [("Ana",)]


def test_tables_whose_layout_is_not_recorded_are_refused_plainly(databases: Databases) -> None:
    url = databases.new("unrecorded")
    open_database(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))
    engine.dispose()
    with pytest.raises(
        StoreError, match=r"Could not open the database at .+: .*audit.? already exists"
    ):
        open_database(url)


def test_upgrading_from_the_first_layout_keeps_data_and_a_copy(databases: Databases) -> None:
    from alembic import command

    url = databases.new("v1", layout=False)
    engine = create_engine(url)
    cfg = migrate.config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
        connection.execute(
            text(
                "INSERT INTO person (name, kind, my_care, their_care, note) VALUES ('Ana', 'friend', '[]', '[]', '')"
            )
        )
    engine.dispose()
    database = open_database(url)
    if databases.backend != "sqlite":
        assert database.backup_path is None, "only a SQLite file is copied aside"
    else:
        assert database.backup_path is not None and database.backup_path.exists()
    with database.transaction() as session:
        assert session.execute(text("SELECT name, chat_me FROM person")).all() == [("Ana", None)]
        assert session.execute(text("SELECT count(*) FROM evidence")).scalar() == 0
    database.close()
    if database.backup_path is not None:
        with sqlite3.connect(database.backup_path) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
                ("0001",)
            ]


def test_a_newer_database_is_refused(databases: Databases) -> None:
    url = databases.new("future")
    open_database(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer version"):
        open_database(url)


def test_deleting_a_person_cascades_in_the_database(demo_cli: Cli) -> None:
    demo_cli("people", "remove", "Rosa", "--yes")
    engine = create_engine(demo_cli.url)
    with engine.connect() as connection:
        assert connection.execute(
            text("SELECT count(*) FROM season WHERE person_id IS NOT NULL")
        ).one() == (2,), "Priya's exams and Theo's move are left"
        orphans = connection.execute(
            text("SELECT count(*) FROM moment WHERE person_id NOT IN (SELECT id FROM person)")
        ).one()
        assert orphans == (0,)
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "not a database address"),
        ("nosuchdb://x", "driver for nosuchdb is not installed"),
        ("sqlite:////no/such/folder/x.db", "folder /no/such/folder does not exist"),
    ],
)
def test_addresses_that_cannot_be_opened(
    url: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reciprocity.cli.main import run

    assert run(["--db", url, "people", "list"]) == 1
    err = capsys.readouterr().err
    assert expected in err and len(err.strip().splitlines()) == 1


@postgresql_only
def test_a_postgresql_database_that_is_not_there(
    databases: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    from reciprocity.cli.main import run

    assert databases.cluster is not None
    url = databases.cluster.url("nowhere")
    assert run(["--db", url, "people", "list"]) == 1
    err = capsys.readouterr().err
    assert 'database "nowhere" does not exist' in err and len(err.strip().splitlines()) == 1
    assert "reciprocity@/nowhere" in err, "the address is named, as it was given"


@postgresql_only
def test_the_store_goes_on_after_the_database_server_restarts(databases: Databases) -> None:
    database = open_database(databases.new("restarted"))
    with database.transaction() as session:
        session.add(Person(name="Sam"))
    assert databases.cluster is not None
    databases.cluster.restart()  # the pooled connection is now cut
    with database.transaction() as session:
        assert [p.name for p in session.scalars(select(Person))] == ["Sam"]
    database.close()


def test_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reciprocity.cli.main import run

    path = tmp_path / "notes.db"
    path.write_text("shopping list\n" * 100)
    assert run(["--db", f"sqlite:///{path}", "people", "list"]) == 1
    assert "not a reciprocity database" in capsys.readouterr().err
    assert path.read_text() == "shopping list\n" * 100


def test_environment_variable_and_default_location(tmp_path: Path) -> None:
    env = {"RECIPROCITY_DB": f"sqlite:///{tmp_path / 'from-env.db'}"}
    cli = Cli(tmp_path / "unused.db", None)  # type: ignore[arg-type]
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "reciprocity", "people", "add", "Ana"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "from-env.db").exists() and not cli.db.exists()
    home = {k: v for k, v in os.environ.items() if k != "RECIPROCITY_DB"}
    home.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "reciprocity", "people", "list", "--json"],
        env=home,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "reciprocity" / "reciprocity.db").exists()
