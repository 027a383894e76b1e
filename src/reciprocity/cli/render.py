"""Turning stored things into what the terminal shows (and the same data as JSON)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reciprocity.cli.runtime import console
from reciprocity.coach import messages
from reciprocity.coach.questions import DIRECTIONS, GUIDES, SCALE
from reciprocity.vocabulary import Dimension, Direction

if TYPE_CHECKING:
    from reciprocity.model import Audit, Person

RECENT = 12


def person_page(person: Person) -> dict[str, Any]:
    moments = sorted(person.moments, key=lambda m: (m.on, m.id))
    entries = sorted(person.audit_entries, key=lambda e: (e.audit.on, e.audit.id))
    latest = entries[-1] if entries else None
    return {
        **person.as_dict(),
        "moments": len(moments),
        "recent_moments": [m.as_dict() for m in reversed(moments[-RECENT:])],
        "seasons": [{"id": s.id, **s.as_dict()} for s in person.seasons],
        "latest_audit": (
            {"id": latest.audit.id, "date": latest.audit.on.isoformat(), **latest.as_dict()}
            if latest
            else None
        ),
    }


def print_person_page(data: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    out.print(f"[bold]{_esc(data['name'])}[/bold] · {data['kind']}")
    if data["birthday"]:
        out.print(f"Birthday: {data['birthday']}")
    out.print(f"How they show care: {', '.join(data['their_care']) or 'not noted yet'}")
    out.print(f"How you show care: {', '.join(data['my_care']) or 'not noted yet'}")
    if data["note"]:
        out.print(f"Note: {_esc(data['note'])}")
    for season in data["seasons"]:
        until = season["end"] or "ongoing"
        out.print(
            f"Season {season['id']}: {season['kind']} ({season['whose']}), {season['start']} to {until}"
        )
    latest = data["latest_audit"]
    if latest:
        out.print()
        out.print(
            f"Latest audit ({latest['date']}): overall {latest['rating']} · {_lean(latest['direction'])}"
        )
        for name, rating in latest["dimensions"].items():
            title = GUIDES[Dimension(name)].title
            out.print(f"  {title}: {rating['rating']} · {_lean(rating['direction'])}")
    if data["recent_moments"]:
        out.print()
        table = Table("Date", "By", "Dimensions", "Style", "Energy", "Note", title="Recent moments")
        for m in data["recent_moments"]:
            energy = "" if m["energy"] is None else f"{m['energy']:+d}".replace("+0", "0")
            table.add_row(
                m["on"],
                m["by"],
                ", ".join(m["dimensions"]),
                m["style"] or "",
                energy,
                _esc(m["text"]),
            )
        out.print(table)


def audit_rows(audit: Audit) -> dict[str, Any]:
    return {"id": audit.id, **audit.as_dict()}


def print_audit(data: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    out.print(f"[bold]Audit {data['id']}[/bold] · {data['date']}")
    if data["note"]:
        out.print(_esc(data["note"]))
    for entry in data["entries"]:
        table = Table("Dimension", "Rating", "Leaning", "Vision", title=_esc(entry["person"]))
        for name, rating in entry["dimensions"].items():
            table.add_row(
                GUIDES[Dimension(name)].title,
                _scale(rating["rating"]),
                _lean(rating["direction"]),
                _esc(rating["vision"] or ""),
            )
        table.add_row(
            "Overall",
            _scale(entry["rating"]),
            _lean(entry["direction"]),
            _esc(entry["vision"] or ""),
        )
        out.print(table)


def _scale(rating: int) -> str:
    return f"{rating} ({SCALE[rating]})"


def _lean(direction: str) -> str:
    return DIRECTIONS[Direction(direction)]


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


__all__ = ["audit_rows", "messages", "person_page", "print_audit", "print_person_page"]
