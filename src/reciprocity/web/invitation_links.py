"""Where an invitation's link points: the phone listener's address, while it is open.

The link is made of the phone listener's address and the code; the loopback app
never serves it. While the listener is closed, the invitation is made all the
same and its path is given, with a note that the link works once the listener
is open (the code is shown once; a new link can be made later).
"""

from __future__ import annotations

from datetime import datetime

from fastapi import Request

from reciprocity.coach import invitations as words


def invitation_path(code: str) -> str:
    return f"/invite/{code}"


def listener_base(request: Request) -> str | None:
    """The phone listener's address (``http://192.168.1.20:8766``), or None while it is closed."""
    lan = getattr(request.app.state, "lan", None)  # a ``web.lan.LanState``, under ``serve --lan``
    if lan is None or not lan.is_open():
        return None
    return str(lan.url).rstrip("/")


def link_of(request: Request, code: str) -> tuple[str | None, str, bool, str]:
    """The link for ``code``: (url or None, path, whether the listener is open, what to say)."""
    path = invitation_path(code)
    base = listener_base(request)
    if base is None:
        return None, path, False, words.INVITATION_LISTENER_CLOSED
    return base + path, path, True, words.INVITATION_LISTENER_OPEN


def now_of(request: Request) -> datetime:
    """The clock invitations expire by (naive UTC): the settings' own, so tests can move it."""
    clock = request.app.state.settings.now
    found: datetime = clock()
    return found
