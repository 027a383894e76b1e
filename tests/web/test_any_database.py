"""What any database keeps alike: values SQLite would take and PostgreSQL would refuse.

SQLite keeps integers up to 2^63; PostgreSQL's INTEGER ends at 2^31. The
store answers the same on both: an id no table can hold is simply not found.
Each test runs on both backends.
"""

from __future__ import annotations

from typing import Any

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

