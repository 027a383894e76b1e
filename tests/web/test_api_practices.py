"""The JSON API for the practices: the same services as the pages, the same words as the CLI."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from reciprocity.coach import practices as practice_words
from reciprocity.services import due, shapes
from reciprocity.store import Database
from tests.web.conftest import TODAY, api_token
from tests.web.test_chat_import import whatsapp_export

PRACTICE_PATHS = {
    "/api/rituals",
    "/api/rituals/{ritual_id}/done",
    "/api/rituals/{ritual_id}/skip",
    "/api/rituals/{ritual_id}/move",
    "/api/rituals/{ritual_id}/end",
    "/api/roles",
    "/api/roles/{rotation_id}/switch",
    "/api/roles/{rotation_id}/stop",
    "/api/checkins",
    "/api/people/{person_id}/checkin-agenda",
    "/api/people/{person_id}/checkins",
    "/api/boundaries",
    "/api/boundaries/{boundary_id}/review",
    "/api/wins",
    "/api/due",
    "/api/imports",
    "/api/imports/{import_id}",
}


def _people(client: TestClient) -> dict[str, int]:
    return {p["name"]: p["id"] for p in client.get("/api/people").json()}


def _ritual(client: TestClient, title: str) -> dict[str, object]:
    return next(r for r in client.get("/api/rituals").json() if r["title"] == title)


def test_the_schema_lists_the_practices(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) >= PRACTICE_PATHS
    assert set(schema["paths"]["/api/imports"]["post"]["requestBody"]["content"]) == {
        "multipart/form-data"
    }
    ritual = schema["components"]["schemas"]["RitualIn"]["properties"]
    assert "every sunday" in ritual["rule"]["examples"]
    assert "2 weeks" in ritual["every"]["examples"] and "first saturday" in ritual["on"]["examples"]


# -- rituals ------------------------------------------------------------------


def test_rituals_say_what_is_next_who_hosts_and_how_well_kept(demo_client: TestClient) -> None:
    dinner = _ritual(demo_client, "Dinner, taking turns to host")
    assert dinner["cadence"] == "every month on the first Friday"
    assert dinner["hosts_next"] == "Jordan" and dinner["host_sentence"] == "Jordan hosts next."
    assert dinner["upcoming"] == "2026-11-06" and dinner["waiting"] is None
    assert dinner["kept"] == {
        "since": "2026-07-24",
        "done": 3,
        "skipped": 0,
        "missed": 0,
        "share": 1.0,
    }
    assert dinner["kept_words"] == "kept 3 of 3 since 24 Jul 2026"
    call = _ritual(demo_client, "Sunday call with Mum")
    assert call["waiting"] == "2026-11-01" and call["host_sentence"] == "You host next."


def test_adding_a_ritual_with_a_friendly_cadence(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    people = _people(demo_client)
    made = demo_client.post(
        "/api/rituals",
        json={
            "person_id": people["Priya"],
            "title": "Board games",
            "rule": "every other Saturday",
            "others": [people["Sam"]],
            "first": "priya",
            "at": "19:30",
            "zone": "Europe/London",
        },
        headers=headers,
    )
    assert made.status_code == 201
    ritual = made.json()
    assert ritual["rule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"
    assert ritual["cadence"] == "every two weeks on Saturday"
    assert ritual["people"] == ["Priya", "Sam"] and ritual["rotation"] == ["me", "Priya", "Sam"]
    assert ritual["host_sentence"] == "Priya hosts next." and ritual["upcoming"] == "2026-11-14"
    assert ritual["at"] == "19:30" and ritual["zone"] == "Europe/London"
    assert _ritual(demo_client, "Board games")["id"] == ritual["id"]


def test_a_ritual_s_cadence_can_be_said_with_every_and_on(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    rosa = _people(demo_client)["Rosa"]
    said = {
        ("2 weeks", "sunday"): ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", "every two weeks on Sunday"),
        ("month", "first saturday"): (
            "FREQ=MONTHLY;BYDAY=1SA",
            "every month on the first Saturday",
        ),
        ("month", "15"): ("FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
        ("year", None): ("FREQ=YEARLY", "every year on 1 November"),
    }
    for (every, on), (rule, cadence) in said.items():
        body: dict[str, Any] = {"person_id": rosa, "title": f"Tea, {every}", "every": every}
        if on is not None:
            body["on"] = on
        made = demo_client.post("/api/rituals", json=body, headers=headers)
        assert made.status_code == 201, made.text
        assert (made.json()["rule"], made.json()["cadence"]) == (rule, cadence)

    tea = _ritual(demo_client, "Tea, year")["id"]
    changed = demo_client.patch(
        f"/api/rituals/{tea}", json={"every": "week", "on": "friday"}, headers=headers
    )
    assert changed.status_code == 200 and changed.json()["rule"] == "FREQ=WEEKLY;BYDAY=FR"
    renamed = demo_client.patch(
        f"/api/rituals/{tea}", json={"title": "Friday tea"}, headers=headers
    )
    assert renamed.json()["rule"] == "FREQ=WEEKLY;BYDAY=FR", "a cadence left out is kept"
    alone = demo_client.patch(f"/api/rituals/{tea}", json={"on": "monday"}, headers=headers)
    assert alone.status_code == 400
    assert alone.json() == {"error": practice_words.CADENCE_PROBLEMS["on-alone"]}


@pytest.mark.parametrize(
    ("cadence", "error"),
    [
        ({}, practice_words.CADENCE_PROBLEMS["missing"]),
        ({"every": "week", "rule": "weekly"}, practice_words.CADENCE_PROBLEMS["twice"]),
        ({"on": "sunday"}, practice_words.CADENCE_PROBLEMS["on-alone"]),
        ({"on": "sunday", "rule": "weekly"}, practice_words.CADENCE_PROBLEMS["on-alone"]),
        ({"every": "sometimes"}, "'sometimes' is not a way of saying how often"),
        ({"every": "year", "on": "monday"}, "'monday' does not go with every year"),
        ({"every": "month", "on": "saturday"}, "'saturday' comes more than once a month"),
    ],
)
def test_a_cadence_said_twice_half_or_not_at_all_is_refused_in_the_api_s_terms(
    demo_client: TestClient, cadence: dict[str, str], error: str
) -> None:
    rosa = _people(demo_client)["Rosa"]
    refused = demo_client.post(
        "/api/rituals",
        json={"person_id": rosa, "title": "Tea", **cadence},
        headers=api_token(demo_client),
    )
    assert refused.status_code == 400
    assert refused.json()["error"].startswith(error)
    assert "--" not in refused.json()["error"], "the API never names the command line's flags"
    assert [r["title"] for r in demo_client.get("/api/rituals").json()].count("Tea") == 0


def test_a_ritual_that_cannot_be_read_is_refused_with_one_clear_message(
    demo_client: TestClient,
) -> None:
    headers = api_token(demo_client)
    rosa = _people(demo_client)["Rosa"]
    bad = demo_client.post(
        "/api/rituals",
        json={"person_id": rosa, "title": "Tea", "rule": "now and then"},
        headers=headers,
    )
    assert bad.status_code == 400
    assert bad.json() == {
        "error": (
            "'now and then' is not a cadence reciprocity can read (expected NAME=VALUE parts "
            "separated by ';'); try FREQ=WEEKLY;BYDAY=SU, weekly, fortnightly, monthly, every "
            "sunday or 'monthly on the first saturday'."
        )
    }
    zone_alone = demo_client.post(
        "/api/rituals",
        json={"person_id": rosa, "title": "Tea", "rule": "weekly", "zone": "Europe/London"},
        headers=headers,
    )
    assert zone_alone.status_code == 400 and "goes with a time of day" in zone_alone.json()["error"]
    stranger = demo_client.post(
        "/api/rituals",
        json={"person_id": rosa, "title": "Tea", "rule": "weekly", "first": "Mallory"},
        headers=headers,
    )
    assert stranger.status_code == 400 and "me, Rosa" in stranger.json()["error"]
    nobody = demo_client.post(
        "/api/rituals", json={"person_id": 999, "title": "Tea", "rule": "weekly"}, headers=headers
    )
    assert nobody.status_code == 404 and "999" in nobody.json()["error"]
    untitled = demo_client.post(
        "/api/rituals", json={"person_id": rosa, "rule": "weekly"}, headers=headers
    )
    assert untitled.status_code == 422
    assert untitled.json()["problems"][0]["where"] == "body.title"
    assert [r["title"] for r in demo_client.get("/api/rituals").json()].count("Tea") == 0


def test_marking_a_ritual_done_moves_hosting_on(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    dinner = _ritual(demo_client, "Dinner, taking turns to host")
    done = demo_client.post(
        f"/api/rituals/{dinner['id']}/done",
        json={"planned": "2026-11-06", "note": "Jordan cooked"},
        headers=headers,
    )
    assert done.status_code == 200
    assert done.json()["marked"] == {
        "due": "2026-11-06",
        "status": "done",
        "on": "2026-11-01",
        "host": "Jordan",
        "note": "Jordan cooked",
    }
    assert done.json()["hosts_next"] == "me" and done.json()["host_sentence"] == "You host next."
    assert _ritual(demo_client, "Dinner, taking turns to host")["upcoming"] == "2026-12-04"
    call = _ritual(demo_client, "Sunday call with Mum")
    bare = demo_client.post(f"/api/rituals/{call['id']}/done", headers=headers)
    assert bare.status_code == 200, "no body: today, the latest open one, whoever was next"
    assert bare.json()["marked"]["due"] == "2026-11-01" and bare.json()["waiting"] is None
    again = demo_client.post(
        f"/api/rituals/{call['id']}/done", json={"host": "Mallory"}, headers=headers
    )
    assert again.status_code == 400 and "Mallory" in again.json()["error"]


def test_skipping_and_moving_an_occurrence(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    call = _ritual(demo_client, "Sunday call with Mum")
    climbing = _ritual(demo_client, "Climbing")
    skipped = demo_client.post(
        f"/api/rituals/{call['id']}/skip", json={"planned": "2026-11-01"}, headers=headers
    )
    assert skipped.status_code == 200
    assert skipped.json()["marked"]["status"] == "skipped"
    assert skipped.json()["upcoming"] == "2026-11-08" and skipped.json()["waiting"] is None
    moved = demo_client.post(
        f"/api/rituals/{climbing['id']}/move",
        json={"planned": "2026-11-11", "to": "2026-11-13"},
        headers=headers,
    )
    assert moved.status_code == 200
    assert moved.json()["marked"] == {
        "due": "2026-11-11",
        "status": "moved",
        "on": "2026-11-13",
        "host": None,
        "note": "",
    }
    assert moved.json()["upcoming"] == "2026-11-13"
    nowhere = demo_client.post(
        f"/api/rituals/{climbing['id']}/move", json={"to": ""}, headers=headers
    )
    assert nowhere.status_code == 400
    assert nowhere.json() == {"error": "Please say which day it moves to."}
    no_day = demo_client.post(f"/api/rituals/{climbing['id']}/move", json={}, headers=headers)
    assert no_day.status_code == 422 and no_day.json()["problems"][0]["where"] == "body.to"
    wrong = demo_client.post(
        f"/api/rituals/{climbing['id']}/skip", json={"planned": "2026-11-12"}, headers=headers
    )
    assert wrong.status_code == 409 and "was not planned for 12 Nov 2026" in wrong.json()["error"]
    for action in ("done", "skip"):
        missing = demo_client.post(f"/api/rituals/99/{action}", json={}, headers=headers)
        assert missing.status_code == 404 and "99" in missing.json()["error"]


def test_ending_a_ritual(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    climbing = _ritual(demo_client, "Climbing")
    moved = demo_client.post(
        f"/api/rituals/{climbing['id']}/move",
        json={"planned": "2026-11-11", "to": "2026-11-20"},
        headers=headers,
    )
    assert moved.json()["upcoming"] == "2026-11-20"
    ended = demo_client.post(
        f"/api/rituals/{climbing['id']}/end", json={"on": "2026-11-15"}, headers=headers
    )
    assert ended.status_code == 200
    assert ended.json()["end"] == "2026-11-15" and ended.json()["upcoming"] is None, (
        "a day moved past the last one does not come up"
    )
    call = _ritual(demo_client, "Sunday call with Mum")
    bare = demo_client.post(f"/api/rituals/{call['id']}/end", headers=headers)
    assert bare.status_code == 200 and bare.json()["end"] == "2026-11-01", "no body: today"
    assert bare.json()["upcoming"] is None and bare.json()["kept"] == call["kept"]
    dinner = _ritual(demo_client, "Dinner, taking turns to host")
    before = demo_client.post(
        f"/api/rituals/{dinner['id']}/end", json={"on": "2026-07-01"}, headers=headers
    )
    assert before.status_code == 400
    assert before.json() == {
        "error": (
            "The end, 1 Jul 2026, comes before the start, 24 Jul 2026; please choose an end on or "
            "after the start."
        )
    }
    assert _ritual(demo_client, "Dinner, taking turns to host")["end"] is None, "nothing saved"
    missing = demo_client.post("/api/rituals/99/end", json={}, headers=headers)
    assert missing.status_code == 404 and "99" in missing.json()["error"]


# -- roles under stress -------------------------------------------------------


def test_roles_say_who_holds_which_today_and_when_they_switch(demo_client: TestClient) -> None:
    [theo] = demo_client.get("/api/roles").json()
    assert theo == {
        "id": 1,
        "season": 3,
        "person": "Theo",
        "roles": ["planner", "listener"],
        "start": "2026-10-08",
        "every_days": 7,
        "shift": 0,
        "today": {"planner": "Theo", "listener": "me"},
        "holders_words": "Theo is the planner; you are the listener",
        "next_switch": "2026-11-05",
        "switch_words": "every 7 days; next switch on 5 Nov 2026",
    }


def test_sharing_switching_and_stopping_roles(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    mine = demo_client.post(
        "/api/seasons", json={"whose": "me", "kind": "caregiving"}, headers=headers
    ).json()
    made = demo_client.post(
        "/api/roles",
        json={
            "season_id": mine["id"],
            "mine": "planner",
            "theirs": "listener",
            "every_days": 1,
            "person": "Priya",
        },
        headers=headers,
    )
    assert made.status_code == 201
    rotation = made.json()
    assert rotation["person"] == "Priya" and rotation["today"] == {
        "planner": "me",
        "listener": "Priya",
    }
    assert rotation["switch_words"] == "every day; next switch on 2 Nov 2026"
    switched = demo_client.post(f"/api/roles/{rotation['id']}/switch", headers=headers)
    assert switched.status_code == 200 and switched.json()["shift"] == 1
    assert switched.json()["holders_words"] == "Priya is the planner; you are the listener"
    again = demo_client.post(
        "/api/roles",
        json={"season_id": 3, "mine": "listener", "theirs": "planner"},
        headers=headers,
    )
    assert again.status_code == 201 and again.json()["id"] == 1, "Theo's roles, set afresh"
    assert again.json()["every_days"] is None and again.json()["switch_words"] == "by hand"
    stopped = demo_client.post(f"/api/roles/{rotation['id']}/stop", headers=headers)
    assert stopped.status_code == 200
    assert stopped.json() == {"stopped": rotation["id"], "season": mine["id"]}
    assert [r["id"] for r in demo_client.get("/api/roles").json()] == [1]


def test_roles_that_cannot_be_shared_are_refused(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    before = demo_client.get("/api/roles").json()
    mine = demo_client.post(
        "/api/seasons", json={"whose": "me", "kind": "exams"}, headers=headers
    ).json()
    cases = [
        ({"season_id": 99}, 404, "There is no season with id 99"),
        ({"season_id": 3, "theirs": "  "}, 400, "Give two different roles"),
        ({"season_id": 3, "every_days": 0}, 400, "from 1 to 365"),
        ({"season_id": 3, "every_days": 400}, 400, "Switching every 400 days"),
        ({"season_id": mine["id"]}, 400, f"Season {mine['id']} is your own"),
        ({"season_id": 1}, 409, "Season 1 ended on 14 Jul 2026"),
    ]
    for change, status, said in cases:
        body = {"mine": "planner", "theirs": "listener", **change}
        answer = demo_client.post("/api/roles", json=body, headers=headers)
        assert answer.status_code == status, change
        assert said in answer.json()["error"], change
    assert demo_client.get("/api/roles").json() == before
    for action in ("switch", "stop"):
        missing = demo_client.post(f"/api/roles/99/{action}", headers=headers)
        assert missing.status_code == 404 and "99" in missing.json()["error"]


# -- check-ins ----------------------------------------------------------------


def test_checkins_are_listed_for_everyone_or_one_person(demo_client: TestClient) -> None:
    people = _people(demo_client)
    everyone = demo_client.get("/api/checkins").json()
    assert {c["person"] for c in everyone} == {"Jordan", "Sam"}
    jordans = demo_client.get("/api/checkins", params={"person_id": people["Jordan"]}).json()
    assert [c["on"] for c in jordans] == ["2026-09-12"] and jordans[0]["next_on"] == "2026-10-24"
    assert set(jordans[0]["sides"]) == {"me", "them"}
    missing = demo_client.get("/api/checkins", params={"person_id": 999})
    assert missing.status_code == 404 and "error" in missing.json()
    assert demo_client.get("/api/checkins", params={"person_id": "x"}).status_code == 422


def test_the_checkin_agenda_is_the_one_the_cli_prints(demo_client: TestClient) -> None:
    jordan = _people(demo_client)["Jordan"]
    plan = demo_client.get(f"/api/people/{jordan}/checkin-agenda").json()
    assert plan["person"] == "Jordan" and plan["today"] == "2026-11-01"
    assert plan["safety"] is False and plan["last_checkin"] == "2026-09-12"
    assert [(a["text"], a["outcome"]) for a in plan["adjustments"]] == [
        ("Jordan suggests the next plan", "partly"),
        ("We each get time to talk when we meet", None),
    ]
    assert all(isinstance(a["id"], int) for a in plan["adjustments"])
    assert "What has felt easy between us lately, and what has felt heavy?" in plan["questions"]
    assert set(plan["patterns"]["dimensions"]) == {"initiation", "depth", "crisis", "maintenance"}
    assert demo_client.get("/api/people/999/checkin-agenda").status_code == 404


def test_recording_a_checkin_with_how_last_time_went(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    jordan = _people(demo_client)["Jordan"]
    plan = demo_client.get(f"/api/people/{jordan}/checkin-agenda").json()
    answered, waiting = (a["id"] for a in plan["adjustments"])
    body = {
        "sides": {
            "me": {"supported": "Jordan came to the station to meet me"},
            "them": {"meaningful": "The card for the new job"},
        },
        "adjustments": ["Jordan picks the next film", "We take turns choosing where to eat"],
        "outcomes": {str(waiting): "happened"},
        "next_on": "2026-11-29",
    }
    saved = demo_client.post(f"/api/people/{jordan}/checkins", json=body, headers=headers)
    assert saved.status_code == 201
    record = saved.json()
    assert record["on"] == "2026-11-01" and record["next_on"] == "2026-11-29"
    assert record["sides"]["me"] == {
        "supported": "Jordan came to the station to meet me",
        "meaningful": "",
        "drained": "",
    }
    assert [a["text"] for a in record["adjustments"]] == body["adjustments"]
    assert record["notes"] == []
    earlier = demo_client.get("/api/checkins", params={"person_id": jordan}).json()[0]
    assert [a["outcome"] for a in earlier["adjustments"]] == ["partly", "happened"]
    after = demo_client.get(f"/api/people/{jordan}/checkin-agenda").json()
    assert [a["text"] for a in after["adjustments"]] == body["adjustments"]
    again = demo_client.post(
        f"/api/people/{jordan}/checkins",
        json={"outcomes": {str(answered): "partly"}},
        headers=headers,
    )
    assert again.status_code == 400
    assert again.json()["error"].startswith(f"Adjustment {answered} is not one waiting")
    assert len(demo_client.get("/api/checkins", params={"person_id": jordan}).json()) == 2


def test_a_checkin_keeps_its_words_and_says_its_notes(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    sam = _people(demo_client)["Sam"]
    saved = demo_client.post(
        f"/api/people/{sam}/checkins",
        json={
            "sides": {
                "me": {"drained": "You never ask how my day was"},
                "them": {"supported": "I meant to call more"},
            }
        },
        headers=headers,
    )
    assert saved.status_code == 201
    assert saved.json()["sides"]["me"]["drained"] == "You never ask how my day was"
    notes = " ".join(saved.json()["notes"])
    assert "sounds like what someone meant" in notes and "Would you be up for" in notes
    assert saved.json()["next_on"] is None, "no next day means no plan"


def test_a_checkin_that_cannot_be_saved_is_refused(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    theo = _people(demo_client)["Theo"]
    late = demo_client.post(
        f"/api/people/{theo}/checkins",
        json={"on": "2026-10-30", "next_on": "2026-10-01"},
        headers=headers,
    )
    assert late.status_code == 400 and "comes before this one" in late.json()["error"]
    odd = demo_client.post(
        f"/api/people/{theo}/checkins", json={"outcomes": {"1": "maybe"}}, headers=headers
    )
    assert odd.status_code == 422 and odd.json()["problems"][0]["where"] == "body.outcomes.1"
    side = demo_client.post(
        f"/api/people/{theo}/checkins", json={"sides": {"us": {"supported": "x"}}}, headers=headers
    )
    assert side.status_code == 422
    nobody = demo_client.post("/api/people/999/checkins", json={}, headers=headers)
    assert nobody.status_code == 404
    assert demo_client.get("/api/checkins", params={"person_id": theo}).json() == []


def test_when_the_words_speak_of_fear_the_agenda_points_to_help(demo_client: TestClient) -> None:
    theo = _people(demo_client)["Theo"]
    assert demo_client.get(f"/api/people/{theo}/checkin-agenda").json()["safety"] is False
    demo_client.post(
        f"/api/people/{theo}/checkins",
        json={"sides": {"me": {"drained": "I am afraid to say no to him"}}},
        headers=api_token(demo_client),
    )
    plan = demo_client.get(f"/api/people/{theo}/checkin-agenda").json()
    assert plan["safety"] is True and plan["questions"] == []


# -- boundaries ---------------------------------------------------------------


def test_boundaries_are_listed_with_a_gentle_check(demo_client: TestClient) -> None:
    rows = demo_client.get("/api/boundaries").json()
    assert {r["whose"] for r in rows} == {"me", "Jordan", "Rosa"}
    assert all(r["status"] != "retired" for r in rows)
    mine = next(r for r in rows if r["whose"] == "me")
    assert mine["review_on"] == "2026-10-27" and mine["offer"] is None and not mine["vague"]
    everything = demo_client.get("/api/boundaries", params={"all": "true"}).json()
    assert len(everything) >= len(rows)
    assert demo_client.get("/api/boundaries", params={"all": "perhaps"}).status_code == 422


def test_adding_and_reviewing_a_boundary(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    added = demo_client.post(
        "/api/boundaries",
        json={"whose": "Theo", "area": "topics", "request": "You always talk about work at lunch"},
        headers=headers,
    )
    assert added.status_code == 201
    boundary = added.json()
    assert boundary["whose"] == "Theo" and boundary["status"] == "active"
    assert boundary["request"] == "You always talk about work at lunch", "kept as written"
    assert boundary["since"] == "2026-11-01" and boundary["review_on"] == "2026-12-13"
    assert boundary["offer"]["rewrite"] and boundary["offer"]["why"]
    short = demo_client.post(
        "/api/boundaries", json={"area": "time", "request": "No calls"}, headers=headers
    )
    assert short.status_code == 201 and short.json()["whose"] == "me" and short.json()["vague"]
    reviewed = demo_client.post(
        f"/api/boundaries/{boundary['id']}/review",
        json={
            "status": "renegotiated",
            "request": "At lunch on Fridays I would like us to talk about anything but work",
            "note": "Theo laughed and agreed",
        },
        headers=headers,
    )
    assert reviewed.status_code == 200
    assert reviewed.json()["status"] == "renegotiated" and reviewed.json()["offer"] is None
    assert reviewed.json()["note"] == "Theo laughed and agreed"
    assert reviewed.json()["review_on"] == "2026-12-13"
    retired = demo_client.post(
        f"/api/boundaries/{boundary['id']}/review", json={"status": "retired"}, headers=headers
    )
    assert retired.json()["review_on"] is None
    assert retired.json()["note"] == "Theo laughed and agreed", "no note keeps the one it has"
    ids = [r["id"] for r in demo_client.get("/api/boundaries").json()]
    assert boundary["id"] not in ids
    assert boundary["id"] in [r["id"] for r in demo_client.get("/api/boundaries?all=true").json()]


def test_a_boundary_that_cannot_be_kept_is_refused(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    empty = demo_client.post(
        "/api/boundaries", json={"area": "time", "request": "  "}, headers=headers
    )
    assert empty.status_code == 400 and set(empty.json()) == {"error"}
    area = demo_client.post(
        "/api/boundaries", json={"area": "money", "request": "x y z w"}, headers=headers
    )
    assert area.status_code == 422 and area.json()["problems"][0]["where"] == "body.area"
    stranger = demo_client.post(
        "/api/boundaries",
        json={"whose": "Mallory", "area": "time", "request": "Calls by nine"},
        headers=headers,
    )
    assert stranger.status_code == 404 and "Mallory" in stranger.json()["error"]
    missing = demo_client.post(
        "/api/boundaries/99/review", json={"status": "respected"}, headers=headers
    )
    assert missing.status_code == 404 and "99" in missing.json()["error"]
    status = demo_client.post(
        "/api/boundaries/1/review", json={"status": "broken"}, headers=headers
    )
    assert status.status_code == 422


# -- small wins, what is due --------------------------------------------------


def test_noting_and_listing_small_wins(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    before = demo_client.get("/api/wins").json()
    assert before[0]["on"] >= before[-1]["on"], "newest first"
    made = demo_client.post(
        "/api/wins", json={"whose": "Theo", "text": "Lunch without work talk"}, headers=headers
    )
    assert made.status_code == 201
    assert made.json() == {
        "id": made.json()["id"],
        "whose": "Theo",
        "on": "2026-11-01",
        "text": "Lunch without work talk",
    }
    mine = demo_client.post(
        "/api/wins", json={"whose": "me", "text": "Rested", "on": "yesterday"}, headers=headers
    )
    assert mine.json()["whose"] == "me" and mine.json()["on"] == "2026-10-31"
    assert demo_client.get("/api/wins").json()[0]["id"] == made.json()["id"]
    nobody = demo_client.post("/api/wins", json={"whose": " ", "text": "x"}, headers=headers)
    assert nobody.status_code == 400 and set(nobody.json()) == {"error"}
    stranger = demo_client.post(
        "/api/wins", json={"whose": "Mallory", "text": "x"}, headers=headers
    )
    assert stranger.status_code == 404
    textless = demo_client.post("/api/wins", json={"whose": "me"}, headers=headers)
    assert textless.status_code == 422 and textless.json()["problems"][0]["where"] == "body.text"
    theirs = demo_client.get("/api/wins", params={"person": "theo"}).json()
    assert theirs and {w["whose"] for w in theirs} == {"Theo"}
    assert theirs[0]["id"] == made.json()["id"]
    own = demo_client.get("/api/wins", params={"person": "me"}).json()
    assert own[0]["id"] == mine.json()["id"] and {w["whose"] for w in own} == {"me"}
    everyone = {w["id"] for w in demo_client.get("/api/wins").json()}
    assert {w["id"] for w in theirs} | {w["id"] for w in own} < everyone  # the demo has others'
    assert demo_client.get("/api/wins", params={"person": "Mallory"}).status_code == 404


def test_what_is_due_is_what_the_cli_prints(demo_client: TestClient, demo_app: FastAPI) -> None:
    answer = demo_client.get("/api/due").json()
    store: Database = demo_app.state.database
    assert answer == shapes.due(due.upcoming(store, today=TODAY))
    assert demo_client.get("/api/due", params={"days": 30}).json() == shapes.due(
        due.upcoming(store, today=TODAY, days=30)
    )
    assert answer["today"] == "2026-11-01" and answer["until"] == "2026-11-08"
    kinds = {i["kind"] for i in answer["items"]}
    assert {"ritual", "checkin", "boundary"} <= kinds
    dinner = next(i for i in answer["items"] if i.get("title") == "Dinner, taking turns to host")
    assert dinner["hosts_next"] == "Jordan"
    assert demo_client.get("/api/due", params={"days": 400}).status_code == 422


# -- chat imports -------------------------------------------------------------


def _upload(
    client: TestClient, content: bytes, name: str = "WhatsApp Chat with Sam.txt", **fields: str
) -> Response:
    return client.post(
        "/api/imports",
        data=fields,
        files={"file": (name, content, "text/plain")},
        headers=api_token(client),
    )


def test_importing_a_chat_answers_with_its_summary(client: TestClient) -> None:
    answer = _upload(client, whatsapp_export(), me="Alex")
    assert answer.status_code == 200
    summary = answer.json()
    assert summary["format"] == "whatsapp" and summary["messages"] == 40
    assert summary["new"] == 40 and summary["conversations"] == 20
    assert summary["first"] == "2026-08-03T09:00:00" and summary["date_order"] == "DMY"
    assert summary["participants"] == {"Alex": 20, "Sam": 20}
    assert summary["skipped"][0]["line"] == 3
    assert [p["name"] for p in client.get("/api/people").json()] == ["Sam"]
    again = _upload(client, whatsapp_export(), me="Alex", keep_text="true")
    assert again.json()["new"] == 0, "the same messages are never counted twice"
    assert again.json()["unchanged"] is False, "text asked for: the file is read again"
    same = _upload(client, whatsapp_export(), name="saved again.txt", me="Alex").json()
    assert (same["unchanged"], same["new"], same["messages"]) == (True, 0, 40)


def test_a_chat_that_needs_to_be_told_who_is_who_lists_the_names(client: TestClient) -> None:
    headers = api_token(client)
    for name in ("Alex", "Sam"):
        client.post("/api/people", json={"name": name}, headers=headers)
    answer = _upload(client, whatsapp_export(6))
    assert answer.status_code == 409
    said = answer.json()
    assert said["names"] == ["Alex", "Sam"] and said["people"] == ["Alex", "Sam"]
    assert said["file"] == "WhatsApp Chat with Sam.txt" and said["error"]
    chosen = _upload(client, whatsapp_export(6), me="Sam", person="Alex")
    assert chosen.status_code == 200 and chosen.json()["new"] == 12


def _followed(client: TestClient, started: Response) -> dict[str, Any]:
    """A background import's status, asked for until it has finished (20 s at most)."""
    assert started.status_code == 202, started.text
    status = started.headers["location"]
    assert started.json()["status"] == status and status.startswith("/api/imports/")
    deadline = time.monotonic() + 20
    while True:
        now: dict[str, Any] = client.get(status).json()
        if now["state"] != "reading" or time.monotonic() > deadline:
            return now
        time.sleep(0.05)


