"""``reciprocity serve`` through its real entry point: a server on loopback, on demo data."""

from __future__ import annotations

from tests.browser.server import running_server


def test_serve_demo_answers_on_loopback_only() -> None:
    import httpx2

    with running_server() as server:
        page = httpx2.get(server.url)
        assert page.status_code == 200 and "Jordan" in page.text and "demo data" in page.text
        foreign = httpx2.get(server.url, headers={"Host": "rebound.example"})
        assert foreign.status_code == 400
        assert server.output().startswith("reciprocity is open at http://127.0.0.1:")


def test_the_command_line_defaults_match_the_app_settings() -> None:
    from reciprocity.cli import serve
    from reciprocity.web import settings

    assert serve.DEFAULT_PORT == settings.DEFAULT_PORT
    assert serve.UPLOAD_LIMIT_MB * 1024 * 1024 == settings.DEFAULT_UPLOAD_LIMIT
