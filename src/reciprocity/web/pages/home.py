"""The dashboard: everyone at a glance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from reciprocity.model.person import all_people
from reciprocity.services import patterns as overview
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    with database(request).transaction() as session:
        cache: overview.PatternCache = request.app.state.patterns
        patterns = cache.all_patterns(session, today=today_of(request))
        ids = {p.name: p.id for p in all_people(session)}
        rows = [(ids[p.person], p) for p in patterns]
    return pages(request).render(request, "dashboard.html", title="", rows=rows)
