"""Small wins: what went well, noticed and kept; with someone, or one of your own."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import practices as practice_words
from reciprocity.coach import web as words
from reciprocity.errors import ReciprocityError
from reciprocity.model import Win
from reciprocity.model.person import all_people
from reciprocity.model.win import recent_wins, wins_with
from reciprocity.services.due import person_named
from reciprocity.web import actions, forms
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
        with database(request).transaction() as session:
            win_id = actions.new_win(
                session, whose=values["whose"], text=values["text"], on=values["on"], today=today
            ).id
    except ReciprocityError as error:
        return _render(request, values=values, error=str(error), status=400)
    return RedirectResponse(f"/wins?added={win_id}#win-{win_id}", status_code=303)


def _render(
    request: Request, *, values: dict[str, str], error: str | None = None, status: int = 200
) -> HTMLResponse:
    shown = request.query_params.get("show", "")
    added = request.query_params.get("added", "")
    with database(request).transaction() as session:
        people = [p.name for p in all_people(session)]
        wins = wins_with(session, person_named(session, shown)) if shown else recent_wins(session)
        notice = None
        win = session.get(Win, int(added)) if added.isdigit() else None
        if win is not None:
            notice = practice_words.WIN_ADDED.format(
                whose=practice_words.YOUR_OWN if win.person is None else win.person.name,
                on=win.on.isoformat(),
            )
        rows = [(w.id, w.whose, w.on, w.text) for w in wins]
    return pages(request).render(
        request,
        "wins.html",
        status=status,
        title=words.WINS_TITLE,
        rows=rows,
        people=people,
        shown=shown,
        values=values,
        notice=notice,
        error=error,
    )
