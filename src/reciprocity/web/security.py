"""Keeping a local app local: hosts, forgery, headers and body size.

* ``HostAllowlist``: answers only to loopback names and the configured host, so
  a web page elsewhere cannot reach the app by pointing its own domain name at
  127.0.0.1 (DNS rebinding).
* ``SecurityHeaders``: a strict Content-Security-Policy with no external origin
  and no inline script, plus the usual hardening headers, on every response;
  ``Cache-Control: no-store`` on everything but the static files.
* ``BodyLimit``: refuses request bodies above the upload limit with a clear
  message, whether or not the client announced the length.
* ``Csrf``: a token bound to a random cookie, signed with the app's secret. Every
  state-changing request carries it, as the ``csrf_token`` form field or the
  ``X-CSRF-Token`` header; a request whose ``Origin`` is another site is refused too.

All three middlewares are plain ASGI, so they wrap every route, static files included.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request

from reciprocity.coach import app as app_words

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "reciprocity_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; "
    "style-src 'self'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "script-src 'self'; "
    "connect-src 'self'; "
    "form-action 'self'; "
    "frame-ancestors 'none'; "
    "base-uri 'none'"
)
HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" makes Chromium send "Origin: null"
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
NO_STORE = (b"cache-control", b"no-store")
"""Intimate data stays out of every cache (the browser's, a proxy's); only /static may be kept."""


def host_name(value: str) -> str:
    """The name part of a Host header or URL netloc: no port, no brackets, lowercase."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


async def _plain(send: Send, status: int, text: str, scope: Scope | None = None) -> None:
    """A refusal before the app: JSON ``{"error": …}`` under /api, plain text elsewhere."""
    as_json = scope is not None and str(scope.get("path", "")).startswith("/api")
    body = json.dumps({"error": text}).encode() if as_json else text.encode()
    kind = b"application/json" if as_json else b"text/plain; charset=utf-8"
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


class HostAllowlist:
    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            name = host_name(header(scope, b"host") or "")
            if name not in self.hosts:
                if scope["type"] == "http":
                    await _plain(send, 400, app_words.HOST_REFUSED)
                else:
                    await send({"type": "websocket.close", "code": 1008})
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """``static``: where files that may be cached live (None: nothing may be)."""

    def __init__(self, app: ASGIApp, static: str | None = "/static/") -> None:
        self.app = app
        self.static = static

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        cached = self.static is not None and scope.get("path", "").startswith(self.static)
        extra = HEADERS if cached else (*HEADERS, NO_STORE)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {bytes(k).lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in extra if k not in present),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLargeError(Exception):
    """Raised inside ``receive`` when a body without a declared length grows too large."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(too_large(size, limit))
        self.size = size
        self.limit = limit


def too_large(size: int, limit: int) -> str:
    """The one line that says an upload is over the limit."""
    return app_words.TOO_LARGE.format(
        size=app_words.size_words(size), limit=app_words.size_words(limit)
    )


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send, int(declared))
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLargeError(seen, self.limit)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLargeError:
            if started:
                raise
            await self._refuse(scope, send, seen)

    async def _refuse(self, scope: Scope, send: Send, size: int) -> None:
        await _plain(send, 413, too_large(size, self.limit), scope)


class CsrfError(Exception):
    """A state-changing request without a valid token, or from another site."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Csrf:
    """Issue and check anti-forgery tokens: HMAC(secret, cookie nonce)."""

    def __init__(self, secret: bytes, hosts: frozenset[str]) -> None:
        self.secret = secret or secrets.token_bytes(32)
        self.hosts = hosts

    def new_nonce(self) -> str:
        return secrets.token_urlsafe(32)

    def token(self, nonce: str) -> str:
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()

    def check(self, method: str, nonce: str | None, given: str | None, origin: str | None) -> None:
        """Raise CsrfError unless a state-changing request is same-site and signed."""
        if method in SAFE_METHODS:
            return
        if origin and origin != "null" and host_name(urlsplit(origin).netloc) not in self.hosts:
            raise CsrfError(app_words.ORIGIN_REFUSED)
        if origin == "null":
            raise CsrfError(app_words.ORIGIN_REFUSED)
        if not nonce or not given or not hmac.compare_digest(given, self.token(nonce)):
            raise CsrfError(app_words.CSRF_REFUSED)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def form_check(cookie: str) -> Callable[[Request], AsyncIterator[None]]:
    """A dependency run before every route: each state-changing request carries the token
    bound to the nonce in ``cookie`` (form field or header) and is same-site.

    The app on this computer and the phones' listener each use one, with a cookie of their
    own. A form read here is the one the route reads (Starlette keeps it); its uploaded
    files are closed once the response is done.
    """

    async def check(request: Request) -> AsyncIterator[None]:
        if request.method in SAFE_METHODS:
            yield
            return
        form = None
        given = request.headers.get(CSRF_HEADER)
        if request.headers.get("content-type", "").startswith(FORM_TYPES):
            form = await request.form()
            if given is None:
                value = form.get(CSRF_FIELD)
                given = value if isinstance(value, str) else None
        try:
            csrf: Csrf = request.app.state.csrf
            csrf.check(
                request.method, request.cookies.get(cookie), given, request.headers.get("origin")
            )
            yield
        finally:
            if form is not None:
                await form.close()

    return check
