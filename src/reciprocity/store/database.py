"""Opening the store: where it lives, how it is connected, and keeping its layout current.

The default is a SQLite file in the user's data folder (platformdirs), made on
first use. ``--db URL`` or ``RECIPROCITY_DB`` take any SQLAlchemy URL; nothing
here relies on SQL that only SQLite understands. On SQLite, foreign keys are
enforced and the journal is in WAL mode. Before a migration changes an existing
file, the file is copied aside (see ``reciprocity.store.backup``). An encrypted
file (``reciprocity.store.cipher``) is opened through SQLCipher with the key its
passphrase unlocks.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reciprocity.coach import app as app_words
from reciprocity.coach import data as data_words
from reciprocity.errors import LockedError, StoreError
from reciprocity.store import cipher, revision, values

ENV_VAR = "RECIPROCITY_DB"
SCHEMA_REVISION = "0010"
"""The newest migration; kept in step with ``migrations/versions`` by a test."""


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("reciprocity", appauthor=False) / "reciprocity.db"


def resolve_url(given: str | None) -> str:
    """The database URL from ``--db``, else ``RECIPROCITY_DB``, else the default file."""
    chosen = given or os.environ.get(ENV_VAR)
    if chosen:
        return chosen
    path = default_path()
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    private(path.parent, PRIVATE_FOLDER)  # an install from before this rule: made private now
    return f"sqlite:///{path}"


@dataclass
class Database:
    """An open, migrated store. ``transaction()`` is one unit of work."""

    url: URL
    engine: Engine
    make_session: Callable[[], Session]
    backup_path: Path | None = None
    key: bytes | None = None
    """The raw key of an encrypted SQLite file (SQLCipher); None for a plain database."""

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_file(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit when the block ends normally, roll everything back otherwise."""
        session = self.make_session()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def writes_committed(self) -> int:
        """How many transactions that wrote something this process has committed here."""
        session = self.make_session()
        try:
            return revision.committed(session)
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def rekeyed(self, key: bytes | None) -> None:
        """Connect anew with ``key`` (None: plain), after the file was converted in place."""
        self.engine.dispose()
        self.engine = engine_for(self.url, key)
        factory = sessionmaker(self.engine, expire_on_commit=False)
        revision.watch(factory)
        values.watch(factory)
        self.make_session = factory
        self.key = key


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")


def private(path: Path, mode: int) -> None:
    """Take away what group and others may do with ``path`` (a file of this user's)."""
    try:
        current = path.stat().st_mode & 0o777
        if current & 0o077:
            path.chmod(current & ~0o077 & 0o777 | (mode & 0o700))
    except OSError:
        pass  # not ours to change (a shared folder); SQLite says if it cannot open the file


