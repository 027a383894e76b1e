"""The unlock page: ``reciprocity serve`` on an encrypted database, started with no passphrase.

``locked_app(settings)`` returns an app that answers only ``/unlock`` (and the
static files) until the right passphrase is typed there: every other page
redirects to it, and the JSON API answers 423 with one line. The form carries the
anti-forgery token like every other form, and wrong tries are slowed down: after
``FREE_TRIES`` wrong ones in a row, each next try waits twice as long as the one
before (2, 4, 8 … seconds, five minutes at most), on top of the half second
Argon2id takes for each. Once unlocked, the whole app (``create_app``) answers
instead, and ``/unlock`` leads home. The passphrase is used to open the database
and kept nowhere.
"""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.types import ASGIApp, Receive, Scope, Send

from reciprocity.coach import data as data_words
from reciprocity.errors import ReciprocityError, WrongPassphraseError
from reciprocity.services import open_database
from reciprocity.web import forms
from reciprocity.web.app import STATIC, check_csrf
from reciprocity.web.lan.state import LanState
from reciprocity.web.render import Pages
from reciprocity.web.security import BodyLimit, Csrf, CsrfError, HostAllowlist, SecurityHeaders
from reciprocity.web.settings import WebSettings

FREE_TRIES = 4
LONGEST_WAIT = 300
UNLOCK = "/unlock"


class Tries:
    """Wrong passphrases in a row, and how long the next try must wait."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.wrong = 0
        self.last = 0.0

    def wait(self) -> int:
        """Seconds left before another try is heard (0: now)."""
        if self.wrong < FREE_TRIES:
            return 0
        pause = min(2 ** (self.wrong - FREE_TRIES + 1), LONGEST_WAIT)
        return max(0, int(self.last + pause - self.clock() + 0.999))

    def failed(self) -> None:
        self.wrong += 1
        self.last = self.clock()

    def succeeded(self) -> None:
        self.wrong = 0


class Gate:
    """The app ``serve`` runs: the unlock page until the data is unlocked, then the whole app.

    The whole app's own start and stop (its lifespan) run when it is unlocked and
    when the server stops.
    """

    def __init__(self, settings: WebSettings, lan: LanState | None = None) -> None:
        if not settings.secret:  # one secret for both apps, so a form token stays good
            settings = dataclasses.replace(settings, secret=secrets.token_bytes(32))
        self.settings = settings
        self.lan = lan
        self.tries = Tries()
        self.opened: ASGIApp | None = None
        self._lock = asyncio.Lock()
        self._stack = AsyncExitStack()
        self.locked = _locked_app(self)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif self.opened is None or scope.get("path") == UNLOCK:
            await self.locked(scope, receive, send)
        else:
            await self.opened(scope, receive, send)

    async def unlock(self, passphrase: str) -> None:
        """Open the database with ``passphrase`` and hand over to the whole app.

        A wrong passphrase raises WrongPassphraseError; anything else that keeps the
        database from opening (a missing key file) its own ReciprocityError.
        """
        from reciprocity.web.app import create_app

        async with self._lock:
            if self.opened is not None:
                return
            database = await run_in_threadpool(
                open_database, self.settings.database_url, passphrase=passphrase
            )
            app = create_app(self.settings, database, lan=self.lan)
            await self._stack.enter_async_context(app.router.lifespan_context(app))
            self.opened = app

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self._stack.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


def locked_app(settings: WebSettings, lan: LanState | None = None) -> Gate:
    """The app for an encrypted database whose passphrase was not given at start."""
    return Gate(settings, lan)


def _locked_app(gate: Gate) -> ASGIApp:
    settings = gate.settings
    hosts = settings.hosts()
    csrf = Csrf(settings.secret, hosts)
    pages = Pages(csrf, demo=False)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield

    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
        dependencies=[Depends(check_csrf)],
    )
    app.state.settings = settings
    app.state.csrf = csrf
    app.state.pages = pages
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(request: Request, *, error: str | None = None, status: int = 200) -> HTMLResponse:
        response = pages.render(
            request,
            "unlock.html",
            status=status,
            error=error,
            title=data_words.UNLOCK_TITLE,
            removed=None,
        )
        wait = gate.tries.wait()
        if status == 429 and wait:
            response.headers["retry-after"] = str(wait)
        return response

    @app.get(UNLOCK, response_class=HTMLResponse)
    def unlock_page(request: Request) -> Response:
        if gate.opened is not None:
            return RedirectResponse("/", status_code=303)
        return page(request)

    @app.post(UNLOCK, response_class=HTMLResponse)
    async def unlock(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
        if gate.opened is not None:
            return RedirectResponse("/", status_code=303)
        wait = gate.tries.wait()
        if wait:
            return page(request, error=data_words.UNLOCK_WAIT.format(seconds=wait), status=429)
        given = form.get("passphrase")
        if not isinstance(given, str) or not given:
            return page(request, error=data_words.UNLOCK_EMPTY, status=400)
        try:
            await gate.unlock(given)
        except WrongPassphraseError:
            gate.tries.failed()
            return page(request, error=data_words.UNLOCK_WRONG, status=400)
        except ReciprocityError as error:
            return page(request, error=str(error), status=409)
        gate.tries.succeeded()
        return RedirectResponse("/", status_code=303)

    @app.api_route("/{anything:path}", methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
    def elsewhere(request: Request) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": data_words.UNLOCK_API}, status_code=423)
        return RedirectResponse(UNLOCK, status_code=303)

    @app.exception_handler(CsrfError)
    async def refused(request: Request, error: CsrfError) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": error.message}, status_code=403)
        return pages.render(request, "error.html", status=403, message=error.message, removed=None)

    app.add_middleware(BodyLimit, limit=64 * 1024)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostAllowlist, hosts=hosts)
    return app
