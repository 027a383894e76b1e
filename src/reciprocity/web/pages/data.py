"""Your data: download an export, restore one into an empty database."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import web as words
from reciprocity.errors import ConflictError, InputError, ReciprocityError
from reciprocity.store import transfer
from reciprocity.web import forms
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


@router.get("/data", response_class=HTMLResponse)
def data_page(request: Request) -> HTMLResponse:
    return _render(request)


@router.get("/data/export.json")
def export(request: Request) -> Response:
    with database(request).transaction() as session:
        document = transfer.export_document(session)
    name = f"reciprocity-{today_of(request).isoformat()}.json"
    return Response(
        transfer.dump(document),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.post("/data/import", response_class=HTMLResponse)
async def restore(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    upload = forms.upload(form, "file")
    try:
        if upload is None:
            raise InputError(words.DATA_NO_FILE)
        content = await upload.read()
        counts = _restore(request, content, upload.filename or "export.json")
    except ReciprocityError as error:
        return _render(request, error=str(error), status=400)
    return RedirectResponse(
        "/data?restored=" + ",".join(str(counts[k]) for k in ("people", "moments", "seasons", "audits")),
        status_code=303,
    )


def _restore(request: Request, content: bytes, filename: str) -> dict[str, int]:
    """Read the upload with the same reader as ``reciprocity import``, in one transaction."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(filename).name
        path.write_bytes(content)
        document = transfer.read_document(path)
    document_source = Path(filename).name
    with database(request).transaction() as session:
        count = transfer.people_count(session)
        if count:
            raise ConflictError(words.DATA_NOT_EMPTY.format(count=count))
        return transfer.restore(session, document, document_source)


def _render(request: Request, *, error: str | None = None, status: int = 200) -> HTMLResponse:
    restored = request.query_params.get("restored", "")
    notice = None
    parts = restored.split(",")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        notice = words.DATA_IMPORTED.format(
            **dict(zip(("people", "moments", "seasons", "audits"), parts, strict=True))
        )
    settings = request.app.state.settings
    return pages(request).render(
        request,
        "data.html",
        status=status,
        title="",
        error=error,
        notice=notice,
        limit=words.size_words(settings.upload_limit),
    )
