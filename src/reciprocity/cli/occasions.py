"""``reciprocity date``: dates to remember beyond birthdays, shown by ``due``."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import console, emit_json, runtime, say

app = typer.Typer(
    help="Dates to remember: anniversaries, hard dates, exams (birthdays come from people).",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    whose: Annotated[str, typer.Argument(metavar="PERSON|me", help="Whose date it is.")],
    title: Annotated[str, typer.Argument(help="What it is.")],
    day: Annotated[str, typer.Argument(metavar="DATE", help="When.")],
    once: Annotated[bool, typer.Option("--once", help="It happens once, not every year.")] = False,
) -> None:
    """Add a date to remember; it comes back every year unless --once."""
    from reciprocity.agenda import person_named
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.model import Occasion

    state = runtime(ctx)
    on = parse_date(day, today=state.today, allow_future=True)
    with state.database().transaction() as session:
        owner = person_named(session, whose)
        occasion = Occasion(person=owner, title=title, on=on, yearly=not once)
        session.add(occasion)
        say(
            words.OCCASION_ADDED.format(
                title=occasion.title,
                whose=words.YOUR_OWN if owner is None else owner.name,
                on=on.isoformat(),
                yearly="" if once else words.OCCASION_YEARLY,
            )
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """The dates you added."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.model.occasion import all_occasions

    with runtime(ctx).database().transaction() as session:
        rows = [{"id": o.id, **o.as_dict()} for o in all_occasions(session)]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_OCCASIONS)
        return
    table = Table("Date", "What", "Whose", "Every year")
    for row in rows:
        whose = words.YOUR_OWN if row["whose"] == "me" else escape(row["whose"])
        table.add_row(row["on"], escape(row["title"]), whose, "yes" if row["yearly"] else "no")
    console().print(table)
