"""Your data: download an export (plain, or locked with a passphrase), and restore one
(replacing what is here only when asked; a locked one after its passphrase)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import data as data_words
from reciprocity.coach.terms import counts_words
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import data
from reciprocity.services.data import NotEmptyError, Restored
from reciprocity.web import forms
from reciprocity.web.held import Held, HeldFiles
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


def locked_exports(request: Request) -> HeldFiles:
    found: HeldFiles = request.app.state.locked_exports
    return found


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


@router.post("/data/export.age", response_class=HTMLResponse)
def export_locked(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    passphrase = forms.text(form, "passphrase")
    try:
        if not passphrase:
            raise InputError(data_words.PASSPHRASE_EMPTY)
        if forms.text(form, "passphrase_again") != passphrase:
            raise InputError(data_words.PASSPHRASE_DIFFER)
        content = data.locked_export(
            data.export_text(database(request)), data.Key(passphrase=passphrase)
        )
    except ReciprocityError as error:
        return _render(request, error=str(error), status=400)
    name = f"reciprocity-{today_of(request).isoformat()}.json.age"
    return Response(
        content,
        media_type="application/octet-stream",
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
        filename = upload.filename or "export.json"
        how = data.how_locked_content(content)
        if how == "keys":
            raise InputError(data_words.DATA_LOCKED_FOR_KEYS.format(name=filename))
        if how is not None:
            held = locked_exports(request).hold(filename, content, "export.json.age")
            return _render(request, locked=held, replace=replace)
        restored = data.restore_upload(database(request), content, filename, replace=replace)
    except NotEmptyError as error:
        message = data_words.DATA_NOT_EMPTY.format(**counts_words({"people": error.count}))
        return _render(request, error=message, status=409)
    except ReciprocityError as error:
        return _render(request, error=str(error), status=400)
    return _restored(restored)


@router.post("/data/import/unlock", response_class=HTMLResponse)
def unlock(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    """The passphrase of a locked export that is waiting: restore what it holds."""
    replace = forms.text(form, "replace") == "yes"
    held = locked_exports(request).get(forms.text(form, "file"))
    key = data.Key(passphrase=forms.text(form, "passphrase"))
    try:
        restored = data.restore_file(
            database(request), held.path, replace=replace, source=held.filename, key=key
        )
    except NotEmptyError as error:
        message = data_words.DATA_NOT_EMPTY.format(**counts_words({"people": error.count}))
        return _render(request, error=message, status=409, locked=held, replace=replace)
    except ReciprocityError as error:
        return _render(request, error=str(error), status=400, locked=held, replace=replace)
    locked_exports(request).let_go(held.token)
    return _restored(restored)


def _restored(restored: Restored) -> RedirectResponse:
    counts = restored.counts
    query = ",".join(str(counts[k]) for k in ("people", "moments", "seasons", "audits"))
    copied = "&copy=yes" if restored.copy is not None else ""
    return RedirectResponse(f"/data?restored={query}{copied}", status_code=303)


def _render(
    request: Request,
    *,
    error: str | None = None,
    status: int = 200,
    locked: Held | None = None,
    replace: bool = False,
) -> HTMLResponse:
    restored = request.query_params.get("restored", "")
    notice = None
    parts = restored.split(",")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        notice = data_words.DATA_IMPORTED.format(
            **counts_words(
                dict(zip(("people", "moments", "seasons", "audits"), parts, strict=True))
            )
        )
        if request.query_params.get("copy") == "yes":
            notice = f"{notice} {data_words.DATA_REPLACED_COPY}"
    settings = request.app.state.settings
    context: dict[str, Any] = {"locked": locked, "replace": replace}
    return pages(request).render(
        request,
        "data.html",
        status=status,
        title="",
        error=error,
        notice=notice,
        limit=app_words.size_words(settings.upload_limit),
        **context,
    )
