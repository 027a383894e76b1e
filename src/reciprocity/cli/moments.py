"""``reciprocity log``: jot down a moment in a few seconds; ``reciprocity moment``: find, change, remove."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words, dimension_title
from reciprocity.vocabulary import CareStyle, Dimension, Giver


def log(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who the moment was with.")],
    text: Annotated[str, typer.Argument(help="What happened, in a few words.")],
    by: Annotated[Giver, typer.Option(help="Who reached out or gave.")] = Giver.ME,
    dim: Annotated[
        list[Dimension] | None,
        typer.Option(
            "--dim",
            help="Which dimension it speaks to (repeatable); left out, a terminal asks.",
        ),
    ] = None,
    no_dims: Annotated[
        bool, typer.Option("--no-dims", help="It speaks to no dimension (nothing is asked).")
    ] = False,
    style: Annotated[CareStyle | None, typer.Option(help="The style of care.")] = None,
    energy: Annotated[
        int | None,
        typer.Option(help="How it left you: -2 drained … 2 nourished.", min=-2, max=2),
    ] = None,
    on: Annotated[str, typer.Option(metavar="DATE", help="When (default: today).")] = "today",
) -> None:
    """Note a moment: who reached out or gave, what it speaks to, and how it left you.

    Without --dim or --no-dims, a terminal asks what it speaks to, offering the
    dimensions its words point to; a script is never kept waiting: the moment is
    saved, and a line says which dimension the words suggest and how to add it.
    """
    import sys

    from reciprocity.coach import people as people_words
    from reciprocity.coach.suggestions import SAFETY_NOTE
    from reciprocity.dates import parse_date
    from reciprocity.errors import InputError
    from reciprocity.services import moments

    state = runtime(ctx)
    if dim and no_dims:
        raise InputError(people_words.DIMS_OR_NONE)
    day = parse_date(on, today=state.today)
    database = state.database()
    chosen = list(dim or [])
    asked = not chosen and not no_dims and sys.stdin.isatty()
    if asked:
        chosen = _ask_dimensions(moments.suggestion(database, person, text))
    noted = moments.note(
        database, person, text, on=day, by=by, dimensions=chosen, style=style, energy=energy
    )
    say(people_words.MOMENT_LOGGED.format(name=noted.name, on=day_words(noted.moment.on)))
    if noted.suggested and not (no_dims or asked):
        say(
            people_words.DIMS_LATER.format(
                names=people_words.dimension_names(list(noted.suggested)),
                id=noted.moment.id,
                dims=" ".join(f"--dim {d.value}" for d in noted.suggested),
            )
        )
    if noted.safety:
        say(SAFETY_NOTE.format(name=noted.name))


def _ask_dimensions(suggested: list[Dimension]) -> list[Dimension]:
    """What the moment speaks to, asked on a terminal; Enter accepts ``suggested``."""
    from reciprocity.coach import people as people_words
    from reciprocity.coach.audit import GUIDES

    say(people_words.DIMS_QUESTION)
    for dimension in Dimension:
        say(people_words.DIMS_CHOICE.format(key=dimension.value, summary=GUIDES[dimension].summary))
    if suggested:
        say(people_words.DIMS_TERMINAL.format(names=people_words.dimension_names(suggested)))
    default = " ".join(d.value for d in suggested) or people_words.DIMS_NONE
    while True:
        # The answer is text, read as typed (value_proc): no pydantic while the question waits.
        answer = typer.prompt(people_words.DIMS_PROMPT, default=default, value_proc=str)
        try:
            return _dimensions_from(answer)
        except ValueError as unknown:
            choices = ", ".join(d.value for d in Dimension)
            say(people_words.DIMS_NOT_ONE.format(value=str(unknown), choices=choices))


def _dimensions_from(answer: str) -> list[Dimension]:
    """ "depth maintenance", "Depth, crisis", "none", "-": the dimensions typed, in order, once each.

    A word that is no dimension raises ``ValueError`` with that word."""
    from reciprocity.coach import people as people_words

    plain = answer.lower().replace(",", " ")
    for dimension in Dimension:  # the name a page shows ("crisis response") reads too
        plain = plain.replace(people_words.dimension_names([dimension]), dimension.value)
    words = plain.split()
    if not words or words in ([people_words.DIMS_NONE], ["-"]):
        return []
    found: list[Dimension] = []
    for word in words:
        try:
            dimension = Dimension(word)
        except ValueError:
            raise ValueError(word) from None
        if dimension not in found:
            found.append(dimension)
    return found


app = typer.Typer(
    help="The moments you noted: find them, change one, or remove one.", no_args_is_help=True
)
MomentId = Annotated[int, typer.Argument(metavar="ID", help="The moment's id (see 'moment list').")]


@app.command("list")
def list_(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Argument(help="Only moments with this person.")] = None,
    search: Annotated[
        str, typer.Option("--search", metavar="TEXT", help="Only moments holding these words.")
    ] = "",
    dim: Annotated[
        Dimension | None, typer.Option("--dim", help="Only moments about this dimension.")
    ] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="From this day on.")] = None,
    until: Annotated[str | None, typer.Option(metavar="DATE", help="Up to this day.")] = None,
    limit: Annotated[
        int, typer.Option(metavar="N", help="At most this many, newest first.", min=1)
    ] = 50,
    json: JsonFlag = False,
) -> None:
    """Find moments: by person, words, dimension and days; newest first, with their ids."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import people as people_words
    from reciprocity.dates import parse_date
    from reciprocity.services import moments, shapes

    state = runtime(ctx)
    wanted = moments.Search(
        who=person,
        text=search,
        dimension=dim,
        since=None if since is None else parse_date(since, today=state.today),
        until=None if until is None else parse_date(until, today=state.today),
    )
    found = moments.search(state.database(), wanted, limit=limit)
    if json:
        emit_json([shapes.moment(m) for m in found.moments])
        return
    if not found.moments:
        say(people_words.NO_MOMENTS_FOUND)
        return
    table = Table("Id", "Day", "With", "By", "Note", "Dimensions")
    for m in found.moments:
        table.add_row(
            str(m.id),
            day_words(m.on),
            escape(m.person.name),
            escape(people_words.moment_by(m.by, m.person.name)),
            escape(m.text),
            ", ".join(dimension_title(d) for d in m.dimensions),
        )
    console().print(table)
    if found.more:
        say(people_words.MOMENTS_MORE.format(shown=len(found.moments), total=found.total))


