"""The JSON API for fixing what was written: PATCH what is sent, DELETE with a copy kept first."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.web.conftest import api_token


def _id(client: TestClient, name: str) -> int:
    return next(int(p["id"]) for p in client.get("/api/people").json() if p["name"] == name)


def test_moments_are_found_changed_and_removed(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    found = demo_client.get("/api/moments", params={"person": "Sam", "search": "dinner"}).json()
    assert found and all(m["person"] == "Sam" and "dinner" in m["text"].lower() for m in found)
    assert set(found[0]) >= {"id", "day", "text", "by", "dimensions", "style", "energy"}
    moment = found[0]
    assert demo_client.get(f"/api/moments/{moment['id']}").json() == moment
    patched = demo_client.patch(
        f"/api/moments/{moment['id']}",
        json={"text": "Dinner at Sam's", "energy": None},
        headers=headers,
    )
    assert patched.status_code == 200
    assert patched.json()["text"] == "Dinner at Sam's" and patched.json()["energy"] is None
    assert patched.json()["style"] == moment["style"], "a field not sent stays"
    worried = demo_client.patch(
        f"/api/moments/{moment['id']}", json={"text": "Sam pushed me"}, headers=headers
    ).json()
    assert worried["safety"] is True and "feel safe" in worried["safety_note"]
    removed = demo_client.delete(f"/api/moments/{moment['id']}", headers=headers)
    assert removed.status_code == 200 and removed.json()["removed"]["id"] == moment["id"]
    assert Path(removed.json()["copy"]).is_file()
    assert demo_client.get(f"/api/moments/{moment['id']}").status_code == 404
    assert demo_client.delete(f"/api/moments/{moment['id']}", headers=headers).status_code == 404
    assert demo_client.delete(f"/api/moments/{moment['id']}").status_code == 403, "no token"


def test_people_seasons_and_audits(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    theo = _id(demo_client, "Theo")
    person = demo_client.patch(
        f"/api/people/{theo}",
        json={"birthday": "1991-02-03", "note": "Met at work"},
        headers=headers,
    ).json()
    assert person["birthday"] == "1991-02-03" and person["note"] == "Met at work"
    cleared = demo_client.patch(f"/api/people/{theo}", json={"birthday": None}, headers=headers)
    assert cleared.json()["birthday"] is None and cleared.json()["note"] == "Met at work"
    taken = demo_client.patch(f"/api/people/{theo}", json={"name": "sam"}, headers=headers)
    assert taken.status_code == 409

    season = demo_client.get("/api/seasons").json()[0]
    changed = demo_client.patch(
        f"/api/seasons/{season['id']}", json={"note": "A new flat"}, headers=headers
    ).json()
    assert changed["note"] == "A new flat" and changed["kind"] == season["kind"]
    gone = demo_client.delete(f"/api/seasons/{season['id']}", headers=headers).json()
    assert gone["removed"]["id"] == season["id"]
    assert season["id"] not in [s["id"] for s in demo_client.get("/api/seasons").json()]

    audit = demo_client.get("/api/audits").json()[0]
    assert demo_client.delete(f"/api/audits/{audit['id']}", headers=headers).status_code == 200
    assert demo_client.get(f"/api/audits/{audit['id']}").status_code == 404

    removed = demo_client.delete(f"/api/people/{theo}", headers=headers).json()
    assert removed["removed"]["name"] == "Theo" and removed["removed"]["moments"] > 0
    assert "Theo" not in [p["name"] for p in demo_client.get("/api/people").json()]


def test_the_practices_are_changed_and_removed_through_the_api(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    held = demo_client.get("/api/checkins").json()[0]
    changed = demo_client.patch(
        f"/api/checkins/{held['id']}",
        json={"sides": {"them": {"drained": "Nothing"}}},
        headers=headers,
    ).json()
    assert changed["sides"]["them"]["drained"] == "Nothing"
    assert changed["sides"]["me"] == held["sides"]["me"]
    assert demo_client.delete(f"/api/checkins/{held['id']}", headers=headers).status_code == 200

    ritual = demo_client.get("/api/rituals").json()[0]
    renamed = demo_client.patch(
        f"/api/rituals/{ritual['id']}",
        json={"title": "Sunday call, longer", "at": None},
        headers=headers,
    ).json()
    assert renamed["title"] == "Sunday call, longer" and renamed["at"] is None
    assert renamed["rule"] == ritual["rule"]
    bad = demo_client.patch(
        f"/api/rituals/{ritual['id']}", json={"rule": "now and then"}, headers=headers
    )
    assert bad.status_code == 400 and "cadence" in bad.json()["error"]
    assert demo_client.delete(f"/api/rituals/{ritual['id']}", headers=headers).status_code == 200

    boundary = demo_client.get("/api/boundaries").json()[0]
    fixed = demo_client.patch(
        f"/api/boundaries/{boundary['id']}", json={"review_on": None}, headers=headers
    ).json()
    assert fixed["review_on"] is None and fixed["request"] == boundary["request"]
    assert demo_client.delete(f"/api/boundaries/{boundary['id']}", headers=headers).json()["copy"]

    win = demo_client.get("/api/wins").json()[0]
    assert (
        demo_client.patch(f"/api/wins/{win['id']}", json={"text": "Yes"}, headers=headers).json()[
            "text"
        ]
        == "Yes"
    )
    assert demo_client.delete(f"/api/wins/{win['id']}", headers=headers).status_code == 200

    when = demo_client.get("/api/dates").json()[0]
    moved = demo_client.patch(
        f"/api/dates/{when['id']}", json={"on": "2027-01-09"}, headers=headers
    ).json()
    assert moved["on"] == "2027-01-09" and moved["title"] == when["title"]
    assert demo_client.delete(f"/api/dates/{when['id']}", headers=headers).status_code == 200
