"""Invitations through the web: the JSON API and pages on this computer, the friend's page on
the phones' listener (bound to 127.0.0.2, standing in for the network).

The app and the listener are built as ``serve --lan`` builds them, over one database,
each driven in-process through its own client; the listener's clock is the settings' own,
so a week can pass in a test.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from reciprocity.web import create_app
from reciprocity.web.lan import LanState, create_lan_app
from tests.web.conftest import BASE, TODAY, api_token, settings_for

LAN_HOST = "127.0.0.2"
LAN_PORT = 8766
LAN_BASE = f"http://{LAN_HOST}:{LAN_PORT}"
START = datetime(2026, 11, 1, 9, 0)
_TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
_CODE = re.compile(r"/invite/([A-Za-z0-9_-]{43})")
SAMS = {"supported": "you came to the clinic", "meaningful": "the soup", "drained": ""}
MINE = {"supported": "the walk on Sunday", "meaningful": "", "drained": "the late calls"}


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Both:
    """The app on this computer (``app``), the friend's phone on the listener (``phone``)."""

    app: TestClient
    phone: TestClient
    clock: Clock
    headers: dict[str, str]


@pytest.fixture
def both(web_url: str) -> Iterator[Both]:
    clock = Clock()
    settings = settings_for(web_url, now=clock)
    lan = LanState(LAN_HOST, LAN_PORT, until=START + timedelta(days=30), clock=clock)
    app = create_app(settings, lan=lan)
    listener = create_lan_app(settings, lan, app)
    with TestClient(app, base_url=BASE) as local, TestClient(listener, base_url=LAN_BASE) as phone:
        headers = api_token(local)
        assert local.post("/api/people", json={"name": "Sam"}, headers=headers).status_code == 201
        yield Both(local, phone, clock, headers)


def _invite(both: Both, kind: str = "checkin", **extra: object) -> dict[str, object]:
    made = both.app.post(
        "/api/invitations", json={"person": "Sam", "kind": kind, **extra}, headers=both.headers
    )
    assert made.status_code == 201, made.text
    found: dict[str, object] = made.json()
    return found


def _path(made: dict[str, object]) -> str:
    url = str(made["url"])
    assert url.startswith(LAN_BASE + "/invite/")
    return url.removeprefix(LAN_BASE)


def _form_token(page: str) -> str:
    found = _TOKEN.search(page)
    assert found, "no form token"
    return found.group(1)


def _friend_answers(both: Both, path: str, answers: dict[str, str]) -> int:
    page = both.phone.get(path)
    assert page.status_code == 200
    sent = both.phone.post(
        path, data={"csrf_token": _form_token(page.text), **answers}, follow_redirects=False
    )
    return sent.status_code


# -- the JSON API ------------------------------------------------------------


def test_the_api_makes_an_invitation_with_a_link_on_the_listener(both: Both) -> None:
    made = _invite(both, **{"from": "Alex"})
    assert set(made) >= {"id", "url", "expires"} and made["listening"] is True
    assert made["expires"] == "2026-11-08T09:00:00Z"
    state = both.app.get(f"/api/invitations/{made['id']}").json()
    assert state["state"] == "open" and state["answers"] == {"you": None}
    assert state["from"] == "Alex" and state["kind"] == "checkin"
    assert [i["id"] for i in both.app.get("/api/invitations").json()] == [made["id"]]


def test_the_friends_answers_stay_absent_until_the_user_has_answered(both: Both) -> None:
    made = _invite(both)
    assert _friend_answers(both, _path(made), SAMS) == 303
    state = both.app.get(f"/api/invitations/{made['id']}").json()
    assert "them" not in state["answers"] and state["answered"]["them"] is not None
    assert SAMS["supported"] not in both.app.get(f"/invitations/{made['id']}").text
    answered = both.app.post(
        f"/api/invitations/{made['id']}/answer", json=MINE, headers=both.headers
    )
    assert answered.status_code == 200
    assert answered.json()["answers"] == {"you": MINE, "them": SAMS}
    assert answered.json()["state"] == "revealed" and answered.json()["checkin"] is not None
    again = both.app.post(f"/api/invitations/{made['id']}/answer", json=MINE, headers=both.headers)
    assert again.status_code == 409


def test_the_api_refuses_what_it_cannot_use(both: Both) -> None:
    assert both.app.post("/api/invitations", json={"person": "Sam"}).status_code == 403
    nobody = both.app.post("/api/invitations", json={"person": "Nobody"}, headers=both.headers)
    assert nobody.status_code == 404
    odd = both.app.post(
        "/api/invitations", json={"person": "Sam", "kind": "ledger"}, headers=both.headers
    )
    assert odd.status_code == 422
    assert both.app.get("/api/invitations/99").status_code == 404
    made = _invite(both)
    empty = both.app.post(f"/api/invitations/{made['id']}/answer", json={}, headers=both.headers)
    assert empty.status_code == 400 and "at least one" in empty.json()["error"]
    unsigned = both.app.post(f"/api/invitations/{made['id']}/answer", json=MINE)
    assert unsigned.status_code == 403
    audit = _invite(both, "audit")
    half = both.app.post(
        f"/api/invitations/{audit['id']}/answer",
        json={"dimensions": {"initiation": {"rating": 3, "leaning": "me"}}},
        headers=both.headers,
    )
    assert half.status_code == 400 and "Depth" in half.json()["error"]


