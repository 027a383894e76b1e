"""The web app in-process: a fresh app on a temporary SQLite file per test, and its client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reciprocity.services.data import demo_database
from reciprocity.web import WebSettings, create_app

TODAY = date(2026, 11, 1)
BASE = "http://127.0.0.1:8765"
_TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def settings_for(url: str, **extra: object) -> WebSettings:
    return WebSettings(database_url=url, today=lambda: TODAY, **extra)  # type: ignore[arg-type]


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    """The app on an empty database."""
    return create_app(settings_for(f"sqlite:///{tmp_path / 'web.db'}"))


@pytest.fixture
def demo_app(tmp_path: Path) -> FastAPI:
    """The app on the demo data, as of ``TODAY``."""
    return create_app(settings_for(demo_database(tmp_path, today=TODAY), demo=True))


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
