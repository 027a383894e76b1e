"""The JSON API: the same shapes as the command line's --json, writes need the token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import api_token


def test_the_schema_lists_every_area(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/people",
        "/api/people/{person_id}/moments",
        "/api/patterns/{person_id}",
        "/api/audits",
        "/api/seasons",
        "/api/csrf",
    } <= paths
    assert not any(p.startswith(("/people", "/audit", "/data")) for p in paths), "pages stay out"


def test_people_moments_and_patterns(client: TestClient) -> None:
    headers = api_token(client)
    made = client.post(
        "/api/people", json={"name": "Jordan", "their_care": ["humour"]}, headers=headers
    )
    assert made.status_code == 201
    person = made.json()
    assert person["name"] == "Jordan" and person["their_care"] == ["humour"]
    moment = client.post(
        f"/api/people/{person['id']}/moments",
        json={
            "text": "Called me",
            "by": "them",
            "dimensions": ["initiation"],
            "on": "2026-10-02",
            "energy": 1,
        },
        headers=headers,
    )
    assert moment.status_code == 201 and moment.json()["on"] == "2026-10-02"
    shown = client.get(f"/api/people/{person['id']}").json()
    assert shown["moments"] == 1 and len(shown["recent_moments"]) == 1
    assert len(client.get(f"/api/people/{person['id']}/moments").json()) == 1
    pattern = client.get(f"/api/patterns/{person['id']}").json()
    assert pattern["person"] == "Jordan"
    assert set(pattern["dimensions"]) == {"initiation", "depth", "crisis", "maintenance"}
    assert pattern["dimensions"]["initiation"]["leaning"] == "unknown"
    assert client.get("/api/patterns").json()[0]["person"] == "Jordan"


def test_errors_are_json_with_the_same_words(client: TestClient) -> None:
    headers = api_token(client)
    client.post("/api/people", json={"name": "Sam"}, headers=headers)
    taken = client.post("/api/people", json={"name": "SAM"}, headers=headers)
    assert taken.status_code == 409 and taken.json() == {"error": "'Sam' is already in your list."}
    missing = client.get("/api/people/77")
    assert missing.status_code == 404 and "No one called" in missing.json()["error"]
    invalid = client.post("/api/people/1/moments", json={"text": "x", "energy": 9}, headers=headers)
    assert invalid.status_code == 422 and invalid.json()["problems"][0]["where"] == "body.energy"


def test_seasons_and_audits(client: TestClient) -> None:
    headers = api_token(client)
    client.post("/api/people", json={"name": "Rosa"}, headers=headers)
    season = client.post(
        "/api/seasons",
        json={"whose": "Rosa", "kind": "illness", "on": "2026-05-08"},
        headers=headers,
    ).json()
    ended = client.post(
        f"/api/seasons/{season['id']}/end", json={"on": "2026-08-06"}, headers=headers
    )
    assert ended.json()["end"] == "2026-08-06" and not ended.json()["ongoing"]
    low = {"rating": 2, "direction": "them"}
    refused = client.post(
        "/api/audits",
        json={"date": "2026-10-01", "entries": [{"person": "Rosa", **low}]},
        headers=headers,
    )
    assert refused.status_code == 400 and "asks for a vision" in refused.json()["error"]
    saved = client.post(
        "/api/audits",
        json={
            "date": "2026-10-01",
            "entries": [
                {
                    "person": "Rosa",
                    "rating": 4,
                    "direction": "them",
                    "dimensions": {
                        "crisis": {**low, "vision": "I ask Rosa how she is each Sunday"}
                    },
                }
            ],
        },
        headers=headers,
    )
    assert saved.status_code == 201
    audit = client.get(f"/api/audits/{saved.json()['id']}").json()
    assert audit["entries"][0]["dimensions"]["crisis"]["vision"].startswith("I ask Rosa")
    assert [a["date"] for a in client.get("/api/audits").json()] == ["2026-10-01"]
