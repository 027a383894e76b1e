"""Fixing what was written in the browser's pages: edit forms, removing after asking once."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from tests.web.conftest import api_token, token


def _person(client: TestClient, name: str) -> int:
    return next(int(p["id"]) for p in client.get("/api/people").json() if p["name"] == name)


def test_a_forgotten_birthday_is_added_from_the_person_page(demo_client: TestClient) -> None:
    theo = _person(demo_client, "Theo")
    page = demo_client.get(f"/people/{theo}").text
    assert f'href="/people/{theo}/edit"' in page
    form = demo_client.get(f"/people/{theo}/edit").text
    assert 'name="birthday"' in form and 'value="Theo"' in form
    csrf = token(demo_client, f"/people/{theo}/edit")
    saved = demo_client.post(
        f"/people/{theo}/edit",
        data={
            "csrf_token": csrf,
            "name": "Theo",
            "kind": "colleague",
            "birthday": "1991-02-03",
            "note": "",
            "their_care": "humour",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    shown = demo_client.get(saved.headers["location"]).text
    assert "Saved the changes to Theo" in shown and "birthday 3 Feb" in shown
    assert demo_client.get(f"/api/people/{theo}").json()["their_care"] == ["humour"]
    clash = demo_client.post(
        f"/people/{theo}/edit", data={"csrf_token": csrf, "name": "sam", "kind": "colleague"}
    )
    assert clash.status_code == 400 and "already in your list" in clash.text


def test_a_mistyped_moment_is_fixed_and_a_duplicate_removed(demo_client: TestClient) -> None:
    sam = _person(demo_client, "Sam")
    page = demo_client.get(f"/people/{sam}").text
    first = int(re.findall(r'id="moment-(\d+)"', page)[0])
    assert f'action="/moments/{first}/remove"' in page and f'href="/moments/{first}/edit"' in page
    csrf = token(demo_client, f"/moments/{first}/edit")
    fixed = demo_client.post(
        f"/moments/{first}/edit",
        data={
            "csrf_token": csrf,
            "text": "Sam made soup",
            "by": "them",
            "on": "2026-10-30",
            "dimensions": ["crisis"],
            "style": "",
            "energy": "1",
        },
        follow_redirects=False,
    )
    assert fixed.status_code == 303 and fixed.headers["location"].endswith(f"#moment-{first}")
    moment = demo_client.get(f"/api/moments/{first}").json()
    assert moment["text"] == "Sam made soup" and moment["dimensions"] == ["crisis"]
    assert moment["style"] is None and moment["energy"] == 1 and moment["day"] == "2026-10-30"
    bad = demo_client.post(f"/moments/{first}/edit", data={"csrf_token": csrf, "text": " "})
    assert bad.status_code == 400 and "a few words" in bad.text

    asked = demo_client.post(f"/moments/{first}/remove", data={"csrf_token": csrf})
    assert asked.status_code == 200 and "Sam made soup" in asked.text
    assert 'name="confirm" value="yes"' in asked.text and "A copy of everything" in asked.text
    assert demo_client.get(f"/api/moments/{first}").status_code == 200, "asking removes nothing"
    gone = demo_client.post(
        f"/moments/{first}/remove",
        data={"csrf_token": csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert gone.status_code == 303 and "removed=" in gone.headers["location"]
    landed = demo_client.get(gone.headers["location"]).text
    assert "Removed. A copy of everything as it was just before is kept." in landed
    assert demo_client.get(f"/api/moments/{first}").status_code == 404

    undo = re.search(r'name="copy" value="([^"]+)"', landed)
    assert undo and "Bring it back" in landed, "the notice offers the undo"
    brought = demo_client.post(
        "/settings/bring-back",
        data={
            "csrf_token": csrf,
            "copy": undo.group(1),
            "back": f"/people/{sam}",
            "confirm": "yes",
        },
        follow_redirects=False,
    )
    assert brought.status_code == 303 and brought.headers["location"].startswith(f"/people/{sam}?")
    assert "Brought back" in demo_client.get(brought.headers["location"]).text
    texts = [m["text"] for m in demo_client.get("/api/moments", params={"search": "soup"}).json()]
    assert "Sam made soup" in texts, "the moment is back (on a database server, as a restore)"


def test_moments_are_found_by_words_and_paged(demo_client: TestClient) -> None:
    jordan = _person(demo_client, "Jordan")
    found = demo_client.get("/moments", params={"person": jordan, "search": "TEXTED"}).text
    texts = re.findall(r'<p class="text">([^<]*)</p>', found)
    assert texts and all("texted" in t.lower() for t in texts)
    assert "moments match" in found
    nothing = demo_client.get("/moments", params={"search": "zebra crossing"}).text
    assert "No moments match" in nothing
    bad = demo_client.get("/moments", params={"since": "the day after"})
    assert bad.status_code == 400 and "not a date" in bad.text
    first = demo_client.get(f"/people/{jordan}").text
    assert "Page 1 of" in first and f'href="/people/{jordan}?page=2#moments"' in first
    second = demo_client.get(f"/people/{jordan}?page=2").text
    assert "Page 2 of" in second and "Newer moments" in second
    assert set(re.findall(r'id="moment-(\d+)"', first)).isdisjoint(
        re.findall(r'id="moment-(\d+)"', second)
    )


def test_removing_someone_asks_once_with_what_goes(demo_client: TestClient) -> None:
    theo = _person(demo_client, "Theo")
    asked = demo_client.get(f"/people/{theo}/remove").text
    assert "Remove Theo, and everything kept about them?" in asked and "moments" in asked
    csrf = token(demo_client, f"/people/{theo}/remove")
    gone = demo_client.post(
        f"/people/{theo}/remove",
        data={"csrf_token": csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert gone.status_code == 303 and gone.headers["location"].startswith("/?removed=")
    assert "Theo" not in [p["name"] for p in demo_client.get("/api/people").json()]


def test_copies_are_listed_and_brought_back_after_asking(demo_client: TestClient) -> None:
    win = demo_client.get("/api/wins").json()[0]
    csrf = token(demo_client, "/settings")
    headers = api_token(demo_client)
    removed = demo_client.delete(f"/api/wins/{win['id']}", headers=headers).json()
    name = Path(removed["copy"]).name
    page = demo_client.get("/settings").text
    assert name in page and "kept just before something was removed" in page
    asked = demo_client.post("/settings/bring-back", data={"csrf_token": csrf, "copy": name})
    assert asked.status_code == 200 and f"Put {name} back in place of your data?" in asked.text
    assert f'name="copy" value="{name}"' in asked.text
    assert win["id"] not in [w["id"] for w in demo_client.get("/api/wins").json()]
    done = demo_client.post(
        "/settings/bring-back",
        data={"csrf_token": csrf, "copy": name, "back": "//elsewhere.example", "confirm": "yes"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"].startswith("/settings?")
    assert win["text"] in [w["text"] for w in demo_client.get("/api/wins").json()]
    unknown = demo_client.post("/settings/bring-back", data={"csrf_token": csrf, "copy": "nope.db"})
    assert unknown.status_code == 404 and "There is no kept copy named" in unknown.text


def test_the_api_lists_copies_and_brings_one_back(demo_client: TestClient) -> None:
    headers = api_token(demo_client)
    moment = demo_client.get("/api/moments").json()[0]
    gone = demo_client.delete(f"/api/moments/{moment['id']}", headers=headers).json()
    name = Path(gone["copy"]).name
    listed = demo_client.get("/api/copies").json()
    assert listed[0]["name"] == name and set(listed[0]) == {
        "name",
        "path",
        "made",
        "reason",
        "size",
    }
    done = demo_client.post(f"/api/copies/{name}/bring-back", headers=headers)
    assert done.status_code == 200 and done.json()["brought_back"] == name
    back = demo_client.get("/api/moments", params={"search": moment["text"]}).json()
    assert moment["text"] in [m["text"] for m in back]
    assert demo_client.post("/api/copies/nope.db/bring-back", headers=headers).status_code == 404
    assert demo_client.post("/api/copies/..%2Fx/bring-back", headers=headers).status_code in (
        404,
        422,
    )


def test_a_duplicate_season_is_removed_and_a_season_fixed(demo_client: TestClient) -> None:
    csrf = token(demo_client, "/seasons")
    jordan = {"csrf_token": csrf, "whose": "Jordan", "kind": "move", "on": "2026-06-01"}
    assert demo_client.post("/seasons", data=jordan, follow_redirects=False).status_code == 303
    twice = demo_client.post("/seasons", data=jordan)
    assert twice.status_code == 400 and "already kept" in twice.text
    season = next(s for s in demo_client.get("/api/seasons").json() if s["start"] == "2026-06-01")
    page = demo_client.get("/seasons").text
    assert f'href="/seasons/{season["id"]}/edit"' in page
    assert f'action="/seasons/{season["id"]}/remove"' in page

    form = demo_client.get(f"/seasons/{season['id']}/edit").text
    assert 'value="2026-06-01"' in form and "still going" in form
    fixed = demo_client.post(
        f"/seasons/{season['id']}/edit",
        data={
            "csrf_token": csrf,
            "kind": "caregiving",
            "start": "2026-06-02",
            "end": "",
            "note": "New flat",
        },
        follow_redirects=False,
    )
    assert fixed.status_code == 303
    assert "Saved the changes to the season." in demo_client.get(fixed.headers["location"]).text
    changed = next(s for s in demo_client.get("/api/seasons").json() if s["id"] == season["id"])
    assert changed["kind"] == "caregiving" and changed["note"] == "New flat" and changed["ongoing"]
    wrong = demo_client.post(
        f"/seasons/{season['id']}/edit",
        data={"csrf_token": csrf, "kind": "caregiving", "start": "2026-06-02", "end": "2026-05-01"},
    )
    assert wrong.status_code == 400 and "cannot end before" in wrong.text
    assert 'value="2026-05-01"' in wrong.text, "what was typed stays"

    asked = demo_client.post(f"/seasons/{season['id']}/remove", data={"csrf_token": csrf})
    assert asked.status_code == 200 and "Remove this season, Jordan: caregiving" in asked.text
    gone = demo_client.post(
        f"/seasons/{season['id']}/remove",
        data={"csrf_token": csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert gone.status_code == 303 and gone.headers["location"].startswith("/seasons?removed=")
    assert season["id"] not in [s["id"] for s in demo_client.get("/api/seasons").json()]


def test_a_check_in_is_changed_and_removed(demo_client: TestClient) -> None:
    jordan = _person(demo_client, "Jordan")
    csrf = token(demo_client, f"/checkin/{jordan}")
    saved = demo_client.post(
        f"/checkin/{jordan}",
        data={
            "csrf_token": csrf,
            "on": "2026-10-20",
            "me_supported": "the walk",
            "agreed": "A call on Sundays",
            "action": "keep",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = demo_client.get(f"/checkin/{jordan}").text
    checkin = int(re.findall(r'id="checkin-(\d+)"', page)[0])
    assert "20 Oct 2026" in page and f'href="/checkins/{checkin}/edit"' in page
    form = demo_client.get(f"/checkins/{checkin}/edit").text
    assert "the walk" in form and 'value="2026-10-20"' in form
    changed = demo_client.post(
        f"/checkins/{checkin}/edit",
        data={
            "csrf_token": csrf,
            "on": "2026-10-21",
            "me_supported": "the long walk",
            "them_drained": "work",
            "next": "",
            "note": "",
        },
        follow_redirects=False,
    )
    assert changed.status_code == 303
    shown = demo_client.get(changed.headers["location"]).text
    assert "Saved the changes to the check-in." in shown and "the long walk" in shown
    assert "21 Oct 2026" in shown and "A call on Sundays" in shown, "what was agreed stays"
    bad = demo_client.post(
        f"/checkins/{checkin}/edit", data={"csrf_token": csrf, "on": "someday soon"}
    )
    assert bad.status_code == 400 and 'value="someday soon"' in bad.text

    asked = demo_client.post(f"/checkins/{checkin}/remove", data={"csrf_token": csrf})
    assert "Remove the check-in with Jordan from 21 Oct 2026?" in asked.text
    assert "A call on Sundays" in asked.text, "what was agreed goes with it, and it says so"
    gone = demo_client.post(
        f"/checkins/{checkin}/remove",
        data={"csrf_token": csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert gone.status_code == 303
    assert f'id="checkin-{checkin}"' not in demo_client.get(gone.headers["location"]).text


def test_a_boundary_and_a_small_win_are_changed_and_removed(demo_client: TestClient) -> None:
    boundary = demo_client.get("/api/boundaries").json()[0]
    csrf = token(demo_client, "/boundaries")
    assert f'href="/boundaries/{boundary["id"]}/edit"' in demo_client.get("/boundaries").text
    changed = demo_client.post(
        f"/boundaries/{boundary['id']}/edit",
        data={
            "csrf_token": csrf,
            "area": "time",
            "request": "Could we keep Sunday mornings free?",
            "since": "2026-09-01",
            "review": "",
            "note": "",
        },
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert "Saved the changes to the request." in demo_client.get(changed.headers["location"]).text
    after = next(b for b in demo_client.get("/api/boundaries").json() if b["id"] == boundary["id"])
    assert after["request"] == "Could we keep Sunday mornings free?" and after["review_on"] is None
    empty = demo_client.post(
        f"/boundaries/{boundary['id']}/edit",
        data={"csrf_token": csrf, "area": "time", "request": " ", "since": "2026-09-01"},
    )
    assert empty.status_code == 400
    asked = demo_client.post(f"/boundaries/{boundary['id']}/remove", data={"csrf_token": csrf})
    assert "retired" in asked.text and "Could we keep Sunday mornings free?" in asked.text
    demo_client.post(
        f"/boundaries/{boundary['id']}/remove", data={"csrf_token": csrf, "confirm": "yes"}
    )
    assert boundary["id"] not in [b["id"] for b in demo_client.get("/api/boundaries").json()]

    win = demo_client.get("/api/wins").json()[0]
    assert f'href="/wins/{win["id"]}/edit"' in demo_client.get("/wins").text
    fixed = demo_client.post(
        f"/wins/{win['id']}/edit",
        data={"csrf_token": csrf, "text": "We laughed all evening", "on": "2026-10-30"},
        follow_redirects=False,
    )
    assert "Saved the changes to the small win." in demo_client.get(fixed.headers["location"]).text
    after_win = next(w for w in demo_client.get("/api/wins").json() if w["id"] == win["id"])
    assert after_win["text"] == "We laughed all evening" and after_win["on"] == "2026-10-30"
    asked = demo_client.post(f"/wins/{win['id']}/remove", data={"csrf_token": csrf})
    assert "Remove this small win from 30 Oct 2026?" in asked.text
    demo_client.post(f"/wins/{win['id']}/remove", data={"csrf_token": csrf, "confirm": "yes"})
    assert win["id"] not in [w["id"] for w in demo_client.get("/api/wins").json()]