def test_a_new_link_withdrawing_and_removing(both: Both) -> None:
    made = _invite(both)
    renewed = both.app.post(f"/api/invitations/{made['id']}/link", headers=both.headers)
    assert renewed.status_code == 201 and renewed.json()["url"] != made["url"]
    assert both.phone.get(_path(made)).status_code == 404
    assert both.phone.get(_path(renewed.json())).status_code == 200
    closed = both.app.post(f"/api/invitations/{made['id']}/withdraw", headers=both.headers)
    assert closed.json()["state"] == "withdrawn"
    assert both.phone.get(_path(renewed.json())).status_code == 404
    gone = both.app.delete(f"/api/invitations/{made['id']}", headers=both.headers)
    assert gone.status_code == 200
    assert both.app.get(f"/api/invitations/{made['id']}").status_code == 404


def test_without_the_listener_the_link_waits_for_it(client: TestClient) -> None:
    headers = api_token(client)
    client.post("/api/people", json={"name": "Sam"}, headers=headers)
    made = client.post("/api/invitations", json={"person": "Sam"}, headers=headers).json()
    assert made["url"] is None and made["listening"] is False
    assert made["path"].startswith("/invite/") and "listener" in made["note"]
    assert client.get(made["path"]).status_code == 404  # never served on this computer


# -- the friend's page on the listener ----------------------------------------


def test_the_friends_page_says_whose_app_what_is_kept_and_the_rule(both: Both) -> None:
    made = _invite(both, **{"from": "Alex"})
    page = both.phone.get(_path(made))
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    text = html.unescape(page.text)
    assert "Alex keeps notes" in text and "in Alex's database on their computer" in text
    assert "Neither of you sees the other's answers until both have answered." in text
    for field in ("supported", "meaningful", "drained"):
        assert f'name="{field}"' in text
    assert 'href="/' not in text.replace('href="/lan.css"', "")  # no way into the app
    assert "<script" not in text


def test_the_friend_answers_once_takes_back_and_sees_both_sides(both: Both) -> None:
    made = _invite(both)
    path = _path(made)
    page = both.phone.get(path)
    token = _form_token(page.text)
    assert both.phone.post(path, data={"csrf_token": token, **SAMS}).status_code == 200
    replay = both.phone.post(path, data={"csrf_token": token, **SAMS})
    assert replay.status_code == 409  # the same POST again is refused
    waiting = both.phone.get(path).text
    assert SAMS["supported"] in waiting and MINE["supported"] not in waiting
    taken = both.phone.post(f"{path}/take-back", data={"csrf_token": token})
    assert taken.status_code == 200 and "taken back" in taken.text
    assert _friend_answers(both, path, {"supported": "the soup, really"}) == 303
    both.app.post(f"/api/invitations/{made['id']}/answer", json=MINE, headers=both.headers)
    shown = both.phone.get(path).text
    assert "Side by side" in shown and MINE["supported"] in shown and "the soup, really" in shown
    late = both.phone.post(f"{path}/take-back", data={"csrf_token": token})
    assert late.status_code == 409
    local = both.app.get(f"/invitations/{made['id']}").text
    assert "As Sam sees it" in local and "the soup, really" in local


def test_every_form_on_the_friends_page_needs_its_token(both: Both) -> None:
    made = _invite(both)
    path = _path(made)
    both.phone.get(path)
    assert both.phone.post(path, data=SAMS).status_code == 403
    assert both.phone.post(path, data={"csrf_token": "0" * 64, **SAMS}).status_code == 403
    assert both.phone.post(f"{path}/take-back", data={}).status_code == 403
    foreign = both.phone.post(
        path,
        data={"csrf_token": _form_token(both.phone.get(path).text), **SAMS},
        headers={"origin": "http://elsewhere.example"},
    )
    assert foreign.status_code == 403
    assert "them" not in both.app.get(f"/api/invitations/{made['id']}").json()["answers"]
    assert both.app.get(f"/api/invitations/{made['id']}").json()["answered"]["them"] is None


def test_unknown_and_expired_links_reveal_nothing(both: Both) -> None:
    made = _invite(both, **{"from": "Alex"})
    path = _path(made)
    token = _form_token(both.phone.get(path).text)
    for wrong in ("/invite/" + "A" * 43, path[:-1], path + "x", "/invite/%2e%2e", "/invite/"):
        answer = both.phone.get(wrong)
        assert answer.status_code == 404 and "Alex" not in answer.text and "Sam" not in answer.text
    unknown = both.phone.post("/invite/" + "A" * 43, data={"csrf_token": token, **SAMS})
    assert unknown.status_code == 404
    assert _friend_answers(both, path, SAMS) == 303
    both.clock.now = START + timedelta(days=7)
    gone = both.phone.get(path)
    assert gone.status_code == 410 and gone.headers["cache-control"] == "no-store"
    assert "Alex" not in gone.text and SAMS["supported"] not in gone.text
    assert both.phone.post(path, data={"csrf_token": token, **SAMS}).status_code == 410
    assert both.app.get(f"/api/invitations/{made['id']}").json()["state"] == "expired"
    late = both.app.post(f"/api/invitations/{made['id']}/answer", json=MINE, headers=both.headers)
    assert late.status_code == 409


