"""The guided audit as a step-by-step form, and the audits you have kept.

One dimension per step, then an overall rating, for each person chosen; then a
summary, and only then is anything saved. The answers so far travel with the
form as a hidden JSON draft in the shape of ``Audit.as_dict``, so the wizard
needs no JavaScript and no server-side state, and the draft is checked whole by
the audit's own rules when it is saved.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.datastructures import FormData

from reciprocity.coach import phrasing, questions
from reciprocity.coach import web as words
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.model import Season
from reciprocity.model.audit import all_audits, find_audit
from reciprocity.model.person import all_people, find_person
from reciprocity.vocabulary import Dimension
from reciprocity.web import actions, forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
DIMENSIONS = list(Dimension)
PARTS = len(DIMENSIONS) + 1
"""Steps per person: the four dimensions, then the overall rating."""
OVERALL = "overall"


@router.get("/audit", response_class=HTMLResponse)
def choose(request: Request) -> HTMLResponse:
    return _choose(request, chosen=[], on="", error=None)


@router.post("/audit", response_class=HTMLResponse)
def start(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    ids = forms.texts(form, "people")
    on = forms.text(form, "on")
    try:
        day = forms.day(on, today=today_of(request)) or today_of(request)
        with database(request).transaction() as session:
            people = all_people(session)
            names = [p.name for p in people if str(p.id) in ids]
        if not names:
            raise InputError(words.AUDIT_NEEDS_CHOICE)
    except ReciprocityError as error:
        return _choose(request, chosen=ids, on=on, error=str(error), status=400)
    draft: dict[str, Any] = {
        "date": day.isoformat(),
        "note": "",
        "entries": [{"person": name, "dimensions": {}} for name in names],
    }
    return _step(request, draft, 0)


@router.post("/audit/step", response_class=HTMLResponse)
def step(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    draft = _draft(form)
    number = _number(forms.text(form, "step"), len(draft["entries"]) * PARTS)
    action = forms.text(form, "action") or "next"
    part = _part(draft, number)
    part.update(
        rating=forms.text(form, "rating"),
        direction=forms.text(form, "direction"),
        vision=forms.text(form, "vision"),
    )
    dimension = _dimension(number)
    if dimension is not None:
        part["answers"] = [
            {"key": q.key, "question": q.text, "answer": forms.text(form, f"answer-{q.key}")}
            for q in questions.GUIDES[dimension].questions
        ]
    if action == "back":
        if number == 0:
            return _choose(request, chosen=[], on=draft["date"], error=None)
        return _step(request, draft, number - 1)
    label = OVERALL if dimension is None else dimension.value
    try:
        rating, direction, vision = actions.lean(
            part["rating"], part["direction"], part["vision"], label
        )
    except ReciprocityError as error:
        return _step(request, draft, number, error=str(error), status=400)
    if vision and action not in ("keep", "use"):
        rewrite = phrasing.rewrite(vision)
        if rewrite is not None:
            offer = {"why": phrasing.explain(phrasing.check(vision)), "rewrite": rewrite}
            return _step(request, draft, number, offer=offer)
    if vision and action == "use":
        vision = phrasing.rewrite(vision) or vision
    part.update(rating=rating, direction=direction.value, vision=vision)
    if number + 1 < len(draft["entries"]) * PARTS:
        return _step(request, draft, number + 1)
    return pages(request).render(
        request, "audit_summary.html", title="", draft=draft, draft_json=json.dumps(draft)
    )


@router.post("/audit/save", response_class=HTMLResponse)
def save(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    draft = _draft(form)
    with database(request).transaction() as session:
        audit = actions.build_audit(session, draft, today=today_of(request))
        audit_id = audit.id
    return RedirectResponse(f"/audits/{audit_id}?notice=audit-saved", status_code=303)


@router.get("/audits", response_class=HTMLResponse)
def audits(request: Request) -> HTMLResponse:
    with database(request).transaction() as session:
        return pages(request).render(
            request, "audits.html", title="", audits=list(reversed(all_audits(session)))
        )


@router.get("/audits/{audit_id}", response_class=HTMLResponse)
def show(request: Request, audit_id: int) -> HTMLResponse:
    with database(request).transaction() as session:
        audit = find_audit(session, audit_id)
        ids = {p.name: p.id for p in all_people(session)}
        return pages(request).render(
            request,
            "audit_show.html",
            title="",
            audit=audit,
            draft=audit.as_dict(),
            ids=ids,
            notice=request.query_params.get("notice", ""),
        )


# -- the wizard's state -------------------------------------------------------


def _draft(form: FormData) -> dict[str, Any]:
    try:
        draft = json.loads(forms.text(form, "draft"))
        entries = draft["entries"]
        if not isinstance(draft["date"], str) or not isinstance(entries, list) or not entries:
            raise ValueError
        for entry in entries:
            if not isinstance(entry["person"], str) or not isinstance(entry["dimensions"], dict):
                raise ValueError
    except (ValueError, KeyError, TypeError):
        raise InputError(words.AUDIT_DRAFT_BROKEN) from None
    return dict(draft)


def _number(value: str, total: int) -> int:
    if not value.isdigit() or int(value) >= total:
        raise InputError(words.AUDIT_DRAFT_BROKEN)
    return int(value)


def _dimension(number: int) -> Dimension | None:
    index = number % PARTS
    return DIMENSIONS[index] if index < len(DIMENSIONS) else None


def _part(draft: dict[str, Any], number: int) -> dict[str, Any]:
    """The part of the draft that step ``number`` fills in (a dimension, or the overall)."""
    entry: dict[str, Any] = draft["entries"][number // PARTS]
    dimension = _dimension(number)
    if dimension is None:
        return entry
    found: dict[str, Any] = entry["dimensions"].setdefault(dimension.value, {})
    return found


def _step(
    request: Request,
    draft: dict[str, Any],
    number: int,
    *,
    error: str | None = None,
    offer: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    entry = draft["entries"][number // PARTS]
    dimension = _dimension(number)
    part = _part(draft, number)
    answers = {a.get("key"): a.get("answer", "") for a in part.get("answers", [])}
    notes: list[str] = []
    on = date.fromisoformat(draft["date"])
    with database(request).transaction() as session:
        person = find_person(session, entry["person"])
        if number % PARTS == 0:
            notes = _context_notes(session, person, on)
        name = person.name
    return pages(request).render(
        request,
        "audit_step.html",
        status=status,
        title="",
        draft_json=json.dumps(draft),
        number=number,
        total=len(draft["entries"]) * PARTS,
        name=name,
        guide=None if dimension is None else questions.GUIDES[dimension],
        part=part,
        answers=answers,
        notes=notes,
        error=error,
        offer=offer,
    )


def _context_notes(session: Any, person: Any, on: date) -> list[str]:
    """Seasons at the audit's date, and each side's ways of caring: said before rating."""
    notes = []
    for season in session.scalars(select(Season)):
        if season.contains(on) and season.person in (None, person):
            notes.append(
                questions.SEASON_NOTE.format(
                    whose=words.YOU.capitalize() if season.person is None else person.name,
                    is_are="are" if season.person is None else "is",
                    kind=words.SEASON_KIND_WORDS[season.kind],
                    start=season.start.isoformat(),
                )
            )
    if person.my_care and person.their_care:
        notes.append(
            questions.STYLES_REMINDER.format(
                them=person.name,
                their=", ".join(words.style_word(s) for s in person.their_care),
                mine=", ".join(words.style_word(s) for s in person.my_care),
            )
        )
    return notes


def _choose(
    request: Request, *, chosen: list[str], on: str, error: str | None, status: int = 200
) -> HTMLResponse:
    with database(request).transaction() as session:
        people = [(p.id, p.name, p.kind.value) for p in all_people(session)]
    return pages(request).render(
        request,
        "audit_choose.html",
        status=status,
        title="",
        people=people,
        chosen=chosen,
        on=on or today_of(request).isoformat(),
        error=error,
    )
