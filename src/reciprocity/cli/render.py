"""Turning what the services return (in its JSON shape) into what the terminal shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reciprocity.cli.runtime import console
from reciprocity.coach import audit as audit_words
from reciprocity.coach.audit import DIRECTIONS, GUIDES, SCALE
from reciprocity.coach.people import birthday_words
from reciprocity.coach.terms import day_words, style_list
from reciprocity.dates import PartialDate
from reciprocity.vocabulary import Dimension, Direction

if TYPE_CHECKING:
    from reciprocity.services.audits import AuditDraft, Lean


def print_person_page(data: dict[str, Any]) -> None:
    from rich.table import Table

    from reciprocity.coach import people as people_words

    out = console()
    out.print(f"[bold]{_esc(data['name'])}[/bold] · {data['kind']}")
    if data["birthday"]:
        born = PartialDate.from_iso(data["birthday"])
        out.print(
            people_words.PERSON_SHOW_BIRTHDAY.format(day=birthday_words(born.month, born.day, None))
        )
    their = style_list(data["their_care"]) or people_words.PERSON_SHOW_CARE_NONE
    mine = style_list(data["my_care"]) or people_words.PERSON_SHOW_CARE_NONE
    out.print(people_words.PERSON_SHOW_THEIR_CARE.format(styles=their), markup=False)
    out.print(people_words.PERSON_SHOW_MY_CARE.format(styles=mine), markup=False)
    if data["note"]:
        out.print(people_words.PERSON_SHOW_NOTE.format(note=data["note"]), markup=False)
    for season in data["seasons"]:
        whose = people_words.YOU if season["whose"] == "me" else season["whose"]
        row = people_words.season_row(season["kind"], season["start"], season["end"])
        out.print(
            people_words.PERSON_SHOW_SEASON.format(id=season["id"], whose=whose, row=row),
            markup=False,
        )
    latest = data["latest_audit"]
    if latest:
        out.print()
        out.print(
            people_words.PERSON_SHOW_AUDIT.format(
                on=day_words(latest["date"]),
                rating=latest["rating"],
                lean=_lean(latest["direction"]),
            ),
            markup=False,
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
                day_words(m["on"]),
                m["by"],
                ", ".join(m["dimensions"]),
                style_list([m["style"]]) if m["style"] else "",
                energy,
                _esc(m["text"]),
            )
        out.print(table)


def print_draft(draft: AuditDraft) -> None:
    """An audit as answered, before it is saved."""

    def lean(part: Lean) -> dict[str, Any]:
        return {"rating": part.rating, "direction": part.direction.value, "vision": part.vision}

    entries = [
        {
            "person": str(entry.person),
            **lean(entry.overall),
            "dimensions": {
                d.value: {
                    **lean(p.lean),
                    "answers": [{"question": a.question, "answer": a.answer} for a in p.answers],
                }
                for d, p in entry.dimensions.items()
            },
        }
        for entry in draft.entries
    ]
    title = audit_words.AUDIT_DRAFT_TITLE.format(on=day_words(draft.on))
    print_audit({"note": draft.note, "entries": entries}, title=title)


def print_audit(data: dict[str, Any], *, title: str | None = None) -> None:
    from rich.table import Table

    out = console()
    out.print(
        f"[bold]{title or audit_words.AUDIT_HEADING.format(id=data['id'], on=day_words(data['date']))}[/bold]"
    )
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
        _print_answers(entry["dimensions"])


def _print_answers(dimensions: dict[str, Any]) -> None:
    """The written answers to the questions, dimension by dimension (blank ones left out)."""
    out = console()
    written = {
        name: [a for a in rating.get("answers", []) if str(a.get("answer", "")).strip()]
        for name, rating in dimensions.items()
    }
    if not any(written.values()):
        return
    out.print(f"[bold]{audit_words.AUDIT_ANSWERS}[/bold]")
    for name, answers in written.items():
        if not answers:
            continue
        out.print(f"  {GUIDES[Dimension(name)].title}")
        for answer in answers:
            out.print(f"    {_esc(str(answer.get('question', '')))}")
            out.print(f"      {_esc(str(answer['answer']))}")
    out.print()


def _scale(rating: int) -> str:
    return f"{rating} ({SCALE[rating]})"


def _lean(direction: str) -> str:
    return DIRECTIONS[Direction(direction)]


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


__all__ = ["print_audit", "print_draft", "print_person_page"]
