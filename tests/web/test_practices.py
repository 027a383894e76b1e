"""The practice pages in-process: check-ins, rituals, boundaries and small wins."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from reciprocity.model import Boundary, CheckIn, Ritual, Win
from reciprocity.store import Database
from tests.databases import postgresql_only, sqlite_only
from tests.web.conftest import token


def _person(client: TestClient, name: str) -> int:
    return next(p["id"] for p in client.get("/api/people").json() if p["name"] == name)


def _store(app: FastAPI) -> Database:
    found: Database = app.state.database
    return found


def _title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page)
    assert found
    return found.group(1)


def _ritual(app: FastAPI, title: str) -> int:
    with _store(app).transaction() as session:
        return next(r.id for r in session.scalars(select(Ritual)) if r.title == title)


# -- check-ins ----------------------------------------------------------------


def test_the_checkin_list_says_when_each_was_last_and_is_next(demo_client: TestClient) -> None:
    page = demo_client.get("/checkin")
    assert _title(page.text) == "Check-ins · reciprocity"
    assert "Check-in with Jordan" in page.text and "last check-in on 12 Sep 2026" in page.text
    assert "next planned for 4 Nov 2026" in page.text, "Sam's next check-in"
    assert page.text.count("no check-in yet") == 3


def test_preparing_a_checkin_shows_the_agenda(demo_client: TestClient) -> None:
    page = demo_client.get(f"/checkin/{_person(demo_client, 'Jordan')}").text
    assert _title(page) == "Check-in with Jordan · reciprocity"
    assert "What the patterns show" in page and "Energy:" in page
    assert "What you agreed last time (12 Sep 2026)" in page
    assert 'Jordan suggests the next plan <span class="hint">(partly happened)' in page
    assert "Requests you are keeping with Jordan" in page
    assert "Jordan asked how my week was before talking about theirs." in page
    assert "What has felt easy between us lately, and what has felt heavy?" in page
    assert "Talk about what was done and how it landed" in page
    assert page.count('name="outcome-') == 4, "one open adjustment, four choices"
    assert 'value="2026-11-29"' in page, "four weeks on is suggested"


def test_recording_a_checkin_keeps_the_sides_the_agreements_and_how_last_time_went(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    jordan = _person(demo_client, "Jordan")
    form = demo_client.get(f"/checkin/{jordan}").text
    found = re.search(r'name="outcome-(\d+)"', form)
    assert found
    sent = demo_client.post(
        f"/checkin/{jordan}",
        data={
            "csrf_token": token(demo_client),
            "me_supported": "Jordan came to the station to meet me",
            "them_meaningful": "The card for the new job",
            "agreed": "Jordan picks the next film\n\n  We take turns choosing where to eat  \n",
            f"outcome-{found.group(1)}": "happened",
            "next": "2026-11-29",
            "action": "save",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = demo_client.get(sent.headers["location"]).text
    assert "Saved the check-in with Jordan on 1 Nov 2026, with 2 things you agreed to try." in page
    with _store(demo_app).transaction() as session:
        latest = session.scalars(
            select(CheckIn).where(CheckIn.person_id == jordan).order_by(CheckIn.id.desc())
        ).first()
        assert latest is not None
        saved = latest.as_dict()
        earlier = session.scalars(
            select(CheckIn).where(CheckIn.person_id == jordan).order_by(CheckIn.id)
        ).first()
        assert earlier is not None
        outcomes = [a.outcome for a in earlier.adjustments]
    assert saved["on"] == "2026-11-01" and saved["next_on"] == "2026-11-29"
    assert saved["sides"]["me"]["supported"] == "Jordan came to the station to meet me"
    assert saved["sides"]["them"]["meaningful"] == "The card for the new job"
    assert [a["text"] for a in saved["adjustments"]] == [
        "Jordan picks the next film",
        "We take turns choosing where to eat",
    ]
    assert [str(o) for o in outcomes] == ["partly", "happened"]
    again = demo_client.get(f"/checkin/{jordan}").text
    assert "What you agreed last time (1 Nov 2026)" in again
    assert again.count('name="outcome-') == 8, "the two new adjustments are asked next time"


def test_wording_notes_come_before_saving_and_never_change_the_words(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    sam = _person(demo_client, "Sam")
    form = {
        "csrf_token": token(demo_client),
        "me_drained": "You never ask how my day was",
        "them_supported": "I meant to call more",
        "next": "",
    }
    first = demo_client.post(f"/checkin/{sam}", data={**form, "action": "save"})
    assert first.status_code == 200
    assert "A few thoughts on the wording" in first.text
    assert "sounds like what someone meant" in first.text
    assert "Would you be up for" in first.text
    assert ">You never ask how my day was</textarea>" in first.text
    with _store(demo_app).transaction() as session:
        assert len(session.scalars(select(CheckIn).where(CheckIn.person_id == sam)).all()) == 1
    kept = demo_client.post(
        f"/checkin/{sam}", data={**form, "action": "keep"}, follow_redirects=False
    )
    assert kept.status_code == 303
    with _store(demo_app).transaction() as session:
        latest = session.scalars(
            select(CheckIn).where(CheckIn.person_id == sam).order_by(CheckIn.id.desc())
        ).first()
        assert latest is not None
        assert latest.me_drained == "You never ask how my day was"
        assert latest.next_on is None, "an empty next day means no plan"


def test_a_bad_date_is_refused_and_the_answers_stay_in_the_form(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    theo = _person(demo_client, "Theo")
    answer = demo_client.post(
        f"/checkin/{theo}",
        data={
            "csrf_token": token(demo_client),
            "me_meaningful": "Lunch after the reorg",
            "on": "2026-10-30",
            "next": "2026-10-01",
            "action": "save",
        },
    )
    assert answer.status_code == 400
    assert "comes before this one" in answer.text
    assert ">Lunch after the reorg</textarea>" in answer.text
    with _store(demo_app).transaction() as session:
        assert session.scalars(select(CheckIn).where(CheckIn.person_id == theo)).first() is None
    assert demo_client.get("/checkin/999").status_code == 404


def test_when_the_words_speak_of_fear_the_checkin_points_to_help(
    demo_client: TestClient,
) -> None:
    theo = _person(demo_client, "Theo")
    assert "Open questions to bring" in demo_client.get(f"/checkin/{theo}").text
    demo_client.post(
        f"/checkin/{theo}",
        data={
            "csrf_token": token(demo_client),
            "me_drained": "I am afraid to say no to him",
            "action": "keep",
        },
    )
    page = demo_client.get(f"/checkin/{theo}").text
    assert "this is not a question of who gives more" in page
    assert "domestic abuse helpline" in page
    assert "Open questions to bring" not in page and "Things you might try" not in page


# -- rituals ------------------------------------------------------------------


def test_the_rituals_page_shows_what_is_next_and_who_hosts(demo_client: TestClient) -> None:
    page = demo_client.get("/rituals").text
    assert _title(page) == "Rituals · reciprocity"
    assert "Dinner, taking turns to host" in page and "every month on the first Friday" in page
    assert "Jordan hosts next." in page and "You host next." in page
    assert "Planned for today, 1 Nov 2026." in page, "the Sunday call"
    assert "Coming up: <time" in page
    assert "kept 14 of 14 since" in page
    assert "your turn" not in page.lower()


def test_marking_a_ritual_done_moves_hosting_on(demo_client: TestClient, demo_app: FastAPI) -> None:
    dinner = _ritual(demo_app, "Dinner, taking turns to host")
    sent = demo_client.post(
        f"/rituals/{dinner}/done",
        data={"csrf_token": token(demo_client), "for": "2026-11-06", "note": "Jordan cooked"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = demo_client.get(sent.headers["location"]).text
    assert (
        "Marked Dinner, taking turns to host as done on 1 Nov 2026 (planned for 6 Nov 2026). "
        "You host next." in page
    )
    assert "Mark 4 Dec 2026 as done" in page
    with _store(demo_app).transaction() as session:
        ritual = session.get(Ritual, dinner)
        assert ritual is not None
        last = ritual.occurrences[-1].as_dict()
    assert last == {
        "due": "2026-11-06",
        "status": "done",
        "on": "2026-11-01",
        "host": "Jordan",
        "note": "Jordan cooked",
    }


def test_skipping_and_moving_an_occurrence(demo_client: TestClient, demo_app: FastAPI) -> None:
    call = _ritual(demo_app, "Sunday call with Mum")
    climbing = _ritual(demo_app, "Climbing")
    csrf = token(demo_client)
    skipped = demo_client.post(
        f"/rituals/{call}/skip", data={"csrf_token": csrf, "for": "2026-11-01"}
    )
    assert "Skipped Sunday call with Mum planned for 1 Nov 2026." in skipped.text
    assert "Next on 8 Nov 2026." in skipped.text
    moved = demo_client.post(
        f"/rituals/{climbing}/move",
        data={"csrf_token": csrf, "for": "2026-11-11", "to": "2026-11-13"},
    )
    assert "Moved Climbing from 11 Nov 2026 to 13 Nov 2026." in moved.text
    assert "Next on 13 Nov 2026." in moved.text
    nowhere = demo_client.post(f"/rituals/{climbing}/move", data={"csrf_token": csrf, "to": ""})
    assert nowhere.status_code == 400 and "which day it moves to" in nowhere.text
    wrong = demo_client.post(
        f"/rituals/{climbing}/skip", data={"csrf_token": csrf, "for": "2026-11-12"}
    )
    assert wrong.status_code == 409 and "was not planned for 12 Nov 2026" in wrong.text
    assert demo_client.post("/rituals/99/skip", data={"csrf_token": csrf}).status_code == 404


def test_adding_a_ritual_with_a_friendly_cadence_and_hosts_taking_turns(
    demo_client: TestClient,
) -> None:
    priya, sam = _person(demo_client, "Priya"), _person(demo_client, "Sam")
    sent = demo_client.post(
        "/rituals",
        data={
            "csrf_token": token(demo_client),
            "person": str(priya),
            "title": "Board games",
            "rule": "every other Saturday",
            "also": [str(sam)],
            "first": str(priya),
            "rotate": "yes",
            "at": "19:30",
            "zone": "Europe/London",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    page = demo_client.get(sent.headers["location"]).text
    assert (
        "Added ritual 4: Board games with Priya and Sam, every two weeks on Saturday, "
        "from 1 Nov 2026. Priya hosts next." in page
    )
    assert "Mark 14 Nov 2026 as done" in page, "every other week, counted from the first"


def test_a_ritual_that_cannot_be_read_is_refused_with_the_form_kept(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    csrf = token(demo_client)
    rosa = str(_person(demo_client, "Rosa"))
    bad_rule = demo_client.post(
        "/rituals",
        data={"csrf_token": csrf, "person": rosa, "title": "Tea", "rule": "now and then"},
    )
    assert bad_rule.status_code == 400
    assert "is not a cadence reciprocity can read" in bad_rule.text
    assert 'value="now and then"' in bad_rule.text and 'value="Tea"' in bad_rule.text
    zone_alone = demo_client.post(
        "/rituals",
        data={
            "csrf_token": csrf,
            "person": rosa,
            "title": "Tea",
            "rule": "weekly",
            "zone": "Europe/London",
        },
        follow_redirects=False,
    )
    assert zone_alone.status_code == 303, "a zone is chosen from a list; it is kept with a time"
    with _store(demo_app).transaction() as session:
        tea = next(r for r in session.scalars(select(Ritual)) if r.title == "Tea")
        assert tea.zone is None and tea.at is None
    nobody = demo_client.post(
        "/rituals", data={"csrf_token": csrf, "person": "", "title": "Tea", "rule": "weekly"}
    )
    assert nobody.status_code == 400 and "Please choose someone from your list." in nobody.text


def test_ending_a_ritual_keeps_its_history_and_plans_nothing_more(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    dinner = _ritual(demo_app, "Dinner, taking turns to host")
    call = _ritual(demo_app, "Sunday call with Mum")
    csrf = token(demo_client, "/rituals")
    page = demo_client.get("/rituals").text
    assert f'action="/rituals/{dinner}/end"' in page
    assert f'<label for="end-{dinner}">Last day (optional)</label>' in page
    sent = demo_client.post(
        f"/rituals/{dinner}/end", data={"csrf_token": csrf, "on": ""}, follow_redirects=False
    )
    assert sent.status_code == 303 and sent.headers["location"].endswith(f"#ritual-{dinner}")
    page = demo_client.get(sent.headers["location"]).text
    assert (
        "Dinner, taking turns to host now ends on 1 Nov 2026. Its history is kept, and nothing "
        "more is planned after that day." in page
    )
    card = page[page.index(f'id="ritual-{dinner}"') :].split("</li>")[0]
    assert "Its last day is 1 Nov 2026." in card and "Nothing more is planned." in card
    assert "kept 3 of 3 since" in card, "its history is kept"
    earlier = demo_client.post(
        f"/rituals/{call}/end", data={"csrf_token": csrf, "on": "2026-10-25"}
    )
    assert "Sunday call with Mum now ends on 25 Oct 2026." in earlier.text
    card = earlier.text[earlier.text.index(f'id="ritual-{call}"') :].split("</li>")[0]
    assert "Ended on 25 Oct 2026." in card and f'action="/rituals/{call}/end"' not in card
    due = demo_client.get("/api/due").json()["items"]
    assert [i for i in due if i["kind"] == "ritual"] == [], "ended rituals no longer come up"
    with _store(demo_app).transaction() as session:
        ended = {r.title: r.end for r in session.scalars(select(Ritual))}
    assert ended["Dinner, taking turns to host"] == date(2026, 11, 1)
    assert ended["Sunday call with Mum"] == date(2026, 10, 25)


def test_a_ritual_cannot_end_on_a_day_that_is_not_one(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    dinner = _ritual(demo_app, "Dinner, taking turns to host")
    csrf = token(demo_client, "/rituals")
    before = demo_client.post(
        f"/rituals/{dinner}/end", data={"csrf_token": csrf, "on": "2026-01-01"}
    )
    assert before.status_code == 400
    assert (
        "The end, 1 Jan 2026, comes before the start, 24 Jul 2026; please choose an end on or "
        "after the start." in before.text
    )
    unreadable = demo_client.post(
        f"/rituals/{dinner}/end", data={"csrf_token": csrf, "on": "someday"}
    )
    assert unreadable.status_code == 400 and "someday" in unreadable.text
    with _store(demo_app).transaction() as session:
        assert all(r.end is None for r in session.scalars(select(Ritual))), "nothing saved"
    assert demo_client.post("/rituals/99/end", data={"csrf_token": csrf}).status_code == 404


# -- boundaries ---------------------------------------------------------------


def test_the_boundaries_page_lists_requests_and_their_reviews(demo_client: TestClient) -> None:
    page = demo_client.get("/boundaries").text
    assert _title(page) == "Boundaries · reciprocity"
    assert "Your own limit" in page and "With Jordan" in page and "With Rosa" in page
    assert "Look at it again on 27 Oct 2026." in page
    assert page.count("time to look again") == 1, "your own; Jordan's is ten days away"


def test_adding_a_boundary_offers_a_rewrite_first(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    form = {
        "csrf_token": token(demo_client),
        "whose": "Jordan",
        "area": "time",
        "request": "You always call after midnight",
        "note": "",
    }
    offered = demo_client.post("/boundaries", data=form)
    assert offered.status_code == 200
    assert "A thought on the wording" in offered.text
    rewritten = (
        "When you call after midnight, I find it hard. "
        "Could we find a way that works better for both of us?"
    )
    assert rewritten in offered.text, "the rewrite keeps what the request was about"
    assert "Keep my words" in offered.text and "Use this version" in offered.text
    with _store(demo_app).transaction() as session:
        assert len(session.scalars(select(Boundary)).all()) == 3, "nothing saved yet"
    used = demo_client.post("/boundaries", data={**form, "action": "use"}, follow_redirects=False)
    assert used.status_code == 303
    page = demo_client.get(used.headers["location"]).text
    assert "Added. It comes up to look at again on 13 Dec 2026." in page
    kept = demo_client.post("/boundaries", data={**form, "action": "keep"})
    assert "You always call after midnight" in kept.text
    with _store(demo_app).transaction() as session:
        requests = [b.request for b in session.scalars(select(Boundary).order_by(Boundary.id))]
    assert requests[-2:] == [rewritten, "You always call after midnight"]
    assert not any("…" in request for request in requests), "no template is ever saved"


def test_the_boundary_offer_puts_the_suggestion_first_and_checks_changed_words_again(
    demo_client: TestClient, demo_app: FastAPI
) -> None:
    form = {
        "csrf_token": token(demo_client),
        "whose": "Jordan",
        "area": "time",
        "request": "I hosted the last three times",
        "note": "",
    }
    offered = demo_client.post("/boundaries", data=form).text
    assert "Could we take turns hosting?" in offered
    assert 0 < offered.find('value="use"') < offered.find('value="keep"')
    changed = demo_client.post(
        "/boundaries",
        data={
            **form,
            "request": "You never help me move",
            "offered": form["request"],
            "action": "use",
        },
    )
    assert changed.status_code == 200 and "Would you be up for helping me move" in changed.text
    used = demo_client.post(
        "/boundaries",
        data={**form, "offered": form["request"], "action": "use"},
        follow_redirects=False,
    )
    assert used.status_code == 303
    labelled = demo_client.post("/boundaries", data={**form, "request": "You're so lazy"}).text
    assert "Try one recent moment" in labelled and 'value="use"' not in labelled
    with _store(demo_app).transaction() as session:
        requests = [b.request for b in session.scalars(select(Boundary).order_by(Boundary.id))]
    assert requests[-1] == "Could we take turns hosting?"


def test_a_short_request_gets_a_nudge_to_be_specific(demo_client: TestClient) -> None:
    page = demo_client.post(
        "/boundaries",
        data={
            "csrf_token": token(demo_client),
            "whose": "me",
            "area": "energy",
            "request": "No late calls",
            "review": "2026-12-01",
        },
    )
    assert "Requests land best when they are specific" in page.text
    assert "Look at it again on 1 Dec 2026." in page.text


def test_reviewing_a_boundary(demo_client: TestClient, demo_app: FastAPI) -> None:
    with _store(demo_app).transaction() as session:
        own = next(b.id for b in session.scalars(select(Boundary)) if b.person is None)
    csrf = token(demo_client)
    renegotiated = demo_client.post(
        f"/boundaries/{own}/review",
        data={
            "csrf_token": csrf,
            "status": "renegotiated",
            "request": "You never let me rest",
            "note": "Talked it through",
        },
    )
    assert "Saved the review." in renegotiated.text
    assert "A gentle thought on the wording" in renegotiated.text
    assert "Look at it again on 13 Dec 2026." in renegotiated.text
    retired = demo_client.post(
        f"/boundaries/{own}/review", data={"csrf_token": csrf, "status": "retired"}
    )
    assert "You never let me rest" not in retired.text, "retired ones are hidden"
    everything = demo_client.get("/boundaries?all=1").text
    assert "You never let me rest" in everything and "No review planned." in everything
    bad = demo_client.post(f"/boundaries/{own}/review", data={"csrf_token": csrf, "status": "gone"})
    assert bad.status_code == 400 and "is not a status" in bad.text


# -- small wins ---------------------------------------------------------------


def test_noting_and_listing_small_wins(demo_client: TestClient, demo_app: FastAPI) -> None:
    page = demo_client.get("/wins").text
    assert _title(page) == "Small wins · reciprocity"
    assert "Said no to an extra shift without apologising." in page
    sent = demo_client.post(
        "/wins",
        data={
            "csrf_token": token(demo_client),
            "whose": "Priya",
            "text": "Priya called first",
            "on": "yesterday",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    added = demo_client.get(sent.headers["location"]).text
    assert "Noted a small win with Priya on 31 Oct 2026. Worth celebrating." in added
    only_priya = demo_client.get("/wins?show=Priya").text
    assert "Priya called first" in only_priya and "extra shift" not in only_priya
    only_mine = demo_client.get("/wins?show=me").text
    assert "Priya called first" not in only_mine and "extra shift" in only_mine
    empty = demo_client.post(
        "/wins", data={"csrf_token": token(demo_client), "whose": "me", "text": "  "}
    )
    assert empty.status_code == 400 and "what went well" in empty.text
    with _store(demo_app).transaction() as session:
        assert len(session.scalars(select(Win)).all()) == 5


# -- settings and backups -----------------------------------------------------


@sqlite_only  # a backup is a copy of the SQLite file beside it
def test_settings_say_where_the_data_lives_and_make_a_backup(
    demo_client: TestClient, tmp_path: Path
) -> None:
    page = demo_client.get("/settings").text
    assert _title(page) == "Backups · reciprocity"
    assert str(tmp_path / "demo.db") in page
    assert "throwaway demo database" in page
    assert "No backups beside the database yet." in page
    main = page.split('<main id="main"')[1]
    for nothing_to_set in ("200 MB", "127.0.0.1", "8 hours of silence", "--", "RECIPROCITY_DB"):
        assert nothing_to_set not in main, "nothing is listed as if it could be set here"
    assert "This is reciprocity " in main
    sent = demo_client.post(
        "/settings/backup", data={"csrf_token": token(demo_client)}, follow_redirects=False
    )
    assert sent.status_code == 303
    copies = list(tmp_path.glob("demo.backup.*.db"))
    assert len(copies) == 1
    after = demo_client.get(sent.headers["location"]).text
    assert f"Made a backup: {copies[0]}" in after
    assert copies[0].name in after.split('id="backups"')[1]
    assert "Sam" in demo_client.get("/").text, "the app goes on after the copy"


@postgresql_only  # a database that is not a file is copied as an export of everything
def test_settings_keep_exports_of_a_database_on_a_server(
    demo_client: TestClient, tmp_path: Path
) -> None:
    folder = tmp_path / "data" / "reciprocity"  # the user's data folder, as this test has it
    page = demo_client.get("/settings").text
    assert "postgresql+psycopg://reciprocity@/" in page and "throwaway demo database" in page
    assert f"a backup of it is an export of everything, kept in {folder}." in page
    assert "No backups in that folder yet." in page and "Make a backup now" in page
    sent = demo_client.post(
        "/settings/backup", data={"csrf_token": token(demo_client)}, follow_redirects=False
    )
    assert sent.status_code == 303
    copies = list(folder.glob("postgresql-t*_demo.backup.*.json"))
    assert len(copies) == 1
    after = demo_client.get(sent.headers["location"]).text
    assert f"Made a backup: {copies[0]}" in after
    assert copies[0].name in after.split('id="backups"')[1]
    document = json.loads(copies[0].read_text(encoding="utf-8"))
    assert document["format"] == "reciprocity" and len(document["people"]) == 5


def test_a_database_that_is_not_a_file_cannot_be_copied_here(tmp_path: Path) -> None:
    from reciprocity.web import create_app
    from tests.web.conftest import BASE, settings_for

    app = create_app(settings_for("sqlite://"))
    with TestClient(app, base_url=BASE) as client:
        page = client.get("/settings").text
        assert "is not a SQLite file" in page and "Make a backup now" not in page
        refused = client.post("/settings/backup", data={"csrf_token": token(client)})
        assert refused.status_code == 409
