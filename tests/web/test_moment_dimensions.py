"""Noting a moment asks what it speaks to: chips on the form, a suggestion offered once, never imposed.

Left with no dimension while its words point to some, the form comes back once
(status 200, nothing saved) with those chips chosen and a calm line; the next
submit saves what is chosen then, none included. The API answers with the
suggestion beside the moment as saved.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import api_token, token

WORRIES = "Jordan listened to my worries about the move"
CALM = "These words sound like depth; keep it, change it, or save without one."


@pytest.fixture
def jordan(client: TestClient) -> dict[str, str]:
    """The first fields of a moment with Jordan (and the form's token)."""
    csrf = token(client)
    client.post("/people", data={"csrf_token": csrf, "name": "Jordan"})
    person = str(client.get("/api/people").json()[0]["id"])
    return {"csrf_token": csrf, "person": person, "by": "them", "energy": "1", "on": "yesterday"}


def _saved(client: TestClient, person: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.get(f"/api/people/{person}/moments").json()
    return found


def _checked(page: str) -> list[str]:
    """The dimension chips ticked on a page, in order."""
    return re.findall(r'name="dimensions" value="(\w+)"[^>]*\schecked', page)


def test_the_form_shows_four_chips_with_what_each_means(
    client: TestClient, jordan: dict[str, str]
) -> None:
    page = client.get(f"/moments/new?person={jordan['person']}").text
    fieldset = page[
        page.index('<fieldset class="chips"') : page.index(
            "</fieldset>", page.index('class="chips"')
        )
    ]
    assert "<legend>What it speaks to</legend>" in fieldset
    assert "Readings over the months come from moments marked this way." in fieldset
    for key, title, meaning in (
        ("initiation", "Initiation", "Who makes the first move."),
        ("depth", "Depth", "How each of you meets what the other shares."),
        ("crisis", "Crisis response", "What each of you actually did when things were hard."),
        ("maintenance", "Maintenance", "The quiet upkeep that keeps a bond alive."),
    ):
        assert f'type="checkbox" name="dimensions" value="{key}"' in fieldset
        assert f'<span class="chip-title" id="chip-{key}">{title}</span>' in fieldset
        assert f'<span class="chip-hint" id="chip-{key}-hint">{meaning}</span>' in fieldset
    assert _checked(page) == [] and "sound like" not in page and 'name="asked"' not in page


def test_a_suggestion_round_trip_keeps_what_was_typed_and_saves_what_is_kept(
    client: TestClient, jordan: dict[str, str]
) -> None:
    first = client.post("/moments", data={**jordan, "text": WORRIES, "style": "listening"})
    assert first.status_code == 200, "the form comes back, nothing saved yet"
    assert _saved(client, jordan["person"]) == []
    page = first.text
    assert f'<p class="notice" role="status">{CALM}</p>' in page
    assert _checked(page) == ["depth"]
    assert f">{WORRIES}</textarea>" in page
    assert 'value="them" checked' in page and 'value="yesterday"' in page
    assert '<option value="listening" selected>' in page and '<option value="1" selected>' in page
    assert f'<option value="{jordan["person"]}" selected>' in page
    assert '<input type="hidden" name="asked" value="yes">' in page

    kept = client.post(
        "/moments",
        data={
            **jordan,
            "text": WORRIES,
            "style": "listening",
            "dimensions": _checked(page),
            "asked": "yes",
        },
        follow_redirects=False,
    )
    assert kept.status_code == 303
    [moment] = _saved(client, jordan["person"])
    assert moment["dimensions"] == ["depth"] and moment["style"] == "listening"
    assert moment["by"] == "them" and moment["energy"] == 1 and moment["on"] == "2026-10-31"
    assert "Depth · listening" in client.get(kept.headers["location"]).text


def test_the_second_submit_saves_another_choice_or_none(
    client: TestClient, jordan: dict[str, str]
) -> None:
    asked = {**jordan, "text": WORRIES, "asked": "yes"}
    changed = client.post("/moments", data={**asked, "dimensions": ["maintenance"]})
    none = client.post("/moments", data=asked, follow_redirects=False)
    assert none.status_code == 303, "saved without one, as chosen"
    assert changed.url.path.startswith("/people/")
    assert [m["dimensions"] for m in _saved(client, jordan["person"])] == [["maintenance"], []]


def test_two_suggestions_are_both_chosen(client: TestClient, jordan: dict[str, str]) -> None:
    text = "Jordan drove me to the hospital and listened all evening"
    page = client.post("/moments", data={**jordan, "text": text}).text
    assert _checked(page) == ["depth", "crisis"]
    assert (
        "These words sound like crisis response and depth; keep them, change them, or save "
        "without any." in page
    )


def test_words_with_no_hint_or_chosen_dimensions_save_at_once(
    client: TestClient, jordan: dict[str, str]
) -> None:
    plain = client.post(
        "/moments", data={**jordan, "text": "A walk by the river"}, follow_redirects=False
    )
    assert plain.status_code == 303
    chosen = client.post(
        "/moments",
        data={**jordan, "text": WORRIES, "dimensions": ["initiation"]},
        follow_redirects=False,
    )
    assert chosen.status_code == 303
    assert [m["dimensions"] for m in _saved(client, jordan["person"])] == [[], ["initiation"]]


def test_a_mistake_is_said_before_any_suggestion_and_the_question_is_not_asked_twice(
    client: TestClient, jordan: dict[str, str]
) -> None:
    wrong = client.post("/moments", data={**jordan, "text": WORRIES, "on": "next year"})
    assert wrong.status_code == 400 and "is not a date reciprocity can read" in wrong.text
    assert "sound like" not in wrong.text and 'name="asked"' not in wrong.text
    nobody = client.post("/moments", data={**jordan, "text": WORRIES, "person": "999"})
    assert nobody.status_code == 400 and "No one called" in nobody.text

    asked = client.post("/moments", data={**jordan, "text": WORRIES})
    assert asked.status_code == 200
    again = client.post("/moments", data={**jordan, "text": WORRIES, "asked": "yes", "energy": "9"})
    assert again.status_code == 400 and "Energy is 9" in again.text
    assert '<input type="hidden" name="asked" value="yes">' in again.text, "asked once only"
    assert _saved(client, jordan["person"]) == []


def test_the_moment_edit_page_has_the_same_chips(
    client: TestClient, jordan: dict[str, str]
) -> None:
    client.post("/moments", data={**jordan, "text": "A walk by the river"})
    moment = _saved(client, jordan["person"])[0]["id"]
    page = client.get(f"/moments/{moment}/edit").text
    assert '<fieldset class="chips" id="dimensions"' in page
    assert '<span class="chip-hint" id="chip-depth-hint">' in page
    form = {
        "csrf_token": jordan["csrf_token"],
        "text": "A walk by the river",
        "by": "me",
        "dimensions": ["maintenance", "depth"],
        "on": "yesterday",
    }
    saved = client.post(f"/moments/{moment}/edit", data=form, follow_redirects=False)
    assert saved.status_code == 303
    assert _checked(client.get(f"/moments/{moment}/edit").text) == ["depth", "maintenance"]


def test_the_api_answers_with_the_suggestion(client: TestClient, jordan: dict[str, str]) -> None:
    headers = api_token(client)
    path = f"/api/people/{jordan['person']}/moments"
    bare = client.post(path, json={"text": WORRIES}, headers=headers)
    assert bare.status_code == 201
    body = bare.json()
    assert body["dimensions"] == [] and body["suggested_dimensions"] == ["depth"]
    assert set(body) == {
        "id",
        "person",
        "on",
        "day",
        "by",
        "dimensions",
        "style",
        "energy",
        "text",
        "safety",
        "safety_note",
        "suggested_dimensions",
    }
    chosen = client.post(path, json={"text": WORRIES, "dimensions": ["crisis"]}, headers=headers)
    assert chosen.json()["suggested_dimensions"] == []
    plain = client.post(path, json={"text": "A walk by the river"}, headers=headers)
    assert plain.json()["suggested_dimensions"] == []
    fixed = client.patch(
        f"/api/moments/{body['id']}", json={"dimensions": ["depth"]}, headers=headers
    )
    assert fixed.status_code == 200 and fixed.json()["dimensions"] == ["depth"]
    described = client.get("/api/openapi.json").json()["paths"][
        path.replace(jordan["person"], "{person_id}")
    ]
    assert "`suggested_dimensions`" in described["post"]["description"]
