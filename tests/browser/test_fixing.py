"""Fixing what was written and finding it again, at desk width and phone width.

A mistyped moment found on the person's page and put right; a birthday added
later; a season started twice refused in one line, a look-alike removed after
asking once and brought back from the notice; a moment found by a word, then
narrowed by person, by what it speaks to and by days. Each journey checks what
a person sees and what is stored (through ``/api``), and leaves a screenshot at
each width in the run's temporary folder (``journey-screenshots``).

These journeys remove and bring back whole copies of the data, so they have a
server of their own, shared by the module, rather than the session's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from reciprocity.coach import app as app_words
from reciprocity.coach import data as data_words
from reciprocity.coach import people as people_words
from reciprocity.coach.terms import day_words
from tests.browser.conftest import keep_screenshot
from tests.browser.server import Server, running_server
from tests.browser.test_accessibility import _serious

WIDTHS = [
    pytest.param(
        width,
        marks=pytest.mark.browser_options(viewport={"width": width, "height": height}),
        id=f"{width}px",
    )
    for width, height in ((1280, 900), (390, 844))
]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as running:
        yield running


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _api(page: Any, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """The JSON API, from the same browser context (its cookie and a CSRF token for writes)."""
    headers = {}
    if method != "GET":
        headers["X-CSRF-Token"] = page.request.get("/api/csrf").json()["token"]
    answer = page.request.fetch(f"/api{path}", method=method, headers=headers, data=body)
    assert answer.ok, f"{method} {path}: {answer.status} {answer.text()}"
    return answer.json()


def _someone(page: Any, name: str) -> int:
    person_id: int = _api(page, "POST", "/people", {"name": name})["id"]
    return person_id


def _more(page: Any, link: str) -> None:
    """A link from the navigation's "More", the same way at every width."""
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_text("More", exact=True).click()
    nav.get_by_role("link", name=link, exact=True).click()


