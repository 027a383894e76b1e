"""What every command shares: where the store is, today's date, and how to speak.

Commands open the store through ``Runtime.database()`` so that the database
layer is imported only by commands that need it (``--help`` stays quick).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from reciprocity.services import Database


@dataclass
class Runtime:
    db_url: str | None = None
    today: date = field(default_factory=date.today)
    _database: Database | None = None

    def database(self) -> Database:
        if self._database is None:
            from reciprocity.services import open_database

            self._database = open_database(self.db_url)
            if self._database.backup_path is not None:
                from reciprocity.coach import app as app_words

                say(app_words.DB_BACKED_UP.format(path=self._database.backup_path), err=True)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()


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
