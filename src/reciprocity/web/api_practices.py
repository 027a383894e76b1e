"""The JSON API for the practices: rituals, roles, check-ins, boundaries, small wins, due, imports.

Mounted under ``/api`` beside ``web.api``, with the same conventions: the
shapes of the command line's ``--json`` (``services.shapes``), every change
through ``reciprocity.services`` (or ``web.jobs`` for chat imports, which calls
``services.chats``), writes guarded by the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import Field

from reciprocity.coach import chats as chat_words
from reciprocity.coach import practices as practice_words
from reciprocity.coach.suggestions import SAFETY_NOTE
from reciprocity.errors import ChoosePeopleError, InputError, WhoIsWhoError
from reciprocity.practices.recurrence import parse_time
from reciprocity.services import (
    boundaries as boundary_service,
)
from reciprocity.services import (
    checkins,
    people,
    rhythms,
    rituals,
    roles,
    shapes,
)
from reciprocity.services import due as attention
from reciprocity.services import wins as win_service
from reciprocity.services.due import DEFAULT_DAYS
from reciprocity.services.rituals import Marked
from reciprocity.vocabulary import (
    CHECKIN_QUESTIONS,
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
)
from reciprocity.web import forms
from reciprocity.web.api import ANSWERS, JSON, created, day
from reciprocity.web.forms import Body, BodyId, Id, QueryId
from reciprocity.web.jobs import CHOOSE, ChatImport, ChatImports, chat_choices
from reciprocity.web.render import database, today_of

router = APIRouter(prefix="/api", tags=["api"], responses=ANSWERS)


class RitualIn(Body):
    person_id: BodyId
    title: str = Field(examples=["Sunday call"])
    every: str | None = Field(
        None,
        description="How often, as the rituals page offers it: week, 2 weeks, month, year "
        "(or '3 weeks', '2 months' …). Instead of rule.",
        examples=["week", "2 weeks", "month"],
    )
    on: str | None = Field(
        None,
        description="Which day, with every: a weekday (sunday) for weeks; 'first saturday', "
        "'last friday' or a date (15) for months. Left out, it repeats on the first day's "
        "weekday or date.",
        examples=["sunday", "first saturday", "15"],
    )
    rule: str | None = Field(
        None,
        description="Instead of every and on: an RFC 5545 rule or a friendly cadence (weekly, "
        "fortnightly, monthly, 'every sunday', 'monthly on the first saturday').",
        examples=["every sunday", "monthly on the first friday", "FREQ=WEEKLY;BYDAY=SU"],
    )
    start: str = Field("today", examples=["2026-11-01"])
    end: str | None = Field(None, examples=["2027-06-30"])
    at: str | None = Field(None, examples=["19:30"])
    zone: str | None = Field(None, examples=["Europe/London"])
    others: list[BodyId] = Field([], description="Ids of others who share it.", examples=[[3]])
    first: str | None = Field(None, description="Who hosts first.", examples=["me", "Jordan"])
    rotates: bool = True
    note: str = ""


class RitualDoneIn(Body):
    on: str = Field(default="today", examples=["today", "2026-11-01"])
    planned: str | None = Field(
        default=None,
        description="Which planned day (default: the latest open one).",
        examples=["2026-11-06"],
    )
    host: str | None = Field(
        default=None, description="Who hosted, if not who was next.", examples=["me"]
    )
    note: str = Field(default="", examples=["Jordan cooked"])


class RitualSkipIn(Body):
    planned: str | None = Field(default=None, examples=["2026-11-01"])
    note: str = ""


class RitualMoveIn(Body):
    to: str = Field(examples=["2026-11-13"])
    planned: str | None = Field(None, examples=["2026-11-11"])


class RitualEndIn(Body):
    on: str = Field(default="today", description="The last day.", examples=["today", "2026-12-31"])


class RolesIn(Body):
    season_id: BodyId
    mine: str = Field(description="Your role to begin with.", examples=["planner"])
    theirs: str = Field(description="Their role to begin with.", examples=["listener"])
    every_days: int | None = Field(
        None, description="Switch every so many days (1 to 365); none: by hand.", examples=[7]
    )
    person: str | None = Field(
        None,
        description="Who shares the roles (default: the season's person; needed for your own).",
        examples=["Jordan"],
    )


class SideIn(Body):
    supported: str = Field("", examples=["Jordan came to the station to meet me"])
    meaningful: str = ""
    drained: str = ""


class CheckInIn(Body):
    on: str = Field("today", examples=["today", "2026-11-01"])
    sides: dict[Literal["me", "them"], SideIn] = Field(
        {}, examples=[{"me": {"supported": "Jordan met me at the station"}, "them": {}}]
    )
    adjustments: list[str] = Field([], examples=[["Jordan picks the next film"]])
    outcomes: dict[int, AdjustmentOutcome] = Field(
        {},
        description="How each adjustment waiting from the last check-in went, by its id "
        "(see the agenda).",
        examples=[{"4": "happened"}],
    )
    next_on: str | None = Field(None, examples=["2026-11-29"])


class BoundaryIn(Body):
    whose: str = Field("me", examples=["me", "Jordan"])
    area: BoundaryArea
    request: str = Field(examples=["On weeknights I am free to talk until nine; after that, texts"])
    since: str = "today"
    review_on: str | None = Field(None, examples=["2026-12-13"])
    note: str = ""


class BoundaryReviewIn(Body):
    status: BoundaryStatus
    request: str | None = Field(None, description="The renegotiated request, if it changed.")
    next_review: str | None = Field(None, examples=["2027-01-10"])
    note: str | None = None


class WinIn(Body):
    whose: str = Field(examples=["Jordan", "me"])
    text: str = Field(examples=["Jordan asked how my week was before talking about theirs."])
    on: str = Field("today", examples=["today", "2026-10-30"])


class RhythmIn(Body):
    person_id: BodyId
    ideal_days: int = Field(
        description="The gap between contacts that feels right, in days (1 to 3660).",
        examples=[14],
    )
    longest_days: int | None = Field(
        None,
        description="The longest gap that still feels comfortable (default: twice the ideal).",
        examples=[30],
    )


class OccasionIn(Body):
    whose: str = Field("me", examples=["Rosa", "me"])
    title: str = Field(examples=["Wedding anniversary"])
    on: str = Field(examples=["2027-03-14", "14 Mar 2027"])
    yearly: bool = Field(True, description="It comes back every year; false for a one-off date.")


def later(value: str | None, request: Request) -> date | None:
    """A day that may lie ahead (an end, a review, a planned day); left out is None."""
    return forms.day(value or "", today=today_of(request), default_today=False, allow_future=True)


def _marked(marked: Marked, today: date) -> JSON:
    """The ritual after a mark, with the occurrence that was marked."""
    return {**shapes.ritual(marked.ritual, today), "marked": marked.occurrence.as_dict()}


# -- the practices: rituals, check-ins, boundaries, small wins, what is due ---


@router.get("/rituals", summary="Every ritual: what is next, who hosts next, how well kept")
def all_rituals(request: Request) -> list[JSON]:
    today = today_of(request)
    return [shapes.ritual(r, today) for r in rituals.everyone(database(request))]


@router.post("/rituals", status_code=201, summary="Add a ritual with a cadence")
def add_ritual(request: Request, body: RitualIn) -> JSONResponse:
    today = today_of(request)
    added = rituals.add(
        database(request),
        body.person_id,
        title=body.title,
        rule=rituals.cadence(rule=body.rule, every=body.every, on=body.on),
        start=day(body.start, request),
        end=later(body.end, request),
        at=parse_time(body.at) if body.at and body.at.strip() else None,
        zone=(body.zone or "").strip() or None,
        others=body.others,
        first=body.first,
        rotates=body.rotates,
        note=body.note,
    )
    return created(shapes.ritual(added.ritual, today))


@router.post("/rituals/{ritual_id}/done", summary="Mark an occurrence done; hosting moves on")
def ritual_done(request: Request, ritual_id: Id, body: RitualDoneIn | None = None) -> JSON:
    body = body or RitualDoneIn()
    marked = rituals.done(
        database(request),
        ritual_id,
        on=day(body.on, request),
        planned=later(body.planned, request),
        host=(body.host or "").strip() or None,
        note=body.note,
    )
    return _marked(marked, today_of(request))


@router.post("/rituals/{ritual_id}/skip", summary="Skip an occurrence by choice")
def ritual_skip(request: Request, ritual_id: Id, body: RitualSkipIn | None = None) -> JSON:
    body = body or RitualSkipIn()
    today = today_of(request)
    marked = rituals.skip(
        database(request),
        ritual_id,
        today=today,
        planned=later(body.planned, request),
        note=body.note,
    )
    return _marked(marked, today)


@router.post("/rituals/{ritual_id}/move", summary="Move an occurrence to another day")
def ritual_move(request: Request, ritual_id: Id, body: RitualMoveIn) -> JSON:
    today = today_of(request)
    to = later(body.to, request)
    if to is None:
        raise InputError(practice_words.RITUAL_MOVE_NEEDS_DAY)
    marked = rituals.move(
        database(request), ritual_id, today=today, to=to, planned=later(body.planned, request)
    )
    return _marked(marked, today)


@router.post("/rituals/{ritual_id}/end", summary="Let a ritual end; its history is kept")
def ritual_end(request: Request, ritual_id: Id, body: RitualEndIn | None = None) -> JSON:
    body = body or RitualEndIn()
    today = today_of(request)
    ended = rituals.end(database(request), ritual_id, on=later(body.on, request) or today)
    return shapes.ritual(ended, today)


@router.get("/roles", summary="Roles shared during seasons: who holds which today, next switch")
def all_roles(request: Request) -> list[JSON]:
    today = today_of(request)
    return [shapes.rotation(r, today) for r in roles.everyone(database(request))]


@router.post("/roles", status_code=201, summary="Share two roles during a season")
def share_roles(request: Request, body: RolesIn) -> JSONResponse:
    today = today_of(request)
    rotation = roles.share(
        database(request),
        body.season_id,
        body.mine,
        body.theirs,
        today=today,
        every_days=body.every_days,
        with_whom=(body.person or "").strip() or None,
    )
    return created(shapes.rotation(rotation, today))


@router.post("/roles/{rotation_id}/switch", summary="Switch roles now")
def switch_role(request: Request, rotation_id: Id) -> JSON:
    return shapes.rotation(roles.switch(database(request), rotation_id), today_of(request))


@router.post("/roles/{rotation_id}/stop", summary="Stop sharing these roles")
def stop_role(request: Request, rotation_id: Id) -> JSON:
    stopped = roles.stop(database(request), rotation_id)
    return {"stopped": stopped.rotation_id, "season": stopped.season_id}


@router.get("/checkins", summary="Check-ins, oldest first (everyone's, or one person's)")
def checkins_list(request: Request, person_id: QueryId | None = None) -> list[JSON]:
    store = database(request)
    found = checkins.everyone(store) if person_id is None else checkins.of(store, person_id)
    return [shapes.checkin(c) for c in found]


@router.get("/people/{person_id}/checkin-agenda", summary="What to have in front of you")
def checkin_agenda(request: Request, person_id: Id) -> JSON:
    return checkins.prepare(database(request), person_id, on=today_of(request)).agenda


@router.post(
    "/people/{person_id}/checkins", status_code=201, summary="Record a check-in as it was held"
)
def record_checkin(request: Request, person_id: Id, body: CheckInIn) -> JSONResponse:
    sides: dict[str, dict[str, str]] = {
        side: answers.model_dump() for side, answers in body.sides.items()
    }
    texts = [*(sides[s][q] for s in sides for q in CHECKIN_QUESTIONS), *body.adjustments]
    held = checkins.Held(
        on=day(body.on, request),
        sides={
            s: {q: sides.get(s, {}).get(q, "") for q in CHECKIN_QUESTIONS} for s in ("me", "them")
        },
        adjustments=body.adjustments,
        outcomes=dict(body.outcomes),
        next_on=later(body.next_on, request),
    )
    recorded = checkins.record(database(request), person_id, held)
    note = SAFETY_NOTE.format(name=recorded.checkin.person.name) if recorded.safety else None
    return created(
        {
            **shapes.checkin(recorded.checkin),
            "notes": checkins.notes_on(texts),
            "safety": recorded.safety,
            "safety_note": note,
        }
    )


@router.get("/boundaries", summary="Boundaries, oldest first (retired ones with ?all=true)")
def all_boundaries(
    request: Request, everything: Annotated[bool, Query(alias="all")] = False
) -> list[JSON]:
    found = boundary_service.everyone(database(request), retired=everything)
    return [shapes.boundary(b) for b in found]


@router.post("/boundaries", status_code=201, summary="Add a boundary, worded as a request")
def add_boundary(request: Request, body: BoundaryIn) -> JSONResponse:
    boundary = boundary_service.add(
        database(request),
        body.whose or "me",
        body.area,
        body.request,
        since=day(body.since, request),
        review_on=later(body.review_on, request),
        note=body.note,
    )
    return created(shapes.boundary(boundary))


@router.post("/boundaries/{boundary_id}/review", summary="Say where a boundary stands now")
def review_boundary(request: Request, boundary_id: Id, body: BoundaryReviewIn) -> JSON:
    boundary = boundary_service.review(
        database(request),
        boundary_id,
        body.status,
        today=today_of(request),
        request=(body.request or "").strip() or None,
        next_review=later(body.next_review, request),
        note=body.note or None,
    )
    return shapes.boundary(boundary)


@router.get("/wins", summary="Small wins, newest first; ?person=NAME (or me) for one person's")
def wins(
    request: Request,
    person: Annotated[str | None, Query(description="A person's name, or 'me'")] = None,
) -> list[JSON]:
    store = database(request)
    found = win_service.recent(store) if person is None else win_service.of(store, person)
    return [shapes.win(w) for w in found]


@router.post("/wins", status_code=201, summary="Note a small win")
def add_win(request: Request, body: WinIn) -> JSONResponse:
    if not body.whose.strip():
        raise InputError(practice_words.WIN_NEEDS_SOMEONE)
    win = win_service.add(database(request), body.whose, body.text, on=day(body.on, request))
    return created(shapes.win(win))


@router.get("/rhythms", summary="Keep-in-touch rhythms, the last contact, any gentle nudge")
def all_rhythms(request: Request) -> list[JSON]:
    found = rhythms.standings(database(request), today=today_of(request))
    return [shapes.rhythm(r) for r in found]


@router.post("/rhythms", summary="Set or change the rhythm with someone")
def set_rhythm(request: Request, body: RhythmIn) -> JSON:
    store = database(request)
    rhythm = rhythms.set_(store, body.person_id, ideal=body.ideal_days, longest=body.longest_days)
    found = rhythms.standings(store, today=today_of(request))
    return shapes.rhythm(next(r for r in found if r.rhythm.id == rhythm.id))


@router.post("/rhythms/{rhythm_id}/clear", summary="Clear a rhythm; what was noted stays")
def clear_rhythm(request: Request, rhythm_id: Id) -> JSON:
    rhythm = rhythms.clear(database(request), rhythm_id)
    return {"id": rhythm.id, **rhythm.as_dict()}


@router.get("/dates", summary="Dates to remember, the next to come round first")
def dates(request: Request) -> list[JSON]:
    return [shapes.occasion(d) for d in rhythms.dates(database(request), today=today_of(request))]


@router.post("/dates", status_code=201, summary="Add a date to remember")
def add_date(request: Request, body: OccasionIn) -> JSONResponse:
    if not body.whose.strip():
        raise InputError(practice_words.OCCASION_NEEDS_SOMEONE)
    on = later(body.on, request)
    if on is None:
        raise InputError(practice_words.OCCASION_NEEDS_DAY)
    occasion = rhythms.add_date(database(request), body.whose, body.title, on, yearly=body.yearly)
    return created(shapes.occasion(rhythms.date_standing(occasion, today_of(request))))


@router.post("/dates/{date_id}/remove", summary="Remove a date to remember")
def remove_date(request: Request, date_id: Id) -> JSON:
    occasion, _copy = rhythms.remove_date(database(request), date_id)
    return shapes.occasion(rhythms.date_standing(occasion, today_of(request)))


@router.get("/due", summary="What could use attention (as `reciprocity due --json`)")
def due(request: Request, days: Annotated[int, Query(ge=0, le=366)] = DEFAULT_DAYS) -> JSON:
    return shapes.due(attention.upcoming(database(request), today=today_of(request), days=days))


@router.post(
    "/imports",
    summary="Import a chat export (as `reciprocity import --json`), or in the background",
    responses={
        202: {"description": "Started in the background: follow it at `status`."},
        409: {
            "description": (
                "The chat needs to be told who is who (`asks`: `me`), or which of a group's "
                "people to add (`asks`: `people`); the names to choose from are listed."
            )
        },
    },
)
def import_chat(
    request: Request,
    file: Annotated[UploadFile, File(description="A chat export, format detected.")],
    me: Annotated[str, Form(description="Your own name in the chat.")] = "",
    person: Annotated[str, Form(description="Who the other side is, in your list.")] = "",
    add: Annotated[
        list[str], Form(description="In a group chat, someone to add to your list (repeat it).")
    ] = [],  # noqa: B006 -- FastAPI copies a form's default
    add_none: Annotated[
        bool, Form(description="In a group chat, add none of its people to your list.")
    ] = False,
    chat: Annotated[str, Form(description="Which chat, in a whole-account export.")] = "",
    date_order: Annotated[
        str, Form(description="DMY, MDY, YMD, YDM, DYM or MYD, if the guess was wrong.")
    ] = "",
    keep_text: Annotated[bool, Form(description="Keep message text.")] = False,
    background: Annotated[
        bool, Form(description="Answer at once and read the file in the background.")
    ] = False,
) -> JSONResponse:
    if add_none and add:
        raise InputError(chat_words.IMPORT_ADD_NONE_OR_PEOPLE)
    choices = chat_choices(
        me=me,
        person=person,
        people=[] if add_none else (add or None),
        date_order=date_order,
        chat_name=chat,
        keep_text=keep_text,
    )
    imports: ChatImports = request.app.state.imports
    job = imports.accept(file.filename or "", file.file)
    if background:
        imports.start(job, choices)
        status = f"/api/imports/{job.id}"
        return JSONResponse(_import(job), status_code=202, headers={"Location": status})
    try:
        summary = imports.read_now(job, choices)
    except WhoIsWhoError as error:
        everyone = [p.name for p in people.everyone(database(request))]
        answer = {
            "error": str(error),
            "file": job.filename,
            "asks": "people" if isinstance(error, ChoosePeopleError) else "me",
            "names": error.names,
            "known": error.known if isinstance(error, ChoosePeopleError) else [],
            "people": everyone,
        }
        return JSONResponse(answer, status_code=409)
    return JSONResponse(summary.as_dict())


@router.get("/imports/{import_id}", summary="How an import started in the background is going")
def import_status(request: Request, import_id: str) -> JSON:
    imports: ChatImports = request.app.state.imports
    return _import(imports.get(import_id))


def _import(job: ChatImport) -> JSON:
    """An import as ``GET /api/imports/{id}`` shows it; ``summary`` once it is done."""
    return {
        "id": job.id,
        "file": job.filename,
        "state": job.state,
        "read": job.count,
        "summary": None if job.summary is None else job.summary.as_dict(),
        "error": job.error,
        "names": job.names,
        "asks": job.asks if job.state == CHOOSE else None,
        "known": job.known,
        "status": f"/api/imports/{job.id}",
    }
