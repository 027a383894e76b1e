"""A phone on the network, in a real Chromium at phone size: pair it from the Phones page,
name it, note a moment, see it in the app, revoke it; then close the listener.

The app runs as ``reciprocity serve --demo --lan 127.0.0.2:PORT``: the desktop browser
reaches it on 127.0.0.1, the "phone" on 127.0.0.2. Every new page is checked with
axe-core and kept as a screenshot at 1280 and 390 pixels.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from reciprocity.coach import devices as words
from tests.browser.conftest import keep_screenshot
from tests.browser.server import Server, free_port, running_server
from tests.browser.test_accessibility import _serious

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def lan_server() -> Iterator[tuple[Server, str]]:
    lan = f"http://127.0.0.2:{free_port()}"
    with running_server("--lan", lan.removeprefix("http://")) as server:
        yield server, lan


def _look(page: Any, axe: Axe, shots: Path, name: str) -> None:
    """No serious accessibility problem, and a screenshot at the page's width."""
    assert _serious(axe.run(page)) == [], name
    keep_screenshot(page, shots, name, page.viewport_size["width"])


def test_the_new_pages_at_the_other_width(
    browser: Any, lan_server: tuple[Server, str], shots: Path
) -> None:
    """The Phones page on a phone, and the phone's pages on a wide screen (first: the journey
    below closes the listener)."""
    server, lan = lan_server
    axe = Axe()
    narrow = browser.new_context(base_url=server.url, **PHONE)
    wide = browser.new_context(base_url=lan, viewport={"width": 1280, "height": 900})
    try:
        computer = narrow.new_page()
        computer.goto("/phones")
        computer.get_by_role("button", name=words.PAIR_MAKE).click()
        _look(computer, axe, shots, "phones-link")
        link = computer.locator(".pair-url code").inner_text()
        tablet = wide.new_page()
        tablet.goto("/pair")
        _look(tablet, axe, shots, "lan-not-paired")
        tablet.goto(link)
        _look(tablet, axe, shots, "lan-pair")
        tablet.get_by_label(words.PAIR_NAME_LABEL).fill("Kit's tablet with a long name")
        tablet.get_by_role("button", name=words.PAIR_SUBMIT).click()
        _look(tablet, axe, shots, "lan-capture")
        computer.goto("/phones")
        _look(computer, axe, shots, "phones")
        revoke = words.REVOKE_LABEL.format(name="Kit's tablet with a long name")
        computer.get_by_role("button", name=revoke).click()
        expect(computer.get_by_text(words.DEVICES_NONE)).to_be_visible()
    finally:
        narrow.close()
        wide.close()


def test_pair_a_phone_note_a_moment_revoke_it(
    browser: Any, lan_server: tuple[Server, str], shots: Path
) -> None:
    server, lan = lan_server
    axe = Axe()
    desk = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    phone_context = browser.new_context(base_url=lan, **PHONE)
    try:
        computer = desk.new_page()
        computer.goto("/")
        expect(computer.get_by_role("region", name=words.LAN_STATUS_LABEL)).to_contain_text(lan)
        computer.goto("/phones")
        expect(computer.get_by_role("heading", name=words.PHONES_TITLE, exact=True)).to_be_visible()
        computer.get_by_role("button", name=words.PAIR_MAKE).click()
        qr = computer.get_by_role("img", name=words.PAIR_QR_LABEL)
        expect(qr).to_be_visible()
        _look(computer, axe, shots, "phones-link")
        link = computer.locator(".pair-url code").inner_text()
        assert link.startswith(lan + "/pair/")

        phone = phone_context.new_page()
        phone.goto("/capture")
        expect(phone.get_by_role("heading", name=words.NOT_PAIRED_TITLE)).to_be_visible()
        _look(phone, axe, shots, "lan-not-paired")
        phone.goto(link)
        expect(phone.get_by_text(words.LAN_TRUST_NOTE)).to_be_visible()
        _look(phone, axe, shots, "lan-pair")
        phone.get_by_label(words.PAIR_NAME_LABEL).fill("Alex's phone")
        phone.get_by_role("button", name=words.PAIR_SUBMIT).click()
        expect(phone.get_by_text(words.PAIRED_WELCOME)).to_be_visible()
        assert phone.url.startswith(lan + "/capture")
        _look(phone, axe, shots, "lan-capture")
        phone.get_by_label("With").select_option("Jordan")
        phone.get_by_label("What happened").fill("Jordan sent soup when I was ill")
        phone.get_by_label("them").check()
        phone.get_by_label("Crisis response").check()
        phone.get_by_role("button", name="Note it").click()
        expect(phone.get_by_text("Noted with Jordan.")).to_be_visible()
        expect(phone.get_by_label("What happened")).to_have_value("")
        _look(phone, axe, shots, "lan-capture-saved")

        computer.goto("/")
        computer.get_by_role("link", name="Jordan").first.click()
        expect(computer.get_by_text("Jordan sent soup when I was ill")).to_be_visible()

        computer.goto("/phones")
        expect(computer.get_by_role("row", name="Alex's phone")).to_be_visible()
        _look(computer, axe, shots, "phones")
        computer.get_by_role("button", name=words.REVOKE_LABEL.format(name="Alex's phone")).click()
        expect(computer.get_by_text(words.DEVICES_NONE)).to_be_visible()
        phone.goto("/capture")
        expect(phone.get_by_role("heading", name=words.NOT_PAIRED_TITLE)).to_be_visible()

        computer.get_by_role("button", name=words.LAN_CLOSE_BUTTON).click()
        expect(computer.get_by_text(words.LAN_STATUS_CLOSED)).to_be_visible()
        expect(computer.get_by_role("region", name=words.LAN_STATUS_LABEL)).to_have_count(0)
        _look(computer, axe, shots, "phones-closed")
    finally:
        phone_context.close()
        desk.close()