def test_an_import_in_the_background_is_followed_to_its_summary(client: TestClient) -> None:
    done = _followed(client, _upload(client, whatsapp_export(), me="Alex", background="true"))
    assert (done["state"], done["error"], done["read"]) == ("done", None, 40)
    assert done["file"] == "WhatsApp Chat with Sam.txt"
    assert done["summary"]["messages"] == 40 and done["summary"]["new"] == 40
    assert done["summary"]["participants"] == {"Alex": 20, "Sam": 20}
    assert [p["name"] for p in client.get("/api/people").json()] == ["Sam"]
    again = _followed(client, _upload(client, whatsapp_export(), background="true"))
    assert again["summary"]["new"] == 0 and again["summary"]["me"] == "Alex"


def test_a_background_import_that_cannot_go_on_says_why(client: TestClient) -> None:
    headers = api_token(client)
    for name in ("Alex", "Sam"):
        client.post("/api/people", json={"name": name}, headers=headers)
    asking = _followed(client, _upload(client, whatsapp_export(6), background="true"))
    assert asking["state"] == "choose" and asking["names"] == ["Alex", "Sam"]
    assert asking["summary"] is None and asking["error"]
    damaged = whatsapp_export(2).replace(b"\n", b"\xff\n", 2)
    failed = _followed(client, _upload(client, damaged, background="true", me="Alex"))
    assert failed["state"] == "failed" and failed["summary"] is None
    assert failed["error"].startswith("WhatsApp Chat with Sam.txt, line ")
    assert "reciprocity-imports-" not in failed["error"], "the temporary folder is never shown"
    unknown = client.get("/api/imports/no-such-import")
    assert unknown.status_code == 404 and set(unknown.json()) == {"error"}


