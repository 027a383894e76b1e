"""Every error reciprocity raises on purpose, in one tree.

::

    ReciprocityError                 anything the user can act on; the CLI prints it as one line
    ├── InputError                   a value given on the command line or in a form is not usable
    │   ├── DateError                a date that does not parse or is ambiguous
    │   ├── RangeError               a number outside its range (a rating of 7, energy of 3)
    │   ├── WhoIsWhoError            a chat import cannot tell who is who; carries the names in it
    │   └── WrongPassphraseError     the passphrase does not open the encrypted database
    ├── NotFoundError                an id or name that does not exist
    │   └── UnknownPersonError       a name that matches no one; carries the closest names
    ├── ConflictError                the change would clash with what is stored (a name in use)
    ├── StoreError                   the database cannot be opened, migrated or written
    │   └── LockedError              the database is encrypted and no passphrase was given
    └── TransferError                an export or import file is unusable
        └── ImportFormatError        a chat export or reciprocity file is malformed; says where

Each message is complete on its own: what was wrong, and where.
"""

from __future__ import annotations

from collections.abc import Sequence


class ReciprocityError(Exception):
    """Root of the tree. ``str(error)`` is the one line shown to the user."""

    exit_code: int = 1


class InputError(ReciprocityError):
    exit_code = 2


class DateError(InputError):
    pass


class RangeError(InputError):
    pass


class WhoIsWhoError(InputError):
    """A chat was read, but who is the user (or who the other side is) needs saying.

    ``names`` are everyone who writes in the chat, so a form can offer them as choices.
    """

    def __init__(self, message: str, names: Sequence[str]) -> None:
        super().__init__(message)
        self.names = list(names)


class NotFoundError(ReciprocityError):
    pass


class UnknownPersonError(NotFoundError):
    def __init__(self, message: str, name: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.suggestions = list(suggestions)


class ConflictError(ReciprocityError):
    pass


class StoreError(ReciprocityError):
    pass


class TransferError(ReciprocityError):
    pass


class ImportFormatError(TransferError):
    """A file could not be read as the format it claims to be.

    ``path`` and ``line`` (1-based, when the format has lines) say where.
    """

    def __init__(self, reason: str, path: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        where = path or "the file"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {reason}")


class LockedError(StoreError):
    """The database is encrypted and no passphrase was given to open it."""


class WrongPassphraseError(InputError):
    """The passphrase given does not open the encrypted database."""
