"""``reciprocity demo``: load a year of sample data to explore with."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import runtime, say
from reciprocity.coach.terms import counts_words


def demo(
    ctx: typer.Context,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace what is in the database (a copy is kept first)."),
    ] = False,
) -> None:
    """Load the demo: five people, a year of moments, seasons, audits, rituals and check-ins."""
    from reciprocity.coach import data as data_words
    from reciprocity.services import data

    state = runtime(ctx)
    counts, copy = data.load_demo(state.database(), today=state.today, force=force)
    if copy is not None:
        say(data_words.REPLACED_BACKUP.format(path=copy))
    say(data_words.DEMO_LOADED.format(**counts_words(counts)))
    say(data_words.DEMO_NEXT.format(name="Jordan"))
