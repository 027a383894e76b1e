"""The pages, in-process: what each shows, and that every form works without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tests.web.conftest import token


def test_the_dashboard_shows_each_relationship_at_a_glance(demo_client: TestClient) -> None:
    page = demo_client.get("/")
    assert page.status_code == 200
    for name in ("Sam", "Jordan", "Rosa", "Priya", "Theo"):
        assert f">{name}</a></h2>" in page.text
    assert "Initiation" in page.text and "Energy" in page.text
    assert ">chronic</span>" in page.text, "Jordan's one-sided upkeep is chronic"
    assert "not enough to say yet" in page.text, "Theo has too little noted"
    assert "demo data" in page.text


def test_an_empty_dashboard_invites_adding_someone(client: TestClient) -> None:
    page = client.get("/")
    assert "No one is here yet" in page.text and 'href="/people/new"' in page.text


def test_a_person_page_has_moments_seasons_styles_charts_and_felt_ratings(
    demo_client: TestClient,
) -> None:
    people = demo_client.get("/api/people").json()
    rosa = next(p for p in people if p["name"] == "Rosa")
    page = demo_client.get(f"/people/{rosa['id']}").text
    assert page.count("<svg") == 5, "four dimensions and energy"
    assert 'class="season"' in page, "Rosa's operation is shaded"
    assert "Rosa: illness" in page
    assert "Your felt rating" in page and "What the notes suggest" in page
    assert 'class="timeline"' in page and "<time datetime=" in page
    assert "Ways of caring" in page


def test_adding_someone_then_seeing_their_page(client: TestClient) -> None:
    sent = client.post(
        "/people",
        data={
            "csrf_token": token(client),
            "name": "  Alex  Morgan ",
            "kind": "family",
            "my_care": ["listening", "time"],
            "their_care": ["humour"],
            "note": "Cousin",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = client.get(sent.headers["location"])
    assert "<h1>Alex Morgan</h1>" in page.text and "Added Alex Morgan." in page.text
    assert "listening, time together" in page.text and "humour" in page.text
    assert client.get("/api/people").json()[0]["kind"] == "family"


def test_a_name_in_use_is_refused_and_the_form_keeps_what_was_typed(client: TestClient) -> None:
    form = {"csrf_token": token(client), "name": "Sam", "note": "kept"}
    assert client.post("/people", data=form, follow_redirects=False).status_code == 303
    again = client.post("/people", data={**form, "name": "sam"})
    assert again.status_code == 400
    assert "&#39;Sam&#39; is already in your list." in again.text
    assert 'value="sam"' in again.text and ">kept</textarea>" in again.text
    blank = client.post("/people", data={**form, "name": "  "})
    assert blank.status_code == 400 and "A name cannot be empty." in blank.text


def test_noting_a_moment(client: TestClient) -> None:
    csrf = token(client)
    client.post("/people", data={"csrf_token": csrf, "name": "Jordan"})
    person = client.get("/api/people").json()[0]["id"]
    form = client.get(f"/moments/new?person={person}").text
    assert f'<option value="{person}" selected>' in form
    sent = client.post(
        "/moments",
        data={
            "csrf_token": csrf,
            "person": str(person),
            "text": "Jordan called about the interview",
            "by": "them",
            "dimensions": ["maintenance", "depth"],
            "style": "words",
            "energy": "2",
            "on": "yesterday",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303 and sent.headers["location"].endswith("#moments")
    page = client.get(sent.headers["location"]).text
    assert "Jordan called about the interview" in page
    assert '<time datetime="2026-10-31">' in page
    assert "Maintenance, Depth · kind words · left you nourished" in page


def test_a_moment_with_bad_values_says_what_was_wrong(client: TestClient) -> None:
    csrf = token(client)
    client.post("/people", data={"csrf_token": csrf, "name": "Jordan"})
    person = str(client.get("/api/people").json()[0]["id"])
    base = {"csrf_token": csrf, "person": person, "text": "A walk", "by": "me"}
    for change, words in (
        ({"text": " "}, "Please write a few words"),
        ({"energy": "5"}, "Energy is 5"),
        ({"on": "03/04/2026"}, "could be read two ways"),
        ({"on": "next year"}, "is not a date reciprocity can read"),
        ({"by": "nobody"}, "&#39;nobody&#39; is not a side"),
        ({"person": "999"}, "No one called"),
        ({"person": ""}, "Please choose who the moment was with."),
    ):
        answer = client.post("/moments", data={**base, **change})
        assert answer.status_code in (400, 404), change
        assert words in answer.text, (change, answer.text[-2000:])
    assert client.get(f"/api/people/{person}/moments").json() == []


def test_seasons_start_and_end(client: TestClient) -> None:
    csrf = token(client, "/seasons")
    client.post("/people", data={"csrf_token": csrf, "name": "Rosa"})
    sent = client.post(
        "/seasons",
        data={
            "csrf_token": csrf,
            "whose": "Rosa",
            "kind": "illness",
            "on": "2026-05-08",
            "note": "Hip operation",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = client.get("/seasons").text
    assert "Rosa: illness, since 8 May 2026 · Hip operation" in page
    season = client.get("/api/seasons").json()[0]
    asked = client.post(
        f"/seasons/{season['id']}/end", data={"csrf_token": csrf, "on": "2026-08-06"}
    )
    assert asked.status_code == 200 and "End this season on 6 Aug 2026?" in asked.text
    assert "still read in its light" in asked.text and 'class="danger"' not in asked.text
    assert client.get("/api/seasons").json()[0]["ongoing"], "asking ends nothing"
    ended = client.post(
        f"/seasons/{season['id']}/end",
        data={"csrf_token": csrf, "on": "2026-08-06", "confirm": "yes"},
    )
    assert ended.status_code == 200
    assert "Rosa: illness, 8 May 2026 to 6 Aug 2026" in ended.text
    again = client.post(f"/seasons/{season['id']}/end", data={"csrf_token": csrf})
    assert again.status_code == 400 and "already ended" in again.text
    mine = client.post("/seasons", data={"csrf_token": csrf, "whose": "me", "kind": "exams"})
    assert "you: exams, since 1 Nov 2026" in mine.text


def test_an_unknown_address_is_a_calm_404(client: TestClient) -> None:
    for address in ("/nowhere", "/people/404", "/audits/9"):
        page = client.get(address)
        assert page.status_code == 404
        assert "Back to everyone" in page.text


def test_the_export_downloads_everything(demo_client: TestClient) -> None:
    answer = demo_client.get("/data/export.json")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == (
        'attachment; filename="reciprocity-2026-11-01.json"'
    )
    document = answer.json()
    assert document["format"] == "reciprocity" and len(document["people"]) == 5


def test_an_export_restores_into_an_empty_database_or_replaces_when_asked(
    demo_client: TestClient, client: TestClient, tmp_path: Path
) -> None:
    exported = demo_client.get("/data/export.json").content
    csrf = token(client, "/data")
    sent = client.post(
        "/data/import",
        data={"csrf_token": csrf},
        files={"file": ("backup.json", exported, "application/json")},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert "Restored 5 people" in client.get(sent.headers["location"]).text
    again = client.post(
        "/data/import",
        data={"csrf_token": csrf},
        files={"file": ("backup.json", exported, "application/json")},
    )
    assert again.status_code == 409 and "already holds 5 people" in again.text
    assert "--replace" not in again.text  # the page's own words, not the command line's
    replaced = client.post(
        "/data/import",
        data={"csrf_token": csrf, "replace": "yes"},
        files={"file": ("backup.json", exported, "application/json")},
        follow_redirects=False,
    )
    assert replaced.status_code == 303
    after = client.get(replaced.headers["location"]).text
    assert "Restored 5 people" in after and "A copy of what was here before is kept" in after
    assert client.get("/api/people").json()[0]["name"] == "Jordan"
    assert len(client.get("/api/people").json()) == 5
    broken = client.post(
        "/data/import",
        data={"csrf_token": csrf},
        files={"file": ("broken.json", b'{"format": "reciprocity", ', "application/json")},
    )
    assert broken.status_code == 400 and "broken.json, line 1" in broken.text
    nothing = client.post("/data/import", data={"csrf_token": csrf})
    assert "Please choose an export file" in nothing.text
    assert json.loads(exported)["people"][0]["name"] == "Jordan"


def test_a_reading_with_too_little_says_what_would_help(demo_client: TestClient) -> None:
    people = demo_client.get("/api/people").json()
    theo = next(p for p in people if p["name"] == "Theo")
    pattern = demo_client.get(f"/api/patterns/{theo['id']}").json()
    depth = pattern["dimensions"]["depth"]
    assert depth["leaning"] == "unknown" and depth["notes_needed"] >= 1
    page = demo_client.get(f"/people/{theo['id']}").text
    assert f'<p class="need">{depth["need"]}</p>' in page
