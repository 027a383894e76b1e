"""Your data: everything in one export file and back, copies of the database, and the demo.

One rule for restoring and for the demo, on every face: into an empty store
they simply go; over what is there only when asked to replace it, and then a
copy is kept first: of the SQLite file beside it, or, for a database that is
not a file (PostgreSQL), an export of everything in the user's data folder.
Every restore is one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reciprocity.coach import data as data_words
from reciprocity.errors import ConflictError
from reciprocity.files import write_atomically
from reciprocity.services import demo as dataset
from reciprocity.store import Database, backup, open_database, transfer


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


def export_document(db: Database) -> dict[str, Any]:
    """Everything, as the one export document (``reciprocity export`` and the web download)."""
    with db.transaction() as session:
        return transfer.export_document(session)


def export_text(db: Database) -> str:
    return transfer.dump(export_document(db))


def export_to(db: Database, path: Path) -> dict[str, int]:
    """Write the export to ``path`` (whole or not at all); returns what it holds, by kind."""
    document = export_document(db)
    write_atomically(path, transfer.dump(document))
    return transfer.counts(document)


def restore_file(
    db: Database, path: Path, *, replace: bool = False, source: str | None = None
) -> Restored:
    """Restore an export file: into an empty store, or over what is there with ``replace``.

    A problem in the file is said with ``source`` (default: the path) and where in it.
    """
    document = transfer.read_document(path)
    copy = _make_room(db, replace, data_words.TRANSFER_INTO_NON_EMPTY, reason="before-import")
    with db.transaction() as session:
        if replace:
            transfer.clear(session)
        counts = transfer.restore(session, document, source or str(path))
    return Restored(counts, copy)


def restore_upload(db: Database, content: bytes, filename: str, *, replace: bool = False) -> Restored:
    """Restore an export that arrived as bytes (a web upload), read as the file would be."""
    with tempfile.TemporaryDirectory(prefix="reciprocity-restore-") as folder:
        name = Path(filename).name or "export.json"
        path = Path(folder) / name
        path.write_bytes(content)
        return restore_file(db, path, replace=replace, source=name)


def load_demo(db: Database, *, today: date, force: bool = False) -> tuple[dict[str, int], Path | None]:
    """Load the demo: into an empty store, or over what is there with ``force`` (a copy first)."""
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
    found = [p for p in folder.glob(pattern) if p.is_file() and p != path]
    kept = [Copy(p, p.stat().st_size, datetime.fromtimestamp(p.stat().st_mtime)) for p in found]
    return sorted(kept, key=lambda c: c.made, reverse=True)


def where(db: Database) -> str:
    """Where the data lives: the SQLite file, or the database URL without its password."""
    path = db.sqlite_path
    return str(path) if path is not None else db.url.render_as_string(hide_password=True)


def _make_room(db: Database, replace: bool, refusal: str, *, reason: str) -> Path | None:
    """Refuse to mix into a store that holds people, unless replacing; keep a copy first."""
    with db.transaction() as session:
        count = transfer.people_count(session)
    if not count:
        return None
    if not replace:
        raise NotEmptyError(refusal.format(count=count), count)
    return _copy_aside(db, reason=reason)


def _copy_aside(db: Database, *, reason: str) -> Path | None:
    """Keep a copy: of the SQLite file beside it, or an export for a database that is not a file."""
    path = db.sqlite_path
    if path is not None:
        return backup.copy_aside(db.engine, path, reason=reason)
    folder = backup.copies_folder(db.url)
    if folder is None:
        return None
    with db.transaction() as session:
        return backup.export_aside(session, folder, backup.export_name(db.url), reason=reason)
