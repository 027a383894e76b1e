"""The web app's edges, with cases generated from its own routes so new routes are covered.

Ids no store can hold, text with half a character, uploads with hostile names,
chunked bodies past the limit, methods a route does not take, and caching:
each is a 4xx (or a header) with a clear message, never a server error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import RouteContext, iter_route_contexts
from fastapi.testclient import TestClient

from tests.web.conftest import BASE, api_token, token

HUGE = 2**64
WHATSAPP = b"12/03/2024, 10:00 - Sam: Morning!\n12/03/2024, 10:05 - Alex: Hello\n"


@pytest.fixture
def raw_client(demo_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo_app, base_url=BASE, raise_server_exceptions=False) as client:
        yield client


def _routes(app: FastAPI) -> list[RouteContext]:
    """Every route of the app, pages and API, however the routers were included."""
    return list(iter_route_contexts(app.routes))


def test_an_id_no_store_can_hold_is_a_4xx_on_every_route(
    demo_app: FastAPI, raw_client: TestClient
) -> None:
    headers = api_token(raw_client)
    form_token = token(raw_client, "/people/new")
    tried = 0
    for route in _routes(demo_app):
        names = re.findall(r"{(\w+_id)}", route.path)
        if not names:
            continue
        path = route.path
        for name in names:
            path = path.replace(f"{{{name}}}", str(HUGE))
        for method in sorted(set(route.methods or ()) - {"HEAD"}):
            if method == "GET":
                answer = raw_client.get(path)
            elif path.startswith("/api"):
                answer = raw_client.request(method, path, json={}, headers=headers)
            else:
                answer = raw_client.request(method, path, data={"csrf_token": form_token})
            tried += 1
            assert 400 <= answer.status_code < 500, (method, path, answer.status_code)
            assert "Traceback" not in answer.text
    assert tried >= 30


def _example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A value a schema accepts: its example, else the simplest of its type."""
    if "$ref" in schema:
        return _example(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    if schema.get("examples"):
        return schema["examples"][0]
    if "default" in schema:
        return schema["default"]
    for key in ("anyOf", "allOf", "oneOf"):
        if key in schema:
            return _example(schema[key][0], components)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {
            name: _example(part, components)
            for name, part in schema.get("properties", {}).items()
            if name in schema.get("required", [])
        }
    return {"string": "x", "integer": 1, "number": 1, "boolean": True, "array": []}.get(
        str(kind), "x"
    )


def test_half_a_character_in_any_text_of_a_body_is_a_422_naming_the_field(
    raw_client: TestClient,
) -> None:
    spec = raw_client.get("/api/openapi.json").json()
    components = spec["components"]["schemas"]
    headers = api_token(raw_client)
    tried = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" not in content:
                continue
            schema = content["application/json"]["schema"]
            if "$ref" in schema:
                schema = components[schema["$ref"].rsplit("/", 1)[-1]]
            body = _example(schema, components)
            texts = [
                name
                for name, part in schema.get("properties", {}).items()
                if part.get("type") == "string"
                or any(kind.get("type") == "string" for kind in part.get("anyOf", []))
            ]
            concrete = re.sub(r"{\w+}", "1", path)
            for name in texts:
                sent = json.dumps({**body, name: "\ud83d half"})  # JSON escapes it: \\ud83d
                answer = raw_client.request(
                    method.upper(),
                    concrete,
                    content=sent,
                    headers={**headers, "content-type": "application/json"},
                )
                tried.append((method, path, name))
                assert answer.status_code == 422, (method, path, name, answer.text)
                problems = answer.json()["problems"]
                assert any(p["where"] == f"body.{name}" for p in problems), problems
                assert "half of a character" in answer.text
    assert len(tried) >= 25


@pytest.mark.parametrize(
    "name",
    ["..", "a/../..", "../../etc/passwd", "x" * 300 + ".txt", "a\x00b.txt", "\u202e.txt", ""],
)
def test_an_upload_with_a_hostile_name_is_read_or_refused_never_a_crash(
    raw_client: TestClient, name: str
) -> None:
    answer = raw_client.post(
        "/api/imports",
        files={"file": (name, WHATSAPP, "text/plain")},
        data={"me": "Alex"},
        headers=api_token(raw_client),
    )
    assert answer.status_code in (200, 400, 422), answer.text  # 422: a part with no file name
    if answer.status_code == 200:
        assert answer.json()["messages"] == 2
    restored = raw_client.post(
        "/data/import",
        data={"csrf_token": token(raw_client, "/data")},
        files={"file": (name, b'{"format": "reciprocity", ', "application/json")},
    )
    said = "Please choose an export file" if not name else "line 1"  # no name: no file chosen
    assert restored.status_code == 400 and said in restored.text


def test_a_chunked_body_past_the_limit_is_a_413_on_pages_and_api(raw_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        for _ in range(210):
            yield b"y" * (1024 * 1024)
        yield b"\r\n--b--\r\n"

    headers = {**api_token(raw_client), "content-type": "multipart/form-data; boundary=b"}
    api = raw_client.post("/api/imports", content=chunks(), headers=headers)
    assert api.status_code == 413 and "the limit is 200 MB" in api.json()["error"]
    page = raw_client.post("/data/import", content=chunks(), headers=headers)
    assert page.status_code == 413 and "the limit is 200 MB" in page.text


def test_a_method_a_route_does_not_take_says_which_it_does(raw_client: TestClient) -> None:
    answer = raw_client.put("/api/people")
    assert answer.status_code == 405
    assert {m.strip() for m in answer.headers["allow"].split(",")} >= {"GET", "POST"}


def test_nothing_private_is_kept_in_a_cache(raw_client: TestClient) -> None:
    for path in ("/", "/people/1", "/api/people", "/data/export.json", "/nowhere", "/report.html"):
        assert raw_client.get(path).headers["cache-control"] == "no-store", path
    assert "no-store" not in raw_client.get("/static/style.css").headers.get("cache-control", "")
