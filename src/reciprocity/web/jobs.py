"""Chat imports in the background, so a big export shows its progress without JavaScript.

An upload is saved in a private temporary folder and read by a thread of its
own through ``services.chats.import_chat_file``, the path ``reciprocity import``
takes; the JSON API reads it at once (``ChatImports.read_now``) unless asked
to read it in the background too. The
status page reads the import's state and refreshes itself until it is done.
Imports live in memory while the app runs; a file is removed once it is
imported or has failed, and the folder when the app stops. A chat that needs
to be told who is who keeps its file, so the person can choose and go on.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reciprocity.coach import chats as chat_words
from reciprocity.coach import people as people_words
from reciprocity.errors import (
    ChoosePeopleError,
    ImportFormatError,
    InputError,
    NotFoundError,
    ReciprocityError,
    WhoIsWhoError,
)
from reciprocity.files import safe_name, scratch_folder
from reciprocity.services import Database
from reciprocity.services.chats import (
    RECIPROCITY,
    ChatChoices,
    ImportSummary,
    format_of,
    import_chat_file,
)

KEPT = 50
"""Finished imports remembered for their status page; older ones are let go."""
READING, DONE, CHOOSE, FAILED = "reading", "done", "choose", "failed"
ASKS_ME, ASKS_PEOPLE = "me", "people"
"""What a chat in the ``choose`` state asks: which name is the user's, or whom of a group to add."""

log = logging.getLogger(__name__)


@dataclass
class ChatImport:
    """One upload being read, or read: its state, progress and outcome."""

    id: str
    filename: str
    path: Path
    choices: ChatChoices
    state: str = READING
    count: int = 0
    """Messages read so far (heard every few tens of thousands)."""
    summary: ImportSummary | None = None
    error: str | None = None
    names: list[str] = field(default_factory=list)
    """Everyone who writes in the chat, when it needs to be told who is who; or, when it
    asks whom of a group to add, the group's people not in the list."""
    asks: str = ASKS_ME
    known: list[str] = field(default_factory=list)
    """A group's people already in the list (read with the chat without asking)."""
    next_id: str | None = None
    """The import that went on from this one with new choices."""


def said(error: ReciprocityError, filename: str) -> str:
    """The error as a person reads it: a file problem names the uploaded file, not a temp path."""
    if isinstance(error, ImportFormatError):
        where = filename if error.line is None else f"{filename}, line {error.line}"
        return f"{where}: {error.reason}"
    return str(error)


def chat_choices(
    *,
    me: str = "",
    person: str = "",
    people: Sequence[str] | None = None,
    date_order: str = "",
    chat_name: str = "",
    keep_text: bool = False,
) -> ChatChoices:
    """What was said about a chat in a form or an API call; blanks leave it to the file.

    ``people`` are a group's people to add (empty: no one; None: not asked yet).
    """
    order = date_order.strip().upper()
    if order and order not in chat_words.IMPORT_ORDER_CHOICES:
        raise InputError(
            people_words.CHOICE_UNKNOWN.format(
                value=order, what="date order", choices=", ".join(chat_words.IMPORT_ORDER_CHOICES)
            )
        )
    return ChatChoices(
        me=me.strip() or None,
        person=person.strip() or None,
        people=None if people is None else tuple(n.strip() for n in people if n.strip()),
        date_order=order or None,
        chat_name=chat_name.strip() or None,
        keep_text=keep_text,
    )


class ChatImports:
    """The imports of one app: started from uploads, read in threads, looked up by id."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.jobs: dict[str, ChatImport] = {}
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self._folder: Path | None = None

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = scratch_folder("imports")
        return self._folder

    def save(self, filename: str, source: BinaryIO) -> ChatImport:
        """Keep an uploaded file in a folder of its own; not read yet."""
        job_id = secrets.token_urlsafe(12)
        name = safe_name(filename, "chat-export")
        folder = self.folder / job_id
        folder.mkdir()
        path = folder / name
        with path.open("wb") as sink:
            shutil.copyfileobj(source, sink, 1024 * 1024)
        return ChatImport(job_id, name, path, ChatChoices())

    def accept(self, filename: str, source: BinaryIO) -> ChatImport:
        """Keep an upload that is a chat export; one that is not is let go, with a clear refusal.

        The refusal (an InputError) names the uploaded file, never the temporary copy.
        """
        job = self.save(filename, source)
        try:
            if format_of(job.path) == RECIPROCITY:
                raise InputError(chat_words.IMPORT_IS_RECIPROCITY)
        except (ImportFormatError, InputError) as error:
            self.discard(job)
            raise InputError(said(error, job.filename)) from None
        return job

    def read_now(self, job: ChatImport, choices: ChatChoices) -> ImportSummary:
        """Read an accepted upload here and now (the JSON API), then let its file go.

        Raises WhoIsWhoError (with the names) when the chat needs to be told who
        is who, and an InputError naming the uploaded file when it cannot be read.
        """
        job.choices = choices
        try:
            return import_chat_file(self.database, job.path, choices)
        except ImportFormatError as error:
            raise InputError(said(error, job.filename)) from None
        finally:
            self.discard(job)

    def start(self, job: ChatImport, choices: ChatChoices) -> ChatImport:
        job.choices = choices
        with self.lock:
            self.jobs[job.id] = job
            self._forget_old()
        thread = threading.Thread(target=self._run, args=(job,), name=f"import-{job.id}")
        thread.daemon = True
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()
        return job

    def again(self, job_id: str, choices: ChatChoices) -> ChatImport:
        """Go on with a chat that needed choices, reading its file again with them."""
        old = self.get(job_id)
        if old.state != CHOOSE or old.next_id is not None:
            raise NotFoundError(chat_words.IMPORT_GONE)
        job = ChatImport(secrets.token_urlsafe(12), old.filename, old.path, choices)
        old.next_id = job.id
        return self.start(job, choices)

    def get(self, job_id: str) -> ChatImport:
        with self.lock:
            job = self.jobs.get(job_id)
        if job is None:
            raise NotFoundError(chat_words.IMPORT_GONE)
        return job

    def discard(self, job: ChatImport) -> None:
        """Let go of an upload that will not be read (the wrong kind of file)."""
        shutil.rmtree(job.path.parent, ignore_errors=True)

    def close(self, timeout: float = 30.0) -> None:
        """Wait for imports still reading, then remove every kept file."""
        for thread in self.threads:
            thread.join(timeout)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    def _run(self, job: ChatImport) -> None:
        def tick(count: int) -> None:
            job.count = count

        try:
            job.summary = import_chat_file(self.database, job.path, job.choices, tick=tick)
            job.state = DONE
        except WhoIsWhoError as error:
            job.error, job.names, job.state = str(error), error.names, CHOOSE
            if isinstance(error, ChoosePeopleError):
                job.asks, job.known = ASKS_PEOPLE, error.known
            return  # the file is kept, to go on with choices
        except ReciprocityError as error:
            job.error, job.state = said(error, job.filename), FAILED
        except Exception as error:
            log.exception("importing %s failed", job.filename)
            job.error = chat_words.IMPORT_CRASHED.format(
                file=job.filename, kind=type(error).__name__
            )
            job.state = FAILED
        self.discard(job)

    def _forget_old(self) -> None:
        finished = [j for j in self.jobs.values() if j.state != READING]
        for job in finished[: max(0, len(finished) - KEPT)]:
            del self.jobs[job.id]
            if job.state == CHOOSE and job.next_id is None:
                self.discard(job)
