"""``reciprocity season``: mark a stretch when someone needs more."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import SEASON_KIND_WORDS, day_words
from reciprocity.vocabulary import SeasonKind

app = typer.Typer(
    help="Seasons: illness, grief, a move… when one side needing more is expected.",
    no_args_is_help=True,
)


@app.command("start")
def start(
    ctx: typer.Context,
    whose: Annotated[
        str, typer.Argument(metavar="PERSON|me", help="Whose season it is: a name, or 'me'.")
    ],
    kind: Annotated[SeasonKind, typer.Argument(help="What kind of season.")],
    on: Annotated[
        str, typer.Option(metavar="DATE", help="When it began (default: today).")
    ] = "today",
    note: Annotated[str, typer.Option(help="A few words about it.")] = "",
) -> None:
    """Start a season for someone, or for yourself."""
    from reciprocity.coach import people as people_words
    from reciprocity.dates import parse_date
    from reciprocity.services import seasons

    state = runtime(ctx)
    day = parse_date(on, today=state.today)
    season = seasons.start(state.database(), whose, kind, on=day, note=note)
    say(
        people_words.SEASON_STARTED.format(
            kind=SEASON_KIND_WORDS[kind],
            whose=_whose(season.whose),
            start=day_words(day),
            id=season.id,
        )
    )


@app.command("end")
def end(
    ctx: typer.Context,
    season_id: Annotated[
        int, typer.Argument(metavar="ID", help="The season's id (see 'season list').")
    ],
    on: Annotated[
        str, typer.Option(metavar="DATE", help="When it ended (default: today).")
    ] = "today",
) -> None:
    """End a season."""
    from reciprocity.coach import people as people_words
    from reciprocity.dates import parse_date
    from reciprocity.services import seasons

    state = runtime(ctx)
    day = parse_date(on, today=state.today)
    season = seasons.end(state.database(), season_id, on=day)
    say(
        people_words.SEASON_ENDED.format(
            id=season.id,
            kind=SEASON_KIND_WORDS[season.kind],
            whose=_whose(season.whose),
            end=day_words(day),
        )
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    json: JsonFlag = False,
) -> None:
    """All seasons, ongoing first."""
    from rich.table import Table

    from reciprocity.coach import people as people_words
    from reciprocity.services import seasons, shapes

    rows = [shapes.season(s) for s in seasons.everyone(runtime(ctx).database())]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(people_words.NO_SEASONS)
        return
    table = Table("Id", "Whose", "Kind", "From", "Until", "Note")
    for r in rows:
        table.add_row(
            str(r["id"]),
            _whose(r["whose"]),
            SEASON_KIND_WORDS[SeasonKind(r["kind"])],
            day_words(r["start"]),
            day_words(r["end"]) if r["end"] else people_words.SEASON_ONGOING,
            r["note"],
        )
    console().print(table)
    say(people_words.SEASON_EXPECTED)


@app.command("edit")
def edit(
    ctx: typer.Context,
    season_id: Annotated[
        int, typer.Argument(metavar="ID", help="The season's id (see 'season list').")
    ],
    kind: Annotated[SeasonKind | None, typer.Option(help="Another kind of season.")] = None,
    start: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="When it began.")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="DATE", help="When it ended ('ongoing' opens it again)."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Replace the note.")] = None,
) -> None:
    """Change a season: its kind, its days or its note. What you leave out stays."""
    from reciprocity.coach import people as people_words
    from reciprocity.dates import parse_date
    from reciprocity.services import seasons
    from reciprocity.services.keep import KEEP

    state = runtime(ctx)
    ongoing = until is not None and until.strip().lower() == "ongoing"
    changes = seasons.SeasonChanges(
        kind=KEEP if kind is None else kind,
        start=KEEP if start is None else parse_date(start, today=state.today),
        end=KEEP if until is None else (None if ongoing else parse_date(until, today=state.today)),
        note=KEEP if note is None else note,
    )
    season = seasons.edit(state.database(), season_id, changes)
    say(
        people_words.SEASON_CHANGED.format(
            id=season.id, kind=SEASON_KIND_WORDS[season.kind], whose=_whose(season.whose)
        )
    )


@app.command("remove")
def remove(
    ctx: typer.Context,
    season_id: Annotated[
        int, typer.Argument(metavar="ID", help="The season's id (see 'season list').")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a season, and roles shared during it (a copy of everything is kept first)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.services import seasons

    database = runtime(ctx).database()
    season = seasons.get(database, season_id)
    what = people_words.SEASON_LABEL.format(
        id=season.id,
        kind=SEASON_KIND_WORDS[season.kind],
        whose=_whose(season.whose),
        start=day_words(season.start),
    )
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = seasons.remove(database, season_id)
    say(removed_words(what, copy))


def _whose(whose: str) -> str:
    from reciprocity.coach import people as people_words

    return people_words.YOU if whose == "me" else whose
