"""Rituals: what is coming up, who hosts next, marking one done, skipped or moved, adding or ending one.

Every change goes through ``services.rituals``, as ``reciprocity ritual`` and
the JSON API's do; where a ritual stands comes from ``practices.schedule``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import practices as practice_words
from reciprocity.errors import ConflictError, InputError, NotFoundError, ReciprocityError
from reciprocity.practices.recurrence import parse_time
from reciprocity.practices.schedule import open_between, standing
from reciprocity.services import Database, people, rituals
from reciprocity.services.rituals import Marked
from reciprocity.vocabulary import ME, OccurrenceStatus
from reciprocity.web import forms
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

if TYPE_CHECKING:
    from reciprocity.model import Ritual

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
        first = values["first"]
        added = rituals.add(
            database(request),
            forms.chosen_id(values["person"], practice_words.NEED_WHO),
            title=values["title"],
            rule=values["rule"],
            start=forms.day(values["from"], today=today, allow_future=True) or today,
            end=later_day(values["until"], today=today),
            at=parse_time(values["at"]) if values["at"].strip() else None,
            zone=values["zone"].strip() or None,
            others=[forms.chosen_id(i, practice_words.NEED_WHO) for i in values["also"]],
            first=None if not first else (ME if first == ME else forms.chosen_id(first, practice_words.NEED_WHO)),
            rotates=values["rotate"] != "no",
            note=values["note"],
        )
        ritual_id = added.ritual.id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(
        f"/rituals?notice=added&ritual={ritual_id}#ritual-{ritual_id}", status_code=303
    )


@router.post("/rituals/{ritual_id}/done", response_class=HTMLResponse)
def done(request: Request, ritual_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "done",
        lambda store, today: rituals.done(
            store,
            ritual_id,
            on=forms.day(forms.text(form, "on"), today=today) or today,
            planned=later_day(forms.text(form, "for"), today=today),
            host=forms.text(form, "host").strip() or None,
            note=forms.text(form, "note"),
        ),
    )


@router.post("/rituals/{ritual_id}/skip", response_class=HTMLResponse)
def skip(request: Request, ritual_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "skipped",
        lambda store, today: rituals.skip(
            store,
            ritual_id,
            today=today,
            planned=later_day(forms.text(form, "for"), today=today),
            note=forms.text(form, "note"),
        ),
    )


@router.post("/rituals/{ritual_id}/move", response_class=HTMLResponse)
def move(request: Request, ritual_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "moved",
        lambda store, today: rituals.move(
            store,
            ritual_id,
            today=today,
            to=_move_to(forms.text(form, "to"), today),
            planned=later_day(forms.text(form, "for"), today=today),
        ),
    )


@router.post("/rituals/{ritual_id}/end", response_class=HTMLResponse)
def end(request: Request, ritual_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    return _change(
        request,
        ritual_id,
        "ended",
        lambda store, today: _ended(
            rituals.end(store, ritual_id, on=later_day(forms.text(form, "on"), today=today) or today)
        ),
    )


def later_day(value: str, *, today: date) -> date | None:
    """A day that may lie ahead (a ritual's end, a planned occurrence); blank is None."""
    return forms.day(value, today=today, default_today=False, allow_future=True)


def _move_to(value: str, today: date) -> date:
    day = later_day(value, today=today)
    if day is None:
        raise InputError(practice_words.RITUAL_MOVE_NEEDS_DAY)
    return day


def _ended(ritual: Ritual) -> date:
    assert ritual.end is not None
    return ritual.end


Change = Callable[[Database, date], "Marked | date"]


def _change(request: Request, ritual_id: Id, notice: str, change: Change) -> Response:
    try:
        done = change(database(request), today_of(request))
        due = done.occurrence.due if isinstance(done, Marked) else done
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
        "names": " and ".join(p.name for p in ritual.people),
        "cadence": practice_words.cadence_words(ritual.rule),
        "waiting": where.waiting,
        "upcoming": where.upcoming,
        "mark": mark,
        "coming": coming,
        "host": practice_words.host_sentence(ritual.next_host),
        "next_host": ritual.next_host,
        "rotation": ritual.rotation if ritual.rotates else [],
        "kept": practice_words.kept_words(where.kept.as_dict()),
        "ended": ritual.end if ritual.end is not None and ritual.end < today else None,
        "ends": ritual.end if ritual.end is not None and ritual.end >= today else None,
        "note": ritual.note,
    }


def _notice(store: Database, query: QueryParams) -> str | None:
    """The sentence after a change, said from what is now stored."""
    kind = query.get("notice", "")
    raw_id = query.get("ritual", "")
    ritual = forms.found(lambda: rituals.get(store, int(raw_id))) if raw_id.isdigit() else None
    if ritual is None:
        return None
    if kind == "added":
        names = [p.name for p in ritual.people]
        text = practice_words.ritual_added(ritual.id, ritual.title, names, ritual.rule, ritual.start)
        return f"{text} {practice_words.host_sentence(ritual.next_host)}".strip()
    if kind == "ended" and ritual.end is not None:
        return practice_words.RITUAL_ENDED_NOTICE.format(title=ritual.title, end=ritual.end.isoformat())
    occurrence = next(
        (o for o in ritual.occurrences if o.due.isoformat() == query.get("due", "")), None
    )
    if occurrence is None:
        return None
    on = occurrence.on or occurrence.due
    if kind == "done" and occurrence.status is OccurrenceStatus.DONE:
        return practice_words.ritual_done(ritual.title, on, occurrence.due, ritual.next_host)
    if kind == "skipped" and occurrence.status is OccurrenceStatus.SKIPPED:
        return practice_words.RITUAL_SKIPPED.format(title=ritual.title, due=occurrence.due)
    if kind == "moved" and occurrence.status is OccurrenceStatus.MOVED:
        return practice_words.RITUAL_MOVED.format(title=ritual.title, due=occurrence.due, to=on)
    return None


def _render(
    request: Request, *, values: dict[str, Any], error: str | None = None, status: int = 200
) -> HTMLResponse:
    today = today_of(request)
    store = database(request)
    cards = [_card(r, today) for r in rituals.everyone(store)]
    everyone = [(p.id, p.name) for p in people.everyone(store)]
    return pages(request).render(
        request,
        "rituals.html",
        status=status,
        title=practice_words.RITUALS_TITLE,
        cards=cards,
        people=everyone,
        values=values,
        today=today,
        notice=_notice(store, request.query_params),
        error=error,
    )
