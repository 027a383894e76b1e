"""``reciprocity rhythm``: how often you would like to be in touch, reset by any contact."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import console, emit_json, runtime, say

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
    from sqlalchemy import select

    from reciprocity.coach import practices as words
    from reciprocity.model import Rhythm
    from reciprocity.model.person import find_person

    state = runtime(ctx)
    with state.database().transaction() as session:
        someone = find_person(session, person)
        rhythm = session.scalar(select(Rhythm).where(Rhythm.person_id == someone.id))
        if rhythm is None:
            rhythm = Rhythm(person=someone)
            session.add(rhythm)
        rhythm.ideal_days = ideal
        rhythm.longest_days = longest if longest is not None else ideal * 2
        say(
            words.RHYTHM_SET.format(
                name=someone.name, ideal=rhythm.ideal_days, longest=rhythm.longest_days
            )
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Each rhythm, with the last contact and the days since."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.agenda import last_contact
    from reciprocity.coach import practices as words
    from reciprocity.model.rhythm import all_rhythms

    state = runtime(ctx)
    with state.database().transaction() as session:
        contact = last_contact(session)
        rows = []
        for rhythm in all_rhythms(session):
            last = contact.get(rhythm.person_id)
            rows.append(
                {
                    **rhythm.as_dict(),
                    "last_contact": None if last is None else last.isoformat(),
                    "days_since": None if last is None else (state.today - last).days,
                }
            )
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_RHYTHMS)
        return
    table = Table("Person", "Ideal gap", "Longest", "Last in touch", "Days since")
    for row in rows:
        table.add_row(
            escape(row["person"]),
            str(row["ideal_days"]),
            str(row["longest_days"]),
            row["last_contact"] or words.RHYTHM_NEVER,
            "-" if row["days_since"] is None else str(row["days_since"]),
        )
    console().print(table)
