"""``reciprocity rhythm``: how often you would like to be in touch, reset by any contact."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import counted, day_words

app = typer.Typer(
    help="Keep-in-touch rhythm: an ideal gap and a longest comfortable gap between contacts.",
    no_args_is_help=True,
)


@app.command("set")
def set_(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who it is with.")],
    ideal: Annotated[int, typer.Option(metavar="DAYS", help="The gap that feels right.")],
    longest: Annotated[
        int | None,
        typer.Option(metavar="DAYS", help="The longest gap that still feels comfortable."),
    ] = None,
) -> None:
    """Set how often you would like to be in touch with someone."""
    from reciprocity.coach import practices as words
    from reciprocity.services import rhythms

    rhythm = rhythms.set_(runtime(ctx).database(), person, ideal=ideal, longest=longest)
    say(words.rhythm_sentence(rhythm.person.name, rhythm.ideal_days, rhythm.longest_days))


@app.command("clear")
def clear(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who it is with.")],
) -> None:
    """Clear the rhythm with someone; what you noted with them stays."""
    from reciprocity.coach import practices as words
    from reciprocity.services import rhythms

    rhythm = rhythms.clear_with(runtime(ctx).database(), person)
    say(words.RHYTHM_CLEARED.format(name=rhythm.person.name))


@app.command("list")
def list_(
    ctx: typer.Context,
    json: JsonFlag = False,
) -> None:
    """Each rhythm, with the last contact and the days since."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.services import rhythms, shapes

    state = runtime(ctx)
    rows = [shapes.rhythm(r) for r in rhythms.standings(state.database(), today=state.today)]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_RHYTHMS)
        return
    table = Table("Person", "Ideal gap", "Longest", "Last in touch", "Days since")
    for row in rows:
        table.add_row(
            escape(str(row["person"])),
            counted(row["ideal_days"], "day"),
            counted(row["longest_days"], "day"),
            day_words(str(row["last_contact"])) if row["last_contact"] else words.RHYTHM_NEVER,
            "-" if row["days_since"] is None else counted(row["days_since"], "day"),
        )
    console().print(table)
