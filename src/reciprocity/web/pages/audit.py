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
from starlette.datastructures import FormData

from reciprocity.coach import audit as audit_words
from reciprocity.coach import phrasing, terms
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import audits, people, shapes
from reciprocity.services.audits import (
    OVERALL,
    Answer,
    AuditDraft,
    DimensionDraft,
    EntryDraft,
    Lean,
)
from reciprocity.vocabulary import Dimension, Direction
from reciprocity.web import forms
from reciprocity.web.editing import after_removal, confirm_page, confirmed
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
DIMENSIONS = list(Dimension)
PARTS = len(DIMENSIONS) + 1
"""Steps per person: the four dimensions, then the overall rating."""


@router.get("/audit", response_class=HTMLResponse)
def choose(request: Request) -> HTMLResponse:
    return _choose(request, chosen=[], on="", error=None)


@router.post("/audit", response_class=HTMLResponse)
def start(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    ids = forms.texts(form, "people")
    on = forms.text(form, "on")
    try:
        day = forms.day(on, today=today_of(request)) or today_of(request)
        names = [p.name for p in people.everyone(database(request)) if str(p.id) in ids]
        if not names:
            raise InputError(audit_words.AUDIT_NEEDS_CHOICE)
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
            for q in audit_words.GUIDES[dimension].questions
        ]
    if action == "back":
        if number == 0:
            return _choose(request, chosen=[], on=draft["date"], error=None)
        return _step(request, draft, number - 1)
    label = OVERALL if dimension is None else dimension.value
    try:
        rating, direction, vision = lean(part["rating"], part["direction"], part["vision"], label)
    except ReciprocityError as error:
        return _step(request, draft, number, error=str(error), status=400)
    changed = "offered" in form and vision != forms.text(form, "offered")
    if vision and (action not in ("keep", "use") or (action == "use" and changed)):
        offer = phrasing.offer(vision)  # new words, or words changed since the offer: check them
        if offer is not None:
            return _step(request, draft, number, offer=offer)
    elif vision and action == "use":
        vision = phrasing.rewrite(vision) or vision  # the version that was offered for these words
    part.update(rating=rating, direction=direction.value, vision=vision)
    if number + 1 < len(draft["entries"]) * PARTS:
        return _step(request, draft, number + 1)
    return pages(request).render(
        request, "audit_summary.html", title="", draft=draft, draft_json=json.dumps(draft)
    )


