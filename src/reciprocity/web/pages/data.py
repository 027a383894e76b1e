"""Your data: download an export, and restore one (replacing what is here only when asked)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import data as data_words
from reciprocity.coach.terms import counts_words
from reciprocity.errors import InputError, ReciprocityError
from reciprocity.services import data
from reciprocity.services.data import NotEmptyError
from reciprocity.web import forms
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
        message = data_words.DATA_NOT_EMPTY.format(**counts_words({"people": error.count}))
        return _render(request, error=message, status=409)
    except ReciprocityError as error:
        return _render(request, error=str(error), status=400)
    counts = restored.counts
    query = ",".join(str(counts[k]) for k in ("people", "moments", "seasons", "audits"))
    copied = "&copy=yes" if restored.copy is not None else ""
    return RedirectResponse(f"/data?restored={query}{copied}", status_code=303)


def _render(request: Request, *, error: str | None = None, status: int = 200) -> HTMLResponse:
    restored = request.query_params.get("restored", "")
    notice = None
    parts = restored.split(",")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        notice = data_words.DATA_IMPORTED.format(
            **counts_words(dict(zip(("people", "moments", "seasons", "audits"), parts, strict=True)))
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
    )
