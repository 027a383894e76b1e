"""Your data: download an export, and restore one (replacing what is here only when asked)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import data as data_words
from reciprocity.coach import terms
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import data
from reciprocity.services.data import NotEmptyError
from reciprocity.web import forms
from reciprocity.web.editing import confirm_page, confirmed
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/data", response_class=HTMLResponse)
def data_page(request: Request) -> HTMLResponse:
    return _render(request)


@router.get("/data/export.json")
def export(request: Request) -> Response:
    name = f"reciprocity-{today_of(request).isoformat()}.json"
    return Response(
        data.export_text(database(request)),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.post("/data/import", response_class=HTMLResponse)
async def restore(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    upload = forms.upload(form, "file")
    replace = forms.text(form, "replace") == "yes"
    try:
        if upload is None:
            raise InputError(data_words.DATA_NO_FILE)
        content = await upload.read()
        restored = data.restore_upload(
            database(request), content, upload.filename or "export.json", replace=replace
        )
    except NotEmptyError as error:
        message = data_words.DATA_NOT_EMPTY.format(count=error.count)
        return _render(request, error=message, status=409)
    except ReciprocityError as error:
        return _render(request, error=str(error), status=400)
    counts = restored.counts
    query = ",".join(str(counts[k]) for k in ("people", "moments", "seasons", "audits"))
    copied = "&copy=yes" if restored.copy is not None else ""
    return RedirectResponse(f"/data?restored={query}{copied}", status_code=303)


@router.post("/data/bring-back", response_class=HTMLResponse)
def bring_back(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    """Put a kept copy back: asked once from the list of copies; at once from a removal's
    notice (the undo), since what is there now is kept as a copy of its own first."""
    name = forms.text(form, "copy")
    back = forms.text(form, "back")
    back = back if back.startswith("/") and not back.startswith("//") else "/data"
    store = database(request)
    found = {c.path.name: c for c in data.copies(store)}.get(name)
    if found is None:
        return _render(request, error=data_words.COPY_UNKNOWN.format(name=name), status=404)
    if not confirmed(form):
        return confirm_page(
            request,
            question=data_words.BRING_BACK_ASK.format(copy=name),
            goes=[f"{terms.moment_words(found.made)} · {data_words.copy_reason(found.reason)}"],
            action="/data/bring-back",
            back="/data#copies",
            button=app_words.BRING_BACK_BUTTON,
            keeps_copy=False,
            hidden={"copy": name, "back": back},
        )
    try:
        data.bring_back(store, name)
    except ReciprocityError as error:
        return _render(request, error=str(error), status=409)
    path, _, anchor = back.partition("#")
    target = f"{path}{'&' if '?' in path else '?'}brought-back=yes"
    return RedirectResponse(f"{target}#{anchor}" if anchor else target, status_code=303)


def _render(request: Request, *, error: str | None = None, status: int = 200) -> HTMLResponse:
    restored = request.query_params.get("restored", "")
    notice = None
    parts = restored.split(",")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        notice = data_words.DATA_IMPORTED.format(
            **dict(zip(("people", "moments", "seasons", "audits"), parts, strict=True))
        )
        if request.query_params.get("copy") == "yes":
            notice = f"{notice} {data_words.DATA_REPLACED_COPY}"
    settings = request.app.state.settings
    return pages(request).render(
        request,
        "data.html",
        status=status,
        title="",
        error=error,
        notice=notice,
        limit=app_words.size_words(settings.upload_limit),
        copies=[
            (c.path.name, terms.moment_words(c.made), data_words.copy_reason(c.reason))
            for c in data.copies(database(request))
        ],
    )
