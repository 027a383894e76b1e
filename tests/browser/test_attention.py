"""Seeing what needs attention, at desk width and phone width, in a real browser.

The demo's check-in with Jordan was planned for a day that has passed: a person
opening the app must find it where they look first, follow its link to the
check-in, and find the whole list from the navigation, whose everyday links fit
a phone's first screen and whose others wait under "More" (no script needed).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WIDTHS = [
    pytest.param(
        width,
        marks=pytest.mark.browser_options(viewport={"width": width, "height": 844}),
        id=f"{width}px",
    )
    for width in (1280, 390)
]
EVERYDAY = ("Everyone", "Needs attention", "Note a moment", "Check-ins")


@pytest.mark.parametrize("width", WIDTHS)
def test_seeing_what_needs_attention(page: Any, width: int) -> None:
    page.goto("/")
    week = page.get_by_role("region", name="Needs attention this week")
    jordan = week.get_by_role("listitem").filter(has_text="A check-in with Jordan was planned for")
    expect(jordan).to_be_visible()
    assert jordan.bounding_box()["y"] < 844, "in the first screen, before everyone's readings"
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    jordan.get_by_role("link", name="Prepare the check-in with Jordan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check-in with Jordan")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Needs attention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs attention")
    earlier = page.get_by_role("region", name="Still open from earlier days")
    expect(earlier).to_contain_text("A check-in with Jordan was planned for")
    expect(page.get_by_role("region", name="Later on")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="a year").click()
    expect(page).to_have_url(re.compile(r"/due\?days=366$"))
    expect(page.get_by_role("link", name="a year")).to_have_attribute("aria-current", "true")
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_everyday_links_come_first_and_the_rest_by_keyboard(page: Any, width: int) -> None:
    page.goto("/rituals")
    nav = page.get_by_role("navigation", name="Main")
    for name in EVERYDAY:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Backups")).to_be_hidden()
    row = nav.locator("ul.primary").bounding_box()["height"]
    line = nav.get_by_role("link", name="Everyone").bounding_box()["height"]
    assert row < 2.5 * line, f"two lines at most at {width}px ({row}px)"

    for _ in range(12):  # the skip link, the name, the everyday links, then "More"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    expect(page.locator(":focus")).to_have_text("More")
    page.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Backups")).to_be_visible()
    expect(nav.get_by_role("link", name="Rituals")).to_have_attribute("aria-current", "page")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Find a moment")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a moment")
    assert page.errors == []


@pytest.mark.browser_options(viewport={"width": 390, "height": 844})
def test_the_open_navigation_and_the_list_are_accessible(page: Any) -> None:
    axe = Axe()
    for path in ("/", "/due", "/due?days=366", "/due?days=soon"):
        page.goto(path)
        page.get_by_text("More", exact=True).click()
        violations = [
            f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
            for v in axe.run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert violations == [], path
