"""Seasons: stretches when one side legitimately needs more."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.errors import ReciprocityError
from reciprocity.model.person import all_people
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/seasons", response_class=HTMLResponse)
def seasons_page(request: Request) -> HTMLResponse:
    return _render(request, values={"whose": request.query_params.get("whose", "me")})


@router.post("/seasons", response_class=HTMLResponse)
def start_season(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values = {
        "whose": forms.text(form, "whose"),
        "kind": forms.text(form, "kind"),
        "on": forms.text(form, "on"),
        "note": forms.text(form, "note"),
    }
    try:
        with database(request).transaction() as session:
            actions.start_season(session, today=today_of(request), **values)
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse("/seasons", status_code=303)


@router.post("/seasons/{season_id}/end", response_class=HTMLResponse)
def end_season(
    request: Request, season_id: int, form: FormData = Depends(forms.read_form)
) -> Response:
    try:
        with database(request).transaction() as session:
            actions.end_season(session, season_id, on=forms.text(form, "on"), today=today_of(request))
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return RedirectResponse("/seasons", status_code=303)


def _render(
    request: Request, *, values: dict[str, Any], error: str | None = None, status: int = 200
) -> HTMLResponse:
    with database(request).transaction() as session:
        return pages(request).render(
            request,
            "seasons.html",
            status=status,
            title="",
            seasons=actions.all_seasons(session),
            people=[p.name for p in all_people(session)],
            values=values,
            error=error,
        )
