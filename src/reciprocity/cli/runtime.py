"""What every command shares: where the store is, today's date, and how to speak.

Commands open the store through ``Runtime.database()`` so that the database
layer is imported only by commands that need it (``--help`` stays quick).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from reciprocity.services import Database


@dataclass
class Runtime:
    db_url: str | None = None
    today: date = field(default_factory=date.today)
    _database: Database | None = None

    def database(self) -> Database:
        """The store, opened once; an encrypted one with its passphrase (see ``passphrase``)."""
        if self._database is None:
            from reciprocity.errors import WrongPassphraseError
            from reciprocity.services import encryption, open_database

            locked = encryption.locked_path(self.db_url)
            given = os.environ.get(encryption.PASSPHRASE_VARIABLE)
            tries = 3 if locked is not None and given is None and sys.stdin.isatty() else 1
            for attempt in range(tries):
                phrase = given if locked is None or given is not None else passphrase(locked)
                try:
                    self._database = open_database(self.db_url, passphrase=phrase)
                    break
                except WrongPassphraseError as error:
                    if attempt == tries - 1:
                        raise
                    say(str(error), err=True)
            assert self._database is not None
            started()
            if self._database.backup_path is not None:
                from reciprocity.coach import app as app_words

                say(app_words.DB_BACKED_UP.format(path=self._database.backup_path), err=True)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()

    def saved_anything(self) -> bool:
        """Whether this command has committed a change to the store (what an interrupt keeps)."""
        return self._database is not None and self._database.writes_committed > 0


def started() -> None:
    """Start-up is over: what it loaded lives as long as the process, so it is set aside
    (``gc.freeze``) and the cyclic collector, resting since ``main`` began, works again.

    Called once the store is open (every command that does real work opens it first)
    and by ``serve`` before it serves; nothing happens when the collector already works.
    """
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def passphrase(where: Path) -> str | None:
    """The passphrase of the encrypted database at ``where``, asked on the terminal (not
    shown as it is typed); None off a terminal, where opening it then says how to give it."""
    if not sys.stdin.isatty():
        return None
    import getpass

    from reciprocity.coach import data as data_words

    return getpass.getpass(data_words.PASSPHRASE_PROMPT.format(where=where))


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
"""The ``--json`` option every read command takes."""


def runtime(ctx: typer.Context) -> Runtime:
    found = ctx.find_object(Runtime)
    if found is None:  # a command invoked on its own, e.g. from a test of the group
        found = ctx.ensure_object(Runtime)
    return found


_console: Console | None = None


def console() -> Console:
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False, soft_wrap=False)
    return _console


def say(text: str, *, err: bool = False) -> None:
    """A plain sentence for the person, never styled as an alarm."""
    stream = sys.stderr if err else sys.stdout
    print(text, file=stream)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def confirm(question: str, *, yes: bool) -> bool:
    """Ask once before removing something; ``--yes`` answers for scripts (required off a terminal).

    Saying no says that nothing changed, and returns False.
    """
    import sys

    from reciprocity.coach import people as people_words
    from reciprocity.errors import InputError

    if yes:
        return True
    if not sys.stdin.isatty():
        raise InputError(people_words.REMOVE_NEEDS_YES_PLAIN)
    if typer.confirm(question):
        return True
    say(people_words.NOTHING_CHANGED)
    return False


def removed_words(what: str, copy: Path | None) -> str:
    """ "Removed …", and where the copy of everything kept just before is, as every removal says."""
    from reciprocity.coach import people as people_words

    said = people_words.REMOVED.format(what=what)
    if copy is None:
        return said
    return f"{said} {people_words.COPY_KEPT.format(path=copy, name=copy.name)}"


class RunsByDefault(TyperGroup):
    """A group whose first word may be the default command's argument.

    ``reciprocity audit Jordan`` runs the audit (``audit run Jordan``), while
    ``audit list``, ``audit show 2`` … are the group's other verbs.
    """

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["run", *args]
        return super().parse_args(ctx, args)
