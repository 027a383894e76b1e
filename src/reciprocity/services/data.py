"""Your data: everything in one export file and back, copies of the database, and the demo.

One rule for restoring and for the demo, on every face: into an empty store
they simply go; over what is there only when asked to replace it, and then a
copy is kept first: of the SQLite file beside it, or, for a database that is
not a file (PostgreSQL), an export of everything in the user's data folder.
Every restore is one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from reciprocity import agefile
from reciprocity.coach import data as data_words
from reciprocity.coach.terms import counts_words
from reciprocity.errors import ConflictError, NotFoundError, TransferError
from reciprocity.files import safe_name, scratch_folder, write_atomically
from reciprocity.store import Database, backup, migrate, open_database
from reciprocity.store import revision as changes
from reciprocity.store.database import SCHEMA_REVISION

# ``store.transfer`` (and with it every chat importer) and the demo are imported by the
# functions that use them: removing a moment keeps a copy, and should not wait for them.


class NotEmptyError(ConflictError):
    """Restoring (or loading the demo) over what is stored, without being asked to replace it."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


@dataclass(frozen=True)
class Restored:
    """What a restore brought back, by kind, and the copy kept of what it replaced (if any)."""

    counts: dict[str, int]
    copy: Path | None


@dataclass(frozen=True)
class Copy:
    """A copy of the database kept beside it."""

    path: Path
    size: int
    made: datetime
    reason: str
    """Why it was made: ``backup``, ``before-remove``, ``before-import``, ``before-demo``,
    ``before-bring-back``, or ``before-<revision>`` ahead of an update."""


def export_document(db: Database) -> dict[str, Any]:
    """Everything, as the one export document (``reciprocity export`` and the web download)."""
    from reciprocity.store import transfer

    with db.transaction() as session:
        return transfer.export_document(session)


def export_text(db: Database) -> str:
    from reciprocity.store import transfer

    return transfer.dump(export_document(db))


@dataclass(frozen=True)
class Key:
    """What locks an export, or opens a locked one: a passphrase, or age keys.

    To lock: ``public_keys`` (``age1…``) when given, else the passphrase. To open:
    ``secret_keys`` (``AGE-SECRET-KEY-1…``) for a file locked for keys, else the passphrase.
    """

    passphrase: str | None = None
    public_keys: tuple[str, ...] = ()
    secret_keys: tuple[str, ...] = ()


def export_to(db: Database, path: Path, *, key: Key | None = None) -> dict[str, int]:
    """Write the export to ``path`` (whole or not at all); returns what it holds, by kind.

    With a ``key`` the file is locked (an age file), and nothing unlocked is written.
    """
    from reciprocity.store import transfer

    document = export_document(db)
    text = transfer.dump(document)
    write_atomically(path, text if key is None else locked_export(text, key))
    return transfer.counts(document)


def locked_export(text: str, key: Key) -> bytes:
    """The export ``text`` locked with the key's passphrase, or for its public keys."""
    return agefile.lock(text.encode("utf-8"), passphrase=key.passphrase, keys=key.public_keys)


def how_locked(path: Path) -> str | None:
    """``passphrase`` or ``keys`` for an export that is locked, None for one that is not."""
    return agefile.file_locked(path)


def how_locked_content(content: bytes) -> str | None:
    """``how_locked`` for a file that arrived as bytes (a web upload)."""
    return agefile.how_locked(content[: agefile.HEAD_BYTES])


def secret_keys_in(path: Path) -> tuple[str, ...]:
    """The age secret keys in a key file (as ``age-keygen`` writes it)."""
    return tuple(agefile.read_identities(path))


def read_export(path: Path, *, key: Key | None = None, source: str | None = None) -> dict[str, Any]:
    """The export document in ``path``, unlocked first when it is locked (with ``key``)."""
    from reciprocity.store import transfer

    name = source or str(path)
    if agefile.file_locked(path) is None:
        return transfer.read_document(path)
    given = key or Key()
    try:
        content = path.read_bytes()
    except OSError as error:
        raise TransferError(
            data_words.FILE_UNREADABLE.format(path=name, reason=error.strerror)
        ) from None
    plain = agefile.unlock(content, name, passphrase=given.passphrase, identities=given.secret_keys)
    return transfer.document_of(plain, name)


