"""Turning templates into responses: autoescaped Jinja, the words, and the form token.

Every page is rendered here, so every page gets the same escaping (autoescape on,
undefined names are errors), the same words (``w``: the ``coach`` modules) and a fresh
anti-forgery token bound to the visitor's cookie.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from reciprocity.coach import (
    app,
    audit,
    chats,
    data,
    devices,
    invitations,
    people,
    practices,
    suggestions,
    terms,
    words_of,
)
from reciprocity.coach import app as app_words
from reciprocity.services import Database
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
    CareStyle,
    Dimension,
    Direction,
    Giver,
    RelationshipKind,
    SeasonKind,
)
from reciprocity.web.security import CSRF_COOKIE, CSRF_FIELD, Csrf
from reciprocity.web.settings import WebSettings


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reciprocity.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        w=words_of(app, people, audit, data, chats, practices, terms, devices, invitations),
        q=audit,
        t=terms,
        s=suggestions,
        p=practices,
        Dimension=Dimension,
        Direction=Direction,
        Giver=Giver,
        CareStyle=CareStyle,
        RelationshipKind=RelationshipKind,
        SeasonKind=SeasonKind,
        AdjustmentOutcome=AdjustmentOutcome,
        BoundaryArea=BoundaryArea,
        BoundaryStatus=BoundaryStatus,
        csrf_field=CSRF_FIELD,
    )
    return env


class Pages:
    def __init__(self, csrf: Csrf, *, demo: bool) -> None:
        self.env = environment()
        self.csrf = csrf
        self.demo = demo

    def render(
        self, request: Request, template: str, *, status: int = 200, **context: Any
    ) -> HTMLResponse:
        nonce = request.cookies.get(CSRF_COOKIE)
        fresh = not nonce
        if not nonce:
            nonce = self.csrf.new_nonce()
        context.setdefault("title", "")
        context.setdefault("removed", removed_notice(request))
        context.setdefault("lan", getattr(request.app.state, "lan", None))  # phones' listener
        html = self.env.get_template(template).render(
            request=request,
            csrf_token=self.csrf.token(nonce),
            demo=self.demo,
            path=request.url.path,
            **context,
        )
        response = HTMLResponse(html, status_code=status)
        if fresh:
            set_csrf_cookie(response, nonce)
        return response


def set_csrf_cookie(response: Any, nonce: str) -> None:
    response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="strict", path="/")


def today_of(request: Request) -> date:
    settings: WebSettings = request.app.state.settings
    return settings.today()


def pages(request: Request) -> Pages:
    found: Pages = request.app.state.pages
    return found


def database(request: Request) -> Database:
    found: Database = request.app.state.database
    return found


def removed_notice(request: Request) -> dict[str, str] | None:
    """What a page says after a removal brought the person to it (with the copy to bring
    back, when it is real), or after a copy was brought back."""
    from reciprocity.coach import data as data_words
    from reciprocity.services import data

    said = request.query_params.get("removed")
    brought = request.query_params.get("brought-back")
    if not said and not brought:
        return None
    if brought:
        return {"text": data_words.BROUGHT_BACK_NOTICE, "undo": ""}
    kept = {c.path.name for c in data.copies(database(request))}
    if said in kept:
        return {"text": app_words.REMOVED_NOTICE_COPY, "undo": said}
    return {"text": app_words.REMOVED_NOTICE, "undo": ""}
