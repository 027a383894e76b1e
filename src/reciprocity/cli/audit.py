"""``reciprocity audit``: the guided Reciprocity Audit, and the audits you have kept."""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity.cli.runtime import JsonFlag, RunsByDefault, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words
from reciprocity.errors import ReciprocityError

if TYPE_CHECKING:
    from reciprocity.model import Person


app = typer.Typer(
    cls=RunsByDefault,
    help="The guided Reciprocity Audit ('reciprocity audit [PERSON...]'), and past audits.",
)


@app.command("run")
def run(
    ctx: typer.Context,
    people: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PERSON]...", help="Who to include; you are asked if none are named."
        ),
    ] = None,
    on: Annotated[
        str, typer.Option(metavar="DATE", help="The audit's date (default: today).")
    ] = "today",
    carry_on: Annotated[
        bool,
        typer.Option(
            "--continue",
            help="Carry on from the draft kept when an audit of these people was interrupted.",
        ),
    ] = False,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh",
            help="Start again without asking about a kept draft (saving this audit replaces it).",
        ),
    ] = False,
) -> None:
    """Run the guided audit: four dimensions for each person, then an overall rating.

    Interrupted (Ctrl-C, or the answers run out) after a first answer, the answers
    so far are kept as a draft; the next audit of the same people offers to carry on.
    """
    import sys
    from datetime import date

    from reciprocity.cli import render
    from reciprocity.cli.interview import AuditStopped, Interview
    from reciprocity.coach import app as app_words
    from reciprocity.coach import audit as audit_words
    from reciprocity.coach.audit import SAVE_PROMPT
    from reciprocity.coach.suggestions import SAFETY_NOTE
    from reciprocity.dates import parse_date
    from reciprocity.errors import InputError
    from reciprocity.services import audits
    from reciprocity.services import people as people_service

    if carry_on and fresh:
        raise InputError(audit_words.DRAFT_CONTINUE_OR_FRESH)
    state = runtime(ctx)
    database = state.database()
    day = parse_date(on, today=state.today)
    interview = Interview()
    chosen: list[Person] = []
    for name in people or []:
        person = people_service.get(database, name)
        if person.id in {p.id for p in chosen}:
            raise InputError(audit_words.AUDIT_PERSON_TWICE.format(name=person.name))
        chosen.append(person)
    kept = None if fresh else audits.kept_draft(database, [p.name for p in chosen] or None)
    if kept is not None and not carry_on:
        about = audit_words.DRAFT_ABOUT.format(
            names=", ".join(kept.people),
            on=day_words(kept.on),
            answers=audit_words.answers_words(kept.answered),
        )
        if not sys.stdin.isatty():
            raise InputError(audit_words.DRAFT_WAITING.format(about=about))
        if not interview.yes(audit_words.DRAFT_OFFER.format(about=about)):
            kept = None
    elif kept is None and carry_on:
        raise InputError(audit_words.NO_DRAFT.format(of=_of(p.name for p in chosen)))
    if kept is not None:
        chosen = [people_service.get(database, name) for name in kept.people]
        day = date.fromisoformat(kept.document["date"])
    elif not chosen:
        everyone = people_service.everyone(database)
        if not everyone:
            raise InputError(audit_words.AUDIT_NEEDS_PEOPLE)
        chosen = interview.choose(everyone)
    names = [p.name for p in chosen]
    notes = {p.name: audits.context_notes(database, p.id, day) for p in chosen}
    try:
        draft = interview.run(names, notes, day, kept=None if kept is None else kept.document)
        render.print_draft(draft)
        keep = interview.yes(SAVE_PROMPT)
    except (KeyboardInterrupt, AuditStopped) as stopped:
        if isinstance(stopped, KeyboardInterrupt):
            interview.out.print()  # after the ^C the terminal shows, a line of its own
        if not audits.answered(interview.document):
            if isinstance(stopped, AuditStopped):
                raise
            error = AuditKept(app_words.INTERRUPTED)
        else:
            audits.keep_draft(database, interview.document)
            again = " ".join(shlex.quote(n) for n in names)
            error = AuditKept(
                audit_words.DRAFT_KEPT.format(command=f"reciprocity audit {again} --continue")
            )
        error.exit_code = 130 if isinstance(stopped, KeyboardInterrupt) else 1
        raise error from None
    if not keep:
        if kept is not None:
            audits.drop_draft(database, names)
        say(audit_words.AUDIT_NOT_SAVED)
        return
    saved = audits.save(database, draft)
    audits.drop_draft(database, names)
    say(
        audit_words.AUDIT_SAVED.format(id=saved.audit.id, on=day_words(day), names=", ".join(names))
    )
    for name in saved.safety:
        say(SAFETY_NOTE.format(name=name))


