"""Bringing people in from a contacts file: upload, a checklist of who is in it, then who came.

The upload waits in ``HeldFiles`` while the checklist is shown (new people ticked,
those already in the list marked so, and every card left out with its line); the
ticked names come back with the file's token, and ``services.contacts`` brings
them in, in one transaction, as ``reciprocity people import`` does.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import people as people_words
from reciprocity.errors import ImportFormatError, InputError, ReciprocityError
from reciprocity.services import contacts
from reciprocity.services.contacts import Candidate, Preview
from reciprocity.web import forms
from reciprocity.web.held import Held, HeldFiles
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)


def contact_files(request: Request) -> HeldFiles:
    found: HeldFiles = request.app.state.contact_files
    return found


@router.get("/people/import", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return _upload(request)


@router.post("/people/import", response_class=HTMLResponse)
def upload(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    file = forms.upload(form, "file")
    if file is None:
        return _upload(request, error=people_words.CONTACTS_NO_FILE, status=400)
    held = contact_files(request).hold(file.filename or "", file.file, "contacts.vcf")
    try:
        found = _preview(request, held)
        if not found.candidates:
            raise InputError(_none_reason(found))
    except ReciprocityError as error:
        contact_files(request).let_go(held.token)
        return _upload(request, error=str(error), status=400)
    return _checklist(request, held, found, chosen={c.name for c in found.new})


@router.post("/people/import/{token}", response_class=HTMLResponse)
def bring_in(request: Request, token: str, form: FormData = Depends(forms.read_form)) -> Response:
    held = contact_files(request).get(token)
    found = _preview(request, held)
    names = forms.texts(form, "name")
    try:
        if not names:
            raise InputError(people_words.CONTACTS_NONE_CHOSEN)
        chosen = contacts.chosen(found, names)
        brought = contacts.bring_in(database(request), chosen, today=today_of(request))
    except ReciprocityError as error:
        return _checklist(request, held, found, chosen=set(names), error=str(error), status=400)
    contact_files(request).let_go(held.token)
    return pages(request).render(
        request,
        "contacts_done.html",
        title=people_words.CONTACTS_DONE_TITLE.format(file=held.filename),
        file=held.filename,
        brought=brought,
        skipped=found.skipped,
    )


def _preview(request: Request, held: Held) -> Preview:
    try:
        return contacts.preview(database(request), held.path, source=held.filename)
    except ImportFormatError as error:
        raise InputError(f"{held.filename}: {error.reason}") from None


def _none_reason(found: Preview) -> str:
    if found.skipped:
        first = found.skipped[0]
        return people_words.CONTACTS_NONE_BECAUSE.format(
            file=found.file, line=first.line, reason=first.reason
        )
    return people_words.CONTACTS_NONE.format(file=found.file)


def _details(candidate: Candidate) -> str:
    contact, born = candidate.contact, candidate.contact.birthday
    return people_words.contact_details(
        None if born is None else (born.month, born.day, born.year),
        len(contact.dates),
        bool(contact.note),
    )


def _checklist(
    request: Request,
    held: Held,
    found: Preview,
    *,
    chosen: set[str],
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    rows: list[dict[str, Any]] = [
        {"candidate": c, "details": _details(c), "checked": c.name in chosen}
        for c in found.candidates
    ]
    return pages(request).render(
        request,
        "contacts_choose.html",
        status=status,
        title=people_words.CONTACTS_CHECKLIST_TITLE.format(file=held.filename),
        file=held.filename,
        token=held.token,
        rows=rows,
        new=len(found.new),
        present=len(found.candidates) - len(found.new),
        skipped=found.skipped,
        error=error,
    )


def _upload(request: Request, *, error: str | None = None, status: int = 200) -> HTMLResponse:
    settings = request.app.state.settings
    return pages(request).render(
        request,
        "contacts.html",
        status=status,
        title=people_words.CONTACTS_TITLE,
        limit=app_words.size_words(settings.upload_limit),
        error=error,
    )
