"""The guided audit as a step-by-step form: questions, ratings, visions, phrasing help, save."""

from __future__ import annotations

import html
import json
import re

from fastapi.testclient import TestClient

from reciprocity.coach.audit import GUIDES
from reciprocity.vocabulary import Dimension
from tests.web.conftest import token

_DRAFT = re.compile(r'name="draft" value="([^"]*)"')


def _draft(page: str) -> str:
    found = _DRAFT.search(page)
    assert found, page[-1500:]
    return html.unescape(found.group(1))


def _begin(client: TestClient, names: list[str]) -> tuple[str, str]:
    csrf = token(client)
    for name in names:
        client.post("/people", data={"csrf_token": csrf, "name": name})
    ids = [str(p["id"]) for p in client.get("/api/people").json()]
    page = client.post("/audit", data={"csrf_token": csrf, "people": ids, "on": "2026-10-30"})
    assert page.status_code == 200
    return csrf, page.text


def _answer(client: TestClient, csrf: str, page: str, step: int, **fields: str) -> str:
    data = {"csrf_token": csrf, "draft": _draft(page), "step": str(step), **fields}
    return client.post("/audit/step", data=data).text


def test_one_dimension_per_step_with_its_questions_then_a_summary_then_saved(
    client: TestClient,
) -> None:
    csrf, page = _begin(client, ["Jordan"])
    assert "Step 1 of 5" in page and "With Jordan" in page
    for question in GUIDES[Dimension.INITIATION].questions:
        assert html.escape(question.text) in page
    page = _answer(
        client,
        csrf,
        page,
        0,
        rating="2",
        direction="me",
        vision="A call every other week, taking turns",
        **{"answer-first-contact": "Mostly me"},
    )
    assert "Step 2 of 5" in page and html.escape(GUIDES[Dimension.DEPTH].questions[0].text) in page
    for step in (1, 2, 3):
        page = _answer(client, csrf, page, step, rating="5")
    assert "Taking all four together" in page
    page = _answer(client, csrf, page, 4, rating="4", direction="me")
    assert "Your audit of 30 Oct 2026" in page and "Nothing is kept until you save" in page
    assert "A call every other week, taking turns" in page
    assert client.get("/api/audits").json() == [], "nothing is saved before the end"
    saved = client.post(
        "/audit/save", data={"csrf_token": csrf, "draft": _draft(page)}, follow_redirects=False
    )
    assert saved.status_code == 303
    shown = client.get(saved.headers["location"]).text
    assert "Saved. Thank you" in shown and "The audit of 30 Oct 2026" in shown
    [listed] = client.get("/api/audits").json()
    assert listed["people"] == ["Jordan"] and listed["overall"] == {"Jordan": 4}
    audit = client.get(f"/api/audits/{listed['id']}").json()
    entry = audit["entries"][0]
    assert (entry["rating"], entry["direction"]) == (4, "me")
    initiation = entry["dimensions"]["initiation"]
    assert initiation["vision"] == "A call every other week, taking turns"
    assert initiation["answers"][0] == {
        "key": "first-contact",
        "question": GUIDES[Dimension.INITIATION].questions[0].text,
        "answer": "Mostly me",
    }
    assert entry["dimensions"]["depth"] == {
        "rating": 5,
        "direction": "mutual",
        "vision": None,
        "answers": [
            {"key": q.key, "question": q.text, "answer": ""}
            for q in GUIDES[Dimension.DEPTH].questions
        ],
    }