def keep_private(path: Path) -> None:
    """The database file readable by its owner only, whatever the umask.

    A new file is made empty with mode 0600 before SQLite opens it (an empty
    file is a new database to SQLite), and SQLite gives its WAL and shared-memory
    files the mode of the database; an existing file (and its side files) left
    readable by others by an older version is made private now.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        for name in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
            if name.exists():
                private(name, PRIVATE_FILE)
    except OSError:
        pass  # a folder that cannot be written: SQLite's own error says so
    else:
        os.close(descriptor)


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def open_database(
    given: str | None = None, *, migrate: bool = True, passphrase: str | None = None
) -> Database:
    """Open (and if need be create and migrate) the store at ``given`` or the default.

    An encrypted SQLite file needs ``passphrase``: without it, LockedError; a wrong
    one, WrongPassphraseError (nothing is changed either way). A plain store ignores it.
    """
    raw = resolve_url(given)
    try:
        url = make_url(raw)
    except ArgumentError as error:
        raise StoreError(
            app_words.DB_URL_INVALID.format(url=raw, reason=_first_line(error))
        ) from None
    path = sqlite_file(url)
    where = str(path) if path else url.render_as_string(hide_password=True)
    if path is not None and not path.parent.is_dir():
        raise StoreError(
            app_words.DB_CANNOT_OPEN.format(
                where=where, reason=app_words.DB_FOLDER_MISSING.format(folder=path.parent)
            )
        )
    key = None
    if path is not None:
        keep_private(path)
        cipher.sweep(path)
        if cipher.is_encrypted(path):
            if passphrase is None:
                raise LockedError(data_words.LOCKED.format(where=where))
            key = cipher.unlock(path, passphrase)
    try:
        engine = engine_for(url, key)
    except (NoSuchModuleError, ModuleNotFoundError):
        dialect = "sqlite+pysqlcipher (sqlcipher3)" if key is not None else url.drivername
        raise StoreError(
            app_words.DB_CANNOT_OPEN.format(
                where=where, reason=app_words.DB_DRIVER_MISSING.format(dialect=dialect)
            )
        ) from None
    except ArgumentError as error:
        raise StoreError(
            app_words.DB_URL_INVALID.format(url=raw, reason=_first_line(error))
        ) from None
    factory = sessionmaker(engine, expire_on_commit=False)
    revision.watch(factory)
    values.watch(factory)
    database = Database(url, engine, factory, key=key)
    try:
        if migrate:
            database.backup_path = _bring_up_to_date(database, where)
    except StoreError:
        engine.dispose()
        raise
    except DatabaseError as error:
        engine.dispose()
        reason = _first_line(error.orig) if error.orig is not None else _first_line(error)
        if "not a database" in reason or "malformed" in reason:
            reason = app_words.DB_NOT_DATABASE
            if path is not None and key is None and not cipher.is_plain(path):
                reason = data_words.NOT_DATABASE_OR_NO_KEY.format(key=cipher.key_file(path))
        raise StoreError(app_words.DB_CANNOT_OPEN.format(where=where, reason=reason)) from None
    return database


def engine_for(url: URL, key: bytes | None = None) -> Engine:
    """An engine for ``url``, set up as the app connects (``migrations/env.py`` uses it too).

    On SQLite: a 15-second wait for a lock, foreign keys enforced, the journal in WAL mode;
    with ``key``, through SQLCipher (``sqlcipher3``), the raw key given first on every
    connection, pooled as a plain file is (the key is never part of the URL shown).
    On a database server: each pooled connection is checked before use, so the web app
    goes on after the server restarts.
    """
    options: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        options["connect_args"] = {"timeout": 15}
    else:
        options["pool_pre_ping"] = True
    if key is not None:
        import sqlcipher3  # noqa: F401  (a missing driver is said before the engine is made)
        from sqlalchemy.pool import QueuePool

        url = url.set(drivername="sqlite+pysqlcipher", password=cipher.raw_key(key))
        options["poolclass"] = QueuePool
        options["connect_args"]["check_same_thread"] = False
    engine = create_engine(url, **options)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if key is not None:
        event.listen(engine, "connect", _cipher_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")  # an in-memory database answers "memory"
    cursor.close()


CIPHER_CACHE_KIB = 64 * 1024
"""The page cache of a connection to an encrypted file: every page read from the file is
decrypted and checked, so keeping more of them decrypted in memory (up to 64 MiB, filled
only as pages are read, rather than SQLite's 2 MiB) spares doing it again on the next
request. With 200 people and a million messages the dashboard reads some 20-60 MiB of
pages; at 16 MiB it cost half as much again as the plain file (benchmarks/bench_encryption.py)."""


def _cipher_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA cache_size = -{CIPHER_CACHE_KIB}")
    cursor.close()


def _bring_up_to_date(database: Database, where: str) -> Path | None:
    """Run pending migrations; copy an existing SQLite file aside first."""
    current = current_revision(database.engine)
    if current == SCHEMA_REVISION:
        return None
    from reciprocity.store import backup, migrate

    if current is not None and not migrate.knows(current):
        raise StoreError(app_words.DB_NEWER.format(where=where, found=current))
    copy = None
    path = database.sqlite_path
    if path is not None and (current is not None or _has_tables(database.engine)):
        copy = backup.copy_aside(
            database.engine, path, reason=f"before-{SCHEMA_REVISION}", key=database.key
        )
    migrate.upgrade(database.engine)
    return copy


def current_revision(engine: Engine) -> str | None:
    """The migration the store is at, read cheaply (no Alembic import)."""
    with engine.connect() as connection:
        try:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:
            return None
        except DatabaseError as error:
            # PostgreSQL reports a missing table as ProgrammingError.
            if "alembic_version" in str(error):
                connection.rollback()
                return None
            raise
    return None if row is None else str(row[0])


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
