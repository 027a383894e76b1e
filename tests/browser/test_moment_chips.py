"""What a moment speaks to, chosen as chips at phone width; a suggestion offered once."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import _serious

PHONE = pytest.mark.browser_options(viewport={"width": 390, "height": 844}, has_touch=True)


def _new_person(page: Any, name: str) -> None:
    page.goto("/people/new")
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Add").click()
    page.get_by_role("link", name=f"Note a moment with {name}").click()


@PHONE
def test_tap_a_chip_submit_and_see_the_dimension_on_the_person_page(page: Any) -> None:
    _new_person(page, "Robin Chip")
    chips = page.get_by_role("group", name="What it speaks to")
    expect(chips.get_by_role("checkbox")).to_have_count(4)
    maintenance = chips.get_by_role("checkbox", name="Maintenance")
    expect(maintenance).to_have_accessible_description("The quiet upkeep that keeps a bond alive.")
    page.get_by_label("What happened").fill("Robin fixed the gate with me on Sunday")
    chips.get_by_text("The quiet upkeep that keeps a bond alive.").tap()  # anywhere on the chip
    expect(maintenance).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Note it").click()
    moment = page.locator("#moments .moment", has_text="Robin fixed the gate")
    expect(moment.locator(".meta")).to_have_text("Maintenance")
    assert page.errors == []


@PHONE
def test_words_that_suggest_a_dimension_bring_the_form_back_once(page: Any) -> None:
    _new_person(page, "Kit Chip")
    page.get_by_label("What happened").fill("Kit listened to my worries about the move")
    page.get_by_role("button", name="Note it").click()
    expect(page.get_by_role("status")).to_have_text(
        "These words sound like depth; keep it, change it, or save without one."
    )
    chips = page.get_by_role("group", name="What it speaks to")
    expect(chips.get_by_role("checkbox", name="Depth")).to_be_checked()
    expect(page.get_by_label("What happened")).to_have_value(
        "Kit listened to my worries about the move"
    )
    chips.get_by_role("checkbox", name="Depth").uncheck()
    page.get_by_role("button", name="Note it").click()
    moment = page.locator("#moments .moment", has_text="Kit listened to my worries")
    expect(moment).to_be_visible()
    expect(moment.locator(".meta")).to_have_text("")  # saved without one, as chosen
    assert page.errors == []


def test_a_chip_shows_where_the_keyboard_is(page: Any) -> None:
    page.goto("/moments/new")
    page.get_by_label("What happened").fill("Nothing much")
    depth = page.get_by_role("checkbox", name="Depth")
    depth.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reached by the keyboard, so :focus-visible applies
    expect(depth).to_be_focused()
    chip = page.locator("label.chip", has=depth)
    assert chip.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    page.keyboard.press("Space")
    expect(depth).to_be_checked()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_moment_form_with_a_suggestion_has_no_serious_accessibility_problems(
    page: Any, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/moments/new")
    page.get_by_label("What happened").fill("Jordan called to say good luck for the interview")
    page.get_by_role("button", name="Note it").click()
    expect(page.get_by_role("status")).to_contain_text("These words sound like")
    assert _serious(Axe().run(page)) == []
