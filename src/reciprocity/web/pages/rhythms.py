"""Keep-in-touch rhythms and dates to remember, on one page.

Where each rhythm stands is ``agenda.rhythm_rows``: the same last contact and
the same nudge ``reciprocity due`` gives. Changes go through ``web.actions``
(as the JSON API's do) to the model's ``set_rhythm`` and the occasion model,
the ones ``reciprocity rhythm`` and ``reciprocity date`` use.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import practices as practice_words
from reciprocity.coach import web as words
from reciprocity.errors import ReciprocityError
from reciprocity.model import Occasion, Person, Rhythm
from reciprocity.model.person import all_people
from reciprocity.services.due import occasion_rows, occasion_sentence, rhythm_rows, rhythm_sentence
from reciprocity.web import actions, forms
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
        with database(request).transaction() as session:
            person = actions.person_by_id(
                session, forms.chosen_id(values["person"], words.NEED_WHO)
            )
            rhythm_id = actions.set_rhythm(
                session, person, ideal=values["ideal"], longest=values["longest"]
            ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/rhythms?notice=set&rhythm={rhythm_id}#rhythm-{rhythm_id}", status_code=303
    )


@router.post("/rhythms/{rhythm_id}/clear", response_class=HTMLResponse)
def clear(request: Request, rhythm_id: int) -> Response:
    """An unknown id is answered by the app's own "not found" page, as for rituals."""
    with database(request).transaction() as session:
        person_id = actions.clear_rhythm(session, rhythm_id).person_id
    return RedirectResponse(f"/rhythms?notice=cleared&person={person_id}", status_code=303)


@router.post("/rhythms/dates", response_class=HTMLResponse)
def add_date(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values = {key: forms.text(form, key) for key in ("whose", "title", "on", "yearly")}
    try:
        with database(request).transaction() as session:
            occasion_id = actions.new_occasion(
                session,
                whose=values["whose"],
                title=values["title"],
                on=values["on"],
                yearly=values["yearly"] == "yes",
                today=today_of(request),
            ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/rhythms?notice=date-added&date={occasion_id}#date-{occasion_id}", status_code=303
    )


@router.post("/rhythms/dates/{occasion_id}/remove", response_class=HTMLResponse)
def remove_date(request: Request, occasion_id: int) -> Response:
    with database(request).transaction() as session:
        actions.remove_occasion(session, occasion_id)
    return RedirectResponse("/rhythms?notice=date-removed#dates-heading", status_code=303)


def _notice(session: Session, query: QueryParams) -> str | None:
    """The sentence after a change, said from what is now stored."""
    kind = query.get("notice", "")
    if kind == "date-removed":
        return words.DATE_REMOVED
    key = {"set": "rhythm", "cleared": "person", "date-added": "date"}.get(kind)
    raw_id = query.get(key, "") if key else ""
    if not raw_id.isdigit():
        return None
    if kind == "set":
        rhythm = session.get(Rhythm, int(raw_id))
        return None if rhythm is None else rhythm_sentence(rhythm)
    if kind == "cleared":
        person = session.get(Person, int(raw_id))
        return None if person is None else practice_words.RHYTHM_CLEARED.format(name=person.name)
    occasion = session.get(Occasion, int(raw_id))
    return None if occasion is None else occasion_sentence(occasion)


def _render(
    request: Request, *, values: dict[str, str], error: str | None = None, status: int = 200
) -> HTMLResponse:
    today = today_of(request)
    with database(request).transaction() as session:
        rhythms = rhythm_rows(session, today)
        dates = occasion_rows(session, today)
        people = [(p.id, p.name) for p in all_people(session)]
        notice = _notice(session, request.query_params)
    ids = {name: person_id for person_id, name in people}
    rows: list[dict[str, Any]] = [{**r, "person_id": ids.get(str(r["person"]))} for r in rhythms]
    return pages(request).render(
        request,
        "rhythms.html",
        status=status,
        title=words.RHYTHMS_TITLE,
        rhythms=rows,
        dates=dates,
        people=people,
        values=values,
        notice=notice,
        error=error,
    )
