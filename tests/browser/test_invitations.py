"""A friend answers a check-in on their phone, the user answers on the computer, and both
see the two sides: the real ``serve --lan`` with the listener on 127.0.0.2 (standing in for
the network), the friend in a second browser context at a phone's size, axe-core on each page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import keep_screenshot
from tests.browser.server import Server, free_port, running_server

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def lan_server() -> Iterator[tuple[Server, int]]:
    port = free_port()
    with running_server("--lan", f"127.0.0.2:{port}") as running:
        yield running, port


def _serious(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _look(page: Any, axe: Axe, shots: Path, name: str, width: int) -> None:
    assert _serious(axe.run(page)) == [], name
    keep_screenshot(page, shots, name, width)


def test_a_friend_answers_and_both_see_both_sides(
    browser: Any, lan_server: tuple[Server, int], shots: Path
) -> None:
    server, port = lan_server
    axe = Axe()
    computer = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    phone = browser.new_context(**PHONE)
    try:
        me = computer.new_page()
        me.set_default_timeout(15_000)
        me.goto("/checkin/2")
        name = me.get_by_role("heading", level=1).inner_text().split(" with ", 1)[1]
        me.get_by_role("link", name=f"Invite {name} to answer").click()
        expect(me.get_by_role("heading", name=f"What {name} will see")).to_be_visible()
        _look(me, axe, shots, "invitation-new", 1280)
        me.get_by_label(f"Your name, as {name} knows you").fill("Alex")
        me.get_by_role("button", name=f"Invite {name} to answer").click()
        link = me.locator(".link-text code").inner_text()
        assert link.startswith(f"http://127.0.0.2:{port}/invite/")
        expect(me.get_by_role("img", name=f"The link for {name}")).to_be_visible()
        _look(me, axe, shots, "invitation-link", 1280)
        action = me.locator("form[action$='/withdraw']").get_attribute("action")
        invitation = str(action).removesuffix("/withdraw")

        friend = phone.new_page()
        friend.set_default_timeout(15_000)
        friend.goto(link)
        expect(friend.get_by_text("Alex keeps notes on your friendship")).to_be_visible()
        expect(
            friend.get_by_text("Neither of you sees the other's answers until both have answered.")
        ).to_be_visible()
        _look(friend, axe, shots, "invite-friend", 390)
        friend.get_by_label("Where did you feel supported lately?").fill("You came to the clinic")
        friend.get_by_label("Where did you feel drained?").fill("The week of the move")
        friend.get_by_role("button", name="Send my answers").click()
        expect(friend.get_by_role("status").first).to_contain_text("Your answers are kept")
        expect(friend.get_by_text("Alex has not answered yet")).to_be_visible()
        _look(friend, axe, shots, "invite-friend-waiting", 390)

        me.goto(invitation)
        expect(me.get_by_text(f"{name} has answered.")).to_be_visible()
        expect(me.get_by_text("You came to the clinic")).to_have_count(0)  # not before mine
        _look(me, axe, shots, "invitation-answer", 1280)
        me.get_by_label("Where did you feel supported lately?").fill("The walk on Sunday")
        me.get_by_role("button", name="Keep my answers").click()
        expect(me.get_by_role("heading", name="Side by side")).to_be_visible()
        expect(me.get_by_role("region", name=f"As {name} sees it")).to_contain_text(
            "You came to the clinic"
        )
        expect(me.get_by_role("region", name="As you see it")).to_contain_text("The walk on Sunday")
        _look(me, axe, shots, "invitation-revealed", 1280)
        me.set_viewport_size({"width": 390, "height": 844})
        keep_screenshot(me, shots, "invitation-revealed", 390)

        friend.reload()
        expect(friend.get_by_role("heading", name="Side by side")).to_be_visible()
        expect(friend.get_by_role("region", name="As Alex sees it")).to_contain_text(
            "The walk on Sunday"
        )
        _look(friend, axe, shots, "invite-friend-revealed", 390)

        me.goto("/checkin/2#past")
        expect(me.get_by_text(f"As {name} sees it").first).to_be_visible()
        me.goto("/invitations")
        _look(me, axe, shots, "invitations", 390)
        friend.goto(link[:-3] + "abc")
        expect(friend.get_by_role("heading", name="Nothing here")).to_be_visible()
        _look(friend, axe, shots, "invite-friend-unknown", 390)
    finally:
        computer.close()
        phone.close()
