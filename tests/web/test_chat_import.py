"""Chat import in the browser's terms: upload, a page that refreshes until done, the summary.

The import runs in a background thread; these tests follow the status page the
way a browser does, until it stops asking to be refreshed.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select

from reciprocity.model import Chat
from reciprocity.store import Database
from tests.cli_runner import Cli
from tests.web.conftest import token

START = datetime(2026, 8, 3, 9, 0)


def whatsapp_export(days: int = 20, *, names: tuple[str, str] = ("Alex", "Sam")) -> bytes:
    """A small WhatsApp export; its third line has a date that does not exist."""
    me, them = names
    lines = []
    for day in range(days):
        when = START + timedelta(days=day)
        first, second = (them, me) if day % 3 == 0 else (me, them)
        lines.append(f"{when:%d/%m/%Y}, 09:{day % 50:02d} - {first}: morning! how did it go?")
        lines.append(f"{when:%d/%m/%Y}, 09:{day % 50 + 5:02d} - {second}: good, thanks")
    lines.insert(2, f"31/02/2026, 09:30 - {me}: a day that never was")
    return ("\n".join(lines) + "\n").encode()


def upload(
    client: TestClient, content: bytes, *, name: str = "WhatsApp Chat with Sam.txt", **fields: str
) -> Response:
    return client.post(
        "/import",
        data={"csrf_token": token(client, "/import"), **fields},
        files={"file": (name, content, "text/plain")},
        follow_redirects=False,
    )


def finished(client: TestClient, location: str, timeout: float = 20.0) -> Response:
    """Follow the status page, as a browser would, until it stops refreshing itself."""
    deadline = time.monotonic() + timeout
    while True:
        page = client.get(location, follow_redirects=True)
        if 'http-equiv="refresh"' not in page.text:
            return page
        assert time.monotonic() < deadline, "the import did not finish"
        time.sleep(0.05)


def test_the_import_page_explains_and_asks_for_a_file(client: TestClient) -> None:
    page = client.get("/import").text
    assert "<title>Import a chat · reciprocity</title>" in page
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page
    assert "WhatsApp (.txt or .zip)" in page and "Files up to 200 MB." in page
    keep = page.split('name="keep_text"')[1].split(">")[0]
    assert "checked" not in keep, "message text is not kept unless asked"


def test_importing_a_whatsapp_export(
    client: TestClient, web_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = upload(client, whatsapp_export(), me="Alex")
    assert sent.status_code == 303 and sent.headers["location"].startswith("/import/")
    page = finished(client, sent.headers["location"])
    assert page.status_code == 200
    assert "<title>Imported WhatsApp Chat with Sam.txt · reciprocity</title>" in page.text
    assert (
        "Read 40 messages (40 new) from 3 Aug 2026, 09:00 to 22 Aug 2026, 09:24: "
        "20 conversations." in page.text
    )
    assert "Added to your list: Sam." in page.text
    assert "With Sam" in page.text and "What the messages suggest" in page.text
    assert "Replies usually came within about 5 min, either way." in page.text
    # 13 signs of upkeep from you and 7 from Sam: said as a leaning and how sure, never as counts.
    assert (
        "<dt>Maintenance</dt><dd>not enough to say yet: the 20 signs in this chat do not "
        "point clearly one way or the other</dd>" in page.text
    )
    assert "13" not in page.text.split("<main")[1] and "by you" not in page.text
    assert "Message text was not kept" in page.text
    assert "One line was left out." in page.text
    assert "<td>3</td><td>the date &#39;31/02/2026&#39; does not exist" in page.text
    assert "See Sam&#39;s page" in page.text

    assert _keeps_text(client) == [False]
    export = tmp_path / "same.txt"
    export.write_bytes(whatsapp_export())
    cli = Cli(tmp_path / "web.db", capsys, url=web_url)
    again = cli("import", str(export), "--json")
    assert again.code == 0, again.err
    assert again.json()["new"] == 0 and again.json()["me"] == "Alex", "the same store and rules"


def _keeps_text(client: TestClient) -> list[bool]:
    store: Database = client.app.state.database  # type: ignore[attr-defined]
    with store.transaction() as session:
        return list(session.scalars(select(Chat.keeps_text)))


def test_keeping_the_text_when_asked(client: TestClient) -> None:
    sent = upload(client, whatsapp_export(5), me="Alex", keep_text="yes")
    page = finished(client, sent.headers["location"])
    assert "Message text was kept, as you asked." in page.text
    assert _keeps_text(client) == [True]


def test_when_the_chat_cannot_tell_who_is_who_its_names_are_choices(client: TestClient) -> None:
    client.post("/people", data={"csrf_token": token(client), "name": "Alex"})
    client.post("/people", data={"csrf_token": token(client), "name": "Sam"})
    sent = upload(client, whatsapp_export(6))
    page = finished(client, sent.headers["location"])
    assert "Who is who in this chat?" in page.text
    assert "Which of these is you? Alex, Sam." in page.text
    assert '<input type="radio" name="me" value="Alex" required>' in page.text
    assert '<input type="radio" name="me" value="Sam" required>' in page.text
    assert "Nothing was changed." in page.text
    chosen = client.post(
        sent.headers["location"] + "/again",
        data={"csrf_token": token(client, "/import"), "me": "Sam", "person": "Alex"},
        follow_redirects=False,
    )
    assert chosen.status_code == 303
    done = finished(client, chosen.headers["location"])
    assert "With Alex" in done.text and "Read 12 messages (12 new)" in done.text
    assert finished(client, sent.headers["location"]).url.path == chosen.headers["location"]
    twice = client.post(
        sent.headers["location"] + "/again",
        data={"csrf_token": token(client, "/import"), "me": "Sam"},
    )
    assert twice.status_code == 404, "a chat goes on once"


def test_files_that_are_not_chat_exports_are_refused_at_once(client: TestClient) -> None:
    nothing = client.post(
        "/import", data={"csrf_token": token(client, "/import")}, follow_redirects=False
    )
    assert nothing.status_code == 400 and "Please choose a chat export file." in nothing.text
    notes = upload(client, b"my shopping list\nmilk\neggs\n", name="notes.txt")
    assert notes.status_code == 400
    assert "notes.txt: is not a chat export this version understands." in notes.text
    assert "reciprocity-imports-" not in notes.text, "the temporary folder is never shown"
    ours = upload(client, b'{"format": "reciprocity", "version": 1, "people": []}', name="x.json")
    assert ours.status_code == 400 and "This is a reciprocity export" in ours.text
    empty = upload(client, b"  \n", name="empty.txt")
    assert empty.status_code == 400 and "empty.txt: is empty" in empty.text
    order = upload(client, whatsapp_export(2), date_order="DDD")
    assert order.status_code == 400 and "is not a date order" in order.text


def test_a_name_not_in_the_chat_offers_the_names_in_it(client: TestClient) -> None:
    sent = upload(client, whatsapp_export(3), me="Nobody")
    page = finished(client, sent.headers["location"])
    assert "&#39;Nobody&#39; does not write in this chat" in page.text
    assert 'value="Alex"' in page.text and 'value="Sam"' in page.text


def test_a_file_that_breaks_while_reading_fails_kindly(client: TestClient) -> None:
    cut_short = (
        b'{"name": "Sam", "type": "personal_chat", "id": 1, "messages": [\n'
        b'{"id": 1, "type": "message", "date": "2026-08-03T09:00:00", "from": "Sam", "text": "hi"},\n'
        b'{"id": 2, "type": "message", "date": "2026-08-03T09:05:00", "from": "Alex", "te'
    )
    sent = upload(client, cut_short, name="result.json", me="Alex")
    page = finished(client, sent.headers["location"])
    assert "<title>This chat could not be imported · reciprocity</title>" in page.text
    assert "result.json, line 3: is not valid JSON" in page.text
    assert "reciprocity-imports-" not in page.text
    assert "Nothing was changed." in page.text
    assert client.get("/api/people").json() == []
    assert client.get("/import/not-a-job").status_code == 404


def test_a_filename_is_shown_as_text(client: TestClient) -> None:
    name = "<img src=x onerror=alert(1)>.txt"
    sent = upload(client, whatsapp_export(3), name=name, me="Alex")
    page = finished(client, sent.headers["location"])
    assert "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page.text


def test_the_same_export_again_is_said_to_hold_nothing_new(client: TestClient) -> None:
    first = finished(client, upload(client, whatsapp_export(6), me="Alex").headers["location"])
    assert "Read 12 messages (12 new)" in first.text
    sent = upload(client, whatsapp_export(6), name="an older copy.txt")
    again = finished(client, sent.headers["location"])
    assert again.status_code == 200
    assert "Nothing new: this export (12 messages, from " in again.text
    assert "all of it is still stored. Nothing was read again or changed." in again.text
    assert "Message text was not kept" not in again.text  # nothing was written at all
