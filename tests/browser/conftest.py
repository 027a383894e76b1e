"""A real Chromium (Debian's ``chromium``) driving the real ``reciprocity serve``.

One server and one browser per session; a fresh browser context (cookies,
storage) per test. A failing test leaves a screenshot, whose path is printed
with the failure. Chromium is never downloaded: ``scripts/test`` installs
Debian's package, and a missing browser fails these tests rather than skipping them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.server import Server, running_server

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser_options(**options): options for this test's browser context"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    with running_server() as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "chromium is missing: install Debian's package (apt-get install -y chromium); "
            "scripts/test does this"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where journeys keep a screenshot of what the person saw, at each width."""
    return tmp_path_factory.mktemp("journey-screenshots", numbered=False)


def keep_screenshot(page: Any, shots: Path, name: str, width: int) -> None:
    """A screenshot of the whole page in ``shots``; the page never scrolls sideways."""
    page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    assert scrolled <= width, f"{name} scrolls sideways at {width}px ({scrolled}px)"


@pytest.fixture
def context_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Options for the browser context, from a ``browser_options`` mark (viewport, no script)."""
    marker = request.node.get_closest_marker("browser_options")
    return dict(marker.kwargs) if marker else {}


@pytest.fixture
def page(
    browser: Any,
    server: Server,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    context_options: dict[str, Any],
) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url, **context_options)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.errors = errors
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder = Path(tmp_path_factory.getbasetemp()) / "screenshots"
        folder.mkdir(exist_ok=True)
        shot = folder / f"{request.node.name}.png"
        tab.screenshot(path=str(shot), full_page=True)
        print(f"\nscreenshot of the failure: {shot}")
    context.close()
