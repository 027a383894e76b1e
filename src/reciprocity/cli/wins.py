"""``reciprocity win``: small wins, noticed and kept."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words

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
    from reciprocity.services import wins

    state = runtime(ctx)
    if not whose.strip():
        raise InputError(words.WIN_NEEDS_SOMEONE)
    day = parse_date(on, today=state.today)
    win = wins.add(state.database(), whose, text, on=day)
    whose_words = words.YOUR_OWN if win.person is None else win.person.name
    say(words.WIN_ADDED.format(whose=whose_words, on=day_words(day)))


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
    from reciprocity.services import shapes, wins

    database = runtime(ctx).database()
    found = wins.recent(database) if person is None else wins.of(database, person)
    rows = [shapes.win(w) for w in found]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_WINS)
        return
    table = Table("Day", "With", "What went well")
    for row in rows:
        whose = words.YOUR_OWN if row["whose"] == "me" else escape(row["whose"])
        table.add_row(day_words(row["on"]), whose, escape(row["text"]))
    console().print(table)


WinId = Annotated[int, typer.Argument(metavar="ID", help="The win's id (see 'win list --json').")]


@app.command("edit")
def edit(
    ctx: typer.Context,
    win_id: WinId,
    text: Annotated[str | None, typer.Option(help="New words for it.")] = None,
    on: Annotated[str | None, typer.Option(metavar="DATE", help="Another day.")] = None,
) -> None:
    """Change a small win: its words or its day."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import wins
    from reciprocity.services.keep import KEEP

    state = runtime(ctx)
    changes = wins.WinChanges(
        text=KEEP if text is None else text,
        on=KEEP if on is None else parse_date(on, today=state.today),
    )
    win = wins.edit(state.database(), win_id, changes)
    whose = words.YOUR_OWN if win.person is None else win.person.name
    say(words.WIN_CHANGED.format(id=win.id, whose=whose, on=day_words(win.on)))


@app.command("remove")
def remove(
    ctx: typer.Context,
    win_id: WinId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a small win (a copy of everything is kept first)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.coach import practices as words
    from reciprocity.services import wins

    database = runtime(ctx).database()
    win = wins.get(database, win_id)
    whose = words.YOUR_OWN if win.person is None else win.person.name
    what = words.WIN_LABEL.format(id=win.id, whose=whose, on=day_words(win.on), text=win.text)
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = wins.remove(database, win_id)
    say(removed_words(what, copy))
