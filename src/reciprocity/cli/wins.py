"""``reciprocity win``: small wins, noticed and kept."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say

app = typer.Typer(help="Small wins: what went well, noticed and celebrated.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    whose: Annotated[
        str, typer.Argument(metavar="PERSON|me", help="Who it is with, or 'me' for your own.")
    ],
    text: Annotated[str, typer.Argument(help="What went well.")],
    on: Annotated[str, typer.Option(metavar="DATE", help="When (default: today).")] = "today",
) -> None:
    """Note a small win with someone, or one of your own."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.errors import InputError
    from reciprocity.model.win import note_win
    from reciprocity.services.due import person_named

    state = runtime(ctx)
    if not whose.strip():
        raise InputError(words.WIN_NEEDS_SOMEONE)
    day = parse_date(on, today=state.today)
    with state.database().transaction() as session:
        owner = person_named(session, whose)
        win = note_win(owner, text=text, on=day)
        session.add(win)
        say(
            words.WIN_ADDED.format(
                whose=words.YOUR_OWN if owner is None else owner.name, on=day.isoformat()
            )
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    person: Annotated[
        str | None, typer.Argument(metavar="[PERSON|me]", help="Only wins with this person.")
    ] = None,
    json: JsonFlag = False,
) -> None:
    """Small wins, newest first."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.model.win import recent_wins
    from reciprocity.services.due import person_named

    with runtime(ctx).database().transaction() as session:
        wins = recent_wins(session)
        if person is not None:
            owner = person_named(session, person)
            wins = [w for w in wins if w.person is owner]
        rows = [{"id": w.id, **w.as_dict()} for w in wins]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_WINS)
        return
    table = Table("Day", "With", "What went well")
    for row in rows:
        whose = words.YOUR_OWN if row["whose"] == "me" else escape(row["whose"])
        table.add_row(row["on"], whose, escape(row["text"]))
    console().print(table)
