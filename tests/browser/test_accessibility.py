"""axe-core in the real browser: no serious or critical violations on any page."""

from __future__ import annotations

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
    "/people/import",
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
