"""Keep-in-touch rhythms and dates to remember, on one page.

Where each rhythm stands is ``services.rhythms.standings``: the same last
contact and the same nudge ``reciprocity due`` gives. Changes go through
``services.rhythms``, as ``reciprocity rhythm`` and ``reciprocity date`` do.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import practices as practice_words
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import Database, people, rhythms, shapes
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
FRESH: dict[str, str] = {"whose": "me", "yearly": "yes"}
"""A fresh form: one's own date, coming back every year."""


@router.get("/rhythms", response_class=HTMLResponse)
def rhythms_page(request: Request) -> HTMLResponse:
    return _render(request, values=dict(FRESH))


@router.post("/rhythms", response_class=HTMLResponse)
def set_rhythm(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values = {**FRESH, **{key: forms.text(form, key) for key in ("person", "ideal", "longest")}}
    try:
        ideal = gap(values["ideal"])
        if ideal is None:
            raise InputError(practice_words.GAP_NEEDED)
        rhythm_id = rhythms.set_(
            database(request),
            forms.chosen_id(values["person"], practice_words.NEED_WHO),
            ideal=ideal,
            longest=gap(values["longest"]),
        ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/rhythms?notice=set&rhythm={rhythm_id}#rhythm-{rhythm_id}", status_code=303
    )


@router.post("/rhythms/{rhythm_id}/clear", response_class=HTMLResponse)
def clear(request: Request, rhythm_id: Id) -> Response:
    """An unknown id is answered by the app's own "not found" page, as for rituals."""
    person_id = rhythms.clear(database(request), rhythm_id).person_id
    return RedirectResponse(f"/rhythms?notice=cleared&person={person_id}", status_code=303)


@router.post("/rhythms/dates", response_class=HTMLResponse)
def add_date(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values = {key: forms.text(form, key) for key in ("whose", "title", "on", "yearly")}
    try:
        if not values["whose"].strip():
            raise InputError(practice_words.OCCASION_NEEDS_SOMEONE)
        day = forms.day(
            values["on"], today=today_of(request), default_today=False, allow_future=True
        )
        if day is None:
            raise InputError(practice_words.OCCASION_NEEDS_DAY)
        occasion_id = rhythms.add_date(
            database(request),
            values["whose"],
            values["title"],
            day,
            yearly=values["yearly"] == "yes",
        ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/rhythms?notice=date-added&date={occasion_id}#date-{occasion_id}", status_code=303
    )


@router.get("/rhythms/dates/{occasion_id}/edit", response_class=HTMLResponse)
def edit_date_form(request: Request, occasion_id: Id) -> HTMLResponse:
    found = rhythms.get_date(database(request), occasion_id)
    values = {
        "title": found.title,
        "on": found.on.isoformat(),
        "yearly": "yes" if found.yearly else "",
    }
    return _date_edit(request, occasion_id, values)


@router.post("/rhythms/dates/{occasion_id}/edit", response_class=HTMLResponse)
def edit_date(
    request: Request, occasion_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    rhythms.get_date(store, occasion_id)
    values = {key: forms.text(form, key) for key in ("title", "on", "yearly")}
    try:
        day = forms.day(
            values["on"], today=today_of(request), default_today=False, allow_future=True
        )
        if day is None:
            raise InputError(practice_words.OCCASION_NEEDS_DAY)
        changes = rhythms.DateChanges(
            title=values["title"], on=day, yearly=values["yearly"] == "yes"
        )
        rhythms.edit_date(store, occasion_id, changes)
    except ReciprocityError as error:
        return _date_edit(request, occasion_id, values, error=str(error), status=400)
    return RedirectResponse(
        f"/rhythms?notice=date-changed&date={occasion_id}#date-{occasion_id}", status_code=303
    )


@router.post("/rhythms/dates/{occasion_id}/remove", response_class=HTMLResponse)
def remove_date(
    request: Request, occasion_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    found = rhythms.get_date(store, occasion_id)
    if not confirmed(form):
        return confirm_page(
            request,
            question=practice_words.DATE_REMOVE_ASK.format(title=found.title),
            action=f"/rhythms/dates/{occasion_id}/remove",
            back=f"/rhythms#date-{occasion_id}",
            button=practice_words.DATE_REMOVE_SUBMIT.format(title=found.title),
        )
    _, copy = rhythms.remove_date(store, occasion_id)
    return after_removal("/rhythms#dates-heading", copy)


def _date_edit(
    request: Request,
    occasion_id: int,
    values: dict[str, str],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=practice_words.DATE_EDIT_TITLE,
        fields=[
            Field(
                "title",
                practice_words.FIELD_DATE_TITLE,
                values["title"],
                required=True,
                hint=practice_words.FIELD_DATE_TITLE_HINT,
            ),
            Field("on", practice_words.FIELD_DATE_ON, values["on"], "date", required=True),
            Field("yearly", practice_words.FIELD_DATE_YEARLY, values["yearly"] == "yes", "check"),
        ],
        action=f"/rhythms/dates/{occasion_id}/edit",
        back=f"/rhythms#date-{occasion_id}",
        error=error,
        status=status,
    )


def gap(value: str) -> int | None:
    """A gap in days as typed (blank: None); the model holds its range and the two gaps' order."""
    if not value.strip():
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InputError(practice_words.GAP_NOT_A_NUMBER.format(value=value)) from None


def _notice(store: Database, query: QueryParams) -> str | None:
    """The sentence after a change, said from what is now stored."""
    kind = query.get("notice", "")
    if kind == "date-changed":
        return practice_words.DATE_CHANGED
    key = {"set": "rhythm", "cleared": "person", "date-added": "date"}.get(kind)
    raw_id = query.get(key, "") if key else ""
    if not raw_id.isdigit():
        return None
    if kind == "set":
        rhythm = forms.found(lambda: rhythms.get(store, int(raw_id)))
        if rhythm is None:
            return None
        return practice_words.rhythm_sentence(
            rhythm.person.name, rhythm.ideal_days, rhythm.longest_days
        )
    if kind == "cleared":
        person = forms.found(lambda: people.get(store, int(raw_id)))
        return None if person is None else practice_words.RHYTHM_CLEARED.format(name=person.name)
    occasion = forms.found(lambda: rhythms.get_date(store, int(raw_id)))
    if occasion is None:
        return None
    return practice_words.occasion_sentence(
        occasion.title, occasion.whose, occasion.on, occasion.yearly
    )


def _render(
    request: Request, *, values: dict[str, str], error: str | None = None, status: int = 200
) -> HTMLResponse:
    today = today_of(request)
    store = database(request)
    standings = rhythms.standings(store, today=today)
    rows: list[dict[str, Any]] = [
        {**shapes.rhythm(r), "person_id": r.rhythm.person_id} for r in standings
    ]
    return pages(request).render(
        request,
        "rhythms.html",
        status=status,
        title=practice_words.RHYTHMS_TITLE,
        rhythms=rows,
        dates=[shapes.occasion(d) for d in rhythms.dates(store, today=today)],
        people=[(p.id, p.name) for p in people.everyone(store)],
        values=values,
        notice=_notice(store, request.query_params),
        error=error,
    )
