"""Copies of the SQLite file, taken before anything rewrites it wholesale."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine


def copy_aside(engine: Engine, path: Path, *, reason: str) -> Path:
    """Copy the database beside itself and return the copy's path.

    Uses SQLite's online backup, which includes what is still in the WAL file,
    so the copy is a consistent database on its own.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}.{stamp}{path.suffix or '.db'}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.{reason}.{stamp}-{counter}{path.suffix or '.db'}")
    engine.dispose()  # let go of pooled connections so the copy sees everything committed
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private from the start
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def revision_of(copy: Path) -> str | None:
    """The schema revision a copy was made at; None when it is not one of our databases.

    Opened read-only, so looking never changes the copy.
    """
    try:
        connection = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def copy_back(engine: Engine, copy: Path, path: Path) -> None:
    """Put ``copy`` back in place of the database at ``path``, in one step.

    SQLite's online backup writes the whole copy into the live database inside
    one transaction, so a reader sees the old data or the copy, never half of each.
    """
    engine.dispose()
    source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(path)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
