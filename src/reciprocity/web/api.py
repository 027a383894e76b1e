"""The JSON API under ``/api``: people, moments, seasons, patterns, audits (practices: ``api_practices``).

The same shapes as the command line's ``--json`` (``Person.as_dict``,
``RelationshipPattern.as_dict``, ``Audit.as_dict``, ``agenda.ritual_row``,
``checkins.agenda``, ``agenda.due_document``, ``ImportSummary.as_dict``), with
ids added. Every change goes through ``web.actions`` (or ``web.jobs`` for chat
imports), the same functions the pages call, so both keep the same rules.
Writes need the anti-forgery token in the ``X-CSRF-Token`` header: ``GET
/api/csrf`` returns one and sets its cookie. The schema is at ``/api/openapi.json``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from reciprocity.model import Audit, Moment, Person, Season
from reciprocity.model.audit import all_audits, find_audit
from reciprocity.model.person import all_people
from reciprocity.services import patterns as overview
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    RATING_MAX,
    RATING_MIN,
    CareStyle,
    Dimension,
    Direction,
    Giver,
    RelationshipKind,
    SeasonKind,
)
from reciprocity.web import actions
from reciprocity.web.render import database, pages, set_csrf_cookie, today_of
from reciprocity.web.security import CSRF_COOKIE

router = APIRouter(prefix="/api", tags=["api"])
JSON = dict[str, Any]


class PersonIn(BaseModel):
    name: str = Field(examples=["Jordan"])
    kind: RelationshipKind = RelationshipKind.FRIEND
    birthday: str | None = Field(None, examples=["1990-05-17"])
    my_care: list[CareStyle] = []
    their_care: list[CareStyle] = []
    note: str = ""


class MomentIn(BaseModel):
    text: str = Field(examples=["Jordan called to ask about the interview"])
    by: Giver = Giver.ME
    dimensions: list[Dimension] = []
    style: CareStyle | None = None
    energy: int | None = Field(None, ge=ENERGY_MIN, le=ENERGY_MAX)
    on: str = Field("today", examples=["2026-03-14", "yesterday"])


class SeasonIn(BaseModel):
    whose: str = Field(examples=["Rosa", "me"])
    kind: SeasonKind
    on: str = "today"
    note: str = ""


class SeasonEnd(BaseModel):
    on: str = "today"


class AnswerIn(BaseModel):
    key: str
    question: str = ""
    answer: str = ""


class RatingIn(BaseModel):
    rating: int = Field(ge=RATING_MIN, le=RATING_MAX)
    direction: Direction = Direction.MUTUAL
    vision: str | None = None
    answers: list[AnswerIn] = []


class EntryIn(RatingIn):
    person: str
    note: str = ""
    dimensions: dict[Dimension, RatingIn] = {}


class AuditIn(BaseModel):
    date: str = "today"
    note: str = ""
    entries: list[EntryIn]


def _person(person: Person) -> JSON:
    return {"id": person.id, **person.as_dict()}


def _moment(moment: Moment) -> JSON:
    return {"id": moment.id, **moment.as_dict()}


def _season(season: Season) -> JSON:
    return {"id": season.id, **season.as_dict(), "ongoing": season.end is None}


def _audit(audit: Audit) -> JSON:
    return {"id": audit.id, **audit.as_dict()}


def created(data: JSON) -> JSONResponse:
    return JSONResponse(data, status_code=201)


@router.get("/csrf", summary="A token for writes (send it as X-CSRF-Token)")
def csrf_token(request: Request) -> JSONResponse:
    csrf = pages(request).csrf
    nonce = request.cookies.get(CSRF_COOKIE)
    fresh = not nonce
    nonce = nonce or csrf.new_nonce()
    response = JSONResponse({"token": csrf.token(nonce), "header": "X-CSRF-Token"})
    if fresh:
        set_csrf_cookie(response, nonce)
    return response


@router.get("/people", summary="Everyone, by name")
def people(request: Request) -> list[JSON]:
    with database(request).transaction() as session:
        return [_person(p) for p in all_people(session)]


@router.post("/people", status_code=201, summary="Add someone")
def add_person(request: Request, body: PersonIn) -> JSONResponse:
    with database(request).transaction() as session:
        person = actions.new_person(
            session,
            name=body.name,
            kind=body.kind.value,
            birthday=body.birthday or "",
            my_care=[s.value for s in body.my_care],
            their_care=[s.value for s in body.their_care],
            note=body.note,
            today=today_of(request),
        )
        return created(_person(person))


@router.get("/people/{person_id}", summary="One person, with their moments")
def person(request: Request, person_id: int) -> JSON:
    with database(request).transaction() as session:
        found = actions.person_by_id(session, person_id)
        return {**_person(found), "moments": [_moment(m) for m in found.moments]}


@router.get("/people/{person_id}/moments", summary="A person's moments, oldest first")
def moments(request: Request, person_id: int) -> list[JSON]:
    with database(request).transaction() as session:
        return [_moment(m) for m in actions.person_by_id(session, person_id).moments]


@router.post("/people/{person_id}/moments", status_code=201, summary="Note a moment")
def log_moment(request: Request, person_id: int, body: MomentIn) -> JSONResponse:
    with database(request).transaction() as session:
        moment = actions.log_moment(
            session,
            actions.person_by_id(session, person_id),
            text=body.text,
            by=body.by.value,
            dimensions=[d.value for d in body.dimensions],
            style="" if body.style is None else body.style.value,
            energy=body.energy,
            on=body.on,
            today=today_of(request),
        )
        return created(_moment(moment))


@router.get("/seasons", summary="Every season, ongoing first")
def seasons(request: Request) -> list[JSON]:
    with database(request).transaction() as session:
        return [_season(s) for s in actions.all_seasons(session)]


@router.post("/seasons", status_code=201, summary="Start a season")
def start_season(request: Request, body: SeasonIn) -> JSONResponse:
    with database(request).transaction() as session:
        season = actions.start_season(
            session,
            whose=body.whose,
            kind=body.kind.value,
            on=body.on,
            note=body.note,
            today=today_of(request),
        )
        return created(_season(season))


@router.post("/seasons/{season_id}/end", summary="End a season")
def end_season(request: Request, season_id: int, body: SeasonEnd) -> JSON:
    with database(request).transaction() as session:
        season = actions.end_season(session, season_id, on=body.on, today=today_of(request))
        return _season(season)


@router.get("/patterns", summary="Everyone's patterns (as `reciprocity patterns --json`)")
def patterns(request: Request) -> list[JSON]:
    with database(request).transaction() as session:
        cache: overview.PatternCache = request.app.state.patterns
        return [p.as_dict() for p in cache.all_patterns(session, today=today_of(request))]


@router.get("/patterns/{person_id}", summary="One relationship's patterns")
def pattern(request: Request, person_id: int) -> JSON:
    with database(request).transaction() as session:
        found = actions.person_by_id(session, person_id)
        return overview.pattern_of(session, found, today=today_of(request)).as_dict()


@router.get("/audits", summary="Every audit, oldest first")
def audits(request: Request) -> list[JSON]:
    with database(request).transaction() as session:
        return [_audit(a) for a in all_audits(session)]


@router.get("/audits/{audit_id}", summary="One audit in full")
def audit(request: Request, audit_id: int) -> JSON:
    with database(request).transaction() as session:
        return _audit(find_audit(session, audit_id))


@router.post("/audits", status_code=201, summary="Save a completed audit")
def save_audit(request: Request, body: AuditIn) -> JSONResponse:
    with database(request).transaction() as session:
        return created(_audit(_build(session, body, request)))


def _build(session: Session, body: AuditIn, request: Request) -> Audit:
    document = body.model_dump(mode="json")
    return actions.build_audit(session, document, today=today_of(request))
