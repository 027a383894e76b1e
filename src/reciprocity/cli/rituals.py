"""``reciprocity ritual``: shared habits with a rhythm, and who hosts next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity.cli.runtime import console, emit_json, runtime, say

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from reciprocity.model import Ritual

app = typer.Typer(
    help="Rituals: a weekly call, a monthly coffee, alternating hosts; kept, skipped or moved.",
    no_args_is_help=True,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
RitualId = Annotated[int, typer.Argument(metavar="ID", help="The ritual's id (see 'ritual list').")]


@app.command("add")
def add(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who the ritual is with.")],
    title: Annotated[str, typer.Argument(help="What it is, e.g. 'Sunday call'.")],
    rule: Annotated[
        str,
        typer.Option(
            "--rule",
            metavar="RRULE",
            help="The cadence: an RFC 5545 rule (FREQ=WEEKLY;BYDAY=SU) or weekly, fortnightly, "
            "monthly, 'every sunday', 'monthly on the first saturday'.",
        ),
    ],
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
    from reciprocity.model import Ritual, RitualMember
    from reciprocity.model.person import ME, find_person
    from reciprocity.practices.recurrence import parse_time

    state = runtime(ctx)
    first_day = parse_date(start, today=state.today, allow_future=True)
    last_day = None if until is None else parse_date(until, today=state.today, allow_future=True)
    time_of_day = None if at is None else parse_time(at)
    if zone is not None and time_of_day is None:
        raise InputError(words.ZONE_NEEDS_TIME)
    with state.database().transaction() as session:
        someone = find_person(session, person)
        others = [find_person(session, n) for n in (also or [])]
        ritual = Ritual(
            person=someone,
            title=title,
            rule=rule,
            start=first_day,
            end=last_day,
            at=time_of_day,
            zone=zone,
            rotates=rotate,
            note=note.strip(),
        )
        people = [None, someone, *[o for o in others if o is not someone]]
        unique = list(dict.fromkeys(people))
        for position, member in enumerate(unique):
            ritual.members.append(RitualMember(person=member, position=position))
        if first is not None:
            wanted = ME if first.strip().casefold() == ME else find_person(session, first).name
            if wanted not in ritual.rotation:
                raise InputError(
                    words.ROTATION_HOST_UNKNOWN.format(name=first, names=", ".join(ritual.rotation))
                )
            ritual.next_position = ritual.rotation.index(wanted)
        session.add(ritual)
        session.flush()
        upcoming = ritual.cadence.dates(first_day, first_day)
        next_day = upcoming[0] if upcoming else ritual.cadence.next_after(first_day)
        say(
            words.RITUAL_ADDED.format(
                id=ritual.id,
                title=ritual.title,
                names=" and ".join(p.name for p in ritual.people),
                cadence=cadence_words(ritual.rule),
                start=first_day.isoformat(),
            )
        )
        if next_day is not None:
            line = words.RITUAL_NEXT_ON.format(day=next_day.isoformat())
            host = _host(ritual)
            say(f"{line} {host[0].upper()}{host[1:]}." if host else line)


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Every ritual: its cadence, what is next, who hosts next, and how well it is kept."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.model.ritual import all_rituals
    from reciprocity.practices.schedule import standing

    state = runtime(ctx)
    with state.database().transaction() as session:
        rows: list[dict[str, Any]] = []
        for ritual in all_rituals(session):
            where = standing(ritual.cadence, ritual.records, state.today)
            rows.append(
                {
                    "id": ritual.id,
                    **ritual.as_dict(),
                    "people": [p.name for p in ritual.people],
                    "cadence": cadence_words(ritual.rule),
                    "hosts_next": ritual.next_host,
                    **where.as_dict(),
                }
            )
    if json:
        emit_json(rows)
        return
    if not rows:
        say(words.NO_RITUALS)
        return
    table = Table("Id", "Ritual", "With", "Cadence", "Next", "Hosts next", "Kept")
    for row in rows:
        host = row["hosts_next"]
        table.add_row(
            str(row["id"]),
            escape(row["title"]),
            escape(", ".join(row["people"])),
            escape(row["cadence"]),
            row["waiting"] or row["upcoming"] or "-",
            "-" if host is None else ("you" if host == "me" else escape(host)),
            kept_words(row["kept"]),
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
    from reciprocity.errors import InputError
    from reciprocity.model.person import ME, find_person
    from reciprocity.model.ritual import find_ritual
    from reciprocity.practices.schedule import rotate
    from reciprocity.vocabulary import OccurrenceStatus

    state = runtime(ctx)
    day = parse_date(on, today=state.today)
    wanted = _planned(planned, state.today)
    with state.database().transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = _target(session, ritual, day, wanted)
        hosted = ritual.next_host
        if host is not None:
            hosted = ME if host.strip().casefold() == ME else find_person(session, host).name
            if hosted not in ritual.rotation:
                raise InputError(
                    words.ROTATION_HOST_UNKNOWN.format(name=host, names=", ".join(ritual.rotation))
                )
        _mark(ritual, due, OccurrenceStatus.DONE, day, hosted, note)
        if ritual.rotates and hosted is not None and ritual.rotation:
            ritual.next_position = rotate(len(ritual.rotation), ritual.rotation.index(hosted))
        say(words.RITUAL_DONE.format(title=ritual.title, on=day.isoformat(), due=due.isoformat()))
        said = _host(ritual)
        if said:
            say(f"{said[0].upper()}{said[1:]}.")


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
    from reciprocity.model.ritual import find_ritual
    from reciprocity.vocabulary import OccurrenceStatus

    state = runtime(ctx)
    wanted = _planned(planned, state.today)
    with state.database().transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = _target(session, ritual, state.today, wanted)
        _mark(ritual, due, OccurrenceStatus.SKIPPED, None, None, note)
        say(words.RITUAL_SKIPPED.format(title=ritual.title, due=due.isoformat()))


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
    from reciprocity.model.ritual import find_ritual
    from reciprocity.vocabulary import OccurrenceStatus

    state = runtime(ctx)
    day = parse_date(to, today=state.today, allow_future=True)
    wanted = _planned(planned, state.today)
    with state.database().transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = _target(session, ritual, state.today, wanted)
        _mark(ritual, due, OccurrenceStatus.MOVED, day, None, "")
        say(words.RITUAL_MOVED.format(title=ritual.title, due=due.isoformat(), to=day.isoformat()))


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
    from reciprocity.model.ritual import find_ritual

    state = runtime(ctx)
    day = parse_date(on, today=state.today, allow_future=True)
    with state.database().transaction() as session:
        ritual = find_ritual(session, ritual_id)
        ritual.end = day
        say(words.RITUAL_ENDED.format(id=ritual.id, title=ritual.title, end=day.isoformat()))


def _planned(planned: str | None, today: date) -> date | None:
    from reciprocity.dates import parse_date

    return None if planned is None else parse_date(planned, today=today, allow_future=True)


def _target(session: Session, ritual: Ritual, day: date, wanted: date | None) -> date:
    from reciprocity.coach import practices as words
    from reciprocity.errors import ConflictError
    from reciprocity.practices.schedule import target

    due = target(ritual.cadence, ritual.records, day, wanted)
    if due is None:
        if wanted is not None:
            raise ConflictError(words.RITUAL_NOT_PLANNED.format(title=ritual.title, day=wanted))
        raise ConflictError(words.RITUAL_NOTHING_OPEN.format(title=ritual.title))
    return due


def _mark(
    ritual: Ritual,
    due: date,
    status: object,
    on: date | None,
    host: str | None,
    note: str,
) -> None:
    from reciprocity.model import Occurrence
    from reciprocity.vocabulary import OccurrenceStatus

    assert isinstance(status, OccurrenceStatus)
    existing = next((o for o in ritual.occurrences if o.due == due), None)
    if existing is None:
        ritual.occurrences.append(
            Occurrence(due=due, status=status, on=on, host=host, note=note.strip())
        )
    else:
        existing.status, existing.on, existing.host = status, on, host
        existing.note = note.strip() or existing.note


def _host(ritual: Ritual) -> str:
    from reciprocity.agenda import host_words

    return host_words(ritual.next_host) or ""


def cadence_words(rule: str) -> str:
    """``FREQ=MONTHLY;BYDAY=1SA`` as "every month on the first Saturday"; unusual rules as they are."""
    import re

    from reciprocity.coach import practices as words

    parts = dict(part.split("=", 1) for part in rule.split(";"))
    if (
        not set(parts) <= {"FREQ", "INTERVAL", "BYDAY"}
        or parts.get("FREQ") not in words.CADENCE_UNITS
    ):
        return rule
    unit = words.CADENCE_UNITS[parts["FREQ"]]
    count = int(parts.get("INTERVAL", "1"))
    if count == 1:
        every = words.CADENCE_EVERY.format(unit=unit)
    elif count == 2:
        every = words.CADENCE_EVERY_OTHER.format(unit=unit)
    else:
        every = words.CADENCE_EVERY_N.format(count=count, unit=unit)
    if "BYDAY" not in parts:
        return every
    days = []
    for code in parts["BYDAY"].split(","):
        match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", code)
        if match is None or match.group(2) not in words.CADENCE_DAYS:
            return rule
        ordinal = match.group(1)
        if ordinal is not None and ordinal.lstrip("+") not in words.CADENCE_ORDINALS:
            return rule
        name = words.CADENCE_DAYS[match.group(2)]
        days.append(
            name if ordinal is None else f"{words.CADENCE_ORDINALS[ordinal.lstrip('+')]} {name}"
        )
    return words.CADENCE_ON.format(every=every, days=" and ".join(days))


def kept_words(kept: dict[str, object]) -> str:
    from reciprocity.coach import practices as words

    done, missed, skipped = (
        int(str(kept["done"])),
        int(str(kept["missed"])),
        int(str(kept["skipped"])),
    )
    if done + missed + skipped == 0:
        return words.KEPT_NONE
    text = words.KEPT_SHARE.format(done=done, counted=done + missed, since=kept["since"])
    if skipped:
        text += f" ({words.KEPT_SKIPPED.format(count=skipped)})"
    return text
