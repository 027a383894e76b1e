"""Importing a chat export: upload, progress without JavaScript, then what was found.

The upload is checked with the same detection as ``reciprocity import`` and
read in the background (``web.jobs``); its page refreshes itself until the
import is done, then shows the summary, what the chat suggests for each
dimension (a leaning with how sure it can be, never counts side by side), and
every line that was not understood with its line number. When the chat cannot
tell who is who, the names in it are offered as choices; when a group chat
holds people who are not in the list, a checklist asks which of them to add.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import chats as chat_words
from reciprocity.coach.terms import day_words, dimension_title, moment_words
from reciprocity.errors import InputError, NotFoundError
from reciprocity.evidence.detect import UNDERSTOOD
from reciprocity.services import people
from reciprocity.services.chats import ImportSummary, suggested
from reciprocity.web import forms
from reciprocity.web.jobs import (
    ASKS_PEOPLE,
    CHOOSE,
    DONE,
    READING,
    ChatImport,
    ChatImports,
    chat_choices,
)
from reciprocity.web.render import database, pages

router = APIRouter(include_in_schema=False)
SKIPPED_SHOWN = 200
"""Lines not understood listed on the page; the rest are counted."""
REFRESH_SECONDS = 2


def imports(request: Request) -> ChatImports:
    found: ChatImports = request.app.state.imports
    return found


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request) -> HTMLResponse:
    return _form(request, values={})


@router.post("/import", response_class=HTMLResponse)
def upload(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values = _choices_from(form)
    file = forms.upload(form, "file")
    try:
        choices = chat_choices(**values)
        if file is None:
            raise InputError(chat_words.IMPORT_NO_FILE)
        job = imports(request).accept(file.filename or "", file.file)
    except InputError as error:
        return _form(request, values=values, error=str(error), status=400)
    imports(request).start(job, choices)
    return RedirectResponse(f"/import/{job.id}", status_code=303)


@router.get("/import/{job_id}", response_class=HTMLResponse)
def status(request: Request, job_id: str) -> Response:
    job = imports(request).get(job_id)
    if job.next_id is not None:
        return RedirectResponse(f"/import/{job.next_id}", status_code=303)
    return _status(request, job)


@router.post("/import/{job_id}/again", response_class=HTMLResponse)
def again(request: Request, job_id: str, form: FormData = Depends(forms.read_form)) -> Response:
    values = _choices_from(form)
    waiting = imports(request).get(job_id)
    if waiting.state != CHOOSE or waiting.next_id is not None:
        raise NotFoundError(chat_words.IMPORT_GONE)  # it went on already, or asks nothing
    try:
        if values["people"] == [] and forms.text(form, "add_none") != "yes":
            raise InputError(chat_words.IMPORT_CHOOSE_PEOPLE_NONE)
        choices = chat_choices(**values)
    except InputError as error:
        return _status(request, waiting, error=str(error), ticked=values["people"] or [])
    job = imports(request).again(job_id, choices)
    return RedirectResponse(f"/import/{job.id}", status_code=303)


def _status(
    request: Request, job: ChatImport, *, error: str | None = None, ticked: list[str] | None = None
) -> HTMLResponse:
    """The page of one import: reading, done, asking, or failed; 400 with ``error`` said."""
    state, summary = job.state, job.summary  # read once: the import may finish meanwhile
    context: dict[str, Any] = {"job": job, "state": state, "refresh": state == READING}
    if state == DONE and summary is not None:
        context.update(_summary(request, summary))
        title = chat_words.IMPORT_DONE_TITLE.format(file=job.filename)
    elif state == READING:
        title = chat_words.IMPORT_RUNNING_TITLE.format(file=job.filename)
    elif state == CHOOSE:
        title = (
            chat_words.IMPORT_CHOOSE_PEOPLE_TITLE
            if job.asks == ASKS_PEOPLE
            else chat_words.IMPORT_CHOOSE_TITLE
        )
        context["people"] = [p.name for p in people.everyone(database(request))]
    else:
        title = chat_words.IMPORT_FAILED_TITLE
    return pages(request).render(
        request,
        "import_status.html",
        status=200 if error is None else 400,
        title=title,
        refresh_seconds=REFRESH_SECONDS,
        error=error,
        ticked=ticked or [],
        **context,
    )


def _choices_from(form: FormData) -> dict[str, Any]:
    """The form's choices; ``people`` is None unless a group's checklist was answered."""
    people_asked = forms.text(form, "people_asked") == "yes"
    add_none = forms.text(form, "add_none") == "yes"
    return {
        "me": forms.text(form, "me").strip(),
        "person": forms.text(form, "person").strip(),
        "people": ([] if add_none else forms.texts(form, "add")) if people_asked else None,
        "date_order": forms.text(form, "date_order").strip(),
        "keep_text": forms.text(form, "keep_text") == "yes",
    }


def _summary(request: Request, summary: ImportSummary) -> dict[str, Any]:
    ids = {p.name: p.id for p in people.everyone(database(request))}
    first = moment_words(summary.first) if summary.first else "-"
    last = moment_words(summary.last) if summary.last else "-"
    read = summary.conversations if summary.readings else None
    headline = chat_words.summary_words(summary.messages, summary.new, first, last, read)
    if summary.unchanged is not None:  # the same file again: nothing was read or changed
        day = day_words(summary.unchanged.date())
        headline = chat_words.unchanged_words(summary.messages, first, last, day)
    readings = []
    for person in suggested(summary):
        readings.append(
            {
                "name": person.name,
                "id": ids.get(person.name),
                "conversations": person.conversations,
                "reply": chat_words.reply_words(*person.reply_minutes),
                "quiet": chat_words.quiet_words(person.one_sided),
                "dimensions": [
                    (
                        dimension_title(d.dimension),
                        chat_words.leaning_words(
                            d.leaning, d.strength, d.signs, enough=d.enough, name=person.name
                        ),
                    )
                    for d in person.dimensions
                    if d.signs
                ],
                "silent": chat_words.silent_words(
                    [dimension_title(d.dimension) for d in person.dimensions if not d.signs]
                ),
            }
        )
    return {
        "headline": headline,
        "readings": readings,
        "summary": summary,
        "added": chat_words.IMPORT_ADDED.format(names=", ".join(summary.added))
        if summary.added
        else None,
        "not_added": chat_words.IMPORT_NOT_ADDED.format(names=", ".join(summary.not_added))
        if summary.not_added
        else None,
        "order": chat_words.order_words(summary.date_order or ""),
        "skipped": summary.skipped[:SKIPPED_SHOWN],
        "skipped_intro": chat_words.skipped_words(len(summary.skipped), page=True),
        "skipped_more": max(0, len(summary.skipped) - SKIPPED_SHOWN),
    }


def _form(
    request: Request, *, values: dict[str, Any], error: str | None = None, status: int = 200
) -> HTMLResponse:
    everyone = [p.name for p in people.everyone(database(request))]
    settings = request.app.state.settings
    return pages(request).render(
        request,
        "import.html",
        status=status,
        title=chat_words.IMPORT_TITLE,
        people=everyone,
        values=values,
        formats=UNDERSTOOD,
        limit=app_words.size_words(settings.upload_limit),
        error=error,
    )
