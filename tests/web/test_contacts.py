"""Bringing people in from a contacts file in the browser's pages: upload, checklist, done."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import token

FIXTURES = Path(__file__).resolve().parents[1] / "contacts" / "fixtures"


def _upload(client: TestClient, name: str, content: bytes | None = None) -> tuple[str, Any]:
    csrf = token(client, "/people/import")
    answer = client.post(
        "/people/import",
        data={"csrf_token": csrf},
        files={"file": (name, content or (FIXTURES / name).read_bytes(), "text/vcard")},
    )
    return csrf, answer


def _action(page: str) -> str:
    found = re.search(r'action="(/people/import/[^"]+)"', page)
    assert found, "no checklist on the page"
    return found.group(1)


def test_the_checklist_shows_who_is_new_and_who_is_there(client: TestClient) -> None:
    assert "From your contacts" in client.get("/people/new").text
    csrf = token(client)
    client.post("/people", data={"csrf_token": csrf, "name": "Sam Lee"})
    _, answer = _upload(client, "google.vcf")
    assert answer.status_code == 200
    page = answer.text
    assert "Who to bring in from google.vcf" in page and "1 new, 1 already in your list" in page
    assert re.search(r'value="María García" checked>', page), "someone new is ticked"
    assert re.search(r'value="Sam Lee">', page), "someone already there is not ticked"
    assert "birthday 17 May, 1 date to remember, a note" in page
    done = client.post(
        _action(page), data={"csrf_token": csrf, "name": ["María García", "Sam Lee"]}
    )
    assert done.status_code == 200
    assert (
        "Added María García." in done.text
        and "Filled in what was missing for Sam Lee." in done.text
    )
    people = {p["name"]: p for p in client.get("/api/people").json()}
    assert set(people) == {"María García", "Sam Lee"}
    assert people["María García"]["birthday"] == "--05-17"
    gone = client.post(_action(page), data={"csrf_token": csrf, "name": "Sam Lee"})
    assert gone.status_code == 404 and "choose it again" in gone.text


def test_nothing_ticked_keeps_the_checklist(client: TestClient) -> None:
    csrf, answer = _upload(client, "vcard4.vcf")
    page = answer.text
    assert "circa 1960" in page and "<td>22</td>" in page, "a detail left out, with its line"
    again = client.post(_action(page), data={"csrf_token": csrf})
    assert again.status_code == 400 and "Please tick at least one person" in again.text
    assert 'value="Ana Sousa">' in again.text
    assert client.get("/api/people").json() == []
    done = client.post(_action(again.text), data={"csrf_token": csrf, "name": "Kenji Watanabe"})
    assert done.status_code == 200
    assert [p["birthday"] for p in client.get("/api/people").json()] == ["--02-29"]


def test_broken_cards_are_listed_with_their_lines(client: TestClient) -> None:
    _, answer = _upload(client, "broken.vcf")
    page = answer.text
    for line in (9, 11, 14, 21, 24):
        assert f"<td>{line}</td>" in page
    assert 'value="Rosa Martin" checked>' in page and 'value="Theo Brandt" checked>' in page


def test_a_file_that_is_not_a_vcard_is_refused_with_the_form_again(client: TestClient) -> None:
    _, answer = _upload(client, "not-contacts.txt")
    assert answer.status_code == 400
    assert "not-contacts.txt: this is not a contacts file (vCard)" in answer.text
    assert 'name="file" type="file"' in answer.text
    _, empty = _upload(client, "empty.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")
    assert empty.status_code == 400
    assert "empty.vcf holds no one who can be brought in (line 1:" in empty.text
    csrf = token(client, "/people/import")
    nothing = client.post("/people/import", data={"csrf_token": csrf})
    assert nothing.status_code == 400 and "Please choose a contacts file" in nothing.text
