"""The rhythms and dates page in-process: what stands now, setting, changing, clearing, dates."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from reciprocity.coach.practices import due_text
from reciprocity.model import Occasion, Rhythm
from reciprocity.services.due import upcoming
from reciprocity.store import Database
from tests.web.conftest import TODAY, token


def _person(client: TestClient, name: str) -> str:
    return str(next(p["id"] for p in client.get("/api/people").json() if p["name"] == name))


def _store(app: FastAPI) -> Database:
    found: Database = app.state.database
    return found


def _rhythms(app: FastAPI) -> dict[str, tuple[int, int]]:
    with _store(app).transaction() as session:
        return {
            r.person.name: (r.ideal_days, r.longest_days) for r in session.scalars(select(Rhythm))
        }


def _dates(app: FastAPI) -> list[tuple[str, str, bool]]:
    with _store(app).transaction() as session:
        return [
            (o.title, o.on.isoformat(), o.yearly)
            for o in session.scalars(select(Occasion).order_by(Occasion.id))
        ]


def _card(page: str, name: str) -> str:
    found = re.search(rf'<li class="card rhythm"[^>]*>\s*<h3>{name}</h3>(.*?)</li>', page, re.S)
    assert found, f"no rhythm card for {name}"
    return found.group(1)


# -- rhythms ------------------------------------------------------------------


def test_the_page_shows_each_rhythm_as_due_sees_it(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    page = demo_client.get("/rhythms").text
    assert "<title>Rhythms and dates to remember · reciprocity</title>" in page
    assert '<a href="/rhythms" aria-current="page">Rhythms &amp; dates</a>' in page
    rosa = _card(page, "Rosa")
    assert "Ideally every 7 days; up to 14 days apart feels comfortable." in rosa
    assert "Last in touch on 25 Oct 2026, 7 days ago." in rosa
    found = upcoming(_store(demo_app), today=TODAY).items
    nudges = [due_text(i) for i in found if i.kind == "rhythm"]
    assert nudges == [
        "It has been 7 days since you and Rosa were last in touch; a short hello might be nice"
    ]
    assert f"{nudges[0]}." in rosa, "the very words `reciprocity due` says"
    assert "Within the rhythm you chose." in _card(page, "Jordan")
    assert "Within the rhythm you chose." in _card(page, "Priya")
    assert "Clear the rhythm with Priya" in page


def test_setting_changing_and_clearing_a_rhythm(demo_client: TestClient, demo_app: FastAPI) -> None:
    csrf = token(demo_client, "/rhythms")
    theo = _person(demo_client, "Theo")
    sent = demo_client.post(
        "/rhythms",
        data={"csrf_token": csrf, "person": theo, "ideal": "30", "longest": ""},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = demo_client.get(sent.headers["location"]).text
    assert (
        "With Theo: ideally in touch every 30 days, and no more than 60 days apart feels "
        "comfortable." in page
    ), "a blank longest gap is twice the ideal, as on the command line"
    assert _rhythms(demo_app)["Theo"] == (30, 60)
    changed = demo_client.post(
        "/rhythms", data={"csrf_token": csrf, "person": theo, "ideal": "20", "longest": "25"}
    )
    assert changed.status_code == 200 and "every 20 days, and no more than 25 days" in changed.text
    assert _rhythms(demo_app)["Theo"] == (20, 25)
    assert len(_rhythms(demo_app)) == 4, "changed, not added twice"
    card = _card(changed.text, "Theo")
    assert "Ideally every 20 days; up to 25 days apart feels comfortable." in card
    assert 'value="20"' in card and 'value="25"' in card, "the change form holds the rhythm"
    with _store(demo_app).transaction() as session:
        rhythm_id = next(r.id for r in session.scalars(select(Rhythm)) if r.person.name == "Theo")
    cleared = demo_client.post(
        f"/rhythms/{rhythm_id}/clear", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert cleared.status_code == 303
    after = demo_client.get(cleared.headers["location"]).text
    assert "Cleared the rhythm with Theo." in after and "<h3>Theo</h3>" not in after
    assert "Theo" not in _rhythms(demo_app)
    gone = demo_client.post(f"/rhythms/{rhythm_id}/clear", data={"csrf_token": csrf})
    assert gone.status_code == 404


def test_a_rhythm_that_cannot_be_kept_is_refused_and_nothing_changes(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    csrf = token(demo_client, "/rhythms")
    before = _rhythms(demo_app)
    rosa = _person(demo_client, "Rosa")
    cases = [
        ({"person": "999", "ideal": "14"}, "No one called &#39;999&#39;"),
        ({"person": "", "ideal": "14"}, "Please choose someone from your list."),
        ({"person": rosa, "ideal": "20", "longest": "10"}, "shorter than the ideal (20 days)"),
        ({"person": rosa, "ideal": "often"}, "&#39;often&#39; is not a number of days"),
        ({"person": rosa, "ideal": "0"}, "A gap of 0 days is outside 1 to 3660."),
        ({"person": rosa, "ideal": " "}, "Please say how many days between contacts feel right"),
    ]
    for data, message in cases:
        answer = demo_client.post("/rhythms", data={"csrf_token": csrf, **data})
        assert answer.status_code == 400, data
        problem = re.search(
            r'<div class="problem" role="alert" id="problem">(.*?)</div>', answer.text, re.S
        )
        assert problem and message in problem.group(1), (data, answer.text)
        assert problem.group(1).count("<p>") == 1, "one clear line"
    kept = demo_client.post(
        "/rhythms", data={"csrf_token": csrf, "person": rosa, "ideal": "often", "longest": "30"}
    ).text
    assert 'value="often"' in kept and f'<option value="{rosa}" selected>' in kept
    assert _rhythms(demo_app) == before, "nothing stored"


# -- dates to remember --------------------------------------------------------


def test_dates_are_listed_next_first(demo_client: TestClient) -> None:
    page = demo_client.get("/rhythms").text
    met, graduation = page.index("The day we met"), page.index("Priya&#39;s graduation")
    assert met < graduation
    assert "Next on 13 Nov 2026, in 12 days." in page
    assert "Next on 26 Nov 2026, in 25 days." in page and "· once" in page


def test_adding_and_removing_a_date(demo_client: TestClient, demo_app: FastAPI) -> None:
    csrf = token(demo_client, "/rhythms")
    sent = demo_client.post(
        "/rhythms/dates",
        data={
            "csrf_token": csrf,
            "whose": "Rosa",
            "title": "Wedding anniversary",
            "on": "2026-11-06",
            "yearly": "yes",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = demo_client.get(sent.headers["location"]).text
    assert "Will remember Wedding anniversary (Rosa) on 6 Nov 2026, every year." in page
    assert "Next on 6 Nov 2026, in 5 days." in page
    assert page.index("Wedding anniversary") < page.index("The day we met"), "the nearest first"
    once = demo_client.post(
        "/rhythms/dates",
        data={"csrf_token": csrf, "whose": "me", "title": "Moving day", "on": "3 Dec 2026"},
    )
    assert "Will remember Moving day (yourself) on 3 Dec 2026." in once.text
    assert _dates(demo_app)[-2:] == [
        ("Wedding anniversary", "2026-11-06", True),
        ("Moving day", "2026-12-03", False),
    ]
    with _store(demo_app).transaction() as session:
        moving = next(o.id for o in session.scalars(select(Occasion)) if o.title == "Moving day")
    asked = demo_client.post(f"/rhythms/dates/{moving}/remove", data={"csrf_token": csrf})
    assert (
        asked.status_code == 200 and "Remove Moving day from the dates to remember?" in asked.text
    )
    changed = demo_client.post(
        f"/rhythms/dates/{moving}/edit",
        data={"csrf_token": csrf, "title": "Moving day", "on": "2026-12-04"},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert "Saved the changes to the date." in demo_client.get(changed.headers["location"]).text
    assert _dates(demo_app)[-1] == ("Moving day", "2026-12-04", False)
    removed = demo_client.post(
        f"/rhythms/dates/{moving}/remove",
        data={"csrf_token": csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert removed.status_code == 303
    after = demo_client.get(removed.headers["location"]).text
    assert "Removed. A copy of everything as it was just before is kept." in after
    assert "Moving day" not in after
    assert [title for title, _, _ in _dates(demo_app)] == [
        "The day we met",
        "Priya's graduation",
        "Wedding anniversary",
    ]
    assert (
        demo_client.post(
            f"/rhythms/dates/{moving}/remove", data={"csrf_token": csrf, "confirm": "yes"}
        ).status_code
        == 404
    )


def test_a_date_that_cannot_be_kept_is_refused_and_nothing_is_stored(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    csrf = token(demo_client, "/rhythms")
    before = _dates(demo_app)
    good = {"csrf_token": csrf, "whose": "Rosa", "title": "Anniversary", "on": "2026-11-06"}
    cases = [
        ({"on": "31/02/2026"}, "31/02/2026"),
        ({"on": "someday"}, "someday"),
        ({"on": ""}, "Please say when it is"),
        ({"whose": "Mallory"}, "No one called &#39;Mallory&#39;"),
        ({"whose": ""}, "A date to remember is someone&#39;s"),
        ({"title": "   "}, "Please give the date a title"),
    ]
    for change, message in cases:
        answer = demo_client.post("/rhythms/dates", data={**good, **change})
        assert answer.status_code == 400, change
        problem = re.search(
            r'<div class="problem" role="alert" id="problem">(.*?)</div>', answer.text, re.S
        )
        assert problem and message in problem.group(1), (change, answer.text)
    kept = demo_client.post("/rhythms/dates", data={**good, "on": "someday"}).text
    assert 'value="someday"' in kept and 'value="Anniversary"' in kept
    assert '<option value="Rosa" selected>' in kept
    assert 'name="yearly" value="yes">' in kept, "left unticked, it stays unticked"
    assert _dates(demo_app) == before


def test_an_empty_list_says_what_to_do_first(client: TestClient) -> None:
    page = client.get("/rhythms").text
    assert "No rhythms set yet." in page
    assert "Add someone first; a rhythm is always with someone." in page
    assert "No dates added yet." in page
    assert 'name="yearly" value="yes" checked>' in page, "every year unless said otherwise"


def test_script_like_text_is_shown_as_text(demo_client: TestClient) -> None:
    script = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    sent = demo_client.post(
        "/rhythms/dates",
        data={
            "csrf_token": token(demo_client, "/rhythms"),
            "whose": "me",
            "title": script,
            "on": "2026-12-01",
        },
    )
    assert sent.status_code == 200
    assert "<script>window.pwned" not in sent.text and "<img src=x" not in sent.text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in sent.text
