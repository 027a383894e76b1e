"""``reciprocity patterns`` and ``reciprocity status``: which way care leans, over months."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, runtime, say

if TYPE_CHECKING:
    from reciprocity.patterns import RelationshipPattern

BARS = "▁▂▃▄▅▆▇█"


def patterns(
    ctx: typer.Context,
    person: Annotated[
        str | None, typer.Argument(help="Whose patterns (default: everyone).")
    ] = None,
    json: JsonFlag = False,
) -> None:
    """Which way care leans in each dimension over recent months, and what might help."""
    from reciprocity.coach import people as people_words
    from reciprocity.services import patterns as overview

    state = runtime(ctx)
    database = state.database()
    if person:
        found = [overview.of(database, person, today=state.today)]
    else:
        found = overview.everyone(database, today=state.today)
    if json:
        emit_json(found[0].as_dict() if person else [p.as_dict() for p in found])
        return
    if not found:
        say(people_words.NO_PEOPLE)
        return
    for pattern in found:
        _print_pattern(pattern)


def status(ctx: typer.Context, json: JsonFlag = False) -> None:
    """One screen: who leans which way, chronic or passing, and energy."""
    from datetime import timedelta

    from reciprocity.coach import people as people_words
    from reciprocity.coach import terms
    from reciprocity.services import patterns as overview
    from reciprocity.services import shapes
    from reciprocity.services import wins as small_wins
    from reciprocity.vocabulary import Dimension

    state = runtime(ctx)
    database = state.database()
    found = overview.everyone(database, today=state.today)
    recent = small_wins.recent(database, since=state.today - timedelta(days=30))[:5]
    wins = [shapes.win(w) for w in recent]
    rows = [_status_row(p) for p in found]
    if json:
        emit_json({"today": state.today.isoformat(), "relationships": rows, "wins": wins})
        return
    if not rows:
        say(people_words.NO_PEOPLE)
        return
    from rich.table import Table

    table = Table(
        people_words.STATUS_PERSON,
        *(terms.dimension_title(d) for d in Dimension),
        people_words.STATUS_ENERGY,
        title=people_words.STATUS_TITLE,
    )
    for pattern in found:
        cells = [_cell(pattern, d) for d in pattern.dimensions]
        table.add_row(pattern.person, *cells, pattern.energy.label)
    console().print(table)
    for pattern in found:
        if pattern.suggestions:
            say(f"{pattern.person}: {pattern.suggestions[0].text}")
    if wins:
        from reciprocity.coach import practices as words

        say(words.STATUS_WINS)
        for win in wins:
            whose = words.YOUR_OWN if win["whose"] == "me" else win["whose"]
            say(f"  {terms.day_words(win['on'])}  {whose}: {win['text']}")


def _status_row(pattern: RelationshipPattern) -> dict[str, object]:
    return {
        "person": pattern.person,
        "dimensions": {
            str(d): {
                "leaning": str(p.leaning),
                "strength": round(p.strength, 3),
                "chronic": p.chronic,
                "in_season": p.in_season,
                "change": None if p.change is None else str(p.change),
                "notes_needed": p.notes_needed,
            }
            for d, p in pattern.dimensions.items()
        },
        "energy": pattern.energy.label,
        "suggestion": pattern.suggestions[0].as_dict() if pattern.suggestions else None,
    }


def _cell(pattern: RelationshipPattern, dimension: object) -> str:
    from reciprocity.coach import terms
    from reciprocity.coach.suggestions import need_short

    reading = pattern.dimensions[dimension]  # type: ignore[index]
    if reading.notes_needed:
        return f"{reading.label} ({need_short(reading.notes_needed)})"
    if reading.in_season:  # the same order as the badges on the person page
        return f"{reading.label} · {terms.IN_SEASON}"
    if reading.chronic:
        return f"{reading.label} · {terms.CHRONIC}"
    if reading.leaning.one_sided:
        return f"{reading.label} · {terms.PASSING}"
    return reading.label


def sparkline(shares: list[float | None]) -> str:
    """One character per window: low means they carried more, high means you did."""
    out = []
    for share in shares:
        if share is None:
            out.append(" ")
        else:
            out.append(BARS[min(len(BARS) - 1, int(share * len(BARS)))])
    return "".join(out)


def _print_pattern(pattern: RelationshipPattern) -> None:
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.patterns import Leaning

    out = console()
    table = Table(
        "Dimension", "Recent months", "Over time", "Felt · evidence", title=escape(pattern.person)
    )
    for dimension, reading in pattern.dimensions.items():
        shares = [
            None if w.estimate.leaning is Leaning.UNKNOWN else w.estimate.share_me
            for w in reading.windows
        ]
        felt = "-" if reading.felt_rating is None else str(reading.felt_rating)
        suggested = "-" if reading.suggested_rating is None else str(reading.suggested_rating)
        table.add_row(
            str(dimension), escape(reading.label), sparkline(shares), f"{felt} · {suggested}"
        )
    out.print(table)
    for dimension, reading in pattern.dimensions.items():
        if reading.need:
            out.print(f"[dim]{dimension}[/dim]: {escape(reading.need)}")
    out.print(escape(pattern.energy.label))
    for dimension, reading in pattern.dimensions.items():
        if reading.explanation:
            out.print(f"[dim]{dimension}[/dim]: {escape(reading.explanation)}")
    for suggestion in pattern.suggestions:
        out.print(f"• {escape(suggestion.text)}")
    out.print()
