"""Importing a chat export: upload, progress without JavaScript, then what was found.

The upload is checked with the same detection as ``reciprocity import`` and
read in the background (``web.jobs``); its page refreshes itself until the
import is done, then shows the summary, the evidence by dimension, and every
line that was not understood with its line number. When the chat cannot tell
who is who, the names in it are offered as choices.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import app as app_words
from reciprocity.coach import chats as chat_words
from reciprocity.errors import InputError
from reciprocity.evidence.derive import Reading
from reciprocity.evidence.detect import UNDERSTOOD
from reciprocity.services import people
from reciprocity.services.chats import ImportSummary
from reciprocity.vocabulary import Dimension, Giver
from reciprocity.web import forms
from reciprocity.web.jobs import CHOOSE, DONE, READING, ChatImports, chat_choices
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
    state, summary = job.state, job.summary  # read once: the import may finish meanwhile
    context: dict[str, Any] = {"job": job, "state": state, "refresh": state == READING}
    if state == DONE and summary is not None:
        context.update(_summary(request, summary))
        title = chat_words.IMPORT_DONE_TITLE.format(file=job.filename)
    elif state == READING:
        title = chat_words.IMPORT_RUNNING_TITLE.format(file=job.filename)
    else:
        title = chat_words.IMPORT_FAILED_TITLE
    if state == CHOOSE:
        context["people"] = [p.name for p in people.everyone(database(request))]
    return pages(request).render(
        request,
        "import_status.html",
        title=title,
        refresh_seconds=REFRESH_SECONDS,
        **context,
    )


@router.post("/import/{job_id}/again", response_class=HTMLResponse)
def again(request: Request, job_id: str, form: FormData = Depends(forms.read_form)) -> Response:
    job = imports(request).again(job_id, chat_choices(**_choices_from(form)))
    return RedirectResponse(f"/import/{job.id}", status_code=303)


def _choices_from(form: FormData) -> dict[str, Any]:
    return {
        "me": forms.text(form, "me").strip(),
        "person": forms.text(form, "person").strip(),
        "date_order": forms.text(form, "date_order").strip(),
        "keep_text": forms.text(form, "keep_text") == "yes",
    }


def _summary(request: Request, summary: ImportSummary) -> dict[str, Any]:
    ids = {p.name: p.id for p in people.everyone(database(request))}
    return {
        "headline": chat_words.import_headline(summary.as_dict()),
        "readings": [
            {
                "name": name,
                "id": ids.get(name),
                "reading": reading,
                "reply_me": chat_words.reply_words(reading.response_minutes["me"]),
                "reply_them": chat_words.reply_words(reading.response_minutes["them"]),
                "dimensions": _by_dimension(reading),
            }
            for name, reading in summary.readings.items()
        ],
        "summary": summary,
        "added": chat_words.IMPORT_ADDED.format(names=", ".join(summary.added))
        if summary.added
        else None,
        "skipped": summary.skipped[:SKIPPED_SHOWN],
        "skipped_more": max(0, len(summary.skipped) - SKIPPED_SHOWN),
    }


def _by_dimension(reading: Reading) -> list[tuple[Dimension, int, int]]:
    """For each dimension, how many signs in the chat came from you and from them."""
    counts = {d: {Giver.ME: 0, Giver.THEM: 0} for d in Dimension}
    for signal in reading.signals:
        for dimension in signal.dimensions:
            for side in (Giver.ME, Giver.THEM):
                if signal.by in (side, Giver.BOTH):
                    counts[dimension][side] += 1
    return [(d, c[Giver.ME], c[Giver.THEM]) for d, c in counts.items()]


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
