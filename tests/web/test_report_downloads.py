"""Reports and worksheets from the web app: linked from the dashboard and each person's page."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi.testclient import TestClient


def _person_id(client: TestClient, name: str) -> int:
    people = client.get("/api/people").json()
    return int(next(p["id"] for p in people if p["name"] == name))


def _pdf_forms(page: str) -> list[list[tuple[str, str]]]:
    """The hidden fields of each form that asks for a PDF."""
    return [
        re.findall(r'name="(what|person)" value="([^"]+)"', form)
        for form in re.findall(r'<form method="post" action="/reports">(.*?)</form>', page, re.S)
    ]


def test_the_dashboard_and_a_person_page_link_to_the_downloads(demo_client: TestClient) -> None:
    dashboard = demo_client.get("/").text
    for href in ("/report.html", "/worksheet.html"):
        assert f'href="{href}" download' in dashboard
    assert _pdf_forms(dashboard) == [[("what", "report")], [("what", "worksheet")]]
    rosa = _person_id(demo_client, "Rosa")
    page = demo_client.get(f"/people/{rosa}").text
    for what in ("report.html", "worksheet.html"):
        assert f'href="/people/{rosa}/{what}" download' in page
    assert _pdf_forms(page) == [
        [("what", "report"), ("person", str(rosa))],
        [("what", "worksheet"), ("person", str(rosa))],
    ]


def test_the_report_of_everyone_is_a_self_contained_download(demo_client: TestClient) -> None:
    answer = demo_client.get("/report.html")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.headers["content-disposition"] == (
        'attachment; filename="reciprocity-report-2026-11-01.html"'
    )
    html = answer.text
    assert html.count('<article class="relationship"') == 5
    assert "As of 1 Nov 2026" in html, "the app's today, not the clock's"
    # The policy allows the one inline stylesheet, by its hash, and nothing else.
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    policy = answer.headers["content-security-policy"]
    assert f"style-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert "script-src" not in policy and "unsafe" not in policy


def test_one_person_as_pdf(demo_client: TestClient) -> None:
    rosa = _person_id(demo_client, "Rosa")
    answer = demo_client.get(f"/people/{rosa}/report.pdf")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-disposition"] == (
        'attachment; filename="reciprocity-report-rosa-2026-11-01.pdf"'
    )
    assert answer.content.startswith(b"%PDF-") and len(answer.content) > 10_000


def test_the_worksheet_blank_and_for_someone(demo_client: TestClient) -> None:
    blank = demo_client.get("/worksheet.html")
    assert blank.status_code == 200 and 'class="box chosen"' not in blank.text
    sam = _person_id(demo_client, "Sam")
    filled = demo_client.get(f"/people/{sam}/worksheet.html")
    assert filled.status_code == 200
    assert 'class="write filled">Sam</p>' in filled.text
    latest = demo_client.get("/api/audits/2").json()
    rated = [e for e in latest["entries"] if e["person"] == "Sam"]
    [entry] = rated
    leaning = [r for r in (entry, *entry["dimensions"].values()) if r["rating"] < 5]
    assert filled.text.count('class="box chosen"') == 5 + len(leaning), "a way to lean below 5"
    pdf = demo_client.get(f"/people/{sam}/worksheet.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-disposition"].endswith('worksheet-sam-2026-11-01.pdf"')


def test_the_report_of_everyone_as_pdf(client: TestClient) -> None:
    """On an empty database: a short PDF that says how to begin, not an error."""
    answer = client.get("/report.pdf")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF-")


def test_an_unknown_person_is_not_found(demo_client: TestClient) -> None:
    for path in ("/people/999/report.html", "/people/999/worksheet.pdf"):
        answer = demo_client.get(path)
        assert answer.status_code == 404
        assert "content-disposition" not in answer.headers
    assert demo_client.get("/people/rosa/report.html").status_code == 422
    assert demo_client.get("/report.docx").status_code == 404
