"""The Phones page and ``/api/devices`` on the app on this computer: pairing links, the
paired phones, revoking one, and the listener's status on every page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from reciprocity.coach import devices as words
from tests.web.conftest import api_token, token
from tests.web.lan_helpers import Phones, phones_beside


@pytest.fixture
def phones(web_url: str) -> Iterator[Phones]:
    with phones_beside(web_url) as found:
        yield found


def test_the_api_makes_links_lists_phones_and_revokes_them(phones: Phones) -> None:
    assert phones.home.post("/api/devices/pair").status_code == 403  # no anti-forgery token
    made = phones.home.post("/api/devices/pair", headers=phones.api())
    assert made.status_code == 201
    assert set(made.json()) == {"url", "expires"}
    assert made.json()["expires"] == "2026-11-01T12:10:00+00:00"
    assert re.fullmatch(r"http://127\.0\.0\.2:8766/pair/[A-Za-z0-9_-]{43}", made.json()["url"])
    assert phones.home.get("/api/devices").json() == []
    phones.pair("Alex's phone")
    phones.clock.move(minutes=5)
    phones.pair("Kit's tablet", phones.another_phone())
    listed = phones.home.get("/api/devices").json()
    assert [d["name"] for d in listed] == ["Kit's tablet", "Alex's phone"]
    assert set(listed[0]) == {"id", "name", "paired", "last_seen"}
    assert listed[1]["paired"] == "2026-11-01T12:00:00+00:00"
    gone = listed[1]["id"]
    assert phones.home.delete(f"/api/devices/{gone}").status_code == 403
    assert phones.home.delete(f"/api/devices/{gone}", headers=phones.api()).status_code == 204
    again = phones.home.delete(f"/api/devices/{gone}", headers=phones.api())
    assert again.status_code == 404 and "error" in again.json()
    assert phones.home.delete("/api/devices/99999999999", headers=phones.api()).status_code == 404
    assert [d["name"] for d in phones.home.get("/api/devices").json()] == ["Kit's tablet"]


def test_the_phones_page_shows_a_link_once_with_its_qr_code(phones: Phones) -> None:
    page = phones.home.get("/phones")
    assert page.status_code == 200 and words.DEVICES_NONE in page.text
    assert words.PAIR_MAKE in page.text
    made = phones.home.post("/phones/pair", data={"csrf_token": token(phones.home, "/phones")})
    assert made.status_code == 200
    [url] = re.findall(r"<code>(http://127\.0\.0\.2:8766/pair/[^<]+)</code>", made.text)
    assert '<svg role="img" aria-label="' + words.PAIR_QR_LABEL in made.text
    assert "<script" not in made.text
    assert url not in phones.home.get("/phones").text  # shown once, never again
    assert phones.phone.get(url.removeprefix("http://127.0.0.2:8766")).status_code == 200


def test_paired_phones_are_listed_and_revoked_from_the_page(phones: Phones) -> None:
    phone = phones.pair("Alex's phone")
    page = phones.home.get("/phones").text
    assert "Alex&#39;s phone" in page and "1 Nov 2026" in page
    [device] = phones.home.get("/api/devices").json()
    revoked = phones.home.post(
        f"/phones/{device['id']}/revoke", data={"csrf_token": token(phones.home, "/phones")}
    )
    assert revoked.status_code == 200
    assert words.REVOKED_NOTICE.format(name="Alex&#39;s phone") in revoked.text
    assert phone.get("/capture", follow_redirects=False).status_code == 303


def test_every_page_says_the_listener_is_open_until_it_closes(phones: Phones) -> None:
    for path in ("/", "/due", "/phones", "/people/new"):
        text = phones.home.get(path).text
        assert "http://127.0.0.2:8766/" in text and words.LAN_CLOSE_BUTTON in text, path
    phones.lan.close()
    assert words.LAN_CLOSE_BUTTON not in phones.home.get("/").text


def test_without_a_listener_the_phones_page_says_how_to_open_one(client: TestClient) -> None:
    page = client.get("/phones")
    assert page.status_code == 200 and words.LAN_NOT_OPEN in page.text
    assert words.LAN_CLOSE_BUTTON not in page.text and words.PAIR_MAKE not in page.text
    refused = client.post("/api/devices/pair", headers=api_token(client))
    assert refused.status_code == 409 and refused.json() == {"error": words.LAN_NEEDED}
    made = client.post("/phones/pair", data={"csrf_token": token(client)})
    assert made.status_code == 409 and words.LAN_NEEDED in made.text
    assert "--" not in words.LAN_NOT_OPEN + words.LAN_NEEDED  # no command-line flags on the web


def test_a_phone_writes_no_store_revision(phones: Phones) -> None:
    """Pairing and a phone's "last used" are nobody's data: the patterns are not worked out again."""
    from reciprocity.services import open_database
    from reciprocity.store.revision import current

    database = open_database(phones.app.state.settings.database_url)
    try:
        with database.transaction() as session:
            before = current(session)
        phones.pair()
        phones.clock.move(minutes=5)
        phones.phone.get("/capture")
        with database.transaction() as session:
            assert current(session) == before
    finally:
        database.close()
