"""Encryption at rest: a SQLite file encrypted with SQLCipher, unlocked by a passphrase.

The database is encrypted with a random 256-bit key (SQLCipher 4, given as a raw
key, so SQLCipher's own passphrase derivation is skipped). That key is kept in a
small key file beside the database (``reciprocity.db.key``, mode 0600), wrapped:
encrypted with AES-256-GCM under a key-encryption key that Argon2id derives
from the passphrase and a random salt. The key file says its format version, the
Argon2id parameters and the salt, all bound to the wrapped key as associated
data, so a changed parameter fails like a wrong passphrase. Changing the
passphrase rewrites the key file only; the data is not encrypted again.
The passphrase itself is never written anywhere.

Whether a file is encrypted is read from the file itself: a plain SQLite file
begins with ``SQLite format 3``; an encrypted one begins with random bytes. A
key file beside a plain database (left by an encryption that was stopped before
it finished) changes nothing.

Converting between the two is done with ``sqlcipher_export`` into a new file
beside the database, checked (every table's rows counted on both sides,
``integrity_check``, ``cipher_integrity_check``), then moved over the old file
in one step (``os.replace``): stopped at any point, the old file is whole.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reciprocity.coach import data as data_words
from reciprocity.errors import StoreError, WrongPassphraseError

PLAIN_MAGIC = b"SQLite format 3\x00"
KEY_SUFFIX = ".key"
KEY_FORMAT = "reciprocity-key"
KEY_VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
ARGON2 = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}
"""Argon2id as RFC 9106 recommends where memory is short (its second choice): 3 passes
over 64 MiB with 4 lanes; about half a second on a laptop's two cores."""
LIMITS = {"time_cost": (1, 64), "memory_cost": (8 * 1024, 4 * 1024 * 1024), "parallelism": (1, 64)}
"""What a key file may ask for: a tampered one cannot make unlocking take hours or all memory."""
CONVERTING = (".encrypting-", ".decrypting-", ".key-")
"""Name parts of the files made while converting; left by a stopped run, they are removed."""
PAUSE = "RECIPROCITY_TEST_PAUSE"
"""For the tests only: the name of a step at which a conversion waits (and says so on
stderr), so a test can kill it there and look at what is left."""


def key_file(path: Path) -> Path:
    """The key file of the database at ``path``: ``reciprocity.db.key`` beside ``reciprocity.db``."""
    return path.with_name(path.name + KEY_SUFFIX)


def is_plain(path: Path) -> bool:
    """Whether ``path`` is missing, empty or a plain SQLite file (readable without a key)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(len(PLAIN_MAGIC))
    except FileNotFoundError:
        return True
    return not start or start == PLAIN_MAGIC


def is_encrypted(path: Path) -> bool:
    """Whether the database at ``path`` is encrypted: not plain, with its key file beside it."""
    return key_file(path).exists() and not is_plain(path)


# -- the key file --------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _associated(document: dict[str, Any]) -> bytes:
    """What the wrapped key is bound to: everything in the key file but the wrapped key."""
    bound = {k: document[k] for k in ("format", "version", "cipher", "kdf")}
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()


def _kek(passphrase: str, kdf: dict[str, Any]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        _unb64(kdf["salt"]),
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wrap(passphrase: str, key: bytes, *, cost: dict[str, int] | None = None) -> dict[str, Any]:
    """A key file's content: ``key`` wrapped under ``passphrase`` with a fresh salt and nonce."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    document: dict[str, Any] = {
        "format": KEY_FORMAT,
        "version": KEY_VERSION,
        "cipher": "sqlcipher-4",
        "kdf": {
            "name": "argon2id",
            **(cost or ARGON2),
            "salt": _b64(secrets.token_bytes(SALT_BYTES)),
        },
    }
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(_kek(passphrase, document["kdf"])).encrypt(nonce, key, _associated(document))
    document["wrap"] = {"name": "aes-256-gcm", "nonce": _b64(nonce), "key": _b64(sealed)}
    return document


