"""The unlock page in a real browser: ``reciprocity serve`` on an encrypted database, started
with no terminal and no RECIPROCITY_PASSPHRASE, as a service would start it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.server import Server, _wait, free_port

PASSPHRASE = "lanterns over the harbour"


def _environment() -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith("RECIPROCITY_")}
    return {**kept, "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def locked_server() -> Iterator[Server]:
    with tempfile.TemporaryDirectory(prefix="reciprocity-locked-") as folder:
        url = f"sqlite:///{Path(folder) / 'reciprocity.db'}"
        command = [sys.executable, "-m", "reciprocity", "--db", url]
        for step, extra in (
            (["demo"], {}),
            (["encrypt", "--yes"], {"RECIPROCITY_PASSPHRASE": PASSPHRASE}),
        ):
            subprocess.run(
                [*command, *step], check=True, capture_output=True, env={**_environment(), **extra}
            )
        port = free_port()
        log = Path(folder) / "server.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [*command, "serve", "--no-browser", "--port", str(port)],
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env=_environment(),
            )
            server = Server(f"http://127.0.0.1:{port}/", process, log)
            try:
                _wait(server, 30)  # "/" answers with the unlock page, after its redirect
                yield server
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture
def locked_page(browser: Any, locked_server: Server) -> Iterator[Any]:
    context = browser.new_context(base_url=locked_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def _serious(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_unlocking_in_the_browser(locked_page: Any, locked_server: Server) -> None:
    page, axe = locked_page, Axe()
    assert "type its passphrase at" in locked_server.output()
    page.goto("/people/1")
    expect(page).to_have_url(f"{locked_server.url}unlock")
    expect(page.get_by_role("heading", level=1)).to_have_text("Unlock your data")
    expect(page.get_by_text("if it is lost, so is the data")).to_be_visible()
    expect(page.get_by_text("Jordan")).to_have_count(0)
    assert _serious(axe.run(page)) == [], "the unlock page"

    page.get_by_label("Passphrase").fill("harbour lanterns")
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("alert")).to_contain_text("That passphrase does not open your data")
    expect(page.get_by_label("Passphrase")).to_have_value("")
    assert _serious(axe.run(page)) == [], "the unlock page saying the passphrase was wrong"

    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_label("Passphrase").press("Enter")
    expect(page).to_have_url(locked_server.url)
    expect(page.get_by_role("link", name="Jordan").first).to_be_visible()
    page.goto("/unlock")
    expect(page).to_have_url(locked_server.url)
    page.goto("/settings")
    expect(page.get_by_text("Encrypted on disk (SQLCipher)")).to_be_visible()
