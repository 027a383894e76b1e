"""``reciprocity log``: jot down a moment in a few seconds."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import runtime, say
from reciprocity.vocabulary import CareStyle, Dimension, Giver


def log(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who the moment was with.")],
    text: Annotated[str, typer.Argument(help="What happened, in a few words.")],
    by: Annotated[Giver, typer.Option(help="Who reached out or gave.")] = Giver.ME,
    dim: Annotated[
        list[Dimension] | None,
        typer.Option("--dim", help="Which dimension it speaks to (repeatable)."),
    ] = None,
    style: Annotated[CareStyle | None, typer.Option(help="The style of care.")] = None,
    energy: Annotated[
        int | None,
        typer.Option(help="How it left you: -2 drained … 2 nourished.", min=-2, max=2),
    ] = None,
    on: Annotated[str, typer.Option(metavar="DATE", help="When (default: today).")] = "today",
) -> None:
    """Note a moment: who reached out or gave, and how it left you."""
    from reciprocity.coach import people as people_words
    from reciprocity.coach.suggestions import SAFETY_NOTE
    from reciprocity.dates import parse_date
    from reciprocity.services import moments

    state = runtime(ctx)
    noted = moments.note(
        state.database(),
        person,
        text,
        on=parse_date(on, today=state.today),
        by=by,
        dimensions=dim or [],
        style=style,
        energy=energy,
    )
    say(people_words.MOMENT_LOGGED.format(name=noted.name, on=noted.moment.on.isoformat()))
    if noted.safety:
        say(SAFETY_NOTE.format(name=noted.name))
