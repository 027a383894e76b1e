"""Bringing people in from a contacts file in a real browser: the checklist at desk and phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import _serious

WIDTHS = [
    pytest.param(1280, marks=pytest.mark.browser_options(viewport={"width": 1280, "height": 900})),
    pytest.param(
        390,
        marks=pytest.mark.browser_options(viewport={"width": 390, "height": 844}, has_touch=True),
    ),
]


def _contacts(folder: Path, width: int) -> Path:
    """A small Apple-style file: two new people (one with a long note) and Jordan, who is there."""
    path = folder / f"contacts-{width}.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vcard;Wren;;;\r\nFN:Wren Vcard "
        f"{width}\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15\r\nitem1.X-ABDATE:2012-06-16\r\n"
        "item1.X-ABLabel:_$!<Anniversary>!$_\r\nNOTE:Met on the night train to Vienna\\, "
        "and we have written letters ever since.\r\nTEL;type=CELL:+1 555 0100\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ode Vcard {width}\r\nBDAY:1990-01-02\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jordan\r\nBDAY:1990-06-02\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nthis line is not a detail\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("width", WIDTHS)
def test_the_checklist_brings_in_who_is_ticked(
    page: Any, tmp_path: Path, width: int, axe: Axe
) -> None:
    page.goto("/people/import")
    page.get_by_label("Contacts file (.vcf)").set_input_files(str(_contacts(tmp_path, width)))
    page.get_by_role("button", name="Show who is in it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Who to bring in from contacts-{width}.vcf"
    )
    checklist = page.get_by_role("group", name=f"People in contacts-{width}.vcf")
    wren = checklist.get_by_role("checkbox", name=f"Wren Vcard {width}")
    ode = checklist.get_by_role("checkbox", name=f"Ode Vcard {width}")
    jordan = checklist.get_by_role("checkbox", name="Jordan")
    expect(wren).to_be_checked()
    expect(ode).to_be_checked()
    expect(jordan).not_to_be_checked()
    expect(checklist.locator("li", has_text="Jordan")).to_contain_text("already in your list")
    expect(checklist.locator("li", has_text="Wren")).to_contain_text(
        "birthday 15 Mar, 1 date to remember, a note"
    )
    expect(page.get_by_role("table")).to_contain_text("this line is not a detail of a card")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert _serious(axe.run(page)) == []
    page.screenshot(path=str(tmp_path / f"checklist-{width}.png"), full_page=True)

    if width == 390:
        checklist.get_by_text(f"Ode Vcard {width}").tap()  # the whole row is the label
    else:
        ode.uncheck()
    expect(ode).not_to_be_checked()
    page.get_by_role("button", name="Bring in the people ticked").click()
    expect(page.get_by_role("status")).to_contain_text(f"Added Wren Vcard {width}.")
    assert _serious(axe.run(page)) == []
    page.get_by_role("link", name="Everyone").first.click()
    expect(page.get_by_role("link", name=f"Wren Vcard {width}")).to_be_visible()
    expect(page.get_by_role("link", name=f"Ode Vcard {width}")).to_have_count(0)
    assert page.errors == []


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()
