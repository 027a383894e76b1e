"""Pairing a phone on the listener: the one-time link's form, and the page for a phone that
is not paired.

``GET /pair/{code}`` asks the phone for a name; ``POST /pair/{code}`` (field
``name`` and the form token) pairs it: the code is used up, and the phone gets
its device token in an HttpOnly, SameSite=Strict cookie. A code that is not
good (unknown, used, expired) is one answer for all three, and counts as a
failure: a few failures a minute from one address, or more from anywhere, and
pairing waits a minute (429).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import devices as words
from reciprocity.errors import InputError
from reciprocity.services import devices
from reciprocity.web import forms
from reciprocity.web.lan.forms import lan_pages

router = APIRouter(include_in_schema=False)

DEVICE_COOKIE = "reciprocity_device"
DEVICE_COOKIE_AGE = 400 * 24 * 3600
"""As long as a browser keeps a cookie (400 days); revoking it on the computer ends it sooner."""
WINDOW = 60.0
PER_ADDRESS = 5
OVERALL = 20


class Attempts:
    """Failed pairing tries in the last minute, per client address and in all."""

    def __init__(
        self,
        *,
        per_address: int = PER_ADDRESS,
        overall: int = OVERALL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_address = per_address
        self.overall = overall
        self.clock = clock
        self._failures: deque[tuple[float, str]] = deque()
        self._lock = threading.Lock()

    def limited(self, address: str) -> bool:
        """Whether a try from ``address`` must wait."""
        with self._lock:
            self._forget()
            mine = sum(1 for _, who in self._failures if who == address)
            return mine >= self.per_address or len(self._failures) >= self.overall

    def failed(self, address: str) -> None:
        with self._lock:
            self._failures.append((self.clock(), address))

    def _forget(self) -> None:
        cutoff = self.clock() - WINDOW
        while self._failures and self._failures[0][0] <= cutoff:
            self._failures.popleft()


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _attempts(request: Request) -> Attempts:
    found: Attempts = request.app.state.attempts
    return found


def _slow_down(request: Request) -> HTMLResponse:
    response = lan_pages(request).render(
        request, "lan_error.html", status=429, message=words.PAIRING_SLOW_DOWN
    )
    response.headers["retry-after"] = str(int(WINDOW))
    return response


def _refused(request: Request) -> HTMLResponse:
    _attempts(request).failed(_address(request))
    return lan_pages(request).render(
        request, "lan_error.html", status=404, message=words.PAIRING_REFUSED
    )


def _form(
    request: Request, code: str, *, name: str = "", error: str | None = None, status: int = 200
) -> HTMLResponse:
    return lan_pages(request).render(
        request,
        "lan_pair.html",
        status=status,
        title=words.PAIR_TITLE,
        code=code,
        name=name,
        error=error,
    )


@router.get("/pair", response_class=HTMLResponse)
def not_paired(request: Request) -> HTMLResponse:
    """Where a phone that is not paired is sent: how to pair it."""
    return lan_pages(request).render(request, "lan_not_paired.html", title=words.NOT_PAIRED_TITLE)


@router.get("/pair/{code}", response_class=HTMLResponse)
def pairing_form(request: Request, code: str) -> HTMLResponse:
    from reciprocity.web.lan import lan_database

    if _attempts(request).limited(_address(request)):
        return _slow_down(request)
    now = request.app.state.settings.now()
    if not devices.code_is_good(lan_database(request), code, now=now):
        return _refused(request)
    return _form(request, code)


@router.post("/pair/{code}", response_class=HTMLResponse)
def pair(request: Request, code: str, form: FormData = Depends(forms.read_form)) -> Response:
    from reciprocity.web.lan import lan_database

    if _attempts(request).limited(_address(request)):
        return _slow_down(request)
    name = forms.text(form, "name")
    now = request.app.state.settings.now()
    database = lan_database(request)
    try:
        paired = devices.pair(database, code, name, now=now)
    except devices.PairingRefusedError:
        return _refused(request)
    except InputError as error:  # the name: the code is still good, so the form comes back
        return _form(request, code, name=name, error=str(error), status=400)
    response = RedirectResponse("/capture?paired=1", status_code=303)
    response.set_cookie(
        DEVICE_COOKIE,
        paired.token,
        max_age=DEVICE_COOKIE_AGE,
        httponly=True,
        samesite="strict",
        path="/",
    )
    return response
