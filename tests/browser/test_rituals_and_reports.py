"""In a real browser: a ritual chosen from friendly cadences at phone width, changed and
removed; a PDF report whose page says it is being made, then downloads it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import _serious

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _card(page: Any, title: str) -> Any:
    return page.locator("li.ritual", has=page.get_by_role("heading", name=title, exact=True))


@pytest.mark.browser_options(viewport=PHONE)
def test_every_two_weeks_on_sunday_at_phone_width(page: Any, axe: Axe) -> None:
    page.goto("/rituals")
    form = page.locator("form", has=page.get_by_role("button", name="Add the ritual"))
    which = form.get_by_label("Which day of the month")
    expect(which).to_be_hidden()  # a weekly ritual has no day of the month
    expect(form.get_by_label("Your own rule")).to_be_hidden()
    expect(form.get_by_label("Time zone")).to_have_value(re.compile(r".+"))
    form.get_by_label("With", exact=True).select_option(label="Priya")
    form.get_by_label("What it is").fill("Board games evening")
    form.get_by_label("How often").select_option(label="Every two weeks")
    expect(which).to_be_hidden()
    form.get_by_label("On", exact=True).select_option(label="Sunday")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert _serious(axe.run(page)) == [], "the form with its cadence fields"
    form.get_by_role("button", name="Add the ritual").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Board games evening with Priya, every two weeks on Sunday"
    )
    card = _card(page, "Board games evening")
    expect(card).to_contain_text("With Priya · every two weeks on Sunday")
    day = r"\d{1,2} [A-Z][a-z]{2} \d{4}"
    next_day = re.search(rf"Next on ({day})|Planned for (?:today, )?({day})", card.inner_text())
    assert next_day, card.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []


@pytest.mark.browser_options(viewport=PHONE)
def test_the_month_choices_show_when_a_month_is_chosen(page: Any) -> None:
    page.goto("/rituals")
    form = page.locator("form", has=page.get_by_role("button", name="Add the ritual"))
    form.get_by_label("How often").select_option(label="Every month")
    expect(form.get_by_label("Which day of the month")).to_be_visible()
    expect(form.get_by_label("On", exact=True)).to_be_hidden()  # the same date as its first day
    form.get_by_label("Which day of the month").select_option(label="the first")
    expect(form.get_by_label("On", exact=True)).to_be_visible()
    form.get_by_label("How often").select_option(label="A rule of your own (advanced)")
    expect(form.get_by_label("Your own rule")).to_be_visible()
    expect(form.get_by_label("Which day of the month")).to_be_hidden()
    form.get_by_label("How often").select_option(label="Every year, on the date it starts")
    expect(form.get_by_label("On", exact=True)).to_be_hidden()
    assert page.errors == []


@pytest.mark.browser_options(java_script_enabled=False)
def test_the_cadence_fields_work_without_javascript(page: Any) -> None:
    page.goto("/rituals")
    form = page.locator("form", has=page.get_by_role("button", name="Add the ritual"))
    expect(form.get_by_label("Which day of the month")).to_be_visible()
    expect(form.get_by_text("Only for a monthly ritual.")).to_be_visible()
    form.get_by_label("With", exact=True).select_option(label="Jordan")
    form.get_by_label("What it is").fill("Brunch, no scripts needed")
    form.get_by_label("How often").select_option(label="Every month")
    form.get_by_label("Which day of the month").select_option(label="the first")
    form.get_by_label("On", exact=True).select_option(label="Saturday")
    form.get_by_role("button", name="Add the ritual").click()
    expect(_card(page, "Brunch, no scripts needed")).to_contain_text(
        "every month on the first Saturday"
    )


def test_change_a_ritual_then_remove_it(page: Any, axe: Axe) -> None:
    page.goto("/rituals")
    form = page.locator("form", has=page.get_by_role("button", name="Add the ritual"))
    form.get_by_label("With", exact=True).select_option(label="Theo")
    form.get_by_label("What it is").fill("Lunch walk")
    form.get_by_label("How often").select_option(label="Every week")
    form.get_by_label("On", exact=True).select_option(label="Tuesday")
    form.get_by_role("button", name="Add the ritual").click()
    card = _card(page, "Lunch walk")
    expect(card).to_contain_text("every week on Tuesday")

    card.get_by_role("link", name="Change: Lunch walk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Lunch walk")
    expect(page.get_by_label("How often")).to_have_value("week")
    expect(page.get_by_label("On", exact=True)).to_have_value("tuesday")
    assert _serious(axe.run(page)) == [], "the edit page"
    page.get_by_label("How often").select_option(label="Every month")
    page.get_by_label("Which day of the month").select_option(label="the last")
    page.get_by_label("On", exact=True).select_option(label="Friday")
    page.get_by_label("Time of day (optional)").fill("12:30")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("status")).to_contain_text("Lunch walk is changed")
    expect(card).to_contain_text("every month on the last Friday · at 12:30")

    card.get_by_role("button", name="Remove: Lunch walk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove Lunch walk with Theo?")
    expect(page.locator("main")).to_contain_text("A copy of everything")
    assert _serious(axe.run(page)) == [], "the page that asks once"
    page.get_by_role("button", name="Remove the ritual").click()
    expect(page.get_by_role("status").first).to_contain_text("A copy of everything")
    expect(_card(page, "Lunch walk")).to_have_count(0)
    assert page.errors == []


def test_a_pdf_report_says_it_is_being_made_then_downloads(page: Any, axe: Axe) -> None:
    page.goto("/")
    with page.expect_download(timeout=90_000) as downloading:
        page.get_by_role("button", name="Report (PDF)").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            re.compile("Making your report…|Your report is ready")
        )
        if page.get_by_role("heading", name="Making your report…").is_visible():
            expect(page.get_by_role("status")).to_have_text(
                re.compile("Reading your notes and readings.|Laying out the pages.")
            )
            assert _serious(axe.run(page)) == [], "the page of a PDF being made"
    download = downloading.value
    assert re.fullmatch(r"reciprocity-report-\d{4}-\d\d-\d\d\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as made:
        assert made.read(5) == b"%PDF-"
    expect(page.get_by_role("heading", level=1)).to_have_text("Your report is ready")
    expect(page.get_by_role("link", name="Download it")).to_be_visible()
    assert _serious(axe.run(page)) == [], "the page of a PDF that is ready"
    page.get_by_role("link", name="Back to where you were").click()
    expect(page).to_have_url(re.compile(r"/$"))
    assert page.errors == []
