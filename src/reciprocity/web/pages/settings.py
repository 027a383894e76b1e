"""Settings and backups: where the data lives, a copy of it now, and how this app is set up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reciprocity import __version__
from reciprocity.coach import web as words
from reciprocity.errors import ConflictError
from reciprocity.evidence.derive import EvidenceSettings
from reciprocity.store import backup
from reciprocity.web.render import database, pages
from reciprocity.web.settings import WebSettings

router = APIRouter(include_in_schema=False)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    store = database(request)
    path = store.sqlite_path
    made = request.query_params.get("backup", "")
    copies = _copies(path) if path is not None else []
    notice = None
    if made and path is not None and any(c.name == made for c, _, _ in copies):
        notice = words.SETTINGS_BACKUP_MADE.format(path=path.with_name(made))
    settings: WebSettings = request.app.state.settings
    reading = EvidenceSettings()
    return pages(request).render(
        request,
        "settings.html",
        title=words.SETTINGS_TITLE,
        where=str(path) if path is not None else store.url.render_as_string(hide_password=True),
        sqlite=path is not None,
        copies=copies,
        notice=notice,
        settings=settings,
        hosts=", ".join(sorted(settings.hosts())),
        limit=words.size_words(settings.upload_limit),
        silence=_hours(reading.silence.total_seconds()),
        reply=_hours(reading.reply_within.total_seconds()),
        long_message=reading.long_message,
        version=__version__,
    )


@router.post("/settings/backup")
def make_backup(request: Request) -> Response:
    store = database(request)
    if store.sqlite_path is None:
        raise ConflictError(words.SETTINGS_NOT_SQLITE)
    copy = backup.copy_aside(store.engine, store.sqlite_path, reason="backup")
    return RedirectResponse(f"/settings?backup={copy.name}#backups", status_code=303)


def _copies(path: Path) -> list[tuple[Path, str, str]]:
    """Copies kept beside the database (this app's and the automatic ones), newest first."""
    found = [
        p
        for p in path.parent.glob(f"{path.stem}.*{path.suffix or '.db'}")
        if p.is_file() and p != path
    ]
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return [
        (
            p,
            words.size_words(p.stat().st_size),
            datetime.fromtimestamp(p.stat().st_mtime).strftime("%Y-%m-%d %H:%M"),
        )
        for p in found
    ]


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:g}"
