"""``reciprocity date``: dates to remember beyond birthdays, shown by ``due``."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words

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


@app.command("edit")
def edit(
    ctx: typer.Context,
    occasion_id: Annotated[int, typer.Argument(metavar="ID", help="Which date ('date list').")],
    title: Annotated[str | None, typer.Option(help="What it is.")] = None,
    day: Annotated[str | None, typer.Option("--on", metavar="DATE", help="When.")] = None,
    once: Annotated[
        bool | None, typer.Option("--once/--yearly", help="It happens once, or every year.")
    ] = None,
) -> None:
    """Change a date to remember: what you leave out stays."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import rhythms
    from reciprocity.services.keep import KEEP

    state = runtime(ctx)
    changes = rhythms.DateChanges(
        title=KEEP if title is None else title,
        on=KEEP if day is None else parse_date(day, today=state.today, allow_future=True),
        yearly=KEEP if once is None else not once,
    )
    occasion = rhythms.edit_date(state.database(), occasion_id, changes)
    say(words.occasion_sentence(occasion.title, occasion.whose, occasion.on, occasion.yearly))


@app.command("remove")
def remove(
    ctx: typer.Context,
    occasion_id: Annotated[int, typer.Argument(metavar="ID", help="Which date ('date list').")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a date to remember (a copy of everything is kept first)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.coach import practices as words
    from reciprocity.services import rhythms

    database = runtime(ctx).database()
    occasion = rhythms.get_date(database, occasion_id)
    what = words.OCCASION_LABEL.format(
        title=occasion.title,
        whose=words.YOUR_OWN if occasion.person is None else occasion.person.name,
        on=day_words(occasion.on),
    )
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = rhythms.remove_date(database, occasion_id)
    say(removed_words(what, copy))


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
            day_words(str(row["next"])) if row["next"] else "-",
            day_words(str(row["on"])),
            escape(str(row["title"])),
            whose,
            "yes" if row["yearly"] else "no",
        )
    console().print(table)
