"""The store on real SQLite files: creation, settings, migrations, backups, bad addresses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from reciprocity.errors import StoreError
from reciprocity.store import migrate, open_database
from reciprocity.store.database import SCHEMA_REVISION, current_revision
from tests.cli_runner import Cli


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


def test_upgrading_from_the_first_layout_keeps_data_and_a_copy(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "v1.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
        connection.execute(
            text("INSERT INTO person (name, kind, my_care, their_care, note) VALUES ('Ana', 'friend', '[]', '[]', '')")
        )
    engine.dispose()
    database = open_database(f"sqlite:///{path}")
    assert database.backup_path is not None and database.backup_path.exists()
    with database.transaction() as session:
        assert session.execute(text("SELECT name, chat_me FROM person")).all() == [("Ana", None)]
        assert session.execute(text("SELECT count(*) FROM evidence")).scalar() == 0
    database.close()
    with sqlite3.connect(database.backup_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer version"):
        open_database(f"sqlite:///{path}")


def test_deleting_a_person_cascades_in_the_database(demo_cli: Cli) -> None:
    demo_cli("people", "remove", "Rosa", "--yes")
    with sqlite3.connect(demo_cli.db) as connection:
        assert connection.execute(
            "SELECT count(*) FROM season WHERE person_id IS NOT NULL"
        ).fetchone() == (2,), "Priya's exams and Theo's move are left"
        orphans = connection.execute(
            "SELECT count(*) FROM moment WHERE person_id NOT IN (SELECT id FROM person)"
        ).fetchone()
        assert orphans == (0,)


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
