"""axe-core in the real browser: no serious or critical violations on any page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PAGES = [
    "/",
    "/due",
    "/people/1",
    "/people/2",
    "/people/new",
    "/moments/new",
    "/seasons",
    "/audit",
    "/audits",
    "/audits/1",
    "/data",
    "/checkin",
    "/checkin/2",
    "/rituals",
    "/rituals/1/edit",
    "/rhythms",
    "/boundaries",
    "/wins",
    "/import",
    "/settings",
    "/nowhere",
    "/moments?person=1",
    "/people/1/edit",
    "/people/1/remove",
    "/moments/1/edit",
    "/seasons/1/edit",
    "/checkins/1/edit",
    "/boundaries/1/edit",
    "/wins/1/edit",
    "/rhythms/dates/1/edit",
    "/moments",
    "/moments?search=dinner&dimension=maintenance",
    "/moments?search=a+word+nobody+wrote",
    "/due?days=366",
    "/people/import",
]

REMOVE_PAGES = [  # each asks once before anything goes; nothing is removed here
    ("/people/1", "Remove"),
    ("/seasons", "Remove"),
    ("/checkin/2", "Remove"),
    ("/boundaries", "Remove"),
    ("/wins", "Remove"),
    ("/rhythms", "Remove"),
    ("/rituals", "Remove"),
    ("/audits/1", "Remove this audit"),
]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _serious(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_problems(page: Any, axe: Axe, path: str) -> None:
    page.goto(path)
    assert _serious(axe.run(page)) == []


@pytest.mark.parametrize(("path", "button"), REMOVE_PAGES)
def test_no_serious_accessibility_problems_when_asked_before_removing(
    page: Any, axe: Axe, path: str, button: str
) -> None:
    page.goto(path)
    page.get_by_role("button", name=re.compile(f"^{button}")).first.click()
    expect(page.get_by_role("link", name="Keep it")).to_be_visible()
    assert _serious(axe.run(page)) == []


def test_no_serious_accessibility_problems_among_the_backups(page: Any, axe: Axe) -> None:
    page.goto("/settings")
    page.get_by_role("button", name="Make a backup now").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert _serious(axe.run(page)) == [], "the list of copies"
    page.get_by_role("button", name=re.compile("^Bring this copy back")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("back in place of your data?")
    assert _serious(axe.run(page)) == [], "the page asking once"


def test_no_serious_accessibility_problems_in_the_audit_steps(page: Any, axe: Axe) -> None:
    page.goto("/audit")
    page.get_by_label("Jordan").check()
    page.get_by_role("button", name="Begin").click()
    assert _serious(axe.run(page)) == []
    page.get_by_label("2 · mostly one-directional").check()
    page.get_by_label("you carry more here").check()
    page.get_by_label("Your vision").fill("You always cancel")
    page.get_by_role("button", name="Next").click()
    assert _serious(axe.run(page)) == [], "the phrasing offer"


def test_no_serious_accessibility_problems_when_removing_an_audit(page: Any, axe: Axe) -> None:
    page.goto("/audits/1")
    page.get_by_role("button", name="Remove this audit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Remove the audit of")
    assert _serious(axe.run(page)) == [], "the page asking once"
    page.get_by_role("link", name="Keep it").click()


def test_no_serious_accessibility_problems_with_roles_shared_in_a_season(
    page: Any, axe: Axe
) -> None:
    page.goto("/seasons")
    theo = page.locator("li.season", has_text="Theo: move")
    expect(theo).to_contain_text("Roles now:")
    expect(theo.get_by_role("button", name="Switch roles now")).to_be_visible()
    theo.get_by_text("Set the roles afresh").click()
    expect(theo.get_by_label("Your role")).to_be_visible()
    assert _serious(axe.run(page)) == [], "the rotation and its form"
    theo.get_by_label("Your role").fill("planner")
    theo.get_by_label("Their role").fill("listener")
    theo.get_by_label("Switch every so many days (optional)").fill("0")
    theo.get_by_role("button", name="Share these roles").click()
    expect(page.get_by_role("alert")).to_contain_text("from 1 to 365")
    assert _serious(axe.run(page)) == [], "the refusal, with the form kept open"


def test_no_serious_accessibility_problems_in_the_practice_forms(
    page: Any, axe: Axe, tmp_path: Path
) -> None:
    from tests.browser.test_practices import whatsapp_export

    page.goto("/import")
    page.get_by_label("Chat export file").set_input_files(str(whatsapp_export(tmp_path)))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("Reading", timeout=20_000)
    assert _serious(axe.run(page)) == [], "the import summary, or its choices"
    page.goto("/boundaries")
    page.get_by_label("The request", exact=True).fill("You never listen to me")
    page.get_by_role("button", name="Add the boundary").click()
    expect(page.get_by_role("button", name="Keep my words")).to_be_visible()
    assert _serious(axe.run(page)) == [], "the phrasing offer"
    page.goto("/checkin/1")
    page.get_by_label("What you both agreed to try").fill("You always forget the bins")
    page.get_by_role("button", name="Save the check-in").click()
    expect(page.get_by_role("button", name="Save as written")).to_be_visible()
    assert _serious(axe.run(page)) == [], "the notes on wording"


def test_no_serious_accessibility_problems_when_a_group_chat_asks_whom_to_add(
    page: Any, axe: Axe, tmp_path: Path
) -> None:
    from tests.browser.test_import_group import group_export

    export = str(group_export(tmp_path, ("Lea", "Odile"), me="Jun"))
    page.goto("/import")
    page.get_by_label("Chat export file").set_input_files(export)
    page.get_by_role("button", name="Import", exact=True).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Who is who in this chat?", timeout=20_000)
    assert _serious(axe.run(page)) == [], "which name is yours"
    page.get_by_label("Jun", exact=True).check()
    page.get_by_role("button", name="Import with these choices").click()
    expect(heading).to_have_text("Who would you like to add?", timeout=20_000)
    assert _serious(axe.run(page)) == [], "the checklist"
    page.get_by_role("button", name="Import and add the people ticked").click()
    expect(page.get_by_role("alert")).to_contain_text("No one was ticked")
    assert _serious(axe.run(page)) == [], "the refusal, with the checklist kept"
    page.get_by_label("Lea", exact=True).check()
    page.get_by_role("button", name="Import and add the people ticked").click()
    expect(heading).to_contain_text("Imported", timeout=20_000)
    assert _serious(axe.run(page)) == [], "the summary of a group"
