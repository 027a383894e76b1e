"""Where the data lives and copies of it: the path, a backup now, the backups kept beside it.

Nothing here is a setting that could be changed on the page: the address the
app answers on, the largest upload and the rules for reading chat exports are
chosen when the app starts or are fixed (the README says them), so the page
does not list them as if they could be set. It says where the data is, makes
a backup, and names the version.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reciprocity import __version__
from reciprocity.coach import app as app_words
from reciprocity.services import data
from reciprocity.web.render import database, pages

router = APIRouter(include_in_schema=False)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    store = database(request)
    path = store.sqlite_path
    made = request.query_params.get("backup", "")
    kept = data.copies(store)
    copies = [
        (c.path, app_words.size_words(c.size), c.made.strftime("%Y-%m-%d %H:%M")) for c in kept
    ]
    notice = None
    found = next((c.path for c in kept if c.path.name == made), None) if made else None
    if found is not None:
        notice = app_words.SETTINGS_BACKUP_MADE.format(path=found)
    return pages(request).render(
        request,
        "settings.html",
        title=app_words.SETTINGS_TITLE,
        where=data.where(store),
        sqlite=path is not None,
        copies=copies,
        notice=notice,
        version=__version__,
    )


@router.post("/settings/backup")
def make_backup(request: Request) -> Response:
    copy = data.backup_now(database(request))
    return RedirectResponse(f"/settings?backup={copy.name}#backups", status_code=303)
