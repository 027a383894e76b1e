"""The practices in a real browser: a check-in, a ritual kept, a chat imported, no script run."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from reciprocity.coach.terms import day_words

SCRIPT = '<script>alert("boo")</script><img src=x onerror="alert(1)">'


def test_record_a_checkin(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Check-ins").click()
    page.get_by_role("link", name="Check-in with Jordan").click()
    expect(page).to_have_title("Check-in with Jordan · reciprocity")
    expect(page.locator("main")).to_contain_text("Requests you are keeping with Jordan")
    page.get_by_role("group", name="We each get time to talk when we meet").get_by_label(
        "partly"
    ).check()
    page.get_by_label(re.compile("^Where did you feel supported lately")).fill(
        "Jordan met me at the station"
    )
    page.get_by_label("What meant the most to Jordan?").fill("Being asked about the new flat")
    page.get_by_label("What you both agreed to try").fill("Jordan picks the film\nI book the table")
    page.get_by_role("button", name="Save the check-in").click()
    expect(page.get_by_role("status")).to_contain_text("Saved the check-in with Jordan on")
    past = page.locator("#past").locator("..")
    expect(past).to_contain_text("Jordan met me at the station")
    expect(past).to_contain_text("Jordan picks the film")
    expect(past).to_contain_text("We each get time to talk when we meet (partly happened)")
    assert page.errors == []


@pytest.mark.parametrize(
    "width",
    [
        pytest.param(
            1280, marks=pytest.mark.browser_options(viewport={"width": 1280, "height": 900})
        ),
        pytest.param(
            390, marks=pytest.mark.browser_options(viewport={"width": 390, "height": 844})
        ),
    ],
)
def test_a_boundary_worded_as_a_tally_is_saved_as_the_suggested_request(
    page: Any, width: int
) -> None:
    page.goto("/boundaries")
    page.get_by_label("With", exact=True).select_option(label="Theo")
    page.get_by_label("The request", exact=True).fill("I hosted the last three times")
    page.get_by_role("button", name="Add the boundary").click()
    offer = page.locator(".offer")
    expect(offer).to_be_in_viewport()
    expect(offer.locator("blockquote")).to_have_text("Could we take turns hosting?")
    expect(offer.get_by_role("button").first).to_have_text("Use this version")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    offer.get_by_role("button", name="Use this version").click()
    expect(page.get_by_role("status").first).to_contain_text("Added.")
    expect(page).to_have_url(re.compile(r"#boundary-\d+$"))
    card = page.locator("#" + page.url.rsplit("#", 1)[1])  # the one just added
    expect(card).to_contain_text("With Theo")
    expect(card.locator("blockquote")).to_have_text("Could we take turns hosting?")
    assert page.errors == []


def test_mark_a_ritual_done(page: Any) -> None:
    page.goto("/rituals")
    dinner = page.locator(
        "li.ritual", has=page.get_by_role("heading", name="Dinner, taking turns to host")
    )
    expect(dinner).to_contain_text("Jordan hosts next.")
    dinner.get_by_role(
        "button", name=re.compile(r"^Mark \d{1,2} [A-Z][a-z]{2} \d{4} as done$")
    ).click()
    expect(page.get_by_role("status")).to_contain_text(
        "Marked Dinner, taking turns to host as done"
    )
    expect(page.get_by_role("status")).to_contain_text("You host next.")
    assert page.errors == []


@pytest.mark.browser_options(java_script_enabled=False)
def test_share_roles_during_a_season_switch_and_stop(page: Any) -> None:
    page.goto("/")
    page.get_by_text("More", exact=True).click()  # the less everyday links
    page.get_by_role("link", name="Seasons").click()
    page.get_by_label("Whose season").select_option("Priya")
    page.get_by_label("What kind").select_option("caregiving")
    page.get_by_role("button", name="Start the season").click()
    season = page.locator("li.season", has_text="Priya: caregiving")
    season.get_by_text("Share roles during this season").click()
    season.get_by_label("Your role").fill("planner")
    season.get_by_label("Their role").fill("listener")
    season.get_by_label("Switch every so many days (optional)").fill("7")
    season.get_by_role("button", name="Share these roles").click()
    status = page.get_by_role("status")
    expect(status).to_have_text("Roles are shared now: you are the planner; Priya is the listener.")
    next_switch = day_words(date.today() + timedelta(days=7))
    expect(season).to_contain_text(f"They switch every 7 days; next switch on {next_switch}.")
    season.get_by_role("button", name="Switch roles now").click()
    expect(status).to_have_text("Switched roles: Priya is the planner; you are the listener.")
    season.get_by_role("button", name="Stop sharing these roles").click()
    expect(status).to_contain_text("Stopped sharing roles with Priya.")
    expect(season).not_to_contain_text("Roles now")
    expect(season).to_contain_text("Share roles during this season")


def test_end_a_ritual(page: Any) -> None:
    page.goto("/rituals")
    climbing = page.locator("li.ritual", has=page.get_by_role("heading", name="Climbing"))
    expect(climbing.get_by_role("button", name="End this ritual")).to_be_hidden()  # not by accident
    climbing.get_by_text("Let this ritual end").click()
    expect(climbing.get_by_label("Last day (optional)")).to_have_attribute("placeholder", "today")
    climbing.get_by_role("button", name="End this ritual").click()
    today = day_words(date.today())
    expect(page.get_by_role("status")).to_contain_text(f"Climbing now ends on {today}.")
    expect(climbing).to_contain_text(f"Its last day is {today}.")
    expect(climbing).to_contain_text("Nothing more is planned.")
    assert page.errors == []


@pytest.mark.browser_options(java_script_enabled=False)
def test_set_a_rhythm_and_add_a_date(page: Any) -> None:
    page.goto("/")
    page.get_by_text("More", exact=True).click()  # the less everyday links
    page.get_by_role("link", name="Rhythms & dates").click()
    expect(page).to_have_title("Rhythms and dates to remember · reciprocity")
    rhythm = page.locator("form", has=page.get_by_role("button", name="Set the rhythm"))
    rhythm.get_by_label("With", exact=True).select_option(label="Sam")
    rhythm.get_by_label("The gap that feels right, in days").fill("5")
    rhythm.get_by_role("button", name="Set the rhythm").click()
    expect(page.get_by_role("status")).to_contain_text(
        "With Sam: ideally in touch every 5 days, and no more than 10 days apart"
    )
    sam = page.locator("li.rhythm", has=page.get_by_role("heading", name="Sam", exact=True))
    expect(sam).to_contain_text("Ideally every 5 days; up to 10 days apart feels comfortable.")
    page.get_by_label("Whose date").select_option("Sam")
    page.get_by_label("What it is").fill("Sam's first marathon")
    page.get_by_label("The date").fill((date.today() + timedelta(days=3)).isoformat())
    page.get_by_label("It comes back every year").uncheck()
    page.get_by_role("button", name="Remember this date").click()
    expect(page.get_by_role("status")).to_contain_text("Will remember Sam's first marathon (Sam)")
    dates = page.locator("li", has_text="Sam's first marathon")
    expect(dates).to_contain_text("Next on")
    expect(dates).to_contain_text("in 3 days")
    expect(page.locator("ul.timeline > li").first).to_contain_text("Sam's first marathon")
    assert page.errors == []


def whatsapp_export(folder: Path) -> Path:
    """A WhatsApp export with Kim, ending yesterday; its third line has an impossible date."""
    start = date.today() - timedelta(days=20)
    lines = []
    for day in range(20):
        when = start + timedelta(days=day)
        first, second = ("Kim", "Alex") if day % 2 else ("Alex", "Kim")
        lines.append(f"{when:%d/%m/%Y}, 18:{day:02d} - {first}: how did today go?")
        lines.append(f"{when:%d/%m/%Y}, 18:{day + 10:02d} - {second}: all good, thank you")
    lines.insert(2, "31/02/2026, 18:30 - Alex: a day that never was")
    path = folder / "WhatsApp Chat with Kim.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.browser_options(java_script_enabled=False)
def test_import_a_small_export_without_javascript(page: Any, tmp_path: Path) -> None:
    page.goto("/import")
    page.get_by_label("Chat export file").set_input_files(str(whatsapp_export(tmp_path)))
    page.get_by_label("Your name in the chat (optional)").fill("Alex")
    expect(page.get_by_label("Keep the message text too")).not_to_be_checked()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Imported WhatsApp Chat with Kim.txt", timeout=20_000
    )
    main = page.locator("main")
    expect(main).to_contain_text("Read 40 messages (40 new)")
    expect(main).to_contain_text("Added to your list: Kim.")
    expect(page.get_by_role("heading", name="With Kim", exact=True)).to_be_visible()
    expect(main).to_contain_text("What the messages suggest")
    expect(main.locator("dl.import-leanings")).to_contain_text("Initiation")
    skipped = page.get_by_role("table", name="Lines not understood")
    expect(skipped).to_contain_text("3")
    expect(skipped).to_contain_text("does not exist")
    page.get_by_role("link", name="See Kim's page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kim")


def test_script_like_text_in_the_practices_never_runs(page: Any) -> None:
    page.goto("/checkin/5")
    page.get_by_label(re.compile("^Where did you feel drained")).fill(SCRIPT)
    page.get_by_label("What you both agreed to try").fill(SCRIPT)
    page.get_by_role("button", name="Save the check-in").click()
    expect(page.locator("#past").locator("..")).to_contain_text(SCRIPT)
    page.goto("/wins")
    page.get_by_label("With", exact=True).select_option("Theo")
    page.get_by_label("What went well").fill(SCRIPT)
    page.get_by_role("button", name="Keep it").click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    page.goto("/boundaries")
    page.get_by_label("With", exact=True).select_option("Theo")
    page.get_by_label("The request", exact=True).fill(SCRIPT)
    page.get_by_role("button", name="Add the boundary").click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    page.goto("/rituals")
    page.get_by_label("With", exact=True).select_option(label="Theo")
    page.get_by_label("What it is").fill(SCRIPT)
    page.get_by_label("How often").select_option(label="A rule of your own (advanced)")
    page.get_by_label("Your own rule").fill(SCRIPT)
    page.get_by_role("button", name="Add the ritual").click()
    expect(page.get_by_role("alert")).to_contain_text("rituals happen on days")
    expect(page.get_by_label("Your own rule")).to_have_value(SCRIPT)
    page.get_by_label("How often").select_option(label="Every month")
    page.get_by_role("button", name="Add the ritual").click()
    expect(page.get_by_role("status")).to_contain_text(SCRIPT)
    for path in ("/checkin/5", "/wins", "/boundaries", "/rituals"):
        page.goto(path)
        assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert page.errors == [], "nothing typed ran as script"
