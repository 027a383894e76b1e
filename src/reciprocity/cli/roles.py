"""``reciprocity roles``: during a hard season, share roles such as planner and listener, and switch."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import console, emit_json, runtime, say

app = typer.Typer(
    help="Roles under stress: during a season, one plans and one listens; then switch.",
    no_args_is_help=True,
)


@app.command("set")
def set_(
    ctx: typer.Context,
    season_id: Annotated[int, typer.Argument(metavar="SEASON", help="The season's id.")],
    first: Annotated[
        str, typer.Argument(metavar="ROLE", help="Your role to begin with, e.g. planner.")
    ],
    second: Annotated[str, typer.Argument(metavar="ROLE", help="Their role, e.g. listener.")],
    every: Annotated[
        int | None, typer.Option(metavar="DAYS", min=1, help="Switch every so many days.")
    ] = None,
    other: Annotated[
        str | None, typer.Option("--with", metavar="NAME", help="Who shares the roles.")
    ] = None,
) -> None:
    """Share two roles with someone during a season; they switch by themselves or by hand."""
    from reciprocity.agenda import holders_words
    from reciprocity.coach import messages
    from reciprocity.coach import practices as words
    from reciprocity.errors import InputError, NotFoundError
    from reciprocity.model import RoleRotation, Season
    from reciprocity.model.person import find_person

    state = runtime(ctx)
    with state.database().transaction() as session:
        season = session.get(Season, season_id)
        if season is None:
            raise NotFoundError(messages.SEASON_UNKNOWN.format(id=season_id))
        if other is not None:
            someone = find_person(session, other)
        elif season.person is not None:
            someone = season.person
        else:
            raise InputError(words.ROLES_NEED_PERSON.format(id=season_id))
        start = max(season.start, state.today)
        rotation = RoleRotation(
            season=season, person=someone, roles=[first, second], start=start, every_days=every
        )
        session.add(rotation)
        session.flush()
        say(
            words.ROLES_SET.format(season=season.id, holders=holders_words(rotation.holders(start)))
        )


@app.command("switch")
def switch(
    ctx: typer.Context,
    rotation_id: Annotated[
        int, typer.Argument(metavar="ID", help="The rotation's id (see 'roles list').")
    ],
) -> None:
    """Switch roles now."""
    from reciprocity.agenda import holders_words
    from reciprocity.coach import practices as words
    from reciprocity.model.role import find_rotation

    state = runtime(ctx)
    with state.database().transaction() as session:
        rotation = find_rotation(session, rotation_id)
        rotation.shift += 1
        say(words.ROLES_SWITCHED.format(holders=holders_words(rotation.holders(state.today))))


@app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Role rotations, with who holds which role today."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.agenda import holders_words
    from reciprocity.coach import practices as words
    from reciprocity.model.role import all_rotations

    state = runtime(ctx)
    with state.database().transaction() as session:
        rows = [
            {"id": r.id, **r.as_dict(), "today": r.holders(state.today)}
            for r in all_rotations(session)
        ]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_ROLES)
        return
    table = Table("Id", "Season", "With", "Today", "Switches")
    for row in rows:
        every = row["every_days"]
        table.add_row(
            str(row["id"]),
            str(row["season"]),
            escape(row["person"]),
            escape(holders_words(row["today"])),
            "by hand" if every is None else f"every {every} days",
        )
    console().print(table)
