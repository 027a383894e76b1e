"""``/capture`` on the phones' listener: small, script-free, and the same moment service as
every other face (its checks, its offer of dimensions, its note pointing to help)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from reciprocity.coach import devices as words
from reciprocity.coach import people as people_words
from reciprocity.coach.suggestions import SAFETY_NOTE
from tests.web.lan_helpers import Phones, form_token, phones_beside


@pytest.fixture
def phones(web_url: str) -> Iterator[Phones]:
    with phones_beside(web_url) as found:
        found.add("Sam", "Jordan", "Rosa")
        found.pair()
        yield found


def _note(phones: Phones, **fields: object) -> Any:
    token = form_token(phones.phone, "/capture")
    return phones.phone.post("/capture", data={"csrf_token": token, **fields})


def test_the_page_is_small_has_no_script_and_links_nowhere_else(phones: Phones) -> None:
    for number in range(60):  # a full address book
        phones.add(f"Friend number {number:02d} with a rather long name")
    page = phones.phone.get("/capture")
    assert page.status_code == 200
    assert len(page.content) < 30 * 1024, len(page.content)
    assert "<script" not in page.text
    assert re.findall(r'href="([^"]*)"', page.text) == ["/lan.css"]
    assert re.findall(r'action="([^"]*)"', page.text) == ["/capture"]
    assert len(phones.phone.get("/lan.css").content) < 4 * 1024
    for other in ("/pair", "/pair/nothing"):
        assert re.findall(r'href="([^"]*)"', phones.phone.get(other).text) == ["/lan.css"]


def test_whoever_has_the_latest_moment_comes_first(phones: Phones) -> None:
    for name, day in (("Rosa", "2026-10-01"), ("Jordan", "2026-10-20")):
        [person] = [p for p in phones.home.get("/api/people").json() if p["name"] == name]
        made = phones.home.post(
            f"/api/people/{person['id']}/moments",
            json={"text": "a walk", "on": day, "dimensions": ["depth"]},
            headers=phones.api(),
        )
        assert made.status_code == 201, made.text
    page = phones.phone.get("/capture").text
    assert re.findall(r"<option(?: selected)?>([^<]+)</option>", page) == ["Jordan", "Rosa", "Sam"]


def test_a_moment_noted_on_the_phone_is_in_the_app(phones: Phones) -> None:
    saved = _note(
        phones,
        person="Sam",
        text="Sam fixed the bike before my shift",
        by="them",
        dimensions=["crisis", "maintenance"],
        style="practical",
        energy="2",
    )
    assert saved.status_code == 200
    assert words.CAPTURE_SAVED.format(name="Sam") in saved.text
    assert "Sam fixed the bike" not in saved.text  # the form is empty again
    [moment] = phones.home.get("/api/moments").json()
    assert moment["person"] == "Sam" and moment["by"] == "them"
    assert moment["dimensions"] == ["crisis", "maintenance"]
    assert moment["style"] == "practical" and moment["energy"] == 2
    assert moment["on"] == "2026-11-01"
    [person] = [p for p in phones.home.get("/api/people").json() if p["name"] == "Sam"]
    assert "Sam fixed the bike" in phones.home.get(f"/people/{person['id']}").text
    [device] = phones.home.get("/api/devices").json()
    assert device["last_seen"] is not None


def test_the_note_pointing_to_help_is_the_same_as_everywhere(phones: Phones) -> None:
    saved = _note(
        phones, person="Rosa", text="I am afraid of her temper", by="me", dimensions=["depth"]
    )
    note = SAFETY_NOTE.format(name="Rosa")
    assert note.replace("'", "&#39;") in saved.text


def test_bad_input_comes_back_with_what_was_typed(phones: Phones) -> None:
    cases = (
        ({"person": "Sam", "text": "   ", "by": "them"}, people_words.TEXT_EMPTY),
        ({"person": "Nobody", "text": "walked", "by": "them"}, words.CAPTURE_PERSON_UNKNOWN),
        ({"person": "Sam", "text": "walked", "by": "them", "energy": "7"}, "7"),
        ({"person": "Sam", "text": "walked", "by": "someone"}, "someone"),
        ({"person": "Sam", "text": "walked", "dimensions": ["luck"]}, "luck"),
    )
    for fields, said in cases:
        answer = _note(phones, **fields)
        assert answer.status_code == 400, fields
        body = answer.text
        assert 'role="alert"' in body and said in body, fields
        if fields["text"].strip():
            assert f">{fields['text']}</textarea>" in body
    kept = _note(phones, person="Jordan", text="", by="both").text
    assert "<option selected>Jordan</option>" in kept and 'value="both" checked' in kept
    assert phones.home.get("/api/moments").json() == []


def test_with_no_dimension_its_words_are_offered_once(phones: Phones) -> None:
    asked = _note(phones, person="Sam", text="Sam called me when I was in hospital", by="them")
    assert asked.status_code == 200 and 'name="asked" value="yes"' in asked.text
    assert phones.home.get("/api/moments").json() == []
    checked = re.findall(r'value="(\w+)" checked', asked.text)
    assert "crisis" in checked
    saved = _note(
        phones, person="Sam", text="Sam called me when I was in hospital", by="them", asked="yes"
    )
    assert words.CAPTURE_SAVED.format(name="Sam") in saved.text
    [moment] = phones.home.get("/api/moments").json()
    assert moment["dimensions"] == []  # the person unticked them: nothing is tagged for them


def test_a_phone_that_is_not_paired_is_shown_how_to_pair(phones: Phones) -> None:
    stranger = phones.another_phone()
    sent = stranger.get("/capture", follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == "/pair"
    page = stranger.get("/capture")
    assert words.NOT_PAIRED_TEXT in page.text and "Sam" not in page.text


def test_with_no_one_in_the_app_the_phone_says_so(web_url: str) -> None:
    with phones_beside(web_url) as phones:
        phone = phones.pair()
        page = phone.get("/capture")
        assert words.CAPTURE_NO_PEOPLE in page.text and "<form" not in page.text
