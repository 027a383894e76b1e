"""``reciprocity date``: dates to remember beyond birthdays, shown by ``due``."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say

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
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import rhythms

    state = runtime(ctx)
    on = parse_date(day, today=state.today, allow_future=True)
    occasion = rhythms.add_date(state.database(), whose, title, on, yearly=not once)
    say(words.occasion_sentence(occasion.title, occasion.whose, occasion.on, occasion.yearly))


@app.command("remove")
def remove(
    ctx: typer.Context,
    occasion_id: Annotated[int, typer.Argument(metavar="ID", help="Which date ('date list').")],
) -> None:
    """Remove a date to remember."""
    from reciprocity.coach import practices as words
    from reciprocity.services import rhythms

    occasion = rhythms.remove_date(runtime(ctx).database(), occasion_id)
    say(
        words.OCCASION_REMOVED.format(
            title=occasion.title,
            whose=words.YOUR_OWN if occasion.person is None else occasion.person.name,
            on=occasion.on.isoformat(),
        )
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    json: JsonFlag = False,
) -> None:
    """The dates you added, the next to come round first."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.services import rhythms, shapes

    state = runtime(ctx)
    rows = [shapes.occasion(d) for d in rhythms.dates(state.database(), today=state.today)]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_OCCASIONS)
        return
    table = Table("ID", "Next", "Date", "What", "Whose", "Every year")
    for row in rows:
        whose = words.YOUR_OWN if row["whose"] == "me" else escape(str(row["whose"]))
        table.add_row(
            str(row["id"]),
            str(row["next"] or "-"),
            str(row["on"]),
            escape(str(row["title"])),
            whose,
            "yes" if row["yearly"] else "no",
        )
    console().print(table)