@pytest.mark.parametrize("width", WIDTHS)
def test_fixing_a_mistyped_moment(page: Any, shots: Path, width: int) -> None:
    name = f"Quinn {width}"
    person_id = _someone(page, name)
    moment = _api(
        page,
        "POST",
        f"/people/{person_id}/moments",
        {"text": "Quinn brougth soup when I was ill", "by": "them", "on": "yesterday"},
    )

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Everyone").click()
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    typo = page.locator("#moments .moment", has_text="Quinn brougth soup")
    expect(typo).to_be_visible()
    typo.get_by_role("link", name=re.compile(r"^Change")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Change a moment with {name}")
    what = page.get_by_label("What happened")
    expect(what).to_have_value("Quinn brougth soup when I was ill")
    expect(page.get_by_label("Who reached out or gave")).to_have_value("them")
    what.fill("Quinn brought soup when I was ill")
    keep_screenshot(page, shots, "moment-change", width)
    page.get_by_role("button", name="Save the changes").click()

    expect(page).to_have_url(re.compile(rf"/people/{person_id}\?notice=moment-changed#moment-"))
    expect(page.get_by_role("status")).to_have_text(people_words.NOTICES["moment-changed"])
    fixed = page.locator(f"#moment-{moment['id']}")
    expect(fixed.locator(".text")).to_have_text("Quinn brought soup when I was ill")
    expect(fixed).to_contain_text(name)  # still theirs, still by them
    expect(page.locator("#moments")).not_to_contain_text("brougth")
    keep_screenshot(page, shots, "moment-fixed", width)
    stored = _api(page, "GET", f"/moments/{moment['id']}")
    assert stored["text"] == "Quinn brought soup when I was ill"
    assert (stored["by"], stored["on"]) == ("them", moment["on"]), "nothing else changed"
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_adding_a_forgotten_birthday(page: Any, shots: Path, width: int) -> None:
    name = f"Bea {width}"
    person_id = _someone(page, name)
    page.goto(f"/people/{person_id}")
    expect(page.locator("main .lede")).not_to_contain_text("birthday")
    page.get_by_role("link", name="Change details").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Change {name}'s details")
    expect(page.get_by_label("Name")).to_have_value(name)
    birthday = page.get_by_label("Birthday (optional)")
    expect(birthday).to_have_value("")
    birthday.fill("1991-04-12")
    keep_screenshot(page, shots, "person-birthday", width)
    page.get_by_role("button", name="Save the changes").click()

    expect(page).to_have_url(re.compile(rf"/people/{person_id}\?notice=changed$"))
    expect(page.get_by_role("status")).to_have_text(f"Saved the changes to {name}'s details.")
    expect(page.locator("main .lede")).to_contain_text("birthday 12 Apr")
    keep_screenshot(page, shots, "person-birthday-saved", width)
    stored = _api(page, "GET", f"/people/{person_id}")
    assert (stored["name"], stored["birthday"]) == (name, "1991-04-12")
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_duplicate_season_is_refused_removed_and_brought_back(
    page: Any, shots: Path, axe: Axe, width: int
) -> None:
    name = f"Nia {width}"
    _someone(page, name)

    def ongoing() -> list[dict[str, Any]]:
        return [s for s in _api(page, "GET", "/seasons") if s["whose"] == name and s["ongoing"]]

    def start(on: str) -> None:
        page.get_by_label("Whose season").select_option(label=name)
        page.get_by_label("What kind").select_option(label="illness")
        page.get_by_label("Since", exact=True).fill(on)
        page.get_by_role("button", name="Start the season").click()

    page.goto("/")
    _more(page, "Seasons")
    expect(page.get_by_role("heading", level=1)).to_have_text("Seasons")
    start("today")
    cards = page.locator("li.season", has_text=f"{name}: illness")
    expect(cards).to_have_count(1)

    start("today")  # the same season again, as a second tap might send it
    refusal = page.get_by_role("alert")
    first = ongoing()[0]
    expect(refusal.locator("p")).to_have_text(
        people_words.SEASON_TWICE.format(
            id=first["id"], kind="illness", start=day_words(date.today())
        )
    )
    expect(page.get_by_label("Whose season")).to_have_value(name)  # what was typed is kept
    expect(cards).to_have_count(1)
    keep_screenshot(page, shots, "season-twice", width)

    start("yesterday")  # not the same season, but it looks like one
    expect(cards).to_have_count(2)
    assert len(ongoing()) == 2
    yesterday = date.today() - timedelta(days=1)
    line = f"{name}: illness, since {day_words(yesterday)}"
    twin = page.locator("li.season", has_text=line)
    twin.get_by_role("button", name=f"Remove: {line}").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Remove this season, {line}?")
    expect(page.locator("main")).to_contain_text(app_words.CONFIRM_COPY)
    keep_screenshot(page, shots, "season-remove-asks", width)
    assert _serious(axe.run(page)) == [], "the page asking once"
    page.get_by_role("button", name="Remove the season").click()

    expect(page).to_have_url(re.compile(r"/seasons\?removed=.+"))
    notice = page.get_by_role("status").filter(has_text=app_words.REMOVED_NOTICE_COPY)
    expect(notice).to_be_visible()
    expect(cards).to_have_count(1)
    expect(page.locator("li.season", has_text=line)).to_have_count(0)
    assert [s["start"] for s in ongoing()] == [date.today().isoformat()]
    keep_screenshot(page, shots, "season-removed", width)
    assert _serious(axe.run(page)) == [], "the notice with its way back"

    notice.get_by_role("button", name="Bring it back").click()
    expect(page).to_have_url(re.compile(r"/seasons\?brought-back=yes"))
    expect(page.get_by_role("status")).to_have_text(data_words.BROUGHT_BACK_NOTICE)
    expect(page.locator("li.season", has_text=line)).to_be_visible()
    expect(cards).to_have_count(2)
    assert sorted(s["start"] for s in ongoing()) == [
        yesterday.isoformat(),
        date.today().isoformat(),
    ]
    keep_screenshot(page, shots, "season-brought-back", width)

    _more(page, "Backups")  # the copies made on the way, each of which could come back
    copies = page.get_by_role("region", name="Copies kept beside it")
    expect(
        copies.get_by_role("button", name=re.compile("^Bring this copy back")).first
    ).to_be_visible()
    keep_screenshot(page, shots, "backups", width)
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_finding_a_moment_by_a_word(page: Any, shots: Path, width: int) -> None:
    name = f"Ode {width}"
    person_id = _someone(page, name)
    today = date.today()
    days = {
        "early": today - timedelta(days=90),
        "middle": today - timedelta(days=40),
        "late": today - timedelta(days=5),
    }
    for text, on, dims in (
        (f"Kayaking with {name} at dawn", days["early"], ["maintenance"]),
        (f"{name} came kayaking when I needed air", days["middle"], ["depth"]),
        (f"Planned the next kayaking trip with {name}", days["late"], ["initiation"]),
    ):
        _api(
            page,
            "POST",
            f"/people/{person_id}/moments",
            {"text": text, "on": on.isoformat(), "dimensions": dims},
        )
    other = _someone(page, f"Kit {width}")
    _api(page, "POST", f"/people/{other}/moments", {"text": "Kayaking lesson, both soaked"})

    page.goto("/")
    _more(page, "Find a moment")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a moment")
    search = page.get_by_role("search")
    search.get_by_label("Words it holds").fill("kayaking")
    search.get_by_role("button", name="Find").click()
    expect(page).to_have_url(re.compile(r"/moments\?.*search=kayaking"))
    found = page.locator("#moments .moment")
    words = [m["text"] for m in _api(page, "GET", "/moments?search=kayaking")]
    assert len(words) >= 4
    expect(page.get_by_role("status")).to_have_text(
        f"{len(words)} moments match; the newest first."
    )
    expect(found.first).to_contain_text(words[0])  # the newest first, as the API has them
    keep_screenshot(page, shots, "find-word", width)

    search.get_by_label("With").select_option(label=name)
    search.get_by_role("button", name="Find").click()
    expect(page.get_by_role("status")).to_have_text("3 moments match; the newest first.")
    expect(found).to_have_count(3)
    expect(found.first).to_contain_text(f"Planned the next kayaking trip with {name}")
    expect(search.get_by_label("Words it holds")).to_have_value("kayaking")  # kept

    search.get_by_label("What it speaks to").select_option(label="Depth")
    search.get_by_role("button", name="Find").click()
    expect(found).to_have_count(1)
    expect(found.first.locator(".text")).to_have_text(f"{name} came kayaking when I needed air")
    expect(found.first.locator(".meta")).to_contain_text("Depth")

    search.get_by_label("What it speaks to").select_option(label="any")
    search.get_by_label("From").fill(days["early"].isoformat())
    search.get_by_label("Until").fill(days["middle"].isoformat())
    search.get_by_role("button", name="Find").click()
    expect(page.get_by_role("status")).to_have_text("2 moments match; the newest first.")
    expect(found.locator(".text")).to_have_text(
        [
            f"{name} came kayaking when I needed air",
            f"Kayaking with {name} at dawn",
        ]
    )
    keep_screenshot(page, shots, "find-narrowed", width)
    query = (
        f"/moments?person={name.replace(' ', '%20')}&search=kayaking"
        f"&since={days['early'].isoformat()}&until={days['middle'].isoformat()}"
    )
    assert [m["text"] for m in _api(page, "GET", query)] == [
        f"{name} came kayaking when I needed air",
        f"Kayaking with {name} at dawn",
    ]

    search.get_by_label("Words it holds").fill("kayaking and a word nobody wrote")
    search.get_by_role("button", name="Find").click()
    expect(page.get_by_role("status")).to_have_text(people_words.FIND_NONE)
    expect(found).to_have_count(0)
    assert page.errors == []
