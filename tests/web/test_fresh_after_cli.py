"""The running web app sees the command line's writes person by person (issue 16).

The command line runs as its own process beside the app (the real entry
point, ``python -m reciprocity``), on the app's database: a SQLite file, then
PostgreSQL; where a test needs many writes, it runs in this process, with an
engine of its own as another process has (nothing is shared but the database). After each write the app's dashboard must show it, having worked
out again only the patterns of the people the write touched; a restore, the
demo and a bring-back touch everyone. ``PatternCache.worked_out`` counts the
patterns worked out, so each test says what a write cost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reciprocity.services.patterns import PatternCache
from reciprocity.web import create_app
from tests.cli_runner import Cli, Result
from tests.databases import Databases
from tests.web.conftest import BASE, TODAY, settings_for


@pytest.fixture
def demo_url(databases: Databases) -> str:
    return databases.demo(today=TODAY)


@pytest.fixture
def other(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line on the app's database, run as its own process."""
    return Cli(tmp_path / "demo.db", capsys, url=demo_url)


@pytest.fixture
def app(demo_url: str) -> FastAPI:
    return create_app(settings_for(demo_url))


@pytest.fixture
def web(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE) as client:
        assert client.get("/").status_code == 200  # everyone's patterns, worked out once
        yield client


def cache(app: FastAPI) -> PatternCache:
    found = app.state.patterns
    assert isinstance(found, PatternCache)
    return found


def run(cli: Cli, *args: str) -> Result:
    """The command line as a process of its own."""
    done = cli.process(*args)
    assert done.code == 0, done.err
    return done


def call(cli: Cli, *args: str) -> Result:
    """The command line in this process (quicker), with its own engine as a process has."""
    done = cli(*args)
    assert done.code == 0, done.err
    return done


def ids(web: TestClient) -> dict[str, int]:
    return {p["name"]: p["id"] for p in web.get("/api/people").json()}


def patterns(web: TestClient) -> dict[str, Any]:
    return {p["person"]: p for p in web.get("/api/patterns").json()}


def afresh(url: str) -> dict[str, Any]:
    """Everyone's patterns as a new app works them out from nothing."""
    with TestClient(create_app(settings_for(url)), base_url=BASE) as client:
        return patterns(client)


def initiation_by_me(pattern: dict[str, Any]) -> int:
    return int(pattern["dimensions"]["initiation"]["moments"]["me"])


def test_a_moment_logged_in_another_process_works_out_only_that_persons_patterns(
    app: FastAPI, web: TestClient, other: Cli, demo_url: str
) -> None:
    before = patterns(web)
    counted = cache(app).worked_out
    run(
        other,
        "log",
        "Sam",
        "rang to ask how the move went",
        "--by",
        "me",
        "--dim",
        "initiation",
        "--on",
        "2026-10-30",
    )
    after = patterns(web)
    assert cache(app).last_worked_out == {ids(web)["Sam"]}
    assert cache(app).worked_out == counted + 1
    assert initiation_by_me(after["Sam"]) == initiation_by_me(before["Sam"]) + 1
    assert {name: p for name, p in after.items() if name != "Sam"} == {
        name: p for name, p in before.items() if name != "Sam"
    }
    assert after == afresh(demo_url)
    page = web.get("/")
    assert page.status_code == 200 and cache(app).worked_out == counted + 1  # kept since


def test_a_chat_imported_in_another_process_works_out_only_that_persons_patterns(
    app: FastAPI, web: TestClient, other: Cli, demo_url: str, tmp_path: Path
) -> None:
    export = tmp_path / "WhatsApp Chat with Theo.txt"
    export.write_text(
        "".join(
            f"{day:02d}/10/2026, 0{hour}:00 - {who}: {text}\n"
            for day in range(1, 29)
            for hour, who, text in (
                (8, "Theo", "how are you holding up?"),
                (9, "Me", "better, thanks"),
            )
        )
    )
    counted = cache(app).worked_out
    run(other, "import", str(export), "--me", "Me", "--person", "Theo")
    after = patterns(web)
    assert cache(app).last_worked_out == {ids(web)["Theo"]}
    assert cache(app).worked_out == counted + 1
    assert after == afresh(demo_url)


def test_someone_removed_in_another_process_leaves_the_others_as_they_were(
    app: FastAPI, web: TestClient, other: Cli, demo_url: str
) -> None:
    rosa = ids(web)["Rosa"]
    counted = cache(app).worked_out
    call(other, "people", "remove", "Rosa", "--yes")
    after = patterns(web)
    assert "Rosa" not in after
    assert cache(app).last_worked_out == {rosa}
    assert cache(app).worked_out == counted  # no one left to work out
    assert after == afresh(demo_url)
    assert "Rosa" not in web.get("/").text


@pytest.mark.parametrize("everything", ["restore", "demo", "own season"])
def test_a_restore_the_demo_or_the_users_own_season_works_out_everyone(
    app: FastAPI, web: TestClient, other: Cli, demo_url: str, tmp_path: Path, everything: str
) -> None:
    before = patterns(web)
    export = tmp_path / "everything.json"
    call(other, "export", str(export))
    call(other, "log", "Sam", "drove me to the station", "--by", "them", "--on", "2026-10-29")
    assert patterns(web) != before and cache(app).last_worked_out == {ids(web)["Sam"]}
    if everything == "restore":
        call(other, "import", str(export), "--replace")
    elif everything == "demo":
        call(other, "demo", "--force")
    else:
        call(other, "season", "start", "me", "illness", "--on", "2026-10-20")
    after = patterns(web)
    assert cache(app).last_worked_out is None
    assert after == afresh(demo_url)
    if everything == "restore":
        assert after == before  # Sam's moment is gone again


def test_a_copy_brought_back_works_out_everyone_even_after_as_many_writes_as_it_undid(
    app: FastAPI, web: TestClient, other: Cli, demo_url: str
) -> None:
    call(other, "people", "remove", "Jordan", "--yes")  # a copy of everything is kept first
    (copy,) = [c["name"] for c in json.loads(call(other, "copies", "--json").out)]
    for day in range(25, 28):  # changes the copy does not hold, each seen by the app
        call(
            other, "log", "Sam", "walked the dog together", "--by", "both", "--on", f"2026-10-{day}"
        )
        assert "Jordan" not in patterns(web) and cache(app).last_worked_out is not None
    call(other, "bring-back", copy, "--yes")
    for day in range(25, 29):  # as many changes again as the copy undid
        call(
            other, "log", "Priya", "called after her exam", "--by", "them", "--on", f"2026-10-{day}"
        )
    after = patterns(web)
    assert cache(app).last_worked_out is None
    assert after == afresh(demo_url)
    assert "Jordan" in after
