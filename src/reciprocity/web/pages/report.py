"""Reports and audit worksheets to download, as HTML or PDF: for everyone, or for one person.

The same service as ``reciprocity report`` (``services.reports``). Each file is
sent as a download; an HTML report carries its own Content-Security-Policy,
allowing its inline stylesheet (by hash) and nothing else, so it is as inert
in a browser tab as it is on disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reciprocity.services import Database, people
from reciprocity.services import reports as document
from reciprocity.services.reports import Format
from reciprocity.web.forms import Id
from reciprocity.web.render import database, today_of

router = APIRouter(include_in_schema=False)

Maker = Callable[[Database, date, str | None], str]


def _report(store: Database, today: date, name: str | None) -> str:
    return document.report_html(store, today=today, name=name)[0]


def _worksheet(store: Database, today: date, name: str | None) -> str:
    return document.worksheet_html(store, today=today, name=name)[0]


@router.get("/report.html")
@router.get("/report.pdf")
def everyone_report(request: Request) -> Response:
    return _download(request, "report", _report, None)


@router.get("/worksheet.html")
@router.get("/worksheet.pdf")
def blank_worksheet(request: Request) -> Response:
    return _download(request, "worksheet", _worksheet, None)


@router.get("/people/{person_id}/report.html")
@router.get("/people/{person_id}/report.pdf")
def person_report(request: Request, person_id: Id) -> Response:
    return _download(request, "report", _report, person_id)


@router.get("/people/{person_id}/worksheet.html")
@router.get("/people/{person_id}/worksheet.pdf")
def person_worksheet(request: Request, person_id: Id) -> Response:
    return _download(request, "worksheet", _worksheet, person_id)


def _download(request: Request, what: str, make: Maker, person_id: int | None) -> Response:
    kind = Format.PDF if request.url.path.endswith(".pdf") else Format.HTML
    today = today_of(request)
    store = database(request)
    name = None if person_id is None else people.get(store, person_id).name
    html = make(store, today, name)
    parts = ["reciprocity", what, *([_slug(name, person_id)] if name else []), today.isoformat()]
    headers = {"content-disposition": f'attachment; filename="{"-".join(parts)}.{kind}"'}
    if kind is Format.HTML:
        from reciprocity.report.html import style_hash

        headers["content-security-policy"] = (
            f"default-src 'none'; style-src {style_hash()}; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'none'"
        )
    return Response(document.finish(html, kind), media_type=kind.media_type, headers=headers)


def _slug(name: str, person_id: int | None) -> str:
    """A file-name-safe form of a name: "rosa", "mary-jane"; the id when nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug or f"person-{person_id}"
