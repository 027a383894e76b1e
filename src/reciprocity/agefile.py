"""Exports locked with age (https://age-encryption.org): by a passphrase, or for age keys.

An export holds a person's most private notes; locked, it can travel (a USB stick,
a cloud folder) and only the passphrase, or the secret key of one of the age
public keys it was locked for, opens it. The file is a standard age file, so the
``age`` tool opens it too (``age -d backup.json.age``), and so does reciprocity's
``import``, which knows one by its first line. A lost passphrase cannot be
recovered: there is no back door, by design.

Everything here works on bytes in memory (exports are read whole anyway); the
faces ask for the passphrase and say what went wrong.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from pathlib import Path

import pyrage

from reciprocity.coach import data as data_words
from reciprocity.errors import InputError, TransferError

MAGIC = b"age-encryption.org/v1\n"
ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
HEAD_BYTES = 4096
"""Enough of a file to see whether it is locked, and how (age's header is text)."""
PASSPHRASE = "passphrase"
KEYS = "keys"


def how_locked(head: bytes) -> str | None:
    """``passphrase`` or ``keys`` for the start of an age file, None for any other file."""
    start = head.lstrip()
    if start.startswith(ARMOR):
        body = start[len(ARMOR) :].split(b"-----END", 1)[0]
        try:
            start = base64.b64decode(b"".join(body.split())[:2048], validate=False)
        except (binascii.Error, ValueError):
            return KEYS
    if not start.startswith(MAGIC):
        return None
    return PASSPHRASE if b"\n-> scrypt " in start[:HEAD_BYTES] else KEYS


def file_locked(path: Path) -> str | None:
    """How the file at ``path`` is locked (``passphrase``, ``keys``), or None: not an age file.

    Only a regular file is opened: a pipe would keep the caller waiting for a writer.
    """
    try:
        if not path.is_file():
            return None  # reading it properly will say what it is
        with path.open("rb") as stream:
            return how_locked(stream.read(HEAD_BYTES))
    except OSError:
        return None  # reading it properly will say what is wrong


def lock(content: bytes, *, passphrase: str | None = None, keys: Sequence[str] = ()) -> bytes:
    """``content`` locked for age public keys (``age1…``) when given, else with the passphrase."""
    if keys:
        recipients = [_recipient(key) for key in keys]
        return bytes(pyrage.encrypt(content, recipients))
    if not passphrase:
        raise InputError(data_words.PASSPHRASE_EMPTY)
    return bytes(pyrage.passphrase.encrypt(content, passphrase))


def unlock(
    content: bytes, name: str, *, passphrase: str | None = None, identities: Sequence[str] = ()
) -> bytes:
    """What the age file ``content`` (called ``name`` in messages) holds.

    A file locked with a passphrase opens with ``passphrase``; one locked for age
    keys with ``identities``, age secret keys (``AGE-SECRET-KEY-1…``). A wrong
    passphrase or key, or a damaged file, is one clear TransferError.
    """
    kind = how_locked(content[:HEAD_BYTES])
    if kind is None:
        raise TransferError(data_words.LOCKED_DAMAGED.format(name=name, reason="no age header"))
    if kind == KEYS and not identities:
        raise TransferError(data_words.LOCKED_FOR_KEYS.format(name=name))
    try:
        if kind == KEYS:
            keys = [pyrage.x25519.Identity.from_str(i.strip()) for i in identities]
            return bytes(pyrage.decrypt(content, keys))
        return bytes(pyrage.passphrase.decrypt(content, passphrase or ""))
    except pyrage.IdentityError:
        raise TransferError(data_words.IDENTITY_NONE.format(path=name)) from None
    except pyrage.DecryptError as error:
        reason = str(error)
        if reason == "Decryption failed" and kind == PASSPHRASE:
            raise TransferError(data_words.EXPORT_PASSPHRASE_WRONG.format(name=name)) from None
        if reason == "No matching keys found":
            raise TransferError(data_words.KEY_WRONG.format(name=name)) from None
        raise TransferError(data_words.LOCKED_DAMAGED.format(name=name, reason=reason)) from None


def read_identities(path: Path) -> list[str]:
    """The age secret keys in a key file (as ``age-keygen`` writes it; ``#`` lines are notes)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise TransferError(data_words.FILE_UNREADABLE.format(path=path, reason=reason)) from None
    found = [line.strip() for line in lines if line.strip().upper().startswith("AGE-SECRET-KEY-1")]
    if not found:
        raise TransferError(data_words.IDENTITY_NONE.format(path=path))
    return found


def _recipient(key: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(key.strip())
    except pyrage.RecipientError:
        raise InputError(data_words.KEY_INVALID.format(key=key)) from None
