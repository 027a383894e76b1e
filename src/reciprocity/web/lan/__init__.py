"""The phones' listener: a second, small app on the local network, beside the app on loopback.

``create_lan_app(settings, lan, app)`` returns it. It runs in the same process as
the app on this computer (``app``: the whole app, or the unlock gate before it)
and reaches the same data, but serves only pairing a phone (``pairing``), noting
a moment from a paired one (``capture``) and, when present, a friend's
invitation (``invitations``); every other address is a 404, whatever cookie
comes with it. Outermost first:

* ``LanGuard``: the Host header must be exactly the listener's address (with or
  without its port); nothing is served once it is closed (its time is up, or
  "Close it now"), and only a calm "locked" page (503) while the data waits for
  its passphrase.
* ``SecurityHeaders`` (``Cache-Control: no-store`` on everything: there are no
  static files here), and a small body limit.
* FastAPI, with ``forms.check_form`` (the anti-forgery token) before every route.

A router here (``invitations.router``) gets all of that by being included: it
renders with ``lan_pages(request).render(request, "some.html", ...)`` (a page
extending ``base_lan.html``, its forms holding ``{{ csrf() }}``), reaches the
data with ``lan_database(request)``, and reads the clock as
``request.app.state.settings.now()``; its POSTs are refused without the token
before they reach it.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from reciprocity.coach import app as app_words
from reciprocity.coach import devices as words
from reciprocity.services import Database
from reciprocity.web.lan.forms import LanPages, check_form, lan_pages
from reciprocity.web.lan.state import LanState
from reciprocity.web.security import (
    HEADERS,
    NO_STORE,
    BodyLimit,
    Csrf,
    CsrfError,
    SecurityHeaders,
    header,
)
from reciprocity.web.settings import WebSettings

__all__ = ["LanState", "check_form", "create_lan_app", "lan_pages"]

STYLESHEET = Path(__file__).parents[1] / "static" / "lan.css"
BODY_LIMIT = 64 * 1024
"""A moment from a phone is short; nothing larger is read."""


def create_lan_app(settings: WebSettings, lan: LanState, app: object) -> LanGuard:
    """The listener for phones, over the data of ``app`` (the whole app, or the unlock gate)."""
    from reciprocity.web.lan import capture, pairing

    database_of = _database_of(app)
    csrf = Csrf(settings.secret, frozenset({lan.address.lower()}))
    pages = LanPages(csrf)
    lan_app = FastAPI(
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(check_form)],
    )
    lan_app.state.settings = settings
    lan_app.state.lan = lan
    lan_app.state.csrf = csrf
    lan_app.state.pages = pages
    lan_app.state.database_of = database_of
    lan_app.state.attempts = pairing.Attempts()

    @lan_app.get("/lan.css", include_in_schema=False)
    def stylesheet() -> Response:
        return FileResponse(STYLESHEET, media_type="text/css")

    lan_app.include_router(pairing.router)
    lan_app.include_router(capture.router)
    # A friend's invitation (issue 17, its other half) is served here too, once it exists.
    if importlib.util.find_spec("reciprocity.web.lan.invitations") is not None:
        invitations = importlib.import_module("reciprocity.web.lan.invitations")
        lan_app.include_router(invitations.router)
    _handle_errors(lan_app, pages)

    locked = pages.html("lan_locked.html", title=words.LAN_LOCKED_TITLE).encode()
    guarded: ASGIApp = BodyLimit(lan_app, limit=BODY_LIMIT)
    guarded = SecurityHeaders(guarded, static=None)  # no-store on everything
    guard = LanGuard(guarded, lan, lambda: database_of() is None, locked)
    guard.inner = lan_app  # its routes, for whoever lists what it serves (the tests)
    return guard


def lan_database(request: Request) -> Database:
    """The app's data, as the listener reaches it (never None past ``LanGuard``)."""
    found: Database | None = request.app.state.database_of()
    assert found is not None, "LanGuard answers while the data is locked"
    return found


def _database_of(app: object) -> Callable[[], Database | None]:
    """How to reach the data of ``app``: at once, or once the unlock gate has opened it."""
    from reciprocity.web.unlock import Gate

    if isinstance(app, Gate):
        gate = app

        def behind_gate() -> Database | None:
            opened = gate.opened
            return None if opened is None else opened.state.database  # type: ignore[attr-defined]

        return behind_gate
    database: Database = app.state.database  # type: ignore[attr-defined]
    return lambda: database


class LanGuard:
    """Exact Host, open, unlocked: or nothing is served."""

    def __init__(
        self, app: ASGIApp, lan: LanState, locked: Callable[[], bool], locked_page: bytes
    ) -> None:
        self.app = app
        self.lan = lan
        self.hosts = lan.hosts()
        self.locked = locked
        self.locked_page = locked_page
        self.inner: FastAPI | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return
        given = (header(scope, b"host") or "").strip().lower()
        if given not in self.hosts:
            await _answer(send, 400, app_words.HOST_REFUSED.encode(), PLAIN)
        elif not self.lan.is_open():
            await _answer(send, 503, words.LAN_CLOSED.encode(), PLAIN)
        elif self.locked():
            await _answer(send, 503, self.locked_page, HTML)
        else:
            await self.app(scope, receive, send)


PLAIN = b"text/plain; charset=utf-8"
HTML = b"text/html; charset=utf-8"


async def _answer(send: Send, status: int, body: bytes, kind: bytes) -> None:
    """An answer before the listener's app: with every security header, never cached."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
                NO_STORE,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _handle_errors(app: FastAPI, pages: LanPages) -> None:
    def page(request: Request, status: int, message: str) -> Response:
        return pages.render(request, "lan_error.html", status=status, message=message)

    @app.exception_handler(CsrfError)
    async def refused(request: Request, error: CsrfError) -> Response:
        return page(request, 403, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        # 405 too: an address the listener does not serve is simply not there.
        status = 404 if error.status_code in (404, 405) else error.status_code
        message = words.LAN_NOT_FOUND if status == 404 else str(error.detail)
        return page(request, status, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return page(request, 404, words.LAN_NOT_FOUND)
