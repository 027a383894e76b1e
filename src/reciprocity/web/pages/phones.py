"""Phones: pairing one with a one-time link (and its QR code), the paired ones, revoking one,
and closing the listener on the network now."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import devices as words
from reciprocity.errors import NotFoundError
from reciprocity.services import devices
from reciprocity.web import forms
from reciprocity.web.forms import Id
from reciprocity.web.lan.state import LanState
from reciprocity.web.render import database, pages

router = APIRouter(include_in_schema=False)


def lan_of(request: Request) -> LanState | None:
    found: LanState | None = getattr(request.app.state, "lan", None)
    return found


def local(moment: datetime | None, *, day: bool = True) -> str:
    """A kept (naive UTC) time in this computer's time: ``7 Dec 2026, 14:05``, or ``14:05``."""
    if moment is None:
        return words.DEVICE_NEVER
    here = moment.replace(tzinfo=UTC).astimezone()
    return f"{here.day} {here:%b %Y, %H:%M}" if day else f"{here:%H:%M}"


def qr_svg(url: str) -> str:
    """The link as a QR code, drawn as inline SVG (no script, no image file)."""
    import segno

    drawn: str = segno.make(url, error="m").svg_inline(scale=5, dark="#1f2a2e", light="#ffffff")
    label = words.PAIR_QR_LABEL
    return drawn.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def new_link(request: Request) -> tuple[str, datetime] | None:
    """A one-time pairing link on the open listener, and when it expires; None when closed."""
    lan = lan_of(request)
    if lan is None or not lan.is_open():
        return None
    made = devices.new_code(database(request), now=request.app.state.settings.now())
    return f"{lan.url}pair/{made.code}", made.expires


def _page(request: Request, *, status: int = 200, **context: Any) -> HTMLResponse:
    lan = lan_of(request)
    rows = [
        (d.id, d.name, local(d.paired), local(d.last_seen))
        for d in devices.paired(database(request))
    ]
    context.setdefault("link", None)
    context.setdefault("notice", None)
    context.setdefault("error", None)
    return pages(request).render(
        request,
        "phones.html",
        status=status,
        title=words.PHONES_TITLE,
        devices=rows,
        state="none" if lan is None else ("open" if lan.is_open() else "closed"),
        **context,
    )


@router.get("/phones", response_class=HTMLResponse)
def phones(request: Request) -> HTMLResponse:
    return _page(request)


@router.post("/phones/pair", response_class=HTMLResponse)
def pair(request: Request) -> HTMLResponse:
    made = new_link(request)
    if made is None:
        return _page(request, status=409, error=words.LAN_NEEDED)
    url, expires = made
    link = {"url": url, "qr": qr_svg(url), "until": local(expires, day=False)}
    return _page(request, link=link)


@router.post("/phones/{device_id}/revoke", response_class=HTMLResponse)
def revoke(request: Request, device_id: Id) -> HTMLResponse:
    try:
        gone = devices.revoke(database(request), device_id)
    except NotFoundError as error:
        return _page(request, status=404, error=str(error))
    return _page(request, notice=words.REVOKED_NOTICE.format(name=gone.name))


@router.post("/phones/close", response_class=HTMLResponse)
def close(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    """Close the listener on the network now; back to the page the button was on."""
    lan = lan_of(request)
    if lan is not None:
        lan.close()
    back = forms.text(form, "back")
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/phones"
    return RedirectResponse(back, status_code=303)
