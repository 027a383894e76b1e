"""``reciprocity people``: the people in your life and how each of you shows care."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.vocabulary import CareStyle, RelationshipKind

app = typer.Typer(
    help="The people in your life, and how each of you shows care.", no_args_is_help=True
)

MyCare = Annotated[
    list[CareStyle] | None,
    typer.Option("--my-care", help="How you show care to them (repeatable)."),
]
TheirCare = Annotated[
    list[CareStyle] | None,
    typer.Option("--their-care", help="How they show care to you (repeatable)."),
]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Their name, as you call them.")],
    kind: Annotated[
        RelationshipKind, typer.Option(help="The kind of relationship.")
    ] = RelationshipKind.FRIEND,
    birthday: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Their birthday; the year may be left out ('15 March')."),
    ] = None,
    my_care: MyCare = None,
    their_care: TheirCare = None,
    note: Annotated[str, typer.Option(help="Anything you want to remember.")] = "",
) -> None:
    """Add someone close to you."""
    from reciprocity.coach import people as people_words
    from reciprocity.dates import parse_birthday
    from reciprocity.services import people

    state = runtime(ctx)
    born = parse_birthday(birthday, today=state.today) if birthday else None
    person = people.add(
        state.database(),
        name,
        kind=kind,
        birthday=born,
        my_care=my_care or [],
        their_care=their_care or [],
        note=note,
    )
    say(people_words.PERSON_ADDED.format(name=person.name))


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Everyone in your list, with what is recorded about each."""
    from rich.table import Table

    from reciprocity.coach import people as people_words
    from reciprocity.services import people, shapes

    rows = [shapes.person(row) for row in people.rows(runtime(ctx).database())]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(people_words.NO_PEOPLE)
        return
    table = Table("Name", "Kind", "Their care", "Your care", "Moments", "Last noted")
    for row in rows:
        table.add_row(
            row["name"],
            row["kind"],
            ", ".join(row["their_care"]) or "-",
            ", ".join(row["my_care"]) or "-",
            str(row["moments"]),
            row["last_moment"] or "-",
        )
    console().print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whose page to show.")],
    json: JsonFlag = False,
) -> None:
    """One person: care styles, seasons, recent moments and audit ratings."""
    from reciprocity.cli import render
    from reciprocity.services import people, shapes

    data = shapes.person_detail(people.detail(runtime(ctx).database(), name))
    if json:
        emit_json(data)
    else:
        render.print_person_page(data)


@app.command("edit")
def edit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whose details to change.")],
    new_name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    kind: Annotated[RelationshipKind | None, typer.Option(help="The kind of relationship.")] = None,
    birthday: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Their birthday, with or without the year ('none' clears it)."
        ),
    ] = None,
    my_care: MyCare = None,
    their_care: TheirCare = None,
    note: Annotated[str | None, typer.Option(help="Replace the note.")] = None,
) -> None:
    """Change someone's details. Options you leave out stay as they are."""
    from reciprocity.coach import people as people_words
    from reciprocity.dates import parse_birthday
    from reciprocity.services import people

    state = runtime(ctx)
    clear = birthday is not None and birthday.lower() == "none"
    changes = people.Changes(
        name=new_name,
        kind=kind,
        birthday=parse_birthday(birthday, today=state.today) if birthday and not clear else None,
        clear_birthday=clear,
        my_care=my_care,
        their_care=their_care,
        note=note,
    )
    person = people.edit(state.database(), name, changes)
    say(people_words.PERSON_UPDATED.format(name=person.name))


@app.command("remove")
def remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who to remove, with everything kept about them.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove someone and everything kept about them: moments, seasons, audit entries."""
    import sys
    from dataclasses import asdict

    from reciprocity.coach import people as people_words
    from reciprocity.errors import InputError
    from reciprocity.services import people

    database = runtime(ctx).database()
    if not yes:
        going = people.removal(database, name)
        if not sys.stdin.isatty():
            raise InputError(people_words.REMOVE_NEEDS_YES.format(name=going.name))
        if not typer.confirm(people_words.REMOVE_CONFIRM.format(**asdict(going))):
            say(people_words.NOTHING_CHANGED)
            return
    gone, copy = people.remove(database, name)
    said = people_words.PERSON_REMOVED.format(**asdict(gone))
    say(said if copy is None else f"{said} {people_words.COPY_KEPT.format(path=copy, name=copy.name)}")
