"""Forms on the phones' listener: the anti-forgery token every one of them carries.

The same scheme as the app on this computer (``web.security.Csrf``: a random
nonce in a cookie, and its HMAC in the form's hidden ``csrf_token`` field),
under a cookie of its own and bound to the listener's own address, so the two
never mix. ``check_form`` runs before every route of the listener (a POST
without a good token never reaches one); ``LanPages.render`` puts a fresh token
in every page, for the ``csrf()`` macro of ``_macros.html``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from reciprocity.web.render import environment
from reciprocity.web.security import CSRF_FIELD, CSRF_HEADER, SAFE_METHODS, Csrf

LAN_CSRF_COOKIE = "reciprocity_lan_csrf"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class LanPages:
    """Renders the listener's pages (``base_lan.html``), each with a fresh form token."""

    def __init__(self, csrf: Csrf) -> None:
        self.env = environment()
        self.csrf = csrf

    def html(self, template: str, **context: Any) -> str:
        """A page with no form in it (the locked page, before any request)."""
        context.setdefault("title", "")
        return self.env.get_template(template).render(csrf_token="", path="", **context)

    def render(
        self, request: Request, template: str, *, status: int = 200, **context: Any
    ) -> HTMLResponse:
        nonce = request.cookies.get(LAN_CSRF_COOKIE)
        fresh = not nonce
        if not nonce:
            nonce = self.csrf.new_nonce()
        context.setdefault("title", "")
        html = self.env.get_template(template).render(
            request=request,
            csrf_token=self.csrf.token(nonce),
            path=request.url.path,
            **context,
        )
        response = HTMLResponse(html, status_code=status)
        if fresh:
            response.set_cookie(LAN_CSRF_COOKIE, nonce, httponly=True, samesite="strict", path="/")
        return response


def lan_pages(request: Request) -> LanPages:
    found: LanPages = request.app.state.pages
    return found


async def check_form(request: Request) -> AsyncIterator[None]:
    """Every state-changing request to the listener carries its form token and is same-site."""
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
            request.method,
            request.cookies.get(LAN_CSRF_COOKIE),
            given,
            request.headers.get("origin"),
        )
        yield
    finally:
        if form is not None:
            await form.close()
