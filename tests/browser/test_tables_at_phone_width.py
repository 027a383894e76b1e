"""Tables at phone width: nothing is cut off at the side, and a date is never split.

An audit's table and a person's audits stack at 390 px, each cell led by its column's
name, so a person reads the vision they wrote without scrolling sideways.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

PHONE = pytest.mark.browser_options(viewport={"width": 390, "height": 844})


def _nothing_sideways(page: Any) -> None:
    for region in page.locator("main .scroll").all():
        assert region.evaluate("e => e.scrollWidth <= e.clientWidth"), "a table scrolls sideways"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@PHONE
def test_an_audit_stacks_at_phone_width(page: Any) -> None:
    page.goto("/audits/1")
    jordan = page.get_by_role("table").nth(1)
    vision = jordan.locator("td[data-label='Vision']").first
    expect(vision).to_be_visible()
    assert vision.evaluate("e => getComputedStyle(e, '::before').content") == '"Vision: "'
    box = vision.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    _nothing_sideways(page)


@PHONE
def test_a_person_s_audits_stack_and_their_dates_stay_whole(page: Any) -> None:
    page.goto("/people/1")
    dates = page.get_by_role("region", name="Audits").locator("time")
    expect(dates.first).to_be_visible()
    for when in dates.all():
        box = when.bounding_box()
        line = when.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert box is not None and box["height"] < 1.5 * line, "a date on one line"
    _nothing_sideways(page)
