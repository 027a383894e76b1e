"""Seasons: stretches when one side legitimately needs more, and the roles shared during them.

Roles under stress (one plans, one listens, then switch) go through
``services.roles``, as ``reciprocity roles`` does.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, QueryParams

from reciprocity.coach import people as people_words
from reciprocity.coach import practices as practice_words
from reciprocity.coach import terms
from reciprocity.errors import ReciprocityError
from reciprocity.services import Database, people, roles, seasons, shapes
from reciprocity.vocabulary import ME, ROLES_EVERY_MAX, SeasonKind
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
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
        whose = values["whose"].strip() or ME
        seasons.start(
            database(request),
            whose,
            forms.choice(values["kind"], SeasonKind, "kind of season"),
            on=forms.day(values["on"], today=today_of(request)) or today_of(request),
            note=values["note"],
        )
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse("/seasons", status_code=303)


@router.post("/seasons/{season_id}/end", response_class=HTMLResponse)
def end_season(
    request: Request, season_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    """Ending a season asks once: it can be a hard thing to mark."""
    store = database(request)
    season = seasons.get(store, season_id)
    typed = forms.text(form, "on")
    try:
        today = today_of(request)
        on = forms.day(typed, today=today) or today
        if not confirmed(form) and season.end is None and on >= season.start:
            return confirm_page(
                request,
                question=people_words.SEASON_END_ASK.format(end=terms.day_words(on)),
                said=[people_words.season_line(season, ""), people_words.SEASON_END_KEEPS],
                action=f"/seasons/{season_id}/end",
                back=f"/seasons#season-{season_id}",
                button=people_words.SEASON_END_BUTTON,
                keeps_copy=False,
                hidden={"on": on.isoformat()},
                removes=False,
                stay=people_words.SEASON_END_NOT_YET,
            )
        seasons.end(store, season_id, on=on)
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return RedirectResponse(f"/seasons#season-{season_id}", status_code=303)


@router.get("/seasons/{season_id}/edit", response_class=HTMLResponse)
def edit_season_form(request: Request, season_id: Id) -> HTMLResponse:
    season = seasons.get(database(request), season_id)
    values = {
        "kind": season.kind.value,
        "start": season.start.isoformat(),
        "end": "" if season.end is None else season.end.isoformat(),
        "note": season.note,
    }
    return _season_edit(request, season_id, values)


@router.post("/seasons/{season_id}/edit", response_class=HTMLResponse)
def edit_season(
    request: Request, season_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    seasons.get(store, season_id)
    values = {key: forms.text(form, key) for key in ("kind", "start", "end", "note")}
    try:
        today = today_of(request)
        changes = seasons.SeasonChanges(
            kind=forms.choice(values["kind"], SeasonKind, "kind of season"),
            start=forms.day(values["start"], today=today) or today,
            end=forms.day(values["end"], today=today, default_today=False),
            note=values["note"],
        )
        seasons.edit(store, season_id, changes)
    except ReciprocityError as error:
        return _season_edit(request, season_id, values, error=str(error), status=400)
    return _back("season-changed", f"season={season_id}", season_id)


@router.post("/seasons/{season_id}/remove", response_class=HTMLResponse)
def remove_season(
    request: Request, season_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    season = seasons.get(store, season_id)
    if not confirmed(form):
        shared = [r for r in roles.everyone(store) if r.season_id == season_id]
        return confirm_page(
            request,
            question=people_words.SEASON_REMOVE_ASK.format(
                line=people_words.season_line(season, "")
            ),
            goes=[people_words.SEASON_REMOVE_GOES] if shared else [],
            action=f"/seasons/{season_id}/remove",
            back=f"/seasons#season-{season_id}",
            button=people_words.SEASON_REMOVE_BUTTON,
        )
    _, copy = seasons.remove(store, season_id)
    return after_removal("/seasons", copy)


def _season_edit(
    request: Request,
    season_id: int,
    values: dict[str, str],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=people_words.SEASON_EDIT_TITLE,
        fields=[
            Field(
                "kind",
                people_words.FIELD_SEASON_KIND,
                values["kind"],
                "choice",
                [(k.value, terms.SEASON_KIND_WORDS[k]) for k in SeasonKind],
            ),
            Field("start", people_words.FIELD_SEASON_START, values["start"], "date", required=True),
            Field(
                "end",
                people_words.FIELD_SEASON_END,
                values["end"],
                "date",
                hint=people_words.FIELD_SEASON_UNTIL_HINT,
            ),
            Field("note", people_words.FIELD_NOTE, values["note"], "long"),
        ],
        action=f"/seasons/{season_id}/edit",
        back=f"/seasons#season-{season_id}",
        error=error,
        status=status,
    )


@router.post("/seasons/{season_id}/roles", response_class=HTMLResponse)
def share_roles(
    request: Request, season_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    typed = {key: forms.text(form, key) for key in ("mine", "theirs", "every", "with")}
    try:
        every = forms.optional_int(
            typed["every"],
            low=1,
            high=ROLES_EVERY_MAX,
            message=practice_words.ROLES_EVERY_RANGE.format(value="{value}", limit=ROLES_EVERY_MAX),
        )
        rotation = roles.share(
            database(request),
            season_id,
            typed["mine"],
            typed["theirs"],
            today=today_of(request),
            every_days=every,
            with_whom=typed["with"].strip() or None,
        )
        found = (rotation.id, rotation.season_id)
    except ReciprocityError as error:
        typed_back = {"season": season_id, **typed}
        return _render(request, values={}, roles_typed=typed_back, error=str(error), status=400)
    return _back("roles-set", f"rotation={found[0]}", found[1])


@router.post("/roles/{rotation_id}/switch", response_class=HTMLResponse)
def switch(request: Request, rotation_id: Id) -> Response:
    try:
        season_id = roles.switch(database(request), rotation_id).season_id
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return _back("roles-switched", f"rotation={rotation_id}", season_id)


@router.post("/roles/{rotation_id}/stop", response_class=HTMLResponse)
def stop(request: Request, rotation_id: Id) -> Response:
    try:
        stopped = roles.stop(database(request), rotation_id)
    except ReciprocityError as error:
        return _render(request, values={}, error=str(error), status=400)
    return _back("roles-stopped", f"person={stopped.person_id}", stopped.season_id)


def _back(notice: str, about: str, season_id: Id) -> RedirectResponse:
    return RedirectResponse(f"/seasons?notice={notice}&{about}#season-{season_id}", status_code=303)


def _notice(store: Database, query: QueryParams, today: date) -> str | None:
    """The sentence after a change to shared roles, said from what is now stored."""
    kind = query.get("notice", "")
    if kind == "season-changed":
        return people_words.SEASON_SAVED
    if kind == "roles-stopped":
        raw_person = query.get("person", "")
        person = (
            forms.found(lambda: people.get(store, int(raw_person)))
            if raw_person.isdigit()
            else None
        )
        return (
            None if person is None else practice_words.ROLES_NOTICES[kind].format(name=person.name)
        )
    raw_id = query.get("rotation", "")
    rotation = forms.found(lambda: roles.get(store, int(raw_id))) if raw_id.isdigit() else None
    if rotation is None:
        return None
    holders = practice_words.holders_words(rotation.holders(today))
    if kind == "roles-set":
        return practice_words.ROLES_NOTICES[kind].format(holders=holders)
    if kind == "roles-switched":
        return practice_words.ROLES_SWITCHED.format(holders=holders)
    return None


def _render(
    request: Request,
    *,
    values: dict[str, Any],
    roles_typed: dict[str, Any] | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = today_of(request)
    store = database(request)
    rotations: dict[int, list[dict[str, object]]] = defaultdict(list)
    for rotation in roles.everyone(store):
        rotations[rotation.season_id].append(shapes.rotation(rotation, today))
    return pages(request).render(
        request,
        "seasons.html",
        status=status,
        title="",
        seasons=seasons.everyone(store),
        rotations=rotations,
        people=[p.name for p in people.everyone(store)],
        values=values,
        roles=roles_typed or {},
        notice=_notice(store, request.query_params, today),
        error=error,
    )
