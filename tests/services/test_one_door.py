"""Both faces through the one door: the command line and the web app give the same outcome.

The command line runs through its real entry point and the web app in-process,
both on the same database holding the demo (a SQLite file, then a PostgreSQL
database), with the same "today". Each
read the issue names (and every other list with a ``--json``) must answer in
the one JSON shape ``services.shapes`` makes; the rules that once lived in one
face (the safety note, the notes before a rating, restoring over what is
there) must come out the same from both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reciprocity.coach.suggestions import SAFETY_NOTE
from reciprocity.services import audits, data, moments, open_database
from reciprocity.vocabulary import Dimension
from reciprocity.web import WebSettings, create_app
from tests.cli_runner import Cli
from tests.databases import Databases
from tests.web.conftest import BASE, api_token, token

TODAY = date.today()
"""The command line's today: the demo and the web app are set to it too."""


@pytest.fixture
def cli(databases: Databases, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line on the test's backend (for SQLite: ``reciprocity.db``, as everywhere)."""
    return databases.cli(capsys)


@pytest.fixture
def demo_cli(cli: Cli) -> Cli:
    assert cli("demo").code == 0
    return cli


@pytest.fixture
def web(demo_cli: Cli) -> Iterator[TestClient]:
    settings = WebSettings(database_url=demo_cli.url, today=lambda: TODAY)
    with TestClient(create_app(settings), base_url=BASE) as client:
        yield client


def _ids(web: TestClient) -> dict[str, int]:
    return {p["name"]: p["id"] for p in web.get("/api/people").json()}


def test_every_list_has_one_shape_on_both_faces(demo_cli: Cli, web: TestClient) -> None:
    pairs = {
        ("people", "list"): "/api/people",
        ("season", "list"): "/api/seasons",
        ("audit", "list"): "/api/audits",
        ("patterns",): "/api/patterns",
        ("due",): "/api/due",
        ("ritual", "list"): "/api/rituals",
        ("roles", "list"): "/api/roles",
        ("boundary", "list"): "/api/boundaries",
        ("win", "list"): "/api/wins",
        ("rhythm", "list"): "/api/rhythms",
        ("date", "list"): "/api/dates",
    }
    for command, route in pairs.items():
        printed = demo_cli(*command, "--json")
        assert printed.code == 0, (command, printed.err)
        assert printed.json() == web.get(route).json(), command


def test_one_person_one_audit_one_pattern_alike(demo_cli: Cli, web: TestClient) -> None:
    jordan = _ids(web)["Jordan"]
    assert (
        demo_cli("people", "show", "Jordan", "--json").json()
        == web.get(f"/api/people/{jordan}").json()
    )
    assert (
        demo_cli("patterns", "Jordan", "--json").json() == web.get(f"/api/patterns/{jordan}").json()
    )
    listed = web.get("/api/audits").json()
    assert [set(a) >= {"id", "date", "people", "overall"} for a in listed] == [True] * 2
    for audit in listed:
        shown = demo_cli("audit", "show", str(audit["id"]), "--json").json()
        assert shown == web.get(f"/api/audits/{audit['id']}").json()
        assert shown["entries"] and "entries" not in audit, "the list is a summary; show has all"
        written = [
            (a["question"], a["answer"])
            for e in shown["entries"]
            for d in e["dimensions"].values()
            for a in d["answers"]
        ]
        assert written and all(q and a for q, a in written), "each answer with its question"


def test_the_safety_note_follows_a_worrying_moment_on_both_faces(
    demo_cli: Cli, web: TestClient
) -> None:
    words = "Sam checks my phone and I was afraid to tell him about the trip"
    noted = demo_cli("log", "Sam", words)
    assert noted.code == 0
    note = SAFETY_NOTE.format(name="Sam")
    assert note in noted.out
    sam = _ids(web)["Sam"]
    page = web.get(f"/people/{sam}").text
    assert 'role="note"' in page and _plain(note) in _plain(page)
    answered = web.post(
        f"/api/people/{_ids(web)['Priya']}/moments",
        json={"text": "Priya pushed me and I feel unsafe around her"},
        headers=api_token(web),
    ).json()
    assert answered["safety"] is True and answered["safety_note"] == SAFETY_NOTE.format(
        name="Priya"
    )
    calm = demo_cli("log", "Priya", "Priya made soup")
    assert calm.code == 0 and "afraid" not in calm.out and "helpline" not in calm.out


def test_the_same_words_suggest_the_same_dimensions_on_every_face(
    demo_cli: Cli, web: TestClient
) -> None:
    words = "Priya drove me to the hospital and listened all evening"
    database = open_database(demo_cli.url)
    try:
        offered = moments.suggestion(database, "Priya", words)
        assert moments.suggestion(database, "Priya", words, [Dimension.INITIATION]) == []
    finally:
        database.close()
    assert offered == [Dimension.CRISIS, Dimension.DEPTH]
    keys = [d.value for d in offered]
    logged = demo_cli("log", "Priya", words)  # off a terminal: told, never asked
    assert logged.code == 0
    assert " ".join(f"--dim {k}" for k in keys) in logged.out
    priya = _ids(web)["Priya"]
    form = {"csrf_token": token(web), "person": str(priya), "text": words, "by": "me"}
    page = web.post("/moments", data=form).text
    assert re.findall(r'name="dimensions" value="(\w+)"[^>]*\schecked', page) == sorted(
        keys, key=[d.value for d in Dimension].index
    )
    answered = web.post(
        f"/api/people/{priya}/moments", json={"text": words}, headers=api_token(web)
    ).json()
    assert answered["suggested_dimensions"] == keys


def test_the_notes_before_a_rating_are_the_same_words(demo_cli: Cli, web: TestClient) -> None:
    database = open_database(demo_cli.url)
    try:
        expected = audits.context_notes(database, "Theo", TODAY)
    finally:
        database.close()
    assert any("moving" in n or "move" in n for n in expected), expected
    answers = "\n".join(["4", "me", "a"] * 3 * 4 + ["4", "me"] + ["n"]) + "\n"
    printed = demo_cli.process("audit", "Theo", stdin=answers)
    assert "not saved" in printed.out, printed.err
    for note in expected:
        assert note in " ".join(printed.out.split()), note
    csrf = token(web, "/audit")
    step = web.post(
        "/audit", data={"csrf_token": csrf, "people": str(_ids(web)["Theo"]), "on": ""}
    ).text
    for note in expected:
        assert _plain(note) in _plain(step), note


def test_restoring_over_what_is_there_is_refused_then_kept_aside_on_both_faces(
    demo_cli: Cli, web: TestClient, tmp_path: Path
) -> None:
    export = tmp_path / "backup.json"
    assert demo_cli("export", str(export)).code == 0
    refused = demo_cli("import", str(export))
    assert refused.code == 1 and "already holds 5 people" in refused.err
    csrf = token(web, "/data")
    sent = {"file": ("backup.json", export.read_bytes(), "application/json")}
    page = web.post("/data/import", data={"csrf_token": csrf}, files=sent)
    assert page.status_code == 409 and "already holds 5 people" in page.text
    copies_before = _copies(demo_cli)
    replaced = demo_cli("import", str(export), "--replace")
    assert replaced.code == 0 and "Kept a copy" in replaced.out
    on_web = web.post(
        "/data/import",
        data={"csrf_token": csrf, "replace": "yes"},
        files=sent,
        follow_redirects=False,
    )
    assert on_web.status_code == 303 and "copy=yes" in on_web.headers["location"]
    copies = _copies(demo_cli) - copies_before
    assert len(copies) == 2, "a copy kept before each replacement, by either face"
    assert len(web.get("/api/people").json()) == 5
    assert json.loads(export.read_text())["people"][0]["name"] == "Jordan"


def _copies(cli: Cli) -> set[Path]:
    """The copies kept of the database: ``reciprocity.*.db`` beside a SQLite file, else exports."""
    database = open_database(cli.url)
    try:
        return {copy.path for copy in data.copies(database)}
    finally:
        database.close()


def _plain(html: str) -> str:
    """Text as a page shows it: entities read, tags and runs of spaces gone."""
    import html as markup

    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_a_cadence_is_said_the_same_way_at_every_door(demo_cli: Cli, web: TestClient) -> None:
    """``every`` and ``on``: 'ritual add --every --on', the form's choices and the API's fields."""
    rosa = _ids(web)["Rosa"]
    typed = demo_cli("ritual", "add", "Rosa", "Tea typed", "--every", "2 weeks", "--on", "sunday")
    assert typed.code == 0, typed.err
    form = {
        "csrf_token": token(web, "/rituals"),
        "person": str(rosa),
        "title": "Tea chosen",
        "every": "2 weeks",
        "day": "sunday",
        "which": "date",
        "rotate": "yes",
        "first": "me",
    }
    chosen = web.post("/rituals", data=form, follow_redirects=False)
    assert chosen.status_code == 303, chosen.text
    sent = web.post(
        "/api/rituals",
        headers=api_token(web),
        json={"person_id": rosa, "title": "Tea sent", "every": "2 weeks", "on": "sunday"},
    )
    assert sent.status_code == 201, sent.text
    rows = {r["title"]: r for r in web.get("/api/rituals").json()}
    assert demo_cli("ritual", "list", "--json").json() == list(rows.values())
    made = {(rows[t]["rule"], rows[t]["cadence"]) for t in ("Tea typed", "Tea chosen", "Tea sent")}
    assert made == {("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", "every two weeks on Sunday")}

    half = demo_cli("ritual", "add", "Rosa", "Tea half", "--on", "sunday")
    assert half.code == 2 and "--on goes with --every" in half.err
    sent_half = web.post(
        "/api/rituals",
        headers=api_token(web),
        json={"person_id": rosa, "title": "Tea half", "on": "sunday"},
    )
    assert sent_half.status_code == 400 and "'on' goes with 'every'" in sent_half.json()["error"]
    assert "Tea half" not in [r["title"] for r in web.get("/api/rituals").json()]
