"""The JSON API against its own OpenAPI schema: schemathesis, bounded, on the demo.

Every operation is called with generated values (a few dozen a route); no
answer may be a server error, and every answer must be one the schema lists,
in the shape it gives. Writes carry the anti-forgery token, as a client's do.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import schemathesis
import schemathesis.specs.openapi.checks as checks
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from reciprocity.services.data import demo_database
from reciprocity.web import WebSettings, create_app
from tests.web.conftest import BASE

TODAY = date(2026, 11, 1)


@pytest.fixture(scope="module")
def api_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("schema")
    settings = WebSettings(
        database_url=demo_database(folder, today=TODAY),
        today=lambda: TODAY,
        allowed_hosts=("testserver",),  # the name schemathesis's ASGI client sends
    )
    app = create_app(settings)
    with TestClient(app, base_url=BASE):
        yield app


@pytest.fixture(scope="module")
def api_schema(api_app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/openapi.json", api_app)


@pytest.fixture(scope="module")
def token(api_app: FastAPI) -> dict[str, str]:
    client = TestClient(api_app, base_url="http://testserver")
    answer = client.get("/api/csrf")
    return {
        "X-CSRF-Token": answer.json()["token"],
        "Cookie": "; ".join(f"{k}={v}" for k, v in answer.cookies.items()),
    }


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_error_and_only_answers_the_schema_gives(
    case: schemathesis.Case, token: dict[str, str]
) -> None:
    # Every check but two: a value the schema allows may still be refused by the product's
    # own rules (an empty name, an unknown id: a 400 or 404 the schema lists), and pydantic
    # reads a few values leniently (0 as false); neither is a broken answer.
    case.call_and_validate(
        headers=token,
        excluded_checks=[checks.positive_data_acceptance, checks.negative_data_rejection],
    )
