"""Quick capture and ``status`` start without what they do not use (issue 16).

Each command runs as a real process, as a person starts it, and says when it
ends which modules it loaded. How fast they are is measured by
``benchmarks/bench_startup.py``; these tests keep the reasons they are fast.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from reciprocity.store import migrate
from reciprocity.store.database import SCHEMA_REVISION
from tests.cli_runner import Cli

MARK = "at the end: "
ENTRY = (
    "import atexit, gc, json, sys\n"
    "atexit.register(lambda: print(\n"
    f"    {MARK!r} + json.dumps({{'modules': sorted(sys.modules), 'collecting': gc.isenabled()}}),\n"
    "    file=sys.stderr,\n"
    "))\n"
    "from reciprocity.cli.main import main\n"
    "main()\n"
)
NEVER = {"pydantic", "fastapi", "alembic"}
"""Loaded by no quick command on a store whose layout is current."""


def run(url: str, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """The entry point in a fresh process: what it did, and every module it had loaded.

    A command that opened the store has the cyclic garbage collector working again
    (it rests while the command starts up)."""
    done = subprocess.run(
        [sys.executable, "-c", ENTRY, "--db", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith(MARK)]
    assert len(lines) == 1, done.stderr
    end = json.loads(lines[0].removeprefix(MARK))
    if done.returncode == 0:
        assert end["collecting"], "the garbage collector was left resting"
    return done, set(end["modules"])


def test_noting_a_moment_and_the_status_load_neither_pydantic_nor_the_web_nor_alembic(
    cli: Cli,
) -> None:
    assert cli("people", "add", "Sam").code == 0  # the layout is made, and is current

    noted, loaded = run(cli.url, "log", "Sam", "Tea together", "--by", "both", "--energy", "1")
    assert noted.returncode == 0, noted.stderr
    assert "Noted for Sam" in noted.stdout
    assert loaded & NEVER == set()
    # Nor the chat importers, the calendar, or the practices a moment is not part of.
    assert not {m for m in loaded if m.startswith("reciprocity.evidence")}
    assert {"icalendar", "reciprocity.model.ritual", "reciprocity.model.boundary"} & loaded == set()

    status, loaded = run(cli.url, "status")
    assert status.returncode == 0, status.stderr
    assert "Sam" in status.stdout
    assert loaded & NEVER == set()

    again = cli("moment", "list", "Sam", "--json").json()
    assert [(m["text"], m["by"], m["energy"]) for m in again] == [("Tea together", "both", 1)]


def test_help_lists_every_command_with_its_help(cli: Cli) -> None:
    from reciprocity.cli.app import COMMANDS

    shown = cli("--help")
    assert shown.code == 0
    listed = shown.out.split("Commands:", 1)[1].splitlines()
    described = {line.split()[0]: line.split(maxsplit=1)[1] for line in listed if line.strip()}
    assert list(described) == list(COMMANDS)
    assert all(text.strip() for text in described.values())


def test_a_value_typed_wrong_is_still_told_in_typers_words(cli: Cli) -> None:
    assert cli("people", "add", "Sam").code == 0
    refused, _ = run(cli.url, "log", "Sam", "Tea", "--energy", "5")
    assert refused.returncode == 2
    assert "Invalid value for '--energy'" in refused.stderr
    assert "less than or equal to 2" in refused.stderr


def test_an_old_layout_is_still_brought_up_to_date_by_quick_capture(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    config = migrate.config()
    with engine.begin() as connection:  # the store as the first version of the app left it
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO person (name, kind, my_care, their_care, note) "
                "VALUES ('Ana', 'friend', '[]', '[]', '')"
            )
        )
    engine.dispose()

    noted, loaded = run(url, "log", "Ana", "A long walk", "--no-dims")
    assert noted.returncode == 0, noted.stderr
    assert "Noted for Ana" in noted.stdout
    assert "before updating its layout" in noted.stderr  # the copy kept first is named
    assert "alembic" in loaded  # the migration ran, in this process
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (SCHEMA_REVISION,)
        ]
        assert connection.execute("SELECT text FROM moment").fetchall() == [("A long walk",)]
    copies = list(tmp_path.glob(f"old.before-{SCHEMA_REVISION}.*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001",)
        ]
