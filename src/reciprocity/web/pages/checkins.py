"""Check-ins: prepare with the agenda, then record what was said and agreed.

The agenda and the record are ``services.checkins``, as ``reciprocity checkin``
and the JSON API use them, after the same gentle notes on wording
(``checkins.notes_on``), which never change what was written.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import practices as practice_words
from reciprocity.errors import ReciprocityError
from reciprocity.services import checkins
from reciprocity.vocabulary import CHECKIN_QUESTIONS, CHECKIN_SIDES, AdjustmentOutcome
from reciprocity.web import forms
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
PAST_SHOWN = 6
"""The newest check-ins shown under the form."""


@router.get("/checkin", response_class=HTMLResponse)
def checkins_page(request: Request) -> HTMLResponse:
    rows = [(s.person_id, s.name, s.last, s.planned) for s in checkins.standings(database(request))]
    return pages(request).render(request, "checkins.html", title=practice_words.CHECKINS_TITLE, rows=rows)


@router.get("/checkin/{person_id}", response_class=HTMLResponse)
def checkin_page(request: Request, person_id: Id) -> HTMLResponse:
    today = today_of(request)
    notice = "saved" if request.query_params.get("notice") == "saved" else None
    values = {"on": "", "next": checkins.default_next(today).isoformat()}
    return _render(request, person_id, values=values, notice=notice)


@router.post("/checkin/{person_id}", response_class=HTMLResponse)
def record(request: Request, person_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    today = today_of(request)
    values: dict[str, Any] = {
        f"{side}_{question}": forms.text(form, f"{side}_{question}")
        for side in CHECKIN_SIDES
        for question in CHECKIN_QUESTIONS
    }
    values.update(
        agreed=forms.text(form, "agreed"),
        on=forms.text(form, "on"),
        next=forms.text(form, "next"),
        outcomes={
            key.removeprefix("outcome-"): forms.text(form, key)
            for key in form
            if key.startswith("outcome-")
        },
    )
    agreed = [line.strip() for line in values["agreed"].splitlines() if line.strip()]
    texts = [*(values[f"{s}_{q}"] for s in CHECKIN_SIDES for q in CHECKIN_QUESTIONS), *agreed]
    notes = checkins.notes_on(texts)
    if notes and forms.text(form, "action") != "keep":
        return _render(request, person_id, values=values, notes=notes)
    try:
        held = checkins.Held(
            on=forms.day(values["on"], today=today) or today,
            sides={side: {q: values[f"{side}_{q}"] for q in CHECKIN_QUESTIONS} for side in CHECKIN_SIDES},
            adjustments=agreed,
            outcomes={
                int(key): forms.choice(value, AdjustmentOutcome, "outcome (happened, partly, not-yet)")
                for key, value in values["outcomes"].items()
                if key.isdigit() and value.strip()
            },
            next_on=forms.day(values["next"], today=today, default_today=False, allow_future=True),
        )
        checkins.record(database(request), person_id, held)
    except ReciprocityError as error:
        return _render(request, person_id, values=values, error=str(error), status=400)
    return RedirectResponse(f"/checkin/{person_id}?notice=saved#past", status_code=303)


def _render(
    request: Request,
    person_id: Id,
    *,
    values: dict[str, Any],
    notes: list[str] | None = None,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    prepared = checkins.prepare(database(request), person_id, on=today_of(request))
    person = prepared.person
    past = list(reversed(prepared.past))
    saved = None
    if notice == "saved" and past:
        latest = past[0]
        saved = practice_words.CHECKIN_SAVED.format(
            name=person.name, on=latest.on.isoformat(), count=len(latest.adjustments)
        )
    return pages(request).render(
        request,
        "checkin.html",
        status=status,
        title=practice_words.CHECKIN_TITLE.format(name=person.name),
        person=person,
        plan=prepared.agenda,
        open_adjustments=prepared.waiting,
        past=past[:PAST_SHOWN],
        values=values,
        notes=notes or [],
        notice=saved,
        error=error,
    )
