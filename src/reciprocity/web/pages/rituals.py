"""Rituals: what is coming up, who hosts next, marking one done, skipped or moved, adding, changing, ending or removing one.

Every change goes through ``services.rituals``, as ``reciprocity ritual`` and
the JSON API's do; where a ritual stands comes from ``practices.schedule``.
How often is chosen, not typed: every week or two weeks on a weekday, every
month on its date or on a weekday such as the first Saturday, every year, or a
rule of one's own; ``services.rituals.cadence`` turns the choices into the
rule, as it does for ``ritual add --every … --on …`` and the API's ``every``
and ``on``. The time zone
is chosen from a list, this computer's own preselected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import people as people_words
from reciprocity.coach import practices as practice_words
from reciprocity.coach.terms import day_words
from reciprocity.errors import ConflictError, InputError, NotFoundError, ReciprocityError
from reciprocity.practices.recurrence import (
    WEEKDAYS,
    FriendlyChoice,
    friendly_choice,
    parse_time,
)
from reciprocity.practices.schedule import open_between, standing
from reciprocity.services import Database, due, people, rituals
from reciprocity.services.keep import KEEP
from reciprocity.services.rituals import Marked, RitualChanges
from reciprocity.vocabulary import ME, OccurrenceStatus
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

if TYPE_CHECKING:
    from reciprocity.model import Ritual

router = APIRouter(include_in_schema=False)
COMING_DAYS = 42
"""How far ahead "coming up" looks."""
COMING_SHOWN = 4


CADENCE_FIELDS = ("every", "which", "day", "rule")


@router.get("/rituals", response_class=HTMLResponse)
def rituals_page(request: Request) -> HTMLResponse:
    return _render(request, values={})


@router.get("/rituals/calendar.ics")
def calendar(request: Request) -> Response:
    """Rituals and planned check-ins for the person's own calendar, as ``reciprocity calendar`` writes them."""
    stamp = datetime.now(UTC).replace(microsecond=0)
    content, _, _ = due.calendar_file(database(request), stamp=stamp)
    return Response(
        content,
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="reciprocity.ics"'},
    )


def cadence_values(form: FormData) -> dict[str, str]:
    """The cadence fields as sent; a rule sent without a choice is a rule of one's own."""
    values = {key: forms.text(form, key) for key in CADENCE_FIELDS}
    if not values["every"].strip():
        values["every"] = "custom" if values["rule"].strip() else "week"
    return values


def chosen_rule(values: dict[str, Any]) -> str:
    """The rule the cadence fields choose: built from the choices, or a rule of one's own."""
    every = values["every"].strip()
    if every == "custom":  # the model reads it, and says what is wrong with it
        return rituals.cadence(rule=str(values["rule"]))
    if every not in practice_words.RITUAL_EVERY_CHOICES:
        choices = ", ".join(practice_words.RITUAL_EVERY_CHOICES)
        raise InputError(
            people_words.CHOICE_UNKNOWN.format(value=every, what="cadence", choices=choices)
        )
    choice = FriendlyChoice(every, values["day"].strip(), values["which"].strip() or "date")
    return rituals.cadence(every=choice.every, on=choice.on)


def chosen_zone(values: dict[str, Any]) -> str | None:
    """The chosen time zone, kept only with a time of day."""
    return (values["zone"].strip() or None) if values["at"].strip() else None


@router.post("/rituals", response_class=HTMLResponse)
def add(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    today = today_of(request)
    values: dict[str, Any] = {
        key: forms.text(form, key)
        for key in ("person", "title", "from", "until", "at", "zone", "first", "rotate", "note")
    }
    values.update(cadence_values(form))
    values["also"] = forms.texts(form, "also")
    try:
        first = values["first"]
        added = rituals.add(
            database(request),
            forms.chosen_id(values["person"], practice_words.NEED_WHO),
            title=values["title"],
            rule=chosen_rule(values),
            start=forms.day(values["from"], today=today, allow_future=True) or today,
            end=later_day(values["until"], today=today),
            at=parse_time(values["at"]) if values["at"].strip() else None,
            zone=chosen_zone(values),
            others=[forms.chosen_id(i, practice_words.NEED_WHO) for i in values["also"]],
            first=None
            if not first
            else (ME if first == ME else forms.chosen_id(first, practice_words.NEED_WHO)),
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
            rituals.end(
                store, ritual_id, on=later_day(forms.text(form, "on"), today=today) or today
            )
        ),
    )


