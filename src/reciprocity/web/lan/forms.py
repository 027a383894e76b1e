"""Forms on the phones' listener: the anti-forgery token every one of them carries.

The same scheme as the app on this computer (``web.security.Csrf``: a random
nonce in a cookie, and its HMAC in the form's hidden ``csrf_token`` field),
under a cookie of its own and bound to the listener's own address, so the two
never mix. ``check_form`` runs before every route of the listener (a POST
without a good token never reaches one); ``LanPages.render`` puts a fresh token
in every page, for the ``csrf()`` macro of ``_macros.html``.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from reciprocity.web.render import environment
from reciprocity.web.security import Csrf, form_check

LAN_CSRF_COOKIE = "reciprocity_lan_csrf"


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


check_form = form_check(LAN_CSRF_COOKIE)
"""Every state-changing request to the listener carries its form token and is same-site."""
