"""What any database keeps alike: values SQLite would take and PostgreSQL would refuse.

SQLite keeps a NUL character, text longer than its column and integers up to
2^63; PostgreSQL refuses all three. The store answers the same on both: an id
no table can hold is simply not found, text a database would refuse is refused
plainly before it is written, and what is long by nature (a large group's
key) is kept in a form that fits. Each test runs on both backends.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import api_token

BEYOND = (2**31, 2**63 - 1)
"""Ids past PostgreSQL's INTEGER, and the largest SQLite's can be."""


def _id_routes(client: TestClient) -> list[tuple[str, str]]:
    """Every API route with a numeric id in its path that needs no body (made from the schema)."""
    schema: dict[str, Any] = client.get("/api/openapi.json").json()
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            numeric = [
                p for p in operation.get("parameters", [])
                if p["in"] == "path" and p["schema"].get("type") == "integer"
            ]  # fmt: skip
            if numeric and not operation.get("requestBody", {}).get("required", False):
                found.append((method, path))
    return found


def test_an_id_no_table_can_hold_is_simply_not_found(demo_client: TestClient) -> None:
    routes = _id_routes(demo_client)
    assert len(routes) >= 10, routes
    headers = api_token(demo_client)
    for method, path in routes:
        for number in BEYOND:
            address = path.replace(path[path.index("{") : path.index("}") + 1], str(number))
            answer = demo_client.request(method.upper(), address, headers=headers)
            assert answer.status_code == 404, (method, address, answer.text)
            assert answer.json()["error"], (method, address)


def test_text_with_a_nul_is_refused_plainly_and_nothing_is_kept(client: TestClient) -> None:
    headers = api_token(client)
    sam = client.post("/api/people", json={"name": "Sam"}, headers=headers).json()["id"]
    noted = client.post(
        f"/api/people/{sam}/moments", json={"text": "a long call \x00 at night"}, headers=headers
    )
    assert noted.status_code == 400
    assert noted.json()["error"] == (
        "The moment's text holds a NUL character (\\0), which cannot be kept; please leave it out."
    )
    assert client.get(f"/api/people/{sam}/moments").json() == []
    named = client.post("/api/people", json={"name": "Ro\x00sa"}, headers=headers)
    assert named.status_code == 400 and "NUL" in named.json()["error"]
    assert [p["name"] for p in client.get("/api/people").json()] == ["Sam"]


def test_text_longer_than_its_place_is_refused_plainly(client: TestClient) -> None:
    headers = api_token(client)
    sam = client.post("/api/people", json={"name": "Sam"}, headers=headers).json()["id"]
    rule = "FREQ=YEARLY;BYYEARDAY=" + ",".join(str(day) for day in range(1, 200))
    added = client.post(
        "/api/rituals", json={"person_id": sam, "title": "Every day, nearly", "rule": rule},
        headers=headers,
    )  # fmt: skip
    assert added.status_code == 400
    assert added.json()["error"] == (
        f"The ritual's rule is {len(rule)} characters long; it can be at most 500."
    )
    assert client.get("/api/rituals").json() == []


@pytest.mark.parametrize("size", [80])
def test_a_large_group_chat_is_kept_and_recognised_again(client: TestClient, size: int) -> None:
    neighbours = [f"+44 7700 900{n:03d}" for n in range(size)]
    lines = [
        f"01/06/2026, 09:{n % 60:02d} - {name}: hello from {n}" for n, name in enumerate(neighbours)
    ]
    lines.append("01/06/2026, 10:00 - Alex: hello everyone")
    export = ("\n".join(lines) + "\n").encode()
    headers = api_token(client)

    def send() -> dict[str, Any]:
        answer = client.post(
            "/api/imports", data={"me": "Alex", "add": neighbours}, headers=headers,
            files={"file": ("WhatsApp Chat with Neighbours.txt", export, "text/plain")},
        )  # fmt: skip
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result

    first = send()
    assert first["new"] == size + 1 and len(first["participants"]) == size + 1
    again = send()
    assert again["new"] == 0, "the same chat, recognised by its members"
    assert len(client.get("/api/people").json()) == size