@router.post("/audit/save", response_class=HTMLResponse)
def save(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    saved = audits.save(database(request), typed_draft(_draft(form), today=today_of(request)))
    return RedirectResponse(f"/audits/{saved.audit.id}?notice=audit-saved", status_code=303)


@router.get("/audits", response_class=HTMLResponse)
def past_audits(request: Request) -> HTMLResponse:
    found = list(reversed(audits.everyone(database(request))))
    return pages(request).render(request, "audits.html", title="", audits=found)


@router.get("/audits/{audit_id}", response_class=HTMLResponse)
def show(request: Request, audit_id: Id) -> HTMLResponse:
    audit = audits.get(database(request), audit_id)
    ids = {p.name: p.id for p in people.everyone(database(request))}
    return pages(request).render(
        request,
        "audit_show.html",
        title="",
        audit=audit,
        draft=shapes.audit(audit),
        ids=ids,
        safety=audits.safety_of(audit),
        notice=request.query_params.get("notice", ""),
    )


@router.post("/audits/{audit_id}/remove", response_class=HTMLResponse)
def remove(request: Request, audit_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    store = database(request)
    audit = audits.get(store, audit_id)
    if not confirmed(form):
        return confirm_page(
            request,
            question=audit_words.AUDIT_REMOVE_ASK.format(on=terms.day_words(audit.on)),
            goes=[audit_words.AUDIT_REMOVE_GOES.format(name=e.person.name) for e in audit.entries],
            action=f"/audits/{audit_id}/remove",
            back=f"/audits/{audit_id}",
            button=audit_words.AUDIT_REMOVE_CONFIRM,
        )
    _, copy = audits.remove(store, audit_id)
    return after_removal("/audits", copy)


# -- the wizard's state -------------------------------------------------------


def _draft(form: FormData) -> dict[str, Any]:
    try:
        draft = json.loads(forms.text(form, "draft"))
        entries = draft["entries"]
        if not isinstance(draft["date"], str) or not isinstance(entries, list) or not entries:
            raise ValueError
        date.fromisoformat(draft["date"])  # shown as a date on every step: refused here if not one
        for entry in entries:
            if not isinstance(entry["person"], str) or not isinstance(entry["dimensions"], dict):
                raise ValueError
    except (ValueError, KeyError, TypeError):
        raise InputError(audit_words.AUDIT_DRAFT_BROKEN) from None
    return dict(draft)


def _number(value: str, total: int) -> int:
    if not value.isdigit() or int(value) >= total:
        raise InputError(audit_words.AUDIT_DRAFT_BROKEN)
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
    offer: phrasing.Offer | None = None,
    status: int = 200,
) -> HTMLResponse:
    entry = draft["entries"][number // PARTS]
    dimension = _dimension(number)
    part = _part(draft, number)
    answers = {a.get("key"): a.get("answer", "") for a in part.get("answers", [])}
    on = date.fromisoformat(draft["date"])
    database_ = database(request)
    name = people.get(database_, entry["person"]).name
    notes = audits.context_notes(database_, name, on) if number % PARTS == 0 else []
    return pages(request).render(
        request,
        "audit_step.html",
        status=status,
        title="",
        draft_json=json.dumps(draft),
        number=number,
        total=len(draft["entries"]) * PARTS,
        name=name,
        guide=None if dimension is None else audit_words.GUIDES[dimension],
        scale=[
            (value, label, audits.directions_for(value) == (Direction.MUTUAL,))
            for value, label in audit_words.SCALE.items()
        ],
        leans=[(d.value, audit_words.DIRECTIONS[d]) for d in audits.LEANS],
        part=part,
        answers=answers,
        notes=notes,
        error=error,
        offer=offer,
    )


def _choose(
    request: Request, *, chosen: list[str], on: str, error: str | None, status: int = 200
) -> HTMLResponse:
    everyone = [(p.id, p.name, p.kind.value) for p in people.everyone(database(request))]
    return pages(request).render(
        request,
        "audit_choose.html",
        status=status,
        title="",
        people=everyone,
        chosen=chosen,
        on=on or today_of(request).isoformat(),
        error=error,
    )


# -- reading the draft and the form as typed values ---------------------------


def lean(
    rating: object, direction: object, vision: object, label: str
) -> tuple[int, Direction, str | None]:
    """One rating as typed, with its direction and vision, checked by the audit's rules."""
    text = "" if rating is None else str(rating)
    value = forms.optional_int(text, low=-(10**9), high=10**9, message=audit_words.RATING_RANGE)
    if value is None:
        raise InputError(audit_words.RATING_RANGE.format(value="(blank)"))
    leaning = None
    if audits.needs_direction(audits.on_scale(value)):
        leaning = forms.choice(str(direction or "mutual"), Direction, "direction (me or them)")
    settled = audits.settle(value, leaning, None if vision is None else str(vision), label)
    return settled.rating, settled.direction, settled.vision


def typed_draft(document: dict[str, Any], *, today: date) -> AuditDraft:
    """The wizard's draft (the shape of ``Audit.as_dict``) as the audit service takes it."""
    try:
        return _typed(document, today)
    except (AttributeError, TypeError, KeyError):
        raise InputError(audit_words.AUDIT_DRAFT_BROKEN) from None


def _typed(document: dict[str, Any], today: date) -> AuditDraft:
    on = forms.day(str(document.get("date") or ""), today=today) or today
    entries = []
    for raw in document.get("entries") or []:
        dimensions = {}
        for key, part in (raw.get("dimensions") or {}).items():
            dimension = forms.choice(str(key), Dimension, "dimension")
            answers = [
                Answer(str(a.get("key", "")), str(a.get("question", "")), str(a.get("answer", "")))
                for a in part.get("answers") or []
            ]
            dimensions[dimension] = DimensionDraft(
                Lean(*lean(part.get("rating"), part.get("direction"), part.get("vision"), key)),
                answers,
            )
        overall = Lean(*lean(raw.get("rating"), raw.get("direction"), raw.get("vision"), OVERALL))
        entries.append(
            EntryDraft(
                person=str(raw.get("person", "")),
                overall=overall,
                dimensions=dimensions,
                note=str(raw.get("note") or ""),
            )
        )
    return AuditDraft(on=on, entries=entries, note=str(document.get("note") or ""))
