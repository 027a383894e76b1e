"""The store's revision moves with every write, from any process, and with nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from reciprocity.errors import ReciprocityError
from reciprocity.store import migrate, open_database
from reciprocity.store.revision import current
from reciprocity.web import WebSettings, create_app
from tests.cli_runner import Cli
from tests.databases import Databases


def _revision(cli: Cli) -> int:
    database = open_database(cli.url)
    with database.transaction() as session:
        number = current(session)
    database.close()
    return number


def test_writes_move_the_revision_and_reads_do_not(cli: Cli, tmp_path: Path) -> None:
    assert cli("people", "add", "Sam").code == 0
    after_add = _revision(cli)
    assert after_add >= 1
    assert cli("people", "list", "--json").code == 0
    assert cli("patterns", "--json").code == 0
    assert _revision(cli) == after_add
    assert cli("log", "Sam", "called me after the interview", "--by", "them").code == 0
    assert _revision(cli) == after_add + 1
    refused = cli("log", "Nobody", "x")
    assert refused.code != 0 and _revision(cli) == after_add + 1  # rolled back, not counted

    export = tmp_path / "chat.txt"
    export.write_text("01/06/2026, 09:00 - Sam: hi\n01/06/2026, 09:05 - Me: hello\n")
    assert cli("import", str(export), "--me", "Me").code == 0  # bulk inserts count too
    assert _revision(cli) == after_add + 2


def test_the_dashboard_sees_a_moment_logged_from_the_command_line(cli: Cli) -> None:
    assert cli("people", "add", "Sam").code == 0
    app = create_app(WebSettings(database_url=cli.url, today=lambda: date(2026, 6, 30)))
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        before = client.get("/api/patterns").json()
        assert client.get("/api/patterns").json() == before  # kept, not worked out again
        for day in range(1, 8):
            logged = cli(
                "log",
                "Sam",
                f"walked together, week {day}",
                "--by",
                "me",
                "--dim",
                "initiation",
                "--on",
                f"2026-06-{day:02d}",
            )
            assert logged.code == 0, logged.err
        after = client.get("/api/patterns").json()
    moments = after[0]["dimensions"]["initiation"]["moments"]
    assert before != after and moments["me"] == 7


def test_the_models_and_the_migrations_agree(databases: Databases) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from reciprocity.model import everything

    database = open_database(databases.new("fresh", layout=False))
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, everything())
        assert connection.execute(text("SELECT number FROM store_revision")).scalar() == 0
    database.close()
    assert differences == [], differences
    assert migrate.head() == "0010"


def test_a_store_knows_whether_this_process_has_saved_anything(cli: Cli) -> None:
    """What an interrupted command says rests on this: reads count for nothing, writes do."""
    from reciprocity.services import people

    database = open_database(cli.url)
    try:
        assert database.writes_committed == 0
        people.everyone(database)
        assert database.writes_committed == 0, "a read commits nothing"
        with pytest.raises(ReciprocityError):
            people.add(database, "")
        assert database.writes_committed == 0, "a refused write is rolled back"
        people.add(database, "Sam")
        assert database.writes_committed == 1
    finally:
        database.close()