def restore_file(
    db: Database,
    path: Path,
    *,
    replace: bool = False,
    source: str | None = None,
    key: Key | None = None,
) -> Restored:
    """Restore an export file: into an empty store, or over what is there with ``replace``.

    A locked file is opened with ``key`` first; a wrong key changes nothing. A problem in
    the file is said with ``source`` (default: the path) and where in it.
    """
    from reciprocity.store import transfer

    document = read_export(path, key=key, source=source)
    copy = _make_room(db, replace, data_words.TRANSFER_INTO_NON_EMPTY, reason="before-import")
    with db.transaction() as session:
        if replace:
            transfer.clear(session)
        counts = transfer.restore(session, document, source or str(path))
    return Restored(counts, copy)


def restore_upload(
    db: Database,
    content: bytes,
    filename: str,
    *,
    replace: bool = False,
    key: Key | None = None,
) -> Restored:
    """Restore an export that arrived as bytes (a web upload), read as the file would be."""
    folder = scratch_folder("restore")
    try:
        name = safe_name(filename, "export.json")
        path = folder / name
        path.write_bytes(content)
        return restore_file(db, path, replace=replace, source=name, key=key)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def load_demo(
    db: Database, *, today: date, force: bool = False
) -> tuple[dict[str, int], Path | None]:
    """Load the demo: into an empty store, or over what is there with ``force`` (a copy first)."""
    from reciprocity.services import demo as dataset
    from reciprocity.store import transfer

    copy = _make_room(db, force, data_words.DEMO_NOT_EMPTY, reason="before-demo")
    people, seasons, audits = dataset.build(today)
    with db.transaction() as session:
        transfer.clear(session)
        session.add_all([*people, *seasons, *audits, *dataset.practices(today, people)])
    counts = {
        "people": len(people),
        "moments": sum(len(p.moments) for p in people),
        "seasons": len(seasons),
        "audits": len(audits),
    }
    return counts, copy


def demo_database(folder: Path, *, today: date) -> str:
    """A fresh SQLite file in ``folder`` holding the demo; returns its URL."""
    url = f"sqlite:///{folder / 'demo.db'}"
    database = open_database(url)
    try:
        load_demo(database, today=today)
    finally:
        database.close()
    return url


def backup_now(db: Database) -> Path:
    """A copy of the database now (see ``copies_folder``); refused for a database in memory."""
    copy = _copy_aside(db, reason="backup")
    if copy is None:
        raise ConflictError(data_words.BACKUP_NOT_SQLITE)
    return copy


def copies_folder(db: Database) -> Path | None:
    """Where copies are kept: beside a SQLite file; the data folder (as exports) for a
    database server; None for a database in memory, of which no copy can be kept."""
    return backup.copies_folder(db.url)


KEPT_BEFORE_REMOVING = 10
"""Copies kept before removals; older ones go, so a tidy-up does not fill the disk."""


def keep_copy(db: Database, reason: str) -> Path | None:
    """A copy of everything as it is now, kept before something is removed or brought back.

    Beside a SQLite file, or an export in the data folder for a database server
    (see ``copies_folder``); None for a database in memory. The oldest copies made
    for ``reason`` beyond ``KEPT_BEFORE_REMOVING`` are let go.
    """
    copy = _copy_aside(db, reason=reason)
    if copy is None:
        return None
    older = sorted(c.path for c in copies(db) if c.reason == reason)
    for stale in older[:-KEPT_BEFORE_REMOVING]:
        stale.unlink(missing_ok=True)
    return copy


T = TypeVar("T")


def remove_found(db: Database, find: Callable[[Session], T]) -> tuple[T, Path | None]:
    """Remove what ``find`` finds, after keeping a copy of everything (the copy's path, or None).

    ``find`` is called twice: once to read what goes (and fail before any copy is made
    when it is not there), once in the transaction that removes it. What it returns
    the first time is given back, readable, for the words said after.
    """
    with db.transaction() as session:
        found = find(session)
    copy = keep_copy(db, "before-remove")
    with db.transaction() as session:
        session.delete(find(session))
    return found, copy


