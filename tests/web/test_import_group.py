"""A group chat in the browser's terms: a checklist of whom to add, and a summary without a tally.

Nobody in a group joins the list unless ticked; ticking no one and asking to
add the ticked is answered with one line (400) on the same checklist, and the
web never cites a command-line flag. The import form offers the six date
orders the command line accepts.
"""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from reciprocity.coach import chats as chat_words
from reciprocity.evidence.dateorder import ORDERS
from tests.cli.test_import_group import PHONE, STRANGER, TALLY
from tests.web.conftest import api_token, token
from tests.web.test_chat_import import finished, upload

FLAG = re.compile(r"(?<![\w-])--[a-z]")
"""A command-line flag, which no web page cites."""


def group_bytes() -> bytes:
    lines = [
        "01/06/2026, 09:00 - Alex: anyone up for the wall tonight?",
        "01/06/2026, 09:10 - Sam: yes!",
        "02/06/2026, 10:00 - Alex: shoes left at the gym, whose are they?",
        "03/06/2026, 18:00 - Rosa: how are you all doing?",
        "03/06/2026, 18:20 - Alex: good, tired",
        "04/06/2026, 12:00 - Sam: lunch?",
        "04/06/2026, 12:05 - Rosa: sure",
        f"05/06/2026, 08:00 - {STRANGER}: selling climbing shoes, size 42",
        f"14/06/2026, 08:30 - {PHONE}: who added me?",
    ]
    return ("\n".join(lines) + "\n").encode()


def words(page: str) -> str:
    """What a person reads in the page's main part: text only, entities undone."""
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main.split(">", 1)[1])).split())


def names_in_list(client: TestClient) -> list[str]:
    return [p["name"] for p in client.get("/api/people").json()]


def checklist(client: TestClient) -> tuple[str, str]:
    """Upload the group as Alex; the checklist page's address and text."""
    sent = upload(client, group_bytes(), name="WhatsApp Chat with Climbing.txt", me="Alex")
    assert sent.status_code == 303
    page = finished(client, sent.headers["location"])
    assert page.status_code == 200
    return page.url.path, page.text


def test_a_group_asks_whom_to_add_with_a_checklist(client: TestClient) -> None:
    where, page = checklist(client)
    assert "<title>Who would you like to add? · reciprocity</title>" in page
    assert f"some of its people are not in your list: Sam, Rosa, {STRANGER}, {PHONE}." in words(
        page
    )
    for name in ["Sam", "Rosa", STRANGER, PHONE]:
        assert f'<input type="checkbox" name="add" value="{html.escape(name)}">' in page
    assert "<legend>Add to your list</legend>" in page
    assert not FLAG.search(words(page)), "no command-line flag on a web page"
    assert names_in_list(client) == [], "nothing is added before the choice"

    chosen = client.post(
        where + "/again",
        data={
            "csrf_token": token(client, "/import"),
            "people_asked": "yes",
            "me": "Alex",
            "add": ["Sam", "Rosa"],
        },
        follow_redirects=False,
    )
    assert chosen.status_code == 303
    done = finished(client, chosen.headers["location"])
    said = words(done.text)
    assert "Added to your list: Sam, Rosa." in said
    assert f"Not added to your list: {STRANGER}, {PHONE}." in said
    assert "With Sam" in said and "With Rosa" in said and f"With {STRANGER}" not in said
    assert names_in_list(client) == ["Rosa", "Sam"]


def test_ticking_no_one_is_answered_on_the_same_checklist(client: TestClient) -> None:
    where, _ = checklist(client)
    refused = client.post(
        where + "/again",
        data={"csrf_token": token(client, "/import"), "people_asked": "yes", "me": "Alex"},
    )
    assert refused.status_code == 400
    problem = refused.text.split('class="problem"', 1)[1].split("</div>", 1)[0]
    assert problem.count("<p>") == 1 and chat_words.IMPORT_CHOOSE_PEOPLE_NONE in problem
    assert '<input type="hidden" name="me" value="Alex">' in refused.text, "the form is kept"
    assert '<input type="checkbox" name="add" value="Sam">' in refused.text
    assert names_in_list(client) == []

    # The same checklist still goes on: with no one added, on purpose.
    none = client.post(
        where + "/again",
        data={
            "csrf_token": token(client, "/import"),
            "people_asked": "yes",
            "me": "Alex",
            "add_none": "yes",
        },
        follow_redirects=False,
    )
    assert none.status_code == 303
    said = words(finished(client, none.headers["location"]).text)
    assert f"Not added to your list: Sam, Rosa, {STRANGER}, {PHONE}." in said
    assert "With " not in said
    assert names_in_list(client) == []


