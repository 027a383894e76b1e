"""Rituals: what is coming up, who hosts next, marking one done, skipped or moved, adding or ending one.

Every change goes through ``web.actions`` (as the JSON API's do) to the model's
own functions (``add_ritual``, ``mark_done``, ``mark_skipped``, ``mark_moved``, ``end_ritual``),
the ones ``reciprocity ritual`` calls; where a ritual stands comes from
``practices.schedule``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import practices as practice_words
from reciprocity.coach import web as words
from reciprocity.errors import ConflictError, NotFoundError, ReciprocityError
from reciprocity.model import ME, Ritual
from reciprocity.model.person import all_people
from reciprocity.model.ritual import (
    all_rituals,
    find_ritual,
)
from reciprocity.practices.schedule import open_between, standing
from reciprocity.services.due import cadence_words, host_sentence, kept_words, names_of
from reciprocity.vocabulary import OccurrenceStatus
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
COMING_DAYS = 42
"""How far ahead "coming up" looks."""
COMING_SHOWN = 4


@router.get("/rituals", response_class=HTMLResponse)
def rituals_page(request: Request) -> HTMLResponse:
    return _render(request, values={})


@router.post("/rituals", response_class=HTMLResponse)
def add(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    today = today_of(request)
    values: dict[str, Any] = {
        key: forms.text(form, key)
        for key in (
            "person",
            "title",
            "rule",
            "from",
            "until",
            "at",
            "zone",
            "first",
            "rotate",
            "note",
        )
    }
    values["also"] = forms.texts(form, "also")
    try:
        with database(request).transaction() as session:
            person = actions.person_by_id(
                session, forms.chosen_id(values["person"], words.NEED_WHO)
            )
            others = [
                actions.person_by_id(session, forms.chosen_id(i, words.NEED_WHO))
                for i in values["also"]
            ]
            first = None
            if values["first"] and values["first"] != ME:
                first = actions.person_by_id(
                    session, forms.chosen_id(values["first"], words.NEED_WHO)
                ).name
            elif values["first"] == ME:
                first = ME
            ritual = actions.new_ritual(
                session,
                person,
                title=values["title"],
                rule=values["rule"],
                start=values["from"],
                end=values["until"],
                at=values["at"],
                zone=values["zone"],
                others=others,
                first=first,
                rotates=values["rotate"] != "no",
                note=values["note"],
                today=today,
            )
            ritual_id = ritual.id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/rituals?notice=added&ritual={ritual_id}#ritual-{ritual_id}", status_code=303
    )


@router.post("/rituals/{ritual_id}/done", response_class=HTMLResponse)
def done(request: Request, ritual_id: int, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "done",
        lambda ritual: actions.ritual_done(
            ritual,
            on=forms.text(form, "on"),
            planned=forms.text(form, "for"),
            host=forms.text(form, "host"),
            note=forms.text(form, "note"),
            today=today_of(request),
        ),
    )


@router.post("/rituals/{ritual_id}/skip", response_class=HTMLResponse)
def skip(request: Request, ritual_id: int, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "skipped",
        lambda ritual: actions.ritual_skipped(
            ritual,
            planned=forms.text(form, "for"),
            note=forms.text(form, "note"),
            today=today_of(request),
        ),
    )


@router.post("/rituals/{ritual_id}/move", response_class=HTMLResponse)
def move(request: Request, ritual_id: int, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "moved",
        lambda ritual: actions.ritual_moved(
            ritual,
            to=forms.text(form, "to"),
            planned=forms.text(form, "for"),
            today=today_of(request),
        ),
    )


@router.post("/rituals/{ritual_id}/end", response_class=HTMLResponse)
def end(request: Request, ritual_id: int, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "ended",
        lambda ritual: actions.ritual_ended(
            ritual, on=forms.text(form, "on"), today=today_of(request)
        ),
    )


def _change(request: Request, ritual_id: int, notice: str, change: Any) -> Response:
    try:
        with database(request).transaction() as session:
            due: date = change(find_ritual(session, ritual_id))
    except NotFoundError:
        raise
    except ReciprocityError as error:
        status = 409 if isinstance(error, ConflictError) else 400
        return _render(request, values={}, error=str(error), status=status)
    return RedirectResponse(
        f"/rituals?notice={notice}&ritual={ritual_id}&due={due.isoformat()}#ritual-{ritual_id}",
        status_code=303,
    )


def _card(ritual: Ritual, today: date) -> dict[str, Any]:
    """One ritual as its card shows it: what is next, who hosts, how it has gone."""
    where = standing(ritual.cadence, ritual.records, today)
    mark = where.waiting or where.upcoming
    coming = [
        d
        for d in open_between(ritual.cadence, ritual.records, today, today + timedelta(COMING_DAYS))
        if d != mark
    ][:COMING_SHOWN]
    return {
        "id": ritual.id,
        "title": ritual.title,
        "names": names_of(ritual),
        "cadence": cadence_words(ritual.rule),
        "waiting": where.waiting,
        "upcoming": where.upcoming,
        "mark": mark,
        "coming": coming,
        "host": host_sentence(ritual.next_host),
        "next_host": ritual.next_host,
        "rotation": ritual.rotation if ritual.rotates else [],
        "kept": kept_words(where.kept.as_dict()),
        "ended": ritual.end if ritual.end is not None and ritual.end < today else None,
        "ends": ritual.end if ritual.end is not None and ritual.end >= today else None,
        "note": ritual.note,
    }


def _notice(session: Session, query: QueryParams) -> str | None:
    """The sentence after a change, said from what is now stored."""
    kind = query.get("notice", "")
    raw_id = query.get("ritual", "")
    if not raw_id.isdigit():
        return None
    ritual = session.get(Ritual, int(raw_id))
    if ritual is None:
        return None
    if kind == "added":
        text = practice_words.RITUAL_ADDED.format(
            id=ritual.id,
            title=ritual.title,
            names=names_of(ritual),
            cadence=cadence_words(ritual.rule),
            start=ritual.start.isoformat(),
        )
        return f"{text} {host_sentence(ritual.next_host)}".strip()
    if kind == "ended" and ritual.end is not None:
        return words.RITUAL_ENDED_NOTICE.format(title=ritual.title, end=ritual.end.isoformat())
    occurrence = next(
        (o for o in ritual.occurrences if o.due.isoformat() == query.get("due", "")), None
    )
    if occurrence is None:
        return None
    due = occurrence.due.isoformat()
    on = occurrence.on.isoformat() if occurrence.on else due
    if kind == "done" and occurrence.status is OccurrenceStatus.DONE:
        text = practice_words.RITUAL_DONE.format(title=ritual.title, on=on, due=due)
        return f"{text} {host_sentence(ritual.next_host)}".strip()
    if kind == "skipped" and occurrence.status is OccurrenceStatus.SKIPPED:
        return practice_words.RITUAL_SKIPPED.format(title=ritual.title, due=due)
    if kind == "moved" and occurrence.status is OccurrenceStatus.MOVED:
        return practice_words.RITUAL_MOVED.format(title=ritual.title, due=due, to=on)
    return None


def _render(
    request: Request, *, values: dict[str, Any], error: str | None = None, status: int = 200
) -> HTMLResponse:
    today = today_of(request)
    with database(request).transaction() as session:
        cards = [_card(r, today) for r in all_rituals(session)]
        people = [(p.id, p.name) for p in all_people(session)]
        notice = _notice(session, request.query_params)
    return pages(request).render(
        request,
        "rituals.html",
        status=status,
        title=words.RITUALS_TITLE,
        cards=cards,
        people=people,
        values=values,
        today=today,
        notice=notice,
        error=error,
    )
