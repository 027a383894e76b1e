"""A friend's invitation, on the phones' listener: ``/invite/{code}``.

The code in the address is the only key (256 random bits; only its SHA-256 is
kept). GET shows whose app is asking, what will be kept, the reveal rule and
the questions; once both have answered, both sides. POST ``/invite/{code}``
takes the answers once (with the form's hidden token, as every form here);
POST ``/invite/{code}/take-back`` takes them back before the reveal. An
unknown code is a calm 404, and a link past its day or closed a calm 410:
neither says anything about anyone. No page here links to the app itself.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import invitations as words
from reciprocity.errors import ConflictError, InputError, NotFoundError
from reciprocity.services import invitations
from reciprocity.services.invitations import GONE, FriendView
from reciprocity.vocabulary import InvitationKind
from reciprocity.web import forms
from reciprocity.web.invitation_links import now_of
from reciprocity.web.lan import lan_database, lan_pages
from reciprocity.web.pages.invitations import answers_from

router = APIRouter(include_in_schema=False)
Code = Path(max_length=100, pattern=r"^[A-Za-z0-9_-]+$")


@router.get("/invite/{code}", response_class=HTMLResponse)
def invitation(request: Request, code: str = Code) -> Response:
    try:
        found = invitations.for_friend(lan_database(request), code, now=now_of(request))
    except NotFoundError:
        return _unknown(request)
    return _render(request, found, notice=_notice(request))


@router.post("/invite/{code}", response_class=HTMLResponse)
def answer(
    request: Request, code: str = Code, form: FormData = Depends(forms.read_form)
) -> Response:
    store = lan_database(request)
    try:
        found = invitations.for_friend(store, code, now=now_of(request))
    except NotFoundError:
        return _unknown(request)
    if found.state == GONE:
        return _gone(request)
    answers = answers_from(form, found.kind)
    try:
        invitations.answer_as_friend(store, code, answers, now=now_of(request))
    except ConflictError as error:
        return _render(request, found, error=str(error), status=409)
    except InputError as error:
        return _render(request, found, values=answers, error=str(error), status=400)
    return RedirectResponse(f"/invite/{code}?said=thanks#answers", status_code=303)


@router.post("/invite/{code}/take-back", response_class=HTMLResponse)
def take_back(request: Request, code: str = Code) -> Response:
    store = lan_database(request)
    try:
        found = invitations.for_friend(store, code, now=now_of(request))
    except NotFoundError:
        return _unknown(request)
    if found.state == GONE:
        return _gone(request)
    try:
        invitations.take_back(store, code, now=now_of(request))
    except ConflictError as error:
        return _render(request, found, error=str(error), status=409)
    return RedirectResponse(f"/invite/{code}?said=taken-back", status_code=303)


def _notice(request: Request) -> str | None:
    said = request.query_params.get("said")
    return {"thanks": words.FRIEND_THANKS, "taken-back": words.FRIEND_TAKEN_BACK}.get(said or "")


def _unknown(request: Request) -> HTMLResponse:
    return lan_pages(request).render(
        request,
        "lan_invite_gone.html",
        status=404,
        title=words.FRIEND_UNKNOWN_TITLE,
        message=words.FRIEND_UNKNOWN,
    )


def _gone(request: Request) -> HTMLResponse:
    return lan_pages(request).render(
        request,
        "lan_invite_gone.html",
        status=410,
        title=words.FRIEND_GONE_TITLE,
        message=words.FRIEND_GONE,
    )


def _render(
    request: Request,
    found: FriendView,
    *,
    values: dict[str, object] | None = None,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    if found.state == GONE:
        return _gone(request)
    title = (
        words.FRIEND_TITLE_CHECKIN
        if found.kind == InvitationKind.CHECKIN
        else words.FRIEND_TITLE_AUDIT
    )
    return lan_pages(request).render(
        request,
        "lan_invite.html",
        status=status,
        title=title,
        invitation=found,
        action=request.url.path.removesuffix("/take-back"),
        values=values or {},
        notice=notice,
        error=error,
        lean=words.lean_words_for_friend(found.asker),
    )
