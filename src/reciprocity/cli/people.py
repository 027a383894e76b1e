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
    birthday: Annotated[str | None, typer.Option(metavar="DATE", help="Their birthday.")] = None,
    my_care: MyCare = None,
    their_care: TheirCare = None,
    note: Annotated[str, typer.Option(help="Anything you want to remember.")] = "",
) -> None:
    """Add someone close to you."""
    from reciprocity.coach import messages
    from reciprocity.dates import parse_date
    from reciprocity.model.person import add_person

    state = runtime(ctx)
    born = parse_date(birthday, today=state.today) if birthday else None
    with state.database().transaction() as session:
        person = add_person(
            session,
            name,
            kind=kind,
            birthday=born,
            my_care=my_care or [],
            their_care=their_care or [],
            note=note,
        )
        say(messages.PERSON_ADDED.format(name=person.name))


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Everyone in your list, with what is recorded about each."""
    from rich.table import Table
    from sqlalchemy import func, select

    from reciprocity.coach import messages
    from reciprocity.model import Moment
    from reciprocity.model.person import all_people

    with runtime(ctx).database().transaction() as session:
        people = all_people(session)
        summary = session.execute(
            select(Moment.person_id, func.count(Moment.id), func.max(Moment.on)).group_by(
                Moment.person_id
            )
        ).all()
        counts = {person_id: count for person_id, count, _ in summary}
        stats = {person_id: last for person_id, _, last in summary}
        rows = [
            {
                **person.as_dict(),
                "moments": counts.get(person.id, 0),
                "last_moment": stats[person.id].isoformat() if person.id in stats else None,
            }
            for person in people
        ]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(messages.NO_PEOPLE)
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
    from reciprocity.model.person import find_person

    with runtime(ctx).database().transaction() as session:
        person = find_person(session, name)
        data = render.person_page(person)
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
        str | None, typer.Option(metavar="DATE", help="Their birthday ('none' clears it).")
    ] = None,
    my_care: MyCare = None,
    their_care: TheirCare = None,
    note: Annotated[str | None, typer.Option(help="Replace the note.")] = None,
) -> None:
    """Change someone's details. Options you leave out stay as they are."""
    from reciprocity.coach import messages
    from reciprocity.dates import parse_date
    from reciprocity.model.person import find_person, rename_person

    state = runtime(ctx)
    with state.database().transaction() as session:
        person = find_person(session, name)
        if new_name is not None:
            rename_person(session, person, new_name)
        if kind is not None:
            person.kind = kind
        if birthday is not None:
            person.birthday = (
                None if birthday.lower() == "none" else parse_date(birthday, today=state.today)
            )
        if my_care is not None:
            person.my_care = list(my_care)
        if their_care is not None:
            person.their_care = list(their_care)
        if note is not None:
            person.note = note
        say(messages.PERSON_UPDATED.format(name=person.name))


@app.command("remove")
def remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who to remove, with everything kept about them.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove someone and everything kept about them: moments, seasons, audit entries."""
    import sys

    from reciprocity.coach import messages
    from reciprocity.errors import InputError
    from reciprocity.model.person import find_person

    with runtime(ctx).database().transaction() as session:
        person = find_person(session, name)
        numbers = {
            "name": person.name,
            "moments": len(person.moments),
            "seasons": len(person.seasons),
            "ratings": len(person.audit_entries),
        }
        if not yes:
            if not sys.stdin.isatty():
                raise InputError(messages.REMOVE_NEEDS_YES.format(name=person.name))
            if not typer.confirm(messages.REMOVE_CONFIRM.format(**numbers)):
                say(messages.NOTHING_CHANGED)
                return
        session.delete(person)
        say(messages.PERSON_REMOVED.format(**numbers))