def test_a_low_rating_asks_for_a_vision_and_a_direction(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam"])
    missing_vision = _answer(client, csrf, page, 0, rating="1", direction="them")
    assert "A rating of 1 for initiation asks for a vision" in missing_vision
    assert "Step 1 of 5" in missing_vision
    no_direction = _answer(client, csrf, page, 0, rating="3", direction="mutual")
    assert "asks which way it leans" in no_direction
    no_rating = _answer(client, csrf, page, 0)
    assert "outside the scale" in no_rating


def test_blame_wording_gets_a_gentle_offer_and_the_person_chooses(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam"])
    offer = _answer(client, csrf, page, 0, rating="2", direction="me", vision="You never call me")
    assert "A thought on the wording" in offer and "Step 1 of 5" in offer
    assert "Would you be up for calling me more often?" in offer
    kept = _answer(
        client,
        csrf,
        offer,
        0,
        rating="2",
        direction="me",
        vision="You never call me",
        action="keep",
    )
    assert "Step 2 of 5" in kept
    assert "You never call me" in _draft(kept)
    used = _answer(
        client, csrf, offer, 0, rating="2", direction="me", vision="You never call me", action="use"
    )
    assert "Would you be up for calling me more often?" in _draft(used)


def test_use_this_version_comes_first_and_saves_the_rewrite_with_the_persons_content(
    client: TestClient,
) -> None:
    csrf, page = _begin(client, ["Sam"])
    vision = "Why am I the one who always books dinner?"
    offer = _answer(client, csrf, page, 0, rating="2", direction="me", vision=vision)
    use, keep = offer.find('value="use"'), offer.find('value="keep"')
    assert 0 < use < keep, "the suggestion is the first, default button"
    assert f'name="offered" value="{html.escape(vision)}"' in offer
    used = _answer(
        client,
        csrf,
        offer,
        0,
        rating="2",
        direction="me",
        vision=vision,
        offered=vision,
        action="use",
    )
    assert "Step 2 of 5" in used
    assert '"vision": "Could we take turns booking dinner?"' in _draft(used)
    assert "…" not in _draft(used)


def test_words_changed_after_the_offer_are_checked_again_before_use(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam"])
    offer = _answer(client, csrf, page, 0, rating="2", direction="me", vision="You never call me")
    again = _answer(
        client,
        csrf,
        offer,
        0,
        rating="2",
        direction="me",
        vision="It's your turn to call",
        offered="You never call me",
        action="use",
    )
    assert "Step 1 of 5" in again and "Could we take turns calling?" in again
    assert "more often" not in again, "the old suggestion is not applied to new words"
    fair = _answer(
        client,
        csrf,
        offer,
        0,
        rating="2",
        direction="me",
        vision="A call on Sundays",
        offered="You never call me",
        action="use",
    )
    assert "Step 2 of 5" in fair and '"vision": "A call on Sundays"' in _draft(fair)


def test_a_bare_label_gets_guidance_and_no_template_to_use(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam"])
    offer = _answer(client, csrf, page, 0, rating="2", direction="me", vision="You're so selfish")
    assert "A thought on the wording" in offer and "Try one recent moment" in offer
    assert 'value="use"' not in offer and "…" not in offer
    assert 0 < offer.find('value="next"') < offer.find('value="keep"'), "checking again comes first"
    still = _answer(
        client,
        csrf,
        offer,
        0,
        rating="2",
        direction="me",
        vision="You're so selfish",
        action="next",
    )
    assert "Step 1 of 5" in still and "Try one recent moment" in still
    kept = _answer(
        client,
        csrf,
        offer,
        0,
        rating="2",
        direction="me",
        vision="You're so selfish",
        action="keep",
    )
    assert "Step 2 of 5" in kept and '"vision": "You\'re so selfish"' in _draft(kept)


def test_back_returns_to_the_previous_step_with_its_answers(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam", "Rosa"])
    assert "Step 1 of 10" in page
    page = _answer(client, csrf, page, 0, rating="3", direction="them")
    back = _answer(client, csrf, page, 1, action="back")
    assert "Step 1 of 10" in back
    assert 'value="3" required checked' in back


def test_choosing_no_one_or_a_broken_draft_is_explained(client: TestClient) -> None:
    csrf, _ = _begin(client, ["Sam"])
    none = client.post("/audit", data={"csrf_token": csrf, "on": "today"})
    assert none.status_code == 400 and "choose at least one person" in none.text
    broken = client.post("/audit/step", data={"csrf_token": csrf, "draft": "{", "step": "0"})
    assert broken.status_code == 400 and "start again" in broken.text
    tampered = client.post(
        "/audit/save",
        data={
            "csrf_token": csrf,
            "draft": '{"date": "2026-10-30", "entries": [{"person": "Sam", '
            '"dimensions": {}, "rating": 1, "direction": "me"}]}',
        },
    )
    assert tampered.status_code == 400 and "asks for a vision" in tampered.text
    assert client.get("/api/audits").json() == []


_DIRECTIONS = re.compile(r'name="direction" value="([a-z]+)"')


def test_it_feels_shared_goes_with_a_five_and_below_five_only_me_or_them(
    client: TestClient,
) -> None:
    csrf, page = _begin(client, ["Sam"])
    assert _DIRECTIONS.findall(page) == ["me", "them"], "shared is never a way to lean"
    five = re.search(r'<input type="radio" name="rating" value="5"[^>]*>[^<]*', page)
    assert (
        five
        and "data-shared" in five.group(0)
        and "roughly mutual (it feels shared)" in five.group(0)
    )
    assert page.count("data-shared") == 1
    assert "A 5 feels shared, so it leans neither way." in page
    for rating in ("3", "4"):
        refused = client.post(
            "/audit/step",
            data={
                "csrf_token": csrf,
                "draft": _draft(page),
                "step": "0",
                "rating": rating,
                "direction": "mutual",
            },
        )
        assert refused.status_code == 400 and "asks which way it leans" in refused.text
        assert _DIRECTIONS.findall(refused.text) == ["me", "them"]
        assert f'value="{rating}" required checked' in refused.text, "the rating is kept"
    unsaid = client.post(
        "/audit/step",
        data={"csrf_token": csrf, "draft": _draft(page), "step": "0", "rating": "4"},
    )
    assert unsaid.status_code == 400 and "asks which way it leans" in unsaid.text
    page = _answer(client, csrf, page, 0, rating="5", direction="me")
    assert "Step 2 of 5" in page
    assert (
        json.loads(_draft(page))["entries"][0]["dimensions"]["initiation"]["direction"] == "mutual"
    )
    back = _answer(client, csrf, page, 1, action="back")
    assert 'value="5" required data-shared checked' in back
    assert not re.search(r'name="direction" value="[a-z]+" checked', back), "nothing leans for a 5"


def test_the_written_answers_are_shown_with_the_audit(client: TestClient) -> None:
    csrf, page = _begin(client, ["Jordan"])
    page = _answer(
        client,
        csrf,
        page,
        0,
        rating="3",
        direction="me",
        **{"answer-first-contact": "Mostly me, since spring", "answer-when-wrong": ""},
    )
    page = _answer(client, csrf, page, 1, rating="5", **{"answer-matched": "We both go deep"})
    for step in (2, 3, 4):
        page = _answer(client, csrf, page, step, rating="5")
    initiation, depth = GUIDES[Dimension.INITIATION], GUIDES[Dimension.DEPTH]
    for shown in (page, _saved(client, csrf, page)):
        assert "What you wrote" in shown
        assert html.escape(initiation.questions[0].text) in shown
        assert "Mostly me, since spring" in shown and "We both go deep" in shown
        written = shown.split("What you wrote")[1].split("</section>")[0]
        assert html.escape(initiation.questions[1].text) not in written, "left blank: not listed"
        assert html.escape(depth.questions[2].text) in shown
        assert "Crisis response</h4>" not in shown


def _saved(client: TestClient, csrf: str, summary: str) -> str:
    saved = client.post("/audit/save", data={"csrf_token": csrf, "draft": _draft(summary)})
    assert saved.status_code == 200 and "Saved. Thank you" in saved.text
    return saved.text


def test_an_audit_is_removed_after_asking_once(demo_client: TestClient) -> None:
    shown = demo_client.get("/audits/1").text
    assert 'action="/audits/1/remove"' in shown and "Remove this audit" in shown
    assert "Who remembers the dates and events that matter to the other?" in shown
    assert "I remember the dates; Jordan rarely does." in shown
    csrf = token(demo_client, "/audits/1")
    asked = demo_client.post("/audits/1/remove", data={"csrf_token": csrf})
    assert asked.status_code == 200
    assert "Remove the audit of" in asked.text and 'name="confirm" value="yes"' in asked.text
    for name in ("Sam", "Jordan", "Rosa"):
        assert (
            f"What you said about {name}: the ratings, the visions and the written answers"
            in asked.text
        )
    assert "A copy of everything" in asked.text and 'href="/audits/1"' in asked.text
    assert [a["id"] for a in demo_client.get("/api/audits").json()] == [1, 2], (
        "asking changes nothing"
    )
    gone = demo_client.post(
        "/audits/1/remove", data={"csrf_token": csrf, "confirm": "yes"}, follow_redirects=False
    )
    assert gone.status_code == 303 and gone.headers["location"].startswith("/audits?removed=")
    landed = demo_client.get(gone.headers["location"]).text
    assert "Removed. A copy of everything as it was just before is kept." in landed
    assert [a["id"] for a in demo_client.get("/api/audits").json()] == [2]
    assert demo_client.get("/audits/1").status_code == 404
    again = demo_client.post("/audits/1/remove", data={"csrf_token": csrf, "confirm": "yes"})
    assert again.status_code == 404