def test_files_that_are_not_chat_exports_are_refused_naming_the_file(client: TestClient) -> None:
    notes = _upload(client, b"my shopping list\nmilk\neggs\n", name="notes.txt")
    assert notes.status_code == 400
    assert set(notes.json()) == {"error"}
    assert notes.json()["error"].startswith(
        "notes.txt: is not a chat export this version understands. Understood: WhatsApp"
    )
    ours = _upload(client, b'{"format": "reciprocity", "version": 1, "people": []}', name="x.json")
    assert ours.status_code == 400
    assert "This is a reciprocity export" in ours.json()["error"]
    cut_short = (
        b'{"name": "Sam", "type": "personal_chat", "id": 1, "messages": [\n'
        b'{"id": 1, "type": "message", "date": "2026-08-03T09:00:00", "from": "Sam", "text": "hi"},\n'
        b'{"id": 2, "type": "message", "date": "2026-08-03T09:05:00", "from": "Alex", "te'
    )
    broken = _upload(client, cut_short, name="result.json", me="Alex")
    assert broken.status_code == 400
    error = broken.json()["error"]
    assert error.startswith("result.json, line 3: is not valid JSON")
    assert "reciprocity-imports-" not in error, "the temporary folder is never shown"
    order = _upload(client, whatsapp_export(2), date_order="DDD")
    assert order.status_code == 400
    assert "is not a date order" in order.json()["error"]
    nothing = client.post("/api/imports", data={"me": "Alex"}, headers=api_token(client))
    assert nothing.status_code == 422 and nothing.json()["problems"][0]["where"] == "body.file"
    assert client.get("/api/people").json() == []
