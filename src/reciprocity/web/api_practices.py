"""The JSON API for the practices: rituals, roles, check-ins, boundaries, small wins, due, imports.

Mounted under ``/api`` beside ``web.api``, with the same conventions: the
shapes of the command line's ``--json``, every change through ``web.actions``
or ``web.jobs``, writes guarded by the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from reciprocity.coach import phrasing
from reciprocity.errors import WhoIsWhoError
from reciprocity.model import Boundary, CheckIn, Ritual, Win
from reciprocity.model.boundary import all_boundaries, is_vague
from reciprocity.model.checkin import QUESTIONS, all_checkins, checkins_with
from reciprocity.model.person import all_people
from reciprocity.model.ritual import all_rituals, find_ritual
from reciprocity.model.role import all_rotations, find_rotation, stop_roles, switch_roles
from reciprocity.model.win import recent_wins, wins_with
from reciprocity.services import checkins
from reciprocity.services import due as agenda
from reciprocity.services.due import (
    DEFAULT_DAYS,
    due_document,
    person_named,
    ritual_row,
    rotation_row,
)
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
)
from reciprocity.web import actions
from reciprocity.web.api import JSON, created
from reciprocity.web.jobs import ChatImport, ChatImports, chat_choices
from reciprocity.web.render import database, today_of

router = APIRouter(prefix="/api", tags=["api"])


class RitualIn(BaseModel):
    person_id: int = Field(examples=[2])
    title: str = Field(examples=["Sunday call"])
    rule: str = Field(
        description="An RFC 5545 rule or a friendly cadence (weekly, fortnightly, monthly, "
        "'every sunday', 'monthly on the first saturday').",
        examples=["every sunday", "monthly on the first friday", "FREQ=WEEKLY;BYDAY=SU"],
    )
    start: str = Field("today", examples=["2026-11-01"])
    end: str | None = Field(None, examples=["2027-06-30"])
    at: str | None = Field(None, examples=["19:30"])
    zone: str | None = Field(None, examples=["Europe/London"])
    others: list[int] = Field([], description="Ids of others who share it.", examples=[[3]])
    first: str | None = Field(None, description="Who hosts first.", examples=["me", "Jordan"])
    rotates: bool = True
    note: str = ""


class RitualDoneIn(BaseModel):
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


class RitualSkipIn(BaseModel):
    planned: str | None = Field(default=None, examples=["2026-11-01"])
    note: str = ""


class RitualMoveIn(BaseModel):
    to: str = Field(examples=["2026-11-13"])
    planned: str | None = Field(None, examples=["2026-11-11"])


class RitualEndIn(BaseModel):
    on: str = Field(default="today", description="The last day.", examples=["today", "2026-12-31"])


class RolesIn(BaseModel):
    season_id: int = Field(examples=[3])
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


class SideIn(BaseModel):
    supported: str = Field("", examples=["Jordan came to the station to meet me"])
    meaningful: str = ""
    drained: str = ""


class CheckInIn(BaseModel):
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


class BoundaryIn(BaseModel):
    whose: str = Field("me", examples=["me", "Jordan"])
    area: BoundaryArea
    request: str = Field(examples=["On weeknights I am free to talk until nine; after that, texts"])
    since: str = "today"
    review_on: str | None = Field(None, examples=["2026-12-13"])
    note: str = ""


class BoundaryReviewIn(BaseModel):
    status: BoundaryStatus
    request: str | None = Field(None, description="The renegotiated request, if it changed.")
    next_review: str | None = Field(None, examples=["2027-01-10"])
    note: str | None = None


class WinIn(BaseModel):
    whose: str = Field(examples=["Jordan", "me"])
    text: str = Field(examples=["Jordan asked how my week was before talking about theirs."])
    on: str = Field("today", examples=["today", "2026-10-30"])


class RhythmIn(BaseModel):
    person_id: int = Field(examples=[2])
    ideal_days: int = Field(
        description="The gap between contacts that feels right, in days (1 to 3660).",
        examples=[14],
    )
    longest_days: int | None = Field(
        None,
        description="The longest gap that still feels comfortable (default: twice the ideal).",
        examples=[30],
    )


class OccasionIn(BaseModel):
    whose: str = Field("me", examples=["Rosa", "me"])
    title: str = Field(examples=["Wedding anniversary"])
    on: str = Field(examples=["2027-03-14", "14 Mar 2027"])
    yearly: bool = Field(True, description="It comes back every year; false for a one-off date.")


def _checkin(checkin: CheckIn) -> JSON:
    return {"id": checkin.id, **checkin.as_dict()}


def _boundary(boundary: Boundary) -> JSON:
    offer = phrasing.offer(boundary.request)
    return {
        "id": boundary.id,
        **boundary.as_dict(),
        "offer": None if offer is None else {"why": offer.why, "rewrite": offer.rewrite},
        "vague": is_vague(boundary.request),
    }


def _win(win: Win) -> JSON:
    return {"id": win.id, **win.as_dict()}


def _marked(ritual: Ritual, due: date, today: date) -> JSON:
    """The ritual after a mark, with the occurrence that was marked."""
    occurrence = next(o for o in ritual.occurrences if o.due == due)
    return {**ritual_row(ritual, today), "marked": occurrence.as_dict()}


# -- the practices: rituals, check-ins, boundaries, small wins, what is due ---


@router.get("/rituals", summary="Every ritual: what is next, who hosts next, how well kept")
def rituals(request: Request) -> list[JSON]:
    today = today_of(request)
    with database(request).transaction() as session:
        return [ritual_row(r, today) for r in all_rituals(session)]


@router.post("/rituals", status_code=201, summary="Add a ritual with a cadence")
def add_ritual(request: Request, body: RitualIn) -> JSONResponse:
    today = today_of(request)
    with database(request).transaction() as session:
        ritual = actions.new_ritual(
            session,
            actions.person_by_id(session, body.person_id),
            title=body.title,
            rule=body.rule,
            start=body.start,
            end=body.end or "",
            at=body.at or "",
            zone=body.zone or "",
            others=[actions.person_by_id(session, i) for i in body.others],
            first=body.first,
            rotates=body.rotates,
            note=body.note,
            today=today,
        )
        return created(ritual_row(ritual, today))


@router.post("/rituals/{ritual_id}/done", summary="Mark an occurrence done; hosting moves on")
def ritual_done(request: Request, ritual_id: int, body: RitualDoneIn | None = None) -> JSON:
    body = body or RitualDoneIn()
    today = today_of(request)
    with database(request).transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = actions.ritual_done(
            ritual,
            on=body.on,
            planned=body.planned or "",
            host=body.host or "",
            note=body.note,
            today=today,
        )
        return _marked(ritual, due, today)


@router.post("/rituals/{ritual_id}/skip", summary="Skip an occurrence by choice")
def ritual_skip(request: Request, ritual_id: int, body: RitualSkipIn | None = None) -> JSON:
    body = body or RitualSkipIn()
    today = today_of(request)
    with database(request).transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = actions.ritual_skipped(
            ritual, planned=body.planned or "", note=body.note, today=today
        )
        return _marked(ritual, due, today)


@router.post("/rituals/{ritual_id}/move", summary="Move an occurrence to another day")
def ritual_move(request: Request, ritual_id: int, body: RitualMoveIn) -> JSON:
    today = today_of(request)
    with database(request).transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = actions.ritual_moved(ritual, to=body.to, planned=body.planned or "", today=today)
        return _marked(ritual, due, today)


@router.post("/rituals/{ritual_id}/end", summary="Let a ritual end; its history is kept")
def ritual_end(request: Request, ritual_id: int, body: RitualEndIn | None = None) -> JSON:
    body = body or RitualEndIn()
    today = today_of(request)
    with database(request).transaction() as session:
        ritual = find_ritual(session, ritual_id)
        actions.ritual_ended(ritual, on=body.on, today=today)
        return ritual_row(ritual, today)


@router.get("/roles", summary="Roles shared during seasons: who holds which today, next switch")
def roles(request: Request) -> list[JSON]:
    today = today_of(request)
    with database(request).transaction() as session:
        return [rotation_row(r, today) for r in all_rotations(session)]


@router.post("/roles", status_code=201, summary="Share two roles during a season")
def share_roles(request: Request, body: RolesIn) -> JSONResponse:
    today = today_of(request)
    with database(request).transaction() as session:
        rotation = actions.share_roles(
            session,
            body.season_id,
            mine=body.mine,
            theirs=body.theirs,
            every=body.every_days,
            with_whom=body.person or "",
            today=today,
        )
        return created(rotation_row(rotation, today))


@router.post("/roles/{rotation_id}/switch", summary="Switch roles now")
def switch_role(request: Request, rotation_id: int) -> JSON:
    today = today_of(request)
    with database(request).transaction() as session:
        rotation = switch_roles(find_rotation(session, rotation_id))
        return rotation_row(rotation, today)


@router.post("/roles/{rotation_id}/stop", summary="Stop sharing these roles")
def stop_role(request: Request, rotation_id: int) -> JSON:
    with database(request).transaction() as session:
        rotation = find_rotation(session, rotation_id)
        stopped = {"stopped": rotation.id, "season": rotation.season_id}
        stop_roles(session, rotation)
        return stopped


@router.get("/checkins", summary="Check-ins, oldest first (everyone's, or one person's)")
def checkins_list(request: Request, person_id: int | None = None) -> list[JSON]:
    with database(request).transaction() as session:
        if person_id is None:
            found = all_checkins(session)
        else:
            found = checkins_with(session, actions.person_by_id(session, person_id))
        return [_checkin(c) for c in found]


@router.get("/people/{person_id}/checkin-agenda", summary="What to have in front of you")
def checkin_agenda(request: Request, person_id: int) -> JSON:
    with database(request).transaction() as session:
        person = actions.person_by_id(session, person_id)
        return checkins.agenda(session, person, today_of(request))


@router.post(
    "/people/{person_id}/checkins", status_code=201, summary="Record a check-in as it was held"
)
def record_checkin(request: Request, person_id: int, body: CheckInIn) -> JSONResponse:
    sides: dict[str, dict[str, str]] = {
        side: answers.model_dump() for side, answers in body.sides.items()
    }
    texts = [*(sides[s][q] for s in sides for q in QUESTIONS), *body.adjustments]
    with database(request).transaction() as session:
        checkin = actions.record_checkin(
            session,
            actions.person_by_id(session, person_id),
            sides=sides,
            adjustments=body.adjustments,
            outcomes={key: outcome.value for key, outcome in body.outcomes.items()},
            on=body.on,
            next_on=body.next_on or "",
            today=today_of(request),
        )
        return created({**_checkin(checkin), "notes": checkins.notes_on(texts)})


@router.get("/boundaries", summary="Boundaries, oldest first (retired ones with ?all=true)")
def boundaries(
    request: Request, everything: Annotated[bool, Query(alias="all")] = False
) -> list[JSON]:
    with database(request).transaction() as session:
        return [_boundary(b) for b in all_boundaries(session, retired=everything)]


@router.post("/boundaries", status_code=201, summary="Add a boundary, worded as a request")
def add_boundary(request: Request, body: BoundaryIn) -> JSONResponse:
    with database(request).transaction() as session:
        boundary = actions.new_boundary(
            session,
            whose=body.whose,
            area=body.area.value,
            request=body.request,
            since=body.since,
            review=body.review_on or "",
            note=body.note,
            today=today_of(request),
        )
        return created(_boundary(boundary))


@router.post("/boundaries/{boundary_id}/review", summary="Say where a boundary stands now")
def review_boundary(request: Request, boundary_id: int, body: BoundaryReviewIn) -> JSON:
    with database(request).transaction() as session:
        boundary = actions.review_boundary(
            session,
            boundary_id,
            status=body.status.value,
            request=body.request or "",
            next_review=body.next_review or "",
            note=body.note,
            today=today_of(request),
        )
        return _boundary(boundary)


@router.get("/wins", summary="Small wins, newest first; ?person=NAME (or me) for one person's")
def wins(
    request: Request,
    person: Annotated[str | None, Query(description="A person's name, or 'me'")] = None,
) -> list[JSON]:
    with database(request).transaction() as session:
        if person is None:
            return [_win(w) for w in recent_wins(session)]
        return [_win(w) for w in wins_with(session, person_named(session, person))]


@router.post("/wins", status_code=201, summary="Note a small win")
def add_win(request: Request, body: WinIn) -> JSONResponse:
    with database(request).transaction() as session:
        win = actions.new_win(
            session, whose=body.whose, text=body.text, on=body.on, today=today_of(request)
        )
        return created(_win(win))


@router.get("/rhythms", summary="Keep-in-touch rhythms, the last contact, any gentle nudge")
def rhythms(request: Request) -> list[JSON]:
    with database(request).transaction() as session:
        return agenda.rhythm_rows(session, today_of(request))


@router.post("/rhythms", summary="Set or change the rhythm with someone")
def set_rhythm(request: Request, body: RhythmIn) -> JSON:
    today = today_of(request)
    with database(request).transaction() as session:
        rhythm = actions.set_rhythm(
            session,
            actions.person_by_id(session, body.person_id),
            ideal=body.ideal_days,
            longest=body.longest_days,
        )
        return next(r for r in agenda.rhythm_rows(session, today) if r["id"] == rhythm.id)


@router.post("/rhythms/{rhythm_id}/clear", summary="Clear a rhythm; what was noted stays")
def clear_rhythm(request: Request, rhythm_id: int) -> JSON:
    with database(request).transaction() as session:
        rhythm = actions.clear_rhythm(session, rhythm_id)
        return {"id": rhythm.id, **rhythm.as_dict()}


@router.get("/dates", summary="Dates to remember, the next to come round first")
def dates(request: Request) -> list[JSON]:
    with database(request).transaction() as session:
        return agenda.occasion_rows(session, today_of(request))


@router.post("/dates", status_code=201, summary="Add a date to remember")
def add_date(request: Request, body: OccasionIn) -> JSONResponse:
    today = today_of(request)
    with database(request).transaction() as session:
        occasion = actions.new_occasion(
            session, whose=body.whose, title=body.title, on=body.on, yearly=body.yearly, today=today
        )
        return created(agenda.occasion_row(occasion, today))


@router.post("/dates/{date_id}/remove", summary="Remove a date to remember")
def remove_date(request: Request, date_id: int) -> JSON:
    today = today_of(request)
    with database(request).transaction() as session:
        return agenda.occasion_row(actions.remove_occasion(session, date_id), today)


@router.get("/due", summary="What could use attention (as `reciprocity due --json`)")
def due(request: Request, days: Annotated[int, Query(ge=0, le=366)] = DEFAULT_DAYS) -> JSON:
    with database(request).transaction() as session:
        return due_document(session, today_of(request), days)


@router.post(
    "/imports",
    summary="Import a chat export (as `reciprocity import --json`), or in the background",
    responses={
        202: {"description": "Started in the background: follow it at `status`."},
        409: {"description": "The chat needs to be told who is who; names are listed."},
    },
)
def import_chat(
    request: Request,
    file: Annotated[UploadFile, File(description="A chat export, format detected.")],
    me: Annotated[str, Form(description="Your own name in the chat.")] = "",
    person: Annotated[str, Form(description="Who the other side is, in your list.")] = "",
    chat: Annotated[str, Form(description="Which chat, in a whole-account export.")] = "",
    date_order: Annotated[str, Form(description="DMY, MDY or YMD, if the guess was wrong.")] = "",
    keep_text: Annotated[bool, Form(description="Keep message text.")] = False,
    background: Annotated[
        bool, Form(description="Answer at once and read the file in the background.")
    ] = False,
) -> JSONResponse:
    choices = chat_choices(
        me=me, person=person, date_order=date_order, chat_name=chat, keep_text=keep_text
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
        with database(request).transaction() as session:
            people = [p.name for p in all_people(session)]
        answer = {"error": str(error), "file": job.filename, "names": error.names, "people": people}
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
        "status": f"/api/imports/{job.id}",
    }
