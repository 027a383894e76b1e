"""The web app in-process: a fresh app per test on a new database (SQLite, then PostgreSQL)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reciprocity.web import WebSettings, create_app
from tests.databases import Databases

TODAY = date(2026, 11, 1)
BASE = "http://127.0.0.1:8765"
_TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def settings_for(url: str, **extra: object) -> WebSettings:
    return WebSettings(database_url=url, today=lambda: TODAY, **extra)  # type: ignore[arg-type]


@pytest.fixture
def web_url(databases: Databases) -> str:
    """The empty database ``app`` serves (for SQLite: ``web.db`` in the test's folder)."""
    return databases.new("web")


@pytest.fixture
def app(web_url: str) -> FastAPI:
    """The app on an empty database."""
    return create_app(settings_for(web_url))


@pytest.fixture
def demo_app(databases: Databases) -> FastAPI:
    """The app on the demo data, as of ``TODAY`` (for SQLite: ``demo.db``)."""
    return create_app(settings_for(databases.demo(today=TODAY), demo=True))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE) as test_client:
        yield test_client


@pytest.fixture
def demo_client(demo_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo_app, base_url=BASE) as test_client:
        yield test_client


def token(client: TestClient, page: str = "/people/new") -> str:
    """The form token the page at ``page`` carries (its cookie is now on the client)."""
    found = _TOKEN.search(client.get(page).text)
    assert found, f"no form token on {page}"
    return found.group(1)


def api_token(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.get("/api/csrf").json()["token"]}
