"""The JSON API under ``/api``: people, moments, seasons, patterns, audits (practices: ``api_practices``).

Every answer is made by ``services.shapes``, the same functions the command
line's ``--json`` prints with, so the two give one shape per concept; every
change goes through ``reciprocity.services``, as the pages' and the command
line's do. Bodies are validated into typed values (enums, ranges) and handed
to the services as they are. Writes need the anti-forgery token in the
``X-CSRF-Token`` header: ``GET /api/csrf`` returns one and sets its cookie.
The schema is at ``/api/openapi.json``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from reciprocity.coach.suggestions import SAFETY_NOTE
from reciprocity.services import audits, moments, people, seasons, shapes
from reciprocity.services import patterns as overview
from reciprocity.services.audits import Answer, AuditDraft, DimensionDraft, EntryDraft, Lean
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
from reciprocity.web import forms
from reciprocity.web.forms import Body, Id
from reciprocity.web.render import database, pages, set_csrf_cookie, today_of
from reciprocity.web.security import CSRF_COOKIE


class Problem(BaseModel):
    """What went wrong, in one line."""

    error: str


class Where(BaseModel):
    where: str
    problem: str


class Problems(Problem):
    problems: list[Where]


ANSWERS: dict[int | str, dict[str, object]] = {
    400: {"model": Problem, "description": "The values sent could not be used; `error` says why."},
    403: {
        "model": Problem,
        "description": "A write without the anti-forgery token (`X-CSRF-Token`, from "
        "`GET /api/csrf`), or one from another site.",
    },
    404: {"model": Problem, "description": "Nothing has that id or name."},
    409: {"model": Problem, "description": "The change would clash with what is stored."},
    413: {"model": Problem, "description": "The body is larger than the upload limit."},
    422: {"model": Problems, "description": "Something sent does not fit; `problems` says where."},
}
"""The answers every route can give besides its own, as the app really gives them."""

router = APIRouter(prefix="/api", tags=["api"], responses=ANSWERS)
JSON = dict[str, Any]


class PersonIn(Body):
    name: str = Field(examples=["Jordan"])
    kind: RelationshipKind = RelationshipKind.FRIEND
    birthday: str | None = Field(
        None, examples=["1990-05-17", "--05-17"], description="Without a year: --MM-DD."
    )
    my_care: list[CareStyle] = Field(default_factory=list)
    their_care: list[CareStyle] = Field(default_factory=list)
    note: str = ""


class MomentIn(Body):
    text: str = Field(examples=["Jordan called to ask about the interview"])
    by: Giver = Giver.ME
    dimensions: list[Dimension] = Field(default_factory=list)
    style: CareStyle | None = None
    energy: int | None = Field(None, ge=ENERGY_MIN, le=ENERGY_MAX)
    on: str = Field("today", examples=["2026-03-14", "yesterday"])


class SeasonIn(Body):
    whose: str = Field(examples=["Rosa", "me"])
    kind: SeasonKind
    on: str = "today"
    note: str = ""


class SeasonEnd(Body):
    on: str = "today"


class AnswerIn(Body):
    key: str
    question: str = ""
    answer: str = ""


class RatingIn(Body):
    rating: int = Field(ge=RATING_MIN, le=RATING_MAX)
    direction: Direction = Direction.MUTUAL
    vision: str | None = None
    answers: list[AnswerIn] = Field(default_factory=list)


class EntryIn(RatingIn):
    person: str
    note: str = ""
    dimensions: dict[Dimension, RatingIn] = Field(default_factory=dict)


class AuditIn(Body):
    date: str = "today"
    note: str = ""
    entries: list[EntryIn]


def day(value: str, request: Request) -> date:
    """A date as sent (``2026-03-14``, ``yesterday``); ``today`` when left out."""
    today = today_of(request)
    return forms.day(value, today=today) or today


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


@router.get("/people", summary="Everyone, by name (as `reciprocity people list --json`)")
def everyone(request: Request) -> list[JSON]:
    return [shapes.person(row) for row in people.rows(database(request))]


@router.post("/people", status_code=201, summary="Add someone")
def add_person(request: Request, body: PersonIn) -> JSONResponse:
    store = database(request)
    person = people.add(
        store,
        body.name,
        kind=body.kind,
        birthday=forms.birthday(body.birthday or "", today=today_of(request)),
        my_care=body.my_care,
        their_care=body.their_care,
        note=body.note,
    )
    return created(shapes.person_detail(people.detail(store, person.id)))


@router.get("/people/{person_id}", summary="One person (as `reciprocity people show NAME --json`)")
def person(request: Request, person_id: Id) -> JSON:
    return shapes.person_detail(people.detail(database(request), person_id))


@router.get("/people/{person_id}/moments", summary="A person's moments, oldest first")
def person_moments(request: Request, person_id: Id) -> list[JSON]:
    return [shapes.moment(m) for m in moments.of(database(request), person_id)]


@router.post(
    "/people/{person_id}/moments",
    status_code=201,
    summary="Note a moment",
    description="Answers with the moment as saved, `safety` and `safety_note` (when its words "
    "call for the note pointing to help), and `suggested_dimensions`: when it was sent with no "
    "`dimensions`, the ones its words point to (at most two, likeliest first; empty when the "
    "words give no clear hint, and whenever `dimensions` were sent). Nothing is tagged for the "
    "person: `PATCH /api/moments/{id}` with `dimensions` adds what fits.",
)
def log_moment(request: Request, person_id: Id, body: MomentIn) -> JSONResponse:
    noted = moments.note(
        database(request),
        person_id,
        body.text,
        on=day(body.on, request),
        by=body.by,
        dimensions=body.dimensions,
        style=body.style,
        energy=body.energy,
    )
    note = SAFETY_NOTE.format(name=noted.name) if noted.safety else None
    return created(
        {
            **shapes.moment(noted.moment),
            "safety": noted.safety,
            "safety_note": note,
            "suggested_dimensions": [d.value for d in noted.suggested],
        }
    )


@router.get("/seasons", summary="Every season, ongoing first (as `reciprocity season list --json`)")
def all_seasons(request: Request) -> list[JSON]:
    return [shapes.season(s) for s in seasons.everyone(database(request))]


@router.post("/seasons", status_code=201, summary="Start a season")
def start_season(request: Request, body: SeasonIn) -> JSONResponse:
    season = seasons.start(
        database(request), body.whose, body.kind, on=day(body.on, request), note=body.note
    )
    return created(shapes.season(season))


@router.post("/seasons/{season_id}/end", summary="End a season")
def end_season(request: Request, season_id: Id, body: SeasonEnd) -> JSON:
    return shapes.season(seasons.end(database(request), season_id, on=day(body.on, request)))


@router.get("/patterns", summary="Everyone's patterns (as `reciprocity patterns --json`)")
def patterns(request: Request) -> list[JSON]:
    cache = request.app.state.patterns
    found = overview.everyone(database(request), today=today_of(request), cache=cache)
    return [p.as_dict() for p in found]


@router.get(
    "/patterns/{person_id}", summary="One relationship's patterns (as `patterns NAME --json`)"
)
def pattern(request: Request, person_id: Id) -> JSON:
    return overview.of(database(request), person_id, today=today_of(request)).as_dict()


@router.get("/audits", summary="Every audit, oldest first (as `reciprocity audit list --json`)")
def all_audits(request: Request) -> list[JSON]:
    return [shapes.audit_summary(a) for a in audits.everyone(database(request))]


@router.get(
    "/audits/{audit_id}", summary="One audit in full (as `reciprocity audit show ID --json`)"
)
def audit(request: Request, audit_id: Id) -> JSON:
    return shapes.audit(audits.get(database(request), audit_id))


@router.post("/audits", status_code=201, summary="Save a completed audit")
def save_audit(request: Request, body: AuditIn) -> JSONResponse:
    saved = audits.save(database(request), _draft(body, request))
    notes = [SAFETY_NOTE.format(name=name) for name in saved.safety]
    return created({**shapes.audit(saved.audit), "safety_notes": notes})


def _lean(part: RatingIn, label: str) -> Lean:
    return audits.settle(part.rating, part.direction, part.vision, label)


def _draft(body: AuditIn, request: Request) -> AuditDraft:
    entries = [
        EntryDraft(
            person=entry.person,
            overall=_lean(entry, audits.OVERALL),
            dimensions={
                dimension: DimensionDraft(
                    _lean(part, dimension.value),
                    [Answer(a.key, a.question, a.answer) for a in part.answers],
                )
                for dimension, part in entry.dimensions.items()
            },
            note=entry.note,
        )
        for entry in body.entries
    ]
    return AuditDraft(on=day(body.date, request), entries=entries, note=body.note)
