"""Small wins: what went well, noticed and kept; with someone, or one of your own."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import practices as practice_words
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import people, wins
from reciprocity.web import forms
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


def _render(
    request: Request, *, values: dict[str, str], error: str | None = None, status: int = 200
) -> HTMLResponse:
    shown = request.query_params.get("show", "")
    added = request.query_params.get("added", "")
    store = database(request)
    found = wins.of(store, shown) if shown else wins.recent(store)
    win = forms.found(lambda: wins.get(store, int(added))) if added.isdigit() else None
    notice = None
    if win is not None:
        notice = practice_words.WIN_ADDED.format(
            whose=practice_words.YOUR_OWN if win.person is None else win.person.name,
            on=win.on.isoformat(),
        )
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
