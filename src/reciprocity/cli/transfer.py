"""``reciprocity export`` and ``reciprocity import``: your data in one JSON file, and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reciprocity.cli.runtime import emit_json, runtime, say


def export(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.json", help="Where to write the export.")],
) -> None:
    """Write everything to one JSON file you can keep, read or restore."""
    from reciprocity.coach import messages
    from reciprocity.errors import InputError
    from reciprocity.store import transfer

    if file.suffix.lower() != ".json":
        raise InputError(messages.EXPORT_NEEDS_JSON.format(path=file))
    with runtime(ctx).database().transaction() as session:
        document = transfer.export_document(session)
    transfer.write_atomically(file, transfer.dump(document))
    say(messages.EXPORTED.format(path=file, **transfer.counts(document)))


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A reciprocity export (or, soon, a chat export).")
    ],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Replace everything in the database (a copy is kept first)."
        ),
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print a JSON summary for scripts.")] = False,
) -> None:
    """Restore a reciprocity export into this database."""
    from reciprocity.coach import messages
    from reciprocity.errors import ConflictError
    from reciprocity.store import backup, transfer

    document = transfer.read_document(file)
    database = runtime(ctx).database()
    with database.transaction() as session:
        count = transfer.people_count(session)
    if count and not replace:
        raise ConflictError(messages.TRANSFER_INTO_NON_EMPTY.format(count=count))
    if count and database.sqlite_path is not None:
        copy = backup.copy_aside(database.engine, database.sqlite_path, reason="before-import")
        say(messages.REPLACED_BACKUP.format(path=copy), err=json)
    with database.transaction() as session:
        transfer.clear(session)
        numbers = transfer.restore(session, document, str(file))
    if json:
        emit_json({"format": "reciprocity", **numbers})
    else:
        say(messages.IMPORTED.format(path=file, **numbers))
