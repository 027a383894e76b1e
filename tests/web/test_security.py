"""Refusals: forged forms, foreign hosts and origins, oversized uploads; escaping and headers."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from reciprocity.web import create_app
from reciprocity.web.security import host_name
from tests.web.conftest import BASE, api_token, settings_for, token

SCRIPT = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
API_PRACTICE_WRITES = {
    "/api/rituals",
    "/api/rituals/1/done",
    "/api/rituals/1/skip",
    "/api/rituals/1/move",
    "/api/rituals/1/end",
    "/api/roles",
    "/api/roles/1/switch",
    "/api/roles/1/stop",
    "/api/people/1/checkins",
    "/api/boundaries",
    "/api/boundaries/1/review",
    "/api/wins",
    "/api/imports",
    "/api/rhythms",
    "/api/rhythms/1/clear",
    "/api/dates",
    "/api/dates/1/remove",
}


def _routes(routes: list[object]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        inner = getattr(route, "original_router", None) or getattr(route, "app", None)
        if inner is not None and hasattr(inner, "routes"):
            found += _routes(list(inner.routes))
    return found


def _writes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) that changes something, however routers are nested."""
    return [
        (method, re.sub(r"\{[a-z_]+(?::[a-z]+)?\}", "1", route.path))  # {id} or {id:int}
        for route in _routes(list(app.routes))
        for method in sorted(route.methods & {"POST", "PUT", "PATCH", "DELETE"})
    ]


def _state_changing(app: FastAPI) -> list[str]:
    return [path for _, path in _writes(app)]


