"""A birthday without its year, in the browser's forms and through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import api_token, token


def test_a_person_is_added_with_a_birthday_but_no_year(client: TestClient) -> None:
    csrf = token(client)
    form = client.get("/people/new").text
    assert "when you do not know the year" in form and 'type="date"' not in form
    added = client.post(
        "/people",
        data={"csrf_token": csrf, "name": "Sam", "kind": "friend", "birthday": "15 March"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    [sam] = client.get("/api/people").json()
    assert sam["birthday"] == "--03-15"
    assert "birthday 15 Mar" in client.get(added.headers["location"]).text
    edit = client.get(f"/people/{sam['id']}/edit").text
    assert 'value="15 Mar"' in edit
    wrong = client.post(
        "/people",
        data={"csrf_token": csrf, "name": "Rosa", "birthday": "31 June"},
    )
    assert wrong.status_code == 400 and 'value="31 June"' in wrong.text
    assert "when the year is not known" in wrong.text


def test_the_year_is_added_and_taken_away_on_the_edit_page(client: TestClient) -> None:
    csrf = token(client)
    client.post("/people", data={"csrf_token": csrf, "name": "Sam", "birthday": "1990-03-15"})
    [sam] = client.get("/api/people").json()
    assert 'value="15 Mar 1990"' in client.get(f"/people/{sam['id']}/edit").text
    saved = client.post(
        f"/people/{sam['id']}/edit",
        data={"csrf_token": csrf, "name": "Sam", "kind": "friend", "birthday": "--02-29"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert client.get(f"/api/people/{sam['id']}").json()["birthday"] == "--02-29"


def test_the_api_takes_a_birthday_without_a_year(client: TestClient) -> None:
    headers = api_token(client)
    made = client.post("/api/people", json={"name": "Ana", "birthday": "--05-17"}, headers=headers)
    assert made.status_code == 201 and made.json()["birthday"] == "--05-17"
    changed = client.patch(
        f"/api/people/{made.json()['id']}", json={"birthday": "1988-05-17"}, headers=headers
    )
    assert changed.json()["birthday"] == "1988-05-17"
