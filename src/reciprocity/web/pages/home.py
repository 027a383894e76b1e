"""The dashboard: what needs attention this week, then everyone at a glance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from reciprocity.services import patterns, people
from reciprocity.web.pages.due import this_week
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    store = database(request)
    found = patterns.everyone(store, today=today_of(request), cache=request.app.state.patterns)
    ids = {p.name: p.id for p in people.everyone(store)}
    rows = [(ids[p.person], p) for p in found if p.person in ids]
    return pages(request).render(
        request, "dashboard.html", title="", rows=rows, attention=this_week(request, ids)
    )
