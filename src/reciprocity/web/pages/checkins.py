"""Check-ins: prepare with the agenda, then record what was said and agreed.

The agenda is ``checkins.agenda``, as ``reciprocity checkin`` prints it; the
record is built by ``checkins.record_checkin`` (through ``web.actions``, as the
JSON API builds it), as the command line builds it, after the same gentle notes
on wording (``checkins.notes_on``), which never change what was written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from reciprocity.coach import practices as practice_words
from reciprocity.coach import web as words
from reciprocity.errors import ReciprocityError
from reciprocity.model import Person
from reciprocity.model.checkin import QUESTIONS, SIDES, all_checkins, checkins_with
from reciprocity.model.person import all_people
from reciprocity.services import checkins
from reciprocity.services.due import planned_checkins
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
PAST_SHOWN = 6
"""The newest check-ins shown under the form."""


@router.get("/checkin", response_class=HTMLResponse)
def checkins_page(request: Request) -> HTMLResponse:
    with database(request).transaction() as session:
        planned = {p.person: p.day for p in planned_checkins(session)}
        last: dict[int, date] = {c.person_id: c.on for c in all_checkins(session)}
        rows = [(p.id, p.name, last.get(p.id), planned.get(p.name)) for p in all_people(session)]
    return pages(request).render(request, "checkins.html", title=words.CHECKINS_TITLE, rows=rows)


@router.get("/checkin/{person_id}", response_class=HTMLResponse)
def checkin_page(request: Request, person_id: int) -> HTMLResponse:
    today = today_of(request)
    notice = None
    if request.query_params.get("notice") == "saved":
        notice = "saved"
    with database(request).transaction() as session:
        person = actions.person_by_id(session, person_id)
        values = {"on": "", "next": checkins.default_next(today).isoformat()}
        return _render(request, session, person, values=values, notice=notice)


@router.post("/checkin/{person_id}", response_class=HTMLResponse)
def record(request: Request, person_id: int, form: FormData = Depends(forms.read_form)) -> Response:
    today = today_of(request)
    values: dict[str, Any] = {
        f"{side}_{question}": forms.text(form, f"{side}_{question}")
        for side in SIDES
        for question in QUESTIONS
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
    texts = [*(values[f"{s}_{q}"] for s in SIDES for q in QUESTIONS), *agreed]
    notes = checkins.notes_on(texts)
    with database(request).transaction() as session:
        person = actions.person_by_id(session, person_id)
        if notes and forms.text(form, "action") != "keep":
            return _render(request, session, person, values=values, notes=notes)
        try:
            actions.record_checkin(
                session,
                person,
                sides={side: {q: values[f"{side}_{q}"] for q in QUESTIONS} for side in SIDES},
                adjustments=agreed,
                outcomes={
                    int(key): value for key, value in values["outcomes"].items() if key.isdigit()
                },
                on=values["on"],
                next_on=values["next"],
                today=today,
            )
        except ReciprocityError as error:
            session.rollback()
            return _render(request, session, person, values=values, error=str(error), status=400)
    return RedirectResponse(f"/checkin/{person_id}?notice=saved#past", status_code=303)


def _render(
    request: Request,
    session: Session,
    person: Person,
    *,
    values: dict[str, Any],
    notes: list[str] | None = None,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = today_of(request)
    previous = checkins.last_checkin(session, person)
    past = list(reversed(checkins_with(session, person)))
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
        title=words.CHECKIN_TITLE.format(name=person.name),
        person=person,
        plan=checkins.agenda(session, person, today),
        open_adjustments=[]
        if previous is None
        else [a for a in previous.adjustments if a.outcome is None],
        past=past[:PAST_SHOWN],
        values=values,
        notes=notes or [],
        notice=saved,
        error=error,
    )
