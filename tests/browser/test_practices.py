"""The practices in a real browser: a check-in, a ritual kept, a chat imported, no script run."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

SCRIPT = '<script>alert("boo")</script><img src=x onerror="alert(1)">'


def test_record_a_checkin(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Check-ins").click()
    page.get_by_role("link", name="Check-in with Jordan").click()
    expect(page).to_have_title("Check-in with Jordan · reciprocity")
    expect(page.locator("main")).to_contain_text("Requests you are keeping with Jordan")
    page.get_by_role("group", name="We each get time to talk when we meet").get_by_label(
        "partly"
    ).check()
    page.get_by_label(re.compile("^Where did you feel supported lately")).fill(
        "Jordan met me at the station"
    )
    page.get_by_label("What meant the most to Jordan?").fill("Being asked about the new flat")
    page.get_by_label("What you both agreed to try").fill("Jordan picks the film\nI book the table")
    page.get_by_role("button", name="Save the check-in").click()
    expect(page.get_by_role("status")).to_contain_text("Saved the check-in with Jordan on")
    past = page.locator("#past").locator("..")
    expect(past).to_contain_text("Jordan met me at the station")
    expect(past).to_contain_text("Jordan picks the film")
    expect(past).to_contain_text("We each get time to talk when we meet (partly happened)")
    assert page.errors == []


def test_mark_a_ritual_done(page: Any) -> None:
    page.goto("/rituals")
    dinner = page.locator(
        "li.ritual", has=page.get_by_role("heading", name="Dinner, taking turns to host")
    )
    expect(dinner).to_contain_text("Jordan hosts next.")
    dinner.get_by_role("button", name=re.compile(r"^Mark \d{4}-\d\d-\d\d as done$")).click()
    expect(page.get_by_role("status")).to_contain_text(
        "Marked Dinner, taking turns to host as done"
    )
    expect(page.get_by_role("status")).to_contain_text("You host next.")
    assert page.errors == []


def whatsapp_export(folder: Path) -> Path:
    """A WhatsApp export with Kim, ending yesterday; its third line has an impossible date."""
    start = date.today() - timedelta(days=20)
    lines = []
    for day in range(20):
        when = start + timedelta(days=day)
        first, second = ("Kim", "Alex") if day % 2 else ("Alex", "Kim")
        lines.append(f"{when:%d/%m/%Y}, 18:{day:02d} - {first}: how did today go?")
        lines.append(f"{when:%d/%m/%Y}, 18:{day + 10:02d} - {second}: all good, thank you")
    lines.insert(2, "31/02/2026, 18:30 - Alex: a day that never was")
    path = folder / "WhatsApp Chat with Kim.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.browser_options(java_script_enabled=False)
def test_import_a_small_export_without_javascript(page: Any, tmp_path: Path) -> None:
    page.goto("/import")
    page.get_by_label("Chat export file").set_input_files(str(whatsapp_export(tmp_path)))
    page.get_by_label("Your name in the chat (optional)").fill("Alex")
    expect(page.get_by_label("Keep the message text too")).not_to_be_checked()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Imported WhatsApp Chat with Kim.txt", timeout=20_000
    )
    main = page.locator("main")
    expect(main).to_contain_text("Read 40 messages (40 new)")
    expect(main).to_contain_text("Added to your list: Kim.")
    expect(page.get_by_role("heading", name="With Kim", exact=True)).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Initiation")
    skipped = page.get_by_role("table", name="Lines not understood")
    expect(skipped).to_contain_text("3")
    expect(skipped).to_contain_text("does not exist")
    page.get_by_role("link", name="See Kim's page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kim")


def test_script_like_text_in_the_practices_never_runs(page: Any) -> None:
    page.goto("/checkin/5")
    page.get_by_label(re.compile("^Where did you feel drained")).fill(SCRIPT)
    page.get_by_label("What you both agreed to try").fill(SCRIPT)
    page.get_by_role("button", name="Save the check-in").click()
    expect(page.locator("#past").locator("..")).to_contain_text(SCRIPT)
    page.goto("/wins")
    page.get_by_label("With", exact=True).select_option("Theo")
    page.get_by_label("What went well").fill(SCRIPT)
    page.get_by_role("button", name="Keep it").click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    page.goto("/boundaries")
    page.get_by_label("With", exact=True).select_option("Theo")
    page.get_by_label("The request", exact=True).fill(SCRIPT)
    page.get_by_role("button", name="Add the boundary").click()
    expect(page.locator("main")).to_contain_text(SCRIPT)
    page.goto("/rituals")
    page.get_by_label("With", exact=True).select_option(label="Theo")
    page.get_by_label("What it is").fill(SCRIPT)
    page.get_by_label("How often").fill("monthly")
    page.get_by_role("button", name="Add the ritual").click()
    expect(page.get_by_role("status")).to_contain_text(SCRIPT)
    for path in ("/checkin/5", "/wins", "/boundaries", "/rituals"):
        page.goto(path)
        assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert page.errors == [], "nothing typed ran as script"
