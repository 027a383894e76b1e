"""Invitations on this computer: invite someone to answer, answer yourself, see both sides.

From a check-in (or an audit), "Invite Sam to answer" leads to ``/invitations/new``:
what Sam will see, and how Sam knows you. Making it shows the link and its QR
code once (only a fingerprint of the code is kept; a new link can be made
while it is open). The invitation's page takes your own answers to the same
questions, and once both have answered shows them side by side, with where they
differ as things to talk about. Everything goes through ``services.invitations``.
"""

from __future__ import annotations

from typing import Any

import segno
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.datastructures import FormData

from reciprocity.coach import invitations as words
from reciprocity.coach import terms
from reciprocity.errors import ReciprocityError
from reciprocity.services import invitations, people
from reciprocity.services.invitations import Made, View
from reciprocity.vocabulary import CHECKIN_QUESTIONS, Dimension, Direction, InvitationKind
from reciprocity.web import forms
from reciprocity.web.editing import confirm_page, confirmed
from reciprocity.web.forms import Id
from reciprocity.web.invitation_links import link_of, now_of
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


def qr_svg(url: str, label: str) -> Markup:
    """The link as a QR code, drawn as inline SVG (no script, no image file)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=5, border=2, svgclass="qr", lineclass=None)
    opening = Markup('<svg role="img" aria-label="{}" ').format(label)
    return opening + Markup(svg.removeprefix("<svg "))  # segno writes the SVG itself


def answers_from(form: FormData, kind: InvitationKind) -> dict[str, Any]:
    """The answers a form sent, as ``services.invitations`` takes them (both faces' forms)."""
    if kind == InvitationKind.CHECKIN:
        return {q: forms.text(form, q) for q in CHECKIN_QUESTIONS}
    return {
        d.value: {
            "rating": forms.text(form, f"rating_{d.value}").strip(),
            "leaning": forms.text(form, f"leaning_{d.value}").strip() or Direction.MUTUAL.value,
        }
        for d in Dimension
    }


def differences(view_you: dict[str, Any] | None, view_them: dict[str, Any] | None) -> list[str]:
    """Where two audit answers differ, each said as something to talk about (never a score)."""
    if not view_you or not view_them:
        return []
    said = []
    for dimension in Dimension:
        mine, theirs = view_you.get(dimension.value), view_them.get(dimension.value)
        if not mine or not theirs:
            continue
        title = terms.dimension_title(dimension)
        if mine["leaning"] != theirs["leaning"]:
            said.append(words.REVEAL_DIFFERENT_LEANING.format(dimension=title))
        elif abs(int(mine["rating"]) - int(theirs["rating"])) >= 2:
            said.append(words.REVEAL_DIFFERENT_RATING.format(dimension=title))
    return said


@router.get("/invitations", response_class=HTMLResponse)
def invitations_page(request: Request) -> HTMLResponse:
    found = invitations.listed(database(request), now=now_of(request))
    return pages(request).render(
        request, "invitations.html", title=words.INVITATIONS_TITLE, invitations=found
    )


@router.get("/invitations/new", response_class=HTMLResponse)
def new_invitation(request: Request) -> HTMLResponse:
    person_id = forms.chosen_id(request.query_params.get("person", ""), words.FRIEND_UNKNOWN)
    kind = forms.choice(
        request.query_params.get("kind", "checkin"), InvitationKind, "kind (checkin, audit)"
    )
    return _new(request, person_id, kind, values={})


@router.post("/invitations", response_class=HTMLResponse)
def create(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    person_id = forms.chosen_id(forms.text(form, "person"), words.FRIEND_UNKNOWN)
    kind = forms.choice(forms.text(form, "kind"), InvitationKind, "kind (checkin, audit)")
    values = {"from": forms.text(form, "from"), "include": forms.text(form, "include")}
    try:
        made = invitations.create(
            database(request),
            person_id,
            kind,
            from_name=values["from"],
            include_ratings=values["include"] == "yes",
            now=now_of(request),
        )
    except ReciprocityError as error:
        return _new(request, person_id, kind, values=values, error=str(error), status=400)
    return _render(request, made.view, made=made)


@router.get("/invitations/{invitation_id}", response_class=HTMLResponse)
def invitation_page(request: Request, invitation_id: Id) -> HTMLResponse:
    return _render(request, invitations.get(database(request), invitation_id, now=now_of(request)))


@router.post("/invitations/{invitation_id}/answer", response_class=HTMLResponse)
def answer(
    request: Request, invitation_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    found = invitations.get(store, invitation_id, now=now_of(request))
    answers = answers_from(form, found.kind)
    try:
        invitations.answer_as_user(
            store, invitation_id, answers, on=today_of(request), now=now_of(request)
        )
    except ReciprocityError as error:
        return _render(request, found, values=answers, error=str(error), status=400)
    return RedirectResponse(f"/invitations/{invitation_id}#answers", status_code=303)


@router.post("/invitations/{invitation_id}/link", response_class=HTMLResponse)
def new_link(request: Request, invitation_id: Id) -> Response:
    made = invitations.new_link(database(request), invitation_id, now=now_of(request))
    return _render(request, made.view, made=made)


@router.post("/invitations/{invitation_id}/withdraw", response_class=HTMLResponse)
def withdraw(request: Request, invitation_id: Id) -> Response:
    invitations.withdraw(database(request), invitation_id, now=now_of(request))
    return RedirectResponse(f"/invitations/{invitation_id}", status_code=303)


@router.post("/invitations/{invitation_id}/remove", response_class=HTMLResponse)
def remove(
    request: Request, invitation_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    found = invitations.get(store, invitation_id, now=now_of(request))
    if not confirmed(form):
        return confirm_page(
            request,
            question=words.INVITATION_REMOVE_ASK.format(
                name=found.person, on=terms.day_words(found.created.date())
            ),
            action=f"/invitations/{invitation_id}/remove",
            back=f"/invitations/{invitation_id}",
            button=words.INVITATION_REMOVE_BUTTON,
            keeps_copy=False,
        )
    invitations.remove(store, invitation_id)
    return RedirectResponse("/invitations", status_code=303)


def _new(
    request: Request,
    person_id: int,
    kind: InvitationKind,
    *,
    values: dict[str, str],
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    detail = people.detail(database(request), person_id)
    name = detail.row.person.name
    title = (
        words.INVITATION_TITLE_CHECKIN
        if kind == InvitationKind.CHECKIN
        else words.INVITATION_TITLE_AUDIT
    )
    return pages(request).render(
        request,
        "invitation_new.html",
        status=status,
        title=title.format(name=name),
        name=name,
        person_id=person_id,
        kind=kind.value,
        has_ratings=kind == InvitationKind.AUDIT and detail.latest_entry is not None,
        values=values,
        error=error,
    )


def _render(
    request: Request,
    view: View,
    *,
    made: Made | None = None,
    values: dict[str, Any] | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    link = None
    if made is not None:
        url, path, listening, note = link_of(request, made.code)
        label = words.INVITATION_LINK_HEADING.format(name=view.person)
        link = {
            "url": url,
            "path": path,
            "listening": listening,
            "note": note,
            "qr": qr_svg(url, label) if url else None,
        }
    title = (
        words.INVITATION_TITLE_CHECKIN
        if view.kind == InvitationKind.CHECKIN
        else words.INVITATION_TITLE_AUDIT
    )
    return pages(request).render(
        request,
        "invitation.html",
        status=status,
        title=title.format(name=view.person),
        invitation=view,
        link=link,
        values=values or {},
        talk=differences(view.you, view.them) if view.kind == InvitationKind.AUDIT else [],
        lean_you=words.lean_words_for_user(view.person),
        error=error,
    )
