"""A birthday without its year, through the command line: added, shown, due, exported and back."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reciprocity.store import migrate, open_database
from tests.cli_runner import Cli
from tests.databases import Databases

TODAY = date.today()


def test_a_birthday_without_its_year_is_kept_shown_and_due(cli: Cli, tmp_path: Path) -> None:
    soon = TODAY + timedelta(days=3)
    typed = f"{soon.day} {soon.strftime('%B')}"
    added = cli("people", "add", "Sam", "--birthday", typed)
    assert added.code == 0, added.err
    [sam] = cli("people", "list", "--json").json()
    assert sam["birthday"] == f"--{soon.month:02d}-{soon.day:02d}"
    shown = cli("people", "show", "Sam").out
    assert f"Birthday: {soon.day} {soon.strftime('%b')}\n" in shown
    items = cli("due", "--json").json()["items"]
    assert [(i["kind"], i["day"]) for i in items] == [("birthday", soon.isoformat())]

    export = tmp_path / "out.json"
    assert cli("export", str(export)).code == 0
    assert json.loads(export.read_text())["people"][0]["birthday"] == sam["birthday"]
    fresh = Cli(tmp_path / "fresh.db", cli.capsys)
    assert fresh("import", str(export)).code == 0
    assert fresh("people", "show", "Sam", "--json").json()["birthday"] == sam["birthday"]

    assert cli("people", "edit", "Sam", "--birthday", "1990-03-15").code == 0
    assert cli("people", "show", "Sam", "--json").json()["birthday"] == "1990-03-15"
    assert "Birthday: 15 Mar\n" in cli("people", "show", "Sam").out


def test_a_birthday_that_cannot_be_read_says_how_to_write_it(cli: Cli) -> None:
    result = cli("people", "add", "Sam", "--birthday", "31 June")
    assert result.code == 2 and "or 15 March when the year is not known" in result.err
    assert cli("people", "list", "--json").json() == []


def test_an_older_store_keeps_its_birthdays_with_their_years(databases: Databases) -> None:
    from alembic import command

    url = databases.new("v5", layout=False)
    engine = create_engine(url)
    cfg = migrate.config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0005")
        connection.execute(
            text(
                "INSERT INTO person (name, kind, birthday, my_care, their_care, note) "
                "VALUES ('Ana', 'friend', '1990-03-15', '[]', '[]', '')"
            )
        )
    engine.dispose()
    database = open_database(url)
    from reciprocity.services import people

    [ana] = people.everyone(database)
    assert ana.as_dict()["birthday"] == "1990-03-15"
    database.close()


@pytest.mark.parametrize("typed", ["--02-29", "29 February"])
def test_the_29th_of_february_without_a_year(cli: Cli, typed: str) -> None:
    assert cli("people", "add", "Leap", "--birthday", typed).code == 0
    assert cli("people", "show", "Leap", "--json").json()["birthday"] == "--02-29"