# -- changing one, removing one ------------------------------------------------


def _ritual_fields(values: dict[str, Any]) -> list[Field]:
    rotate = list(practice_words.RITUAL_ROTATE_CHOICES.items())
    return [
        Field("title", practice_words.FIELD_RITUAL_TITLE, values["title"], required=True),
        Field("cadence", practice_words.FIELD_RITUAL_EVERY, values, "cadence"),
        Field("from", practice_words.FIELD_RITUAL_FROM, values["from"], "date", required=True),
        Field("until", practice_words.FIELD_RITUAL_UNTIL, values["until"], "date"),
        Field(
            "at",
            practice_words.FIELD_RITUAL_AT,
            values["at"],
            "time",
            hint=practice_words.FIELD_RITUAL_AT_HINT,
        ),
        Field(
            "zone",
            practice_words.FIELD_RITUAL_ZONE,
            values["zone"],
            "choice",
            [(z, z) for z in _zones(values["zone"])],
            hint=practice_words.FIELD_RITUAL_ZONE_HINT,
        ),
        Field("rotate", practice_words.FIELD_RITUAL_ROTATE, values["rotate"], "choice", rotate),
        Field("note", people_words.FIELD_NOTE, values["note"], "long"),
    ]


def _zones(chosen: str) -> tuple[str, ...]:
    """The zones to choose from; one kept or found here that the list lacks comes first."""
    offered = rituals.zones()
    return offered if not chosen or chosen in offered else (chosen, *offered)


