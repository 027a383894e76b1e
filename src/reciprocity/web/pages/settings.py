"""Settings and backups: where the data lives, a copy of it now, and how this app is set up."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reciprocity import __version__
from reciprocity.coach import app as app_words
from reciprocity.evidence.derive import EvidenceSettings
from reciprocity.services import data
from reciprocity.web.render import database, pages
from reciprocity.web.settings import WebSettings

router = APIRouter(include_in_schema=False)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    store = database(request)
    path = store.sqlite_path
    folder = data.copies_folder(store)
    made = request.query_params.get("backup", "")
    kept = data.copies(store)
    copies = [
        (c.path, app_words.size_words(c.size), c.made.strftime("%Y-%m-%d %H:%M")) for c in kept
    ]
    notice = None
    found = next((c.path for c in kept if c.path.name == made), None) if made else None
    if found is not None:
        notice = app_words.SETTINGS_BACKUP_MADE.format(path=found)
    settings: WebSettings = request.app.state.settings
    reading = EvidenceSettings()
    return pages(request).render(
        request,
        "settings.html",
        title=app_words.SETTINGS_TITLE,
        where=data.where(store),
        sqlite=path is not None,
        copies_here=folder is not None,
        copies_folder=folder,
        copies=copies,
        notice=notice,
        settings=settings,
        hosts=", ".join(sorted(settings.hosts())),
        limit=app_words.size_words(settings.upload_limit),
        silence=_hours(reading.silence.total_seconds()),
        reply=_hours(reading.reply_within.total_seconds()),
        long_message=reading.long_message,
        version=__version__,
    )


@router.post("/settings/backup")
def make_backup(request: Request) -> Response:
    copy = data.backup_now(database(request))
    return RedirectResponse(f"/settings?backup={copy.name}#backups", status_code=303)


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:g}"
