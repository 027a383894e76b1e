"""``reciprocity boundary``: boundaries as specific requests, reviewed over time."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words
from reciprocity.vocabulary import BoundaryArea, BoundaryStatus

app = typer.Typer(
    help="Boundaries: specific requests about time, energy, emotional labour or topics.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    whose: Annotated[
        str, typer.Argument(metavar="PERSON|me", help="Who it is with, or 'me' for your own limit.")
    ],
    area: Annotated[BoundaryArea, typer.Argument(help="What it protects.")],
    request: Annotated[str, typer.Argument(help="The request, in specific words.")],
    review: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="When to look at it again (default: in six weeks)."),
    ] = None,
    on: Annotated[str, typer.Option(metavar="DATE", help="Since when (default: today).")] = "today",
    note: Annotated[str, typer.Option(help="A few words for yourself.")] = "",
) -> None:
    """Add a boundary, worded as a request; the wording gets a gentle check."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import boundaries

    state = runtime(ctx)
    since = parse_date(on, today=state.today)
    review_on = None if review is None else parse_date(review, today=state.today, allow_future=True)
    boundary = boundaries.add(
        state.database(), whose, area, request, since=since, review_on=review_on, note=note
    )
    say(
        words.BOUNDARY_ADDED.format(
            id=boundary.id,
            area=area.value,
            whose=words.YOUR_OWN if boundary.person is None else boundary.person.name,
            review=day_words(boundary.review_on) if boundary.review_on else "-",
        )
    )
    _wording(boundary.request)


def _wording(request: str) -> None:
    """The gentle check of a request's words, said the same way after adding or renegotiating."""
    from reciprocity.coach import practices as words
    from reciprocity.services import boundaries

    checked = boundaries.wording(request)
    if checked.offer is not None:
        say(checked.offer.note())
    elif checked.vague:
        say(words.BOUNDARY_SPECIFIC)


@app.command("list")
def list_(
    ctx: typer.Context,
    everything: Annotated[bool, typer.Option("--all", help="Include retired ones.")] = False,
    json: JsonFlag = False,
) -> None:
    """Your boundaries, with where each stands and when to review it."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.services import boundaries, shapes

    found = boundaries.everyone(runtime(ctx).database(), retired=everything)
    rows = [shapes.boundary(b) for b in found]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_BOUNDARIES)
        return
    table = Table("Id", "With", "Area", "Request", "Status", "Review")
    for row in rows:
        table.add_row(
            str(row["id"]),
            words.YOUR_OWN if row["whose"] == "me" else escape(row["whose"]),
            words.BOUNDARY_AREA_WORDS[row["area"]],
            escape(row["request"]),
            words.BOUNDARY_STATUS_WORDS[row["status"]],
            day_words(row["review_on"]) if row["review_on"] else "-",
        )
    console().print(table)


@app.command("review")
def review(
    ctx: typer.Context,
    boundary_id: Annotated[int, typer.Argument(metavar="ID", help="The boundary's id.")],
    status: Annotated[BoundaryStatus, typer.Argument(help="Where it stands now.")],
    request: Annotated[
        str | None, typer.Option(help="The renegotiated request, in specific words.")
    ] = None,
    next_review: Annotated[
        str | None, typer.Option("--next", metavar="DATE", help="When to look again.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="A few words about how it went.")] = None,
) -> None:
    """Review a boundary: respected, renegotiated (with new words), retired, or still active."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import boundaries

    state = runtime(ctx)
    boundary = boundaries.review(
        state.database(),
        boundary_id,
        status,
        today=state.today,
        request=request,
        next_review=None
        if next_review is None
        else parse_date(next_review, today=state.today, allow_future=True),
        note=note,
    )
    again = (
        ""
        if boundary.review_on is None
        else words.BOUNDARY_NEXT_REVIEW.format(day=day_words(boundary.review_on))
    )
    say(words.BOUNDARY_REVIEWED.format(id=boundary.id, status=status.value, review=again))
    if request is not None:
        checked = boundaries.wording(boundary.request)
        if checked.offer is not None:
            say(checked.offer.note())


BoundaryId = Annotated[int, typer.Argument(metavar="ID", help="The boundary's id.")]


@app.command("edit")
def edit(
    ctx: typer.Context,
    boundary_id: BoundaryId,
    area: Annotated[BoundaryArea | None, typer.Option(help="What it is about.")] = None,
    request: Annotated[str | None, typer.Option(help="The request, in other words.")] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Since when.")] = None,
    review: Annotated[
        str | None, typer.Option(metavar="DATE", help="When to look again ('none': not planned).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Replace the note.")] = None,
) -> None:
    """Fix what was written about a boundary (to say where one stands, use 'boundary review')."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import boundaries
    from reciprocity.services.keep import KEEP

    state = runtime(ctx)
    no_review = review is not None and review.strip().lower() == "none"
    changes = boundaries.BoundaryChanges(
        area=KEEP if area is None else area,
        request=KEEP if request is None else request,
        since=KEEP if since is None else parse_date(since, today=state.today),
        review_on=KEEP
        if review is None
        else (None if no_review else parse_date(review, today=state.today, allow_future=True)),
        note=KEEP if note is None else note,
    )
    boundary = boundaries.edit(state.database(), boundary_id, changes)
    say(words.BOUNDARY_CHANGED.format(id=boundary.id))
    if request is not None:
        _wording(boundary.request)


@app.command("remove")
def remove(
    ctx: typer.Context,
    boundary_id: BoundaryId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a boundary (a copy of everything is kept first; 'review … retired' keeps it)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.coach import practices as words
    from reciprocity.services import boundaries

    database = runtime(ctx).database()
    boundary = boundaries.get(database, boundary_id)
    whose = words.YOUR_OWN if boundary.person is None else boundary.person.name
    what = words.BOUNDARY_LABEL.format(id=boundary.id, whose=whose, request=boundary.request)
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = boundaries.remove(database, boundary_id)
    say(removed_words(what, copy))
