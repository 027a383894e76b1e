"""A PDF from the web: asked for with a button, made in the background, its page saying so calmly."""

from __future__ import annotations

import multiprocessing
import re
import subprocess
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import token


def _person_id(client: TestClient, name: str) -> int:
    return int(next(p["id"] for p in client.get("/api/people").json() if p["name"] == name))


def _until_made(client: TestClient, status: str, seconds: float = 90.0) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now: dict[str, object] = client.get(f"{status}/state").json()
        if not now["working"]:
            return now
        assert now["said"] in ("Reading your notes and readings.", "Laying out the pages.")
        time.sleep(0.2)
    pytest.fail("the PDF was not made in time")


def test_a_report_pdf_is_made_while_the_page_says_so(demo_client: TestClient) -> None:
    rosa = _person_id(demo_client, "Rosa")
    asked = demo_client.post(
        "/reports",
        data={"csrf_token": token(demo_client, "/"), "what": "report", "person": str(rosa)},
        follow_redirects=False,
    )
    assert asked.status_code == 303
    location = asked.headers["location"]
    assert re.fullmatch(r"/reports/[\w-]+\?wait=1", location)
    status = location.split("?")[0]
    waiting = demo_client.get(location)
    assert waiting.status_code == 200
    if "Making your report…" in waiting.text:  # a fast machine may be done already
        assert '<p role="status" data-said>' in waiting.text
        assert '<noscript><meta http-equiv="refresh" content="1"></noscript>' in waiting.text
        assert '<script src="/static/making.js" defer></script>' in waiting.text
        assert 'class="progress" aria-hidden="true"' in waiting.text
    assert _until_made(demo_client, status)["state"] == "ready"

    ready = demo_client.get(location).text
    assert "<h1>Your report is ready</h1>" in ready
    assert (
        "reciprocity-report-rosa-2026-11-01.pdf is ready; its download starts by itself." in ready
    )
    assert f'<meta http-equiv="refresh" content="0; url={status}/file">' in ready
    assert f'href="/people/{rosa}"' in ready, "back to the person it was asked from"
    got = demo_client.get(f"{status}/file")
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == (
        'attachment; filename="reciprocity-report-rosa-2026-11-01.pdf"'
    )
    assert got.content.startswith(b"%PDF-") and len(got.content) > 10_000
    again = demo_client.get(location).text
    assert "http-equiv" not in again, "the download starts by itself only once"
    assert f'href="{status}/file" download' in again
    assert demo_client.get("/static/making.js").status_code == 200


def test_a_report_on_everyone_is_laid_out_in_parts_and_numbered_across_them(
    demo_client: TestClient, tmp_path: Path
) -> None:
    """Five people: laid out by worker processes from the app's thread, then joined."""
    asked = demo_client.post(
        "/reports",
        data={"csrf_token": token(demo_client, "/"), "what": "report"},
        follow_redirects=False,
    )
    status = asked.headers["location"].split("?")[0]
    assert _until_made(demo_client, status)["state"] == "ready"
    got = demo_client.get(f"{status}/file")
    assert 'filename="reciprocity-report-2026-11-01.pdf"' in got.headers["content-disposition"]
    pdf = tmp_path / "everyone.pdf"
    pdf.write_bytes(got.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    pages = text.stdout.split("\f")[:-1]
    assert len(pages) > 5
    assert [page.strip().splitlines()[-1].strip() for page in pages] == [
        f"{n} / {len(pages)}" for n in range(1, len(pages) + 1)
    ]
    assert multiprocessing.active_children() == [], "the workers ended with the report"


def test_a_blank_worksheet_for_everyone(demo_client: TestClient) -> None:
    asked = demo_client.post(
        "/reports",
        data={"csrf_token": token(demo_client, "/"), "what": "worksheet"},
        follow_redirects=False,
    )
    status = asked.headers["location"].split("?")[0]
    waiting = demo_client.get(status).text
    assert "Making your audit worksheet…" in waiting or "worksheet is ready" in waiting
    _until_made(demo_client, status)
    page = demo_client.get(status).text
    assert "<h1>Your audit worksheet is ready</h1>" in page and "http-equiv" not in page
    assert 'class="button secondary" href="/"' in page
    got = demo_client.get(f"{status}/file")
    assert 'filename="reciprocity-worksheet-2026-11-01.pdf"' in got.headers["content-disposition"]


@pytest.mark.parametrize(
    ("fields", "status", "said"),
    [
        (
            {"what": "novel"},
            400,
            "&#39;novel&#39; is not a document; choose one of: report, worksheet",
        ),
        ({"what": "report", "person": "abc"}, 400, "Please choose someone from your list"),
        ({"what": "report", "person": "999"}, 404, ""),
    ],
)
def test_asking_for_something_that_cannot_be_made(
    demo_client: TestClient, fields: dict[str, str], status: int, said: str
) -> None:
    sent = demo_client.post("/reports", data={"csrf_token": token(demo_client, "/"), **fields})
    assert sent.status_code == status
    assert said in sent.text
    assert demo_client.get("/reports/nothing-here").status_code == 404
    assert demo_client.get("/reports/nothing-here/file").status_code == 404
    forged = demo_client.post("/reports", data={"what": "report"})
    assert forged.status_code == 403, "asking for one is a form like any other"
