"""Reports and audit worksheets to download, as HTML or PDF: for everyone, or for one person.

The same service as ``reciprocity report`` (``services.reports``). Each file is
sent as a download; an HTML report carries its own Content-Security-Policy,
allowing its inline stylesheet (by hash) and nothing else, so it is as inert
in a browser tab as it is on disk.

A PDF takes a few seconds, so the pages ask for one with ``POST /reports``:
it is made in the background (``web.documents``) while ``/reports/{id}`` says
"Making your report…" and looks again by itself, then starts the download and
offers a link to it. ``GET /report.pdf`` and the others still answer at once.
"""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import people as people_words
from reciprocity.errors import InputError
from reciprocity.services import people
from reciprocity.services.reports import Format
from reciprocity.web import forms
from reciprocity.web.documents import KINDS, Document, Documents, Maker, report, worksheet
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
REFRESH_SECONDS = 1
"""How often the page of a PDF being made looks again."""


@router.get("/report.html")
@router.get("/report.pdf")
def everyone_report(request: Request) -> Response:
    return _download(request, "report", report, None)


@router.get("/worksheet.html")
@router.get("/worksheet.pdf")
def blank_worksheet(request: Request) -> Response:
    return _download(request, "worksheet", worksheet, None)


@router.get("/people/{person_id}/report.html")
@router.get("/people/{person_id}/report.pdf")
def person_report(request: Request, person_id: Id) -> Response:
    return _download(request, "report", report, person_id)


@router.get("/people/{person_id}/worksheet.html")
@router.get("/people/{person_id}/worksheet.pdf")
def person_worksheet(request: Request, person_id: Id) -> Response:
    return _download(request, "worksheet", worksheet, person_id)


# -- a PDF made in the background, with a page that says so -------------------


@router.post("/reports", response_class=HTMLResponse)
def make_pdf(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    what = forms.text(form, "what").strip()
    if what not in KINDS:
        raise InputError(
            people_words.CHOICE_UNKNOWN.format(
                value=what, what="document", choices=", ".join(KINDS)
            )
        )
    raw = forms.text(form, "person").strip()
    person_id = forms.chosen_id(raw, app_words.MAKING_WHO) if raw else None
    today = today_of(request)
    name = None if person_id is None else people.get(database(request), person_id).name
    job = _documents(request).start(
        what,
        name=name,
        today=today,
        filename=_filename(what, name, person_id, today, Format.PDF),
        back="/" if person_id is None else f"/people/{person_id}",
    )
    return RedirectResponse(f"/reports/{job.id}?wait=1", status_code=303)


@router.get("/reports/{job_id}", response_class=HTMLResponse)
def pdf_status(request: Request, job_id: str) -> HTMLResponse:
    job = _documents(request).get(job_id)
    waiting = request.query_params.get("wait") == "1"
    return pages(request).render(
        request,
        "report_status.html",
        title=_heading(job),
        heading=_heading(job),
        job=job,
        refresh=job.working,
        refresh_seconds=REFRESH_SECONDS,
        hand_over=waiting and job.state == "ready" and not job.handed_over,
    )


@router.get("/reports/{job_id}/state")
def pdf_state(request: Request, job_id: str) -> JSONResponse:
    """How the PDF is going, for the page's script: still working, and what it is doing."""
    job = _documents(request).get(job_id)
    said = app_words.MAKING_STEPS.get(job.state, "")
    return JSONResponse({"state": job.state, "working": job.working, "said": said})


@router.get("/reports/{job_id}/file")
def pdf_file(request: Request, job_id: str) -> Response:
    job = _documents(request).get(job_id)
    if job.content is None:
        raise InputError(app_words.MAKING_NOT_READY)
    job.handed_over = True
    return Response(
        job.content,
        media_type=Format.PDF.media_type,
        headers={"content-disposition": f'attachment; filename="{job.filename}"'},
    )


def _documents(request: Request) -> Documents:
    found: Documents = request.app.state.documents
    return found


def _heading(job: Document) -> str:
    if job.state == "ready":
        return app_words.MAKING_READY_TITLE[job.what]
    if job.state == "failed":
        return app_words.MAKING_FAILED_TITLE
    return app_words.MAKING_TITLE[job.what]


def _filename(what: str, name: str | None, person_id: int | None, today: date, kind: Format) -> str:
    parts = ["reciprocity", what, *([_slug(name, person_id)] if name else []), today.isoformat()]
    return f"{'-'.join(parts)}.{kind}"


def _download(request: Request, what: str, make: Maker, person_id: int | None) -> Response:
    kind = Format.PDF if request.url.path.endswith(".pdf") else Format.HTML
    today = today_of(request)
    store = database(request)
    name = None if person_id is None else people.get(store, person_id).name
    draft = make(store, today, name)
    headers = {
        "content-disposition": f'attachment; filename="{_filename(what, name, person_id, today, kind)}"'
    }
    if kind is Format.HTML:
        from reciprocity.report.html import style_hash

        headers["content-security-policy"] = (
            f"default-src 'none'; style-src {style_hash()}; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'none'"
        )
    return Response(draft.file(kind), media_type=kind.media_type, headers=headers)


def _slug(name: str, person_id: int | None) -> str:
    """A file-name-safe form of a name: "rosa", "mary-jane"; the id when nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug or f"person-{person_id}"
