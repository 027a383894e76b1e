"""The JSON API for fixing what was written: finding moments, changing things, removing them.

``PATCH`` changes only the fields sent (a field sent as ``null`` clears an
optional one: a moment's style, a season's end); ``DELETE`` removes, after a
copy of everything is kept, and answers with what went and where the copy is
(``copy``, or ``null`` on a database that is not a SQLite file). The same
services as ``reciprocity moment|people|season|audit edit|remove``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import Field

from reciprocity.coach.suggestions import SAFETY_NOTE
from reciprocity.services import audits, moments, people, seasons, shapes
from reciprocity.services.keep import KEEP, Keep
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    CareStyle,
    Dimension,
    Giver,
    RelationshipKind,
    SeasonKind,
)
from reciprocity.web import forms
from reciprocity.web.api import ANSWERS, JSON, day
from reciprocity.web.forms import Body, Id
from reciprocity.web.render import database, today_of

router = APIRouter(prefix="/api", tags=["api"], responses=ANSWERS)


class MomentChange(Body):
    text: str | None = Field(None, examples=["Jordan called about the interview, twice"])
    by: Giver | None = None
    dimensions: list[Dimension] | None = None
    style: CareStyle | None = None
    energy: int | None = Field(None, ge=ENERGY_MIN, le=ENERGY_MAX)
    on: str | None = Field(None, examples=["2026-03-14", "yesterday"])


class PersonChange(Body):
    name: str | None = Field(None, examples=["Jordan"])
    kind: RelationshipKind | None = None
    birthday: str | None = Field(None, examples=["1990-05-17"], description="null clears it.")
    my_care: list[CareStyle] | None = None
    their_care: list[CareStyle] | None = None
    note: str | None = None


class SeasonChange(Body):
    kind: SeasonKind | None = None
    start: str | None = Field(None, examples=["2026-05-08"])
    end: str | None = Field(None, examples=["2026-08-06"], description="null: ongoing again.")
    note: str | None = None


def _sent(body: Body, name: str, value: Any) -> Any:
    """``value`` when the field was sent (``null`` included), else ``KEEP``."""
    return value if name in body.model_fields_set else KEEP


def _required(body: Body, name: str, value: Any) -> Any:
    """A field that cannot be cleared: ``KEEP`` when left out or sent as ``null``."""
    return KEEP if value is None else value


def _removed(shape: JSON, copy: Path | None) -> JSON:
    return {"removed": shape, "copy": None if copy is None else str(copy)}


def _day(value: str | None, request: Request) -> date | Keep:
    return KEEP if value is None else day(value, request)


@router.get("/moments", summary="Find moments, newest first (as `reciprocity moment list --json`)")
def find_moments(
    request: Request,
    person: Annotated[str | None, Query(description="A person's name")] = None,
    search: Annotated[str, Query(description="Words the moment holds")] = "",
    dimension: Dimension | None = None,
    since: Annotated[str | None, Query(examples=["2026-01-01"])] = None,
    until: Annotated[str | None, Query(examples=["2026-12-31"])] = None,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[JSON]:
    today = today_of(request)
    wanted = moments.Search(
        who=person,
        text=search,
        dimension=dimension,
        since=None if since is None else forms.day(since, today=today),
        until=None if until is None else forms.day(until, today=today),
    )
    found = moments.search(database(request), wanted, offset=offset, limit=limit)
    return [shapes.moment(m) for m in found.moments]


@router.get("/moments/{moment_id}", summary="One moment")
def one_moment(request: Request, moment_id: Id) -> JSON:
    return shapes.moment(moments.get(database(request), moment_id))


@router.patch("/moments/{moment_id}", summary="Change a moment (only the fields sent)")
def change_moment(request: Request, moment_id: Id, body: MomentChange) -> JSON:
    changes = moments.MomentChanges(
        text=_required(body, "text", body.text),
        on=_day(body.on, request),
        by=_required(body, "by", body.by),
        dimensions=_required(body, "dimensions", body.dimensions),
        style=_sent(body, "style", body.style),
        energy=_sent(body, "energy", body.energy),
    )
    edited = moments.edit(database(request), moment_id, changes)
    note = SAFETY_NOTE.format(name=edited.name) if edited.safety else None
    return {**shapes.moment(edited.moment), "safety": edited.safety, "safety_note": note}


@router.delete("/moments/{moment_id}", summary="Remove a moment (a copy of everything is kept first)")
def remove_moment(request: Request, moment_id: Id) -> JSON:
    gone, copy = moments.remove(database(request), moment_id)
    return _removed(shapes.moment(gone), copy)


@router.patch("/people/{person_id}", summary="Change someone's details (only the fields sent)")
def change_person(request: Request, person_id: Id, body: PersonChange) -> JSON:
    store = database(request)
    birthday = None
    clear = "birthday" in body.model_fields_set and not body.birthday
    if body.birthday:
        birthday = forms.day(body.birthday, today=today_of(request), default_today=False)
    changes = people.Changes(
        name=body.name,
        kind=body.kind,
        birthday=birthday,
        clear_birthday=clear,
        my_care=body.my_care,
        their_care=body.their_care,
        note=body.note,
    )
    person = people.edit(store, person_id, changes)
    return shapes.person_detail(people.detail(store, person.id))


@router.delete(
    "/people/{person_id}", summary="Remove someone and all kept about them (a copy is kept first)"
)
def remove_person(request: Request, person_id: Id) -> JSON:
    gone, copy = people.remove(database(request), person_id)
    return _removed({"id": person_id, **asdict(gone)}, copy)


@router.patch("/seasons/{season_id}", summary="Change a season (only the fields sent)")
def change_season(request: Request, season_id: Id, body: SeasonChange) -> JSON:
    end: date | Keep | None = KEEP
    if "end" in body.model_fields_set:
        end = None if not body.end else day(body.end, request)
    changes = seasons.SeasonChanges(
        kind=_required(body, "kind", body.kind),
        start=_day(body.start, request),
        end=end,
        note=_required(body, "note", body.note),
    )
    return shapes.season(seasons.edit(database(request), season_id, changes))


@router.delete("/seasons/{season_id}", summary="Remove a season (a copy of everything is kept first)")
def remove_season(request: Request, season_id: Id) -> JSON:
    gone, copy = seasons.remove(database(request), season_id)
    return _removed(shapes.season(gone), copy)


@router.delete("/audits/{audit_id}", summary="Remove an audit (a copy of everything is kept first)")
def remove_audit(request: Request, audit_id: Id) -> JSON:
    gone, copy = audits.remove(database(request), audit_id)
    return _removed(shapes.audit_summary(gone), copy)
