"""Importing a group chat in a real browser, wide and narrow: a checklist says who joins the list.

Strangers in a group (an emoji name, a phone number) never become people by
themselves: the person ticks whom to add, and only they are added. The
summary that follows says what the chat suggests, never one side's count
beside the other's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

STRANGER = "🌵 Cactus Fan"
PHONE = "+44 7700 900123"
TALLY = re.compile(
    r"\d\s*/\s*\d|\d+\s+(?:started\s+)?(?:by|from)\s|\b(?:by|from) you\b", re.IGNORECASE
)


def group_export(folder: Path, friends: tuple[str, str], me: str) -> Path:
    """A walking group: ``me`` (the user), Rosa (in the demo's list), two friends, two strangers.

    Each test names the user differently, so that no name one test makes
    remembered as the user's answers a question another test asks.
    """
    one, two = friends
    start = date.today() - timedelta(days=30)
    lines = []
    for day in range(12):
        when = f"{start + timedelta(days=2 * day):%d/%m/%Y}"
        opener = (one, two, me, "Rosa")[day % 4]
        answer = me if opener != me else (one, two, "Rosa")[day % 3]
        lines.append(f"{when}, 18:00 - {opener}: walk on saturday? how was your week?")
        lines.append(f"{when}, 18:20 - {answer}: yes please, it was a long one")
    lines.append(f"{start:%d/%m/%Y}, 07:00 - {STRANGER}: selling walking poles, barely used")
    lines.append(f"{start + timedelta(days=3):%d/%m/%Y}, 07:30 - {PHONE}: who added me?")
    path = folder / f"WhatsApp Chat with Walks {one}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("width", "friends"),
    [(1280, ("Noor", "Kit")), (390, ("Ines", "Tomás"))],
)
def test_a_group_chat_adds_only_the_people_ticked(
    browser: Any, server: Any, tmp_path: Path, width: int, friends: tuple[str, str]
) -> None:
    context = browser.new_context(base_url=server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        _journey(page, tmp_path, friends)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, "no sideways scroll"
    except Exception:
        page.screenshot(path=str(tmp_path / f"import-group-{width}.png"), full_page=True)
        raise
    finally:
        context.close()


def _journey(page: Any, folder: Path, friends: tuple[str, str]) -> None:
    one, two = friends
    page.goto("/import")
    export = group_export(folder, friends, me="Maya")
    page.get_by_label("Chat export file").set_input_files(str(export))
    page.get_by_label("Your name in the chat (optional)").fill("Maya")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Who would you like to add?", timeout=20_000
    )
    checklist = page.get_by_role("group", name="Add to your list")
    for name in (one, two, STRANGER, PHONE):
        expect(checklist.get_by_label(name, exact=True)).not_to_be_checked()
    expect(checklist.get_by_label("Rosa", exact=True)).to_have_count(0)
    expect(page.locator("main")).to_contain_text(
        "Already in your list, and read with this chat: Rosa."
    )
    expect(page.locator("main")).not_to_contain_text("--")

    page.get_by_role("button", name="Import and add the people ticked").click()
    expect(page.get_by_role("alert")).to_contain_text("No one was ticked")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who would you like to add?")

    checklist = page.get_by_role("group", name="Add to your list")
    checklist.get_by_label(one, exact=True).check()
    checklist.get_by_label(two, exact=True).check()
    page.get_by_role("button", name="Import and add the people ticked").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Imported", timeout=20_000)
    main = page.locator("main")
    expect(main).to_contain_text(f"Added to your list: {one}, {two}.")
    expect(main).to_contain_text(f"Not added to your list: {STRANGER}, {PHONE}.")
    for name in (one, two, "Rosa"):
        expect(page.get_by_role("heading", name=f"With {name}", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=f"With {STRANGER}")).to_have_count(0)
    expect(main).to_contain_text("What the messages suggest")
    said = main.inner_text()
    assert not TALLY.search(said), said

    page.goto("/")
    people = page.locator("main")
    expect(people).to_contain_text(one)
    expect(people).to_contain_text(two)
    expect(people).not_to_contain_text("Cactus")
    expect(people).not_to_contain_text("7700")
