"""The JSON API for rhythms and dates: the same services as the page, the same words as the CLI."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from reciprocity.services import due, shapes
from reciprocity.store import Database
from tests.web.conftest import TODAY, api_token

PATHS = {
    "/api/rhythms": {"get", "post"},
    "/api/rhythms/{rhythm_id}/clear": {"post"},
    "/api/dates": {"get", "post"},
    "/api/dates/{date_id}/remove": {"post"},
}


def _people(client: TestClient) -> dict[str, int]:
    return {p["name"]: p["id"] for p in client.get("/api/people").json()}


def test_the_schema_lists_rhythms_and_dates(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path, methods in PATHS.items():
        assert set(schema["paths"][path]) == methods, path
        for method in methods:
            assert schema["paths"][path][method]["summary"], (path, method)
    rhythm = schema["components"]["schemas"]["RhythmIn"]
    assert set(rhythm["required"]) == {"person_id", "ideal_days"}
    assert "twice the ideal" in rhythm["properties"]["longest_days"]["description"]
    occasion = schema["components"]["schemas"]["OccasionIn"]
    assert set(occasion["required"]) == {"title", "on"}
    assert occasion["properties"]["yearly"]["default"] is True


# -- rhythms ------------------------------------------------------------------


def test_rhythms_say_how_things_stand_as_due_does(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    rows = {r["person"]: r for r in demo_client.get("/api/rhythms").json()}
    assert set(rows) == {"Rosa", "Jordan", "Priya"}
    rosa = rows["Rosa"]
    assert rosa["ideal_days"] == 7 and rosa["longest_days"] == 14
    assert rosa["last_contact"] == "2026-10-25" and rosa["days_since"] == 7
    store: Database = demo_app.state.database
    items = shapes.due(due.upcoming(store, today=TODAY))["items"]
    [item] = [i for i in items if i["kind"] == "rhythm"]
    assert rosa["nudge"] == item["text"] and item["gap_days"] == rosa["days_since"]
    assert rows["Jordan"]["nudge"] is None and rows["Priya"]["nudge"] is None


def test_setting_changing_and_clearing_a_rhythm(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    theo = _people(demo_client)["Theo"]
    made = demo_client.post(
        "/api/rhythms", json={"person_id": theo, "ideal_days": 60}, headers=headers
    )
    assert made.status_code == 200
    row = made.json()
    assert row["person"] == "Theo" and (row["ideal_days"], row["longest_days"]) == (60, 120)
    assert row["days_since"] == 38 and row["nudge"] is None
    changed = demo_client.post(
        "/api/rhythms",
        json={"person_id": theo, "ideal_days": 30, "longest_days": 35},
        headers=headers,
    )
    assert changed.json()["id"] == row["id"] and changed.json()["longest_days"] == 35
    assert changed.json()["nudge"] is not None, "a gap past both is said gently"
    assert "no rush, just a gentle nudge" in changed.json()["nudge"]
    assert len(demo_client.get("/api/rhythms").json()) == 4
    cleared = demo_client.post(f"/api/rhythms/{row['id']}/clear", headers=headers)
    assert cleared.status_code == 200
    assert cleared.json() == {
        "id": row["id"],
        "person": "Theo",
        "ideal_days": 30,
        "longest_days": 35,
    }
    assert "Theo" not in {r["person"] for r in demo_client.get("/api/rhythms").json()}
    again = demo_client.post(f"/api/rhythms/{row['id']}/clear", headers=headers)
    assert again.status_code == 404 and str(row["id"]) in again.json()["error"]


def test_a_rhythm_that_cannot_be_kept_is_refused(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    before = demo_client.get("/api/rhythms").json()
    rosa = _people(demo_client)["Rosa"]
    shorter = demo_client.post(
        "/api/rhythms",
        json={"person_id": rosa, "ideal_days": 20, "longest_days": 10},
        headers=headers,
    )
    assert shorter.status_code == 400
    assert shorter.json() == {
        "error": "The longest comfortable gap (10 days) is shorter than the ideal (20 days)."
    }
    zero = demo_client.post(
        "/api/rhythms", json={"person_id": rosa, "ideal_days": 0}, headers=headers
    )
    assert zero.status_code == 400 and "outside 1 to 3660" in zero.json()["error"]
    nobody = demo_client.post(
        "/api/rhythms", json={"person_id": 999, "ideal_days": 7}, headers=headers
    )
    assert nobody.status_code == 404 and "999" in nobody.json()["error"]
    words = demo_client.post(
        "/api/rhythms", json={"person_id": rosa, "ideal_days": "often"}, headers=headers
    )
    assert words.status_code == 422 and words.json()["problems"][0]["where"] == "body.ideal_days"
    assert demo_client.get("/api/rhythms").json() == before, "nothing stored"


# -- dates to remember --------------------------------------------------------


def test_adding_listing_and_removing_dates(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    listed = demo_client.get("/api/dates").json()
    assert [d["title"] for d in listed] == ["The day we met", "Priya's graduation"]
    assert listed[0]["next"] == "2026-11-13" and listed[0]["days_until"] == 12
    made = demo_client.post(
        "/api/dates",
        json={"whose": "Rosa", "title": "Wedding anniversary", "on": "6 Nov 2026"},
        headers=headers,
    )
    assert made.status_code == 201
    assert made.json() == {
        "id": made.json()["id"],
        "whose": "Rosa",
        "title": "Wedding anniversary",
        "on": "2026-11-06",
        "yearly": True,
        "next": "2026-11-06",
        "days_until": 5,
    }
    past = demo_client.post(
        "/api/dates",
        json={"title": "Old exam", "on": "2026-06-01", "yearly": False},
        headers=headers,
    )
    assert past.json()["whose"] == "me" and past.json()["next"] is None
    titles = [d["title"] for d in demo_client.get("/api/dates").json()]
    assert titles == ["Wedding anniversary", "The day we met", "Priya's graduation", "Old exam"]
    removed = demo_client.post(f"/api/dates/{past.json()['id']}/remove", headers=headers)
    assert removed.status_code == 200 and removed.json()["title"] == "Old exam"
    assert "Old exam" not in [d["title"] for d in demo_client.get("/api/dates").json()]
    again = demo_client.post(f"/api/dates/{past.json()['id']}/remove", headers=headers)
    assert again.status_code == 404


def test_a_date_that_cannot_be_kept_is_refused(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    before = demo_client.get("/api/dates").json()
    bad_day = demo_client.post(
        "/api/dates", json={"title": "Exam", "on": "31/02/2026"}, headers=headers
    )
    assert bad_day.status_code == 400 and set(bad_day.json()) == {"error"}
    assert "'31/02/2026' is not a date" in bad_day.json()["error"]
    untitled = demo_client.post(
        "/api/dates", json={"title": " ", "on": "2026-12-01"}, headers=headers
    )
    assert untitled.status_code == 400 and "title" in untitled.json()["error"]
    stranger = demo_client.post(
        "/api/dates",
        json={"whose": "Mallory", "title": "Exam", "on": "2026-12-01"},
        headers=headers,
    )
    assert stranger.status_code == 404 and "Mallory" in stranger.json()["error"]
    dateless = demo_client.post("/api/dates", json={"title": "Exam"}, headers=headers)
    assert dateless.status_code == 422 and dateless.json()["problems"][0]["where"] == "body.on"
    assert demo_client.get("/api/dates").json() == before, "nothing stored"