def unwrap(document: dict[str, Any], passphrase: str, where: str) -> bytes:
    """The database key in a key file's content; a wrong passphrase raises WrongPassphraseError."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf, wrapped = document["kdf"], document["wrap"]
    try:
        key = AESGCM(_kek(passphrase, kdf)).decrypt(
            _unb64(wrapped["nonce"]), _unb64(wrapped["key"]), _associated(document)
        )
    except InvalidTag:
        raise WrongPassphraseError(data_words.PASSPHRASE_WRONG.format(where=where)) from None
    if len(key) != KEY_BYTES:
        raise StoreError(data_words.KEY_FILE_BROKEN.format(path=where, reason="key length"))
    return key


def read_key_file(path: Path) -> dict[str, Any]:
    """A key file's content, checked for shape; one clear line when it cannot be used."""
    shown = str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(data_words.KEY_FILE_MISSING.format(path=shown)) from None
    except (OSError, ValueError) as error:
        raise StoreError(data_words.KEY_FILE_BROKEN.format(path=shown, reason=error)) from None
    try:
        if document["format"] != KEY_FORMAT:
            raise ValueError("format")
        if document["version"] != KEY_VERSION:
            raise StoreError(
                data_words.KEY_FILE_NEWER.format(
                    path=shown, found=document["version"], supported=KEY_VERSION
                )
            )
        kdf, wrapped = document["kdf"], document["wrap"]
        if kdf["name"] != "argon2id" or wrapped["name"] != "aes-256-gcm":
            raise ValueError("algorithm")
        for name, (low, high) in LIMITS.items():
            if not isinstance(kdf[name], int) or not low <= kdf[name] <= high:
                raise ValueError(name)
        if len(_unb64(kdf["salt"])) < SALT_BYTES or len(_unb64(wrapped["nonce"])) != NONCE_BYTES:
            raise ValueError("salt or nonce")
        _unb64(wrapped["key"])
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(data_words.KEY_FILE_BROKEN.format(path=shown, reason=error)) from None
    return dict(document)


def write_key_file(path: Path, document: dict[str, Any]) -> None:
    """Write a key file whole, readable by its owner only, in place of any before it."""
    temporary = path.with_name(f"{path.name}-{secrets.token_hex(4)}")  # ".key-…": swept if left
    with _held(temporary):
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=1)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    sync_folder(path.parent)


def unlock(path: Path, passphrase: str) -> bytes:
    """The key of the encrypted database at ``path``, from its key file and ``passphrase``."""
    return unwrap(read_key_file(key_file(path)), passphrase, str(path))


# -- connections ---------------------------------------------------------------


def raw_key(key: bytes) -> str:
    """SQLCipher's form of a raw key: ``x'…'`` with 64 hex digits (no derivation by SQLCipher)."""
    return f"x'{key.hex()}'"


def connect(path: Path, key: bytes | None, *, read_only: bool = False) -> Any:
    """A DB-API connection to the database at ``path``: through SQLCipher with ``key``, or plain."""
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only)
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = sqlcipher.connect(target, uri=read_only)
    connection.execute(f'PRAGMA key = "{raw_key(key)}"')
    return connection


def errors() -> tuple[type[Exception], ...]:
    """The errors a connection from ``connect`` raises: sqlite3's, and sqlcipher3's own."""
    from sqlcipher3 import dbapi2 as sqlcipher

    return (sqlite3.Error, sqlcipher.Error)


def in_use_elsewhere(path: Path) -> bool:
    """Whether another program has the database open (a running ``reciprocity serve``).

    In WAL mode every open connection holds a shared lock on the "DMS" byte (offset
    128) of the ``-shm`` file (sqlite.org/walformat.html); taking it exclusively
    fails while anyone else holds it. Locks of this process never conflict with it, and
    closing the file here would drop them (POSIX locks): call it with no connection open.
    """
    import fcntl  # POSIX only: imported where it is used

    shm = path.with_name(path.name + "-shm")
    try:
        descriptor = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
    except OSError:
        return True
    else:
        fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, 128)
        return False
    finally:
        os.close(descriptor)


# -- converting ----------------------------------------------------------------


