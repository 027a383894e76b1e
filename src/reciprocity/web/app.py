"""The app factory: ``create_app(settings)`` returns the whole web app, nothing global.

Layers, outermost first: the host allowlist (DNS rebinding), the security
headers, the body-size limit, then FastAPI with an anti-forgery check on every
state-changing request. Pages live in ``web.pages``, the JSON API in
``web.api``; both call ``web.actions``, ``overview`` and the model.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import iter_route_contexts
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from reciprocity import __version__
from reciprocity.coach import app as app_words
from reciprocity.errors import ConflictError, NotFoundError, ReciprocityError
from reciprocity.services import Database, open_database
from reciprocity.services.patterns import PatternCache
from reciprocity.web.lan.state import LanState
from reciprocity.web.render import Pages
from reciprocity.web.security import (
    CSRF_COOKIE,
    BodyLimit,
    BodyTooLargeError,
    Csrf,
    CsrfError,
    HostAllowlist,
    SecurityHeaders,
    form_check,
)
from reciprocity.web.settings import WebSettings

STATIC = Path(__file__).parent / "static"
check_csrf = form_check(CSRF_COOKIE)
"""The anti-forgery check before every route of the app (see ``security.form_check``)."""


def create_app(
    settings: WebSettings, database: Database | None = None, *, lan: LanState | None = None
) -> FastAPI:
    """The web app over ``settings.database_url`` (or an already open ``database``); ``lan``:
    the listener for phones on the network, when ``serve --lan`` opened one."""
    from reciprocity.web import api, api_devices, api_edits, api_invitations, api_practices
    from reciprocity.web.documents import Documents
    from reciprocity.web.held import HeldFiles
    from reciprocity.web.jobs import ChatImports
    from reciprocity.web.pages import (
        audit,
        boundaries,
        chats,
        checkins,
        contacts,
        data,
        due,
        home,
        invitations,
        people,
        phones,
        report,
        rhythms,
        rituals,
        seasons,
        wins,
    )
    from reciprocity.web.pages import settings as settings_pages

    store = database if database is not None else open_database(settings.database_url)
    hosts = settings.hosts()
    csrf = Csrf(settings.secret, hosts)
    imports = ChatImports(store)
    documents = Documents(store)
    locked_exports, contact_files = HeldFiles("locked"), HeldFiles("contacts")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Everything loaded so far (modules, templates, the app) lives as long
        # as the server: set it aside from the cycle collector, whose full
        # passes over it would otherwise pause a request now and then.
        gc.freeze()
        yield
        if lan is not None:
            lan.close()  # the phones' listener stops with the app, its record closed
        imports.close()
        documents.close()
        locked_exports.close()
        contact_files.close()
        store.close()

    app = FastAPI(
        title="reciprocity",
        version=__version__,
        summary="Your relationships' patterns, on your own machine.",
        docs_url=None,  # the interactive docs load scripts from elsewhere; the schema is enough
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        dependencies=[Depends(check_csrf)],
    )
    app.state.settings = settings
    app.state.database = store
    app.state.patterns = PatternCache()
    app.state.csrf = csrf
    app.state.pages = Pages(csrf, demo=settings.demo)
    app.state.imports = imports
    app.state.documents = documents
    app.state.locked_exports = locked_exports
    app.state.contact_files = contact_files
    app.state.lan = lan
    if lan is not None:
        lan.attach(store)  # where phones reach it, for `reciprocity pair`

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (home, due, contacts, people, seasons, audit, data, report):
        app.include_router(module.router)
    for practice in (
        checkins,
        rituals,
        rhythms,
        boundaries,
        wins,
        chats,
        settings_pages,
        invitations,
    ):
        app.include_router(practice.router)
    app.include_router(phones.router)
    app.include_router(api.router)
    app.include_router(api_devices.router)
    app.include_router(api_practices.router)
    app.include_router(api_edits.router)
    app.include_router(api_invitations.router)
    _handle_errors(app)

    app.add_middleware(BodyLimit, limit=settings.upload_limit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostAllowlist, hosts=hosts)
    return app


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """The methods the routes at this request's address answer to."""
    found: set[str] = set()
    for route in iter_route_contexts(app.routes):
        pattern = getattr(route.route, "path_regex", None)
        if pattern is not None and pattern.match(request.url.path):
            found |= set(route.methods or ())
    return sorted(found)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _handle_errors(app: FastAPI) -> None:
    pages: Pages = app.state.pages

    def page_or_json(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return pages.render(request, "error.html", status=status, message=message)

    @app.exception_handler(CsrfError)
    async def refused(request: Request, error: CsrfError) -> Response:
        return page_or_json(request, 403, error.message)

    @app.exception_handler(ReciprocityError)
    async def known(request: Request, error: ReciprocityError) -> Response:
        status = 400
        if isinstance(error, NotFoundError):
            status = 404
        elif isinstance(error, ConflictError):
            status = 409
        return page_or_json(request, status, str(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if isinstance(error.__cause__, BodyTooLargeError):  # a body that grew past the limit
            return page_or_json(request, 413, str(error.__cause__))
        message = app_words.NOT_FOUND if error.status_code == 404 else str(error.detail)
        answer = page_or_json(request, error.status_code, message)
        answer.headers.update(error.headers or {})
        if error.status_code == 405:  # every method the address answers to, not just one route's
            answer.headers["allow"] = ", ".join(allowed_methods(app, request))
        return answer

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in error.errors()
        ]
        if _wants_json(request):
            return JSONResponse({"error": app_words.API_INVALID, "problems": problems}, 422)
        return pages.render(request, "error.html", status=422, message=app_words.API_INVALID)
