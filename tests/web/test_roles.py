"""Roles under stress on the seasons page: shared, switched and stopped, as ``reciprocity roles`` does."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import token

THEO_MOVING = 3
"""The demo's ongoing season: Theo is moving flat (Rosa's, 1, and Priya's, 2, are over)."""


def _rotations(client: TestClient) -> list[dict[str, object]]:
    answer: list[dict[str, object]] = client.get("/api/roles").json()
    return answer


def _notice(page: str) -> str:
    found = re.search(r'<p class="notice" role="status">(.*?)</p>', page, re.S)
    assert found, "no notice on the page"
    return found.group(1)


def _problem(page: str) -> str:
    found = re.search(r'role="alert" id="problem"><h2>.*?</h2><p>(.*?)</p>', page, re.S)
    assert found, "no problem on the page"
    return found.group(1)


def test_the_seasons_page_shows_who_holds_which_role_and_when_they_switch(
    demo_client: TestClient,
) -> None:
    page = demo_client.get("/seasons").text
    card = page[page.index('id="season-3"') : page.index('id="season-2"')]
    assert "Roles now: Theo is the planner; you are the listener." in card
    assert "They switch every 7 days; next switch on 5 Nov 2026." in card
    assert 'action="/roles/1/switch"' in card and 'action="/roles/1/stop"' in card
    assert 'action="/seasons/3/roles"' in card and "Set the roles afresh" in card
    assert 'name="with"' not in card, "Theo's season: the roles are shared with Theo"
    ended = page[page.index('id="season-2"') :]
    assert "/roles" not in ended.split("<h2")[0], "no roles for a season that is over"
    assert "your turn" not in page.lower()


def test_sharing_switching_and_stopping_roles(demo_client: TestClient) -> None:
    csrf = token(demo_client, "/seasons")
    started = demo_client.post(
        "/seasons", data={"csrf_token": csrf, "whose": "me", "kind": "job-loss"}
    )
    assert started.status_code == 200
    mine = next(s for s in demo_client.get("/api/seasons").json() if s["whose"] == "me")
    page = demo_client.get("/seasons").text
    assert f'<select id="roles-with-{mine["id"]}" name="with" required>' in page

    shared = demo_client.post(
        f"/seasons/{mine['id']}/roles",
        data={
            "csrf_token": csrf,
            "mine": " Planner ",
            "theirs": "listener",
            "every": "3",
            "with": "Sam",
        },
        follow_redirects=False,
    )
    assert shared.status_code == 303
    assert shared.headers["location"].endswith(f"#season-{mine['id']}")
    page = demo_client.get(shared.headers["location"]).text
    assert _notice(page) == "Roles are shared now: you are the planner; Sam is the listener."
    assert "They switch every 3 days; next switch on 4 Nov 2026." in page
    [rotation] = [r for r in _rotations(demo_client) if r["season"] == mine["id"]]
    assert rotation["person"] == "Sam" and rotation["start"] == "2026-11-01"

    switched = demo_client.post(f"/roles/{rotation['id']}/switch", data={"csrf_token": csrf})
    assert _notice(switched.text) == "Switched roles: Sam is the planner; you are the listener."

    again = demo_client.post(
        f"/seasons/{mine['id']}/roles",
        data={"csrf_token": csrf, "mine": "cook", "theirs": "driver", "with": "Sam"},
    )
    assert _notice(again.text) == "Roles are shared now: you are the cook; Sam is the driver."
    assert "They switch by hand." in again.text
    [afresh] = [r for r in _rotations(demo_client) if r["season"] == mine["id"]]
    assert afresh["id"] == rotation["id"] and afresh["shift"] == 0, "set afresh, not twice"

    stopped = demo_client.post(f"/roles/{rotation['id']}/stop", data={"csrf_token": csrf})
    assert _notice(stopped.text) == (
        "Stopped sharing roles with Sam. The season goes on, and you can share roles again "
        "at any time."
    )
    assert [r["season"] for r in _rotations(demo_client)] == [THEO_MOVING]
    assert next(s for s in demo_client.get("/api/seasons").json() if s["id"] == mine["id"])[
        "ongoing"
    ]


@pytest.mark.parametrize(
    ("season", "form", "said"),
    [
        (99, {"mine": "planner", "theirs": "listener"}, "There is no season with id 99"),
        (THEO_MOVING, {"mine": "planner", "theirs": ""}, "Give two different roles"),
        (THEO_MOVING, {"mine": "planner", "theirs": " Planner"}, "Give two different roles"),
        (
            THEO_MOVING,
            {"mine": "planner", "theirs": "listener", "every": "weekly"},
            "Switching every weekly days does not work here",
        ),
        (
            THEO_MOVING,
            {"mine": "planner", "theirs": "listener", "every": "0"},
            "please give a whole number of days from 1 to 365",
        ),
        (
            THEO_MOVING,
            {"mine": "planner", "theirs": "listener", "every": "-7"},
            "Switching every -7 days does not work here",
        ),
        (
            THEO_MOVING,
            {"mine": "planner", "theirs": "listener", "with": "Mallory"},
            "No one called &#39;Mallory&#39; is in your list",
        ),
        (
            1,
            {"mine": "planner", "theirs": "listener"},
            "Season 1 ended on 14 Jul 2026; roles are shared while a season is still going.",
        ),
    ],
)
def test_roles_that_cannot_be_shared_are_refused_with_one_line_and_nothing_saved(
    demo_client: TestClient, season: int, form: dict[str, str], said: str
) -> None:
    before = _rotations(demo_client)
    answer = demo_client.post(
        f"/seasons/{season}/roles", data={"csrf_token": token(demo_client, "/seasons"), **form}
    )
    assert answer.status_code == 400
    assert said in _problem(answer.text)
    assert _rotations(demo_client) == before
    if season == THEO_MOVING:
        assert "<details open>" in answer.text, "the form stays open with what was typed"
        assert 'value="planner"' in answer.text


def test_your_own_season_needs_someone_to_share_the_roles_with(demo_client: TestClient) -> None:
    csrf = token(demo_client, "/seasons")
    demo_client.post("/seasons", data={"csrf_token": csrf, "whose": "me", "kind": "exams"})
    mine = next(s for s in demo_client.get("/api/seasons").json() if s["whose"] == "me")
    answer = demo_client.post(
        f"/seasons/{mine['id']}/roles",
        data={"csrf_token": csrf, "mine": "planner", "theirs": "listener"},
    )
    assert answer.status_code == 400
    assert _problem(answer.text).startswith(
        f"Season {mine['id']} is your own; please say who shares the roles with you"
    )
    assert len(_rotations(demo_client)) == 1


def test_switching_or_stopping_roles_that_are_not_there(demo_client: TestClient) -> None:
    csrf = token(demo_client, "/seasons")
    for action in ("switch", "stop"):
        answer = demo_client.post(f"/roles/99/{action}", data={"csrf_token": csrf})
        assert answer.status_code == 400
        assert _problem(answer.text).startswith("There is no role rotation with id 99")
    assert len(_rotations(demo_client)) == 1