def copies(db: Database) -> list[Copy]:
    """The copies kept of the database (made here, or before a change), newest first."""
    folder = backup.copies_folder(db.url)
    if folder is None:
        return []
    path = db.sqlite_path
    pattern = (
        f"{path.stem}.*{path.suffix or '.db'}"
        if path is not None
        else f"{backup.export_name(db.url)}.*.json"
    )
    stem = path.stem if path is not None else backup.export_name(db.url)
    found = [p for p in folder.glob(pattern) if p.is_file() and p != path]
    kept = [
        Copy(
            p,
            p.stat().st_size,
            datetime.fromtimestamp(p.stat().st_mtime),
            p.name[len(stem) + 1 :].split(".", 1)[0],
        )
        for p in found
    ]
    return sorted(kept, key=lambda c: c.made, reverse=True)


@dataclass(frozen=True)
class BroughtBack:
    """A copy put back in place of the data, and the copy kept of what it replaced."""

    copy: Path
    before: Path | None


def bring_back(db: Database, name: str) -> BroughtBack:
    """Put a kept copy back in place of the data: the undo for a removal or a replace.

    ``name`` is one of ``copies(db)``, by its file name (a path elsewhere is not taken).
    What is there now is kept as a copy of its own first, so bringing back can be
    undone the same way. A SQLite copy from an older version of the app is brought
    up to date; on a database server the copies are exports, restored in one transaction.
    """
    from reciprocity.store import transfer

    folder = backup.copies_folder(db.url)
    if folder is None:
        raise ConflictError(data_words.BRING_BACK_NOT_SQLITE)
    given = Path(name.strip())
    beside = given.parent in (Path("."), folder)
    chosen = {c.path.name: c.path for c in copies(db)}.get(given.name) if beside else None
    if chosen is None:
        raise NotFoundError(data_words.COPY_UNKNOWN.format(name=name))
    path = db.sqlite_path
    if path is None:
        document = transfer.read_document(chosen)
        before = keep_copy(db, "before-bring-back")
        with db.transaction() as session:
            transfer.clear(session)
            transfer.restore(session, document, chosen.name)
        return BroughtBack(chosen, before)
    revision = backup.revision_of(chosen, db.key)
    if revision is None:
        raise ConflictError(data_words.COPY_UNREADABLE.format(name=chosen.name))
    before = keep_copy(db, "before-bring-back")
    assert before is not None  # a SQLite file always gets its copy
    with db.transaction() as session:
        last = changes.newest(session)
    backup.copy_back(db.engine, chosen, path, db.key)
    if revision != SCHEMA_REVISION:
        try:
            migrate.upgrade(db.engine)
        except Exception as error:  # a copy no migration can read: put things back as they were
            backup.copy_back(db.engine, before, path, db.key)
            _everyone_changed(db, after=last)
            raise ConflictError(data_words.COPY_UNREADABLE.format(name=chosen.name)) from error
    _everyone_changed(db, after=last)
    return BroughtBack(chosen, before)


def _everyone_changed(db: Database, *, after: int) -> None:
    """Tell every reader (the web app, in any process) that everyone's data changed."""
    with db.transaction() as session:
        changes.everyone_after(session, after)


def where(db: Database) -> str:
    """Where the data lives: the SQLite file, or the database URL without its password."""
    path = db.sqlite_path
    return str(path) if path is not None else db.url.render_as_string(hide_password=True)


def _make_room(db: Database, replace: bool, refusal: str, *, reason: str) -> Path | None:
    """Refuse to mix into a store that holds people, unless replacing; keep a copy first."""
    from reciprocity.store import transfer

    with db.transaction() as session:
        count = transfer.people_count(session)
    if not count:
        return None
    if not replace:
        raise NotEmptyError(refusal.format(**counts_words({"people": count})), count)
    return _copy_aside(db, reason=reason)


def _copy_aside(db: Database, *, reason: str) -> Path | None:
    """Keep a copy: of the SQLite file beside it, or an export for a database that is not a file."""
    path = db.sqlite_path
    if path is not None:
        return backup.copy_aside(db.engine, path, reason=reason, key=db.key)
    folder = backup.copies_folder(db.url)
    if folder is None:
        return None
    with db.transaction() as session:
        return backup.export_aside(session, folder, backup.export_name(db.url), reason=reason)
