"""A person's page, adding someone, and noting a moment."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import people as people_words
from reciprocity.errors import ReciprocityError
from reciprocity.report.charts import energy_chart, leaning_chart
from reciprocity.services import moments, people
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    CareStyle,
    Dimension,
    Giver,
    RelationshipKind,
)
from reciprocity.web import forms
from reciprocity.web.forms import Id
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
        person = people.add(
            database(request),
            values["name"],
            kind=forms.choice(values["kind"] or "friend", RelationshipKind, "kind of relationship"),
            birthday=forms.day(values["birthday"], today=today_of(request), default_today=False),
            my_care=forms.choices(values["my_care"], CareStyle, "way of caring"),
            their_care=forms.choices(values["their_care"], CareStyle, "way of caring"),
            note=values["note"],
        )
    except ReciprocityError as error:
        return pages(request).render(
            request, "person_new.html", status=400, title="", values=values, error=str(error)
        )
    return RedirectResponse(f"/people/{person.id}?notice=added", status_code=303)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: Id) -> HTMLResponse:
    found = people.page(database(request), person_id, today=today_of(request), moments=MOMENT_LIMIT)
    name = found.person.name
    return pages(request).render(
        request,
        "person.html",
        notice=request.query_params.get("notice", ""),
        title=name,
        person=found.person,
        pattern=found.pattern,
        charts={
            d: leaning_chart(reading, found.seasons, name=name)
            for d, reading in found.pattern.dimensions.items()
        },
        energy_chart=energy_chart(found.pattern.energy, found.seasons, name=name),
        moments=found.moments,
        more_moments=found.more_moments,
        seasons=found.seasons,
        entries=found.entries,
        today=today_of(request),
    )


@router.get("/moments/new", response_class=HTMLResponse)
def new_moment_form(request: Request) -> HTMLResponse:
    return _moment_form(request, values={"person": request.query_params.get("person", ""), "by": "me", "on": ""})


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
        noted = moments.note(
            database(request),
            forms.chosen_id(values["person"], people_words.NEED_PERSON),
            values["text"],
            on=forms.day(values["on"], today=today_of(request)) or today_of(request),
            by=forms.choice(values["by"] or "me", Giver, "side (me, them or both)"),
            dimensions=forms.choices(values["dimensions"], Dimension, "dimension"),
            style=forms.optional_choice(values["style"], CareStyle, "way of caring"),
            energy=forms.optional_int(
                values["energy"], low=ENERGY_MIN, high=ENERGY_MAX, message=people_words.ENERGY_RANGE
            ),
        )
    except ReciprocityError as error:
        return _moment_form(request, values=values, error=str(error), status=400)
    # The person's page leads with the note pointing to help whenever their words call for it.
    return RedirectResponse(f"/people/{noted.moment.person_id}?notice=logged#moments", status_code=303)


def _moment_form(
    request: Request, *, values: dict[str, Any], error: str | None = None, status: int = 200
) -> HTMLResponse:
    everyone = [(p.id, p.name) for p in people.everyone(database(request))]
    return pages(request).render(
        request,
        "moment_new.html",
        status=status,
        title="",
        people=everyone,
        values=values,
        error=error,
    )
