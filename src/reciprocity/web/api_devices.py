"""The JSON API for phones: a one-time pairing link, the paired phones, revoking one.

``POST /api/devices/pair`` answers 201 ``{"url", "expires"}`` while the listener
on the network is open (409 otherwise); ``GET /api/devices`` lists the paired
phones; ``DELETE /api/devices/{id}`` revokes one (204; 404 for one not there).
Writes carry ``X-CSRF-Token`` as every write does.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from reciprocity.coach import devices as words
from reciprocity.services import devices, shapes
from reciprocity.web.api import ANSWERS
from reciprocity.web.forms import Id
from reciprocity.web.pages.phones import new_link
from reciprocity.web.render import database

router = APIRouter(prefix="/api", tags=["api"], responses=ANSWERS)


@router.post("/devices/pair", status_code=201)
def pair(request: Request) -> Any:
    """A one-time pairing link (single use, ten minutes) on the listener for phones."""
    made = new_link(request)
    if made is None:
        return JSONResponse({"error": words.LAN_NEEDED}, status_code=409)
    return shapes.pairing(*made)


@router.get("/devices")
def paired(request: Request) -> list[dict[str, Any]]:
    """The paired phones, the most recently paired first."""
    return [shapes.device(d) for d in devices.paired(database(request))]


@router.delete("/devices/{device_id}", status_code=204)
def revoke(request: Request, device_id: Id) -> Response:
    """Revoke a phone: it is refused from now on."""
    devices.revoke(database(request), device_id)
    return Response(status_code=204)
