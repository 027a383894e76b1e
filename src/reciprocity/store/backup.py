"""Copies of the database, taken before anything rewrites it wholesale.

A SQLite file is copied beside itself; the copy of an encrypted file is
encrypted with the same key (the key file beside them opens both). A database
that is not a file (on a PostgreSQL server) is copied as an export of
everything, kept in the user's data folder.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from reciprocity.files import write_atomically
from reciprocity.store import cipher
from reciprocity.store.database import default_path, sqlite_file


def copy_aside(engine: Engine, path: Path, *, reason: str, key: bytes | None = None) -> Path:
    """Copy the database beside itself and return the copy's path.

    Uses SQLite's online backup, which includes what is still in the WAL file,
    so the copy is a consistent database on its own. With ``key`` (an encrypted
    database) both ends are SQLCipher's, so the copy is encrypted with that key.
    """
    target = _free_name(path.parent, path.stem, reason, path.suffix or ".db")
    engine.dispose()  # let go of pooled connections so the copy sees everything committed
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private from the start
    source = cipher.connect(path, key)
    try:
        destination = cipher.connect(target, key)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def revision_of(copy: Path, key: bytes | None = None) -> str | None:
    """The schema revision a copy was made at; None when it is not one of our databases
    (or, with ``key``, not one encrypted with that key).

    Opened read-only, so looking never changes the copy.
    """
    if (key is None) != cipher.is_plain(copy):
        return None
    try:
        connection = cipher.connect(copy, key, read_only=True)
    except cipher.errors():
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.errors():
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def copy_back(engine: Engine, copy: Path, path: Path, key: bytes | None = None) -> None:
    """Put ``copy`` back in place of the database at ``path``, in one step.

    SQLite's online backup writes the whole copy into the live database inside
    one transaction, so a reader sees the old data or the copy, never half of each.
    """
    engine.dispose()
    source = cipher.connect(copy, key, read_only=True)
    try:
        destination = cipher.connect(path, key)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _free_name(folder: Path, stem: str, reason: str, suffix: str) -> Path:
    """``stem.reason.stamp.suffix`` in ``folder``, numbered when that name is taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}.{reason}.{stamp}{suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{stem}.{reason}.{stamp}-{counter}{suffix}"
    return target


def copies_folder(url: URL) -> Path | None:
    """Where copies of the database at ``url`` are kept; None where none can be.

    Beside a SQLite file; for a database server (PostgreSQL), the user's data
    folder, where the copy is an export of everything; none for a database in memory.
    """
    path = sqlite_file(url)
    if path is not None:
        return path.parent
    if url.get_backend_name() == "sqlite":
        return None
    return default_path().parent


def export_name(url: URL) -> str:
    """The stem of the export copies of a database that is not a file: backend and name."""
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in url.database or "")
    return f"{url.get_backend_name()}-{name}"


def export_aside(session: Session, folder: Path, stem: str, *, reason: str) -> Path:
    """Write an export of everything to ``folder`` (whole or not at all) and return its path.

    The copy of a database that is not a file: ``reciprocity import FILE --replace``
    brings it back.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, stem, reason, ".json")
    from reciprocity.store import transfer  # only a database server's copy is an export

    write_atomically(target, transfer.dump(transfer.export_document(session)))
    return target
