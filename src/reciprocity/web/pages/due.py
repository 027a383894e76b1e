"""What needs attention: this week's at the top of the dashboard, the whole list at ``/due``.

The items and their sentences are ``reciprocity due``'s (``services.due`` lists
them, ``coach.practices.due_text`` words them), so the browser says exactly
what the terminal says. The pages add one thing: where each item can be acted
on (the check-in with that person, the ritual, the boundary, a person's page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from reciprocity.coach import people as people_words
from reciprocity.coach import practices as words
from reciprocity.errors import ReciprocityError
from reciprocity.services import due as attention
from reciprocity.services import people
from reciprocity.services.due import DEFAULT_DAYS, Due, DueItem
from reciprocity.web import forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
PAGE_DAYS = 30
"""How far ``/due`` looks ahead unless asked: a month, beyond the dashboard's week."""
MAX_DAYS = 366


@dataclass(frozen=True)
class Attention:
    """One item as a page shows it: ``due``'s sentence, and a link to where to act on it."""

    text: str
    href: str
    action: str
    state: str
    day: date


def this_week(request: Request, ids: Mapping[str, int]) -> list[Attention]:
    """What the dashboard starts with: ``reciprocity due`` as it is, the coming week."""
    found = attention.upcoming(database(request), today=today_of(request), days=DEFAULT_DAYS)
    return shown(found.items, ids)


def shown(items: list[DueItem], ids: Mapping[str, int]) -> list[Attention]:
    return [
        Attention(f"{words.due_text(i)}.", *where_to_act(i, ids), i.state, i.day) for i in items
    ]


def where_to_act(item: DueItem, ids: Mapping[str, int]) -> tuple[str, str]:
    """The page where ``item`` can be acted on, and the words of the link to it."""
    name = item.people[0] if item.people else ""
    person = ids.get(name)
    d = item.details
    if item.kind in ("checkin", "follow-up") and person is not None:
        template = words.DUE_ACT_CHECKIN if item.kind == "checkin" else words.DUE_ACT_FOLLOW_UP
        return f"/checkin/{person}", template.format(name=name)
    if item.kind == "ritual":
        return f"/rituals#ritual-{d['ritual']}", words.DUE_ACT_RITUAL.format(title=d["title"])
    if item.kind == "boundary":
        return f"/boundaries#boundary-{d['boundary']}", words.DUE_ACT_BOUNDARY.format(
            id=d["boundary"]
        )
    if item.kind == "date":
        return f"/rhythms#date-{d['date']}", words.DUE_ACT_DATES
    if item.kind == "roles":
        season = d["season"]
        return f"/seasons#season-{season}", words.DUE_ACT_ROLES.format(season=season)
    if item.kind == "rhythm" and person is not None:
        return f"/moments/new?person={person}", people_words.PERSON_LOG.format(name=name)
    if person is not None:  # a birthday, or anything else about one person
        return f"/people/{person}", words.DUE_ACT_PERSON.format(name=name)
    return "/checkin", words.NAV_CHECKIN


def grouped(found: Due, ids: Mapping[str, int]) -> list[tuple[str, list[Attention]]]:
    """The whole list in groups: still open from earlier days, today, the coming week, later."""
    week = found.today + timedelta(days=DEFAULT_DAYS)
    groups: dict[str, list[Attention]] = {
        words.DUE_GROUP_EARLIER: [],
        words.DUE_GROUP_TODAY: [],
        words.DUE_GROUP_WEEK: [],
        words.DUE_GROUP_LATER: [],
    }
    for item in shown(found.items, ids):
        if item.day < found.today:
            groups[words.DUE_GROUP_EARLIER].append(item)
        elif item.day == found.today:
            groups[words.DUE_GROUP_TODAY].append(item)
        elif item.day <= week:
            groups[words.DUE_GROUP_WEEK].append(item)
        else:
            groups[words.DUE_GROUP_LATER].append(item)
    return [(title, items) for title, items in groups.items() if items]


@router.get("/due", response_class=HTMLResponse)
def due_page(request: Request) -> HTMLResponse:
    """Everything that needs attention up to a month ahead (or as far as asked), grouped."""
    asked = request.query_params.get("days", "")
    error = None
    try:
        days = forms.optional_int(asked, low=0, high=MAX_DAYS, message=words.DUE_DAYS_RANGE)
    except ReciprocityError as problem:
        error, days = str(problem), None
    days = PAGE_DAYS if days is None else days
    found = attention.upcoming(database(request), today=today_of(request), days=days)
    return pages(request).render(
        request,
        "due.html",
        status=400 if error else 200,
        title=words.DUE_PAGE_TITLE,
        error=error,
        days=days,
        until=found.until,
        groups=grouped(found, _ids(request)),
    )


def _ids(request: Request) -> dict[str, int]:
    return {p.name: p.id for p in people.everyone(database(request))}
