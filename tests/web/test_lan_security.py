"""The phones' listener serves pairing and capture, nothing else, and only to whom it should.

Each test stands for one promise of the threat model (README, "Phones on your
network"): the loopback app's routes are not reachable through it, whatever
cookie comes along; a request needs the exact Host; nothing it sends is cached;
a form needs its token; a revoked phone, a closed or expired listener and a
locked app serve nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.routing import iter_route_contexts

from reciprocity.coach import devices as words
from reciprocity.web.lan import create_lan_app
from tests.web.lan_helpers import LAN, Phones, form_token, phones_beside

PUBLIC = {"/pair", "/lan.css"}
"""What the listener shows to anyone on the network: how to pair, and its stylesheet."""


@pytest.fixture
def phones(web_url: str) -> Iterator[Phones]:
    with phones_beside(web_url) as found:
        found.add("Sam")
        yield found


def _filled(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def _lan_routes(phones: Phones) -> list[tuple[str, str]]:
    assert phones.lan_app.inner is not None
    return [
        (method, route.path)
        for route in iter_route_contexts(phones.lan_app.inner.routes)
        for method in sorted(route.methods or ())
        if method != "HEAD"
    ]


def test_no_route_of_the_app_on_this_computer_answers_on_the_network(phones: Phones) -> None:
    """Generated from the loopback app's routes: with a paired phone's cookie and a good form
    token, every one of them is a 404 on the listener, and says nothing of the data."""
    phone = phones.pair()
    token = form_token(phone, "/capture")
    lan_paths = {path for _, path in _lan_routes(phones)}
    tried = 0
    for route in iter_route_contexts(phones.app.routes):
        if route.methods is None:  # a mount: the static files
            targets = [("GET", f"{route.path}/style.css")]
        else:
            targets = [(m, route.path) for m in sorted(route.methods) if m != "HEAD"]
        for method, path in targets:
            assert path not in lan_paths, f"{path} is served on both"
            answer = phone.request(
                method,
                _filled(path),
                data={"csrf_token": token} if method != "GET" else None,
                headers={"X-CSRF-Token": token},
            )
            assert answer.status_code == 404, (method, path, answer.status_code)
            assert "Sam" not in answer.text and answer.headers["cache-control"] == "no-store"
            tried += 1
    assert tried > 150  # the whole app: pages, the API, the schema, static files


def test_the_host_must_be_exactly_the_listeners_address(phones: Phones) -> None:
    for host in ("127.0.0.2:8766", "127.0.0.2"):
        assert phones.phone.get("/pair", headers={"host": host}).status_code == 200
    for host in (
        "127.0.0.1:8766",
        "127.0.0.2:8765",
        "localhost:8766",
        "localhost",
        "evil.example",
        "127.0.0.2.evil.example:8766",
        "",
        "127.0.0.22:8766",
    ):
        answer = phones.phone.get("/pair", headers={"host": host})
        assert answer.status_code == 400, host
        assert answer.headers["cache-control"] == "no-store"


def test_nothing_the_listener_sends_is_kept_in_a_cache(phones: Phones) -> None:
    phone = phones.pair()
    answers = [
        phone.get("/capture"),
        phone.get("/pair"),
        phone.get("/lan.css"),
        phone.get("/nowhere"),
        phone.get("/pair/not-a-code"),
        phone.post("/capture", data={"text": "no token"}),
        phone.get("/pair", headers={"host": "evil.example"}),
        phones.phone.get(phones.link()),
    ]
    for answer in answers:
        assert answer.headers["cache-control"] == "no-store", answer.request.url
        assert answer.headers["x-frame-options"] == "DENY"
        assert "default-src 'none'" in answer.headers["content-security-policy"]


def test_every_route_behind_a_token_refuses_a_phone_without_one(phones: Phones) -> None:
    """Generated from the listener's routes: all but ``PUBLIC`` need a paired phone or a
    pairing code; a stranger on the network gets a refusal or the way to pair, no data."""
    stranger = phones.another_phone()
    token = form_token(stranger, phones.link())  # a link seen, never used
    guarded = [(m, p) for m, p in _lan_routes(phones) if p not in PUBLIC]
    assert {p for _, p in guarded} >= {"/capture", "/pair/{code}"}
    for method, path in guarded:
        answer = stranger.request(
            method,
            _filled(path),
            data={"csrf_token": token, "person": "Sam", "text": "x", "name": "x"},
            follow_redirects=False,
        )
        assert answer.status_code in (303, 403, 404), (method, path, answer.status_code)
        if answer.status_code == 303:
            assert answer.headers["location"] == "/pair"
        assert "Sam" not in answer.text
    listed = phones.home.get("/api/moments").json()
    assert listed == [] or all(m["text"] != "x" for m in listed)


def test_a_made_up_device_cookie_is_no_device(phones: Phones) -> None:
    phones.pair()
    stranger = phones.another_phone()
    stranger.cookies.set("reciprocity_device", "A" * 43)
    assert stranger.get("/capture", follow_redirects=False).headers["location"] == "/pair"


def test_every_form_needs_its_token(phones: Phones) -> None:
    phone = phones.pair()
    posts = [p for m, p in _lan_routes(phones) if m == "POST"]
    assert posts
    for path in posts:
        bare = phone.post(_filled(path), data={"person": "Sam", "text": "x", "name": "x"})
        assert bare.status_code == 403, path
        forged = phone.post(_filled(path), data={"csrf_token": "0" * 64, "text": "x"})
        assert forged.status_code == 403, path
    # A good token, but sent from another site's page: refused too.
    token = form_token(phone, "/capture")
    elsewhere = phone.post(
        "/capture",
        data={"csrf_token": token, "person": "Sam", "text": "walked", "by": "me"},
        headers={"origin": "http://evil.example"},
    )
    assert elsewhere.status_code == 403
    # The pairing form: a link survives a forged post, still good for the real phone.
    link = phones.link()
    assert phones.another_phone().post(link, data={"name": "forged"}).status_code == 403
    assert phones.another_phone().get(link).status_code == 200
    assert phones.home.get("/api/moments").json() == []


def test_a_revoked_phone_is_refused_at_once(phones: Phones) -> None:
    phone = phones.pair()
    token = form_token(phone, "/capture")
    [device] = phones.home.get("/api/devices").json()
    gone = phones.home.delete(f"/api/devices/{device['id']}", headers=phones.api())
    assert gone.status_code == 204
    assert phone.get("/capture", follow_redirects=False).headers["location"] == "/pair"
    refused = phone.post(
        "/capture", data={"csrf_token": token, "person": "Sam", "text": "after", "by": "me"}
    )
    assert refused.status_code == 403 and words.NOT_PAIRED_TITLE in refused.text
    assert phones.home.get("/api/moments").json() == []


def test_a_closed_listener_serves_nothing(phones: Phones) -> None:
    phone = phones.pair()
    token = form_token(phones.home, "/phones")
    page = phones.home.get("/phones")
    assert words.LAN_CLOSE_BUTTON in page.text
    closed = phones.home.post(
        "/phones/close", data={"csrf_token": token, "back": "/due"}, follow_redirects=False
    )
    assert closed.status_code == 303 and closed.headers["location"] == "/due"
    assert phones.lan.closed
    for path in ("/capture", "/pair", "/lan.css"):
        answer = phone.get(path)
        assert answer.status_code == 503 and answer.text == words.LAN_CLOSED
    assert words.LAN_CLOSE_BUTTON not in phones.home.get("/").text
    assert words.LAN_STATUS_CLOSED in phones.home.get("/phones").text
    assert phones.home.post("/api/devices/pair", headers=phones.api()).status_code == 409


def test_closing_goes_back_only_to_a_page_of_this_app(phones: Phones) -> None:
    token = form_token(phones.home, "/phones")
    for back in ("//evil.example/", "https://evil.example/", "\\\\evil", ""):
        closed = phones.home.post(
            "/phones/close", data={"csrf_token": token, "back": back}, follow_redirects=False
        )
        assert closed.headers["location"] == "/phones", back


def test_a_listener_past_its_time_serves_nothing(phones: Phones) -> None:
    phone = phones.pair()
    phones.clock.move(hours=1, minutes=59)
    assert phone.get("/capture").status_code == 200
    phones.clock.move(minutes=1)
    assert phone.get("/capture").status_code == 503
    assert words.LAN_CLOSE_BUTTON not in phones.home.get("/").text


def test_while_the_app_is_locked_the_listener_serves_only_a_calm_page(web_url: str) -> None:
    from datetime import timedelta

    from fastapi.testclient import TestClient

    from reciprocity.web import WebSettings, locked_app
    from reciprocity.web.lan import LanState
    from tests.web.lan_helpers import NOW, Clock

    clock = Clock()
    settings = WebSettings(database_url=web_url, now=clock)
    lan = LanState("127.0.0.2", 8766, NOW + timedelta(hours=2), clock=clock)
    gate = locked_app(settings, lan)
    with TestClient(create_lan_app(settings, lan, gate), base_url=LAN) as phone:
        for method, path in (
            ("GET", "/capture"),
            ("GET", "/pair"),
            ("POST", "/capture"),
            ("GET", "/pair/abc"),
            ("GET", "/api/people"),
            ("GET", "/"),
        ):
            answer = phone.request(method, path)
            assert answer.status_code == 503, path
            assert words.LAN_LOCKED in answer.text
            assert answer.headers["cache-control"] == "no-store"
