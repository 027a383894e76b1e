"""``reciprocity demo``: load a year of sample data to explore with."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import runtime, say


def demo(
    ctx: typer.Context,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace what is in the database (a copy is kept first)."),
    ] = False,
) -> None:
    """Load the demo: five people, a year of moments, seasons, audits, rituals and check-ins."""
    from reciprocity.coach import messages
    from reciprocity.errors import ConflictError
    from reciprocity.services import demo as dataset
    from reciprocity.store import backup, transfer

    state = runtime(ctx)
    database = state.database()
    with database.transaction() as session:
        count = transfer.people_count(session)
    if count and not force:
        raise ConflictError(messages.DEMO_NOT_EMPTY.format(count=count))
    if count and database.sqlite_path is not None:
        copy = backup.copy_aside(database.engine, database.sqlite_path, reason="before-demo")
        say(messages.REPLACED_BACKUP.format(path=copy))
    people, seasons, audits = dataset.build(state.today)
    with database.transaction() as session:
        transfer.clear(session)
        session.add_all([*people, *seasons, *audits, *dataset.practices(state.today, people)])
    say(
        messages.DEMO_LOADED.format(
            people=len(people),
            moments=sum(len(p.moments) for p in people),
            seasons=len(seasons),
            audits=len(audits),
        )
    )
    say(messages.DEMO_NEXT.format(name="Jordan"))