@app.command("edit")
def edit(
    ctx: typer.Context,
    moment_id: MomentId,
    text: Annotated[str | None, typer.Option(help="New words for it.")] = None,
    by: Annotated[Giver | None, typer.Option(help="Who reached out or gave.")] = None,
    dim: Annotated[
        list[Dimension] | None,
        typer.Option("--dim", help="The dimensions it speaks to, replacing them (repeatable)."),
    ] = None,
    no_dims: Annotated[bool, typer.Option("--no-dims", help="It speaks to no dimension.")] = False,
    style: Annotated[str | None, typer.Option(help="The style of care ('none' clears it).")] = None,
    energy: Annotated[
        str | None, typer.Option(help="-2 drained … 2 nourished ('none' clears it).")
    ] = None,
    on: Annotated[str | None, typer.Option(metavar="DATE", help="Another day.")] = None,
) -> None:
    """Change a moment: only what you name changes."""
    from reciprocity.coach import people as people_words
    from reciprocity.coach.suggestions import SAFETY_NOTE
    from reciprocity.dates import parse_date
    from reciprocity.errors import InputError
    from reciprocity.services import moments
    from reciprocity.services.keep import KEEP

    state = runtime(ctx)
    if dim and no_dims:
        raise InputError(people_words.DIMS_OR_NONE)
    changes = moments.MomentChanges(
        text=KEEP if text is None else text,
        on=KEEP if on is None else parse_date(on, today=state.today),
        by=KEEP if by is None else by,
        dimensions=[] if no_dims else (KEEP if dim is None else dim),
        style=KEEP if style is None else _style(style),
        energy=KEEP if energy is None else _energy(energy),
    )
    edited = moments.edit(state.database(), moment_id, changes)
    say(people_words.MOMENT_CHANGED.format(id=moment_id, name=edited.name))
    if edited.safety:
        say(SAFETY_NOTE.format(name=edited.name))


@app.command("remove")
def remove(
    ctx: typer.Context,
    moment_id: MomentId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a moment (a copy of everything is kept first)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.services import moments

    database = runtime(ctx).database()
    moment = moments.get(database, moment_id)
    what = people_words.MOMENT_LABEL.format(
        id=moment.id, name=moment.person.name, on=day_words(moment.on), text=moment.text
    )
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = moments.remove(database, moment_id)
    say(removed_words(what, copy))


def _style(value: str) -> CareStyle | None:
    from reciprocity.coach import people as people_words
    from reciprocity.errors import InputError

    if value.strip().lower() == "none":
        return None
    try:
        return CareStyle(value.strip().lower())
    except ValueError:
        choices = ", ".join(s.value for s in CareStyle)
        raise InputError(
            people_words.CHOICE_UNKNOWN.format(
                value=value, what="style", choices=f"{choices}, none"
            )
        ) from None


def _energy(value: str) -> int | None:
    from reciprocity.coach import people as people_words
    from reciprocity.errors import RangeError
    from reciprocity.vocabulary import ENERGY_MAX, ENERGY_MIN

    if value.strip().lower() == "none":
        return None
    try:
        number = int(value)
    except ValueError:
        raise RangeError(people_words.ENERGY_RANGE.format(value=value)) from None
    if not ENERGY_MIN <= number <= ENERGY_MAX:
        raise RangeError(people_words.ENERGY_RANGE.format(value=value))
    return number
