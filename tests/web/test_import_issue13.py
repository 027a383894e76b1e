"""Chat imports through the JSON API after issue 13: a newer export is an answer, never a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx2 import Response

from tests.web.conftest import api_token

FIRST = "02/03/2026, 09:00 - Sam: how are you?\n02/03/2026, 09:05 - Alex: good!\n03/03/2026, 20:10 - Alex: night\n"
NEWER = (
    "02/03/2026, 09:00 - Sam: how are you?\n02/03/2026, 09:05 - Alex: good!\n"
    "02/03/2026, 09:07 - Sam: glad\n03/03/2026, 20:10 - Alex: night\n03/03/2026, 20:12 - Sam: night!\n"
)


def _upload(client: TestClient, text: str, **fields: str) -> Response:
    return client.post(
        "/api/imports",
        data=fields,
        files={"file": ("WhatsApp Chat with Sam.txt", text.encode(), "text/plain")},
        headers=api_token(client),
    )


def test_a_newer_export_with_more_on_days_already_stored_is_merged(client: TestClient) -> None:
    assert _upload(client, FIRST, me="Alex").json()["new"] == 3
    newer = _upload(client, NEWER, me="Alex")
    assert newer.status_code == 200, newer.text
    assert (newer.json()["messages"], newer.json()["new"]) == (5, 2)


def test_a_file_whose_dates_fit_no_order_is_a_clear_refusal(client: TestClient) -> None:
    lines = [f"{day:02d}/03/2020, 10:00 - A: {day}" for day in range(13, 29)]
    lines += [f"04/{day:02d}/2020, 10:00 - B: {day}" for day in range(13, 29)]
    answer = _upload(client, "\n".join(lines) + "\n", me="A")
    assert answer.status_code == 400, answer.text
    assert "fit no one order" in answer.text and "WhatsApp Chat with Sam.txt" in answer.text