def test_people_already_in_the_list_are_read_without_asking(client: TestClient) -> None:
    client.post("/people", data={"csrf_token": token(client), "name": "Sam"})
    where, page = checklist(client)
    assert '<input type="checkbox" name="add" value="Sam">' not in page
    assert "Already in your list, and read with this chat: Sam." in words(page)
    chosen = client.post(
        where + "/again",
        data={
            "csrf_token": token(client, "/import"),
            "people_asked": "yes",
            "me": "Alex",
            "add": "Rosa",
        },
        follow_redirects=False,
    )
    said = words(finished(client, chosen.headers["location"]).text)
    assert "Added to your list: Rosa." in said and "With Sam" in said
    assert names_in_list(client) == ["Rosa", "Sam"]


def test_the_summary_says_a_leaning_never_a_tally(client: TestClient) -> None:
    """Alex starts all forty conversations: said as a leaning with how sure, never "40 by you"."""
    lines = []
    for day in range(1, 29):
        lines.append(f"{day:02d}/06/2026, 09:00 - Alex: morning! how did it go yesterday?")
        lines.append(f"{day:02d}/06/2026, 09:05 - Sam: good, thanks")
    sent = upload(client, ("\n".join(lines) + "\n").encode(), me="Alex")
    page = finished(client, sent.headers["location"]).text
    summary = words(page).split("Lines not understood")[0]
    assert "you have been carrying more" in summary and "read from 28 signs in this chat" in summary
    assert not TALLY.search(summary), summary


def test_the_who_is_who_page_cites_no_flag(client: TestClient) -> None:
    sent = upload(client, group_bytes(), name="climbing.txt")
    page = finished(client, sent.headers["location"]).text
    assert "Which of these is you?" in page and "remembered next time" in page
    assert not FLAG.search(words(page)), words(page)


def test_the_import_form_offers_the_six_date_orders(client: TestClient) -> None:
    page = client.get("/import").text
    offered = re.findall(r'<option value="([A-Z]{3})"', page)
    assert offered == list(ORDERS)
    assert list(chat_words.IMPORT_ORDER_CHOICES) == list(ORDERS)
    # 2026/05/06 is 6 May read year, month, day and 5 June read year, day, month.
    pair = b"2026/05/06, 09:00 - Alex: hi\n2026/05/06, 09:10 - Sam: hello\n"
    for order, day in (("YDM", "5 Jun 2026"), ("YMD", "6 May 2026"), ("ydm", "5 Jun 2026")):
        sent = upload(client, pair, name=f"{order}.txt", me="Alex", date_order=order)
        assert sent.status_code == 303, words(sent.text)
        said = words(finished(client, sent.headers["location"]).text)
        assert f"from {day}, 09:00" in said, said


def test_the_api_asks_which_of_a_group_to_add(client: TestClient) -> None:
    def post(**fields: str | list[str]) -> tuple[int, dict[str, object]]:
        answer = client.post(
            "/api/imports",
            data={"me": "Alex", **fields},
            files={"file": ("climbing.txt", group_bytes(), "text/plain")},
            headers=api_token(client),
        )
        return answer.status_code, answer.json()

    status, asked = post()
    assert status == 409 and asked["asks"] == "people"
    assert asked["names"] == ["Sam", "Rosa", STRANGER, PHONE] and asked["known"] == []
    assert not FLAG.search(str(asked["error"]))
    status, both = post(add="Sam", add_none="true")
    assert status == 400 and "not both" in str(both["error"])
    status, done = post(add=["Sam"])
    assert status == 200 and done["added"] == ["Sam"]
    assert done["not_added"] == ["Rosa", STRANGER, PHONE]
    assert names_in_list(client) == ["Sam"]
