"""``/capture`` on the listener: a paired phone notes a moment, and nothing else.

Phone-first and small (no script, well under 30 KB): who it was with (whoever
has the most recent moment first), what happened, who gave, the dimensions,
the way of caring and the energy. Saving goes through ``services.moments``,
as the app's own form and ``reciprocity log`` do: the same checks, the same
once-only offer of the dimensions its words point to, and the same note
pointing to help when the words call for it. A phone that is not paired is
sent to the page that says how to pair (a form from it is refused).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import devices as words
from reciprocity.coach import people as people_words
from reciprocity.coach.suggestions import SAFETY_NOTE
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import devices, moments
from reciprocity.vocabulary import ENERGY_MAX, ENERGY_MIN, CareStyle, Dimension, Giver
from reciprocity.web import forms
from reciprocity.web.lan.forms import lan_pages
from reciprocity.web.lan.pairing import DEVICE_COOKIE

router = APIRouter(include_in_schema=False)
EMPTY: dict[str, Any] = {"person": "", "text": "", "by": "me", "dimensions": [], "asked": ""}


def _device_name(request: Request) -> str | None:
    """The paired phone making this request (its "last used" moved), or None."""
    from reciprocity.web.lan import lan_database

    now = request.app.state.settings.now()
    found = devices.device_for(lan_database(request), request.cookies.get(DEVICE_COOKIE), now=now)
    return None if found is None else found.name


def _page(
    request: Request,
    device: str,
    *,
    values: dict[str, Any],
    status: int = 200,
    error: str | None = None,
    saved: str | None = None,
    safety: str | None = None,
    suggested: list[Dimension] | None = None,
) -> HTMLResponse:
    from reciprocity.web.lan import lan_database

    return lan_pages(request).render(
        request,
        "lan_capture.html",
        status=status,
        device=device,
        people=devices.capture_choices(lan_database(request)),
        values=values,
        error=error,
        saved=saved,
        safety=safety,
        suggested=suggested or [],
        paired=request.query_params.get("paired") == "1",
    )


@router.get("/capture", response_class=HTMLResponse)
def capture_form(request: Request) -> Response:
    device = _device_name(request)
    if device is None:
        return RedirectResponse("/pair", status_code=303)
    return _page(request, device, values=dict(EMPTY))


@router.post("/capture", response_class=HTMLResponse)
def capture(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    from reciprocity.web.lan import lan_database

    device = _device_name(request)
    if device is None:
        return lan_pages(request).render(
            request, "lan_not_paired.html", status=403, title=words.NOT_PAIRED_TITLE
        )
    database = lan_database(request)
    values: dict[str, Any] = {
        "person": forms.text(form, "person"),
        "text": forms.text(form, "text"),
        "by": forms.text(form, "by"),
        "dimensions": forms.texts(form, "dimensions"),
        "style": forms.text(form, "style"),
        "energy": forms.text(form, "energy"),
        "asked": forms.text(form, "asked"),
    }
    try:
        if values["person"] not in devices.capture_choices(database):
            raise InputError(words.CAPTURE_PERSON_UNKNOWN)
        by = forms.choice(values["by"] or "me", Giver, "side (me, them or both)")
        dimensions = forms.choices(values["dimensions"], Dimension, "dimension")
        style = forms.optional_choice(values["style"], CareStyle, "way of caring")
        energy = forms.optional_int(
            values["energy"], low=ENERGY_MIN, high=ENERGY_MAX, message=people_words.ENERGY_RANGE
        )
        if values["asked"] != "yes":
            offered = moments.suggestion(database, values["person"], values["text"], dimensions)
            if offered:
                chosen = {**values, "dimensions": [d.value for d in offered], "asked": "yes"}
                return _page(request, device, values=chosen, suggested=offered)
        noted = moments.note(
            database,
            values["person"],
            values["text"],
            on=request.app.state.settings.today(),
            by=by,
            dimensions=dimensions,
            style=style,
            energy=energy,
        )
    except ReciprocityError as error:
        return _page(request, device, values=values, error=str(error), status=400)
    return _page(
        request,
        device,
        values=dict(EMPTY),
        saved=words.CAPTURE_SAVED.format(name=noted.name),
        safety=SAFETY_NOTE.format(name=noted.name) if noted.safety else None,
    )
