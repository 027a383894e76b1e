"""PDF reports and worksheets made in the background, so the page can say it is working on one.

A PDF takes a few seconds (WeasyPrint lays out every page); rather than leave a
person looking at a page that does nothing, ``POST /reports`` starts one here, in
a thread of its own, and the status page says "Making your report…" and looks
again by itself until it is ready (no JavaScript needed), then hands it over.
The file comes from ``services.reports``, as ``reciprocity report`` makes it.
Finished files live in memory while the app runs; only the newest few are kept.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from reciprocity.coach import app as app_words
from reciprocity.errors import NotFoundError, ReciprocityError
from reciprocity.services import Database
from reciprocity.services import reports as document
from reciprocity.services.reports import Draft, Format

KEPT = 8
"""Finished files kept for their pages; older ones are let go."""
READING, LAYING_OUT, READY, FAILED = "reading", "laying-out", "ready", "failed"
KINDS = ("report", "worksheet")

log = logging.getLogger(__name__)

Maker = Callable[[Database, date, str | None], Draft]


@dataclass
class Document:
    """One PDF being made, or made: what it is, how far along, and its bytes once ready."""

    id: str
    what: str
    """``report`` or ``worksheet``."""
    name: str | None
    """The one person it is about, or None for everyone (a blank worksheet)."""
    filename: str
    back: str
    """The page it was asked for from."""
    state: str = READING
    started: float = field(default_factory=time.monotonic)
    content: bytes | None = None
    error: str | None = None
    handed_over: bool = False
    """Whether the file was sent once, so the page starts the download only the first time."""

    @property
    def working(self) -> bool:
        return self.state in (READING, LAYING_OUT)

    def seconds(self) -> int:
        return int(time.monotonic() - self.started)


class Documents:
    """The PDFs of one app: started from a form, made in threads, looked up by id."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.jobs: dict[str, Document] = {}
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()

    def start(
        self, what: str, *, name: str | None, today: date, filename: str, back: str
    ) -> Document:
        """Start making the PDF of ``what`` (``report`` or ``worksheet``) for ``name`` or everyone."""
        job = Document(secrets.token_urlsafe(12), what, name, filename, back)
        with self.lock:
            self.jobs[job.id] = job
            self._forget_old()
        make = report if what == "report" else worksheet
        thread = threading.Thread(
            target=self._run, args=(job, make, today), name=f"document-{job.id}", daemon=True
        )
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()
        return job

    def get(self, job_id: str) -> Document:
        with self.lock:
            job = self.jobs.get(job_id)
        if job is None:
            raise NotFoundError(app_words.MAKING_GONE)
        return job

    def close(self, timeout: float = 60.0) -> None:
        """Wait for files still being made (the database closes after)."""
        for thread in self.threads:
            thread.join(timeout)

    def _run(self, job: Document, make: Maker, today: date) -> None:
        try:
            draft = make(self.database, today, job.name)
            job.state = LAYING_OUT
            job.content = draft.file(Format.PDF)
            job.state = READY
        except ReciprocityError as error:
            job.error, job.state = str(error), FAILED
        except Exception as error:
            log.exception("making %s failed", job.filename)
            job.error = app_words.MAKING_CRASHED.format(kind=type(error).__name__)
            job.state = FAILED

    def _forget_old(self) -> None:
        finished = [j for j in self.jobs.values() if not j.working]
        for job in finished[: max(0, len(finished) - KEPT)]:
            del self.jobs[job.id]


def report(store: Database, today: date, name: str | None) -> Draft:
    """The report, on everyone or on ``name``."""
    return document.report_draft(store, today=today, name=name)


def worksheet(store: Database, today: date, name: str | None) -> Draft:
    """The audit worksheet: blank, or filled for ``name``."""
    return document.worksheet_draft(store, today=today, name=name)
