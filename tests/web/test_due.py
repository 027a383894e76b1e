"""What needs attention in the browser: the dashboard's week and the whole list at ``/due``.

The words are compared with what ``reciprocity due`` prints, run through its real
entry point on the same SQLite file with the same "today", so the two faces can
never say different things; every link leads to a page that answers and to the
very item there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from reciprocity.coach import practices as words
from reciprocity.coach.terms import day_words
from reciprocity.web import WebSettings, create_app
from tests.cli_runner import Cli
from tests.web.conftest import BASE, token

TODAY = date.today()
"""The command line's today: the demo and the web app are set to it too."""
SENTENCE = re.compile(r'<span class="due-text">(.*?)</span>', re.S)
PRINTED = re.compile(r"^  \d{1,2} [A-Z][a-z]{2} \d{4}  (.*)$")


@pytest.fixture
def web(demo_cli: Cli) -> Iterator[TestClient]:
    settings = WebSettings(database_url=demo_cli.url, today=lambda: TODAY)
    with TestClient(create_app(settings), base_url=BASE) as client:
        yield client


def printed(cli: Cli, *arguments: str) -> list[str]:
    """The sentences ``reciprocity due`` prints, one an item, without the day before each."""
    done = cli("due", *arguments)
    assert done.code == 0, done.err
    return [m.group(1) for line in done.out.splitlines() if (m := PRINTED.match(line))]


def shown(page: str) -> list[str]:
    return [html.unescape(s) for s in SENTENCE.findall(page)]


def test_the_dashboard_starts_with_the_week_due_prints_in_its_words(
    demo_cli: Cli, web: TestClient
) -> None:
    page = web.get("/").text
    expected = printed(demo_cli)
    assert expected, "the demo has something to attend to this week"
    assert shown(page) == expected
    assert page.index('id="attention-heading"') < page.index('class="cards"'), "it comes first"
    assert any(s.startswith("A check-in with Jordan was planned for") for s in expected)
    jordan = {p["name"]: p["id"] for p in web.get("/api/people").json()}["Jordan"]
    assert f'href="/checkin/{jordan}">Prepare the check-in with Jordan</a>' in page
    assert 'href="/due"' in page


def test_the_whole_list_is_due_s_list_grouped(demo_cli: Cli, web: TestClient) -> None:
    month = web.get("/due")
    assert month.status_code == 200
    assert shown(month.text) == printed(demo_cli, "--days", "30")
    assert words.DUE_TITLE.format(until=day_words(date.fromordinal(TODAY.toordinal() + 30))) in (
        html.unescape(month.text)
    )
    for days in ("0", "7", "90", "366"):
        assert shown(web.get("/due", params={"days": days}).text) == printed(
            demo_cli, "--days", days
        ), days
    assert (
        web.get("/api/due", params={"days": 30}).json()
        == demo_cli("due", "--days", "30", "--json").json()
    )


def test_the_overdue_check_in_is_under_still_open(web: TestClient) -> None:
    page = web.get("/due").text
    groups = re.findall(r"<h2 id=\"due-group-\d\">(.*?)</h2>(.*?)</section>", page, re.S)
    titles = [html.unescape(title) for title, _ in groups]
    assert titles[0] == words.DUE_GROUP_EARLIER
    assert set(titles) <= {
        words.DUE_GROUP_EARLIER,
        words.DUE_GROUP_TODAY,
        words.DUE_GROUP_WEEK,
        words.DUE_GROUP_LATER,
    }
    earlier = html.unescape(groups[0][1])
    assert "A check-in with Jordan was planned for" in earlier
    assert "Prepare the check-in with Jordan" in earlier
    waiting = [i for i in web.get("/api/due").json()["items"] if i["state"] == "waiting"]
    assert len(shown(groups[0][1])) == len(waiting)


def test_every_link_leads_to_the_item_where_it_can_be_acted_on(web: TestClient) -> None:
    page = web.get("/due", params={"days": 366}).text
    links = re.findall(r'<a class="due-act" href="([^"]+)">', page)
    assert len(links) == len(shown(page)) > 5
    for link in {html.unescape(link) for link in links}:
        address = urlsplit(link)
        target = web.get(address.path, params=address.query)
        assert target.status_code == 200, link
        if address.fragment:
            assert f'id="{address.fragment}"' in target.text, link


def test_nothing_due_is_said_calmly(client: TestClient) -> None:
    form = {"csrf_token": token(client), "name": "Kim", "kind": "friend"}
    assert client.post("/people", data=form, follow_redirects=False).status_code == 303
    for path in ("/", "/due"):
        page = client.get(path)
        assert page.status_code == 200
        assert words.DUE_NOTHING in page.text, path
        assert shown(page.text) == [], path


def test_a_look_ahead_that_is_not_a_number_is_one_line(web: TestClient) -> None:
    for asked in ("soon", "-1", "400"):
        page = web.get("/due", params={"days": asked})
        assert page.status_code == 400
        assert words.DUE_DAYS_RANGE.format(value=asked) in html.unescape(page.text)
        assert 'role="alert"' in page.text
        assert shown(page.text), "the month is still shown below"


def test_the_navigation_leads_to_the_list_and_to_finding_a_moment(web: TestClient) -> None:
    page = web.get("/due").text
    nav = page[page.index("<nav") : page.index("</nav>")]
    assert '<a href="/due" aria-current="page">Needs attention</a>' in nav
    assert '<a href="/moments">Find a moment</a>' in nav
    primary = nav[: nav.index('<li class="more-item">')]
    assert len(re.findall(r"<a ", primary)) <= 5, "a short row of the everyday links"
    assert len(re.findall(r"<a ", nav)) == 18, "every page is still reachable"
    assert '<summary class="here">' in web.get("/rituals").text, "More shows where you are"
