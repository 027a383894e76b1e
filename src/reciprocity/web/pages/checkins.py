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
from reciprocity.coach import terms
from reciprocity.errors import ReciprocityError
from reciprocity.services import checkins, invitations
from reciprocity.vocabulary import CHECKIN_QUESTIONS, CHECKIN_SIDES, AdjustmentOutcome
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
PAST_SHOWN = 6
"""The newest check-ins shown under the form."""


@router.get("/checkin", response_class=HTMLResponse)
def checkins_page(request: Request) -> HTMLResponse:
    rows = [(s.person_id, s.name, s.last, s.planned) for s in checkins.standings(database(request))]
    return pages(request).render(
        request, "checkins.html", title=practice_words.CHECKINS_TITLE, rows=rows
    )


@router.get("/checkin/{person_id}", response_class=HTMLResponse)
def checkin_page(request: Request, person_id: Id) -> HTMLResponse:
    today = today_of(request)
    said = request.query_params.get("notice")
    notice = said if said in ("saved", "changed") else None
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
            sides={
                side: {q: values[f"{side}_{q}"] for q in CHECKIN_QUESTIONS}
                for side in CHECKIN_SIDES
            },
            adjustments=agreed,
            outcomes={
                int(key): forms.choice(
                    value, AdjustmentOutcome, "outcome (happened, partly, not-yet)"
                )
                for key, value in values["outcomes"].items()
                if key.isdigit() and value.strip()
            },
            next_on=forms.day(values["next"], today=today, default_today=False, allow_future=True),
        )
        checkins.record(database(request), person_id, held)
    except ReciprocityError as error:
        return _render(request, person_id, values=values, error=str(error), status=400)
    return RedirectResponse(f"/checkin/{person_id}?notice=saved#past", status_code=303)


@router.get("/checkins/{checkin_id}/edit", response_class=HTMLResponse)
def edit_checkin_form(request: Request, checkin_id: Id) -> HTMLResponse:
    found = checkins.get(database(request), checkin_id)
    values = {
        "on": found.on.isoformat(),
        "next": "" if found.next_on is None else found.next_on.isoformat(),
        "note": found.note,
        **{
            f"{side}_{q}": found.answer(side, q)
            for side in CHECKIN_SIDES
            for q in CHECKIN_QUESTIONS
        },
    }
    return _checkin_edit(request, checkin_id, found.person_id, found.person.name, values)


@router.post("/checkins/{checkin_id}/edit", response_class=HTMLResponse)
def edit_checkin(
    request: Request, checkin_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    found = checkins.get(store, checkin_id)
    keys = ["on", "next", "note", *(f"{s}_{q}" for s in CHECKIN_SIDES for q in CHECKIN_QUESTIONS)]
    values = {key: forms.text(form, key) for key in keys}
    try:
        today = today_of(request)
        changes = checkins.CheckInChanges(
            on=forms.day(values["on"], today=today) or today,
            sides={
                side: {q: values[f"{side}_{q}"].strip() for q in CHECKIN_QUESTIONS}
                for side in CHECKIN_SIDES
            },
            next_on=forms.day(values["next"], today=today, default_today=False, allow_future=True),
            note=values["note"].strip(),
        )
        checkins.edit(store, checkin_id, changes)
    except ReciprocityError as error:
        return _checkin_edit(
            request,
            checkin_id,
            found.person_id,
            found.person.name,
            values,
            error=str(error),
            status=400,
        )
    return RedirectResponse(
        f"/checkin/{found.person_id}?notice=changed#checkin-{checkin_id}", status_code=303
    )


@router.post("/checkins/{checkin_id}/remove", response_class=HTMLResponse)
def remove_checkin(
    request: Request, checkin_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    found = checkins.get(store, checkin_id)
    back = f"/checkin/{found.person_id}#past"
    if not confirmed(form):
        return confirm_page(
            request,
            question=practice_words.CHECKIN_REMOVE_ASK.format(
                name=found.person.name, on=terms.day_words(found.on)
            ),
            goes=[a.text for a in found.adjustments],
            action=f"/checkins/{checkin_id}/remove",
            back=back,
            button=practice_words.CHECKIN_REMOVE_BUTTON,
        )
    _, copy = checkins.remove(store, checkin_id)
    return after_removal(back, copy)


def _checkin_edit(
    request: Request,
    checkin_id: int,
    person_id: int,
    name: str,
    values: dict[str, str],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    sides = {
        "me": practice_words.SIDE_MINE,
        "them": practice_words.SIDE_THEIRS.format(name=name),
    }
    fields = [Field("on", practice_words.CHECKIN_ON, values["on"], "date", required=True)]
    for side in CHECKIN_SIDES:
        for q in CHECKIN_QUESTIONS:
            label = f"{sides[side]}: {practice_words.CHECKIN_ANSWER_LABELS[q].lower()}"
            fields.append(Field(f"{side}_{q}", label, values[f"{side}_{q}"], "long"))
    fields += [
        Field(
            "next",
            practice_words.FIELD_CHECKIN_NEXT,
            values["next"],
            "date",
            hint=practice_words.CHECKIN_NEXT_EDIT_HINT,
        ),
        Field("note", practice_words.CHECKIN_NOTE, values["note"], "long"),
    ]
    return edit_page(
        request,
        title=practice_words.CHECKIN_EDIT_TITLE.format(name=name),
        intro=practice_words.CHECKIN_EDIT_INTRO,
        fields=fields,
        action=f"/checkins/{checkin_id}/edit",
        back=f"/checkin/{person_id}#checkin-{checkin_id}",
        error=error,
        status=status,
    )


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
        saved = practice_words.checkin_saved(person.name, latest.on, len(latest.adjustments))
    elif notice == "changed":
        saved = practice_words.CHECKIN_CHANGED_NOTICE
    return pages(request).render(
        request,
        "checkin.html",
        status=status,
        title=practice_words.CHECKIN_TITLE.format(name=person.name),
        person=person,
        plan=prepared.agenda,
        open_adjustments=prepared.waiting,
        past=past[:PAST_SHOWN],
        two_sided=invitations.two_sided_checkins(database(request), person.id),
        values=values,
        notes=notes or [],
        notice=saved,
        error=error,
    )