class AuditKept(ReciprocityError):
    """An audit stopped before the end: its answers so far kept as a draft, or none given."""


def _of(names: Iterable[str]) -> str:
    joined = ", ".join(names)
    return f" of {joined}" if joined else ""


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """The audits you have kept, oldest first."""
    from rich.table import Table

    from reciprocity.coach import audit as audit_words
    from reciprocity.services import audits, shapes

    rows = [shapes.audit_summary(a) for a in audits.everyone(runtime(ctx).database())]
    if json:
        emit_json(rows)
        return
    if not rows:
        say(audit_words.NO_AUDITS)
        return
    table = Table("Id", "Date", "People (overall rating)")
    for r in rows:
        table.add_row(
            str(r["id"]),
            day_words(r["date"]),
            ", ".join(f"{n} ({v})" for n, v in r["overall"].items()),
        )
    console().print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    audit_id: Annotated[
        int, typer.Argument(metavar="ID", help="The audit's id (see 'audit list').")
    ],
    json: JsonFlag = False,
) -> None:
    """One audit in full: ratings, which way each leans, visions and answers."""
    from reciprocity.cli import render
    from reciprocity.services import audits, shapes

    data = shapes.audit(audits.get(runtime(ctx).database(), audit_id))
    if json:
        emit_json(data)
    else:
        render.print_audit(data)


@app.command("compare")
def compare(
    ctx: typer.Context,
    person: Annotated[
        str | None, typer.Argument(help="Only this person (default: everyone audited).")
    ] = None,
    json: JsonFlag = False,
) -> None:
    """How each relationship's ratings moved from one audit to the next."""
    from reciprocity.coach import audit as audit_words
    from reciprocity.services import audits
    from reciprocity.services import people as people_service

    database = runtime(ctx).database()
    only = people_service.get(database, person).name if person else None
    data = audits.compare(database, only)
    if json:
        emit_json(data)
        return
    if not any(len(d["audits"]) >= 2 for d in data):
        count = max((len(d["audits"]) for d in data), default=0)
        say(audit_words.COMPARE_NEEDS_TWO.format(of=f" of {only}" if only else "", count=count))
        return
    _print_trends(data)


@app.command("remove")
def remove(
    ctx: typer.Context,
    audit_id: Annotated[
        int, typer.Argument(metavar="ID", help="The audit's id (see 'audit list').")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove an audit, with its ratings and visions (a copy of everything is kept first)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import audit as audit_words
    from reciprocity.coach import people as people_words
    from reciprocity.services import audits

    database = runtime(ctx).database()
    audit = audits.get(database, audit_id)
    what = audit_words.AUDIT_LABEL.format(
        id=audit.id, on=day_words(audit.on), names=", ".join(e.person.name for e in audit.entries)
    )
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = audits.remove(database, audit_id)
    say(removed_words(what, copy))


def _print_trends(data: list[dict[str, Any]]) -> None:
    from rich.table import Table

    from reciprocity.coach.audit import GUIDES, OVERALL_TITLE, SHORT_DIRECTIONS
    from reciprocity.vocabulary import Dimension

    for item in data:
        audits = item["audits"]
        if len(audits) < 2:
            continue
        table = Table("", *[day_words(a["date"]) for a in audits], "Change", title=item["person"])
        rows: list[tuple[str, str | None]] = [(GUIDES[d].title, d.value) for d in Dimension]
        rows.append((OVERALL_TITLE, None))
        for title, key in rows:
            cells = [a["dimensions"].get(key) if key else a["overall"] for a in audits]
            shown = [
                f"{c['rating']} · {SHORT_DIRECTIONS[c['direction']]}" if c else "-" for c in cells
            ]
            known = [c["rating"] for c in cells if c]
            change = known[-1] - known[0] if len(known) >= 2 else 0
            table.add_row(title, *shown, f"{change:+d}" if change else "same")
        console().print(table)
