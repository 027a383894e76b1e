"""The main journeys in a real browser: add someone, note a moment, an audit, the dashboard."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import keep_screenshot

SCRIPT = '<script>alert("boo")</script><img src=x onerror="alert(1)">'


def test_add_someone_note_a_moment_audit_with_a_vision_and_read_the_dashboard(page: Any) -> None:
    page.goto("/")
    page.get_by_text("More", exact=True).click()  # the less everyday links
    page.get_by_role("link", name="Add someone").click()
    page.get_by_label("Name").fill("Alex Browser")
    page.get_by_label("Relationship").select_option("family")
    page.get_by_role("group", name="How they show care to you").get_by_label("humour").check()
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alex Browser")
    expect(page.get_by_role("status")).to_contain_text("Added Alex Browser.")

    page.get_by_role("link", name="Note a moment with Alex Browser").click()
    page.get_by_label("What happened").fill("Alex listened for an hour after the news")
    page.get_by_role("group", name="Who reached out or gave").get_by_label("them").check()
    page.get_by_role("group", name="What it speaks to").get_by_label("Depth").check()
    page.get_by_label("How it left you (optional)").select_option("2")
    page.get_by_role("button", name="Note it").click()
    expect(page.locator("#moments")).to_contain_text("Alex listened for an hour after the news")
    expect(page.locator("#moments")).to_contain_text("left you nourished")

    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="The audit").first.click()
    page.get_by_label("Alex Browser").check()
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_text("Step 1 of 5")).to_be_visible()
    page.get_by_label(re.compile("Who got in touch first")).fill("Mostly me, lately")
    page.get_by_label("2 · mostly one-directional").check()
    page.get_by_label("you carry more here").check()
    page.get_by_label("Your vision").fill("You never call me")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="A thought on the wording")).to_be_visible()
    page.get_by_role("button", name="Use this version").click()
    for step in (2, 3, 4, 5):
        expect(page.get_by_text(f"Step {step} of 5")).to_be_visible()
        page.get_by_label("5 · roughly mutual").check()
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your audit of")
    expect(page.locator("main")).to_contain_text("Would you be up for calling me more often?")
    page.get_by_role("button", name="Save this audit").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")

    page.get_by_role("link", name="Everyone").click()
    card = page.locator(".card", has=page.get_by_role("link", name="Alex Browser"))
    expect(card).to_contain_text("Initiation")
    expect(card).to_contain_text("Energy")
    jordan = page.locator(".card", has=page.get_by_role("link", name="Jordan"))
    expect(jordan).to_contain_text("you have been carrying more")
    assert page.errors == []


WIDTHS = [
    pytest.param(
        {"width": 1280, "height": 900},
        id="1280",
        marks=pytest.mark.browser_options(viewport={"width": 1280, "height": 900}),
    ),
    pytest.param(
        {"width": 390, "height": 844},
        id="390",
        marks=pytest.mark.browser_options(viewport={"width": 390, "height": 844}),
    ),
]


@pytest.mark.parametrize("viewport", WIDTHS)
def test_an_audit_with_a_blame_worded_vision_saves_the_rewrite_with_the_persons_content(
    page: Any, viewport: dict[str, int], shots: Path
) -> None:
    page.goto("/audit")
    page.get_by_label("Sam").check()
    page.get_by_role("button", name="Begin").click()
    page.get_by_label("2 · mostly one-directional").check()
    page.get_by_label("you carry more here").check()
    page.get_by_label("Your vision").fill("Why am I the one who always books dinner?")
    page.get_by_role("button", name="Next").click()
    offer = page.locator(".offer")
    expect(offer.get_by_role("heading", name="A thought on the wording")).to_be_in_viewport()
    expect(offer.locator("blockquote")).to_have_text("Could we take turns booking dinner?")
    expect(offer.get_by_role("button").first).to_have_text("Use this version")
    keep_screenshot(page, shots, "audit-vision-offer", viewport["width"])
    offer.get_by_role("button", name="Use this version").click()
    for step in (2, 3, 4, 5):
        expect(page.get_by_text(f"Step {step} of 5")).to_be_visible()
        page.get_by_label("5 · roughly mutual").check()
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Save this audit").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    main = page.locator("main")
    expect(main).to_contain_text("Could we take turns booking dinner?")
    expect(main).not_to_contain_text("…")
    expect(main).not_to_contain_text("Why am I the one")
    keep_screenshot(page, shots, "audit-vision-saved", viewport["width"])
    audit_id = int(page.url.split("?")[0].rsplit("/", 1)[1])
    stored = page.request.get(f"/api/audits/{audit_id}").json()
    visions = [
        d["vision"] for e in stored["entries"] for d in e["dimensions"].values() if d["vision"]
    ]
    assert visions == ["Could we take turns booking dinner?"], stored
    assert page.errors == []


def test_script_like_text_in_every_free_text_field_never_runs(page: Any) -> None:
    name = f"Eve {SCRIPT}"
    page.goto("/people/new")
    page.get_by_label("Name").fill(name)
    page.get_by_label("A note (optional)").fill(SCRIPT)
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.get_by_role("link", name=re.compile("Note a moment with")).click()
    page.get_by_label("What happened").fill(SCRIPT)
    page.get_by_label("When").fill(SCRIPT)
    page.get_by_role("button", name="Note it").click()
    expect(page.get_by_role("alert")).to_contain_text("is not a date")
    page.get_by_label("When").fill("today")
    page.get_by_role("button", name="Note it").click()
    expect(page.locator("#moments")).to_contain_text(SCRIPT)
    page.goto("/seasons")
    page.get_by_label("Whose season").select_option(label=name)
    page.get_by_label("A note (optional)").fill(SCRIPT)
    page.get_by_role("button", name="Start the season").click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    page.goto("/audit")
    page.get_by_label(name).check()
    page.get_by_role("button", name="Begin").click()
    page.get_by_label(re.compile("Who got in touch first")).fill(SCRIPT)
    page.get_by_label("1 · heavily one-directional").check()
    page.get_by_label("they carry more here").check()
    page.get_by_label("Your vision").fill(SCRIPT)
    page.get_by_role("button", name="Next").click()
    for _ in range(4):
        page.get_by_label("5 · roughly mutual").check()
        page.get_by_role("button", name="Next").click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    page.get_by_role("button", name="Save this audit").click()
    for path in ("/", "/seasons", "/audits"):
        page.goto(path)
        expect(page.locator("main")).to_contain_text("Eve")
    page.get_by_role("link", name=re.compile("The audit of")).first.click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert page.errors == [], "nothing typed ran as script"


@pytest.mark.browser_options(java_script_enabled=False)
def test_the_forms_work_without_javascript(page: Any) -> None:
    page.goto("/moments/new")
    page.get_by_label("With").select_option(label="Theo")
    page.get_by_label("What happened").fill("Coffee with Theo, no scripts needed")
    page.get_by_role("button", name="Note it").click()
    expect(page.locator("#moments")).to_contain_text("Coffee with Theo, no scripts needed")


@pytest.mark.browser_options(viewport={"width": 360, "height": 740})
def test_comfortable_at_phone_width(page: Any) -> None:
    for path in (
        "/",
        "/due",
        "/people/1",
        "/audit",
        "/moments/new",
        "/checkin/2",
        "/rituals",
        "/boundaries",
        "/wins",
        "/import",
        "/settings",
    ):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"


def test_the_keyboard_reaches_the_skip_link_first(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to the main content")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "after skipping, focus moves into the main content"


def test_a_worrying_moment_brings_the_note_pointing_to_help(page: Any) -> None:
    """The same note ``reciprocity log`` prints after such a moment (``tests/services``)."""
    page.goto("/people/new")
    page.get_by_label("Name").fill("Casey Note")
    page.get_by_role("button", name="Add").click()
    page.get_by_role("link", name="Note a moment with Casey Note").click()
    page.get_by_label("What happened").fill("Casey goes through my phone when I am asleep")
    page.get_by_role("button", name="Note it").click()
    note = page.get_by_role("note").filter(has_text="Some of what you have written about")
    expect(note).to_contain_text("Some of what you have written about Casey Note")
    expect(note).to_contain_text("call your local emergency number")
    expect(page.locator("#moments")).to_contain_text("Casey goes through my phone")
    assert page.errors == []
