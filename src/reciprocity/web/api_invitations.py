"""The JSON API for invitations: someone close answers a check-in (or the audit) too.

``POST /api/invitations`` makes one and gives its link once (only a
fingerprint of the code is kept); ``GET /api/invitations/{id}`` gives its
state, with the friend's answers (``answers.them``) absent until the user has
answered too; ``POST /api/invitations/{id}/answer`` takes the user's answers.
Every change goes through ``services.invitations``; every shape is
``services.shapes``'. Writes need the ``X-CSRF-Token`` header, as elsewhere.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import Field

from reciprocity.services import invitations, shapes
from reciprocity.services.invitations import Made
from reciprocity.vocabulary import (
    RATING_MAX,
    RATING_MIN,
    Dimension,
    Direction,
    InvitationKind,
)
from reciprocity.web.api import ANSWERS, JSON, created
from reciprocity.web.forms import Body, Id
from reciprocity.web.invitation_links import link_of, now_of
from reciprocity.web.render import database, today_of

router = APIRouter(prefix="/api", tags=["api"], responses=ANSWERS)


class InvitationIn(Body):
    person: str = Field(examples=["Sam"], description="The person's name.")
    kind: InvitationKind = InvitationKind.CHECKIN
    from_name: str = Field(
        "", alias="from", description="How the friend knows you, shown on their page."
    )
    include_ratings: bool = Field(
        False, description="Show the friend your earlier audit ratings once both have answered."
    )


class DimensionAnswerIn(Body):
    rating: int = Field(ge=RATING_MIN, le=RATING_MAX)
    leaning: Direction = Field(
        Direction.MUTUAL, description="Who carries more: me (you), them, or mutual."
    )


class AnswerIn(Body):
    supported: str = ""
    meaningful: str = ""
    drained: str = ""
    dimensions: dict[Dimension, DimensionAnswerIn] = Field(
        default_factory=dict, description="For an audit invitation: each of the four dimensions."
    )
    include_ratings: bool | None = None


def _made(request: Request, made: Made) -> JSONResponse:
    url, path, listening, note = link_of(request, made.code)
    return created(shapes.invitation_made(made.view, url, path, listening, note))


@router.get("/invitations", summary="Every invitation, newest first")
def all_invitations(request: Request) -> list[JSON]:
    return [
        shapes.invitation(v) for v in invitations.listed(database(request), now=now_of(request))
    ]


@router.post(
    "/invitations",
    status_code=201,
    summary="Invite someone to answer a check-in or the audit",
    description="Answers with `url`: the phone listener's address with the link's code, shown "
    "this once (null while the listener is closed: `path` is the link's path, and `note` says "
    "when it works). The link opens for seven days.",
)
def create_invitation(request: Request, body: InvitationIn) -> JSONResponse:
    made = invitations.create(
        database(request),
        body.person,
        body.kind,
        from_name=body.from_name,
        include_ratings=body.include_ratings,
        now=now_of(request),
    )
    return _made(request, made)


@router.get(
    "/invitations/{invitation_id}",
    summary="An invitation's state; the friend's answers only once you have answered too",
)
def invitation(request: Request, invitation_id: Id) -> JSON:
    return shapes.invitation(invitations.get(database(request), invitation_id, now=now_of(request)))


@router.post("/invitations/{invitation_id}/answer", summary="Your answers to an invitation")
def answer(request: Request, invitation_id: Id, body: AnswerIn) -> JSON:
    answers: dict[str, Any] = {
        "supported": body.supported,
        "meaningful": body.meaningful,
        "drained": body.drained,
    }
    if body.dimensions:
        answers = {d.value: part.model_dump(mode="json") for d, part in body.dimensions.items()}
    found = invitations.answer_as_user(
        database(request),
        invitation_id,
        answers,
        include_ratings=body.include_ratings,
        on=today_of(request),
        now=now_of(request),
    )
    return shapes.invitation(found)


@router.post(
    "/invitations/{invitation_id}/link",
    status_code=201,
    summary="A new link for an open invitation (the old one stops working)",
)
def new_link(request: Request, invitation_id: Id) -> JSONResponse:
    return _made(
        request, invitations.new_link(database(request), invitation_id, now=now_of(request))
    )


@router.post(
    "/invitations/{invitation_id}/withdraw",
    summary="Close an invitation: its link stops opening; answers not seen by both are dropped",
)
def withdraw(request: Request, invitation_id: Id) -> JSON:
    return shapes.invitation(
        invitations.withdraw(database(request), invitation_id, now=now_of(request))
    )


@router.delete(
    "/invitations/{invitation_id}",
    summary="Remove an invitation and its answers (a check-in both answered stays)",
)
def remove(request: Request, invitation_id: Id) -> JSON:
    return shapes.invitation(invitations.remove(database(request), invitation_id))
