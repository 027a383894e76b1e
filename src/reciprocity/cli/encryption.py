"""``reciprocity encrypt``, ``decrypt`` and ``passphrase``: your data encrypted on disk, or not.

A passphrase comes from the terminal (asked twice when it is new, never shown)
or, for scripts, from ``RECIPROCITY_PASSPHRASE`` (and ``RECIPROCITY_NEW_PASSPHRASE``
for a new one, when changing it). Off a terminal and without them: one line,
and nothing changes.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from reciprocity.cli.runtime import runtime, say


def encrypt(
    ctx: typer.Context,
    yes: Annotated[
        bool, typer.Option("--yes", help="Do not ask first (required off a terminal).")
    ] = False,
) -> None:
    """Encrypt your data on disk with a passphrase (SQLCipher). A lost passphrase means lost data."""
    from reciprocity.coach import data as data_words
    from reciprocity.errors import InputError
    from reciprocity.services import encryption

    state = runtime(ctx)
    if encryption.locked_path(state.db_url) is not None:  # copies left plain by a stopped run
        done = encryption.encrypt(state.database(), "")
        say(data_words.ENCRYPTED_COPIES.format(count=done.copies))
        return
    database = state.database()
    encryption.check_file(database)
    if not yes:
        if not sys.stdin.isatty():
            raise InputError(data_words.ENCRYPT_NEEDS_YES)
        say(data_words.ENCRYPT_WARNING)
        if not typer.confirm(data_words.ENCRYPT_ASK.format(where=database.sqlite_path)):
            from reciprocity.coach import people as people_words

            say(people_words.NOTHING_CHANGED)
            return
    phrase = _new_passphrase(encryption.PASSPHRASE_VARIABLE)
    done = encryption.encrypt(database, phrase)
    say(data_words.ENCRYPTED.format(where=done.path, key=done.key_file))
    if done.copies:
        say(data_words.ENCRYPTED_COPIES.format(count=done.copies))


def decrypt(ctx: typer.Context) -> None:
    """Turn your encrypted data back into a plain file (asks for the passphrase)."""
    from reciprocity.coach import data as data_words
    from reciprocity.services import encryption

    done = encryption.decrypt(runtime(ctx).database())
    say(data_words.DECRYPTED.format(where=done.path))


def passphrase(ctx: typer.Context) -> None:
    """Change the passphrase of your encrypted data (the data itself is not rewritten)."""
    from reciprocity.coach import data as data_words
    from reciprocity.services import encryption

    database = runtime(ctx).database()
    encryption.check_encrypted(database)
    encryption.change_passphrase(database, _new_passphrase(encryption.NEW_PASSPHRASE_VARIABLE))
    say(data_words.PASSPHRASE_CHANGED.format(where=database.sqlite_path))


def _new_passphrase(variable: str) -> str:
    """A new passphrase: from ``variable``, or typed twice on the terminal; checked for length."""
    import getpass

    from reciprocity.coach import data as data_words
    from reciprocity.errors import InputError
    from reciprocity.services import encryption

    given = os.environ.get(variable)
    if given is None:
        if not sys.stdin.isatty():
            raise InputError(data_words.NEW_PASSPHRASE_NEEDED.format(variable=variable))
        given = getpass.getpass(data_words.PASSPHRASE_NEW_PROMPT)
        encryption.check_passphrase(given)
        if getpass.getpass(data_words.PASSPHRASE_AGAIN_PROMPT) != given:
            raise InputError(data_words.PASSPHRASE_MISMATCH)
    encryption.check_passphrase(given)
    return given
