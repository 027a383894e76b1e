"""``reciprocity ritual``: shared habits with a rhythm, and who hosts next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words

if TYPE_CHECKING:
    from datetime import date

app = typer.Typer(
    help="Rituals: a weekly call, a monthly coffee, alternating hosts; kept, skipped or moved.",
    no_args_is_help=True,
)

RitualId = Annotated[int, typer.Argument(metavar="ID", help="The ritual's id (see 'ritual list').")]
Every = Annotated[
    str | None,
    typer.Option(
        "--every",
        metavar="week|2 weeks|month|year",
        help="How often: week, 2 weeks, month or year (or '3 weeks', '2 months' …).",
    ),
]
On = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="DAY",
        help="Which day: a weekday (sunday) for weeks; 'first saturday', 'last friday' or a "
        "date (15) for months. Without it, it repeats on the first day's weekday or date.",
    ),
]


@app.command("add")
def add(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who the ritual is with.")],
    title: Annotated[str, typer.Argument(help="What it is, e.g. 'Sunday call'.")],
    every: Every = None,
    on: On = None,
    rule: Annotated[
        str | None,
        typer.Option(
            "--rule",
            metavar="RRULE",
            help="Instead of --every: an RFC 5545 rule (FREQ=WEEKLY;BYDAY=SU) or weekly, "
            "fortnightly, monthly, 'every sunday', 'monthly on the first saturday'.",
        ),
    ] = None,
    start: Annotated[
        str, typer.Option("--from", metavar="DATE", help="The first day (default: today).")
    ] = "today",
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="The last day, if it ends.")
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", metavar="HH:MM", help="Time of day, for the calendar.")
    ] = None,
    zone: Annotated[
        str | None,
        typer.Option("--tz", metavar="ZONE", help="Time zone of --at, e.g. Europe/London."),
    ] = None,
    also: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="NAME", help="Someone else who shares it (repeatable)."),
    ] = None,
    first: Annotated[
        str | None,
        typer.Option("--first", metavar="NAME|me", help="Who hosts first (default: you)."),
    ] = None,
    rotate: Annotated[
        bool, typer.Option("--rotate/--no-rotate", help="Take turns hosting or starting it.")
    ] = True,
    note: Annotated[str, typer.Option(help="A few words about it.")] = "",
) -> None:
    """Add a ritual with a cadence; hosting rotates between you and them."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.errors import InputError
    from reciprocity.practices.recurrence import parse_time
    from reciprocity.services import rituals

    state = runtime(ctx)
    first_day = parse_date(start, today=state.today, allow_future=True)
    last_day = None if until is None else parse_date(until, today=state.today, allow_future=True)
    time_of_day = None if at is None else parse_time(at)
    if zone is not None and time_of_day is None:
        raise InputError(words.ZONE_NEEDS_TIME_CLI)
    chosen = _rule(rule, every, on)
    added = rituals.add(
        state.database(),
        person,
        title=title,
        rule=chosen,
        start=first_day,
        end=last_day,
        at=time_of_day,
        zone=zone,
        others=also or [],
        first=first,
        rotates=rotate,
        note=note,
    )
    ritual = added.ritual
    names = [p.name for p in ritual.people]
    say(words.ritual_added(ritual.id, ritual.title, names, ritual.rule, first_day))
    if added.next_day is not None:
        line = words.RITUAL_NEXT_ON.format(day=day_words(added.next_day))
        said = words.host_sentence(ritual.next_host)
        say(f"{line} {said}" if said else line)


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Every ritual: its cadence, what is next, who hosts next, and how well it is kept."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.services import rituals, shapes

    state = runtime(ctx)
    rows: list[dict[str, Any]] = [
        shapes.ritual(r, state.today) for r in rituals.everyone(state.database())
    ]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_RITUALS)
        return
    table = Table("Id", "Ritual", "With", "Cadence", "Next", "Hosts next", "Kept")
    for row in rows:
        host = row["hosts_next"]
        next_day = row["waiting"] or row["upcoming"]
        table.add_row(
            str(row["id"]),
            escape(row["title"]),
            escape(", ".join(row["people"])),
            escape(row["cadence"]),
            day_words(next_day) if next_day else "-",
            "-" if host is None else ("you" if host == "me" else escape(host)),
            row["kept_words"],
        )
    console().print(table)


