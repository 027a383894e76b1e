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
    from reciprocity.services import data

    state = runtime(ctx)
    counts, copy = data.load_demo(state.database(), today=state.today, force=force)
    if copy is not None:
        say(messages.REPLACED_BACKUP.format(path=copy))
    say(messages.DEMO_LOADED.format(**counts))
    say(messages.DEMO_NEXT.format(name="Jordan"))
