"""Small wins: what went well, noticed and kept; with someone, or one of your own."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import people as people_words
from reciprocity.coach import practices as practice_words
from reciprocity.coach import terms
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import people, wins
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/wins", response_class=HTMLResponse)
def wins_page(request: Request) -> HTMLResponse:
    return _render(request, values={"whose": request.query_params.get("with", "me")})


@router.post("/wins", response_class=HTMLResponse)
def add(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    today = today_of(request)
    values = {key: forms.text(form, key) for key in ("whose", "text", "on")}
    try:
        if not values["whose"].strip():
            raise InputError(practice_words.WIN_NEEDS_SOMEONE)
        day = forms.day(values["on"], today=today) or today
        win_id = wins.add(database(request), values["whose"], values["text"], on=day).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(f"/wins?added={win_id}#win-{win_id}", status_code=303)


@router.get("/wins/{win_id}/edit", response_class=HTMLResponse)
def edit_win_form(request: Request, win_id: Id) -> HTMLResponse:
    found = wins.get(database(request), win_id)
    return _win_edit(request, win_id, {"text": found.text, "on": found.on.isoformat()})


@router.post("/wins/{win_id}/edit", response_class=HTMLResponse)
def edit_win(request: Request, win_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    store = database(request)
    wins.get(store, win_id)
    values = {key: forms.text(form, key) for key in ("text", "on")}
    try:
        today = today_of(request)
        day = forms.day(values["on"], today=today) or today
        wins.edit(store, win_id, wins.WinChanges(text=values["text"], on=day))
    except ReciprocityError as error:
        return _win_edit(request, win_id, values, error=str(error), status=400)
    return RedirectResponse(f"/wins?changed={win_id}#win-{win_id}", status_code=303)


@router.post("/wins/{win_id}/remove", response_class=HTMLResponse)
def remove_win(request: Request, win_id: Id, form: FormData = Depends(forms.read_form)) -> Response:
    store = database(request)
    found = wins.get(store, win_id)
    if not confirmed(form):
        return confirm_page(
            request,
            question=practice_words.WIN_REMOVE_ASK.format(on=terms.day_words(found.on)),
            goes=[found.text],
            action=f"/wins/{win_id}/remove",
            back=f"/wins#win-{win_id}",
            button=practice_words.WIN_REMOVE_BUTTON,
        )
    _, copy = wins.remove(store, win_id)
    return after_removal("/wins", copy)


def _win_edit(
    request: Request,
    win_id: int,
    values: dict[str, str],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=practice_words.WIN_EDIT_TITLE,
        fields=[
            Field("text", practice_words.FIELD_WIN_TEXT, values["text"], "long", required=True),
            Field("on", people_words.FIELD_ON, values["on"], "date", required=True),
        ],
        action=f"/wins/{win_id}/edit",
        back=f"/wins#win-{win_id}",
        error=error,
        status=status,
    )


def _render(
    request: Request, *, values: dict[str, str], error: str | None = None, status: int = 200
) -> HTMLResponse:
    shown = request.query_params.get("show", "")
    added = request.query_params.get("added", "")
    changed = request.query_params.get("changed", "")
    store = database(request)
    found = wins.of(store, shown) if shown else wins.recent(store)
    win = forms.found(lambda: wins.get(store, int(added))) if added.isdigit() else None
    notice = None
    if win is not None:
        notice = practice_words.WIN_ADDED.format(
            whose=practice_words.YOUR_OWN if win.person is None else win.person.name,
            on=terms.day_words(win.on),
        )
    elif changed.isdigit() and forms.found(lambda: wins.get(store, int(changed))) is not None:
        notice = practice_words.WIN_CHANGED
    rows = [(w.id, w.whose, w.on, w.text) for w in found]
    everyone = [p.name for p in people.everyone(store)]
    return pages(request).render(
        request,
        "wins.html",
        status=status,
        title=practice_words.WINS_TITLE,
        rows=rows,
        people=everyone,
        shown=shown,
        values=values,
        notice=notice,
        error=error,
    )