@router.get("/rituals/{ritual_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, ritual_id: Id) -> HTMLResponse:
    ritual = rituals.get(database(request), ritual_id)
    choice = friendly_choice(ritual.rule, ritual.start)
    cadence = (
        {"every": "custom", "which": "date", "day": WEEKDAYS[ritual.start.weekday()]}
        if choice is None
        else {"every": choice.every, "which": choice.which, "day": choice.day}
    )
    values: dict[str, Any] = {
        "title": ritual.title,
        **cadence,
        "rule": ritual.rule,
        "from": ritual.start.isoformat(),
        "until": ritual.end.isoformat() if ritual.end else "",
        "at": ritual.at.strftime("%H:%M") if ritual.at else "",
        "zone": ritual.zone or rituals.local_zone(),
        "rotate": "yes" if ritual.rotates else "no",
        "note": ritual.note,
    }
    return _edit_page(request, ritual_id, ritual.title, values)


@router.post("/rituals/{ritual_id}/edit", response_class=HTMLResponse)
def edit(request: Request, ritual_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    store = database(request)
    title = rituals.get(store, ritual_id).title
    values: dict[str, Any] = {
        key: forms.text(form, key)
        for key in ("title", "from", "until", "at", "zone", "rotate", "note")
    }
    values.update(cadence_values(form))
    today = today_of(request)
    try:
        at = parse_time(values["at"]) if values["at"].strip() else None
        changes = RitualChanges(
            title=values["title"],
            rule=chosen_rule(values),
            start=forms.day(values["from"], today=today, allow_future=True) or today,
            end=later_day(values["until"], today=today),
            at=at,
            zone=chosen_zone(values) if at is not None else KEEP,
            rotates=values["rotate"] != "no",
            note=values["note"],
        )
        rituals.edit(store, ritual_id, changes)
    except ReciprocityError as error:
        return _edit_page(request, ritual_id, title, values, error=str(error), status=400)
    return RedirectResponse(
        f"/rituals?notice=changed&ritual={ritual_id}#ritual-{ritual_id}", status_code=303
    )


def _edit_page(
    request: Request,
    ritual_id: int,
    title: str,
    values: dict[str, Any],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=practice_words.RITUAL_EDIT_TITLE.format(title=title),
        intro=practice_words.RITUAL_EDIT_INTRO,
        fields=_ritual_fields(values),
        action=f"/rituals/{ritual_id}/edit",
        back=f"/rituals#ritual-{ritual_id}",
        error=error,
        status=status,
    )


@router.post("/rituals/{ritual_id}/remove", response_class=HTMLResponse)
def remove(request: Request, ritual_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    store = database(request)
    ritual = rituals.get(store, ritual_id)
    if not confirmed(form):
        where = standing(ritual.cadence, ritual.records, today_of(request))
        names = [p.name for p in ritual.people]
        return confirm_page(
            request,
            question=practice_words.RITUAL_REMOVE_ASK.format(
                ritual=practice_words.ritual_named(ritual.title, names)
            ),
            goes=[
                practice_words.RITUAL_REMOVE_GOES.format(
                    kept=practice_words.kept_words(where.kept.as_dict())
                ),
            ],
            said=[practice_words.RITUAL_REMOVE_OR_END],
            action=f"/rituals/{ritual_id}/remove",
            back=f"/rituals#ritual-{ritual_id}",
            button=practice_words.RITUAL_REMOVE_BUTTON,
        )
    _, copy = rituals.remove(store, ritual_id)
    return after_removal("/rituals", copy)


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
        "cadence": practice_words.cadence_words(ritual.rule, ritual.start),
        "at": _time_words(ritual),
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


def _time_words(ritual: Ritual) -> str:
    """ "at 19:30 (Europe/London)", "at 19:30", or nothing without a time of day."""
    if ritual.at is None:
        return ""
    at = ritual.at.strftime("%H:%M")
    if ritual.zone is None:
        return practice_words.RITUAL_AT.format(at=at)
    return practice_words.RITUAL_AT_ZONE.format(at=at, zone=ritual.zone)


def _notice(store: Database, query: QueryParams) -> str | None:
    """The sentence after a change, said from what is now stored."""
    kind = query.get("notice", "")
    raw_id = query.get("ritual", "")
    ritual = forms.found(lambda: rituals.get(store, int(raw_id))) if raw_id.isdigit() else None
    if ritual is None:
        return None
    if kind == "added":
        names = [p.name for p in ritual.people]
        text = practice_words.ritual_added(
            ritual.id, ritual.title, names, ritual.rule, ritual.start
        )
        return f"{text} {practice_words.host_sentence(ritual.next_host)}".strip()
    if kind == "changed":
        return practice_words.RITUAL_CHANGED_NOTICE.format(title=ritual.title)
    if kind == "ended" and ritual.end is not None:
        return practice_words.RITUAL_ENDED_NOTICE.format(
            title=ritual.title, end=day_words(ritual.end)
        )
    occurrence = next(
        (o for o in ritual.occurrences if o.due.isoformat() == query.get("due", "")), None
    )
    if occurrence is None:
        return None
    on = occurrence.on or occurrence.due
    if kind == "done" and occurrence.status is OccurrenceStatus.DONE:
        return practice_words.ritual_done(ritual.title, on, occurrence.due, ritual.next_host)
    if kind == "skipped" and occurrence.status is OccurrenceStatus.SKIPPED:
        return practice_words.RITUAL_SKIPPED.format(
            title=ritual.title, due=day_words(occurrence.due)
        )
    if kind == "moved" and occurrence.status is OccurrenceStatus.MOVED:
        return practice_words.RITUAL_MOVED.format(
            title=ritual.title, due=day_words(occurrence.due), to=day_words(on)
        )
    return None


def _fresh(today: date) -> dict[str, str]:
    """What a new ritual's form starts with: every week on today's weekday, in this computer's zone."""
    return {
        "every": "week",
        "which": "date",
        "day": WEEKDAYS[today.weekday()],
        "zone": rituals.local_zone(),
    }


def _render(
    request: Request, *, values: dict[str, Any], error: str | None = None, status: int = 200
) -> HTMLResponse:
    today = today_of(request)
    store = database(request)
    values = {**_fresh(today), **values}
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
        zones=_zones(str(values.get("zone", ""))),
        today=today,
        notice=_notice(store, request.query_params),
        error=error,
    )
