"""axe-core in the real browser: no serious or critical violations on any page."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "/",
    "/people/1",
    "/people/2",
    "/people/new",
    "/moments/new",
    "/seasons",
    "/audit",
    "/audits",
    "/audits/1",
    "/data",
    "/nowhere",
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
    page.get_by_label("I carry more here").check()
    page.get_by_label("Your vision").fill("You always cancel")
    page.get_by_role("button", name="Next").click()
    assert _serious(axe.run(page)) == [], "the phrasing offer"
