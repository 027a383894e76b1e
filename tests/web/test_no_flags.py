"""The web never cites a command-line flag or command; the command line adds its own hint.

An error raised below the faces says what was wrong in words every face can
show (``str(error)``); what only the command line says, such as the list
command that shows the ids, is its ``command_hint``, which the web never shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.cli_runner import Cli
from tests.web.conftest import token

COMMAND = re.compile(r"(?<![\w-])--[a-z]|'reciprocity |reciprocity [a-z-]+ list")
"""A flag (``--me``) or a command (``'reciprocity moment list'``)."""

MISSING = [
    ("/moments/999/edit", "There is no moment with id 999."),
    ("/seasons/999/edit", "There is no season with id 999."),
    ("/checkins/999/edit", "There is no check-in with id 999."),
    ("/boundaries/999/edit", "There is no boundary with id 999."),
    ("/wins/999/edit", "There is no small win with id 999."),
    ("/rhythms/dates/999/edit", "There is no date to remember with id 999."),
    ("/rituals/999/edit", "There is no ritual with id 999."),
    ("/audits/999", "There is no audit with id 999."),
    ("/api/moments/999", "There is no moment with id 999."),
    ("/api/audits/999", "There is no audit with id 999."),
]


@pytest.mark.parametrize(("path", "said"), MISSING)
def test_something_missing_is_said_without_a_command(
    client: TestClient, path: str, said: str
) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert said in answer.text
    assert not COMMAND.search(answer.text.split("<main", 1)[-1]), answer.text


def test_a_season_of_ones_own_asks_who_shares_the_roles_without_a_flag(
    demo_client: TestClient,
) -> None:
    csrf = token(demo_client, "/seasons")
    demo_client.post("/seasons", data={"csrf_token": csrf, "whose": "me", "kind": "exams"})
    mine = next(s for s in demo_client.get("/api/seasons").json() if s["whose"] == "me")
    answer = demo_client.post(
        f"/seasons/{mine['id']}/roles",
        data={"csrf_token": csrf, "mine": "planner", "theirs": "listener"},
    )
    assert answer.status_code == 400
    assert "please say who shares the roles with you." in answer.text
    assert not COMMAND.search(answer.text.split("<main", 1)[1])


def test_the_command_line_adds_the_command_that_shows_them(cli: Cli) -> None:
    missing = cli("moment", "edit", "999", "--text", "hello")
    assert missing.code != 0
    assert missing.err.strip() == (
        "reciprocity: There is no moment with id 999. 'reciprocity moment list' shows them."
    )
    assert "'reciprocity season list' shows them." in cli("season", "end", "999").err
    assert cli("season", "start", "me", "exams").code == 0
    own = cli("roles", "set", "1", "planner", "listener")
    assert own.code == 2
    assert own.err.strip().endswith(
        "please say who shares the roles with you. Say it with --with NAME."
    )


def test_no_import_page_cites_a_flag(client: TestClient, tmp_path: Path) -> None:
    from tests.web.test_chat_import import finished, upload

    pages = [client.get("/import").text]
    two = b"01/06/2026, 09:00 - Alex: hi\n01/06/2026, 09:10 - Sam: hello\n"
    pages.append(finished(client, upload(client, two).headers["location"]).text)  # who is you?
    pages.append(finished(client, upload(client, two, me="Carol").headers["location"]).text)
    ambiguous = b"01/02/2026, 09:00 - Alex: hi\n01/02/2026, 09:10 - Sam: hello\n"
    done = upload(client, ambiguous, name="ambiguous.txt", me="Alex")
    pages.append(finished(client, done.headers["location"]).text)  # a date order assumed
    assert "Which of these is you?" in pages[1] and "does not write in this chat" in pages[2]
    assert "was assumed" in pages[3] and "say which order its dates are in" in pages[3]
    for page in pages:
        main = page.split("<main", 1)[1]
        assert not COMMAND.search(main), main
    assert token(client, "/import")