def test_the_friend_rates_the_audit_from_their_side(both: Both) -> None:
    made = _invite(both, "audit", **{"from": "Alex"})
    path = _path(made)
    page = both.phone.get(path).text
    assert "I carry more" in page and "Alex carries more" in page
    ratings = {
        "rating_initiation": "3",
        "leaning_initiation": "them",  # "I carry more", said by Sam
        "rating_depth": "5",
        "rating_crisis": "4",
        "leaning_crisis": "me",
        "rating_maintenance": "2",
        "leaning_maintenance": "them",
    }
    missing = both.phone.post(
        path, data={"csrf_token": _form_token(page), **ratings, "leaning_crisis": ""}
    )
    assert missing.status_code == 400 and "who carries more" in missing.text
    assert 'value="3" required checked' in missing.text  # what was chosen stays chosen
    assert _friend_answers(both, path, ratings) == 303
    mine = {
        "dimensions": {
            "initiation": {"rating": 3, "leaning": "me"},
            "depth": {"rating": 5},
            "crisis": {"rating": 4, "leaning": "me"},
            "maintenance": {"rating": 4, "leaning": "them"},
        }
    }
    state = both.app.post(
        f"/api/invitations/{made['id']}/answer", json=mine, headers=both.headers
    ).json()
    assert state["answers"]["them"]["initiation"] == {"rating": 3, "leaning": "them"}
    local = both.app.get(f"/invitations/{made['id']}").text
    assert "Sam carries more" in local and "Worth talking about" in local
    assert "Initiation: you read it differently" in local
    assert "Maintenance: it feels more shared to one of you" in local
    person = both.app.get("/people/1").text
    assert "As Sam sees it" in person and "3 of 5, Sam carries more" in person


# -- the pages on this computer -----------------------------------------------


def test_invite_from_the_check_in_page_and_answer_there(both: Both) -> None:
    checkin = both.app.get("/checkin/1")
    assert 'href="/invitations/new?person=1&amp;kind=checkin"' in checkin.text
    new = both.app.get("/invitations/new?person=1&kind=checkin")
    assert new.status_code == 200 and "What Sam will see" in new.text
    assert "earlier audit ratings" not in new.text  # nothing to include without an audit
    token = _form_token(new.text)
    made = both.app.post(
        "/invitations", data={"csrf_token": token, "person": "1", "kind": "checkin", "from": "Alex"}
    )
    assert made.status_code == 200 and 'class="qr"' in made.text and 'role="img"' in made.text
    code = _CODE.search(made.text)
    assert code is not None and f"{LAN_BASE}/invite/{code.group(1)}" in made.text
    again = both.app.get("/invitations/1").text
    assert code.group(1) not in again and "Make a new link" in again  # shown once
    refused = both.app.post("/invitations/1/answer", data={"csrf_token": token, "supported": " "})
    assert refused.status_code == 400 and "at least one" in refused.text
    kept = both.app.post(
        "/invitations/1/answer", data={"csrf_token": token, **MINE}, follow_redirects=False
    )
    assert kept.status_code == 303
    assert "appear here once they have answered" in both.app.get("/invitations/1").text
    assert _friend_answers(both, f"/invite/{code.group(1)}", SAMS) == 303
    revealed = both.app.get("/invitations/1").text
    assert "As you see it" in revealed and SAMS["supported"] in revealed
    past = both.app.get("/checkin/1").text
    assert "As Sam sees it" in past and SAMS["supported"] in past
    listed = both.app.get("/invitations").text
    assert "answered by both" in listed
    assert both.app.get(f"/invitations/new?person=1&kind=checkin&x={TODAY}").status_code == 200


def test_closing_and_removing_an_invitation_from_its_page(both: Both) -> None:
    made = _invite(both)
    page = both.app.get(f"/invitations/{made['id']}")
    token = _form_token(page.text)
    closed = both.app.post(f"/invitations/{made['id']}/withdraw", data={"csrf_token": token})
    assert closed.status_code == 200 and "no longer opens" in closed.text
    asked = both.app.post(f"/invitations/{made['id']}/remove", data={"csrf_token": token})
    assert asked.status_code == 200 and "Remove the invitation for Sam" in asked.text
    gone = both.app.post(
        f"/invitations/{made['id']}/remove", data={"csrf_token": token, "confirm": "yes"}
    )
    assert gone.status_code == 200 and "No invitations yet" in gone.text