def sweep(path: Path) -> None:
    """Remove what a conversion of ``path`` stopped part way left beside it.

    A conversion running now holds a lock on its file (``flock``), which is left alone.
    """
    import fcntl  # POSIX only: imported where it is used

    for stale in path.parent.glob(f"{path.name}.*"):
        if not any(stale.name[len(path.name) :].startswith(part) for part in CONVERTING):
            continue
        try:
            descriptor = os.open(stale, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # being written by a conversion running now
        else:
            stale.unlink(missing_ok=True)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _held(path: Path) -> Iterator[None]:
    """``path`` made (private, new) and locked against ``sweep`` while the block runs;
    removed afterwards unless the block moved it away."""
    import fcntl  # POSIX only: imported where it is used

    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(descriptor)


@contextlib.contextmanager
def conversion(
    source: Path, source_key: bytes | None, target_key: bytes | None, *, kind: str
) -> Iterator[Path]:
    """A copy of ``source`` under ``target_key`` (None: plain), written beside it and checked.

    The block gets the new file (private) to move into place (``put_in_place``);
    whatever it leaves is removed. The source is held with an exclusive lock while
    it is read, so nothing changes it meanwhile.
    """
    target = source.with_name(f"{source.name}.{kind}-{secrets.token_hex(4)}")
    with _held(target):
        connection = _open_for_export(source, source_key)
        try:
            into = "''" if target_key is None else f'"{raw_key(target_key)}"'
            connection.execute(f"ATTACH DATABASE ? AS converted KEY {into}", (str(target),))
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("SELECT sqlcipher_export('converted')")
            connection.execute("COMMIT")
            connection.execute("DETACH DATABASE converted")
            pause(f"{kind}-exported")
            check(connection, target, target_key, str(source))
        finally:
            connection.close()
        made = connect(target, target_key)
        try:  # as the app keeps it, so that opening it first changes nothing
            made.execute("PRAGMA journal_mode = WAL")
        finally:
            made.close()
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
        yield target


def _open_for_export(source: Path, key: bytes | None) -> Any:
    """SQLCipher's connection to ``source`` (plain or keyed); it reads what is in the WAL too,
    and changes nothing in the file."""
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(source), timeout=15, isolation_level=None)
    if key is not None:
        connection.execute(f'PRAGMA key = "{raw_key(key)}"')
    return connection


def counts(connection: Any, schema: str = "main") -> dict[str, int]:
    """Rows in every table of ``schema``."""
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def check(source: Any, target: Path, key: bytes | None, where: str) -> None:
    """The copy at ``target`` is whole: SQLite's and SQLCipher's checks pass, every table
    holds as many rows as in ``source`` (an open connection). Raises StoreError if not."""
    expected = counts(source)
    copy = connect(target, key)
    try:
        problems = []
        if key is not None:
            problems += [str(row[0]) for row in copy.execute("PRAGMA cipher_integrity_check")]
        found = [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
        if found != ["ok"]:
            problems += found
        got = counts(copy)
        if got != expected:
            problems.append(f"rows {got} != {expected}")
    except errors() as error:
        problems = [str(error)]
    finally:
        copy.close()
    if problems:
        raise StoreError(data_words.CONVERT_CHECK_FAILED.format(where=where, problem=problems[0]))


def put_in_place(converted: Path, path: Path) -> None:
    """Move a checked copy over the database in one step, with no side file of the old one left."""
    for side in ("-wal", "-shm", "-journal"):  # none after the export; never the old file's
        path.with_name(path.name + side).unlink(missing_ok=True)
    os.replace(converted, path)
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` last through a power cut."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def pause(step: str) -> None:
    """Wait at ``step`` when a test asked for it (``RECIPROCITY_TEST_PAUSE``), else nothing."""
    if os.environ.get(PAUSE) != step:
        return
    os.write(2, f"paused at {step}\n".encode())
    while True:  # until the test kills the process
        time.sleep(1)


# -- small files sealed with the database key (audit drafts) -------------------

SEALED_FORMAT = "reciprocity-sealed"


def _subkey(key: bytes, purpose: str) -> bytes:
    """A key for ``purpose`` derived from the database key (never the database key itself)."""
    return hmac.new(key, f"reciprocity {purpose} v1".encode(), hashlib.sha256).digest()


def seal(key: bytes, content: bytes, purpose: str) -> bytes:
    """``content`` encrypted and authenticated under a subkey of the database key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(_subkey(key, purpose)).encrypt(nonce, content, purpose.encode())
    document = {"format": SEALED_FORMAT, "version": 1, "nonce": _b64(nonce), "data": _b64(sealed)}
    return json.dumps(document).encode()


def is_sealed(content: bytes) -> bool:
    """Whether ``content`` is what ``seal`` writes (a plain file is anything else)."""
    try:
        document = json.loads(content)
    except ValueError:
        return False
    return isinstance(document, dict) and document.get("format") == SEALED_FORMAT


def unseal(key: bytes, content: bytes, purpose: str) -> bytes:
    """What ``seal`` sealed; ValueError when it was not sealed with this key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    document = json.loads(content)
    try:
        return AESGCM(_subkey(key, purpose)).decrypt(
            _unb64(document["nonce"]), _unb64(document["data"]), purpose.encode()
        )
    except (InvalidTag, KeyError, TypeError) as error:
        raise ValueError("not sealed with this key") from error


@dataclass(frozen=True)
class NewKey:
    """A fresh database key and its key file's content."""

    key: bytes
    document: dict[str, Any]


def new_key(passphrase: str, *, cost: dict[str, int] | None = None) -> NewKey:
    key = secrets.token_bytes(KEY_BYTES)
    return NewKey(key, wrap(passphrase, key, cost=cost))
