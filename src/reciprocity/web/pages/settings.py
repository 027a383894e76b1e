"""Where the data lives and copies of it: the path, a backup now, the backups kept beside it.

Nothing here is a setting that could be changed on the page: the address the
app answers on, the largest upload and the rules for reading chat exports are
chosen when the app starts or are fixed (the README says them), so the page
does not list them as if they could be set. It says where the data is, makes
a backup, and names the version.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity import __version__
from reciprocity.coach import app as app_words
from reciprocity.coach import data as data_words
from reciprocity.coach import terms
from reciprocity.errors import ReciprocityError
from reciprocity.services import data, encryption
from reciprocity.web import forms
from reciprocity.web.editing import confirm_page, confirmed
from reciprocity.web.render import database, pages

router = APIRouter(include_in_schema=False)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    return _render(request)


@router.post("/settings/bring-back", response_class=HTMLResponse)
def bring_back(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    """Put a kept copy back: asked once from the list of copies; at once from a removal's
    notice (the undo), since what is there now is kept as a copy of its own first."""
    name = forms.text(form, "copy")
    back = forms.text(form, "back")
    back = back if back.startswith("/") and not back.startswith("//") else "/settings#backups"
    store = database(request)
    found = {c.path.name: c for c in data.copies(store)}.get(name)
    if found is None:
        return _render(request, error=data_words.COPY_UNKNOWN.format(name=name), status=404)
    if not confirmed(form):
        return confirm_page(
            request,
            question=data_words.BRING_BACK_ASK.format(copy=name),
            goes=[f"{terms.moment_words(found.made)} · {data_words.copy_reason(found.reason)}"],
            action="/settings/bring-back",
            back="/settings#backups",
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
    store = database(request)
    path = store.sqlite_path
    folder = data.copies_folder(store)
    made = request.query_params.get("backup", "")
    kept = data.copies(store)
    copies = [
        (
            c.path.name,
            app_words.size_words(c.size),
            terms.moment_words(c.made),
            data_words.copy_reason(c.reason),
        )
        for c in kept
    ]
    notice = None
    found = next((c.path for c in kept if c.path.name == made), None) if made else None
    if found is not None:
        notice = app_words.SETTINGS_BACKUP_MADE.format(path=found)
    return pages(request).render(
        request,
        "settings.html",
        status=status,
        error=error,
        title=app_words.SETTINGS_TITLE,
        where=data.where(store),
        sqlite=path is not None,
        encrypted_key=encryption.key_file_of(store),
        copies_here=folder is not None,
        copies_folder=folder,
        copies=copies,
        notice=notice,
        version=__version__,
    )


@router.post("/settings/backup")
def make_backup(request: Request) -> Response:
    copy = data.backup_now(database(request))
    return RedirectResponse(f"/settings?backup={copy.name}#backups", status_code=303)
