"""``reciprocity roles``: during a hard season, share roles such as planner and listener, and switch."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say

app = typer.Typer(
    help="Roles under stress: during a season, one plans and one listens; then switch.",
    no_args_is_help=True,
)

RotationId = Annotated[
    int, typer.Argument(metavar="ID", help="The rotation's id (see 'roles list').")
]


@app.command("set")
def set_(
    ctx: typer.Context,
    season_id: Annotated[int, typer.Argument(metavar="SEASON", help="The season's id.")],
    first: Annotated[
        str, typer.Argument(metavar="ROLE", help="Your role to begin with, e.g. planner.")
    ],
    second: Annotated[str, typer.Argument(metavar="ROLE", help="Their role, e.g. listener.")],
    every: Annotated[
        int | None, typer.Option(metavar="DAYS", help="Switch every so many days (1 to 365).")
    ] = None,
    other: Annotated[
        str | None, typer.Option("--with", metavar="NAME", help="Who shares the roles.")
    ] = None,
) -> None:
    """Share two roles with someone during a season; they switch by themselves or by hand."""
    from reciprocity.coach import practices as words
    from reciprocity.services import roles

    state = runtime(ctx)
    rotation = roles.share(
        state.database(),
        season_id,
        first,
        second,
        today=state.today,
        every_days=every,
        with_whom=other,
    )
    holders = words.holders_words(rotation.holders(rotation.start))
    say(words.ROLES_SET.format(season=rotation.season_id, holders=holders))


@app.command("switch")
def switch(ctx: typer.Context, rotation_id: RotationId) -> None:
    """Switch roles now."""
    from reciprocity.coach import practices as words
    from reciprocity.services import roles

    state = runtime(ctx)
    rotation = roles.switch(state.database(), rotation_id)
    say(words.ROLES_SWITCHED.format(holders=words.holders_words(rotation.holders(state.today))))


@app.command("stop")
def stop(ctx: typer.Context, rotation_id: RotationId) -> None:
    """Stop sharing these roles; the season itself goes on."""
    from reciprocity.coach import practices as words
    from reciprocity.services import roles

    stopped = roles.stop(runtime(ctx).database(), rotation_id)
    say(words.ROLES_STOPPED.format(name=stopped.name, season=stopped.season_id))


@app.command("list")
def list_(
    ctx: typer.Context,
    json: JsonFlag = False,
) -> None:
    """Role rotations, with who holds which role today."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.services import roles, shapes

    state = runtime(ctx)
    rows = [shapes.rotation(r, state.today) for r in roles.everyone(state.database())]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_ROLES)
        return
    table = Table("Id", "Season", "With", "Today", "Switches")
    for row in rows:
        table.add_row(
            str(row["id"]),
            str(row["season"]),
            escape(str(row["person"])),
            escape(str(row["holders_words"])),
            escape(str(row["switch_words"])),
        )
    console().print(table)
