"""The app on loopback and the phones' listener beside it, in-process, over one database.

The listener stands at 127.0.0.2:8766 (the "network"); its clock is one the test
moves. ``Phones.pair()`` goes through a one-time link as a phone would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient

from reciprocity.web import WebSettings, create_app
from reciprocity.web.lan import LanGuard, LanState, create_lan_app

TODAY = date(2026, 11, 1)
NOW = datetime(2026, 11, 1, 12, 0)
HOME = "http://127.0.0.1:8765"
LAN = "http://127.0.0.2:8766"
TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def move(self, **by: float) -> None:
        self.now += timedelta(**by)


@dataclass
class Phones:
    clock: Clock
    lan: LanState
    app: FastAPI
    lan_app: LanGuard
    home: TestClient
    phone: TestClient
    others: list[TestClient] = field(default_factory=list)

    def api(self) -> dict[str, str]:
        return {"X-CSRF-Token": self.home.get("/api/csrf").json()["token"]}

    def add(self, *names: str) -> None:
        for name in names:
            assert (
                self.home.post("/api/people", json={"name": name}, headers=self.api()).status_code
                == 201
            )

    def link(self) -> str:
        """A fresh one-time pairing link's path on the listener."""
        made = self.home.post("/api/devices/pair", headers=self.api())
        assert made.status_code == 201, made.text
        url: str = made.json()["url"]
        assert url.startswith(LAN + "/pair/")
        return url.removeprefix(LAN)

    def another_phone(self) -> TestClient:
        client = TestClient(self.lan_app, base_url=LAN)
        client.__enter__()
        self.others.append(client)
        return client

    def pair(self, name: str = "Alex's phone", phone: TestClient | None = None) -> TestClient:
        phone = phone or self.phone
        path = self.link()
        token = form_token(phone, path)
        done = phone.post(path, data={"name": name, "csrf_token": token}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/capture?paired=1"
        return phone


def form_token(client: TestClient, page: str) -> str:
    answer = client.get(page)
    found = TOKEN.search(answer.text)
    assert found, f"no form token on {page} ({answer.status_code})"
    return found.group(1)


@contextmanager
def phones_beside(url: str, *, hours: float = 2) -> Iterator[Phones]:
    clock = Clock()
    settings = WebSettings(database_url=url, today=lambda: TODAY, now=clock)
    lan = LanState("127.0.0.2", 8766, NOW + timedelta(hours=hours), clock=clock)
    app = create_app(settings, lan=lan)
    lan_app = create_lan_app(settings, lan, app)
    with TestClient(app, base_url=HOME) as home, TestClient(lan_app, base_url=LAN) as phone:
        found = Phones(clock, lan, app, lan_app, home, phone)
        try:
            yield found
        finally:
            for other in found.others:
                other.__exit__(None, None, None)