def test_every_state_changing_route_refuses_a_request_without_its_token(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    paths = _state_changing(demo_app)
    assert {
        "/people",
        "/moments",
        "/seasons",
        "/audit",
        "/audit/step",
        "/audit/save",
        "/data/import",
        "/api/people",
        "/api/audits",
    } <= set(paths)
    assert {
        "/checkin/1",
        "/rituals",
        "/rituals/1/done",
        "/rituals/1/skip",
        "/rituals/1/move",
        "/boundaries",
        "/boundaries/1/review",
        "/wins",
        "/import",
        "/import/1/again",
        "/settings/backup",
    } <= set(paths)
    assert {"/rituals/1/end", "/seasons/1/roles", "/roles/1/switch", "/roles/1/stop"} <= set(paths)
    assert {"/rhythms", "/rhythms/1/clear", "/rhythms/dates", "/rhythms/dates/1/remove"} <= set(
        paths
    )
    assert set(paths) >= API_PRACTICE_WRITES
    assert {"/api/moments/1", "/api/seasons/1", "/api/audits/1", "/api/people/1"} <= set(paths)
    good = token(demo_client)
    for method, path in _writes(demo_app):
        for data in ({}, {"csrf_token": "0" * 64}, {"csrf_token": good + "0"}):
            sent = {**data, "name": "Mallory", "text": "x"}
            answer = demo_client.request(method, path, data=sent)
            assert answer.status_code == 403, (method, path, data)
            assert "could not be accepted" in answer.text
        json_answer = demo_client.request(method, path, json={"name": "Mallory"})
        assert json_answer.status_code == 403, (method, path)
    assert "Mallory" not in demo_client.get("/").text


def test_a_token_from_another_visitor_is_refused(demo_app: FastAPI) -> None:
    with TestClient(demo_app, base_url=BASE) as alice, TestClient(demo_app, base_url=BASE) as eve:
        stolen = token(alice)
        token(eve)  # eve has her own cookie
        answer = eve.post("/people", data={"csrf_token": stolen, "name": "Mallory"})
        assert answer.status_code == 403


def test_a_post_from_another_site_is_refused_even_with_a_token(demo_client: TestClient) -> None:
    good = token(demo_client)
    for origin in ("https://evil.example", "null", "http://127.0.0.1.evil.example"):
        answer = demo_client.post(
            "/people", data={"csrf_token": good, "name": "Mallory"}, headers={"Origin": origin}
        )
        assert answer.status_code == 403, origin
    same = demo_client.post(
        "/people",
        data={"csrf_token": good, "name": "Welcome"},
        headers={"Origin": BASE},
        follow_redirects=False,
    )
    assert same.status_code == 303


def test_an_api_write_from_another_site_is_refused_even_with_a_token(
    demo_client: TestClient,
) -> None:
    headers = {**api_token(demo_client), "Origin": "https://evil.example"}
    for path in sorted(API_PRACTICE_WRITES):
        answer = demo_client.post(path, json={"whose": "me", "text": "x"}, headers=headers)
        assert answer.status_code == 403, path
        assert answer.json() == {"error": answer.json()["error"]}
    assert len(demo_client.get("/api/wins").json()) == 4, "nothing was written"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_foreign_host_header_is_refused(demo_app: FastAPI, method: str) -> None:
    with TestClient(demo_app, base_url="http://evil.example:8765") as foreign:
        for path in (
            "/",
            "/api/people",
            "/people",
            "/static/style.css",
            "/api/openapi.json",
            "/checkin",
            "/checkin/1",
            "/rituals",
            "/rituals/1/done",
            "/rituals/1/skip",
            "/rituals/1/move",
            "/boundaries",
            "/boundaries/1/review",
            "/wins",
            "/import",
            "/import/1",
            "/import/1/again",
            "/settings",
            "/settings/backup",
            *API_PRACTICE_WRITES,
            "/api/due",
            "/api/checkins",
            "/api/people/1/checkin-agenda",
            "/rhythms",
            "/rhythms/1/clear",
            "/rhythms/dates",
            "/rhythms/dates/1/remove",
            "/api/rhythms",
            "/api/dates",
        ):
            answer = foreign.request(method, path)
            assert answer.status_code == 400, path
            assert answer.text == "This address is not one reciprocity answers to."
    with TestClient(demo_app, base_url=BASE) as local:
        assert local.get("/", headers={"Host": "attacker.example"}).status_code == 400
        assert local.get("/", headers={"Host": "localhost:8765"}).status_code == 200
        assert local.get("/", headers={"Host": "[::1]:8765"}).status_code == 200


def test_host_names_are_read_without_port_or_brackets() -> None:
    assert host_name("LocalHost:8765") == "localhost"
    assert host_name("[::1]:80") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"
    assert host_name("[::1") == ""


def test_every_response_carries_a_strict_policy(demo_client: TestClient) -> None:
    for path in ("/", "/people/1", "/static/style.css", "/api/people", "/nowhere"):
        headers = demo_client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "http" not in policy and "unsafe" not in policy and "*" not in policy
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_pages_load_nothing_from_elsewhere_and_run_no_inline_script(
    demo_client: TestClient,
) -> None:
    for path in (
        "/",
        "/people/1",
        "/people/new",
        "/moments/new",
        "/seasons",
        "/audit",
        "/audits",
        "/audits/1",
        "/data",
        "/checkin",
        "/checkin/2",
        "/rituals",
        "/boundaries",
        "/wins",
        "/import",
        "/settings",
        "/rhythms",
    ):
        page = demo_client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', page), path
        scripts = re.findall(r"<script\b[^>]*>.*?</script>", page, re.S)
        assert page.count("<script") == len(scripts), path
        for script in scripts:  # only the app's own files, never a line of script in the page
            assert re.fullmatch(r'<script src="/static/[a-z]+\.js" defer></script>', script), path
        assert " on" + "click=" not in page, path
        assert " style=" not in page, path
    assert demo_client.get("/docs").status_code == 404, "the interactive docs load remote scripts"


def test_script_like_text_is_shown_as_text(client: TestClient) -> None:
    csrf = token(client)
    client.post("/people", data={"csrf_token": csrf, "name": SCRIPT, "note": SCRIPT})
    person = client.get("/api/people").json()[0]
    assert person["name"] == SCRIPT
    client.post("/moments", data={"csrf_token": csrf, "person": str(person["id"]), "text": SCRIPT})
    client.post(
        "/seasons", data={"csrf_token": csrf, "whose": SCRIPT, "kind": "grief", "note": SCRIPT}
    )
    for path in ("/", f"/people/{person['id']}", "/seasons", "/moments/new", "/audit"):
        page = client.get(path).text
        assert "<script>window.pwned" not in page and "<img src=x" not in page, path
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page, path


def test_an_upload_over_the_limit_is_refused_with_a_clear_message(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    app = create_app(settings_for(f"sqlite:///{folder / 'small.db'}", upload_limit=1024))
    with TestClient(app, base_url=BASE) as client:
        csrf = token(client, "/data")
        answer = client.post(
            "/data/import",
            data={"csrf_token": csrf},
            files={"file": ("big.json", b"x" * 5000, "application/json")},
        )
        assert answer.status_code == 413
        assert answer.text.startswith("That upload is 5 KB and the limit is 1 KB.")

        def chunks() -> object:
            for _ in range(10):
                yield b"y" * 500

        streamed = client.post(
            "/api/people",
            content=chunks(),
            headers={**api_token(client), "content-type": "application/json"},
        )
        assert streamed.status_code in (400, 413)


def test_script_like_text_in_the_practice_pages_is_shown_as_text(demo_client: TestClient) -> None:
    csrf = token(demo_client)
    people = {p["name"]: p["id"] for p in demo_client.get("/api/people").json()}
    sides = {
        f"{side}_{q}": SCRIPT
        for side in ("me", "them")
        for q in ("supported", "meaningful", "drained")
    }
    saved = demo_client.post(
        f"/checkin/{people['Jordan']}",
        data={"csrf_token": csrf, **sides, "agreed": SCRIPT, "action": "keep"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    added = demo_client.post(
        "/rituals",
        data={
            "csrf_token": csrf,
            "person": str(people["Theo"]),
            "title": SCRIPT,
            "rule": "weekly",
            "note": SCRIPT,
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    done = demo_client.post(
        "/rituals/4/done", data={"csrf_token": csrf, "note": SCRIPT}, follow_redirects=False
    )
    assert done.status_code == 303
    boundary = demo_client.post(
        "/boundaries",
        data={
            "csrf_token": csrf,
            "whose": "Theo",
            "area": "topics",
            "request": SCRIPT,
            "note": SCRIPT,
            "action": "keep",
        },
        follow_redirects=False,
    )
    assert boundary.status_code == 303
    reviewed = demo_client.post(
        "/boundaries/4/review",
        data={"csrf_token": csrf, "status": "renegotiated", "request": SCRIPT, "note": SCRIPT},
        follow_redirects=False,
    )
    assert reviewed.status_code == 303
    win = demo_client.post(
        "/wins", data={"csrf_token": csrf, "whose": "Theo", "text": SCRIPT}, follow_redirects=False
    )
    assert win.status_code == 303
    upload = demo_client.post(
        "/import",
        data={"csrf_token": csrf, "me": SCRIPT},
        files={
            "file": ("chat.txt", b"03/08/2026, 09:00 - Sam: hi\n04/08/2026, 09:05 - Alex: hey\n")
        },
        follow_redirects=False,
    )
    assert upload.status_code == 303
    status = demo_client.get(upload.headers["location"])
    for _ in range(200):
        if 'http-equiv="refresh"' not in status.text:
            break
        status = demo_client.get(upload.headers["location"])
    pages = [
        demo_client.get(path).text
        for path in (
            f"/checkin/{people['Jordan']}",
            "/checkin",
            "/rituals",
            "/boundaries",
            "/wins",
            f"/people/{people['Theo']}",
            "/",
        )
    ]
    for page in [*pages, status.text]:
        assert "<script>window.pwned" not in page and "<img src=x" not in page
    for page in [pages[0], *pages[2:5], status.text]:
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
