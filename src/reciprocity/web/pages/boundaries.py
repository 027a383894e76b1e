"""Boundaries: specific requests, with a gentle check on their wording, reviewed over time.

Adding one offers a request-shaped rewrite when the wording check finds
something, as the audit's vision step does; the person keeps their own words
or takes the rewrite. Changes go through ``web.actions`` (as the JSON API's do)
to ``add_boundary`` and ``review_boundary``, as ``reciprocity boundary`` does.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from reciprocity.coach import phrasing
from reciprocity.coach import practices as practice_words
from reciprocity.coach import web as words
from reciprocity.errors import ReciprocityError
from reciprocity.model import Boundary
from reciprocity.model.boundary import all_boundaries, is_vague
from reciprocity.model.person import all_people
from reciprocity.services.due import due
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
FIELDS = ("whose", "area", "request", "since", "review", "note")


@router.get("/boundaries", response_class=HTMLResponse)
def boundaries_page(request: Request) -> HTMLResponse:
    return _render(request, values={"whose": "me"})


@router.post("/boundaries", response_class=HTMLResponse)
def add(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    today = today_of(request)
    values = {key: forms.text(form, key) for key in FIELDS}
    action = forms.text(form, "action")
    offer = phrasing.offer(values["request"])
    if offer is not None and action not in ("keep", "use"):
        return _render(request, values=values, offer=offer)
    if offer is not None and action == "use":
        values["request"] = offer.rewrite
    try:
        with database(request).transaction() as session:
            boundary_id = actions.new_boundary(
                session,
                whose=values["whose"],
                area=values["area"],
                request=values["request"],
                since=values["since"],
                review=values["review"],
                note=values["note"],
                today=today,
            ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/boundaries?notice=added&boundary={boundary_id}#boundary-{boundary_id}", status_code=303
    )


@router.post("/boundaries/{boundary_id}/review", response_class=HTMLResponse)
def review(
    request: Request, boundary_id: int, form: FormData = Depends(forms.read_form)
) -> Response:
    try:
        with database(request).transaction() as session:
            actions.review_boundary(
                session,
                boundary_id,
                status=forms.text(form, "status"),
                request=forms.text(form, "request"),
                next_review=forms.text(form, "next"),
                note=forms.text(form, "note"),
                today=today_of(request),
            )
    except ReciprocityError as error:
        return _render(request, values={"whose": "me"}, error=str(error), status=400)
    return RedirectResponse(
        f"/boundaries?notice=reviewed&boundary={boundary_id}#boundary-{boundary_id}",
        status_code=303,
    )


def _notices(session: Session, request: Request) -> list[str]:
    """What to say after a change, from what is now stored."""
    kind = request.query_params.get("notice", "")
    raw_id = request.query_params.get("boundary", "")
    boundary = session.get(Boundary, int(raw_id)) if raw_id.isdigit() else None
    if boundary is None or kind not in words.BOUNDARY_NOTICES:
        return []
    review_on = boundary.review_on.isoformat() if boundary.review_on else "-"
    said = [words.BOUNDARY_NOTICES[kind].format(day=review_on)]
    offer = phrasing.offer(boundary.request)
    if offer is not None and kind == "reviewed":
        said.append(words.PHRASING_THOUGHT.format(why=offer.why, rewrite=offer.rewrite))
    elif offer is None and is_vague(boundary.request):
        said.append(practice_words.BOUNDARY_SPECIFIC)
    return said


def _render(
    request: Request,
    *,
    values: dict[str, Any],
    offer: phrasing.Offer | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = today_of(request)
    everything = request.query_params.get("all") == "1"
    with database(request).transaction() as session:
        boundaries = all_boundaries(session, retired=everything)
        to_review = {i.details.get("boundary") for i in due(session, today) if i.kind == "boundary"}
        rows = [_row(b, b.id in to_review) for b in boundaries]
        return pages(request).render(
            request,
            "boundaries.html",
            status=status,
            title=words.BOUNDARIES_TITLE,
            rows=rows,
            everything=everything,
            people=[p.name for p in all_people(session)],
            values=values,
            offer=offer,
            notices=_notices(session, request),
            error=error,
        )


def _row(boundary: Boundary, to_review: bool) -> dict[str, Any]:
    return {
        "id": boundary.id,
        "whose": boundary.whose,
        "area": boundary.area.value,
        "status": boundary.status.value,
        "request": boundary.request,
        "since": boundary.since,
        "review_on": boundary.review_on,
        "due": to_review,
        "note": boundary.note,
    }