@app.command("done")
def done(
    ctx: typer.Context,
    ritual_id: RitualId,
    on: Annotated[
        str, typer.Option(metavar="DATE", help="When it happened (default: today).")
    ] = "today",
    planned: Annotated[
        str | None,
        typer.Option(
            "--for", metavar="DATE", help="Which planned day it was (default: the latest open one)."
        ),
    ] = None,
    host: Annotated[
        str | None,
        typer.Option("--host", metavar="NAME|me", help="Who hosted, if not who was next."),
    ] = None,
    note: Annotated[str, typer.Option(help="A few words about it.")] = "",
) -> None:
    """Mark a ritual as done; hosting moves on to the next person."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import rituals

    state = runtime(ctx)
    day = parse_date(on, today=state.today)
    marked = rituals.done(
        state.database(),
        ritual_id,
        on=day,
        planned=_planned(planned, state.today),
        host=host,
        note=note,
    )
    ritual = marked.ritual
    say(words.ritual_done(ritual.title, day, marked.occurrence.due, ritual.next_host))


@app.command("skip")
def skip(
    ctx: typer.Context,
    ritual_id: RitualId,
    planned: Annotated[
        str | None,
        typer.Option(
            "--for", metavar="DATE", help="Which planned day (default: the latest open one)."
        ),
    ] = None,
    note: Annotated[str, typer.Option(help="A few words about why, if you like.")] = "",
) -> None:
    """Skip one occurrence by choice; whoever was to host still hosts next."""
    from reciprocity.coach import practices as words
    from reciprocity.services import rituals

    state = runtime(ctx)
    wanted = _planned(planned, state.today)
    marked = rituals.skip(state.database(), ritual_id, today=state.today, planned=wanted, note=note)
    due = day_words(marked.occurrence.due)
    say(words.RITUAL_SKIPPED.format(title=marked.ritual.title, due=due))


@app.command("move")
def move(
    ctx: typer.Context,
    ritual_id: RitualId,
    to: Annotated[str, typer.Argument(metavar="DATE", help="The day it moves to.")],
    planned: Annotated[
        str | None,
        typer.Option(
            "--for", metavar="DATE", help="Which planned day (default: the next open one)."
        ),
    ] = None,
) -> None:
    """Move one occurrence to another day."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import rituals

    state = runtime(ctx)
    day = parse_date(to, today=state.today, allow_future=True)
    wanted = _planned(planned, state.today)
    marked = rituals.move(state.database(), ritual_id, today=state.today, to=day, planned=wanted)
    due = day_words(marked.occurrence.due)
    say(words.RITUAL_MOVED.format(title=marked.ritual.title, due=due, to=day_words(day)))


@app.command("end")
def end(
    ctx: typer.Context,
    ritual_id: RitualId,
    on: Annotated[
        str, typer.Option(metavar="DATE", help="The last day (default: today).")
    ] = "today",
) -> None:
    """Let a ritual end; its history is kept."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.services import rituals

    state = runtime(ctx)
    day = parse_date(on, today=state.today, allow_future=True)
    ritual = rituals.end(state.database(), ritual_id, on=day)
    say(words.RITUAL_ENDED.format(id=ritual.id, title=ritual.title, end=day_words(day)))


def _rule(rule: str | None, every: str | None, on: str | None) -> str:
    """The cadence asked for with --rule, or with --every and --on (as the pages and the API)."""
    from reciprocity.coach import practices as words
    from reciprocity.errors import CadenceError, InputError
    from reciprocity.services import rituals

    try:
        return rituals.cadence(rule=rule, every=every, on=on)
    except CadenceError as error:
        said = {
            "missing": words.CADENCE_NEEDED_CLI,
            "twice": words.CADENCE_TWICE_CLI,
            "on-alone": words.ON_NEEDS_EVERY_CLI,
        }
        raise InputError(said.get(error.problem, str(error))) from None


def _planned(planned: str | None, today: date) -> date | None:
    from reciprocity.dates import parse_date

    return None if planned is None else parse_date(planned, today=today, allow_future=True)


@app.command("edit")
def edit(
    ctx: typer.Context,
    ritual_id: RitualId,
    title: Annotated[str | None, typer.Option(help="What it is.")] = None,
    every: Every = None,
    on: On = None,
    rule: Annotated[
        str | None, typer.Option("--rule", metavar="RRULE", help="Instead of --every: a rule.")
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="The first day.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="The last day ('none': no end).")
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", metavar="HH:MM", help="Time of day ('none': no time).")
    ] = None,
    zone: Annotated[
        str | None, typer.Option("--tz", metavar="ZONE", help="Time zone of --at.")
    ] = None,
    rotate: Annotated[
        bool | None, typer.Option("--rotate/--no-rotate", help="Take turns hosting or starting it.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Replace the note.")] = None,
) -> None:
    """Change a ritual's details; what became of each occurrence is kept."""
    from reciprocity.coach import practices as words
    from reciprocity.dates import parse_date
    from reciprocity.practices.recurrence import parse_time
    from reciprocity.services import rituals
    from reciprocity.services.keep import KEEP

    state = runtime(ctx)

    def day(value: str) -> date | None:
        if value.strip().lower() == "none":
            return None
        return parse_date(value, today=state.today, allow_future=True)

    chosen = None if rule is None and every is None and on is None else _rule(rule, every, on)
    changes = rituals.RitualChanges(
        title=KEEP if title is None else title,
        rule=KEEP if chosen is None else chosen,
        start=KEEP if start is None else parse_date(start, today=state.today, allow_future=True),
        end=KEEP if until is None else day(until),
        at=KEEP if at is None else (None if at.strip().lower() == "none" else parse_time(at)),
        zone=KEEP if zone is None else zone,
        rotates=KEEP if rotate is None else rotate,
        note=KEEP if note is None else note,
    )
    ritual = rituals.edit(state.database(), ritual_id, changes)
    say(words.RITUAL_CHANGED.format(id=ritual.id, title=ritual.title))


@app.command("remove")
def remove(
    ctx: typer.Context,
    ritual_id: RitualId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a ritual and its history (a copy is kept first; 'ritual end' lets one end instead)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.coach import practices as words
    from reciprocity.services import rituals

    database = runtime(ctx).database()
    ritual = rituals.get(database, ritual_id)
    names = [p.name for p in ritual.people]
    what = words.RITUAL_LABEL.format(id=ritual.id, ritual=words.ritual_named(ritual.title, names))
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = rituals.remove(database, ritual_id)
    say(removed_words(what, copy))
