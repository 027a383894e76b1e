"""The ritual form a person can fill in: how often as choices, the zone from a list; changing and removing one."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from reciprocity.services import rituals
from tests.web.conftest import api_token, token


def _person(client: TestClient, name: str) -> int:
    return next(p["id"] for p in client.get("/api/people").json() if p["name"] == name)


def _rituals(client: TestClient) -> dict[str, dict[str, object]]:
    return {r["title"]: r for r in client.get("/api/rituals").json()}


def _selected(page: str, name: str) -> list[str]:
    """The option chosen in the select called ``name``."""
    found = re.search(rf'<select id="[^"]*" name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert found, f"no select {name}"
    return re.findall(r'<option(?: value="([^"]*)")? selected>', found.group(1))


def _form(client: TestClient, person: int, **fields: str) -> dict[str, object]:
    return {
        "csrf_token": token(client, "/rituals"),
        "person": str(person),
        "title": "Sunday call",
        "from": "",
        "until": "",
        "at": "",
        "zone": "Europe/London",
        "first": "me",
        "rotate": "yes",
        "note": "",
        "every": "week",
        "which": "date",
        "day": "sunday",
        "rule": "",
        **fields,
    }


def test_the_form_offers_cadences_and_this_computers_zone(demo_client: TestClient) -> None:
    page = demo_client.get("/rituals").text
    for label in ("Every week", "Every two weeks", "Every month", "A rule of your own (advanced)"):
        assert f">{label}</option>" in page
    assert _selected(page, "every") == ["week"]
    assert _selected(page, "day") == ["sunday"], "today, 2026-11-01, is a Sunday"
    assert _selected(page, "zone") == [""], "the zone option's text is its value"
    zone = re.search(r'name="zone"[^>]*>(.*?)</select>', page, re.S)
    assert zone and f"<option selected>{rituals.local_zone()}</option>" in zone.group(1)
    assert "<option>Europe/London</option>" in zone.group(1)
    assert 'name="rule" required' not in page, "the rule of one's own is not asked for"
    assert '<script src="/static/cadence.js" defer></script>' in page
    assert demo_client.get("/static/cadence.js").status_code == 200


@pytest.mark.parametrize(
    ("fields", "rule", "cadence"),
    [
        (
            {"every": "2 weeks", "day": "sunday"},
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
            "every two weeks on Sunday",
        ),
        ({"every": "week", "day": "wednesday"}, "FREQ=WEEKLY;BYDAY=WE", "every week on Wednesday"),
        (
            {"every": "month", "which": "date", "from": "2026-11-07"},
            "FREQ=MONTHLY",
            "every month on the 7th",
        ),
        (
            {"every": "month", "which": "first", "day": "saturday"},
            "FREQ=MONTHLY;BYDAY=1SA",
            "every month on the first Saturday",
        ),
        (
            {"every": "month", "which": "last", "day": "friday"},
            "FREQ=MONTHLY;BYDAY=-1FR",
            "every month on the last Friday",
        ),
        ({"every": "year", "from": "2026-12-24"}, "FREQ=YEARLY", "every year on 24 December"),
        (
            {"every": "custom", "rule": "every 3 weeks"},
            "FREQ=WEEKLY;INTERVAL=3",
            "every 3 weeks on Sunday",
        ),
    ],
)
def test_each_cadence_is_kept_as_its_rule(
    client: TestClient, fields: dict[str, str], rule: str, cadence: str
) -> None:
    client.post("/api/people", json={"name": "Rosa"}, headers=api_token(client))
    sent = client.post(
        "/rituals", data=_form(client, _person(client, "Rosa"), **fields), follow_redirects=False
    )
    assert sent.status_code == 303, sent.text
    landed = client.get(sent.headers["location"]).text
    assert f"Added ritual 1: Sunday call with Rosa, {cadence}," in landed
    [row] = client.get("/api/rituals").json()
    assert row["rule"] == rule and row["cadence"] == cadence


def test_a_time_keeps_its_zone_and_shows_on_the_card(demo_client: TestClient) -> None:
    rosa = _person(demo_client, "Rosa")
    sent = demo_client.post("/rituals", data=_form(demo_client, rosa, at="19:30"))
    assert "every week on Sunday · at 19:30 (Europe/London)" in sent.text
    stored = _rituals(demo_client)["Sunday call"]
    assert stored["at"] == "19:30" and stored["zone"] == "Europe/London"
    no_time = demo_client.post("/rituals", data=_form(demo_client, rosa, title="Tea"))
    assert no_time.status_code == 200
    tea = _rituals(demo_client)["Tea"]
    assert tea["at"] is None and tea["zone"] is None, "a zone is kept only with a time"


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"every": "month", "which": "fifth", "day": "saturday"}, "say which one"),
        ({"every": "week", "day": "caturday"}, "'caturday' is not a day of the week"),
        ({"every": "sometimes"}, "'sometimes' is not a cadence; choose one of: week, 2 weeks"),
        ({"every": "custom", "rule": ""}, "Please give a cadence"),
        ({"every": "custom", "rule": "now and then"}, "is not a cadence reciprocity can read"),
        ({"at": "19:30", "zone": "Mars/Base"}, "'Mars/Base' is not a time zone"),
        ({"at": "25:00"}, "'25:00' is not a time of day"),
    ],
)
def test_a_cadence_that_makes_no_rule_is_one_line_with_the_form_kept(
    demo_client: TestClient, fields: dict[str, str], said: str
) -> None:
    before = demo_client.get("/api/rituals").json()
    sent = demo_client.post(
        "/rituals", data=_form(demo_client, _person(demo_client, "Rosa"), title="Tea", **fields)
    )
    assert sent.status_code == 400
    problem = re.search(r'role="alert" id="problem"><h2>[^<]*</h2><p>(.*?)</p>', sent.text)
    assert problem and said in problem.group(1).replace("&#39;", "'"), sent.text[:400]
    assert "--" not in problem.group(1), "no command-line flags on a page"
    assert 'value="Tea"' in sent.text
    if "every" in fields and fields["every"] in ("week", "month", "custom"):
        assert _selected(sent.text, "every") == [fields["every"]], "the choice is kept"
    assert demo_client.get("/api/rituals").json() == before, "nothing half-written"


def test_a_ritual_is_changed_on_its_own_page(demo_client: TestClient) -> None:
    rosa = _person(demo_client, "Rosa")
    demo_client.post("/rituals", data=_form(demo_client, rosa, every="2 weeks", at="19:00"))
    ritual = _rituals(demo_client)["Sunday call"]
    page = demo_client.get("/rituals").text
    card = page[page.index(f'id="ritual-{ritual["id"]}"') :].split("</li>")[0]
    assert f'href="/rituals/{ritual["id"]}/edit"' in card
    assert f'action="/rituals/{ritual["id"]}/remove"' in card

    edit = demo_client.get(f"/rituals/{ritual['id']}/edit").text
    assert "<h1>Change Sunday call</h1>" in edit
    assert _selected(edit, "every") == ["2 weeks"] and _selected(edit, "day") == ["sunday"]
    assert 'name="at" type="time" value="19:00"' in edit
    assert '<option value="Europe/London" selected>' in edit
    assert 'value="FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"' in edit, "the rule is there for the advanced"

    csrf = token(demo_client, f"/rituals/{ritual['id']}/edit")
    changed = demo_client.post(
        f"/rituals/{ritual['id']}/edit",
        data={
            "csrf_token": csrf,
            "title": "Sunday walk",
            "every": "month",
            "which": "first",
            "day": "saturday",
            "rule": "",
            "from": "2026-11-01",
            "until": "",
            "at": "",
            "zone": "Europe/London",
            "rotate": "no",
            "note": "By the river",
        },
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert changed.headers["location"].endswith(f"#ritual-{ritual['id']}")
    landed = demo_client.get(changed.headers["location"]).text
    assert "Sunday walk is changed; what became of each day so far is kept." in landed
    now = _rituals(demo_client)["Sunday walk"]
    assert now["rule"] == "FREQ=MONTHLY;BYDAY=1SA" and now["cadence"] == (
        "every month on the first Saturday"
    )
    assert now["at"] is None and now["zone"] is None and now["rotates"] is False
    assert now["note"] == "By the river"

    own = demo_client.post(
        f"/rituals/{ritual['id']}/edit",
        data={
            "csrf_token": csrf,
            "title": "Sunday walk",
            "every": "custom",
            "rule": "FREQ=WEEKLY;BYDAY=TU,TH",
            "from": "2026-11-01",
            "rotate": "no",
        },
        follow_redirects=False,
    )
    assert own.status_code == 303
    page = demo_client.get(f"/rituals/{ritual['id']}/edit").text
    assert _selected(page, "every") == ["custom"], "a rule of its own reads back as one"
    assert '<details data-cadence-for="custom" open>' in page

    bad = demo_client.post(
        f"/rituals/{ritual['id']}/edit",
        data={
            "csrf_token": csrf,
            "title": "Sunday walk",
            "every": "week",
            "day": "sunday",
            "from": "2026-11-01",
            "until": "2026-10-01",
            "rotate": "no",
        },
    )
    assert bad.status_code == 400 and "comes before the start" in bad.text
    assert _selected(bad.text, "every") == ["week"], "the form keeps what was chosen"
    assert _rituals(demo_client)["Sunday walk"]["rule"] == "FREQ=WEEKLY;BYDAY=TU,TH"
    assert demo_client.get("/rituals/999/edit").status_code == 404


def test_removing_a_ritual_asks_once_and_says_a_copy_is_kept(demo_client: TestClient) -> None:
    call = _rituals(demo_client)["Sunday call with Mum"]
    csrf = token(demo_client, "/rituals")
    asked = demo_client.post(f"/rituals/{call['id']}/remove", data={"csrf_token": csrf})
    assert asked.status_code == 200
    assert "<h1>Remove Sunday call with Mum (Rosa)?</h1>" in asked.text
    assert "What became of each planned day: kept" in asked.text
    assert "let it end on the rituals page" in asked.text
    assert "A copy of everything" in asked.text and 'name="confirm" value="yes"' in asked.text
    assert "Sunday call with Mum" in _rituals(demo_client), "asking removes nothing"
    gone = demo_client.post(
        f"/rituals/{call['id']}/remove",
        data={"csrf_token": csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert gone.status_code == 303 and gone.headers["location"].startswith("/rituals?removed=")
    landed = demo_client.get(gone.headers["location"]).text
    assert "Removed. A copy of everything as it was just before is kept." in landed
    assert "Sunday call with Mum" not in _rituals(demo_client)
    again = demo_client.post(f"/rituals/{call['id']}/remove", data={"csrf_token": csrf})
    assert again.status_code == 404


def test_the_rituals_go_into_a_calendar_file(demo_client: TestClient) -> None:
    page = demo_client.get("/rituals").text
    assert 'href="/rituals/calendar.ics" download' in page
    sent = demo_client.get("/rituals/calendar.ics")
    assert sent.status_code == 200 and sent.headers["content-type"].startswith("text/calendar")
    assert "attachment" in sent.headers["content-disposition"]
    calendar = Calendar.from_ical(sent.content)
    titles = " | ".join(str(e.get("SUMMARY")) for e in calendar.walk("VEVENT"))
    for ritual in demo_client.get("/api/rituals").json():
        assert ritual["title"] in titles
