"""A person's page, adding someone, and noting a moment."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from reciprocity.errors import ReciprocityError
from reciprocity.model import Moment, Person, Season
from reciprocity.model.person import all_people
from reciprocity.report.charts import energy_chart, leaning_chart
from reciprocity.services import patterns as overview
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
MOMENT_LIMIT = 200
"""The newest moments shown on a person's page."""


@router.get("/people/new", response_class=HTMLResponse)
def new_person_form(request: Request) -> HTMLResponse:
    return pages(request).render(request, "person_new.html", title="", values={}, error=None)


@router.post("/people", response_class=HTMLResponse)
def add_person(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values: dict[str, Any] = {
        "name": forms.text(form, "name"),
        "kind": forms.text(form, "kind"),
        "birthday": forms.text(form, "birthday"),
        "my_care": forms.texts(form, "my_care"),
        "their_care": forms.texts(form, "their_care"),
        "note": forms.text(form, "note"),
    }
    try:
        with database(request).transaction() as session:
            person = actions.new_person(session, today=today_of(request), **values)
            person_id = person.id
    except ReciprocityError as error:
        return pages(request).render(
            request, "person_new.html", status=400, title="", values=values, error=str(error)
        )
    return RedirectResponse(f"/people/{person_id}?notice=added", status_code=303)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: int) -> HTMLResponse:
    today = today_of(request)
    notice = request.query_params.get("notice", "")
    with database(request).transaction() as session:
        person = actions.person_by_id(session, person_id)
        return pages(request).render(
            request, "person.html", notice=notice, **person_context(session, person, today)
        )


def person_context(session: Session, person: Person, today: Any) -> dict[str, Any]:
    pattern = overview.pattern_of(session, person, today=today)
    mine = list(session.scalars(select(Season).where(Season.person_id.is_(None))))
    seasons = [*person.seasons, *mine]
    # The latest moments and how many there are, not every moment as an object.
    moments = list(
        session.scalars(
            select(Moment)
            .where(Moment.person_id == person.id)
            .order_by(Moment.on.desc(), Moment.id.desc())
            .limit(MOMENT_LIMIT)
        )
    )
    total = session.scalar(select(func.count(Moment.id)).where(Moment.person_id == person.id))
    entries = sorted(person.audit_entries, key=lambda e: (e.audit.on, e.audit.id), reverse=True)
    return {
        "title": person.name,
        "person": person,
        "pattern": pattern,
        "charts": {
            d: leaning_chart(reading, seasons, name=person.name)
            for d, reading in pattern.dimensions.items()
        },
        "energy_chart": energy_chart(pattern.energy, seasons, name=person.name),
        "moments": moments,
        "more_moments": max(0, (total or 0) - len(moments)),
        "seasons": sorted(seasons, key=lambda s: s.start, reverse=True),
        "entries": entries,
        "today": today,
    }


@router.get("/moments/new", response_class=HTMLResponse)
def new_moment_form(request: Request) -> HTMLResponse:
    chosen = request.query_params.get("person", "")
    with database(request).transaction() as session:
        people = [(p.id, p.name) for p in all_people(session)]
    return pages(request).render(
        request,
        "moment_new.html",
        title="",
        people=people,
        values={"person": chosen, "by": "me", "on": ""},
        error=None,
    )


@router.post("/moments", response_class=HTMLResponse)
def log_moment(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values: dict[str, Any] = {
        "person": forms.text(form, "person"),
        "text": forms.text(form, "text"),
        "by": forms.text(form, "by"),
        "dimensions": forms.texts(form, "dimensions"),
        "style": forms.text(form, "style"),
        "energy": forms.text(form, "energy"),
        "on": forms.text(form, "on"),
    }
    try:
        with database(request).transaction() as session:
            person = actions.person_by_id(session, _id(values["person"]))
            actions.log_moment(
                session,
                person,
                today=today_of(request),
                **{k: v for k, v in values.items() if k != "person"},
            )
            person_id = person.id
    except ReciprocityError as error:
        with database(request).transaction() as session:
            people = [(p.id, p.name) for p in all_people(session)]
        return pages(request).render(
            request,
            "moment_new.html",
            status=400,
            title="",
            people=people,
            values=values,
            error=str(error),
        )
    return RedirectResponse(f"/people/{person_id}?notice=logged#moments", status_code=303)


def _id(value: str) -> int:
    from reciprocity.coach import web as words
    from reciprocity.errors import InputError

    if not value.strip().isdigit():
        raise InputError(words.NEED_PERSON)
    return int(value)
