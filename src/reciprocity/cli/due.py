"""``reciprocity due`` and ``reciprocity calendar``: what needs attention, and reminders in your calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, emit_json, runtime, say
from reciprocity.coach.terms import counts_words, day_words


def due(
    ctx: typer.Context,
    days: Annotated[
        int, typer.Option(min=0, max=366, help="How many days ahead to look (default: 7).")
    ] = 7,
    json: JsonFlag = False,
) -> None:
    """What needs attention: rituals (and who hosts next), check-ins, reviews, follow-ups, dates."""
    from reciprocity.coach import practices as words
    from reciprocity.services import due as attention
    from reciprocity.services import shapes

    state = runtime(ctx)
    found = attention.upcoming(state.database(), today=state.today, days=days)
    if json:
        emit_json(shapes.due(found))
        return
    if not found.items:
        say(words.DUE_NOTHING)
        return
    say(words.DUE_TITLE.format(until=day_words(found.until)))
    for item in found.items:
        say(f"  {day_words(item.day)}  {words.due_text(item)}.")


def calendar(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.ics", help="Where to write the calendar.")],
) -> None:
    """Write rituals and planned check-ins to an iCalendar file for your own calendar."""
    from datetime import UTC, datetime

    from reciprocity.coach import practices as words
    from reciprocity.errors import InputError
    from reciprocity.files import write_atomically
    from reciprocity.services import due as attention

    if file.suffix.lower() != ".ics":
        raise InputError(words.CALENDAR_NEEDS_ICS.format(path=file))
    stamp = datetime.now(UTC).replace(microsecond=0)
    content, rituals, checkins = attention.calendar_file(runtime(ctx).database(), stamp=stamp)
    write_atomically(file, content)
    counts = counts_words({"rituals": rituals, "planned_checkins": checkins})
    say(words.CALENDAR_WRITTEN.format(path=file, **counts))
