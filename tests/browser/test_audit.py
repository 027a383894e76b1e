"""The audit in a real browser: "it feels shared" goes with a 5, the written answers are
shown with the audit, and an audit is removed after asking once. Without JavaScript."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("width", [1280, 390])
def test_an_audit_offers_shared_only_with_a_five_shows_its_answers_and_is_removed(
    browser: Any, server: Any, width: int
) -> None:
    context = browser.new_context(
        base_url=server.url, java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    try:
        _audit_then_remove(page, f"Theo, mostly, at {width}")
    finally:
        context.close()


def _audit_then_remove(page: Any, answer: str) -> None:
    page.goto("/audit")
    page.get_by_label("Theo").check()
    page.get_by_role("button", name="Begin").click()
    leans = page.get_by_role("group", name="If it leans, which way?")
    expect(leans).to_be_visible()
    expect(leans.get_by_role("radio")).to_have_count(2)
    expect(leans.get_by_label("it feels shared")).to_have_count(0)
    page.get_by_label("5 · roughly mutual (it feels shared)").check()
    expect(leans).to_be_hidden()
    page.get_by_label("3 · somewhat uneven").check()
    expect(leans).to_be_visible()
    page.get_by_label(re.compile("Who got in touch first")).fill(answer)
    leans.get_by_label("they carry more here").check()
    page.get_by_role("button", name="Next").click()
    for step in (2, 3, 4, 5):
        expect(page.get_by_text(f"Step {step} of 5")).to_be_visible()
        page.get_by_label("5 · roughly mutual").check()
        page.get_by_role("button", name="Next").click()
    written = page.get_by_role("heading", name="What you wrote")
    expect(written).to_be_visible()
    expect(page.locator("main")).to_contain_text(answer)
    page.get_by_role("button", name="Save this audit").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    main = page.locator("main")
    expect(main).to_contain_text("Who got in touch first, most of those times?")
    expect(main).to_contain_text(answer)
    shown = page.url.split("?")[0]

    page.get_by_role("button", name="Remove this audit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Remove the audit of")
    expect(main).to_contain_text("What you said about Theo")
    page.get_by_role("link", name="Keep it").click()
    assert page.url == shown, "keeping it goes back to the audit"
    page.get_by_role("button", name="Remove this audit").click()
    page.get_by_role("button", name="Remove the audit").click()
    expect(page.get_by_role("status")).to_contain_text("Removed.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Past audits")
    page.goto(shown)
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("The audit of")
