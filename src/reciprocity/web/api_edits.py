"""The JSON API for fixing what was written: finding moments, changing things, removing them.

``PATCH`` changes only the fields sent (a field sent as ``null`` clears an
optional one: a moment's style, a season's end); ``DELETE`` removes, after a
copy of everything is kept, and answers with what went and where the copy is
(``copy``, or ``null`` on a database that is not a SQLite file). The same
services as ``reciprocity … edit|remove`` on the command line.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from pydantic import Field

from reciprocity.coach.suggestions import SAFETY_NOTE
from reciprocity.practices.recurrence import parse_time
from reciprocity.services import (
    audits,
    boundaries,
    checkins,
    data,
    moments,
    people,
    rhythms,
    rituals,
    seasons,
    shapes,
    wins,
)
from reciprocity.services.keep import KEEP, Keep
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    BoundaryArea,
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
    birthday: str | None = Field(
        None,
        examples=["1990-05-17", "--05-17"],
        description="Without a year: --MM-DD; null clears it.",
    )
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


@router.delete(
    "/moments/{moment_id}", summary="Remove a moment (a copy of everything is kept first)"
)
def remove_moment(request: Request, moment_id: Id) -> JSON:
    gone, copy = moments.remove(database(request), moment_id)
    return _removed(shapes.moment(gone), copy)


@router.patch("/people/{person_id}", summary="Change someone's details (only the fields sent)")
def change_person(request: Request, person_id: Id, body: PersonChange) -> JSON:
    store = database(request)
    birthday = None
    clear = "birthday" in body.model_fields_set and not body.birthday
    if body.birthday:
        birthday = forms.birthday(body.birthday, today=today_of(request))
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


@router.delete(
    "/seasons/{season_id}", summary="Remove a season (a copy of everything is kept first)"
)
def remove_season(request: Request, season_id: Id) -> JSON:
    gone, copy = seasons.remove(database(request), season_id)
    return _removed(shapes.season(gone), copy)


@router.delete("/audits/{audit_id}", summary="Remove an audit (a copy of everything is kept first)")
def remove_audit(request: Request, audit_id: Id) -> JSON:
    gone, copy = audits.remove(database(request), audit_id)
    return _removed(shapes.audit_summary(gone), copy)


class CheckInChange(Body):
    on: str | None = None
    sides: dict[str, dict[str, str]] | None = Field(
        None,
        examples=[{"them": {"drained": "Nothing this time"}}],
        description="Only the answers sent are replaced.",
    )
    next_on: str | None = Field(None, description="null: no next check-in planned.")
    note: str | None = None


class RitualChange(Body):
    title: str | None = None
    every: str | None = Field(
        None,
        description="How often, as when adding one; with on, instead of rule.",
        examples=["2 weeks"],
    )
    on: str | None = Field(None, description="Which day, with every.", examples=["sunday"])
    rule: str | None = Field(None, examples=["every sunday"])
    start: str | None = None
    end: str | None = Field(None, description="null: no last day.")
    at: str | None = Field(None, examples=["19:30"], description="null: no time of day.")
    zone: str | None = Field(None, examples=["Europe/London"])
    rotates: bool | None = None
    note: str | None = None


class BoundaryChange(Body):
    area: BoundaryArea | None = None
    request: str | None = None
    since: str | None = None
    review_on: str | None = Field(None, description="null: no review planned.")
    note: str | None = None


class WinChange(Body):
    text: str | None = None
    on: str | None = None


class DateChange(Body):
    title: str | None = None
    on: str | None = Field(None, examples=["2027-03-14"])
    yearly: bool | None = None


def _ahead(value: str | None, request: Request) -> date | Keep:
    """A day that may lie ahead (a ritual's first day, a date to remember); left out: ``KEEP``."""
    if not value:
        return KEEP
    found = forms.day(value, today=today_of(request), default_today=False, allow_future=True)
    return KEEP if found is None else found


def _later(body: Body, name: str, value: str | None, request: Request) -> date | Keep | None:
    """A day that may lie ahead; ``null`` clears it, leaving it out keeps it."""
    if name not in body.model_fields_set:
        return KEEP
    if not value:
        return None
    return forms.day(value, today=today_of(request), default_today=False, allow_future=True)


@router.patch("/checkins/{checkin_id}", summary="Change a check-in as it was recorded")
def change_checkin(request: Request, checkin_id: Id, body: CheckInChange) -> JSON:
    changes = checkins.CheckInChanges(
        on=_day(body.on, request),
        sides=KEEP if body.sides is None else body.sides,
        next_on=_later(body, "next_on", body.next_on, request),
        note=_required(body, "note", body.note),
    )
    recorded = checkins.edit(database(request), checkin_id, changes)
    return {**shapes.checkin(recorded.checkin), "safety": recorded.safety}


@router.delete("/checkins/{checkin_id}", summary="Remove a check-in (a copy is kept first)")
def remove_checkin(request: Request, checkin_id: Id) -> JSON:
    gone, copy = checkins.remove(database(request), checkin_id)
    return _removed(shapes.checkin(gone), copy)


@router.patch("/rituals/{ritual_id}", summary="Change a ritual's details (only the fields sent)")
def change_ritual(request: Request, ritual_id: Id, body: RitualChange) -> JSON:
    at: time | Keep | None = KEEP
    if "at" in body.model_fields_set:
        at = parse_time(body.at) if body.at else None
    changes = rituals.RitualChanges(
        title=_required(body, "title", body.title),
        rule=_cadence(body),
        start=_ahead(body.start, request),
        end=_later(body, "end", body.end, request),
        at=at,
        zone=_sent(body, "zone", body.zone),
        rotates=_required(body, "rotates", body.rotates),
        note=_required(body, "note", body.note),
    )
    return shapes.ritual(rituals.edit(database(request), ritual_id, changes), today_of(request))


def _cadence(body: RitualChange) -> str | Keep:
    """A new cadence, said as when adding one (``every`` and ``on``, or a ``rule``); none: ``KEEP``."""
    if body.rule is None and body.every is None and body.on is None:
        return KEEP
    return rituals.cadence(rule=body.rule, every=body.every, on=body.on)


@router.delete("/rituals/{ritual_id}", summary="Remove a ritual and its history (a copy is kept)")
def remove_ritual(request: Request, ritual_id: Id) -> JSON:
    gone, copy = rituals.remove(database(request), ritual_id)
    return _removed(shapes.ritual(gone, today_of(request)), copy)


@router.patch("/boundaries/{boundary_id}", summary="Fix what was written about a boundary")
def change_boundary(request: Request, boundary_id: Id, body: BoundaryChange) -> JSON:
    changes = boundaries.BoundaryChanges(
        area=_required(body, "area", body.area),
        request=_required(body, "request", body.request),
        since=_day(body.since, request),
        review_on=_later(body, "review_on", body.review_on, request),
        note=_required(body, "note", body.note),
    )
    return shapes.boundary(boundaries.edit(database(request), boundary_id, changes))


@router.delete("/boundaries/{boundary_id}", summary="Remove a boundary (a copy is kept first)")
def remove_boundary(request: Request, boundary_id: Id) -> JSON:
    gone, copy = boundaries.remove(database(request), boundary_id)
    return _removed(shapes.boundary(gone), copy)


@router.patch("/wins/{win_id}", summary="Change a small win")
def change_win(request: Request, win_id: Id, body: WinChange) -> JSON:
    changes = wins.WinChanges(text=_required(body, "text", body.text), on=_day(body.on, request))
    return shapes.win(wins.edit(database(request), win_id, changes))


@router.delete("/wins/{win_id}", summary="Remove a small win (a copy is kept first)")
def remove_win(request: Request, win_id: Id) -> JSON:
    gone, copy = wins.remove(database(request), win_id)
    return _removed(shapes.win(gone), copy)


@router.patch("/dates/{date_id}", summary="Change a date to remember")
def change_date(request: Request, date_id: Id, body: DateChange) -> JSON:
    changes = rhythms.DateChanges(
        title=_required(body, "title", body.title),
        on=_ahead(body.on, request),
        yearly=_required(body, "yearly", body.yearly),
    )
    occasion = rhythms.edit_date(database(request), date_id, changes)
    return shapes.occasion(rhythms.date_standing(occasion, today_of(request)))


@router.delete("/dates/{date_id}", summary="Remove a date to remember (a copy is kept first)")
def remove_date(request: Request, date_id: Id) -> JSON:
    gone, copy = rhythms.remove_date(database(request), date_id)
    return _removed(shapes.occasion(rhythms.date_standing(gone, today_of(request))), copy)


CopyName = Annotated[
    str,
    PathParam(
        min_length=1,
        max_length=255,
        pattern=r"^[A-Za-z0-9_.-]+$",
        description="A copy's file name, as GET /api/copies lists it.",
    ),
]


@router.get(
    "/copies",
    summary="The copies kept beside the data, newest first (as `reciprocity copies --json`)",
)
def list_copies(request: Request) -> list[JSON]:
    return [shapes.copy(c) for c in data.copies(database(request))]


@router.post(
    "/copies/{name}/bring-back",
    summary="Put a kept copy back in place of the data (what is there now is kept as a copy first)",
)
def bring_back(request: Request, name: CopyName) -> JSON:
    done = data.bring_back(database(request), name)
    return {
        "brought_back": done.copy.name,
        "kept_before": None if done.before is None else str(done.before),
    }
