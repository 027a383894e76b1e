"""``reciprocity people``: the people in your life and how each of you shows care."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import counts_words, day_words, style_list
from reciprocity.vocabulary import CareStyle, RelationshipKind

if TYPE_CHECKING:
    from reciprocity.services.contacts import Candidate, Preview
    from reciprocity.services.people import BroughtIn

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
            style_list(row["their_care"]) or "-",
            style_list(row["my_care"]) or "-",
            str(row["moments"]),
            day_words(row["last_moment"]) if row["last_moment"] else "-",
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
        if not typer.confirm(people_words.REMOVE_CONFIRM.format(**counts_words(asdict(going)))):
            say(people_words.NOTHING_CHANGED)
            return
    gone, copy = people.remove(database, name)
    said = people_words.PERSON_REMOVED.format(**counts_words(asdict(gone)))
    say(
        said
        if copy is None
        else f"{said} {people_words.COPY_KEPT.format(path=copy, name=copy.name)}"
    )


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE.vcf", help="A contacts file (vCard) from an address book."),
    ],
    everyone: Annotated[bool, typer.Option("--all", help="Bring in everyone in the file.")] = False,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", metavar="NAME", help="Bring in only this person (repeatable)."),
    ] = None,
    json: JsonFlag = False,
) -> None:
    """Bring people in from your contacts (a .vcf file): names, birthdays, dates and notes.

    Someone already in your list (the same name) is never added twice; only what they
    lack is filled in. Phone numbers and addresses are not kept.
    """
    import sys

    from reciprocity.coach import people as people_words
    from reciprocity.errors import InputError
    from reciprocity.services import contacts, shapes

    if everyone and only:
        raise InputError(people_words.CONTACTS_BOTH_CHOICES)
    state = runtime(ctx)
    database = state.database()
    found = contacts.preview(database, file)
    if not found.candidates:
        if found.skipped:
            first = found.skipped[0]
            raise InputError(
                people_words.CONTACTS_NONE_BECAUSE.format(
                    file=found.file, line=first.line, reason=first.reason
                )
            )
        raise InputError(people_words.CONTACTS_NONE.format(file=found.file))
    if everyone:
        chosen = found.candidates
    elif only:
        chosen = contacts.chosen(found, only)
    elif sys.stdin.isatty() and not json:
        chosen = _ask_who(found)
        if not chosen:
            say(people_words.NOTHING_CHANGED)
            return
    else:
        names = [
            c.name if not c.present else f"{c.name} ({people_words.CONTACT_PRESENT})"
            for c in found.candidates
        ]
        raise InputError(
            people_words.CONTACTS_CHOOSE_CLI.format(
                file=found.file, count=len(names), names=", ".join(names)
            )
        )
    brought = contacts.bring_in(database, chosen, today=state.today)
    if json:
        emit_json(shapes.contacts_import(found, brought))
        return
    _say_brought(found, brought)


def _ask_who(found: Preview) -> list[Candidate]:
    """Show who is in the file, numbered, and ask who to bring in (new ones by default)."""
    from reciprocity.coach import people as people_words

    for number, candidate in enumerate(found.candidates, start=1):
        status = people_words.CONTACT_PRESENT if candidate.present else people_words.CONTACT_NEW
        details = _details(candidate)
        say(
            people_words.CONTACT_LINE_CLI.format(
                number=number,
                name=candidate.name,
                status=status,
                details=f": {details}" if details else "",
            )
        )
    while True:
        answer = typer.prompt(people_words.CONTACTS_ASK, default="new")
        picked = _picked(answer, found)
        if picked is not None:
            return picked
        say(people_words.CONTACTS_ASK_AGAIN.format(answer=answer))


def _picked(answer: str, found: Preview) -> list[Candidate] | None:
    """The candidates an answer names: ``new``, ``all``, ``none``, or numbers and ranges."""
    text = answer.strip().lower()
    if text in ("new", ""):
        return found.new
    if text == "all":
        return list(found.candidates)
    if text in ("none", "-"):
        return []
    numbers: list[int] = []
    for part in text.replace(",", " ").split():
        low, dash, high = part.partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            return None
        numbers += range(int(low), int(high if dash else low) + 1)
    if not numbers or not all(1 <= n <= len(found.candidates) for n in numbers):
        return None
    return [found.candidates[n - 1] for n in dict.fromkeys(numbers)]


def _details(candidate: Candidate) -> str:
    """``birthday 15 March, 2 dates to remember, a note``: what would come with someone."""
    from reciprocity.coach import people as people_words

    contact, born = candidate.contact, candidate.contact.birthday
    return people_words.contact_details(
        None if born is None else (born.month, born.day, born.year),
        len(contact.dates),
        bool(contact.note),
    )


def _say_brought(found: Preview, brought: BroughtIn) -> None:
    from reciprocity.coach import people as people_words

    if brought.added:
        names = ", ".join(brought.added)
        say(people_words.CONTACTS_ADDED.format(names=names))
    if brought.filled:
        say(people_words.CONTACTS_FILLED.format(names=", ".join(brought.filled)))
    if brought.unchanged:
        say(people_words.CONTACTS_UNCHANGED.format(names=", ".join(brought.unchanged)))
    if brought.dates:
        say(people_words.CONTACTS_DATES.format(count=brought.dates))
    if found.skipped:
        say(people_words.CONTACTS_SKIPPED.format(file=found.file))
        for item in found.skipped:
            say(people_words.CONTACTS_SKIPPED_LINE.format(line=item.line, reason=item.reason))
    say(people_words.CONTACTS_ONLY_KEPT)
