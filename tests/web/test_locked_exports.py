"""A locked export (an age file) from the Your data page, and restoring one after its passphrase."""

from __future__ import annotations

import re

import pyrage
from fastapi.testclient import TestClient

from tests.web.conftest import token

MAGIC = b"age-encryption.org/v1\n"


def _download(client: TestClient, passphrase: str, again: str | None = None) -> bytes:
    csrf = token(client, "/data")
    answer = client.post(
        "/data/export.age",
        data={
            "csrf_token": csrf,
            "passphrase": passphrase,
            "passphrase_again": again or passphrase,
        },
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-disposition"] == (
        'attachment; filename="reciprocity-2026-11-01.json.age"'
    )
    return answer.content


def _held_token(page: str) -> str:
    found = re.search(r'name="file" value="([^"]+)"', page)
    assert found, "the page does not ask for the passphrase"
    return found.group(1)


def test_a_locked_export_goes_round_through_the_page(
    demo_client: TestClient, client: TestClient
) -> None:
    page = demo_client.get("/data").text
    assert 'type="password"' in page and 'name="passphrase_again"' in page
    locked = _download(demo_client, "correct horse")
    assert locked.startswith(MAGIC) and b"Jordan" not in locked
    assert b'"format": "reciprocity"' in pyrage.passphrase.decrypt(locked, "correct horse")

    csrf = token(client, "/data")
    asked = client.post(
        "/data/import",
        data={"csrf_token": csrf},
        files={"file": ("backup.json.age", locked, "application/octet-stream")},
    )
    assert asked.status_code == 200
    assert "backup.json.age is locked with a passphrase" in asked.text
    held = _held_token(asked.text)
    wrong = client.post(
        "/data/import/unlock", data={"csrf_token": csrf, "file": held, "passphrase": "wrong"}
    )
    assert wrong.status_code == 400
    assert "That passphrase does not open backup.json.age; nothing was changed." in wrong.text
    assert _held_token(wrong.text) == held and "wrong" not in wrong.text.split("<main")[1]
    assert client.get("/api/people").json() == []
    opened = client.post(
        "/data/import/unlock",
        data={"csrf_token": csrf, "file": held, "passphrase": "correct horse"},
        follow_redirects=False,
    )
    assert opened.status_code == 303
    assert "Restored 5 people" in client.get(opened.headers["location"]).text
    assert len(client.get("/api/people").json()) == 5
    gone = client.post(
        "/data/import/unlock", data={"csrf_token": csrf, "file": held, "passphrase": "x"}
    )
    assert gone.status_code == 404 and "no longer waiting here" in gone.text


def test_restoring_a_locked_export_over_data_asks_to_replace(demo_client: TestClient) -> None:
    locked = _download(demo_client, "pass")
    csrf = token(demo_client, "/data")
    asked = demo_client.post(
        "/data/import",
        data={"csrf_token": csrf},
        files={"file": ("backup.json.age", locked, "application/octet-stream")},
    )
    held = _held_token(asked.text)
    refused = demo_client.post(
        "/data/import/unlock", data={"csrf_token": csrf, "file": held, "passphrase": "pass"}
    )
    assert refused.status_code == 409 and "already holds 5 people" in refused.text
    replaced = demo_client.post(
        "/data/import/unlock",
        data={
            "csrf_token": csrf,
            "file": _held_token(refused.text),
            "passphrase": "pass",
            "replace": "yes",
        },
        follow_redirects=False,
    )
    assert replaced.status_code == 303


def test_passphrases_that_differ_or_are_empty_write_nothing(demo_client: TestClient) -> None:
    csrf = token(demo_client, "/data")
    differ = demo_client.post(
        "/data/export.age",
        data={"csrf_token": csrf, "passphrase": "one", "passphrase_again": "two"},
    )
    assert differ.status_code == 400 and "The two passphrases differ" in differ.text
    assert "attachment" not in differ.headers.get("content-disposition", "")
    empty = demo_client.post("/data/export.age", data={"csrf_token": csrf})
    assert empty.status_code == 400 and "A passphrase cannot be empty." in empty.text


def test_an_export_locked_for_a_key_is_refused_plainly(client: TestClient) -> None:
    key = pyrage.x25519.Identity.generate()
    locked = pyrage.encrypt(b'{"format": "reciprocity"}', [key.to_public()])
    csrf = token(client, "/data")
    refused = client.post(
        "/data/import",
        data={"csrf_token": csrf},
        files={"file": ("for-key.age", locked, "application/octet-stream")},
    )
    assert refused.status_code == 400
    assert "for-key.age is locked for an age key, not a passphrase" in refused.text
    assert "--identity" not in refused.text
