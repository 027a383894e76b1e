"""Encryption at rest: encrypt the SQLite file, decrypt it, change its passphrase.

``encrypt`` turns the plain file into a SQLCipher one (``store.cipher`` says how
the key is kept), then the copies kept beside it and the audit drafts, so that no
plaintext of the data is left beside it; ``decrypt`` goes back the same way, and
``change_passphrase`` rewraps the key without touching the data. Each step writes
a new file and moves it into place in one go: stopped at any moment (even by
kill -9), the database is the old one or the new one, whole.

Opening an encrypted database takes its passphrase (``open_database(url,
passphrase=…)``); how the passphrase is asked for is the faces' business, and
it is never written anywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reciprocity.coach import data as data_words
from reciprocity.errors import ConflictError, InputError
from reciprocity.services import audits, data
from reciprocity.store import Database, backup, cipher
from reciprocity.store.database import sqlite_file

PASSPHRASE_VARIABLE = "RECIPROCITY_PASSPHRASE"
"""Where a script gives the passphrase (read by the faces, never by the store)."""
NEW_PASSPHRASE_VARIABLE = "RECIPROCITY_NEW_PASSPHRASE"
"""Where a script gives the new passphrase, for ``reciprocity passphrase``."""
SHORTEST = 8


@dataclass(frozen=True)
class Converted:
    """A database encrypted or decrypted: where it is, its key file, and the copies converted."""

    path: Path
    key_file: Path
    copies: int


def locked_path(db_url: str | None) -> Path | None:
    """The file of the database at ``db_url`` (None: the default) when it is encrypted, so
    that opening it needs the passphrase; None for any other database."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from reciprocity.store.database import resolve_url

    try:
        path = sqlite_file(make_url(resolve_url(db_url)))
    except ArgumentError:  # an address that does not parse: opening it says what is wrong
        return None
    return path if path is not None and cipher.is_encrypted(path) else None


def key_file_of(db: Database) -> Path | None:
    """The key file beside ``db`` when it is encrypted (for the settings page); else None."""
    path = db.sqlite_path
    return cipher.key_file(path) if path is not None and db.key is not None else None


def check_encrypted(db: Database) -> None:
    """ConflictError unless ``db`` is an encrypted file (before asking for a new passphrase)."""
    if db.key is None:
        raise ConflictError(data_words.NOT_ENCRYPTED.format(where=data.where(db)))


def check_passphrase(passphrase: str) -> None:
    """A new passphrase is long enough (InputError if not)."""
    if len(passphrase) < SHORTEST:
        raise InputError(data_words.PASSPHRASE_TOO_SHORT.format(least=SHORTEST))


def encrypt(db: Database, passphrase: str, *, cost: dict[str, int] | None = None) -> Converted:
    """Encrypt the SQLite file of ``db`` with ``passphrase``, then its copies and drafts.

    ``db`` goes on working, now through SQLCipher. On a database already encrypted,
    copies left plain by an earlier run that was stopped are encrypted now; with none,
    ConflictError. ``cost`` sets Argon2id's parameters (the benchmark and tests only).
    """
    path = check_file(db)
    if db.key is not None:
        count = _convert_copies(db, None, db.key)
        if not count:
            raise ConflictError(data_words.ALREADY_ENCRYPTED.format(where=path))
        return Converted(path, cipher.key_file(path), count)
    check_passphrase(passphrase)
    _nobody_else(db, path)
    made = cipher.new_key(passphrase, cost=cost)
    with cipher.conversion(path, None, made.key, kind="encrypting") as converted:
        cipher.pause("encrypting-checked")
        cipher.write_key_file(cipher.key_file(path), made.document)
        cipher.pause("encrypting-key-written")
        cipher.put_in_place(converted, path)
    db.rekeyed(made.key)
    cipher.pause("encrypting-replaced")
    count = _convert_copies(db, None, made.key)
    audits.reseal_drafts(db, None, made.key)
    return Converted(path, cipher.key_file(path), count)


def decrypt(db: Database) -> Converted:
    """Turn the encrypted SQLite file of ``db`` back into a plain one, with its copies and
    drafts; the key file goes last, once nothing needs it."""
    key = db.key
    if key is None:
        raise ConflictError(data_words.NOT_ENCRYPTED.format(where=data.where(db)))
    path = check_file(db)
    _nobody_else(db, path)
    count = _convert_copies(db, key, None)
    audits.reseal_drafts(db, key, None)
    with cipher.conversion(path, key, None, kind="decrypting") as converted:
        cipher.pause("decrypting-checked")
        cipher.put_in_place(converted, path)
    db.rekeyed(None)
    cipher.pause("decrypting-replaced")
    cipher.key_file(path).unlink(missing_ok=True)
    cipher.sync_folder(path.parent)
    return Converted(path, cipher.key_file(path), count)


def change_passphrase(db: Database, new: str) -> Path:
    """Wrap the key of the encrypted ``db`` under ``new``; returns the key file rewritten.

    The data is not encrypted again: anyone holding an old copy of the key file and
    the old passphrase could still unwrap the key (decrypt, then encrypt, for a new key).
    """
    check_encrypted(db)
    path = check_file(db)
    assert db.key is not None
    check_passphrase(new)
    found = cipher.key_file(path)
    cipher.write_key_file(found, cipher.wrap(new, db.key))
    return found


def check_file(db: Database) -> Path:
    """The SQLite file of ``db``; ConflictError for a database that is not a file."""
    path = db.sqlite_path
    if path is None:
        raise ConflictError(data_words.ENCRYPT_NOT_FILE.format(where=data.where(db)))
    return path


def _nobody_else(db: Database, path: Path) -> None:
    """Let go of this process's connections; refuse when another program has the file open."""
    db.engine.dispose()
    if cipher.in_use_elsewhere(path):
        raise ConflictError(data_words.IN_USE.format(where=path))


def _convert_copies(db: Database, old: bytes | None, new: bytes | None) -> int:
    """Convert every copy kept beside ``db`` that is under ``old`` (None: plain) to ``new``.

    A copy keeps its name and its time, so the list of copies reads as before. A file
    that is not one of ours (no schema revision under ``old``) is left as it is.
    """
    count = 0
    for copy in data.copies(db):
        if backup.revision_of(copy.path, old) is None:
            continue
        made = copy.path.stat()
        with cipher.conversion(
            copy.path, old, new, kind="encrypting" if new else "decrypting"
        ) as converted:
            os.utime(converted, ns=(made.st_atime_ns, made.st_mtime_ns))
            cipher.put_in_place(converted, copy.path)
        count += 1
    return count
