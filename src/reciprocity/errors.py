"""Every error reciprocity raises on purpose, in one tree.

::

    ReciprocityError                 anything the user can act on; the CLI prints it as one line
    ├── InputError                   a value given on the command line or in a form is not usable
    │   ├── DateError                a date that does not parse or is ambiguous
    │   ├── RangeError               a number outside its range (a rating of 7, energy of 3)
    │   ├── CadenceError             how often is said twice, half or not at all; carries which
    │   ├── WhoIsWhoError            a chat import cannot tell who is who; carries the names in it
    │   │   └── ChoosePeopleError    a group chat: which of its people to add is the person's to say
    │   └── WrongPassphraseError     the passphrase does not open the encrypted database
    ├── NotFoundError                an id or name that does not exist
    │   └── UnknownPersonError       a name that matches no one; carries the closest names
    ├── ConflictError                the change would clash with what is stored (a name in use)
    ├── StoreError                   the database cannot be opened, migrated or written
    │   └── LockedError              the database is encrypted and no passphrase was given
    └── TransferError                an export or import file is unusable
        └── ImportFormatError        a chat export or reciprocity file is malformed; says where

Each message is complete on its own: what was wrong, and where. It is said in
words every face can show; ``command_hint`` (see ``hinted``) adds what only the
command line says, the flag or command that changes the outcome, so that a web
page never cites a flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar


class ReciprocityError(Exception):
    """Root of the tree. ``str(error)`` is the one line shown to the user."""

    exit_code: int = 1
    command_hint: str = ""
    """What the command line adds after the message (a flag, a command); the web never shows it."""


_E = TypeVar("_E", bound=ReciprocityError)


def hinted(error: _E, hint: str) -> _E:
    """``error`` with ``hint`` for the command line to add after its message."""
    error.command_hint = hint
    return error


class InputError(ReciprocityError):
    exit_code = 2


class DateError(InputError):
    pass


class RangeError(InputError):
    pass


class CadenceError(InputError):
    """How often a ritual happens was not said once and whole.

    ``missing`` (neither a rule nor how often), ``twice`` (both) or ``on-alone``
    (a day without how often), so each face can say it in its own terms.
    """

    def __init__(self, message: str, problem: str) -> None:
        super().__init__(message)
        self.problem = problem


class WhoIsWhoError(InputError):
    """A chat was read, but who is the user (or who the other side is) needs saying.

    ``names`` are everyone who writes in the chat, so a form can offer them as choices.
    """

    def __init__(self, message: str, names: Sequence[str]) -> None:
        super().__init__(message)
        self.names = list(names)


class ChoosePeopleError(WhoIsWhoError):
    """A group chat holds people who are not in the list: which of them to add is asked.

    ``names`` are those people, to be offered as choices; ``known`` are the chat's
    people already in the list, who are linked without asking.
    """

    def __init__(self, message: str, names: Sequence[str], known: Sequence[str] = ()) -> None:
        super().__init__(message, names)
        self.known = list(known)


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
