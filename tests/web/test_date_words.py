"""What the pages show a person says dates as '14 Mar 2026'; the API's JSON keeps ISO dates.

A date may stay ISO where a machine reads it (``<time datetime>``, a form's value)
and in the hints that show what may be typed ("For example 2026-03-14, …").
"""

from __future__ import annotations

import html
import importlib
import re
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient

from reciprocity.coach import practices as practice_words

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
COACH = Path(__file__).resolve().parents[2] / "src" / "reciprocity" / "coach"


def _typing_hints() -> list[str]:
    """The coach's own sentences that show an ISO date as something one may type."""
    found = []
    for module in COACH.glob("*.py"):
        loaded = importlib.import_module(f"reciprocity.coach.{module.stem}")
        found += [v for v in vars(loaded).values() if isinstance(v, str) and ISO.search(v)]
    return found


def _shown(page: str) -> str:
    """The text a person reads: no tags (so no attributes), no scripts, entities read."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_no_page_shows_an_iso_date(demo_client: TestClient) -> None:
    people = demo_client.get("/api/people").json()
    audits = demo_client.get("/api/audits").json()
    pages = [
        "/", "/due?days=366", "/rituals", "/rhythms", "/seasons", "/wins", "/boundaries",
        "/checkin", "/audits", "/moments", "/moments?since=2020-01-01", "/data", "/settings",
        *(f"/people/{p['id']}" for p in people),
        *(f"/checkin/{p['id']}" for p in people),
        *(f"/audits/{a['id']}" for a in audits),
    ]  # fmt: skip
    hints = _typing_hints()
    assert hints, "the date fields' hints show what may be typed"
    found = {}
    for address in pages:
        answer = demo_client.get(address)
        assert answer.status_code == 200, address
        text = _shown(answer.text)
        for hint in hints:
            text = text.replace(hint, "")
        if ISO.search(text):
            found[address] = [text[max(0, m.start() - 50) : m.end()] for m in ISO.finditer(text)]
    assert found == {}


def test_a_ritual_card_says_its_days_in_words_and_keeps_iso_for_machines(
    demo_client: TestClient,
) -> None:
    page = demo_client.get("/rituals").text
    rituals = demo_client.get("/api/rituals").json()
    [call] = [r for r in rituals if r["title"] == "Sunday call with Mum"]
    day = date.fromisoformat(call["waiting"] or call["upcoming"])
    words = f"{day.day} {day:%b} {day.year}"
    assert practice_words.RITUAL_DONE_SUBMIT.format(day=words) in page
    assert f'name="for" value="{day.isoformat()}"' in page, "the form still sends the day as ISO"
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} [A-Z][a-z]{2} \d{4}</time>', page)
    assert date.fromisoformat(call["kept"]["since"]) and "since 2026-" not in page
