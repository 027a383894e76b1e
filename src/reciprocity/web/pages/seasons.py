"""Seasons: stretches when one side legitimately needs more, and the roles shared during them.

Roles under stress (one plans, one listens, then switch) go through the same
``model.role`` functions as ``reciprocity roles``: ``set_roles`` (by way of
``web.actions.share_roles``), ``switch_roles`` and ``stop_roles``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import practices as practice_words
from reciprocity.coach import web as words
from reciprocity.errors import ReciprocityError
from reciprocity.model import Person, RoleRotation
from reciprocity.model.person import all_people
from reciprocity.model.role import all_rotations, find_rotation, stop_roles, switch_roles
from reciprocity.services.due import holders_words, rotation_row
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/seasons", response_class=HTMLResponse)
def seasons_page(request: Request) -> HTMLResponse:
    return _render(request, values={"whose": request.query_params.get("whose", "me")})


@router.post("/seasons", response_class=HTMLResponse)
def start_season(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values = {
        "whose": forms.text(form, "whose"),
        "kind": forms.text(form, "kind"),
        "on": forms.text(form, "on"),
        "note": forms.text(form, "note"),
    }
    try:
        with database(request).transaction() as session:
            actions.start_season(session, today=today_of(request), **values)
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse("/seasons", status_code=303)


@router.post("/seasons/{season_id}/end", response_class=HTMLResponse)
def end_season(
    request: Request, season_id: int, form: FormData = Depends(forms.read_form)
) -> Response:
    try:
        with database(request).transaction() as session:
            actions.end_season(
                session, season_id, on=forms.text(form, "on"), today=today_of(request)
            )
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return RedirectResponse("/seasons", status_code=303)


@router.post("/seasons/{season_id}/roles", response_class=HTMLResponse)
def share_roles(
    request: Request, season_id: int, form: FormData = Depends(forms.read_form)
) -> Response:
    typed = {key: forms.text(form, key) for key in ("mine", "theirs", "every", "with")}
    try:
        with database(request).transaction() as session:
            rotation = actions.share_roles(
                session,
                season_id,
                mine=typed["mine"],
                theirs=typed["theirs"],
                every=typed["every"],
                with_whom=typed["with"],
                today=today_of(request),
            )
            found = (rotation.id, rotation.season_id)
    except ReciprocityError as error:
        roles = {"season": season_id, **typed}
        return _render(request, values={}, roles=roles, error=str(error), status=400)
    return _back("roles-set", f"rotation={found[0]}", found[1])


@router.post("/roles/{rotation_id}/switch", response_class=HTMLResponse)
def switch(request: Request, rotation_id: int) -> Response:
    try:
        with database(request).transaction() as session:
            rotation = switch_roles(find_rotation(session, rotation_id))
            season_id = rotation.season_id
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return _back("roles-switched", f"rotation={rotation_id}", season_id)


@router.post("/roles/{rotation_id}/stop", response_class=HTMLResponse)
def stop(request: Request, rotation_id: int) -> Response:
    try:
        with database(request).transaction() as session:
            rotation = find_rotation(session, rotation_id)
            season_id, person_id = rotation.season_id, rotation.person_id
            stop_roles(session, rotation)
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return _back("roles-stopped", f"person={person_id}", season_id)


def _back(notice: str, about: str, season_id: int) -> RedirectResponse:
    return RedirectResponse(f"/seasons?notice={notice}&{about}#season-{season_id}", status_code=303)


def _notice(session: Session, query: QueryParams, today: date) -> str | None:
    """The sentence after a change to shared roles, said from what is now stored."""
    kind = query.get("notice", "")
    if kind == "roles-stopped":
        raw_person = query.get("person", "")
        person = session.get(Person, int(raw_person)) if raw_person.isdigit() else None
        return None if person is None else words.ROLES_NOTICES[kind].format(name=person.name)
    raw_id = query.get("rotation", "")
    rotation = session.get(RoleRotation, int(raw_id)) if raw_id.isdigit() else None
    if rotation is None:
        return None
    holders = holders_words(rotation.holders(today))
    if kind == "roles-set":
        return words.ROLES_NOTICES[kind].format(holders=holders)
    if kind == "roles-switched":
        return practice_words.ROLES_SWITCHED.format(holders=holders)
    return None


def _render(
    request: Request,
    *,
    values: dict[str, Any],
    roles: dict[str, Any] | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = today_of(request)
    with database(request).transaction() as session:
        rotations: dict[int, list[dict[str, object]]] = defaultdict(list)
        for rotation in all_rotations(session):
            rotations[rotation.season_id].append(rotation_row(rotation, today))
        return pages(request).render(
            request,
            "seasons.html",
            status=status,
            title="",
            seasons=actions.all_seasons(session),
            rotations=rotations,
            people=[p.name for p in all_people(session)],
            values=values,
            roles=roles or {},
            notice=_notice(session, request.query_params, today),
            error=error,
        )
