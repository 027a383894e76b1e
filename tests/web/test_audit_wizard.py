"""The guided audit as a step-by-step form: questions, ratings, visions, phrasing help, save."""

from __future__ import annotations

import html
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
        client, csrf, page, 0, rating="2", direction="me", vision="A call every other week, taking turns",
        **{"answer-first-contact": "Mostly me"},
    )
    assert "Step 2 of 5" in page and html.escape(GUIDES[Dimension.DEPTH].questions[0].text) in page
    for step in (1, 2, 3):
        page = _answer(client, csrf, page, step, rating="5")
    assert "Taking all four together" in page
    page = _answer(client, csrf, page, 4, rating="4", direction="me")
    assert "Your audit of 2026-10-30" in page and "Nothing is kept until you save" in page
    assert "A call every other week, taking turns" in page
    assert client.get("/api/audits").json() == [], "nothing is saved before the end"
    saved = client.post(
        "/audit/save", data={"csrf_token": csrf, "draft": _draft(page)}, follow_redirects=False
    )
    assert saved.status_code == 303
    shown = client.get(saved.headers["location"]).text
    assert "Saved. Thank you" in shown and "The audit of 2026-10-30" in shown
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
        "rating": 5, "direction": "mutual", "vision": None,
        "answers": [{"key": q.key, "question": q.text, "answer": ""}
                    for q in GUIDES[Dimension.DEPTH].questions],
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
        client, csrf, offer, 0, rating="2", direction="me", vision="You never call me", action="keep"
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
    used = _answer(client, csrf, offer, 0, rating="2", direction="me", vision=vision,
                   offered=vision, action="use")
    assert "Step 2 of 5" in used
    assert '"vision": "Could we take turns booking dinner?"' in _draft(used)
    assert "…" not in _draft(used)


def test_words_changed_after_the_offer_are_checked_again_before_use(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam"])
    offer = _answer(client, csrf, page, 0, rating="2", direction="me", vision="You never call me")
    again = _answer(client, csrf, offer, 0, rating="2", direction="me",
                    vision="It's your turn to call", offered="You never call me", action="use")
    assert "Step 1 of 5" in again and "Could we take turns calling?" in again
    assert "more often" not in again, "the old suggestion is not applied to new words"
    fair = _answer(client, csrf, offer, 0, rating="2", direction="me",
                   vision="A call on Sundays", offered="You never call me", action="use")
    assert "Step 2 of 5" in fair and '"vision": "A call on Sundays"' in _draft(fair)


def test_a_bare_label_gets_guidance_and_no_template_to_use(client: TestClient) -> None:
    csrf, page = _begin(client, ["Sam"])
    offer = _answer(client, csrf, page, 0, rating="2", direction="me", vision="You're so selfish")
    assert "A thought on the wording" in offer and "Try one recent moment" in offer
    assert 'value="use"' not in offer and "…" not in offer
    assert 0 < offer.find('value="next"') < offer.find('value="keep"'), "checking again comes first"
    still = _answer(client, csrf, offer, 0, rating="2", direction="me",
                    vision="You're so selfish", action="next")
    assert "Step 1 of 5" in still and "Try one recent moment" in still
    kept = _answer(client, csrf, offer, 0, rating="2", direction="me",
                   vision="You're so selfish", action="keep")
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
        data={"csrf_token": csrf, "draft": '{"date": "2026-10-30", "entries": [{"person": "Sam", '
              '"dimensions": {}, "rating": 1, "direction": "me"}]}'},
    )
    assert tampered.status_code == 400 and "asks for a vision" in tampered.text
    assert client.get("/api/audits").json() == []
