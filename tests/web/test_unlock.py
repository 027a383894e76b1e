"""The unlock page, in-process: an encrypted SQLite file served without its passphrase.

Encryption is of SQLite files only, so these run on SQLite alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reciprocity.coach import data as data_words
from reciprocity.services import encryption, open_database, people
from reciprocity.store import cipher
from reciprocity.web import locked_app
from reciprocity.web.unlock import FREE_TRIES, Gate, Tries
from tests.web.conftest import BASE, settings_for, token

PASSPHRASE = "the long way round"
CHEAP = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}
"""Argon2id at its least, so each try here is quick; the key file records it, as any."""


@pytest.fixture
def encrypted_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'web.db'}"
    database = open_database(url)
    try:
        people.add(database, "Marisol", note="Marisol's note, never in plain text")
        encryption.encrypt(database, PASSPHRASE, cost=CHEAP)
    finally:
        database.close()
    assert cipher.is_encrypted(tmp_path / "web.db")
    return url


@pytest.fixture
def gate(encrypted_url: str) -> Gate:
    return locked_app(settings_for(encrypted_url))


@pytest.fixture
def locked(gate: Gate) -> Iterator[TestClient]:
    with TestClient(gate, base_url=BASE, follow_redirects=False) as client:
        yield client


def test_every_page_leads_to_the_unlock_page(locked: TestClient) -> None:
    for path in ("/", "/people/1", "/settings", "/due", "/nowhere"):
        answer = locked.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/unlock", path
    page = locked.get("/unlock")
    assert page.status_code == 200
    assert data_words.UNLOCK_TITLE in page.text and 'type="password"' in page.text
    assert "Marisol" not in page.text
    assert "no-store" in page.headers["cache-control"]
    assert locked.get("/static/style.css").status_code == 200
    api = locked.get("/api/people")
    assert api.status_code == 423 and api.json() == {"error": data_words.UNLOCK_API}


def test_the_form_needs_its_token(locked: TestClient) -> None:
    locked.get("/unlock")
    refused = locked.post("/unlock", data={"passphrase": PASSPHRASE})
    assert refused.status_code == 403
    assert locked.get("/").headers["location"] == "/unlock"  # still locked


def test_a_wrong_passphrase_is_said_and_the_right_one_opens_everything(
    locked: TestClient, gate: Gate
) -> None:
    csrf = token(locked, "/unlock")
    empty = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": ""})
    assert empty.status_code == 400 and data_words.UNLOCK_EMPTY in empty.text
    wrong = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": "not the one"})
    assert wrong.status_code == 400
    assert data_words.UNLOCK_WRONG.replace("'", "&#39;") in wrong.text
    assert "not the one" not in wrong.text  # never written back into the page
    assert gate.opened is None
    right = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": PASSPHRASE})
    assert right.status_code == 303 and right.headers["location"] == "/"
    home = locked.get("/")
    assert home.status_code == 200 and "Marisol" in home.text
    assert locked.get("/unlock").headers["location"] == "/"
    assert [p["name"] for p in locked.get("/api/people").json()] == ["Marisol"]
    settings = locked.get("/settings")
    assert "Encrypted on disk (SQLCipher)" in settings.text
    added = locked.post("/people", data={"csrf_token": token(locked), "name": "Teodoro"})
    assert added.status_code == 303


def test_wrong_tries_in_a_row_are_slowed_down(locked: TestClient, gate: Gate) -> None:
    now = [1000.0]
    gate.tries = Tries(clock=lambda: now[0])
    csrf = token(locked, "/unlock")
    for _ in range(FREE_TRIES):
        assert (
            locked.post("/unlock", data={"csrf_token": csrf, "passphrase": "guess"}).status_code
            == 400
        )
    waiting = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": PASSPHRASE})
    assert waiting.status_code == 429
    assert waiting.headers["retry-after"] == "2"
    assert data_words.UNLOCK_WAIT.format(seconds=2) in waiting.text
    assert gate.opened is None, "a try while waiting is not heard, even the right one"
    now[0] += 2
    assert (
        locked.post("/unlock", data={"csrf_token": csrf, "passphrase": "guess"}).status_code == 400
    )
    again = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": PASSPHRASE})
    assert again.status_code == 429 and again.headers["retry-after"] == "4"  # twice as long
    now[0] += 4
    right = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": PASSPHRASE})
    assert right.status_code == 303
    assert gate.tries.wrong == 0


def test_the_waits_grow_to_five_minutes_at_most() -> None:
    tries = Tries(clock=lambda: 0.0)
    waits = []
    for _ in range(FREE_TRIES + 12):
        tries.failed()
        waits.append(tries.wait())
    assert waits[: FREE_TRIES - 1] == [0] * (FREE_TRIES - 1)
    assert waits[FREE_TRIES - 1 : FREE_TRIES + 3] == [2, 4, 8, 16]
    assert max(waits) == 300


def test_a_missing_key_file_is_said_on_the_page(locked: TestClient, encrypted_url: str) -> None:
    path = Path(encrypted_url.removeprefix("sqlite:///"))
    cipher.key_file(path).rename(path.with_name("elsewhere.key"))
    csrf = token(locked, "/unlock")
    answer = locked.post("/unlock", data={"csrf_token": csrf, "passphrase": PASSPHRASE})
    assert answer.status_code == 409
    assert "key file" in answer.text


def test_the_whole_app_stops_with_the_server(encrypted_url: str) -> None:
    gate = locked_app(settings_for(encrypted_url))
    with TestClient(gate, base_url=BASE, follow_redirects=False) as client:
        csrf = token(client, "/unlock")
        assert (
            client.post("/unlock", data={"csrf_token": csrf, "passphrase": PASSPHRASE}).status_code
            == 303
        )
        assert client.get("/").status_code == 200
    assert gate.opened is not None
    database = gate.opened.state.database  # type: ignore[attr-defined]
    assert database.engine.pool.checkedout() == 0
