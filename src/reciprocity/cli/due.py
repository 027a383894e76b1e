"""``reciprocity due`` and ``reciprocity calendar``: what needs attention, and reminders in your calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, emit_json, runtime, say


def due(
    ctx: typer.Context,
    days: Annotated[
        int, typer.Option(min=0, max=366, help="How many days ahead to look (default: 7).")
    ] = 7,
    json: JsonFlag = False,
) -> None:
    """What needs attention: rituals (and who hosts next), check-ins, reviews, follow-ups, dates."""
    from datetime import timedelta

    from reciprocity.coach import practices as words
    from reciprocity.services import due as agenda

    state = runtime(ctx)
    with state.database().transaction() as session:
        if json:
            emit_json(agenda.due_document(session, state.today, days))
            return
        items = agenda.due(session, state.today, days)
    until = state.today + timedelta(days=days)
    if not items:
        say(words.DUE_NOTHING)
        return
    say(words.DUE_TITLE.format(until=until.isoformat()))
    for item in items:
        say(f"  {item.day.isoformat()}  {item.text}.")


def calendar(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.ics", help="Where to write the calendar.")],
) -> None:
    """Write rituals and planned check-ins to an iCalendar file for your own calendar."""
    from datetime import UTC, datetime

    from reciprocity.coach import practices as words
    from reciprocity.errors import InputError
    from reciprocity.model.ritual import all_rituals
    from reciprocity.practices import calendar as ics
    from reciprocity.services import due as agenda
    from reciprocity.store.transfer import write_atomically

    if file.suffix.lower() != ".ics":
        raise InputError(words.CALENDAR_NEEDS_ICS.format(path=file))
    state = runtime(ctx)
    with state.database().transaction() as session:
        rituals = all_rituals(session)
        planned = agenda.planned_checkins(session)
        content = ics.build(rituals, planned, datetime.now(UTC).replace(microsecond=0))
    write_atomically(file, content)
    say(words.CALENDAR_WRITTEN.format(rituals=len(rituals), checkins=len(planned), path=file))
