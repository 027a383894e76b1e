"""Boundaries: specific requests, with a gentle check on their wording, reviewed over time.

Adding one offers a request-shaped rewrite when the wording check finds
something, as the audit's vision step does; the person keeps their own words
or takes the rewrite. Changes go through ``services.boundaries``, as the JSON
API's and ``reciprocity boundary`` do.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import phrasing, terms
from reciprocity.coach import practices as practice_words
from reciprocity.errors import ReciprocityError
from reciprocity.services import Database, boundaries, people
from reciprocity.services import due as attention
from reciprocity.vocabulary import ME, BoundaryArea, BoundaryStatus
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

if TYPE_CHECKING:
    from reciprocity.model import Boundary

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
    changed = (
        action == "use" and "offered" in form and values["request"] != forms.text(form, "offered")
    )
    if offer is not None and (action not in ("keep", "use") or changed):
        return _render(request, values=values, offer=offer)  # new words, or changed since the offer
    if offer is not None and action == "use" and offer.rewrite is not None:
        values["request"] = offer.rewrite
    try:
        boundary_id = boundaries.add(
            database(request),
            values["whose"] or ME,
            forms.choice(values["area"], BoundaryArea, "area"),
            values["request"],
            since=forms.day(values["since"], today=today) or today,
            review_on=later_day(values["review"], today),
            note=values["note"],
        ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/boundaries?notice=added&boundary={boundary_id}#boundary-{boundary_id}", status_code=303
    )


@router.post("/boundaries/{boundary_id}/review", response_class=HTMLResponse)
def review(
    request: Request, boundary_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    today = today_of(request)
    try:
        boundaries.review(
            database(request),
            boundary_id,
            forms.choice(forms.text(form, "status"), BoundaryStatus, "status"),
            today=today,
            request=forms.text(form, "request").strip() or None,
            next_review=later_day(forms.text(form, "next"), today),
            note=forms.text(form, "note") or None,
        )
    except ReciprocityError as error:
        return _render(request, values={"whose": "me"}, error=str(error), status=400)
    return RedirectResponse(
        f"/boundaries?notice=reviewed&boundary={boundary_id}#boundary-{boundary_id}",
        status_code=303,
    )


@router.get("/boundaries/{boundary_id}/edit", response_class=HTMLResponse)
def edit_boundary_form(request: Request, boundary_id: Id) -> HTMLResponse:
    found = boundaries.get(database(request), boundary_id)
    values = {
        "area": found.area.value,
        "request": found.request,
        "since": found.since.isoformat(),
        "review": "" if found.review_on is None else found.review_on.isoformat(),
        "note": found.note,
    }
    return _boundary_edit(request, boundary_id, values)


@router.post("/boundaries/{boundary_id}/edit", response_class=HTMLResponse)
def edit_boundary(
    request: Request, boundary_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    boundaries.get(store, boundary_id)
    values = {key: forms.text(form, key) for key in ("area", "request", "since", "review", "note")}
    try:
        today = today_of(request)
        changes = boundaries.BoundaryChanges(
            area=forms.choice(values["area"], BoundaryArea, "area"),
            request=values["request"],
            since=forms.day(values["since"], today=today) or today,
            review_on=later_day(values["review"], today),
            note=values["note"],
        )
        boundaries.edit(store, boundary_id, changes)
    except ReciprocityError as error:
        return _boundary_edit(request, boundary_id, values, error=str(error), status=400)
    return RedirectResponse(
        f"/boundaries?notice=changed&boundary={boundary_id}#boundary-{boundary_id}",
        status_code=303,
    )


@router.post("/boundaries/{boundary_id}/remove", response_class=HTMLResponse)
def remove_boundary(
    request: Request, boundary_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    found = boundaries.get(store, boundary_id)
    if not confirmed(form):
        return confirm_page(
            request,
            question=practice_words.BOUNDARY_REMOVE_ASK,
            goes=[found.request],
            action=f"/boundaries/{boundary_id}/remove",
            back=f"/boundaries#boundary-{boundary_id}",
            button=practice_words.BOUNDARY_REMOVE_BUTTON,
            said=[practice_words.BOUNDARY_RETIRE_INSTEAD],
        )
    _, copy = boundaries.remove(store, boundary_id)
    return after_removal("/boundaries", copy)


def _boundary_edit(
    request: Request,
    boundary_id: int,
    values: dict[str, str],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=practice_words.BOUNDARY_EDIT_TITLE,
        fields=[
            Field(
                "area",
                practice_words.FIELD_BOUNDARY_AREA,
                values["area"],
                "choice",
                [(a.value, practice_words.BOUNDARY_AREA_WORDS[a]) for a in BoundaryArea],
            ),
            Field(
                "request",
                practice_words.FIELD_BOUNDARY_REQUEST,
                values["request"],
                "long",
                hint=practice_words.FIELD_BOUNDARY_REQUEST_HINT,
                required=True,
            ),
            Field(
                "since", practice_words.FIELD_BOUNDARY_SINCE, values["since"], "date", required=True
            ),
            Field(
                "review",
                practice_words.FIELD_BOUNDARY_REVIEW,
                values["review"],
                "date",
                hint=practice_words.BOUNDARY_REVIEW_EDIT_HINT,
            ),
            Field("note", practice_words.FIELD_BOUNDARY_REVIEW_NOTE, values["note"], "long"),
        ],
        action=f"/boundaries/{boundary_id}/edit",
        back=f"/boundaries#boundary-{boundary_id}",
        error=error,
        status=status,
    )


def later_day(value: str, today: date) -> date | None:
    """A day that may lie ahead (a review); blank is None."""
    return forms.day(value, today=today, default_today=False, allow_future=True)


def _notices(store: Database, request: Request) -> list[str]:
    """What to say after a change, from what is now stored."""
    kind = request.query_params.get("notice", "")
    raw_id = request.query_params.get("boundary", "")
    boundary = forms.found(lambda: boundaries.get(store, int(raw_id))) if raw_id.isdigit() else None
    if boundary is None or kind not in practice_words.BOUNDARY_NOTICES:
        return []
    review_on = terms.day_words(boundary.review_on) if boundary.review_on else "-"
    said = [practice_words.BOUNDARY_NOTICES[kind].format(day=review_on)]
    checked = boundaries.wording(boundary.request)
    if checked.offer is not None and kind in ("reviewed", "changed"):
        said.append(checked.offer.note())
    elif checked.offer is None and checked.vague:
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
    store = database(request)
    due = attention.upcoming(store, today=today).items
    to_review = {i.details.get("boundary") for i in due if i.kind == "boundary"}
    rows = [_row(b, b.id in to_review) for b in boundaries.everyone(store, retired=everything)]
    return pages(request).render(
        request,
        "boundaries.html",
        status=status,
        title=practice_words.BOUNDARIES_TITLE,
        rows=rows,
        everything=everything,
        people=[p.name for p in people.everyone(store)],
        values=values,
        offer=offer,
        notices=_notices(store, request),
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
